"""Find the article inside page text: drop navigation, teaser tails, links, credits and bylines.

Rules come from two places: the phrases in ``lexicons/chrome.tsv`` (what a navigation line or a
teaser heading says) and layout cues that hold on any page (a short line, no closing full stop,
a line repeated from elsewhere in the page).  Nothing is deleted: the chrome stays in the text, so
offsets still point into the file, and ``Cleaned.article`` lists the regions kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from framing.lexicons import CHROME, Lexicons, Row, Table, normalize
from framing.records import ChromeRegion, Cleaned, Span

# Layout thresholds, chosen from how these elements look on news and blog pages: a headline is
# rarely over 30 words, a "Read ..." teaser link or a byline rarely over 25 and 10, a photo credit
# line rarely over 20.  Beyond them a line is far more likely to be a paragraph of the article.
TITLE_MAX_WORDS = 30
LINK_MAX_WORDS = 25
BYLINE_MAX_WORDS = 10
CREDIT_MAX_WORDS = 20
TAIL_MAX_WORDS = 8
PULL_QUOTE_MAX_WORDS = 80
REPEATED_MIN_WORDS = 5
# Shorter quotes ("No.") repeat by chance; a pull quote is a sentence or more.
PULL_QUOTE_MIN_WORDS = 4
# A tail marker ("Popular posts") ends the article only after this many words of article, so a
# stray heading at the top of a page cannot swallow the story.
TAIL_MIN_WORDS_BEFORE = 50
# How a copyright notice opens (lower-cased): such a line is a credit however it ends.
_COPYRIGHT_OPENINGS = ("\u00a9", "(c)", "copyright \u00a9", "copyright (c)")

_SENTENCE_END = re.compile(r"[.!?:;,\"'\u201d\u2019)]$")
_QUOTES_OPEN = "\"'\u201c\u2018\u00ab"
_QUOTES_CLOSE = "\"'\u201d\u2019\u00bb"
_WORD = re.compile(r"\w[\w'\u2019-]*")
# What may stand between a byline's opening phrase and the name: "By: Jane Doe", "By - Jane Doe".
_BYLINE_SEPARATOR = re.compile(r"^(?:[\s:|\u2013\u2014]|-(?=\s))*")


@dataclass(frozen=True, slots=True)
class _Line:
    span: Span  # the line without its surrounding whitespace
    raw: str
    norm: str  # normalize()d, trailing colon dropped

    @property
    def words(self) -> int:
        return len(self.norm.split())


@dataclass(frozen=True, slots=True)
class Rules:
    table: Table
    line: dict[str, Row]
    tail: dict[str, Row]
    link: list[tuple[str, Row]]  # longest first
    credit: list[tuple[str, Row]]
    byline: list[tuple[str, Row]]
    outlet_suffix: list[tuple[str, Row]]


def chrome_rules(lexicons: Lexicons) -> Rules:
    """The chrome phrases indexed by what they do; build once per run, not per document."""
    table = lexicons[CHROME.name]
    by_kind: dict[str, list[tuple[str, Row]]] = {}
    for row in table.rows:
        by_kind.setdefault(row.text(CHROME, "kind"), []).append((row.text(CHROME, "phrase"), row))

    def longest_first(kind: str) -> list[tuple[str, Row]]:
        return sorted(by_kind.get(kind, []), key=lambda item: (-len(item[0]), item[0]))

    return Rules(
        table=table,
        line={p.rstrip(":"): r for p, r in by_kind.get("line", [])},
        tail={p.rstrip(":"): r for p, r in by_kind.get("tail", [])},
        link=longest_first("link"),
        credit=longest_first("credit"),
        byline=longest_first("byline"),
        outlet_suffix=longest_first("outlet-suffix"),
    )


def _lines(text: str, start: int) -> list[_Line]:
    lines = []
    position = start
    for raw in text[start:].splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            begin = position + lead
            span = Span(begin, begin + len(stripped))
            lines.append(_Line(span, stripped, normalize(stripped).rstrip(":").strip()))
        position += len(raw)
    return lines


def _starts_with(norm: str, phrase: str) -> str | None:
    """The rest of ``norm`` after ``phrase`` when the phrase is a whole-word prefix."""
    if norm == phrase:
        return ""
    if norm.startswith(phrase) and (not phrase[-1].isalnum() or not norm[len(phrase)].isalnum()):
        return norm[len(phrase) :].lstrip(" :-\u2013\u2014|")
    return None


def _links_to_story(rest: str) -> bool:
    """After "Read"/"See also": a linked headline opens with a capital, a digit or a quote mark
    (or a colon before it); "Read between the lines" is a subheading, not a link."""
    stripped = rest.lstrip(" \u00a0\t")
    if not stripped or rest.lstrip(" \u00a0\t").startswith(":"):
        return True
    first = stripped[0]
    return first.isupper() or first.isdigit() or first in _QUOTES_OPEN


def _is_title_like(line: _Line) -> bool:
    return (
        line.words <= TITLE_MAX_WORDS
        and not line.raw.endswith(".")
        and line.raw[:1] not in _QUOTES_OPEN
    )


def _byline_names(raw: str, phrase: str) -> str:
    """The part of a byline after its opening phrase, in the line's own capitalisation."""
    return _BYLINE_SEPARATOR.sub("", raw[len(phrase) :], count=1)


def _parse_byline(names: str, rules: Rules) -> tuple[str | None, str | None]:
    """Split a byline's name part into (author, outlet)."""
    parts = [" ".join(p.split()) for p in names.split(",") if p.strip()]
    author: str | None = None
    outlet: str | None = None
    for index, part in enumerate(parts):
        lowered = normalize(part)
        suffix = next(
            (s for s, _ in rules.outlet_suffix if lowered == s or lowered.endswith(" " + s)),
            None,
        )
        if suffix is not None:
            name = part[: len(part) - len(suffix)].strip()
            if name and outlet is None:
                outlet = name
        elif index == 0:
            author = part
        elif outlet is None:
            outlet = part
    return author, outlet


def _looks_like_name(rest: str) -> bool:
    words = rest.replace(",", " ").split()
    return bool(words) and all(
        w[:1].isupper() or w.lower() in {"and", "of", "the", "&"} for w in words
    )


def _word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches in a regular expression


def _has_words(line: str, words: str) -> bool:
    """Whether ``words`` stands in ``line`` with no word character either side (the search of
    ``(?<!\\w)words(?!\\w)``, without compiling a pattern for every quoted line)."""
    at = line.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not _word_character(line[at - 1])) and (
            end == len(line) or not _word_character(line[end])
        ):
            return True
        at = line.find(words, at + 1)
    return False


def find_article(text: str, lexicons: Lexicons | Rules, *, start: int = 0) -> Cleaned:
    """Split ``text[start:]`` into the article and its page chrome.

    ``start`` skips front matter.  Every region carries the rule that made it chrome, as
    ``lexicons/chrome.tsv:LINE`` or ``layout:<rule>``.
    """
    rules = lexicons if isinstance(lexicons, Rules) else chrome_rules(lexicons)
    lines = _lines(text, start)
    chrome: dict[int, ChromeRegion] = {}
    where = rules.table.where

    def mark(index: int, kind: str, rule: str) -> None:
        chrome.setdefault(index, ChromeRegion(lines[index].span, kind, rule))

    title: str | None = None
    title_span: Span | None = None
    byline = byline_author = byline_outlet = None
    byline_span: Span | None = None
    words_before = 0

    for index, line in enumerate(lines):
        if index in chrome:
            continue
        norm = line.norm
        if norm in rules.tail and words_before < TAIL_MIN_WORDS_BEFORE:
            continue  # a teaser heading above the story: kept, but neither title nor body
        if (
            norm in rules.tail
            and line.words <= TAIL_MAX_WORDS
            and words_before >= TAIL_MIN_WORDS_BEFORE
        ):
            for later in range(index, len(lines)):
                mark(later, "tail", where(rules.tail[norm]))
            break
        if norm in rules.line:
            mark(index, "navigation", where(rules.line[norm]))
            continue
        if line.words <= CREDIT_MAX_WORDS:
            hits = [(norm.find(p), r) for p, r in rules.credit if p in norm]
            # Credits do not end like sentences: "Getty Images declined to comment." is prose.
            # A line that opens with a copyright sign (or "Copyright" and the sign: "Copyright
            # (c) 2019 The Daily Example, LLC.") is a credit however it ends.
            if hits and line.raw.endswith(".") and not norm.startswith(_COPYRIGHT_OPENINGS):
                hits = []
            if hits:
                first, row = min(hits, key=lambda hit: (hit[0], hit[1].line))
                mark(index, "credit", where(row))
                # The caption often stands on the line before and again before the credit
                # marker ("Jane Doe" / "Jane Doe(c) Photographer"): both are image furniture.
                caption = norm[:first].strip()
                if caption and index > 0 and lines[index - 1].norm == caption:
                    mark(index - 1, "caption", "layout:caption-before-credit")
                continue
        if line.words <= BYLINE_MAX_WORDS and not _SENTENCE_END.search(line.raw):
            hit_names = next(
                (
                    (names, r)
                    for p, r in rules.byline
                    if _starts_with(norm, p)
                    and _looks_like_name(names := _byline_names(line.raw, p))
                ),
                None,
            )
            if hit_names is not None:
                mark(index, "byline", where(hit_names[1]))
                if byline is None:
                    byline, byline_span = line.raw, line.span
                    byline_author, byline_outlet = _parse_byline(hit_names[0], rules)
                continue
        if line.words <= LINK_MAX_WORDS:
            hit_link = next(
                (
                    r
                    for p, r in rules.link
                    if (rest := _starts_with(norm, p)) is not None
                    and (rest == "" or not _SENTENCE_END.search(line.raw))
                    and line.raw[len(p) : len(p) + 1] in {"", " ", "\u00a0", ":", "\t"}
                    and _links_to_story(line.raw[len(p) :])
                ),
                None,
            )
            if hit_link is not None:
                mark(index, "link", where(hit_link))
                continue
        if (
            title is None
            and words_before == 0
            and norm not in rules.tail
            and _is_title_like(line)
            and index + 1 < len(lines)
        ):
            title, title_span = line.raw, line.span
        elif title is not None and norm == normalize(title).rstrip(":").strip():
            mark(index, "repeated-title", "layout:repeated-title")
            continue
        words_before += line.words

    # A pull quote repeats, as a line of its own, a quotation printed in full elsewhere.
    kept = [i for i in range(len(lines)) if i not in chrome]
    for index in kept:
        line = lines[index]
        if (
            line.raw[:1] in _QUOTES_OPEN
            and line.raw[-1:] in _QUOTES_CLOSE
            and line.words <= PULL_QUOTE_MAX_WORDS
        ):
            # The body may end the sentence differently ("... square one," she said).
            inner = line.norm.strip("\"' ").rstrip(".,!?;:").strip()
            if len(inner.split()) < PULL_QUOTE_MIN_WORDS:
                continue
            if any(_has_words(lines[j].norm, inner) for j in kept if j != index):
                mark(index, "pull-quote", "layout:pull-quote")

    # A sentence printed three times or more in one page is furniture set beside each section
    # (a reader poll, a sign-up box), not the story.  In 5,000 ABP articles one line of five
    # words or more stands three times, a photo caption; shorter ones ("Advertisement", a
    # transcript's speaker labels) are left to the other rules.
    repeated = Counter(lines[i].norm for i in kept if lines[i].words >= REPEATED_MIN_WORDS)
    for index in kept:
        if lines[index].words >= REPEATED_MIN_WORDS and repeated[lines[index].norm] >= 3:
            mark(index, "repeated-line", "layout:repeated-line")

    article: list[Span] = []
    for index, line in enumerate(lines):
        if index in chrome:
            continue
        previous = article[-1] if article else None
        if (
            previous is not None
            and not text[previous.end : line.span.start].strip()
            and (index > 0 and (index - 1) not in chrome)
        ):
            article[-1] = Span(previous.start, line.span.end)
        else:
            article.append(line.span)
    return Cleaned(
        article=tuple(article),
        chrome=tuple(chrome[i] for i in sorted(chrome)),
        title=title,
        title_span=title_span,
        byline=byline,
        byline_span=byline_span,
        byline_outlet=byline_outlet,
        byline_author=byline_author,
    )


def count_words(text: str, regions: tuple[Span, ...]) -> int:
    return sum(len(_WORD.findall(text[r.start : r.end])) for r in regions)


_NOT_NEWLINE = re.compile(r"[^\n]")


def mask(text: str, regions: tuple[Span, ...]) -> str:
    """Blank out everything outside ``regions``, keeping every offset and line break.

    The parser then sees only the article, yet its token offsets are offsets into the file.
    """
    pieces = []
    position = 0
    for region in regions:
        pieces.append(_NOT_NEWLINE.sub(" ", text[position : region.start]))
        pieces.append(text[region.start : region.end])
        position = region.end
    pieces.append(_NOT_NEWLINE.sub(" ", text[position:]))
    return "".join(pieces)
