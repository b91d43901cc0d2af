"""Numbers read by their written shape, which the entity recogniser splits or misses: a game's
score ("won 31-24": the unit "score", valued by its first side) and a measurement glued to its
unit word ("a magnitude-6.1 quake")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.nlp import Doc, doc_text, sentence_bounds, sentence_of
from framing.nlp import Span as SpacySpan
from framing.quotes import QuotedRegions
from framing.records import Quantity, Span

if TYPE_CHECKING:
    from framing.features.quantities import Resources

# Two numbers of at most three digits joined by a hyphen or a dash, not inside a longer number,
# a date ("2013-07-02"), a ratio or a word ("MS08-078"), nor followed by a unit ("18-24 years").
_SCORE = re.compile(
    r"(?<![\w.,/\u2013-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})"
    r"(?![\w/%\u2013-]|[.,]\d|\s?(?:%|percent))"
)
_GLUED = re.compile(r"\b([A-Za-z]+)-(\d+(?:\.\d+)?)\b")


def read(doc: Doc, *, res: Resources, quoted: QuotedRegions) -> list[Quantity]:
    """The scores and glued measurements of the article, in text order."""
    full = doc_text(doc)
    found = []
    for match in _SCORE.finditer(full):
        sentence = _sentence(doc, match.start(), match.end())
        if sentence is not None and any(
            t.lower_ in res.scores or t.lemma_.lower() in res.scores for t in sentence
        ):
            found.append(_quantity(full, match, float(match.group(1)), "score", sentence, quoted))
    for match in _GLUED.finditer(full):
        unit = res.units.get(match.group(1).lower())
        sentence = _sentence(doc, match.start(), match.end()) if unit is not None else None
        if unit is not None and sentence is not None:
            found.append(_quantity(full, match, float(match.group(2)), unit, sentence, quoted))
    return sorted(found, key=lambda q: q.span.start)


def _sentence(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The sentence holding the characters start..end, None when no token lies there."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return sentence_of(span[0]) if span is not None and len(span) else None


def _quantity(
    full: str,
    match: re.Match[str],
    value: float,
    unit: str,
    sentence: SpacySpan,
    quoted: QuotedRegions,
) -> Quantity:
    where = Span(match.start(), match.end())
    return Quantity(
        text=full[where.start : where.end],
        span=where,
        value=value,
        low=value,
        high=None,
        qualifier=None,
        unit=unit,
        about=unit,
        counted=unit,
        sentence=Span(*sentence_bounds(sentence)),
        quoted=quoted.contains(where),
    )
