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
                "conflict", basis="event")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(fact,)))
    assert said[0] == (
        "**Figures differ** on hostages held: A 58 hostages ([A:1](../A.txt#L1)) against "
        "B 60 hostages ([B:1](../B.txt#L1))."
    )


def test_exact_figures_come_before_bounded_ones() -> None:
    rough = Fact("fact-001", "a toll", "people", (_value("A", 58, 12, "over"),
                 _value("B", 60, 47, "nearly"), _value("C", 61, 47)), "conflict",
                 basis="event")  # fmt: skip
    exact = Fact("fact-002", "hostages held", "people", (_value("A", 58, 12), _value("B", 60, 47)),
                 "conflict", basis="label")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B"), _doc("C")), facts=(rough, exact)))
    assert said[0].startswith("**Figures differ** on hostages held")
    assert said[1].startswith("**Figures differ** on a toll")


@pytest.mark.parametrize(
    ("connotation", "also", "groups", "whole", "said"),
    [
        # a loaded label of one outlet's own, for the people the others name: a frame
        ("negative", (), ("Northern", "Northern"), False, True),
        ("neutral", (), ("Northern", "Northern"), False, False),  # a neutral word: style
        # an outlet that also uses the others' word: its own word may name another group
        ("negative", ("prisoners",), ("Northern", "Northern"), False, False),
        # no group name ties them: "terror groups" and "the gunman" may be two referents
        ("negative", (), ("", ""), False, False),
        ("negative", (), ("Southern", "Northern"), False, False),
        # a whole class ("illegal immigrants", "undocumented immigrants") needs no group name
        ("negative", (), ("", ""), True, True),
    ],
)
def test_a_label_only_one_outlet_uses(
    connotation: str, also: tuple, groups: tuple, whole: bool, said: bool
) -> None:
    def mention(label: str, group: str, how: str) -> LabelMention:
        return LabelMention("people held by a state", f"{group} {label}".strip(), Span(72, 82),
                            how, label=label, whole=whole)  # fmt: skip

    mine = (mention("terrorists", groups[0], connotation),
            *(mention(w, groups[0], "neutral") for w in also))  # fmt: skip
    other = mention("prisoners", groups[1], "neutral")
    row = LabelRow("people held by a state",
                   (("A", ("terrorists", *also)), ("B", ("prisoners",))))  # fmt: skip
    docs = (_doc("A", labels=mine), _doc("B", labels=(other,)))
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
    ("doubt", "said"),
    [
        ("", True),
        # an omission framing cannot be sure of (compare/omissions) is not said
        ("its figures agree in number only", False),
    ],
)
def test_an_omission_is_said_with_the_figures_the_others_give(doubt: str, said: bool) -> None:
    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 58, 12)),
                "agree", basis="counted")  # fmt: skip
    omission = Omission("C", "hostages held", ("A", "B"), "fact-001", doubt)
    docs = (_doc("A"), _doc("B"), _doc("C"))
    found = _said(Analysis("0", docs, facts=(fact,), omissions=(omission,)))
    expected = (
        "**C leaves out a figure** that 2 of the 3 articles give (hostages held): A 58 hostages "
        "([A:1](../A.txt#L1)); B 58 hostages ([B:1](../B.txt#L1))."
    )
    assert (expected in found) is said


def test_an_outlet_one_of_whose_articles_gives_the_figure_leaves_nothing_out() -> None:
    from dataclasses import replace

    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 58, 12)),
                "agree", basis="event")  # fmt: skip
    second = replace(_doc("B"), id="B2", path="B2.txt")  # B's second article leaves it out
    c = Omission("C", "hostages held", ("A", "B"), "fact-001")
    b2 = Omission("B2", "hostages held", ("A", "B"), "fact-001")
    analysis = Analysis("0", (_doc("A"), _doc("B"), second, _doc("C")), facts=(fact,),
                        omissions=(c, b2))  # fmt: skip
    found = [s for s in _said(analysis) if "leaves out a figure**" in s]
    assert found, "C leaves it out"
    assert [s.split("**")[1] for s in found] == ["C leaves out a figure"]


def test_where_nothing_stands_out_it_says_so() -> None:
    said = _said(Analysis("0", (_doc("A"), _doc("B"))))
    assert said == [
        "No figure differs between the outlets.",
        "No outlet alone uses a label for a shared referent.",
        "No outlet that cites three sources or more quotes no named person, or only one party's "
        "people and organisations.",
        "No outlet leaves out a fact most articles report.",
    ]


def test_where_omissions_could_not_be_tied_the_no_omission_sentence_says_so() -> None:
    # a row whose values share only their number: no omission is said, and the sentence that
    # says so does not claim that nothing is left out
    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 58, 12)),
                "agree", basis="words")  # fmt: skip
    omission = Omission("C", "hostages held", ("A", "B"), "fact-001", "its figures agree in "
                        "number only")  # fmt: skip
    found = _said(Analysis("0", (_doc("A"), _doc("B"), _doc("C")), facts=(fact,),
                           omissions=(omission,)))  # fmt: skip
    assert not any("leaves out a figure**" in s for s in found)
    assert found[-1].startswith("No outlet surely leaves out a figure most articles give")


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
                 "conflict", basis="event")  # fmt: skip
    said = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(share,)))
    assert not any(s.startswith("**Figures differ**") for s in said)
    assert said[0].startswith("No exact figure of one event, referent or named payment differs")


@pytest.mark.parametrize(
    ("basis", "said"), [("event", True), ("label", True), ("name", True), ("words", False)]
)
def test_a_conflict_is_said_only_when_more_than_what_it_counts_ties_it(
    basis: str, said: bool
) -> None:
    # "10 Democrats" on a panel and "four Democrats" who negotiated share only their word
    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 60, 47)),
                "conflict", basis=basis)  # fmt: skip
    found = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(fact,)))
    assert any(s.startswith("**Figures differ** on hostages held") for s in found) is said
    assert found, "the section says something either way"


def test_the_terms_of_proposals_are_not_said_to_conflict() -> None:
    # "a 50-day ceasefire" in one plan and "a 60-day pause" in another are two offers
    fact = Fact("fact-001", "hostages held", "people", (_value("A", 58, 12), _value("B", 60, 47)),
                "conflict", basis="event", proposed=True)  # fmt: skip
    found = _said(Analysis("0", (_doc("A"), _doc("B")), facts=(fact,)))
    assert found and not any(s.startswith("**Figures differ**") for s in found)


@pytest.mark.parametrize(
    ("untagged", "said"),
    [
        ((), True),  # every person and organisation it cites is republican
        ((("White House", "organisation"),), False),  # an untagged voice may be the other side
        ((("Jo Doe", "named"),), False),  # a person with no party tag too
        ((("a poll", "document"), ("an aide", "unnamed")), True),  # documents and unnamed: no side
    ],
)
def test_one_side_only_when_every_named_voice_is_of_that_side(untagged: tuple, said: bool) -> None:
    from framing.records import SpeakerCount

    def voice(name: str, kind: str, side: str | None) -> SpeakerCount:
        return SpeakerCount(name, 1, kind, side, "A", Span(0, 6))

    voices = (voice("Ann Reed", "named", "republican"), voice("Bo Lee", "named", "republican"),
              *(voice(name, kind, None) for name, kind in untagged))  # fmt: skip
    one = SourceProfile("A", ("A",), 4, (("named", 4),), (("republican", 2),), (), (),
                        0, 0, 0, voices)  # fmt: skip
    two = SourceProfile("B", ("B",), 4, (("named", 4),), (("republican", 2), ("democratic", 2)),
                        (), (), 0, 0, 0, ())  # fmt: skip
    found = _said(Analysis("0", (_doc("A"), _doc("B")), sources=(one, two)))
    expected = (
        "**[A](a.md) hears one side only**: the people and organisations it quotes are all "
        "republican (Ann Reed ([A:1](../A.txt#L1)), Bo Lee ([A:1](../A.txt#L1))), where 1 other "
        "outlet hears two sides or more."
    )
    assert (expected in found) is said


def test_stance_and_loaded_wording_are_never_compared_and_the_section_says_why() -> None:
    # two outlets far apart in stance, one with far more loaded words: before, "Stance toward ...
    # differs" and "uses the most loaded wording" sentences, which held too rarely
    from framing.records import LoadedTerm, OutletStance

    rows = (OutletStance("A", "Police", -0.9, "negative", 30, ("Police",), error=0.01),
            OutletStance("B", "Police", 0.8, "positive", 30, ("Police",), error=0.01))  # fmt: skip
    loaded = tuple(LoadedTerm("terrorists", Span(72, 82), "pejorative", 0.9, counted=True)
                   for _ in range(12))  # fmt: skip
    docs = (_doc("A", loaded_terms=loaded, voice_words=200), _doc("B", voice_words=200),
            _doc("C", voice_words=200))  # fmt: skip
    analysis = Analysis("0", docs, outlet_stances=rows)
    found = _said(analysis)
    assert found, "the section says something: at least the kinds with nothing to say"
    assert not any("tance" in s or "loaded" in s for s in found)
    section = differs.section(analysis, SLUGS, "reports")
    assert section[-2] == differs.NOT_COMPARED
    assert section[-2].startswith("Stance and loaded wording are not compared here")
