"""Records of reading: spans, metadata, the articles as read, what page chrome left, and the
inputs left out."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

# The files that mark a folder as a framing report: the report replaces such a folder whole, and
# reading skips it (an earlier report inside an article folder is not articles).
REPORT_MARKER = "framing.json"
REPORT_INDEX = "index.md"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Span needs 0 <= start <= end, got ({self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Meta:
    """Article metadata; every field may be unknown."""

    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read from disk, before cleaning.

    ``body_start`` is where the article body begins (after front matter); ``origin`` names the file
    and, for a record in a .jsonl file, the line, for messages.
    """

    id: str
    path: str
    text: str
    meta: Meta = Meta()
    body_start: int = 0
    origin: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article file or .jsonl record left out of a run (``on_bad="skip"``), and why."""

    path: str
    line: int | None  # the line of a .jsonl record; None for a whole file
    reason: str  # the refusal's message without its place, as ``Error:`` would give it


@dataclass(frozen=True, slots=True)
class ChromeRegion:
    """Text judged not to be the article, with the rule that said so."""

    span: Span
    # navigation, tail, link, credit, caption, byline, repeated-title, pull-quote, repeated-line...
    kind: str
    rule: str  # lexicon file:line or the name of a layout rule


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Where the article lies inside a Source's text."""

    article: tuple[Span, ...]
    chrome: tuple[ChromeRegion, ...]
    title: str | None = None
    title_span: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    byline_outlet: str | None = None  # "By World News Staff" names an outlet ...
    byline_author: str | None = None  # ... "By Jane Doe" a person


class Covered:
    """Fast "what share of start..end lies inside these spans?" for spans that may overlap (a
    document's quotations and the content of what its sources are reported to say)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in spans if s.end > s.start):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def share(self, start: int, end: int) -> float:
        inside = 0
        for index in range(max(0, bisect.bisect_right(self._starts, start) - 1), len(self._starts)):
            if self._starts[index] >= end:
                break
            inside += max(0, min(end, self._ends[index]) - max(start, self._starts[index]))
        return inside / (end - start) if end > start else 0.0
