"""Omissions: whether framing can be sure an article leaves out a fact most others report."""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.compare import omissions
from framing.records import Document, Fact, FactValue, Quantity, Span


def _doc(text: str = "Nothing was counted.", *quantities: Quantity) -> Document:
    return Document("C", "C.txt", "C", "metadata", None, None, None, None, text,
                    (Span(0, len(text)),), (), 6, quantities=quantities)  # fmt: skip


def _fact(value: float, texts: tuple[str, str], unit: str | None = "people", *,
          status: str = "agree", basis: str = "counted") -> Fact:  # fmt: skip
    given = tuple(
        FactValue(d, value, value, None, None, t, Span(0, len(t)))
        for d, t in zip("AB", texts, strict=True)
    )
    return Fact("fact-001", "what", unit, given, status, basis=basis)


def _own(text: str, phrase: str, value: float, unit: str | None, **more) -> Quantity:
    at = text.index(phrase)
    return Quantity(phrase, Span(at, at + len(phrase)), value, None, None, None, unit, None, **more)


HOSTAGES = ("58 hostages", "58 hostages")


@pytest.mark.parametrize(
    ("fact", "doubt"),
    [
        (_fact(58, HOSTAGES), ""),
        (_fact(58, HOSTAGES, basis="event"), ""),
        # a row whose values differ, or a share (the rows an audit found mixed), is not surely
        # one fact to leave out
        (_fact(58, HOSTAGES, status="conflict"), omissions.DIFFER),
        (_fact(58, ("58%", "58%"), "percent"), omissions.SHARE),
        (_fact(58, HOSTAGES, None), omissions.SHARE),
        # nor one whose values share only their number ("three other nurses", "three fellow
        # council members")
        (_fact(58, HOSTAGES, basis="words"), omissions.NUMBER_ONLY),
        # two groups: each qualifies what it counts in words the other lacks
        (_fact(4, ("four elected judges", "four appointed judges")), omissions.TWO_GROUPS),
        (_fact(5000, ("5,000 troops", "more than 5,000 reserve troops")), ""),
        (_fact(5, ("five former aides", "five former palace aides"), basis="event"), ""),
        # a few things an article may name instead of counting: "two ferries", "two deputies"
        (_fact(2, ("two ferries", "two ferries")), omissions.FEW_THINGS),
        (_fact(9, ("nine judges", "nine judges")), omissions.FEW_THINGS),
        (_fact(10, ("10 judges", "10 judges")), ""),
        # but a toll of a few is a figure to report
        (_fact(2, ("two killed", "two people killed"), basis="event"), ""),
        # two things an event word joined ("the two towns remain", "to hold two marches")
        (_fact(2, ("two towns", "two marches"), basis="event"), omissions.TWO_THINGS),
        (_fact(150, ("150 people", "150 villagers"), basis="event"), ""),
        # a single unit of time may be given as a date ("until next year") or otherwise
        (_fact(1, ("a week", "one-week mark"), "weeks", basis="unit"), omissions.ONE_SPAN),
        (_fact(3, ("three weeks", "three weeks"), "weeks", basis="unit"), ""),
    ],
)
def test_an_omission_is_sure_only_of_one_fact(fact: Fact, doubt: str) -> None:
    assert omissions.doubt(fact, _doc()) == doubt


@pytest.mark.parametrize(
    ("text", "phrase", "unit", "more", "doubt"),
    [
        # the same figure under another noun that shares a word with the others'
        ("Officials counted 58 Kurdish captives.", "58 Kurdish captives", "people", {},
         omissions.OTHER_WORDS),
        ("Officials paid $58 each.", "$58", "money", {}, ""),  # an amount of money, no count
        # the same number of people, in other words ("52 council members", "52 Liberals")
        ("Officials counted 58 soldiers.", "58 soldiers", "people", {}, omissions.OTHER_WORDS),
        ("Officials counted 58 jurors.", "58 jurors", "juror", {}, omissions.OTHER_WORDS),
        # the same amount of the fact's own unit
        ("The talks took 58 days.", "58 days", "days", {}, omissions.OTHER_WORDS),
        # the whole of a part: "four of the 58"
        ("Four of the 58 were freed.", "Four", None, {"base": 58.0}, omissions.OTHER_WORDS),
        ("Four of the 60 were freed.", "Four", None, {"base": 60.0}, ""),
    ],
)  # fmt: skip
def test_an_article_that_gives_the_figure_otherwise_leaves_nothing_out(
    text: str, phrase: str, unit: str, more: dict, doubt: str
) -> None:
    given = ("58 Kurdish hostages", "58 Kurdish hostages")
    fact = _fact(58, given, "days" if unit == "days" else "people", basis="event")
    own = _own(text, phrase, 58 if unit else 4, unit, **more)
    assert omissions.doubt(fact, _doc(text, own)) == doubt


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        # the figure as the others write it, where no number was read
        ("The council fumed about the $1.6 billion it was sent.", omissions.OTHER_WORDS),
        ("The council fumed about the $2.6 billion it was sent.", ""),
    ],
)
def test_an_article_that_writes_the_figure_leaves_nothing_out(text: str, doubt: str) -> None:
    fact = replace(
        _fact(1.6e9, ("nearly $1.6 billion", "nearly $1.6 billion"), "money"), basis="unit"
    )
    assert omissions.doubt(fact, _doc(text)) == doubt
