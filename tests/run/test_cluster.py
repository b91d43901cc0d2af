"""The dask engine gives the local engine's framing.json, byte for byte, on a LocalCluster in this
process (threads: fast enough for CI); skipped when dask is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster
from support import ROOT
from typer.testing import CliRunner

from framing import cli as cli_module
from framing import pipeline
from framing.errors import EngineError
from framing.report import json as json_report
from framing.run.cluster import DaskEngine

SEEDS = ROOT / "seeds"
MIXED = ROOT / "tests" / "data" / "mixed_stories"


@pytest.fixture(scope="module")
def engine():
    """Two worker threads, each loading its own spaCy pipeline; batches of two articles, so the
    samples make several tasks."""
    with DaskEngine(processes=False, workers=2, batch=2) as running:
        yield running


def test_the_samples_give_the_same_framing_json(engine, seeds_analysis) -> None:
    # no caches: the findings of this session's earlier runs would spare the workers' parsing
    analysis, parser = pipeline.analyze([SEEDS], engine=engine, use_cache=False)
    assert parser is None
    assert json_report.dumps(analysis) == json_report.dumps(seeds_analysis)
    assert engine.stats.parsed >= 5


def test_a_mixed_corpus_gives_the_same_stories(engine, parser) -> None:
    here, _ = pipeline.analyze([MIXED], parser=parser)
    there, _ = pipeline.analyze([MIXED], engine=engine)
    assert len(there.stories) == 4
    assert json_report.dumps(there) == json_report.dumps(here)


def test_progress_counts_every_article(engine) -> None:
    seen: list[tuple[int, int]] = []
    pipeline.analyze(
        [MIXED], engine=engine, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (10, 10) and len(seen) == 5


def test_an_existing_scheduler_through_the_command_line(parser, tmp_path: Path) -> None:
    """``--engine dask --scheduler ADDRESS`` runs on a cluster started elsewhere (here one in this
    process) and writes the local engine's report."""
    local = tmp_path / "local"
    pipeline.report([SEEDS], out=local, parser=parser)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
    ) as cluster:
        result = CliRunner().invoke(
            cli_module.app,
            [
                *("report", str(SEEDS), "--out", str(tmp_path / "dask")),
                *("--engine", "dask", "--scheduler", cluster.scheduler_address),
            ],
            prog_name="framing",
        )
    assert result.exit_code == 0, result.output
    assert "(5 documents)" in result.output
    framing_json = (tmp_path / "dask" / "framing.json").read_bytes()
    assert framing_json == (local / "framing.json").read_bytes()


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler") as caught:
        DaskEngine(scheduler="tcp://127.0.0.1:1", timeout=0.5)
    assert str(caught.value).startswith("tcp://127.0.0.1:1: ")
    assert "\n" not in str(caught.value)


def test_scheduler_needs_the_dask_engine() -> None:
    result = CliRunner().invoke(
        cli_module.app, ["report", "--scheduler", "tcp://127.0.0.1:1"], prog_name="framing"
    )
    assert result.exit_code == 2
