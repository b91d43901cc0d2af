"""Stance toward an actor mention: model, frames, harm roles and naming words."""

from __future__ import annotations

import pytest
from support import annotations

from framing import lexicons
from framing.actors import stances as compare_actors
from framing.actors.link import Linked
from framing.actors.score import score_mentions
from framing.features import stance
from framing.records import ActorMention, Span, StanceCue

RES = stance.resources(lexicons.load())


def score_of(parser, text: str, mention: str) -> ActorMention:
    start = text.index(mention)
    (scored,) = score_mentions([(text, start, start + len(mention))], parser=parser)
    return scored


@pytest.mark.parametrize(
    ("text", "mention", "sign"),
    [
        ("The minister praised Maria Alvarez for her courage.", "Maria Alvarez", 1),
        ("Critics blamed Maria Alvarez for the collapse of the talks.", "Maria Alvarez", -1),
        ("Maria Alvarez rejected the offer and derailed the talks.", "Maria Alvarez", -1),
        ("Volunteers thanked Maria Alvarez, who rescued two children.", "Maria Alvarez", 1),
    ],
)
def test_the_sign_follows_what_is_said_about_the_mention(parser, text, mention, sign) -> None:
    scored = score_of(parser, text, mention)
    assert scored.score * sign > 0, scored
    assert text[scored.span.start : scored.span.end] == mention


def test_two_people_in_one_sentence_get_their_own_stance(parser) -> None:
    text = "Voters cheered Ana Costa, while they booed and insulted Rui Lopes."
    assert score_of(parser, text, "Ana Costa").score > score_of(parser, text, "Rui Lopes").score


@pytest.mark.parametrize(
    ("text", "mention", "rule"),
    [
        ("Northland rejected the proposal.", "Northland", "frames.tsv"),
        ("The mayor blamed Northland for the delay.", "Northland", "frames.tsv"),
        ("Northland's refusal ended the talks.", "Northland", "frames.tsv"),
        (
            "The brutal regime of Northland held out.",
            "The brutal regime of Northland",
            "valence.tsv",
        ),
    ],
)
def test_rule_cues_carry_their_lexicon_line(parser, text, mention, rule) -> None:
    scored = score_of(parser, text, mention)
    rules = [c for c in scored.cues if rule in c.rule]
    assert rules and all(c.valence < 0 for c in rules), scored.cues
    for cue in rules:
        assert text[cue.span.start : cue.span.end] == cue.text


def test_not_rejecting_is_not_blame(parser) -> None:
    scored = score_of(parser, "Northland did not reject the proposal.", "Northland")
    frames = [c for c in scored.cues if "frames.tsv" in c.rule]
    assert frames and frames[0].valence > 0


def test_probabilities_sum_to_one_and_the_score_stays_in_range() -> None:
    found = {"w:kill": 3.0, "v1": -2.0, "dep:nsubj": 1.0}
    probs = stance.probabilities(found, RES)
    assert sum(probs) == pytest.approx(1.0)
    many = [StanceCue("x", Span(0, 1), -1.0, "r")] * 5
    assert -1.0 <= stance.score(found, RES, many) <= 1.0


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["negative", "negative", "positive"], "negative"),
        (["positive", "positive", "neutral"], "positive"),
        (["positive", "neutral"], "neutral"),  # one coloured mention: no side taken
        (["negative", "negative", "positive", "positive"], "neutral"),
        (["negative", "positive"], "neutral"),
        ([], "neutral"),
    ],
)
def test_the_document_label_is_the_majority_of_mentions(labels, expected) -> None:
    mentions = [
        (0, "Northland", ActorMention(Span(i, i + 1), 0.0, label=label))
        for i, label in enumerate(labels)
    ]
    linked = [Linked("Northland", "place", None, True)]
    result = compare_actors.stances(mentions, linked)
    assert len(result) == (1 if labels else 0)  # no mention, no stance
    assert (result[0].label if result else "neutral") == expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # each actor's own-voice mentions make its score, the quoted ones its quoted score
        ([(0, "Northland", ActorMention(Span(40, 49), -0.4)),
          (0, "the Northland government", ActorMention(Span(0, 24), 0.2, quoted=True))],
         [("Northland", -0.4, 0.2, (Span(0, 24), Span(40, 49)),
           ("Northland government", "Northland"))]),
        # no own-voice mention: a score of 0 and only the quoted one
        ([(0, "Northland", ActorMention(Span(3, 12), 0.5, quoted=True))],
         [("Northland", 0.0, 0.5, (Span(3, 12),), ("Northland",))]),
        # two groups linked to one actor are one stance; actors come in name order
        ([(1, "Southport", ActorMention(Span(0, 9), 0.6)),
          (0, "Northland", ActorMention(Span(20, 29), -0.2)),
          (2, "the port city", ActorMention(Span(40, 53), 0.2))],
         [("Northland", -0.2, None, (Span(20, 29),), ("Northland",)),
          ("Southport", 0.4, None, (Span(0, 9), Span(40, 53)), ("Southport", "port city"))]),
    ],
)  # fmt: skip
def test_a_documents_stance_toward_each_actor(mentions, expected) -> None:
    linked = [
        Linked("Northland", "place", "north", True),
        Linked("Southport", "place", "south", False),
        Linked("Southport", "place", "south", False),
    ]
    result = compare_actors.stances(mentions, linked)
    assert [(st.actor, st.score, st.quoted_score, st.mentions, st.names) for st in result] == [
        (actor, pytest.approx(score), quoted if quoted is None else pytest.approx(quoted), spans,
         names)
        for actor, score, quoted, spans, names in expected
    ]  # fmt: skip
    for st in result:
        assert st.details and st.mentions == tuple(m.span for m in st.details)
        assert (st.kind, st.side, st.found) == (
            ("place", "north", True) if st.actor == "Northland" else ("place", "south", False)
        )


def test_explicit_negative_cues_press_the_document_score_toward_minus_one() -> None:
    blame = StanceCue("rejected", Span(0, 8), -0.3, "frames.tsv:13: subject of the frame")
    harmed = StanceCue("killed", Span(0, 6), 0.25, "harm.tsv:4: harmed")
    word = StanceCue("brutal", Span(0, 6), -0.9, "stance_model.tsv:7: model feature w:brutal")
    plain = [ActorMention(Span(i, i + 1), -0.2) for i in range(3)]
    assert compare_actors.document_score(plain) == pytest.approx(-0.2)
    assert compare_actors.document_score([]) is None
    # a model word is already in the mention's score; a positive cue does not lift the score
    for cue in (word, harmed):
        cued = [*plain[:2], ActorMention(Span(5, 6), -0.2, cues=(cue,))]
        assert compare_actors.document_score(cued) == pytest.approx(-0.2)
    once = compare_actors.document_score(
        [*plain[:2], ActorMention(Span(5, 6), -0.2, cues=(blame,))]
    )
    twice = compare_actors.document_score(
        [plain[0], *(ActorMention(Span(i, i + 1), -0.2, cues=(blame,)) for i in (5, 7))]
    )
    assert once is not None and twice is not None
    assert -1.0 < twice < once < -0.2


def test_every_stance_mention_points_at_the_actor_words(seeds_analysis) -> None:
    # every sample names actors, and some of their mentions are scored one way or the other
    assert all(doc.stance for doc in seeds_analysis.documents)
    scores = [m.score for d in seeds_analysis.documents for st in d.stance for m in st.details]
    assert any(score < 0 for score in scores) and any(score > 0 for score in scores)
    for doc in seeds_analysis.documents:
        for st in doc.stance:
            assert st.mentions == tuple(m.span for m in st.details)
            for m in st.details:
                assert -1.0 <= m.score <= 1.0
                assert doc.text[m.span.start : m.span.end].strip()


def _own_score(analysis, doc_id: str, actor: str) -> float:
    doc = next(d for d in analysis.documents if d.id == doc_id)
    return next(st.score for st in doc.stance if st.actor == actor)


@pytest.mark.parametrize(
    "claim", annotations("stance")["most_negative"], ids=lambda claim: claim["actor"]
)
def test_the_sample_most_negative_toward_an_actor(seeds_analysis, claim: dict) -> None:
    # A reader's judgement of the five sample articles (tests/data/samples/stance.toml).
    actor = claim["actor"]
    scores = {d.id: _own_score(seeds_analysis, d.id, actor) for d in seeds_analysis.documents}
    assert min(scores, key=scores.get) == claim["doc"], scores


@pytest.mark.parametrize("valences", [(), (-0.5,), (0.3, -0.2), (1.0,)])
def test_judged_is_score_predict_and_the_model_score(valences: tuple[float, ...]) -> None:
    found = {"v1": -0.6, "vall": 0.4, "w:attack": 1.0}
    rules = [StanceCue("x", Span(0, 1), v, "rule") for v in valences]
    assert stance.judged(found, RES, rules) == (
        stance.score(found, RES, rules),
        stance.predict(found, RES, rules),
        stance.score(found, RES),
    )
