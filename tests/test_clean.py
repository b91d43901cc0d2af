"""Finding the article in page text: the sample articles against a reader's annotations, and small
invented pages line by line."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import SEEDS, annotations

from framing import clean, lexicons
from framing.lexicons import normalize
from framing.records import Cleaned, Span

LEX = lexicons.load()
CHROME_LINES = (lexicons.default_dir() / "chrome.tsv").read_text(encoding="utf-8").splitlines()
RULE = re.compile(r"lexicons/chrome\.tsv:(\d+)|layout:[a-z-]+")
LEXICON_KIND = {"navigation": "line", "tail": "tail", "link": "link", "credit": "credit",
                "byline": "byline"}  # fmt: skip

STRIKE_1 = (
    "Dock workers walked out at dawn on Monday after talks over pay broke down late on Sunday "
    "night, leaving dozens of container ships waiting outside the harbour."
)
STRIKE_2 = (
    "The port operator said it had offered a four per cent rise over two years and accused the "
    "union of refusing to put the offer to a vote of its members."
)
VOTE = (
    "Voters in the northern district went to the polls on Thursday to replace a member who "
    "resigned over an expenses dispute."
)
QUOTED = (
    "\u201cWe will not go back until the offer improves,\u201d said Ann Lee, who chairs the "
    "union branch at the port."
)


def seed(doc: str) -> str:
    return (SEEDS / f"{doc}.txt").read_text(encoding="utf-8-sig")


def labels(text: str, cleaned: Cleaned) -> list[str]:
    """For each non-blank line: the kind of chrome that covers it, or 'article'."""
    chrome = {(r.span.start, r.span.end): r.kind for r in cleaned.chrome}
    result = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if not stripped:
            continue
        start = match.start() + match.group().index(stripped)
        span = Span(start, start + len(stripped))
        inside = any(a.contains(span) for a in cleaned.article)
        result.append("article" if inside else chrome.get((span.start, span.end), "?"))
    return result


def assert_consistent(text: str, cleaned: Cleaned, start: int = 0) -> None:
    """Article and chrome spans are in order, never overlap, and cover every visible character."""
    spans = sorted([*cleaned.article, *(r.span for r in cleaned.chrome)])
    assert list(cleaned.article) == sorted(cleaned.article)
    assert [r.span for r in cleaned.chrome] == sorted(r.span for r in cleaned.chrome)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    covered = {i for s in spans for i in range(s.start, s.end)}
    visible = {i for i in range(start, len(text)) if not text[i].isspace()}
    assert covered >= visible
    assert all(s.start >= start and not text[s.start].isspace() for s in spans)


# --- the sample articles against a reader's annotations (tests/data/samples/pages.toml) ----------

SAMPLE_PAGES = annotations("pages")["documents"]


def test_sample_page_furniture_lies_outside_the_article() -> None:
    for doc, info in SAMPLE_PAGES.items():
        text = seed(doc)
        cleaned = clean.find_article(text, LEX, start=0)
        for phrase in info["not_article"]:
            places = [Span(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
            assert places, (doc, phrase)
            for place in places:
                assert not any(a.overlaps(place) for a in cleaned.article), (doc, phrase)
        # Words the page shows twice (a repeated headline, a pull quote, a caption): the article
        # keeps one of them, so neither is lost nor counted twice.
        for phrase in info.get("once_in_article", []):
            places = [Span(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
            assert len(places) > 1, (doc, phrase)
            kept = [p for p in places if any(a.contains(p) for a in cleaned.article)]
            assert len(kept) == 1, (doc, phrase, kept)
        assert_consistent(text, cleaned)


def test_sample_titles_are_detected() -> None:
    # Every sample article is annotated, so a new one cannot slip past these tests.
    assert set(SAMPLE_PAGES) == {path.stem for path in SEEDS.glob("*.txt")}
    found = {doc: clean.find_article(seed(doc), LEX, start=0).title for doc in SAMPLE_PAGES}
    assert found == {doc: info.get("title") for doc, info in SAMPLE_PAGES.items()}


def test_sample_bylines_name_outlet_and_author() -> None:
    for doc, info in SAMPLE_PAGES.items():
        cleaned = clean.find_article(seed(doc), LEX)
        found = (cleaned.byline_author, cleaned.byline_outlet)
        assert found == (info.get("byline_author"), info.get("byline_outlet")), doc


def test_plain_sample_articles_are_one_region() -> None:
    plain = [
        doc
        for doc, info in SAMPLE_PAGES.items()
        if not info["not_article"] and not info.get("once_in_article")
    ]
    assert plain  # else an edit of pages.toml would leave this test checking nothing
    for doc in plain:
        text = seed(doc)
        cleaned = clean.find_article(text, LEX)
        assert cleaned.chrome == ()
        assert cleaned.article == (Span(0, len(text.rstrip())),)


def test_every_chrome_region_cites_its_rule() -> None:
    holds = {
        "navigation": lambda phrase, line: line == phrase,
        "tail": lambda phrase, line: line == phrase,
        "link": lambda phrase, line: line.startswith(phrase),
        "byline": lambda phrase, line: line.startswith(phrase),
        "credit": lambda phrase, line: phrase in line,
    }
    cited = set()
    for doc in SAMPLE_PAGES:
        text = seed(doc)
        regions = clean.find_article(text, LEX).chrome
        for index, region in enumerate(regions):
            match = RULE.fullmatch(region.rule)
            assert match, region
            if match.group(1) is None:
                continue
            phrase, kind = CHROME_LINES[int(match.group(1)) - 1].split("\t")
            cited.add(region.rule)
            assert kind == LEXICON_KIND[region.kind]
            if region.kind == "tail" and index and regions[index - 1].kind == "tail":
                continue  # later lines of a tail cite the marker that started it
            line = normalize(text[region.span.start : region.span.end]).rstrip(":")
            assert holds[region.kind](normalize(phrase).rstrip(":"), line), (region, phrase)
    assert len(cited) >= 5


# --- invented pages, line by line ----------------------------------------------------------------

PAGES = {
    "navigation": [
        ("Skip to content", "navigation"), ("Menu", "navigation"),
        ("Dock workers strike over pay", "article"), (STRIKE_1, "article"),
        ("Share this article", "navigation"), ("ADVERTISEMENT", "navigation"),
        (STRIKE_2, "article"), ("Leave a comment", "navigation"),
    ],
    "tail after the article": [
        ("Dock workers strike over pay", "article"), (STRIKE_1, "article"), (STRIKE_2, "article"),
        ("Related stories:", "tail"), ("Ferry crews vote on action", "tail"),
        ("Crews on the island ferries will vote next week.", "tail"),
    ],
    "tail marker at the top of a page": [
        ("Most popular", "article"), ("Polls close in northern district", "article"),
        (VOTE, "article"), (STRIKE_2, "article"),
    ],
    "tail marker after a short intro": [
        ("Polls close in northern district", "article"), (VOTE, "article"),
        ("You may also like", "article"), (STRIKE_1, "article"),
    ],
    "links": [
        ("Dock workers strike over pay", "article"), (STRIKE_1, "article"),
        ("Read more: Why ferry fares keep rising", "link"),
        ("Read the union's full statement on its website.", "article"),
        ("Readers sent in photographs of the picket lines", "article"),
        ("See also: Port strike timeline", "link"), ("Watch: Pickets at the gate", "link"),
        ("Sign up for Daily Newsletters Manage Newsletters", "link"),
        ("CLICK HERE FOR COMPLETE STRIKE COVERAGE", "link"),
        (STRIKE_2, "article"),
    ],
    "photo credits": [
        ("Dock workers strike over pay", "article"), ("\u00a9 Harbour Gazette 2024", "credit"),
        (STRIKE_1, "article"), ("Pickets at the main gate. Photo: Sam Ortiz", "credit"),
        ("Ships wait outside the harbour (Getty Images)", "credit"), (STRIKE_2, "article"),
        ("Image copyright Harbour Gazette Image caption Pickets stand at the main gate", "credit"),
        ("Copyright \u00a9 2024 The Harbour Gazette, LLC. Click here for reprint permission.",
         "credit"),
    ],
    "caption before credit": [
        ("River peaks below flood defences", "article"),
        ("Volunteers fill sandbags on the quay", "caption"),
        ("Volunteers fill sandbags on the quay\u00a9 Lee Park / Getty Images", "credit"),
        (VOTE, "article"),
    ],
    "bylines": [
        ("Dock workers strike over pay", "article"), ("By Jane Doe", "byline"),
        ("By the end of the day, both sides had left the talks.", "article"),
        ("By Tuesday evening crowds had gathered", "article"), (STRIKE_1, "article"),
    ],
    "repeated headline": [
        ("Dock workers strike over pay", "article"), ("By Metro Desk Staff", "byline"),
        ("Dock workers strike over pay", "repeated-title"), (STRIKE_1, "article"),
    ],
    "pull quote": [
        ("Dock workers strike over pay", "article"),
        ("\u201cWe will not go back until the offer improves.\u201d", "pull-quote"),
        (STRIKE_1, "article"), (QUOTED, "article"),
        ("\u201cNobody here wants a long strike.\u201d", "article"),
    ],
    "credit words in prose": [
        ("Dock workers strike over pay", "article"), (STRIKE_1, "article"),
        ("Getty Images declined to comment.", "article"),
        ("Sign up for the apprenticeship scheme closes on Friday, the union said.", "article"),
        ("The judge struck out clause 4(c) of the contract.", "article"), (STRIKE_2, "article"),
    ],
    "subheading that starts with Read": [
        ("Dock workers strike over pay", "article"), (STRIKE_1, "article"),
        ("Read between the lines", "article"), (STRIKE_2, "article"),
    ],
    "a poll printed beside each section": [
        ("Dock workers strike over pay", "article"),
        ("Which union leader do you trust the most?", "repeated-line"), (STRIKE_1, "article"),
        ("Which union leader do you trust the most?", "repeated-line"), (STRIKE_2, "article"),
        ("Which union leader do you trust the most?", "repeated-line"),
    ],
    "a sentence said twice, a short line three times": [
        ("Dock workers strike over pay", "article"),
        ("We want a fair deal now.", "article"), ("Ad", "article"), (STRIKE_1, "article"),
        ("We want a fair deal now.", "article"), ("Ad", "article"), (STRIKE_2, "article"),
        ("Ad", "article"),
    ],
    "short quote repeated by chance": [
        ("Dock workers strike over pay", "article"), ("\u201cNo.\u201d", "article"),
        (STRIKE_1, "article"), ("Asked if talks would resume, she said no.", "article"),
    ],
}  # fmt: skip


def test_tail_marker_at_the_top_is_not_the_title() -> None:
    text = "\n\n".join(line for line, _ in PAGES["tail marker at the top of a page"]) + "\n"
    assert clean.find_article(text, LEX).title == "Polls close in northern district"


@pytest.mark.parametrize(("name", "separator"), [(n, s) for n in PAGES for s in ("\n\n", "\n")])
def test_page_lines_are_kept_or_dropped(name: str, separator: str) -> None:
    text = separator.join(line for line, _ in PAGES[name]) + "\n"
    cleaned = clean.find_article(text, LEX)
    assert labels(text, cleaned) == [label for _, label in PAGES[name]]
    assert_consistent(text, cleaned)


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("BY JANE DOE", "JANE DOE", None),
        ("By Metro Desk Staff", None, "Metro Desk"),
        ("By Jane Doe, Harbour Gazette", "Jane Doe", "Harbour Gazette"),
        ("By Jane Doe, Harbour Gazette Staff Writer", "Jane Doe", "Harbour Gazette"),
        ("Written by Sam Roe and Ann Lee", "Sam Roe and Ann Lee", None),
        ("By: Jane Doe", "Jane Doe", None),
        ("By\u00a0Jane  Doe", "Jane Doe", None),
        ("By \u2013 Jane Doe", "Jane Doe", None),
    ],
)
def test_byline_names_author_or_outlet(line: str, author: str | None, outlet: str | None) -> None:
    text = f"Dock workers strike over pay\n\n{line}\n\n{STRIKE_1}\n"
    cleaned = clean.find_article(text, LEX)
    assert (cleaned.byline, cleaned.byline_author, cleaned.byline_outlet) == (line, author, outlet)
    assert cleaned.byline_span == Span(text.index(line), text.index(line) + len(line))


def test_page_without_chrome_is_one_article_region() -> None:
    text = f"  Dock workers strike over pay\r\n{STRIKE_1}\r\n\r\n{STRIKE_2}\r\n\r\n"
    cleaned = clean.find_article(text, LEX)
    assert cleaned.chrome == ()
    assert cleaned.article == (Span(2, len(text.rstrip())),)
    assert (cleaned.title, cleaned.title_span) == ("Dock workers strike over pay", Span(2, 30))
    assert clean.count_words(text, cleaned.article) == 5 + 27 + 31


def test_start_skips_front_matter() -> None:
    front = "---\ntitle: Menu\n---\n"
    text = front + "Menu\n\nDock workers strike over pay\n\n" + STRIKE_1
    cleaned = clean.find_article(text, LEX, start=len(front))
    assert [r.span for r in cleaned.chrome] == [Span(len(front), len(front) + 4)]
    assert cleaned.title == "Dock workers strike over pay"
    assert_consistent(text, cleaned, start=len(front))


POOL = [line for page in PAGES.values() for line, _ in page] + ["", "   ", "Read", "By"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(POOL), max_size=14),
    st.sampled_from(["\n", "\n\n", "\r\n", " \n"]),
    st.integers(0, 40),
)
def test_spans_are_ordered_disjoint_and_cover_the_text(
    lines: list[str], separator: str, start: int
) -> None:
    text = separator.join(lines)
    start = min(start, len(text))
    cleaned = clean.find_article(text, LEX, start=start)
    assert_consistent(text, cleaned, start=start)


@given(
    st.text(alphabet="ab _-é1\u00b2\u0663.", max_size=12),
    st.text(alphabet="ab _-é1\u00b2\u0663.", min_size=1, max_size=4),
)
def test_has_words_is_the_word_bounded_search(line: str, words: str) -> None:
    pattern = r"(?<!\w)" + re.escape(words) + r"(?!\w)"
    assert clean._has_words(line, words) == bool(re.search(pattern, line))
