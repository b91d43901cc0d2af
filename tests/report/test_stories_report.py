"""The report of a run of several stories: the index of stories, one folder per story, the CSV
and JSON layout, and safe folder names."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from support import DATA

from framing import pipeline
from framing.errors import OutputError
from framing.report import output
from framing.report import stories as story_report

MIXED = DATA / "mixed_stories"
STORIES = ("01-marrowby-river-rescue", "02-patients-kestrel-board", "03-port-aldane-orsk")


@pytest.fixture(scope="module")
def mixed(parser):
    analysis, _ = pipeline.analyze([MIXED], parser=parser)
    return analysis


def _write(analysis, out: Path, output_format: str = "md") -> dict[str, str]:
    files = story_report.files(analysis, out_dir=str(out), output_format=output_format)
    output.write_report(out, files)
    return {
        name: text if isinstance(text, str) else "".join(text()) for name, text in files.items()
    }


def test_markdown_layout(mixed, tmp_path: Path) -> None:
    out = tmp_path / "report"
    files = _write(mixed, out)
    folders = sorted({name.split("/")[0] for name in files if "/" in name})
    assert folders == list(STORIES)  # the article no other matched has no folder
    assert sorted(n for n in files if "/" not in n) == ["framing.json", "index.md"]
    for story in STORIES:
        assert {f"{story}/index.md", f"{story}/chart-loaded.svg"} <= set(files)
        assert f"{story}/northern-ledger.md" in files
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == sorted(
        files
    )


def _links_checked(out: Path, files: dict[str, str], suffix: str, link: str) -> int:
    """How many links of the report's ``suffix`` pages were followed; each must resolve."""
    checked = 0
    for name in files:
        if not name.endswith(suffix):
            continue
        page = out / name
        for target in re.findall(link, page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().exists(), (name, target)
            checked += 1
    return checked


def test_every_link_of_the_report_resolves(mixed, tmp_path: Path) -> None:
    out = tmp_path / "report"
    files = _write(mixed, out)
    assert _links_checked(out, files, ".md", r"\]\(([^)#]+)(?:#L\d+)?\)") > 100


def test_html_layout_and_every_link_resolves(mixed, tmp_path: Path) -> None:
    out = tmp_path / "report"
    files = _write(mixed, out, "html")
    assert "index.html" in files and "index.md" not in files
    for story in STORIES:
        assert f"{story}/index.html" in files
        assert any(n.startswith(f"{story}/articles/") for n in files)
    assert _links_checked(out, files, ".html", r'href="([^"#:]+)(?:#L\d+)?"') > 100


def test_the_index_lists_the_stories_and_the_article_alone(mixed, tmp_path: Path) -> None:
    index = _write(mixed, tmp_path / "report")["index.md"]
    assert "10 articles from 5 outlets: 3 stories reported by more than one article" in index
    # the split is said before anything else, with the way to keep the articles together
    opening = index.split("## ")[0]
    assert "**framing split these articles into 3 stories and 1 lone article**" in opening
    assert "`framing report --stories one`" in opening
    assert (
        "[River Tessel floods Marrowby, thousands evacuated](01-marrowby-river-rescue/index.md)"
        in index
    )
    assert (
        "| 3 | Northern Ledger, Radio Fenmark, Valley Courier | 2025\\-03\\-03 to 2025\\-03\\-04 |"
        in index
    )
    assert "## Articles no other article matched" in index
    assert "bakery\\_healthwire" in index and "Rye bakery wins national bread prize" in index
    story = _write(mixed, tmp_path / "again")["02-patients-kestrel-board/index.md"]
    assert story.startswith(
        "# Corvalin recall: what patients need to know\n\n[All stories](../index.md)\n"
    )
    assert "Marrowby" not in story  # nothing of another story


def test_the_report_is_the_same_bytes_every_run(mixed, parser, tmp_path: Path) -> None:
    first = _write(mixed, tmp_path / "a")
    again, _ = pipeline.analyze([MIXED], parser=parser)
    assert _write(again, tmp_path / "a") == first


def test_json_keeps_each_story_apart(mixed, tmp_path: Path) -> None:
    data = json.loads(_write(mixed, tmp_path / "r", "json")["framing.json"])
    assert list(data) == [
        "framing_version", "documents", "facts", "omissions", "labels", "sources", "claims",
        "only_in_one_document", "shared_quotes", "vocabulary", "stories", "pipeline",
        "warnings", "rejected",
    ]  # fmt: skip
    assert len(data["documents"]) == 10 and data["facts"] == [] and data["sources"] == []
    first = data["stories"][0]
    assert list(first)[:4] == ["id", "title", "terms", "documents"]
    assert first["documents"] == ["flood_courier", "flood_ledger", "flood_radio"]
    assert first["facts"]
    assert {v["doc"] for f in first["facts"] for v in f["values"]} <= set(first["documents"])
    assert [s["id"] for s in data["stories"]][-1] == "04-bakery-loaf-bread"


def test_csv_layout(mixed, tmp_path: Path) -> None:
    files = _write(mixed, tmp_path / "r", "csv")
    assert "documents.csv" in files and "facts.csv" not in files
    for story in STORIES:
        assert {f"{story}/facts.csv", f"{story}/omissions.csv"} <= set(files)
    rows = list(csv.DictReader(io.StringIO(files["stories.csv"])))
    assert len(rows) == 10
    assert {r["story"] for r in rows if r["doc"].startswith("vote_")} == {STORIES[2]}
    documents = list(csv.DictReader(io.StringIO(files["documents.csv"])))
    assert len(documents) == 10


@pytest.mark.parametrize(
    "name",
    ["../x.md", "a/b/c/d.md", ".hidden/x.md", "a/.x.md", "a//x.md", "/x.md", "a/", "..", "a\\b"],
)
def test_report_file_names_stay_inside_the_folder(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="refusing to write"):
        output.write_report(tmp_path / "out", {name: "x"})
    assert not (tmp_path / "out").exists()


def test_a_story_folder_is_written(tmp_path: Path) -> None:
    output.write_report(tmp_path / "out", {"framing.json": "{}", "01-a/index.md": "x"})
    assert (tmp_path / "out" / "01-a" / "index.md").read_text() == "x"


def test_framing_json_in_pieces_is_the_whole_dump(mixed, seeds_analysis) -> None:
    """framing.json is written a document and a story at a time; the bytes are json.dumps's."""
    from framing.report import json as json_report

    for analysis in (mixed, seeds_analysis):
        whole = json.dumps(json_report.to_dict(analysis), ensure_ascii=False, indent=2) + "\n"
        pieces = list(json_report.chunks(analysis))
        assert "".join(pieces) == whole
        assert len(pieces) > len(analysis.documents)  # never one piece


@pytest.mark.parametrize("output_format", ["md", "json"])
def test_the_report_made_one_story_at_a_time_is_the_same_bytes(
    mixed, parser, output_format: str, tmp_path: Path
) -> None:
    whole = _write(mixed, tmp_path / "whole", output_format)
    out = tmp_path / "streamed"
    outline, _, names = pipeline.report(
        [MIXED], out=out, parser=parser, output_format=output_format
    )
    assert names == sorted(whole)
    assert {n: (out / n).read_text(encoding="utf-8") for n in names} == whole
    # what report returns is the outline: every document and story, without the findings
    assert [d.id for d in outline.documents] == [d.id for d in mixed.documents]
    assert [s.id for s in outline.stories] == [s.id for s in mixed.stories]
    assert any(d.stance for d in mixed.documents) and any(d.attributions for d in mixed.documents)
    assert not any(d.stance or d.attributions for d in outline.documents)
