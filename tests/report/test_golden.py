"""Golden files: the markdown report of a small invented story, byte for byte.

Run ``pytest tests/report/test_golden.py --update-golden`` after an intended change to the
reports, then read the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from support import DATA, GOLDEN

from framing import pipeline

STORY = DATA / "golden_story"
GOLDEN = GOLDEN


def _report(parser, folder: Path, name: str, **options: str) -> dict[str, str]:
    """Report the story copied into ``folder``, with relative paths as a user would type them,
    so that links in the markdown are the same on every machine."""
    if not (folder / "story").exists():
        shutil.copytree(STORY, folder / "story")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        pipeline.report([Path("story")], out=Path(name), parser=parser, **options)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / name).iterdir())}


@pytest.fixture(scope="module")
def story_report(parser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _report(parser, tmp_path_factory.mktemp("golden"), "report")


def test_the_markdown_matches_the_golden_files(story_report, request) -> None:
    markdown = {name: text for name, text in story_report.items() if name.endswith(".md")}
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for name, text in markdown.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    assert sorted(markdown) == sorted(golden)
    for name, text in markdown.items():
        assert text == golden[name], f"tests/golden/{name} differs; rerun with --update-golden"


def test_two_runs_give_the_same_bytes(parser, tmp_path: Path, story_report) -> None:
    assert _report(parser, tmp_path, "report") == story_report


def test_the_index_answers_the_readers_questions(story_report) -> None:
    index = story_report["index.md"]
    assert "## Facts across outlets" in index and "**conflict**" in index
    assert "## Labels for the same referent" in index
    assert "## Stance toward actors" in index and "## Agency" in index
    assert "(../story/a_daily.txt#L3)" in index  # evidence links to the line of the article


def test_csv_tables_parse_and_point_at_their_evidence(parser, tmp_path: Path) -> None:
    _report(parser, tmp_path, "csv", output_format="csv")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in STORY.glob("*.txt")}
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert (
        "framing.json" in files
        and "facts.csv" in files
        and not any(f.endswith(".md") for f in files)
    )
    for name in ("loaded_terms.csv", "labels.csv", "quantities.csv"):
        rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / name).read_text("utf-8"))))
        assert rows, name
        for row in rows:
            text = texts[row["doc"]]
            assert text[int(row["start"]) : int(row["end"])] == row["text"], (name, row)
