"""Quotation marks: where the quoted passages of an article are.

Attribution needs them (a direct quote is speech), and so does wording (words inside a quote are
the speaker's, not the outlet's), so they are found once, here, on the text itself.

Rules, from news style: double quotes (straight or curly) quote speech; a quote may run over
several sentences; a quote that runs on into the next paragraph leaves its closing mark off and
opens the next paragraph with a new one.  An opening mark that is never closed does not derail the
rest of the document: it quotes nothing, and the next paragraph starts afresh.  Single curly
quotes are kept apart (kind ``single``): they mark quotes inside quotes, headline quotes and scare
quotes, which the wording stage judges.  But single marks, curly or straight, that frame a
sentence in running text outside any double quotation ('We will win,' she said) are speech, as
British style and some text exports write it: they are kind ``double``, the kind of speech.
Straight single marks are otherwise apostrophes, so only that shape is read: an opening mark
before a capital letter, a closing mark just after the sentence's punctuation, then more words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.records import Covered, Span

OPEN_DOUBLE = "\u201c\u201e"
CLOSE_DOUBLE = "\u201d"
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # the quoted words, without the marks
    outer: Span  # with the marks
    kind: str  # double | single


def _paragraphs(text: str, regions: tuple[Span, ...]) -> list[Span]:
    spans = []
    for region in regions:
        start = region.start
        for match in _PARAGRAPH.finditer(text, region.start, region.end):
            if match.start() > start:
                spans.append(Span(start, match.start()))
            start = match.end()
        if region.end > start:
            spans.append(Span(start, region.end))
    return spans


def _is_apostrophe(text: str, index: int) -> bool:
    """A right single quote between letters (don't, Ireland’s) or after s (leaders’) is an apostrophe."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before in "sS" and not after.isalnum())


def _marks(text: str, para: Span) -> list[tuple[int, int, str]]:
    """The double quotation marks of a paragraph: (start, end, open | close | either).  Besides
    curly and straight marks, the typewriter convention of text made for parsers (two backticks
    open, two apostrophes close: ``like this'')."""
    found = []
    index = para.start
    while index < para.end:
        pair = text[index : index + 2]
        if pair in {"``", "''"}:
            found.append((index, index + 2, "open" if pair == "``" else "close"))
            index += 2
            continue
        char = text[index]
        if char in OPEN_DOUBLE:
            found.append((index, index + 1, "open"))
        elif char in CLOSE_DOUBLE:
            found.append((index, index + 1, "close"))
        elif char == STRAIGHT:
            found.append((index, index + 1, "either"))
        index += 1
    return found


def _double_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    quotes: list[Quote] = []
    for para in paragraphs:
        open_at: tuple[int, int] | None = None  # the open mark's start and end
        for start, end, role in _marks(text, para):
            if role == "open" or (role == "either" and open_at is None):
                # a new opening mark before the last closed restarts the quote
                open_at = (start, end)
            elif open_at is not None:
                if start > open_at[1]:
                    quotes.append(Quote(Span(open_at[1], start), Span(open_at[0], end), "double"))
                open_at = None
        if open_at is not None:
            # Unclosed: a quote that runs on into the next paragraph (news style) keeps its
            # words; a stray mark quotes nothing.
            last = para.end
            while last > open_at[1] and text[last - 1].isspace():
                last -= 1
            runs_on = _next_starts_with_quote(text, paragraphs, para)
            if runs_on and last > open_at[1]:
                quotes.append(Quote(Span(open_at[1], last), Span(open_at[0], last), "double"))
    return quotes


def _next_starts_with_quote(text: str, paragraphs: list[Span], para: Span) -> bool:
    following = [p for p in paragraphs if p.start >= para.end]
    if not following:
        return False
    nxt = following[0]
    opening = text[nxt.start : nxt.end].lstrip()
    return opening[:1] in OPEN_DOUBLE + STRAIGHT or opening.startswith("``")


_FRAMED = re.compile(
    # an opening mark at the start of a paragraph or after a space, a dash or a bracket, before a
    # capital (a space after it is a text export's); the sentence, with no mark of either kind
    # in it that could open another; its closing punctuation (maybe a double mark closing a quote
    # inside it); the closing mark, then a space and a word: a sentence alone in its paragraph
    # is a headline or a slogan, not speech
    r"(?:(?<=^)|(?<=[\s(\u2014\u2013]))(['\u2018]) ?(?=[A-Z])"
    r"((?:[^'\u2018\u2019\n]|(?<=[A-Za-z])['\u2019](?=[a-z]))+?[,.?!][\"\u201d]?)"
    r"['\u2019](?= +[\w\u201c\"])",
    re.MULTILINE,
)
FRAMED_MIN_WORDS = 3  # 'Yes,' she said: too short to tell from a scare quote's shape


def _framed(text: str, paragraphs: list[Span], doubles: list[Quote]) -> list[Quote]:
    """Single marks framing a sentence of speech outside double quotations (see the module)."""
    quotes = []
    for para in paragraphs:
        for match in _FRAMED.finditer(text, para.start, para.end):
            outer = Span(match.start(), match.end())
            inner = Span(match.start(2), match.end(2))
            if len(match.group(2).split()) < FRAMED_MIN_WORDS or any(
                q.outer.overlaps(outer) and not outer.contains(q.outer) for q in doubles
            ):
                continue
            quotes.append(Quote(inner, outer, "double"))
    return quotes


def _single_quotes(text: str, paragraphs: list[Span], framed: list[Quote]) -> list[Quote]:
    quotes = []
    speech = {q.outer.start for q in framed}
    for para in paragraphs:
        open_at: int | None = None
        for index in range(para.start, para.end):
            char = text[index]
            if index in speech:
                open_at = None
            elif char == "\u2018":
                open_at = index
            elif char == "\u2019" and open_at is not None and not _is_apostrophe(text, index):
                if index > open_at + 1:
                    quotes.append(
                        Quote(Span(open_at + 1, index), Span(open_at, index + 1), "single")
                    )
                open_at = None
    return quotes


def find_quotes(text: str, regions: tuple[Span, ...]) -> tuple[Quote, ...]:
    """Every quoted passage inside the article ``regions`` of ``text``, in text order."""
    paragraphs = _paragraphs(text, regions)
    doubles = _double_quotes(text, paragraphs)
    framed = _framed(text, paragraphs, doubles)
    # a double quotation inside a framed one is a quote inside a quote ('He called it "a sham,"'
    # she wrote), as single marks inside double ones are
    doubles = [
        Quote(q.span, q.outer, "single") if any(f.outer.contains(q.outer) for f in framed) else q
        for q in doubles
    ]
    found = doubles + framed + _single_quotes(text, paragraphs, framed)
    return tuple(sorted(found, key=lambda q: (q.outer.start, q.outer.end)))


class QuotedRegions:
    """Fast "is this span inside a double quotation?" for a document's quotes (checked for every
    token, so a scan of all quotes each time would make long articles quadratic)."""

    __slots__ = ("_ends", "_starts", "share")

    def __init__(self, quotes: tuple[Quote, ...] | list[Quote]) -> None:
        doubles = [q.span for q in quotes if q.kind == "double"]
        spans = sorted((span.start, span.end) for span in doubles)
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        # the share of the characters start..end inside double quotations
        self.share = Covered(doubles).share

    def contains(self, span: Span) -> bool:
        return self.holds(span.start, span.end)

    def holds(self, start: int, end: int) -> bool:
        """``contains`` for the characters start..end, without making a Span (asked of every
        word of an article)."""
        index = bisect.bisect_right(self._starts, start) - 1
        # Double quotations do not overlap one another, so the last one starting at or before the
        # span is the only one that can hold it.
        return index >= 0 and end <= self._ends[index]
