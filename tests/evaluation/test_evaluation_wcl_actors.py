"""The NewsWCL50 actor-merging evaluation builds its items and scores B-cubed as it claims, checked
on hand-made data; it also runs on the real data when ``../shared/eval/newswcl50`` is present."""

from __future__ import annotations

import re
import subprocess
import sys
from fractions import Fraction

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import newswcl50
import wcl_actors

from framing.records import Span

DATA = ROOT.parent / "shared" / "eval" / "newswcl50"


# B-cubed


@pytest.mark.parametrize(
    ("gold", "predicted", "outlets", "expected"),
    [
        ("aab", [1, 1, 2], (), (1, 1)),  # perfect
        ("aab", [1, 2, 3], (), (1, Fraction(2, 3))),  # every item alone
        ("aab", [1, 1, 1], (), (Fraction(5, 9), 1)),  # one cluster
        ("aaabb", [1, 1, 2, 2, 2], (), (Fraction(11, 15), Fraction(11, 15))),
        # across outlets: only pairs of items of different outlets count
        ("aaab", [1, 1, 2, 1], "xyxy", (Fraction(1, 2), Fraction(1, 2))),
        ("aa", [1, 1], "xx", (0, 0)),  # one outlet: nothing across outlets
    ],
)
def test_bcubed(gold, predicted, outlets, expected) -> None:
    score = wcl_actors.bcubed(list(gold), predicted, list(outlets))
    assert score.items == len(gold)
    assert (score.precision, score.recall) == pytest.approx(tuple(map(float, expected)))


# items


def _mention(
    row: int, publisher: str, code_type: str, code: str, text: str, *place: int
) -> newswcl50.Mention:
    return newswcl50.Mention(f"9_{publisher}_{row}", code_type, code, text, 9, publisher, *place)


MENTIONS = [
    _mention(0, "L", "ACTOR", "PRK\\Kim", "Mr. Kim", 0, 0, 1),
    _mention(1, "L", "ACTOR", "KOR\\Moon", "President Moon Jae-in", 0, 3, 5),
    _mention(2, "L", "ACTOR", "PRK\\Kim", "Kim", 1, 0, 0),
    _mention(3, "L", "COUNTRY", "PRK", "North and South Korea", 1, 2, 5),  # joint: left out
    _mention(4, "L", "COUNTRY", "KOR", "North and South Korea", 1, 2, 5),
    _mention(5, "L", "ACTOR", "PRK\\Kim", "Kim", 0, 0, 0),  # misplaced: found nearby
    _mention(6, "L", "PROPERTY", "Power", "met", 0, 2, 2),  # a judgement, not a concept
    _mention(7, "L", "EVENT", "Talks", "talk", 1, 7, 7),  # not actor-like
    _mention(8, "L", "COUNTRY", "PRK", "Pyongyang", 0, 7, 7),  # nowhere: lost
    _mention(9, "R", "ACTOR", "PRK\\Kim", "The North Korean leader", 0, 0, 3),
    _mention(10, "R", "ACTOR", "PRK\\Kim", "Kim Jong-un", 0, 4, 5),
]
TEXTS = {
    "L": [
        "Mr. Kim met President Moon Jae-in in Seoul.",
        "Kim said North and South Korea would talk.",
    ],
    "R": ["The North Korean leader Kim Jong-un smiled."],
}


@pytest.fixture(scope="module")
def articles() -> list[newswcl50.Article]:
    tokenize = newswcl50.make_tokenizer()
    return [
        newswcl50.Article(9, outlet, lines, [tokenize(line) for line in lines])
        for outlet, lines in TEXTS.items()
    ]


def test_items_are_distinct_labels_of_an_outlet(articles) -> None:
    items, tally = wcl_actors.build_items(articles, MENTIONS, wcl_actors.ACTOR_TYPES)
    found = {(i.outlet, i.concept, i.label): i.spans for i in items}
    assert found == {
        ("L", "PRK\\Kim", "mrkim"): (Span(0, 7),),
        ("L", "KOR\\Moon", "presidentmoonjaein"): (Span(12, 33),),
        ("L", "PRK\\Kim", "kim"): (Span(44, 47), Span(4, 7)),  # rows 2 and 5: one item
        ("R", "PRK\\Kim", "thenorthkoreanleader"): (Span(0, 23),),
        ("R", "PRK\\Kim", "kimjongun"): (Span(24, 35),),
    }
    assert (tally.located, tally.lost, tally.joint) == (8, 1, 2)
    every, _ = wcl_actors.build_items(articles, MENTIONS, wcl_actors.ALL_TYPES)
    assert ("L", "Talks", "talk") in {(i.outlet, i.concept, i.label) for i in every}


def test_an_item_goes_to_the_actor_most_of_its_mentions_overlap_best() -> None:
    item = wcl_actors.Item(9, "R", "PRK\\Kim", "kim", (Span(0, 23), Span(30, 33), Span(50, 53)))
    actors = [
        ("North Korea", Span(4, 16)),  # "North Korean": the best overlap with 0..23
        ("Kim Jong Un", Span(17, 35)),
        ("Kim Jong Un", Span(50, 53)),
    ]
    assert wcl_actors.assign(item, actors) == ("actor", 9, "Kim Jong Un")
    assert wcl_actors.assign(item, actors[:1]) == ("actor", 9, "North Korea")
    alone = wcl_actors.assign(item, [("Moon", Span(60, 64))])
    assert alone == ("alone", 9, "R", "PRK\\Kim", "kim")


def test_baseline_keys_capitalised_names_by_their_last_word() -> None:
    text = "The North Korean leader Kim Jong-un met Mr. Moon's aide.\nTrump spoke."
    assert wcl_actors.name_actors(text) == [
        ("korean", Span(4, 16)),
        ("jong-un", Span(24, 35)),
        ("moon", Span(44, 50)),
        ("trump", Span(57, 62)),
    ]


def test_baseline_predictions_on_the_invented_articles(articles) -> None:
    items, _ = wcl_actors.build_items(articles, MENTIONS, wcl_actors.ACTOR_TYPES)
    predicted, found, _ = wcl_actors.predict(articles, items, "baseline")
    assert found
    clusters = {(i.outlet, i.label): p for i, p in zip(items, predicted, strict=True)}
    assert clusters[("L", "mrkim")] == clusters[("L", "kim")] == ("actor", 9, "kim")
    assert clusters[("R", "kimjongun")] == ("actor", 9, "jong-un")


# real data


def test_actor_task_runs_on_the_real_data() -> None:
    if not (DATA / "Annotations.csv").is_file():
        pytest.skip("../shared/eval/newswcl50 is absent")
    figures = {}
    for concepts in ("actors", "all"):
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "evaluation" / "newswcl50.py"),
                *("--data", str(DATA), "--events", "0-4", "--task", "actors"),
                *("--mode", "baseline", "--concepts", concepts),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        pooled = re.search(
            r"baseline, last word, pooled +P ([\d.]+) +R ([\d.]+) +F1 ([\d.]+)", result.stdout
        )
        assert pooled, result.stdout
        figures[concepts] = float(pooled.group(3))
        assert "event 4" in result.stdout and "calibration, every item alone" in result.stdout
    assert 0.30 < figures["actors"] < 0.42
    assert 0.22 < figures["all"] < 0.30  # the "grouping capitalised names ... 0.26"
