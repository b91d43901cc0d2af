"""Quotations: which passages are quoted, whatever marks and paragraphs they use."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.quotes import QuotedRegions, find_quotes
from framing.records import Covered, Span


def quoted(text: str, kind: str = "double") -> list[str]:
    return [
        text[q.span.start : q.span.end]
        for q in find_quotes(text, (Span(0, len(text)),))
        if q.kind == kind
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said \u201cno deal\u201d and left.", ["no deal"]),
        ('He said "no deal" and left.', ["no deal"]),
        ("\u201cOne. Two. Three,\u201d she said.", ["One. Two. Three,"]),
        # a quote that runs on into the next paragraph leaves its closing mark off
        ("\u201cThe first part.\n\u201cThe second part,\u201d he said.",
         ["The first part.", "The second part,"]),
        # a stray opening mark quotes nothing and does not swallow what follows
        ("A stray \u201c mark here.\n\nThen \u201cthis\u201d is quoted.", ["this"]),
        ('Unbalanced "straight mark.\n\nNext "quoted" words.', ["quoted"]),
        ("No quotes at all.", []),
        # text made for parsers writes two backticks and two apostrophes
        ("He said ``no deal'' and left.", ["no deal"]),
        ("``The first part.\n``The second part,'' he said.",
         ["The first part.", "The second part,"]),
        # a quote that runs over three paragraphs, its speaker named only at the end
        ("\u201cOne.\n\n\u201cTwo.\n\n\u201cThree,\u201d she said.", ["One.", "Two.", "Three,"]),
    ],
)  # fmt: skip
def test_double_quotes(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the \u2018voluntary emigration\u2019 plan", ["voluntary emigration"]),
        ("Israel\u2019s plan and the leaders\u2019 vote", []),  # apostrophes, not quotes
    ],
)
def test_single_quotes_are_kept_apart(text: str, expected: list[str]) -> None:
    assert quoted(text, "single") == expected
    assert quoted(text) == []


@pytest.mark.parametrize(
    ("text", "speech", "single"),
    [
        # single marks, curly or straight, that frame a sentence in running text are speech
        ("\u2018We will not back down,\u2019 the mayor said.", ["We will not back down,"], []),
        ("'The dam will hold,' Ann Lee wrote on Monday.", ["The dam will hold,"], []),
        # a text export's space after the mark; a double quotation inside is a quote in a quote
        ("' Rivals call the plan \"a sham,\"' Ann Lee wrote.",
         ['Rivals call the plan "a sham,"'], ["a sham,"]),
        # apostrophes, plural possessives, decades and scare quotes are not
        ("The players' union says it's 'fake news' in the '90s style.", [], []),
        # too short to tell from a scare quote's shape
        ("'Yes,' she said.", [], []),
        # a sentence alone in its paragraph is a headline, not speech
        ("\u2018Hold the Line.\u2019\nThe mayor spoke.", [], ["Hold the Line."]),
        # inside a double quotation, single marks stay a quote in a quote
        ('"They said \'We are done here.\' and left," she said.',
         ["They said 'We are done here.' and left,"], []),
    ],
)  # fmt: skip
def test_single_marks_framing_a_sentence_are_speech(
    text: str, speech: list[str], single: list[str]
) -> None:
    assert quoted(text) == speech
    assert quoted(text, "single") == single


def test_only_article_regions_are_searched() -> None:
    text = "\u201cchrome quote\u201d\n\nThe article \u201cbody quote\u201d."
    found = find_quotes(text, (Span(16, len(text)),))
    assert [text[q.span.start : q.span.end] for q in found] == ["body quote"]


@given(st.text(alphabet='ab "\u201c\u201d\u2018\u2019\n.', max_size=80))
def test_quotes_are_ordered_nested_in_the_text_and_indexed(text: str) -> None:
    found = find_quotes(text, (Span(0, len(text)),))
    doubles = [q for q in found if q.kind == "double"]
    for q in found:
        assert 0 <= q.outer.start <= q.span.start < q.span.end <= q.outer.end <= len(text)
    for a, b in itertools.pairwise(doubles):
        assert a.outer.end <= b.outer.start
    regions = QuotedRegions(found)
    for q in doubles:
        assert regions.contains(q.span)
    for i in range(len(text)):
        expected = any(q.span.start <= i and i + 1 <= q.span.end for q in doubles)
        assert regions.contains(Span(i, i + 1)) == expected
        assert regions.share(i, i + 1) == float(expected)
    inside = sum(regions.contains(Span(i, i + 1)) for i in range(len(text)))
    assert regions.share(0, len(text)) == (inside / len(text) if text else 0.0)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ('He said "we will win the vote" today.', 20 / 37),  # the words inside the marks
        ("He said we will win the vote today.", 0.0),
        ('"We will win."', 12 / 14),
    ],
)
def test_the_quoted_share_of_a_sentence(text: str, share: float) -> None:
    regions = QuotedRegions(find_quotes(text, (Span(0, len(text)),)))
    assert regions.share(0, len(text)) == pytest.approx(share)


def test_overlapping_spans_are_counted_once() -> None:
    covered = Covered([Span(0, 10), Span(5, 15), Span(20, 30), Span(25, 26)])
    assert covered.share(0, 40) == pytest.approx(25 / 40)
    assert covered.share(12, 22) == pytest.approx(5 / 10)
    assert Covered([]).share(0, 10) == 0.0
