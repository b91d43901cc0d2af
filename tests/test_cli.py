"""The command line: exact stderr and exit codes, the JSON contract, and report folders."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support import (
    BROKEN_LINE,
    COPY_SIZES,
    ROOT,
    SEEDS,
    SHIPPED_SIZES,
    broken_copy,
    framing,
    snapshot,
)
from typer.testing import CliRunner

from framing import __version__, lexicons
from framing import cli as cli_module
from framing.nlp import Parser
from framing.report.markdown import slug

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
TOP_FIELDS = ["framing_version", "documents", "facts", "omissions", "labels"]
DOC_FIELDS = ["id", "outlet", "title", "text", "article", "word_count", "attributions"]
DOC_FIELDS += ["loaded_terms", "labels", "stance", "quantities", "readability"]


def test_version(run) -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"framing {__version__}\n", "")


COMMANDS = [(), ("report",), ("analyze",), ("analyse",), ("lexicon",)]
COMMANDS += [("lexicon", "init"), ("lexicon", "check"), ("lexicon", "list")]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_an_example(run, command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("analyze", "--bogus", "seeds"), "--bogus"),
        (("report", "--bogus"), "--bogus"),
        (("lexicon", "check", "--x"), "--x"),
    ],
)
def test_unknown_option_is_a_usage_error(run, args: tuple[str, ...], option: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"No such option: {option}" in result.stderr


def test_missing_paths_argument_is_a_usage_error(run) -> None:
    result = run("analyze")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def _check_lines(sizes: list[tuple[str, int]]) -> str:
    return "".join(f"ok\t{path}\t{size} entries\n" for path, size in sizes)


def _list_lines(sizes: list[tuple[str, int]]) -> str:
    about = {name: spec.about for name, spec in lexicons.SPECS.items()}
    return "".join(f"{path}\t{size} entries\t{about[Path(path).name]}\n" for path, size in sizes)


def test_lexicon_check_accepts_the_shipped_lexicons(run) -> None:
    result = run("lexicon", "check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        _check_lines(SHIPPED_SIZES),
        "",
    )


def test_lexicon_check_lists_a_loaded_term_that_contradicts_its_label(run, tmp_path: Path) -> None:
    run("lexicon", "init", "lex")
    loaded = tmp_path / "lex" / "loaded.tsv"
    rows = loaded.read_text(encoding="utf-8")
    loaded.write_text(rows + "insurgents\tpejorative\t0.3\n", encoding="utf-8")
    line = rows.count("\n") + 1
    labels = (tmp_path / "lex" / "labels.toml").read_text(encoding="utf-8").splitlines()
    where = 1 + next(i for i, text in enumerate(labels) if '"insurgents"' in text)
    result = run("lexicon", "check", "lex")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        f'conflict\tlex/loaded.tsv:{line}: "insurgents" is pejorative here but a neutral label '
        f'at lex/labels.toml:{where} (referent "an armed group"); make the two agree'
    )


def test_lexicon_init_then_check_and_list(run, tmp_path: Path) -> None:
    result = run("lexicon", "init", "lex")
    assert (result.exit_code, result.stdout) == (
        0,
        f"wrote {len(SHIPPED_SIZES)} lexicon files to lex/\n",
    )
    assert run("lexicon", "check", "lex").stdout == _check_lines(COPY_SIZES)
    (tmp_path / "lex" / "chrome.tsv").write_text("phrase\tkind\nsubscribe\tline\n")
    assert run("lexicon", "list").stdout == _list_lines(SHIPPED_SIZES)
    listed = run("lexicon", "list", "--lexicons", "lex")
    assert (listed.exit_code, listed.stdout) == (
        0,
        _list_lines([("lex/chrome.tsv", 1), *COPY_SIZES[1:]]),
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("lexicon", "check", "lex"), BROKEN_LINE),
        (("lexicon", "list", "--lexicons", "lex"), BROKEN_LINE),
        (
            ("lexicon", "init", "lex"),
            "Error: lex: expected an empty or new folder, got one with "
            "files in it; choose another folder\n",
        ),
        (
            ("lexicon", "check", "nope"),
            "Error: nope: expected a folder of lexicon files, got no "
            "such folder; create one with 'framing lexicon init DIR'\n",
        ),
        (("analyze", "nope"), "Error: nope: no such file or folder\n"),
        (("analyze", "seeds", "--lexicons", "lex"), BROKEN_LINE),
        (("report", "nope", "--out", "out"), "Error: nope: no such file or folder\n"),
        (("explain", "nope.txt"), "Error: nope.txt: no such file or folder\n"),
        (("explain", "seeds/003_8b577698342439a5.txt", "--lexicons", "lex"), BROKEN_LINE),
    ],
)
def test_errors_are_one_line_on_stderr_with_exit_1(
    run, tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    broken_copy(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)
    assert not (tmp_path / "out").exists()


def test_real_process_prints_the_error_without_a_traceback(tmp_path: Path) -> None:
    broken_copy(tmp_path)
    result = framing("lexicon", "check", "lex", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", BROKEN_LINE)
    missing = framing("analyze", "no-such-dir", "--json", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == "Error: no-such-dir: no such file or folder\n"
    usage = framing("analyze", "--bogus", "x", cwd=tmp_path)
    assert (usage.returncode, usage.stdout) == (2, "")
    assert usage.stderr == "Error: No such option: --bogus (try 'framing analyze --help')\n"
    missing_value = framing("report", "--format", cwd=tmp_path)
    assert (missing_value.returncode, missing_value.stdout) == (2, "")
    assert missing_value.stderr == (
        "Error: Option '--format' requires an argument (try 'framing report --help')\n"
    )
    help_page = framing("report", "--help", cwd=tmp_path)
    assert (help_page.returncode, help_page.stderr) == (0, "")
    assert "Usage: framing report [OPTIONS] [PATHS]..." in help_page.stdout


def _spans(node, text: str):
    """Every dict below ``node`` with a start and an end."""
    if isinstance(node, dict):
        if "start" in node and "end" in node:
            yield node
        for value in node.values():
            yield from _spans(value, text)
    elif isinstance(node, list):
        for item in node:
            yield from _spans(item, text)


@pytest.fixture
def seeds_json(run, tmp_path: Path) -> dict:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run("analyze", "seeds", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


def test_analyze_json_has_every_contract_field(seeds_json: dict) -> None:
    assert list(seeds_json)[:5] == TOP_FIELDS
    assert seeds_json["framing_version"] == __version__
    assert [d["id"] for d in seeds_json["documents"]] == SEED_IDS
    for doc in seeds_json["documents"]:
        assert list(doc)[: len(DOC_FIELDS)] == DOC_FIELDS
        assert doc["outlet"] and isinstance(doc["word_count"], int) and doc["word_count"] > 0
        assert doc["text"] == (SEEDS / f"{doc['id']}.txt").read_text(encoding="utf-8")
        assert isinstance(doc["stance"], dict) and isinstance(doc["readability"], dict)
        assert "flesch_reading_ease" in doc["readability"]
        assert doc["stance"], f"{doc['id']}: no actors"
        for actor, found in doc["stance"].items():
            assert -1 <= found["score"] <= 1, actor
            assert found["mentions"] and all({"start", "end"} <= set(m) for m in found["mentions"])
        assert all(
            h["voice"] and h["trigger"]["end"] > h["trigger"]["start"] for h in doc["agency"]
        )


def test_the_json_records_which_mention_model_ran(seeds_json: dict, run) -> None:
    assert seeds_json["pipeline"] == "accurate"
    evidence = [
        e
        for doc in seeds_json["documents"]
        for found in doc["stance"].values()
        for m in found["mentions"]
        for e in m["evidence"]
    ]
    assert evidence and all({"text", "start", "end", "weight"} == set(e) for e in evidence)
    result = run("analyze", "seeds", "--json", "--fast")
    assert (result.exit_code, result.stderr) == (0, "")
    fast = json.loads(result.stdout)
    assert fast["pipeline"] == "fast"
    assert fast["documents"][0]["stance"] != seeds_json["documents"][0]["stance"]


def test_analyze_json_offsets_point_at_the_evidence(seeds_json: dict) -> None:
    for doc in seeds_json["documents"]:
        text = doc["text"]
        assert doc["article"]
        for span in doc["article"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"] : span["end"]].strip()
        for item in _spans({k: v for k, v in doc.items() if k != "text"}, text):
            assert 0 <= item["start"] <= item["end"] <= len(text)
            if "text" in item:
                assert text[item["start"] : item["end"]] == item["text"]


def test_analyze_json_equals_the_committed_report_json(
    parser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Parser, "create", classmethod(lambda cls, **options: parser))
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli_module.app, ["analyse", "seeds", "--json"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "reports" / "framing.json").read_text(encoding="utf-8")


def test_analyze_without_json_prints_one_line_per_document(run) -> None:
    shutil.copytree(SEEDS, Path("seeds"))
    result = run("analyze", "seeds")
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == SEED_IDS
    assert all(re.fullmatch(r"[^\t]+\t[^\t]+\t\d+ words\t\d+ chrome lines", x) for x in lines)


def test_verbose_reports_parse_statistics(run) -> None:
    shutil.copytree(SEEDS, Path("seeds"))
    result = run("analyze", "seeds", "--verbose")
    assert result.exit_code == 0
    assert re.fullmatch(
        r"parsed \d+ documents \(\d+ tokens\), \d+ from the cache, in \d+\.\d\d s\n", result.stderr
    )


def test_report_writes_index_outlets_and_json(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run("report", "seeds", "--out", "out")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "wrote 9 files to out/ (5 documents)\n"
    report = json.loads((tmp_path / "out" / "framing.json").read_text(encoding="utf-8"))
    outlets = {doc["outlet"] for doc in report["documents"]}
    assert len(outlets) == 5
    expected = ["framing.json", "index.md", "chart-loaded.svg", "chart-sources.svg"]
    expected += [f"{slug(o)}.md" for o in outlets]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(expected)


def test_two_report_runs_give_identical_bytes(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    assert run("report", "seeds", "--out", "out").exit_code == 0
    first = snapshot(tmp_path / "out")
    assert run("report", "seeds", "--out", "out").exit_code == 0
    assert snapshot(tmp_path / "out") == first


@pytest.mark.parametrize("breakage", ["jsonl", "lexicons"])
def test_a_failing_run_leaves_the_earlier_report_untouched(
    run, tmp_path: Path, breakage: str
) -> None:
    shutil.copytree(SEEDS, tmp_path / "in")
    assert run("report", "in", "--out", "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    if breakage == "jsonl":
        (tmp_path / "in" / "more.jsonl").write_text('{"id": "x", "text": "Fine."}\n{not json\n')
        result = run("report", "in", "--out", "out")
        assert result.stderr.startswith("Error: in/more.jsonl:2: expected a JSON object")
    else:
        broken_copy(tmp_path)
        result = run("report", "in", "--out", "out", "--lexicons", "lex")
        assert result.stderr == BROKEN_LINE
    assert (result.exit_code, result.stdout) == (1, "")
    assert snapshot(tmp_path / "out") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_report_refuses_a_folder_it_did_not_write(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    result = run("report", "seeds", "--out", "notes")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: notes: the folder has files in it that framing did not write (no framing.json), "
        "and a report replaces the whole folder; choose an empty or new --out\n"
    )
    assert snapshot(tmp_path / "notes") == {"todo.txt": b"keep me"}


def test_committed_reports_equal_a_fresh_report(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run("report")  # defaults: seeds/ -> reports/
    assert (result.exit_code, result.stderr) == (0, "")
    fresh, committed = snapshot(tmp_path / "reports"), snapshot(ROOT / "reports")
    assert sorted(fresh) == sorted(committed)
    for name in committed:
        assert fresh[name] == committed[name], f"reports/{name} is stale; run 'framing report'"


def test_explain_marks_each_finding_with_its_lexicon_line_or_rule(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run("explain", "seeds/003_8b577698342439a5.txt")
    assert result.exit_code == 0, result.stderr
    text, _, listing = result.stdout.partition("## Findings")
    entries = [line for line in listing.splitlines() if line.startswith("{")]
    assert entries and text.count("[[") == text.count("]]")
    for entry in entries:
        number = entry[1 : entry.index("}")]
        assert re.search(r"\{[\d,]*\b" + number + r"\b[\d,]*\}", text), number
        source = entry.rsplit(" - ", 1)[1]
        assert re.search(r"lexicons/[a-z_]+\.(tsv|toml):\d+|spaCy|rule", source), entry
    kinds = {entry.split(", ", 1)[1].split(":", 1)[0] for entry in entries}
    assert {"attribution cue", "loaded", "label", "stance cue", "quantity", "chrome"} <= kinds


def test_report_format_csv_writes_tables_and_json(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run("report", "seeds", "--out", "out", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "wrote 10 files to out/ (5 documents)\n"
    assert (tmp_path / "out" / "facts.csv").read_text().startswith("fact,what,unit,status,doc")


def test_an_unknown_report_format_is_a_usage_error(run) -> None:
    result = run("report", "seeds", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr and "Traceback" not in result.stderr
