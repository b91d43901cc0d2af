"""Shared fixtures: an isolated parse cache, the loaded pipeline, the samples' analysis, the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's parse cache."""
    os.environ["FRAMING_CACHE_DIR"] = str(tmp_path_factory.mktemp("parse-cache"))


@pytest.fixture(scope="session")
def parser():
    """One loaded spaCy pipeline for the whole session (loading takes about a second)."""
    from framing.nlp import Parser

    return Parser.create()


@pytest.fixture(scope="session")
def seeds_analysis(parser):
    """The analysis of the bundled sample articles, computed once."""
    from framing import pipeline

    analysis, _ = pipeline.analyze([SEEDS], parser=parser)
    return analysis


@pytest.fixture
def run(parser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Invoke the CLI in-process from ``tmp_path``, with the session's loaded spaCy pipeline."""
    from typer.testing import CliRunner

    from framing import cli as cli_module
    from framing.nlp import Parser

    monkeypatch.setattr(Parser, "create", classmethod(lambda cls, **options: parser))
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli_module.app, list(args), prog_name="framing")

    return invoke
