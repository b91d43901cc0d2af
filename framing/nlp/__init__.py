"""The parse: spaCy's pipeline (``model``, the only module that imports spaCy), its parses cached
on disk (``parser``), and the helpers every stage reads a parse through (``doc``)."""

from framing.nlp.doc import (
    column,
    doc_text,
    entities,
    headline_lines,
    heads,
    in_dateline,
    in_headline,
    release,
    sentence_bounds,
    sentence_of,
    sentences,
    strings_of,
    text_sentences,
    token_index,
    token_list,
)
from framing.nlp.model import Doc, Span, Token, load_model, word_forms
from framing.nlp.parser import PARALLEL_MIN, Parser, ParseStats, cache_dir

__all__ = [
    "PARALLEL_MIN",
    "Doc",
    "ParseStats",
    "Parser",
    "Span",
    "Token",
    "cache_dir",
    "column",
    "doc_text",
    "entities",
    "headline_lines",
    "heads",
    "in_dateline",
    "in_headline",
    "load_model",
    "release",
    "sentence_bounds",
    "sentence_of",
    "sentences",
    "strings_of",
    "text_sentences",
    "token_index",
    "token_list",
    "word_forms",
]
