"""The SEESAW stance evaluation reads its format and scores what it claims to score, checked on
hand-made data; the loader and the script also run on the real data when ``../shared/eval`` is
present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import seesaw

from framing.records import ActorMention, ActorStance, Span, StanceCue

DATA = ROOT.parent / "shared" / "eval" / "seesaw"


def _actor(name: str, kind: str = "person", *names: str, mentions: int = 1) -> ActorStance:
    return ActorStance(
        actor=name,
        score=0.0,
        mentions=tuple(Span(i, i + 1) for i in range(mentions)),
        kind=kind,
        names=names,
    )


@pytest.mark.parametrize(
    ("label", "folded"),
    [
        ("Very Positive", "positive"),
        ("Slightly Positive", "positive"),
        ("Positive", "positive"),
        ("Neutral", "neutral"),
        ("Slightly Negative", "negative"),
        ("Very Negative", "negative"),
        ("Unknown", None),
    ],
)
def test_fold(label: str, folded: str | None) -> None:
    assert seesaw.fold(label) == folded


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Slightly Negative"], "negative"),
        (["Neutral", "Neutral", "Slightly Positive"], "neutral"),  # majority
        (["Neutral", "Slightly Positive"], "positive"),  # tie: the mean's sign
        (["Negative", "Neutral", "Positive"], "neutral"),
        (["Unknown", "Very Negative"], "negative"),  # Unknown does not vote
        (["Unknown"], None),
    ],
)
def test_combine(labels: list[str], expected: str | None) -> None:
    assert seesaw.combine(labels) == expected


def test_classify_threshold_is_strict() -> None:
    assert [seesaw.classify(s, 0.05) for s in (0.06, 0.05, 0.0, -0.05, -0.06)] == [
        "positive",
        "neutral",
        "neutral",
        "neutral",
        "negative",
    ]


def test_read_gold_keeps_people_organisations_places() -> None:
    annotation = {
        "entity lists": [
            ["Barack Obama", ["People"], ["Main"], ["A"]],
            ["Senate", ["Organization", "People", "Organization"], ["Main"] * 3, ["A", "B", "C"]],
            ["Iran", ["GPE"], ["Salient"], ["A"]],
            ["Obamacare", ["Topic"], ["Salient"], ["A"]],
            ["Ted Cruz", ["People"], ["Salient"], ["A"]],
        ],
        "entity sentiments": {
            "Barack Obama": [["Slightly Positive", "A"]],
            "Senate": [["Negative", "A"], ["Neutral", "B"], ["Slightly Negative", "C"]],
            "Iran": [["Neutral", "A"]],
            "Obamacare": [["Positive", "A"]],
            "Ted Cruz": [["Unknown", "A"]],
        },
    }
    skipped: seesaw.Counter[str] = seesaw.Counter()
    assert seesaw.read_gold(annotation, skipped) == (
        seesaw.Gold("Barack Obama", "person", "positive"),
        seesaw.Gold("Senate", "organisation", "negative"),
        seesaw.Gold("Iran", "place", "neutral"),
    )
    assert skipped == {"another type": 1, "only Unknown": 1}


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The U.S. Senate's", "us senate"),
        ("Mr. Obama", "obama"),
        ("Obama\u2019s", "obama"),
        ("Democrats'", "democrats"),
        ("Kim Jong-un", "kim jong un"),
        ("President", "president"),  # a title alone stays
    ],
)
def test_normalise(name: str, normal: str) -> None:
    assert seesaw.normalise(name) == normal


def test_match_rules_and_their_order() -> None:
    obama = seesaw.Gold("Barack Obama", "person", "positive")
    same = _actor("Barack H. Obama", "person", "Barack Obama")
    last = _actor("Michelle Obama", "person")  # a person sharing the last token
    part = _actor("Obama", "group", mentions=5)  # token containment, more mentions
    assert seesaw.strength(obama, same) == 3
    assert seesaw.strength(obama, last) == 2
    assert seesaw.strength(obama, part) == 1
    assert seesaw.match(obama, [part, last, same]) is same
    assert seesaw.match(obama, [part, last]) is last
    assert seesaw.match(obama, [part]) is part
    assert seesaw.match(obama, [_actor("Hillary Clinton")]) is None
    assert seesaw.match(obama, []) is None


def test_match_last_token_needs_two_persons() -> None:
    party = seesaw.Gold("Republican Party", "person", "negative")  # SEESAW types it People
    assert seesaw.strength(party, _actor("Democratic Party", "organisation")) == 0
    assert seesaw.strength(party, _actor("the Republican Party's", "organisation")) == 3


def test_match_prefers_more_mentions_on_a_tie() -> None:
    senate = seesaw.Gold("Senate", "organisation", "neutral")
    few, many = _actor("US Senate", "organisation"), _actor("Senate GOP", "group", mentions=3)
    assert seesaw.match(senate, [few, many]) is many


def test_all_voices() -> None:
    cue = (StanceCue("praised", Span(0, 1), 0.5, "test"),)
    details = (
        ActorMention(Span(0, 1), 0.6, cues=cue),
        ActorMention(Span(2, 3), -0.2, quoted=True, cues=cue),
        ActorMention(Span(4, 5), 0.0),  # no cue: left out
    )
    with_details = ActorStance("A", 0.6, (), quoted_score=-0.2, details=details)
    assert seesaw.all_voices(with_details) == pytest.approx(0.2)
    assert seesaw.all_voices(ActorStance("A", 0.4, (), quoted_score=-0.2)) == pytest.approx(0.1)
    assert seesaw.all_voices(ActorStance("A", 0.4, ())) == pytest.approx(0.4)


def test_macro_f1_on_a_hand_table() -> None:
    pairs = [
        ("positive", "positive"),
        ("positive", "neutral"),
        ("neutral", "neutral"),
        ("neutral", "negative"),
        ("negative", "negative"),
        ("negative", "negative"),
    ]
    # positive P 1/1 R 1/2 -> 2/3; neutral P 1/2 R 1/2 -> 1/2; negative P 2/3 R 2/2 -> 4/5
    macro, per = seesaw.macro_f1(pairs)
    assert per == pytest.approx({"positive": 2 / 3, "neutral": 1 / 2, "negative": 4 / 5})
    assert macro == pytest.approx((2 / 3 + 1 / 2 + 4 / 5) / 3)
    assert seesaw.macro_f1([("neutral", "neutral")])[0] == pytest.approx(1 / 3)


def test_coverage_counts_reported_non_neutral_pairs() -> None:
    scored = [("positive", 0.0), ("negative", None), ("negative", -0.5), ("neutral", None)]
    assert seesaw.coverage(scored) == (2, 3)
    line = seesaw.evaluate(scored, 0.05)
    assert "coverage 0.667 (2 of 3)" in line


def test_vader_baseline() -> None:
    valence = {"great": 0.8, "bad": -0.6, "trump": 0.4}
    sentences = seesaw.split_sentences(
        "Mr. Trump gave a great speech. The weather was bad. Critics called Trump's plan bad."
    )
    assert len(sentences) == 3
    trump = seesaw.Gold("Donald Trump", "person", "neutral")
    assert seesaw.vader_score(sentences, trump, valence) == pytest.approx(0.1)  # own name left out
    assert seesaw.vader_score(sentences, seesaw.Gold("Iran", "place", "neutral"), valence) is None


def test_read_valence(tmp_path: Path) -> None:
    path = tmp_path / "valence.tsv"
    path.write_text("# comment\nterm\tvalence\ngood\t0.475\nBad\t-0.625\n", encoding="utf-8")
    assert seesaw.read_valence(path) == {"good": 0.475, "bad": -0.625}


def _write_story(data: Path) -> None:
    for folder in ("meta", "articles", "annotations"):
        (data / folder).mkdir(parents=True)
    (data / "meta" / "TRIPLET_007.json").write_text(json.dumps({"Split": "valid"}))
    (data / "meta" / "TRIPLET_008.json").write_text(json.dumps({"Split": "test"}))
    for k in range(3):
        name = f"TRIPLET_007_DOCUMENT_{k}.json"
        text = [{"id": 0, "text": "Obama spoke."}, {"id": 1, "text": ""}]
        article = {"title": "Title ", "text": text}
        annotation = {
            "entity lists": [["Barack Obama", ["People"], ["Main"], ["A"]]],
            "entity sentiments": {"Barack Obama": [["Very Negative", "A"]]},
            "sentence-level stances": {"0": [{"object": "Barack Obama", "sentiment": "NEG"}]},
        }
        (data / "articles" / name).write_text(json.dumps(article))
        (data / "annotations" / name).write_text(json.dumps(annotation))


def test_read_seesaw_on_hand_made_data(tmp_path: Path) -> None:
    _write_story(tmp_path)
    stories, skipped = seesaw.read_seesaw(tmp_path)
    assert [s.id for s in stories] == ["007"]  # the test story is not read
    first = stories[0].articles[0]
    assert [a.id for a in stories[0].articles] == ["T007_D0", "T007_D1", "T007_D2"]
    assert first.text() == "Title\n\nObama spoke.\n"
    assert first.gold == (seesaw.Gold("Barack Obama", "person", "negative"),)
    assert seesaw.sentence_stance(first, first.gold[0]) == -1.0
    assert not skipped


def test_loader_on_the_real_data() -> None:
    if not DATA.is_dir():
        pytest.skip("../shared/eval/seesaw is absent")
    stories, skipped = seesaw.read_seesaw(DATA, limit=5)
    assert len(stories) == 5
    for story in stories:
        assert len(story.articles) == 3
        for article in story.articles:
            assert article.title and article.sentences
            assert all(g.kind in {"person", "organisation", "place"} for g in article.gold)
            assert all(g.label in seesaw.CLASSES for g in article.gold)
    assert sum(len(a.gold) for s in stories for a in s.articles) > 20
    assert set(skipped) <= {"another type", "only Unknown"}


def test_framing_mode_reads_one_real_story(parser) -> None:
    if not DATA.is_dir():
        pytest.skip("../shared/eval/seesaw is absent")
    stories, _ = seesaw.read_seesaw(DATA, limit=1)
    found = seesaw.run_framing(stories, parser=parser)
    assert sorted(found) == [a.id for a in stories[0].articles]


def test_script_runs_the_baseline() -> None:
    if not DATA.is_dir():
        pytest.skip("../shared/eval/seesaw is absent")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "evaluation" / "seesaw.py"),
            "--data",
            str(DATA),
            "--mode",
            "baseline",
            "--limit",
            "3",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "baseline VADER" in result.stdout and "macro-F1" in result.stdout
