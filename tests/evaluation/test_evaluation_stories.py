"""The story-grouping evaluation scores what it claims to score, checked on hand-made groups."""

from __future__ import annotations

import sys

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import stories as story_eval


def test_a_perfect_grouping_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    s = story_eval.scores({"a": 0, "b": 0, "c": 1}, gold)
    assert (s["P"], s["R"], s["F1"], s["pair F1"]) == (1.0, 1.0, 1.0, 1.0)


def test_b_cubed_of_one_merge_and_one_split() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    merged = story_eval.scores({"a": 0, "b": 0, "c": 0, "d": 0}, gold)
    assert merged["R"] == 1.0 and merged["P"] == pytest.approx(0.5)
    assert merged["pair P"] == pytest.approx(2 / 6) and merged["pair R"] == 1.0
    split = story_eval.scores({"a": 0, "b": 1, "c": 2, "d": 3}, gold)
    assert split["P"] == 1.0 and split["R"] == pytest.approx(0.5) and split["pair F1"] == 0.0
    assert split["stories"] == 4 and split["gold"] == 2
