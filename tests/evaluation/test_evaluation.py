"""The evaluation scripts score what they claim to score (checked on hand-made data)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import polnear

from framing.records import Span

ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;25 30\tthe plan ...\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tCue 40 47\texpected\n"
    "T6\tContent 31 39\tprices\n"
    "T7\tAttribution 40 47\texpected\n"
    "E2\tAttribution:T7 Cue:T5 Content:T6\n"
)


def test_read_gold_joins_discontinuous_spans(tmp_path: Path) -> None:
    path = tmp_path / "a_x.ann"
    path.write_text(ANN)
    first, second = polnear.read_gold(path)
    assert first.source == (Span(0, 5),)
    assert first.content == (Span(11, 20), Span(25, 30))
    assert (second.source, second.content) == ((), (Span(31, 39),))


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ([((Span(0, 5),), (Span(12, 18),))], (1, 1)),  # content and source overlap
        ([((Span(6, 8),), (Span(12, 18),))], (1, 0)),  # content only
        ([((), (Span(50, 60),))], (0, 0)),  # no overlap
        # two predictions on one gold: one-to-one, the larger overlap wins
        ([((), (Span(11, 12),)), ((Span(0, 2),), (Span(11, 30),))], (1, 1)),
        ([((), (Span(31, 33),)), ((Span(0, 2),), (Span(11, 30),))], (2, 1)),
    ],
)
def test_match_is_one_to_one(tmp_path: Path, predicted, expected) -> None:
    path = tmp_path / "a_x.ann"
    path.write_text(ANN)
    gold = polnear.read_gold(path)
    assert polnear.match(predicted, gold) == expected


def test_script_runs_on_a_few_dev_articles() -> None:
    data = ROOT.parent / "shared" / "eval" / "polnear"
    if not data.is_dir():
        pytest.skip("../shared/eval/polnear is absent")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "evaluation" / "polnear.py"),
            "--data",
            str(data),
            "--limit",
            "3",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "content  P" in result.stdout and "source   P" in result.stdout
