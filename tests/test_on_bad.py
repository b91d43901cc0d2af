"""--on-bad stop|skip: each kind of bad input left out with its exact reason, reading going on
after it; the stop mode's error unchanged; the rejected inputs carried into framing.json and
index.md for one story and several; the CLI's warning lines and exit codes."""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import bad_input, corpus, pipeline
from framing.errors import InputError
from framing.records import Analysis, Rejected, Story
from framing.report import json as json_report
from framing.report import markdown
from framing.report import stories as story_report

BODY = "The council voted on Tuesday to extend the library's opening hours.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
SUFFIXES = ", ".join(corpus.TEXT_SUFFIXES)
MIXED = Path(__file__).parent / "data" / "mixed_stories"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
STOPPED = "; the lines before it were read, none after"
EMPTY_TEXT = "expected a non-empty string field 'text', got ''"
BINARY = "expected a text file, got binary data (a NUL byte); pass only article files"


def jsonl(*records: object) -> bytes:
    """Records as lines: a str is written as it is (a broken line), anything else as JSON."""
    return "".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in records).encode()


def good(name: str) -> dict[str, str]:
    return {"id": name, "outlet": f"{name.title()} Post", "text": BODY}


@dataclass(frozen=True)
class Case:
    """Files written in the working folder, read with on_bad="skip": what is left out (path,
    line, reason), the ids read, and the one error the stop mode gives instead."""

    name: str
    files: dict[str, bytes]
    rejected: list[tuple[str, int | None, str]]
    read: list[str]
    stop: str = ""  # the stop mode's error, when not the first rejected input's message
    limits: dict[str, int] = field(default_factory=dict)


LONG_LINE = json.dumps({"id": "long", "text": "word " * 200}) + "\n"  # 1,024 bytes

CASES = [
    Case("empty text", {"feed.jsonl": jsonl(good("a"), {"id": "b", "text": ""}, good("c"))},
         [("feed.jsonl", 2, EMPTY_TEXT)], ["a", "c"]),
    Case("text of white space and control characters",
         {"feed.jsonl": jsonl({"text": " \x00\x1b\t"}, good("c"))},
         [("feed.jsonl", 1, "expected a non-empty string field 'text', got ' \\x00\\x1b\\t'")],
         ["c"]),
    Case("no text field", {"feed.jsonl": jsonl({"id": "a", "title": "T"}, good("c"))},
         [("feed.jsonl", 1, "expected a non-empty string field 'text', got none")], ["c"]),
    Case("text that is not a string", {"feed.jsonl": jsonl({"text": 7}, {"text": ["x"]}, good("c"))},
         [("feed.jsonl", 1, "expected a non-empty string field 'text', got 7"),
          ("feed.jsonl", 2, "expected a non-empty string field 'text', got ['x']")], ["c"]),
    Case("broken JSON: the lines after it are read",
         {"feed.jsonl": jsonl(good("a"), "{not json\n", good("c"))},
         [("feed.jsonl", 2, "expected a JSON object, got invalid JSON (Expecting property name "
                            "enclosed in double quotes at column 2)")],
         ["a", "c"],
         stop="feed.jsonl:2: expected a JSON object, got invalid JSON (Expecting property name "
              f"enclosed in double quotes at column 2){STOPPED}"),
    Case("a line break inside a string: json's message ends in 'at', said once",
         {"feed.jsonl": jsonl(good("a"), '{"text": "cut \x01 here"}\n', good("c"))},
         [("feed.jsonl", 2, "expected a JSON object, got invalid JSON (Invalid control "
                            "character at column 15)")],
         ["a", "c"],
         stop="feed.jsonl:2: expected a JSON object, got invalid JSON (Invalid control "
              f"character at column 15){STOPPED}"),
    Case("JSON that is not an object",
         {"feed.jsonl": jsonl([1, 2], "null\n", '"text"\n', "3.5\n", "true\n", good("c"))},
         [("feed.jsonl", 1, "expected a JSON object, got a JSON list"),
          ("feed.jsonl", 2, "expected a JSON object, got a JSON null"),
          ("feed.jsonl", 3, "expected a JSON object, got a JSON string"),
          ("feed.jsonl", 4, "expected a JSON object, got a JSON number"),
          ("feed.jsonl", 5, "expected a JSON object, got a JSON true or false")], ["c"]),
    Case("JSON nested deeper than the decoder recurses",
         {"feed.jsonl": jsonl("[" * 100_000 + "\n", good("c"))},
         [("feed.jsonl", 1, "expected a JSON object, got JSON nested too deep to read")], ["c"],
         stop=f"feed.jsonl:1: expected a JSON object, got JSON nested too deep to read{STOPPED}"),
    Case("a NUL byte in a line", {"feed.jsonl": b'{"text": "a\x00b"}\n' + jsonl(good("c"))},
         [("feed.jsonl", 1, BINARY)], ["c"]),
    Case("blank lines are neither read nor left out",
         {"feed.jsonl": b"\n  \r\n" + jsonl({"text": ""}, good("c")) + b"\t\n"},
         [("feed.jsonl", 3, EMPTY_TEXT)], ["c"]),
    Case("a line over the size limit: the next line is read whole",
         {"feed.jsonl": jsonl(good("a"), LONG_LINE, good("c"))},
         [("feed.jsonl", 2, "expected a line of at most 300 bytes (one article), got a longer one")],
         ["a", "c"],
         stop="feed.jsonl:2: expected a line of at most 300 bytes (one article), got a longer one"
              f"{STOPPED}",
         limits={"MAX_FILE_BYTES": 300}),
    Case("a last line over the size limit, without a line end",
         {"feed.jsonl": jsonl(good("a"), LONG_LINE.rstrip("\n"))},
         [("feed.jsonl", 2, "expected a line of at most 300 bytes (one article), got a longer one")],
         ["a"],
         stop="feed.jsonl:2: expected a line of at most 300 bytes (one article), got a longer one"
              f"{STOPPED}",
         limits={"MAX_FILE_BYTES": 300}),
    Case("a record over the parser's limit",
         {"feed.jsonl": jsonl({"text": "word " * 20}, good("c"))},
         [("feed.jsonl", 1, "expected an article of at most 80 characters (what the parser "
                            "takes), got 100; split it into several articles")], ["c"],
         limits={"MAX_ARTICLE_CHARS": 80}),
    Case("an article file over the parser's limit",
         {"long.txt": b"word " * 20, "ok.txt": BODY.encode()},
         [("long.txt", None, "expected an article of at most 80 characters (what the parser "
                             "takes), got 100; split it into several articles")], ["ok"],
         limits={"MAX_ARTICLE_CHARS": 80}),
    Case("an article file over the size limit (left out unread)",
         {"big.txt": b"x" * 300, "ok.txt": BODY.encode()},
         [("big.txt", None, "expected at most 200 bytes for one article, got 300; split it, or "
                            "give one article per line in a .jsonl file")], ["ok"],
         limits={"MAX_FILE_BYTES": 200}),
    Case("empty file", {"empty.txt": b"", "ok.txt": BODY.encode()},
         [("empty.txt", None, "expected article text, got an empty file")], ["ok"]),
    Case("binary file", {"photo.txt": PNG, "ok.txt": BODY.encode()},
         [("photo.txt", None, BINARY)], ["ok"]),
    Case("a file read as cp1252 and left out: its one line is the rejection, no warning",
         {"bad.md": b"---\ncaf\xe9 no colon\n---\nX\n", "ok.txt": BODY.encode()},
         [("bad.md", 2, "expected a front matter line 'key: value', got 'caf\u00e9 no colon'; fix "
                        "the line or close the front matter with '---'")], ["ok"]),
    Case("malformed front matter",
         {"bad.md": b"---\noutlet: Gazette\nno colon here\n---\nX\n", "ok.txt": BODY.encode()},
         [("bad.md", 3, "expected a front matter line 'key: value', got 'no colon here'; fix "
                        "the line or close the front matter with '---'")], ["ok"]),
    Case("a file of another type", {"report.pdf": b"%PDF-1.4", "ok.txt": BODY.encode()},
         [("report.pdf", None, f"expected an article file ({SUFFIXES}), got '.pdf'")], ["ok"]),
    Case("broken .jsonl.gz", {"feed.jsonl.gz": gzip.compress(jsonl(good("a")))[:20],
                              "ok.txt": BODY.encode()},
         [("feed.jsonl.gz", None, "cannot read the file (Compressed file ended before the "
                                  "end-of-stream marker was reached)")], ["ok"]),
    Case("duplicate ids: the later one is left out",
         {"a.txt": BODY.encode(), "b.jsonl": jsonl(good("a"), good("b")), "sub/a.txt": b"Other."},
         [("b.jsonl", 1, "duplicate document id 'a', first read from a.txt; give each article a "
                         "distinct file name or 'id'"),
          ("sub/a.txt", None, "duplicate document id 'a', first read from a.txt; give each "
                              "article a distinct file name or 'id'")], ["a", "b"]),
]  # fmt: skip


def write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input_is_left_out_with_its_reason(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in case.limits.items():
        monkeypatch.setattr(corpus, name, value)
    paths = write(tmp_path, case.files)
    warnings: list[str] = []
    rejected: list[Rejected] = []
    sources = list(corpus.read_paths(paths, warnings, rejected=rejected))
    assert [(r.path, r.line, r.reason) for r in rejected] == case.rejected
    assert sorted(s.id for s in sources) == case.read
    assert warnings == []
    # The stop mode: the first bad input is the one error, as before.
    with pytest.raises(InputError) as stopped:
        list(corpus.read_paths(paths, []))
    assert str(stopped.value) == (case.stop or bad_input.message(rejected[0]))


def test_a_record_over_the_real_parser_limit_is_left_out(tmp_path: Path) -> None:
    """No patched limit: a record of 1,000,002 characters, between two that are read."""
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(jsonl(good("a"), {"id": "huge", "text": "a " * 500_001}, good("c")))
    rejected: list[Rejected] = []
    sources = list(corpus.read_file(feed, [], rejected=rejected))
    assert [s.id for s in sources] == ["a", "c"]
    assert rejected == [
        Rejected(
            str(feed),
            2,
            "expected an article of at most 1,000,000 characters (what the parser takes), got "
            "1,000,002; split it into several articles",
        )
    ]


def test_a_cp1252_record_keeps_its_warning_and_a_left_out_one_gives_none(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text": "Caf\xe9 owners"}\n{"text": "Caf\xe9", broken}\n')
    warnings: list[str] = []
    rejected: list[Rejected] = []
    (source,) = corpus.read_jsonl(feed, warnings, rejected=rejected)
    assert (source.text, source.encoding) == ("Caf\u00e9 owners", "cp1252")
    assert warnings == [f"{feed}:1: not valid UTF-8 (byte 0xe9 at offset 13); read as cp1252"]
    assert [(r.line, r.reason[:40]) for r in rejected] == [
        (2, "expected a JSON object, got invalid JSON")
    ]


def test_the_stop_mode_lists_nothing_and_the_library_refuses_an_unknown_mode(
    tmp_path: Path,
) -> None:
    assert bad_input.collector("stop") is None
    assert bad_input.collector("skip") == []
    with pytest.raises(ValueError, match="on_bad: expected one of stop, skip, got 'ignore'"):
        pipeline.analyze([tmp_path], on_bad="ignore")


# --- every line is read or left out ---------------------------------------------------------

ODD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4),
                       st.lists(st.integers(), max_size=2))  # fmt: skip
BROKEN_LINES = [b"{not json", b"[1, 2]", b"null", b'"text"', b"{}", b'{"text": ""}', b"{" * 60,
                b"[" * 5000, b'{"text": "a\x00b"}', b"\xff\xfe\xe9"]  # fmt: skip
LINES = st.one_of(
    st.builds(
        json.dumps,
        st.fixed_dictionaries(
            {"text": st.text(min_size=1, max_size=60)},
            optional={"id": st.text(max_size=8), "outlet": st.one_of(st.text(), st.integers())},
        ),
    ).map(str.encode),
    st.builds(
        json.dumps, st.dictionaries(st.sampled_from(["id", "text", "title", "date"]), ODD_VALUES)
    ).map(str.encode),
    st.sampled_from(BROKEN_LINES),
    st.binary(max_size=40),
    # over MAX_ARTICLE_CHARS, or over MAX_FILE_BYTES, as the test sets them
    st.builds(lambda n: json.dumps({"text": "x" * n}).encode(), st.integers(150, 400)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, max_size=12), ending=st.sampled_from([b"\n", b"\r\n"]))
def test_every_jsonl_line_is_read_or_left_out_and_reading_never_raises(
    tmp_path_factory: pytest.TempPathFactory, lines: list[bytes], ending: bytes
) -> None:
    path = tmp_path_factory.mktemp("skip") / "feed.jsonl"
    data = ending.join(lines)
    path.write_bytes(data)
    rejected: list[Rejected] = []
    with pytest.MonkeyPatch.context() as patch:
        # small limits, so that some lines are over each of them
        patch.setattr(corpus, "MAX_FILE_BYTES", 300)
        patch.setattr(corpus, "MAX_ARTICLE_CHARS", 200)
        sources = list(corpus.read_file(path, [], rejected=rejected))
    # A line is what readline gives: up to a LF; a blank one is no record.
    numbers = {n for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()}
    read = [int(s.origin.rsplit(":", 1)[1]) for s in sources]
    left_out = [r.line for r in rejected]
    assert all(r.path == str(path) and r.reason for r in rejected)
    assert sorted(read + left_out) == sorted(numbers)  # each line once, one way or the other
    assert all(s.text.strip() and len(s.text) <= 200 for s in sources)


# --- framing.json and index.md --------------------------------------------------------------

REJECTED = (
    Rejected("in/feed.jsonl", 2, EMPTY_TEXT),
    Rejected("in/we|ird\n<b>name</b>.txt", None, "expected article text, got an empty file"),
)


def test_framing_json_always_lists_the_rejected() -> None:
    # the contract: the field exists, an empty list when nothing was left out
    plain = Analysis(framing_version="0", documents=())
    assert json_report.to_dict(plain)["rejected"] == []
    assert json.loads(json_report.dumps(plain))["rejected"] == []
    left = Analysis(framing_version="0", documents=(), rejected=REJECTED)
    found = json.loads(json_report.dumps(left))
    assert list(found)[-2:] == ["warnings", "rejected"]
    assert found["rejected"] == [
        {"path": "in/feed.jsonl", "line": 2, "reason": EMPTY_TEXT},
        {"path": "in/we|ird\n<b>name</b>.txt", "line": None,
         "reason": "expected article text, got an empty file"},
    ]  # fmt: skip
    # several stories: framing.json is streamed in pieces, and holds the same
    story = Story("1-x", "X", ("x",), Analysis(framing_version="0", documents=()))
    several = Analysis(framing_version="0", documents=(), stories=(story,), rejected=REJECTED)
    assert json.loads(json_report.dumps(several))["rejected"] == found["rejected"]
    assert "".join(json_report.chunks(several)) == (
        json.dumps(json_report.to_dict(several), ensure_ascii=False, indent=2) + "\n"
    )


LEFT_OUT = [
    "## Inputs left out",
    "",
    "2 inputs could not be read and were left out (`--on-bad skip`):",
    "",
    "| File | Line | Reason |",
    "|---|---|---|",
    "| in/feed.jsonl | 2 | expected a non\\-empty string field 'text', got '' |",
    "| in/we\\|ird &lt;b&gt;name&lt;/b&gt;.txt | — | expected article text, got an empty file |",
    "",
]


def test_the_index_has_a_left_out_section_only_when_something_was_left_out() -> None:
    story = Story("1-x", "X", ("x",), Analysis(framing_version="0", documents=()))
    for plain in (
        markdown.render_index(Analysis(framing_version="0", documents=()), out_dir="out"),
        story_report.index(
            Analysis(framing_version="0", documents=(), stories=(story,)), out_dir="out"
        ),
    ):
        assert "## Inputs left out" not in plain
    for index in (
        markdown.render_index(
            Analysis(framing_version="0", documents=(), rejected=REJECTED), out_dir="out"
        ),
        story_report.index(
            Analysis(framing_version="0", documents=(), stories=(story,), rejected=REJECTED),
            out_dir="out",
        ),
    ):
        lines = index.splitlines()
        at = lines.index("## Inputs left out")
        assert lines[at : at + len(LEFT_OUT)] == LEFT_OUT


@pytest.fixture(scope="module")
def mixed_with_bad_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles of three stories, with an empty file and a .jsonl of one good record and
    one broken line beside them."""
    folder = tmp_path_factory.mktemp("mixed") / "in"
    shutil.copytree(MIXED, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "feed.jsonl").write_bytes(jsonl("{broken\n", good("feed")))
    return folder


def test_skip_changes_nothing_when_everything_is_read(parser, seeds_analysis) -> None:
    analysis, _ = pipeline.analyze([SEEDS], parser=parser, on_bad="skip")
    assert analysis.rejected == ()
    assert json_report.dumps(analysis) == json_report.dumps(seeds_analysis)


@pytest.mark.parametrize("stories", ["auto", "one"])
def test_the_rejected_inputs_reach_the_analysis_of_one_story_and_of_several(
    parser, mixed_with_bad_input: Path, stories: str
) -> None:
    analysis, _ = pipeline.analyze(
        [mixed_with_bad_input], parser=parser, stories=stories, on_bad="skip"
    )
    assert (len(analysis.stories) > 1) == (stories == "auto")
    assert [(Path(r.path).name, r.line) for r in analysis.rejected] == [
        ("empty.txt", None),
        ("feed.jsonl", 1),
    ]
    assert "feed" in {d.id for d in analysis.documents}
    assert all(not s.analysis.rejected for s in analysis.stories)  # listed once, at the top


@pytest.mark.parametrize("output_format", ["md", "json", "csv"])
def test_the_report_of_several_stories_lists_the_rejected(
    parser, mixed_with_bad_input: Path, output_format: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    outline, _, names = pipeline.report(
        [mixed_with_bad_input], out=out, parser=parser, output_format=output_format, on_bad="skip"
    )
    assert len(outline.stories) > 1 and len(outline.rejected) == 2
    found = json.loads((out / "framing.json").read_text(encoding="utf-8"))
    assert [(Path(r["path"]).name, r["line"]) for r in found["rejected"]] == [
        ("empty.txt", None),
        ("feed.jsonl", 1),
    ]
    if output_format == "md":
        assert "## Inputs left out" in (out / "index.md").read_text(encoding="utf-8")
        pages = [n for n in names if n.endswith(".md") and n != "index.md"]
        assert pages and not any("## Inputs left out" in (out / n).read_text() for n in pages)


# --- the command line -----------------------------------------------------------------------

CORPUS = jsonl(
    {"id": "harbour", "outlet": "Harbour Times", "text": BODY},
    {"id": "blank", "outlet": "Valley Post", "text": ""},
    '{"id": "broken" "outlet": "Valley Post"}\n',
    {"id": "valley", "outlet": "Valley Post", "text": BODY.replace("voted", "agreed")},
    {"id": "gazette", "outlet": "City Gazette", "text": BODY.replace("Tuesday", "Monday")},
)
ACCEPTANCE_WARNINGS = (
    f"Warning: corpus.jsonl:2: {EMPTY_TEXT}; left out\n"
    "Warning: corpus.jsonl:3: expected a JSON object, got invalid JSON (Expecting ',' "
    "delimiter at column 17); left out\n"
    f"Warning: photo.txt: {BINARY}; left out\n"
)


@pytest.fixture
def acceptance(tmp_path: Path) -> Path:
    (tmp_path / "corpus.jsonl").write_bytes(CORPUS)
    (tmp_path / "photo.txt").write_bytes(PNG)
    return tmp_path


def test_report_skips_the_bad_inputs_and_reports_the_good_ones(run, acceptance: Path) -> None:
    result = run("report", "corpus.jsonl", "photo.txt", "--out", "out", "--on-bad", "skip")
    assert (result.exit_code, result.stderr) == (0, ACCEPTANCE_WARNINGS)
    assert result.stdout.endswith(" to out/ (3 documents)\n")
    found = json.loads((acceptance / "out" / "framing.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in found["documents"]] == ["gazette", "harbour", "valley"]
    assert found["rejected"] == [
        {"path": "corpus.jsonl", "line": 2, "reason": EMPTY_TEXT},
        {"path": "corpus.jsonl", "line": 3,
         "reason": "expected a JSON object, got invalid JSON (Expecting ',' delimiter at column "
                   "17)"},
        {"path": "photo.txt", "line": None, "reason": BINARY},
    ]  # fmt: skip
    index = (acceptance / "out" / "index.md").read_text(encoding="utf-8")
    assert (
        "| File | Line | Reason |\n|---|---|---|\n"
        "| corpus.jsonl | 2 | expected a non\\-empty string field 'text', got '' |\n"
        "| corpus.jsonl | 3 | expected a JSON object, got invalid JSON \\(Expecting ',' "
        "delimiter at column 17\\) |\n"
        "| photo.txt | — | expected a text file, got binary data \\(a NUL byte\\); pass only "
        "article files |\n"
    ) in index


@pytest.mark.parametrize("args", [(), ("--on-bad", "stop")])
def test_without_skip_the_first_bad_input_stops_the_run(
    run, acceptance: Path, args: tuple[str, ...]
) -> None:
    result = run("report", "corpus.jsonl", "photo.txt", "--out", "out", *args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: corpus.jsonl:2: {EMPTY_TEXT}\n"
    assert not (acceptance / "out").exists()


def test_analyze_json_lists_the_rejected(run, acceptance: Path) -> None:
    result = run("analyze", "corpus.jsonl", "photo.txt", "--json", "--on-bad", "skip")
    assert (result.exit_code, result.stderr) == (0, ACCEPTANCE_WARNINGS)
    found = json.loads(result.stdout)
    assert [(r["path"], r["line"]) for r in found["rejected"]] == [
        ("corpus.jsonl", 2),
        ("corpus.jsonl", 3),
        ("photo.txt", None),
    ]
    plain = run("analyze", "corpus.jsonl", "photo.txt", "--on-bad", "skip")
    assert (plain.exit_code, plain.stderr) == (0, ACCEPTANCE_WARNINGS)
    assert [line.split("\t")[0] for line in plain.stdout.splitlines()] == [
        "gazette",
        "harbour",
        "valley",
    ]


def test_nothing_left_is_an_error(run, tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(PNG)
    (tmp_path / "feed.jsonl").write_bytes(jsonl({"text": ""}))
    result = run("report", "photo.txt", "feed.jsonl", "--out", "out", "--on-bad", "skip")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: photo.txt, feed.jsonl: expected at least one article that can be read, got none "
        f"(2 left out; the first, photo.txt: {BINARY}); fix or remove them\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_path_that_does_not_exist_is_never_skipped(run, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_bytes(BODY.encode())
    result = run("analyze", "ok.txt", "nowhere", "--on-bad", "skip")
    assert (result.exit_code, result.stderr) == (1, "Error: nowhere: no such file or folder\n")


def test_an_empty_jsonl_is_no_bad_input(run, tmp_path: Path) -> None:
    """An empty feed holds no record, none of them bad: as without --on-bad."""
    (tmp_path / "feed.jsonl").write_bytes(b"")
    for args in [(), ("--on-bad", "skip")]:
        result = run("analyze", "feed.jsonl", "--json", *args)
        assert (result.exit_code, result.stderr) == (0, "")
        assert json.loads(result.stdout)["rejected"] == []


def test_a_warning_is_one_line_whatever_the_file_name(run, tmp_path: Path) -> None:
    (tmp_path / "bad\nname\x1b[2J.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_bytes(BODY.encode())
    result = run("analyze", ".", "--on-bad", "skip")
    assert (result.exit_code, result.stderr) == (
        0,
        "Warning: bad\\nname\\x1b[2J.txt: expected article text, got an empty file; left out\n",
    )


def test_on_bad_takes_only_stop_or_skip(run) -> None:
    result = run("report", "--on-bad", "ignore")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Error: Invalid value for '--on-bad': Value error, 'ignore' is not one of 'stop', 'skip' "
        "(try 'framing report --help')\n"
    )
    for command in ("report", "analyze"):
        assert "--on-bad" in run(command, "--help").stdout
