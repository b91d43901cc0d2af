"""The local engine's worker processes give the one-process findings, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import ROOT

from framing import nlp, pipeline
from framing.errors import FramingError
from framing.nlp import Parser
from framing.report import json as json_report
from framing.run import pool

MIXED = ROOT / "tests" / "data" / "mixed_stories"


@pytest.fixture
def anywhere(monkeypatch):
    """Workers for any number of articles, not only for 128 or more."""
    monkeypatch.setattr(nlp.parser, "PARALLEL_MIN", 1)


def test_two_workers_give_the_one_process_framing_json(anywhere, parser) -> None:
    here, _ = pipeline.analyze([MIXED], parser=Parser(parser.nlp, None), jobs=1)
    workers = Parser.create(use_cache=False)
    seen: list[tuple[int, int]] = []
    there, used = pipeline.analyze(
        [MIXED], parser=workers, jobs=2, progress=lambda done, total: seen.append((done, total))
    )
    assert json_report.dumps(there) == json_report.dumps(here)
    assert used is workers and workers.stats.parsed == 10  # counted from the workers
    assert seen[-1] == (10, 10) and len(seen) == 3  # batches of four


def test_articles_with_every_stage_cached_are_not_sent(
    anywhere, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    first, _ = pipeline.analyze([MIXED], jobs=2)
    again = Parser.create()
    timings: dict[str, float] = {}
    second, _ = pipeline.analyze([MIXED], parser=again, jobs=2, timings=timings)
    assert json_report.dumps(second) == json_report.dumps(first)
    assert again.stats.parsed == 0 and again.stats.cached == 0  # nothing even loaded
    assert "wording" not in timings  # no stage ran
    assert {"read", "clean", "documents", "compare"} <= set(timings)


def _stop(batch: object) -> object:
    os._exit(3)  # as the kernel's out-of-memory killer would leave it


def test_a_worker_that_stops_is_one_framing_error(anywhere, monkeypatch) -> None:
    monkeypatch.setattr(pool, "_work", _stop)
    with pytest.raises(FramingError, match=r"^a worker process failed to start or stopped"):
        pipeline.analyze([MIXED], parser=Parser.create(use_cache=False), jobs=2)


def test_one_job_never_starts_workers(anywhere, monkeypatch, parser) -> None:
    monkeypatch.setattr(pool, "_run", None)  # calling it would fail
    analysis, _ = pipeline.analyze([MIXED], parser=Parser(parser.nlp, None), jobs=1)
    assert len(analysis.documents) == 10
