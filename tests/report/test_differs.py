"""'What differs': the sentences that open an index, each from a finding and linked to it."""

from __future__ import annotations

import pytest

from framing.records import (
    Analysis,
    Document,
    Fact,
    FactValue,
    LabelMention,
    LabelRow,
    Omission,
    SourceProfile,
    Span,
)
from framing.report import differs

TEXT = "Police said 58 hostages remain. Officials said 60 hostages remain. The terrorists left."


def _doc(outlet: str, **findings) -> Document:
    return Document(outlet, f"{outlet}.txt", outlet, "metadata", None, None, None, None, TEXT,
                    (Span(0, len(TEXT)),), (), 14, **findings)  # fmt: skip


def _value(doc: str, value: float, start: int, qualifier: str | None = None) -> FactValue:
    text = TEXT[start : start + 11]
    return FactValue(doc, value, value, None, qualifier, text, Span(start, start + 11))


SLUGS = {"A": "a", "B": "b", "C": "c"}


def _said(analysis: Analysis) -> list[str]:
    return differs.sentences(analysis, SLUGS, "reports")


def test_conflicting_figures_are_said_with_their_evidence() -> None:
    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 60, 47)),
                "conflict")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(fact,)))
    assert said[0] == (
        "**Figures differ** on hostages held: A 58 hostages ([A:1](../A.txt#L1)) against "
        "B 60 hostages ([B:1](../B.txt#L1))."
    )


def test_exact_figures_come_before_bounded_ones() -> None:
    rough = Fact("fact-001", "a toll", "people", (_value("A", 58, 12, "over"),
                 _value("B", 60, 47, "nearly"), _value("C", 61, 47)), "conflict")  # fmt: skip
    exact = Fact("fact-002", "hostages held", "people", (_value("A", 58, 12), _value("B", 60, 47)),
                 "conflict")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B"), _doc("C")), facts=(rough, exact)))
    assert said[0].startswith("**Figures differ** on hostages held")
    assert said[1].startswith("**Figures differ** on a toll")


@pytest.mark.parametrize(
    ("connotation", "also", "said"),
    [
        ("negative", (), True),  # a loaded label of one outlet's own is a frame
        ("neutral", (), False),  # a neutral word of one's own is style
        # an outlet that also uses the others' word: its own word may name another group
        ("negative", ("prisoners",), False),
    ],
)
def test_a_label_only_one_outlet_uses(connotation: str, also: tuple, said: bool) -> None:
    mention = LabelMention("people held by a state", "terrorists", Span(72, 82), connotation,
                           label="terrorists")  # fmt: skip
    other = LabelMention("people held by a state", "prisoners", Span(72, 82), "neutral",
                         label="prisoners")  # fmt: skip
    row = LabelRow("people held by a state",
                   (("A", ("terrorists", *also)), ("B", ("prisoners",))))  # fmt: skip
    docs = (_doc("A", labels=(mention,)), _doc("B", labels=(other,)))
    found = [s for s in _said(Analysis("0", docs, labels=(row,))) if "calls" in s]
    expected = (
        '**Only A** calls people held by a state "terrorists" (negative, [A:1](../A.txt#L1)); '
        'the others say "prisoners".'
    )
    assert found == ([expected] if said else [])


def test_an_outlet_quoting_no_named_person() -> None:
    profile = SourceProfile("A", ("A",), 4, (("organisation", 1), ("unnamed", 3)), (), (), (),
                            0, 0, 0, ())  # fmt: skip
    named = SourceProfile("B", ("B",), 4, (("named", 4),), (), (), (), 0, 0, 0, ())
    said = _said(Analysis("0", (_doc("A"), _doc("B")), sources=(profile, named)))
    assert (
        "**[A](a.md) quotes no named person**: it cites organisations once and unnamed sources "
        "3 times."
    ) in said
    assert not any("[B](b.md) quotes" in s for s in said)


@pytest.mark.parametrize(
    ("status", "unit", "said"),
    [
        ("agree", "people", True),
        # a row whose values differ, or a share (the rows an audit found mixed), is not surely
        # one fact to leave out
        ("conflict", "people", False),
        ("agree", "percent", False),
    ],
)
def test_an_omission_is_said_with_the_figures_the_others_give(
    status: str, unit: str, said: bool
) -> None:
    fact = Fact("fact-001", "hostages held", unit, (_value("A", 58, 12), _value("B", 58, 12)),
                status)  # fmt: skip
    omission = Omission("C", "hostages held", ("A", "B"))
    docs = (_doc("A"), _doc("B"), _doc("C"))
    found = _said(Analysis("0", docs, facts=(fact,), omissions=(omission,)))
    expected = (
        "**C leaves out a figure** that 2 of the 3 articles give (hostages held): A 58 hostages "
        "([A:1](../A.txt#L1)); B 58 hostages ([B:1](../B.txt#L1))."
    )
    assert (expected in found) is said


def test_where_nothing_stands_out_it_says_so() -> None:
    said = _said(Analysis("0", (_doc("A"), _doc("B"))))
    assert said == [
        "No figure differs between the outlets.",
        "No outlet alone uses a label for a shared referent.",
        "No outlet that cites three sources or more quotes no named person or hears one side only.",
        "No outlet's loaded wording stands out from the others'.",
    ]


def test_one_outlet_has_nothing_to_compare() -> None:
    assert _said(Analysis("0", (_doc("A"),))) == [
        "Only one outlet is in this report: there is nothing to compare."
    ]


def test_the_samples_name_the_hostages_conflict_and_the_labels(seeds_analysis) -> None:
    from framing.report.text import outlet_slugs

    said = differs.sentences(seeds_analysis, outlet_slugs(seeds_analysis.documents), "reports")
    assert 4 <= len(said) <= differs.MAX_SENTENCES
    hostages = next(s for s in said if s.startswith("**Figures differ** on hostages held"))
    assert "60 hostages" in hostages and "58 hostages" in hostages and "#L" in hostages
    assert any('"terrorists"' in s and '"prisoners"' in s and "#L" in s for s in said)


def test_where_only_shares_differ_the_no_figure_sentence_says_so() -> None:
    share = Fact("fact-001", "support", "percent", (_value("A", 58, 12), _value("B", 60, 47)),
                 "conflict")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(share,)))
    assert not any(s.startswith("**Figures differ**") for s in said)
    assert said[0].startswith("No exact figure of a count or an amount differs")


@pytest.mark.parametrize(("tagged", "said"), [(3, True), (1, False)])
def test_one_side_only_when_that_side_is_most_of_the_sources(tagged: int, said: bool) -> None:
    # one party-tagged voice among untagged ones is not "one side only"
    one = SourceProfile("A", ("A",), 4, (("named", 4),), (("republican", tagged),), (), (),
                        0, 0, 0, ())  # fmt: skip
    two = SourceProfile("B", ("B",), 4, (("named", 4),), (("republican", 2), ("democratic", 2)),
                        (), (), 0, 0, 0, ())  # fmt: skip
    found = _said(Analysis("0", (_doc("A"), _doc("B")), sources=(one, two)))
    expected = (
        "**[A](a.md) hears one side only** (republican), where 1 other outlet hears two or more."
    )
    assert (expected in found) is said


@pytest.mark.parametrize(("speaking", "said"), [(False, True), (True, False)])
def test_stance_is_said_of_an_actor_the_outlets_treat_not_one_who_speaks(
    speaking: bool, said: bool
) -> None:
    from framing.records import ActorMention, ActorStance, Attribution, Evidence, OutletStance

    name = Span(0, 6)  # "Police" in TEXT
    source = Evidence("Police", name) if speaking else None
    cue = Evidence("said", Span(7, 11))

    def doc(outlet: str) -> Document:
        stance = ActorStance("Police", 0.0, (name,) * 3, details=(ActorMention(name, 0.0),) * 3)
        heard = Attribution(source, "Police", "organisation", None, cue, cue, False)
        return _doc(outlet, stance=(stance,), attributions=(heard,))

    rows = (OutletStance("A", "Police", -0.9, "negative", 3, ("Police",), error=0.05),
            OutletStance("B", "Police", 0.1, "neutral", 3, ("Police",), error=0.05))  # fmt: skip
    found = _said(Analysis("0", (doc("A"), doc("B")), outlet_stances=rows))
    assert any(s.startswith("**Stance toward Police differs**") for s in found) is said
