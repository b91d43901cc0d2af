"""Parse in batches and cache every parse.

Parsing is the slow step (the small English pipeline manages a few thousand words a second per
core), so each parse is stored as a spaCy ``DocBin`` (never pickle) in a cache folder keyed by a
hash of the text and of the pipeline's name, version and components.  A re-run after a lexicon
edit therefore parses nothing.  The cache folder is ``$FRAMING_CACHE_DIR``, else
``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.nlp.doc import keep_text
from framing.nlp.model import Doc, DocBin, Language, load_model, spacy_version

# Articles parsed together.  spaCy's memory for a batch grows with its tokens: on 100 news
# articles (about 1,100 words each) a batch of 64 peaked at 1.6 GB, 16 at 730 MB, 8 at 550 MB,
# and 8 was no slower (benchmarks/bench.py; measured 2026-11-22).
BATCH_SIZE = 8
# Fewer articles than this to parse are parsed in this process whatever ``n_process`` says: each
# worker process loads its own pipeline (a second or two), which a few articles do not repay.
PARALLEL_MIN = 128


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
            spacy_version(),
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
                keep_text(loaded, texts[index])  # checked by _fits
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
            keep_text(doc, texts[index])  # what spaCy keeps whole as the Doc's text
            yield doc
