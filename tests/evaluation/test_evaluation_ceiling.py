"""The ceiling script: its helpers on hand-made data, and a small run on the real data when
``../shared/eval`` is present."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import ceiling
from common import auc

EVAL = ROOT.parent / "shared" / "eval"


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (([1.0, 2.0, 3.0], [30.0, 20.0, 10.0]), [4.0, 4.0, 4.0]),
        (([0.1, 0.1, 0.9], [5.0, 6.0, 7.0]), [2.5, 3.5, 6.0]),
    ],
)
def test_rank_sum_adds_ranks_with_ties_shared(scores, expected) -> None:
    assert ceiling.rank_sum(*scores).tolist() == expected


def test_event_of_strips_year_and_outlet_number() -> None:
    assert ceiling.event_of("2012/08bb9bee-c167_2") == "08bb9bee-c167"


def _data(labels_follow_feature: bool) -> tuple[np.ndarray, list[bool]]:
    rng = np.random.default_rng(0)
    features = rng.normal(size=(200, 3))
    if labels_follow_feature:
        labels = [bool(x > 0) for x in features[:, 0]]
    else:
        labels = [bool(x > 0) for x in rng.normal(size=200)]
    return features, labels


@pytest.mark.parametrize("grouped", [False, True])
def test_cross_validated_learns_a_signal_and_not_noise(grouped: bool) -> None:
    groups = [str(i % 10) for i in range(200)] if grouped else None
    features, labels = _data(True)
    assert auc(labels, ceiling.cross_validated(features, labels, groups, c=1.0)) > 0.95
    features, labels = _data(False)
    assert abs(auc(labels, ceiling.cross_validated(features, labels, groups, c=1.0)) - 0.5) < 0.15


@pytest.mark.skipif(not (EVAL / "babe").is_dir() or not (EVAL / "basil").is_dir(), reason="no eval")
def test_ceiling_runs_on_the_real_data() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "evaluation" / "ceiling.py"), "--limit", "400"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "BABE SG2: 400 sentences" in out
    assert "BASIL (folds by event): 400 sentences" in out
    assert out.count("bag + framing") == 2
