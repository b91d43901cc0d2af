"""Numbers read by their written shape, which the entity recogniser splits or misses: a game's
score ("won 31-24": the unit "score", valued by its first side) and a measurement glued to its
unit word ("a magnitude-6.1 quake")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.nlp import Doc, doc_text, sentence_bounds, sentence_of
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


def sides(text: str) -> tuple[int, int] | None:
    """A score's two sides, the larger first ("24-31" and "31-24" are one result)."""
    found = _SCORE.search(text)
    if not found:
        return None
    a, b = int(found.group(1)), int(found.group(2))
    return (max(a, b), min(a, b))


def read(doc: Doc, *, res: Resources, quoted: QuotedRegions) -> list[Quantity]:
    """The scores and glued measurements of the article, in text order."""
    full = doc_text(doc)
    found = []
    for match in _SCORE.finditer(full):
        if _in_score_sentence(doc, match.start(), res):
            found.append(
                _quantity(doc, match.start(), match.end(), float(match.group(1)), "score", quoted)
            )
    for match in _GLUED.finditer(full):
        unit = res.units.get(match.group(1).lower())
        if unit is not None:
            start = match.start()
            found.append(_quantity(doc, start, match.end(), float(match.group(2)), unit, quoted))
    return sorted((q for q in found if q is not None), key=lambda q: q.span.start)


def _in_score_sentence(doc: Doc, start: int, res: Resources) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sentence = sentence_of(span[0])
    return any(t.lower_ in res.scores or t.lemma_.lower() in res.scores for t in sentence)


def _quantity(
    doc: Doc, start: int, end: int, value: float, unit: str, quoted: QuotedRegions
) -> Quantity | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    where = Span(start, end)
    return Quantity(
        text=doc_text(doc)[start:end],
        span=where,
        value=value,
        low=value,
        high=None,
        qualifier=None,
        unit=unit,
        about=unit,
        counted=unit,
        sentence=Span(*sentence_bounds(sentence_of(span[0]))),
        quoted=quoted.contains(where),
    )
