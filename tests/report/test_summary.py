"""The outlet summary's stance sentence names an actor only when it stands out from the others by
more than noise, and on the right side of zero; otherwise it says that none stands out."""

from __future__ import annotations

import pytest

from framing.actors.stances import by_outlet
from framing.features.stance import label
from framing.records import (
    ActorMention,
    ActorStance,
    Analysis,
    Document,
    Fact,
    FactValue,
    LoadedTerm,
    OutletStance,
    Span,
)
from framing.report import summary
from framing.report.summary import _facts, _stance, _wording


def _outlet(*rows: tuple[str, float, float]) -> Analysis:
    """One outlet's stances: (actor, score, standard error), each from five mentions."""
    stances = tuple(
        OutletStance("Daily", actor, score, label(score), 5, (actor,), "person", error)
        for actor, score, error in rows
    )
    return Analysis("0", (), outlet_stances=stances)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # far apart beyond noise: both ends named
        (
            [("Ann Reed", -0.6, 0.05), ("Tom Hale", 0.0, 0.05), ("Sam Cole", 0.5, 0.05)],
            "Stance: most negative toward Ann Reed (-0.60); most positive toward Sam Cole (0.50) "
            "(3 actors named twice or more).",
        ),
        # within noise of each other: nobody stands out
        (
            [("Ann Reed", -0.3, 0.2), ("Tom Hale", -0.1, 0.2), ("Sam Cole", 0.1, 0.2)],
            "Stance: no actor stands out from the others (3 actors named twice or more).",
        ),
        # the lowest stands out but is not negative: no "most negative" for a neutral score
        (
            [("Ann Reed", 0.1, 0.01), ("Tom Hale", 0.6, 0.01)],
            "Stance: most positive toward Tom Hale (0.60) (2 actors named twice or more).",
        ),
        (
            [("Ann Reed", -0.2, 0.01), ("Tom Hale", 0.05, 0.01)],
            "Stance: no actor stands out from the others (2 actors named twice or more).",
        ),
    ],
)
def test_the_stance_sentence_names_only_who_stands_out(
    rows: list[tuple[str, float, float]], expected: str
) -> None:
    assert _stance(_outlet(*rows), "Daily") == expected


def _mention(start: int, score: float, role: str = "other") -> ActorMention:
    return ActorMention(Span(start, start + 3), score, role=role)


def _doc(kind: str, *mentions: ActorMention) -> Document:
    stance = ActorStance("Ruritania", -0.5, tuple(m.span for m in mentions), kind=kind,
                         details=mentions)  # fmt: skip
    text = "x" * 40
    return Document("a", "a.txt", "Daily", "metadata", None, None, None, None, text,
                    (Span(0, 40),), (), 8, stance=(stance,))  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "mentions", "kept"),
    [
        # a place that only sets the scene has no outlet stance; one that acts does
        ("place", (_mention(0, -0.5), _mention(10, -0.5)), False),
        ("place", (_mention(0, -0.5, "agent"), _mention(10, -0.5)), True),
        # one own-voice mention is too few
        ("person", (_mention(0, -0.9),), False),
        ("person", (_mention(0, -0.9), _mention(10, -0.9)), True),
    ],
)
def test_an_outlet_stance_needs_two_mentions_and_a_place_that_acts(
    kind: str, mentions: tuple[ActorMention, ...], kept: bool
) -> None:
    found = by_outlet([_doc(kind, *mentions)])
    assert bool(found) is kept
    if found:  # the class follows from the score
        assert found[0].label == "negative" and (found[0].score or 0.0) < -0.3


def _worded(outlet: str, words: int, terms: int) -> Document:
    """One document of ``words`` own-voice words with ``terms`` counted emotive terms."""
    found = tuple(
        LoadedTerm("grim", Span(i, i + 4), "emotive", 0.5, counted=True) for i in range(terms)
    )
    return Document(outlet, f"{outlet}.txt", outlet, "metadata", None, None, None, None,
                    "x" * 40, (Span(0, 40),), (), words, loaded_terms=found,
                    voice_words=words)  # fmt: skip


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Daily", "Loaded wording: 10.0 loaded terms per 1,000 words of its own voice, the "
         "lowest of 2 outlets."),
        ("Herald", "Loaded wording: 20.0 loaded terms per 1,000 words of its own voice, the "
         "highest of 2 outlets."),
        ("Teaser", "Loaded wording: 25.0 loaded terms per 1,000 words of its own voice, over only "
         "40 words: too few to rank."),
    ],
)  # fmt: skip
def test_an_outlet_with_too_few_words_is_not_ranked(outlet: str, expected: str) -> None:
    docs = (_worded("Daily", 1000, 10), _worded("Herald", 500, 10), _worded("Teaser", 40, 1))
    assert _wording(Analysis("0", docs), outlet) == expected


def _value(doc: str, value: float) -> FactValue:
    return FactValue(doc, value, value, None, None, f"{value:g} hostages", Span(0, 5))


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        ("event", "Its numbers differ from other outlets' on 1 fact (hostages held: 58 hostages "
                  "against 60 hostages)."),
        ("words", "1 of its figures differs from another outlet's that counts the same thing "
                  "(hostages held), which may be another fact: check it in the facts table."),
    ],
)  # fmt: skip
def test_only_firmly_tied_figures_are_said_to_differ(basis: str, expected: str) -> None:
    values = (_value("Daily", 58), _value("Wire", 60))
    fact = Fact("f1", "hostages held", "people", values, "conflict", basis=basis)
    docs = [_worded(name, 200, 0) for name in ("Daily", "Wire")]
    analysis = Analysis("0", tuple(docs), facts=(fact,))
    assert _facts(analysis, [docs[0]]) == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        # Daily and Post print 58, Wire 60: each side differs only from the other side
        ("Daily", "hostages held: 58 hostages against 60 hostages"),
        ("Wire", "hostages held: 60 hostages against 58 hostages; 58 hostages"),
    ],
)
def test_a_fact_summary_never_sets_a_value_against_itself(outlet: str, expected: str) -> None:
    values = (_value("Daily", 58), _value("Post", 58), _value("Wire", 60))
    fact = Fact("f1", "hostages held", "people", values, "conflict", basis="event")
    docs = [_worded(name, 200, 0) for name in ("Daily", "Post", "Wire")]
    analysis = Analysis("0", tuple(docs), facts=(fact,))
    found = _facts(analysis, [d for d in docs if d.outlet == outlet])
    assert found == f"Its numbers differ from other outlets' on 1 fact ({expected})."
    post = _facts(analysis, [d for d in docs if d.outlet == "Post"])
    assert post is not None and "58 hostages against 58" not in post


@pytest.mark.parametrize(
    ("rank", "of", "said"),
    [(1, 5, "the highest"), (2, 5, "the second highest"), (4, 5, "the fourth highest"),
     (5, 5, "the lowest"), (12, 20, "number 12")],
)  # fmt: skip
def test_a_rank_is_said_in_words(rank: int, of: int, said: str) -> None:
    assert summary._rank(rank, of) == said


@pytest.mark.parametrize(
    ("n", "noun", "said"),
    [(1, "organisation", "1 organisation"), (0, "organisation", "0 organisations"),
     (3, "unnamed source", "3 unnamed sources")],
)  # fmt: skip
def test_a_count_agrees_with_its_noun(n: int, noun: str, said: str) -> None:
    assert summary.count(n, noun) == said
