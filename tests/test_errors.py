"""Bad input, row by row: the matrix of README "Bad input" through the CLI, with the exact stderr
line and exit code of each row, the earlier report byte-identical after every failing run, no file
outside --out, and property-based tests of the readers, the lexicon parsers and the number parser.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import BROKEN_LINE, broken_copy, snapshot
from support import framing as real_process

import framing
from framing import config, corpus, lexicons, pipeline
from framing.errors import ConfigError, InputError, LexiconError
from framing.features import quantities
from framing.lexicons import toml as lexicon_toml
from framing.nlp import Parser
from framing.records import Source
from framing.report import output
from framing.run import cache as results

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SUFFIXES = ", ".join(corpus.TEXT_SUFFIXES)
BODY = "The council voted on Tuesday to extend the library's opening hours.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
LOADED_HEAD = "# an edited loaded.tsv\nterm\tcategory\tweight\nshattered\temotive\t0.6\n"
CATEGORIES = ", ".join(lexicons.LOADED_CATEGORIES)
INTERRUPTED = "Error: interrupted; no report was changed\n"
REPORT = ("report", "in", "--out", "out")

Patch = Callable[[pytest.MonkeyPatch, Path], None]


@dataclass(frozen=True)
class Row:
    """One row of the matrix: files written under the working folder (beside a copy of the
    sample articles in ``in/``), the command, and what it must print and return."""

    name: str
    files: dict[str, bytes]
    stderr: str
    code: int = 1
    args: tuple[str, ...] = REPORT
    patch: Patch | None = None
    extra: tuple[str, ...] = ()


def jsonl(*records: object) -> bytes:
    return "".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in records).encode()


def limit(name: str, value: int) -> Patch:
    return lambda monkeypatch, _: monkeypatch.setattr(corpus, name, value)


def fail_on_write(error: BaseException, after: int = 1) -> Patch:
    """Report files are written one by one: the first ``after`` succeed, the next raises ``error``."""

    def patch(monkeypatch: pytest.MonkeyPatch, _: Path) -> None:
        written = [0]

        def failing_open(*args, **kwargs):
            written[0] += 1
            if written[0] > after:
                raise error
            return open(*args, **kwargs)

        monkeypatch.setattr(output, "open", failing_open, raising=False)

    return patch


def fail_on_swap(error: BaseException) -> Patch:
    """The second rename is the new report taking the old one's place."""

    def patch(monkeypatch: pytest.MonkeyPatch, _: Path) -> None:
        real_rename, calls = os.rename, []

        def failing_rename(source, target):
            calls.append(target)
            if len(calls) == 2:
                raise error
            real_rename(source, target)

        monkeypatch.setattr(output.os, "rename", failing_rename)

    return patch


def interrupt_parse(monkeypatch: pytest.MonkeyPatch, _: Path) -> None:
    def interrupted(self, texts, **options):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(Parser, "iter_parse", interrupted)
    # with every finding cached no article would be parsed: make this run parse
    monkeypatch.setattr(results.Store, "has", lambda self, stage, key: False)
    monkeypatch.setattr(results.Store, "get_or_make", lambda self, stage, key, kind, make: make())


def interrupt_import(monkeypatch: pytest.MonkeyPatch, _: Path) -> None:
    """Ctrl-C while the pipeline (spaCy, scikit-learn) is being imported, as a run starts."""

    class Interrupt:
        def find_spec(self, name, path, target=None):
            if name == "framing.pipeline":
                raise KeyboardInterrupt

    monkeypatch.delitem(sys.modules, "framing.pipeline")
    monkeypatch.delattr(framing, "pipeline")
    monkeypatch.setattr(sys, "meta_path", [Interrupt(), *sys.meta_path])


def deny_folder(monkeypatch: pytest.MonkeyPatch, _: Path) -> None:
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkdtemp", denied)


def a_file_named_out(_: pytest.MonkeyPatch, folder: Path) -> None:
    shutil.rmtree(folder / "out")
    (folder / "out.txt").write_text("mine\n")


LONG = ("word " * 5000).encode()  # 25,000 characters
BIG_LINE = json.dumps({"id": "big", "text": "word " * 6000}) + "\n"  # 30,024 bytes

ROWS = [
    Row("empty file", {"in/empty.txt": b""},
        "Error: in/empty.txt: expected article text, got an empty file\n"),
    Row("blank article after front matter", {"in/blank.md": b"---\ntitle: T\n---\n \n\t\n"},
        "Error: in/blank.md: expected article text, got an empty file\n"),
    Row("binary file", {"in/photo.txt": PNG},
        "Error: in/photo.txt: expected a text file, got binary data (a NUL byte); "
        "pass only article files\n"),
    Row("unsupported file named on the command line", {"in/report.pdf": b"%PDF-1.4"},
        f"Error: in/report.pdf: expected an article file ({SUFFIXES}), got '.pdf'\n",
        args=("report", "in", "in/report.pdf", "--out", "out")),
    Row("no such file or folder", {}, "Error: nowhere: no such file or folder\n",
        args=("report", "in", "nowhere", "--out", "out")),
    Row("HTML page without an article",
        {"in/gone.html": b"<html><head><title>Gone</title></head><body><div></div></body></html>"},
        "Error: in/gone.html: expected an article in the HTML page, found no main text; "
        "save the article as .txt\n"),
    Row("non-UTF-8 text (cp1252): read, with a warning",
        {"in/legacy.txt": "Caf\u00e9 owners \u2018welcome\u2019 the plan.\n".encode("cp1252")},
        "Warning: in/legacy.txt: not valid UTF-8 (byte 0xe9 at offset 3); read as cp1252\n",
        code=0),
    Row("byte-order mark: dropped", {"in/bom.txt": b"\xef\xbb\xbf" + BODY.encode()}, "", code=0),
    Row("file over the size limit (refused unread)", {"in/big.txt": b"x" * 30_000},
        "Error: in/big.txt: expected at most 20,000 bytes for one article, got 30,000; split "
        "it, or give one article per line in a .jsonl file\n",
        patch=limit("MAX_FILE_BYTES", 20_000)),
    Row("article over the parser's limit", {"in/long.md": b"---\nurl: x\n---\n" + LONG},
        "Error: in/long.md: expected an article of at most 20,000 characters (what the parser "
        "takes), got 25,015; split it into several articles\n",
        patch=limit("MAX_ARTICLE_CHARS", 20_000)),
    Row(".jsonl record over the parser's limit",
        {"in/feed.jsonl": jsonl({"text": BODY}, {"text": LONG.decode()})},
        "Error: in/feed.jsonl:2: expected an article of at most 20,000 characters (what the "
        "parser takes), got 25,000; split it into several articles\n",
        patch=limit("MAX_ARTICLE_CHARS", 20_000)),
    Row(".jsonl line over the size limit", {"in/feed.jsonl": jsonl({"text": BODY}, BIG_LINE)},
        "Error: in/feed.jsonl:2: expected a line of at most 20,000 bytes (one article), got a "
        "longer one; the lines before it were read, none after\n",
        patch=limit("MAX_FILE_BYTES", 20_000)),
    Row(".jsonl larger than the size limit: streamed",
        {"in/feed.jsonl": jsonl(*({"id": f"r{i}", "outlet": "Feed", "text": BODY * 8}
                                  for i in range(45)))},
        "", code=0, patch=limit("MAX_FILE_BYTES", 20_000)),
    Row("broken .jsonl line", {"in/feed.jsonl": jsonl({"text": BODY}, "{not json\n")},
        "Error: in/feed.jsonl:2: expected a JSON object, got invalid JSON (Expecting property "
        "name enclosed in double quotes at column 2); the lines before it were read, none "
        "after\n"),
    Row(".jsonl record without text", {"in/feed.jsonl": jsonl({"id": "a", "title": "T"})},
        "Error: in/feed.jsonl:1: expected a non-empty string field 'text', got none\n"),
    Row(".jsonl line that is not an object", {"in/feed.jsonl": jsonl([1, 2])},
        "Error: in/feed.jsonl:1: expected a JSON object, got a JSON list\n"),
    Row("broken .jsonl.gz", {"in/feed.jsonl.gz": gzip.compress(jsonl({"text": BODY}))[:20]},
        "Error: in/feed.jsonl.gz: cannot read the file (Compressed file ended before the "
        "end-of-stream marker was reached)\n"),
    Row("malformed front matter", {"in/bad.md": b"---\noutlet: Gazette\nno colon here\n---\nX\n"},
        "Error: in/bad.md:3: expected a front matter line 'key: value', got 'no colon here'; "
        "fix the line or close the front matter with '---'\n"),
    Row("front matter never closed", {"in/open.md": b"---\noutlet: Gazette\ntitle: Vote\n"},
        "Error: in/open.md:1: front matter opened with '---' is never closed; add a '---' line "
        "after it\n"),
    Row("two articles with one id",
        {"in/sub/003_8b577698342439a5.txt": (SEEDS / "003_8b577698342439a5.txt").read_bytes()},
        "Error: in/sub/003_8b577698342439a5.txt: duplicate document id '003_8b577698342439a5', "
        "first read from in/003_8b577698342439a5.txt; give each article a distinct file name "
        "or 'id'\n"),
    Row("file name with a line break and an escape code", {"in/bad\nname\x1b[2J.txt": b""},
        "Error: in/bad\\nname\\x1b[2J.txt: expected article text, got an empty file\n"),
    Row("broken story config", {"in/framing.toml": b"[sides]\nlabour = 3\n"},
        "Error: in/framing.toml:1: expected [sides] to map each side key to a description "
        "string\n"),
    Row("broken lexicon line", {}, BROKEN_LINE, extra=("--lexicons", "lex")),
    Row("unknown lexicon category",
        {"lex/loaded.tsv": (LOADED_HEAD + "angry\tpolitical\t0.5\n").encode()},
        f"Error: lex/loaded.tsv:4: unknown category 'political'; expected one of {CATEGORIES}\n",
        extra=("--lexicons", "lex")),
    Row("duplicate lexicon term", {"lex/loaded.tsv": (LOADED_HEAD + "Shattered\temotive\t0.7\n").encode()},
        "Error: lex/loaded.tsv:4: duplicate entry 'shattered', first given on line 3; remove "
        "one of the two lines\n",
        extra=("--lexicons", "lex")),
    Row("lexicon label with an unknown connotation",
        {"lex/labels.toml": b'[[referent]]\nname = "armed"\nneutral = ["rebels"]\n'
                            b'sympathetic = ["freedom fighters"]\n'},
        "Error: lex/labels.toml:4: referent 'armed': unknown connotation 'sympathetic'; expected "
        "a connotation (negative, neutral, positive, euphemistic) or cues, needs_cue, not, whole\n",
        extra=("--lexicons", "lex")),
    Row("lexicon file that is not UTF-8",
        {"lex/loaded.tsv": b"term\tcategory\tweight\ncaf\xe9\temotive\t1\n"},
        "Error: lex/loaded.tsv: expected UTF-8 text, got a byte 0xe9 at offset 24; save the "
        "file as UTF-8\n",
        extra=("--lexicons", "lex")),
    Row("output folder is a file", {}, "Error: out.txt: expected a folder for the report, got "
        "a file; choose another --out\n",
        args=("report", "in", "--out", "out.txt"), patch=a_file_named_out),
    Row("output folder inside a file", {},
        "Error: out.txt/reports: expected a folder for the report, but out.txt is a file; "
        "choose another --out\n",
        args=("report", "in", "--out", "out.txt/reports"), patch=a_file_named_out),
    Row("output folder holding other files", {"notes/todo.txt": b"keep me"},
        "Error: notes: the folder has files in it that framing did not write (no framing.json), "
        "and a report replaces the whole folder; choose an empty or new --out\n",
        args=("report", "in", "--out", "notes")),
    Row("output folder that cannot be written", {},
        "Error: out: cannot create the report folder (Permission denied)\n", patch=deny_folder),
    Row("disk full while writing", {},
        "Error: out: cannot write the report (No space left on device)\n",
        patch=fail_on_write(OSError(28, "No space left on device"), after=2)),
    Row("Ctrl-C while starting", {}, INTERRUPTED, code=130, patch=interrupt_import),
    Row("Ctrl-C while parsing", {}, INTERRUPTED, code=130, patch=interrupt_parse),
    Row("Ctrl-C while writing", {}, INTERRUPTED, code=130,
        patch=fail_on_write(KeyboardInterrupt(), after=2)),
    Row("Ctrl-C during the swap", {}, INTERRUPTED, code=130,
        patch=fail_on_swap(KeyboardInterrupt())),
]  # fmt: skip


@pytest.fixture(scope="module")
def earlier_report(parser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report of the sample articles, as an earlier run left it."""
    out = tmp_path_factory.mktemp("earlier") / "out"
    pipeline.report([SEEDS], out=out, parser=parser)
    return out


def everything(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too), by path, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_bad_input_matrix(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier_report: Path, row: Row
) -> None:
    shutil.copytree(SEEDS, tmp_path / "in")
    shutil.copytree(earlier_report, tmp_path / "out")
    if "--lexicons" in row.extra and not row.files:
        broken_copy(tmp_path)
    for name, data in row.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    if row.patch:
        row.patch(monkeypatch, tmp_path)
    before = everything(tmp_path)

    result = run(*row.args, *row.extra)

    assert (result.exit_code, result.stderr) == (row.code, row.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    after = everything(tmp_path)
    if row.code:
        # Nothing changed anywhere: the earlier report is the same bytes, and no temporary
        # folder is left behind.
        assert result.stdout == ""
        assert after == before
    else:
        # The report was replaced, and nothing was written outside it.
        assert result.stdout.startswith("wrote ")
        assert {k: v for k, v in after.items() if not k.startswith("out/")} == {
            k: v for k, v in before.items() if not k.startswith("out/")
        }
        assert after != before


def test_the_earlier_index_is_byte_identical_after_a_failing_run(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "in")
    assert run("report", "in", "--out", "out").exit_code == 0
    index = (tmp_path / "out" / "index.md").read_bytes()
    (tmp_path / "in" / "zz.txt").write_bytes(b"")
    result = run("report", "in", "--out", "out")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: in/zz.txt: expected article text, got an empty file\n",
    )
    assert (tmp_path / "out" / "index.md").read_bytes() == index


def test_a_report_inside_the_article_folder_is_not_read_as_articles(run, tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "in")
    first = run("report", "in", "--out", "in/report")
    assert (first.exit_code, first.stderr) == (0, "")
    before = snapshot(tmp_path / "in" / "report")
    again = run("report", "in", "--out", "in/report")
    assert (again.exit_code, again.stdout) == (0, first.stdout)
    assert again.stderr == "Warning: in/report: skipped, a framing report, not articles\n"
    after = snapshot(tmp_path / "in" / "report")
    assert sorted(after) == sorted(before)
    # The outlet pages are the same; the index and JSON add the warning, nothing else.
    assert {k: v for k, v in after.items() if k not in {"index.md", "framing.json"}} == {
        k: v for k, v in before.items() if k not in {"index.md", "framing.json"}
    }
    assert after["index.md"] == before["index.md"] + (
        b"\n## Warnings\n\n- in/report: skipped, a framing report, not articles\n"
    )
    alone = run("analyze", "in/report")
    assert (alone.exit_code, alone.stderr) == (
        1,
        f"Error: in/report: expected article files ({SUFFIXES}), found none "
        "(in/report: skipped, a framing report, not articles)\n",
    )


def test_read_input_documents_are_in_the_report(run, tmp_path: Path) -> None:
    """The rows that exit 0 report what they read: the cp1252 text decoded, the BOM dropped."""
    (tmp_path / "in").mkdir()
    text = "Caf\u00e9 owners \u2018welcome\u2019 the plan.\n"
    (tmp_path / "in" / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "in" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    result = run("report", "in", "--out", "out")
    assert result.exit_code == 0
    documents = json.loads((tmp_path / "out" / "framing.json").read_text())["documents"]
    assert {d["id"]: d["text"] for d in documents} == {"bom": BODY, "legacy": text}


def test_ctrl_c_during_the_swap_is_held_until_the_report_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT arriving while the old report and the new one change places is held back:
    the folder is the whole new report, never neither."""
    out = tmp_path / "out"
    output.write_report(out, {"framing.json": "old\n"})
    real_rename = os.rename

    def rename_with_ctrl_c(source, target):
        signal.raise_signal(signal.SIGINT)
        real_rename(source, target)

    monkeypatch.setattr(output.os, "rename", rename_with_ctrl_c)
    output.write_report(out, {"framing.json": "new\n"})
    assert snapshot(out) == {"framing.json": b"new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_unprintable_characters_are_read_as_one_character_each(tmp_path: Path) -> None:
    raw = "A\\u0000B\\u001b[2JC\\ud800D\\u0085E\\tF\\u000cG"
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": "x\\u0000y", "outlet": " Gazette\\n\\u0007", "text": "{raw}"}}\n')
    (source,) = corpus.read_file(path, [])
    assert source.text == "A B [2JC\ufffdD\u0085E\tF\x0cG"
    assert (source.id, source.meta.outlet) == ("x y", "Gazette")


@pytest.mark.parametrize("odd", ["\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\x1e"])
def test_line_numbers_count_line_feeds_as_editors_do(odd: str) -> None:
    """str.splitlines also breaks at form feeds and Unicode separators; editors, grep -n and the
    reports' line links do not, so neither do the messages."""
    with pytest.raises(LexiconError) as tsv:
        lexicons.parse_tsv(f"{LOADED_HEAD}a{odd}b\temotive\t1\nangry\tpolitical\t1\n",
                           lexicons.LOADED, path="l.tsv")  # fmt: skip
    assert str(tsv.value).startswith("l.tsv:5: unknown category 'political'")
    with pytest.raises(InputError) as front:
        corpus.parse_front_matter(f"---\ntitle: a{odd}b\nno colon\n---\n", path="a.md")
    assert str(front.value).startswith("a.md:3: expected a front matter line")
    if ord(odd) < 0x80:
        return  # TOML forbids these characters in its strings
    with pytest.raises(LexiconError) as toml:
        lexicon_toml.parse(f'[[referent]]\nname = "a{odd}b"\nneutral = [\n', path="l.toml")
    assert str(toml.value).startswith("l.toml:3: expected valid TOML")


# --- Odd outlet names and hostile article text ---------------------------------------------------

ODD_OUTLETS = [
    "../../escaped", "/etc/passwd", "..", ".", "", "   ", "index", "framing", "CON", "a/b\\c",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "x" * 300, "\u202eevil.md",
    "new\nline", "nul\x00byte", "C:\\Windows\\win.ini", "~/.bashrc", "%2e%2e%2fetc",
    "esc\x1b[2Jape", "lone \ud800 surrogate",
]  # fmt: skip
# What no report may hold: control characters other than line breaks and tabs.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
HOSTILE = (
    '<script>alert(1)</script> The brutal regime\'s so-called "voluntary emigration" plan '
    "[click here](javascript:alert(1)) ![x](http://evil.example/x.png) was slammed by critics.\n"
    'Officials said "<img src=x onerror=alert(1)> 40 prisoners | were freed" on Monday.\n'
    "# not a heading\n| not | a | table |\n"
)
LINK = re.compile(r"(?<!\\)\]\((?P<target>[^)]*)\)")


def _assert_inert(folder: Path, pages: set[str]) -> None:
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            continue  # JSON strings, not markup
        assert "<script" not in text and "<img" not in text, path.name
        assert not RAW_CONTROL.search(text), path.name
        if path.suffix == ".svg":
            ElementTree.fromstring(text)  # well-formed XML
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript", text), path.name
        if path.suffix == ".md":
            for match in LINK.finditer(text):
                target = match["target"]
                assert target in pages or target.startswith("../in/"), (path.name, target)


def test_odd_outlet_names_stay_inside_out(run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    odd_text = f"{BODY}Nul \x00, escape \x1b[31m, lone \ud800 and \x7f in the text.\n"
    records = [
        {"id": f"o{i}", "outlet": name, "text": odd_text} for i, name in enumerate(ODD_OUTLETS)
    ]
    (tmp_path / "in" / "feed.jsonl").write_bytes(jsonl(*records))
    before = everything(tmp_path)
    result = run("report", "in", "--out", "out")
    assert (result.exit_code, result.stderr) == (0, "")
    after = everything(tmp_path)
    outside = {k for k in after if not k.startswith("out/")}
    assert {k: after[k] for k in outside} == before
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.(md|svg|json)", n) for n in names), names
    outlets = {d["outlet"] for d in json.loads((tmp_path / "out" / "framing.json").read_text())[
        "documents"]}  # fmt: skip
    assert len(names) == len(outlets) + 4  # one page per outlet, index, two charts, JSON
    _assert_inert(tmp_path / "out", set(names))


# An invented story whose sources have sides, so both charts draw bars and a legend.
QUOTED = (
    "Mayor Ann Quill said the council would reopen the library. The Union of Readers blamed the "
    'council for the closure, and Quill praised the Union of Readers. "We won," said Quill.\n'
)
ODD_CONFIG = """
[sides]
"_city\\u001b[31m" = "the city\\u0007 hall"
"$\\\\frac{$ readers" = "readers\\u0000 group"

[[actors]]
name = "Ann\\u001b[2J Quill\\u0085\\u202e"
side = "_city\\u001b[31m"
kind = "person"
aliases = ["Quill", "Mayor\\u0008 Quill"]

[[actors]]
name = "Union of Readers\\u0000\\u009b"
side = "$\\\\frac{$ readers"
aliases = ["Union\\u007f"]
"""
# Names the charts' font has no glyph for, mathtext, matplotlib's private-label prefix.
CHART_OUTLETS = ["\u65b0\u534e\u793e \x1b[31m", "\U0001f4f0 News\x00", "a $\\frac{$ b", "_hidden"]


def test_odd_names_in_a_real_report_print_nothing_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    records = [
        {"id": f"o{i}", "outlet": name, "text": QUOTED} for i, name in enumerate(CHART_OUTLETS)
    ]
    (tmp_path / "in" / "feed.jsonl").write_bytes(jsonl(*records))
    (tmp_path / "in" / "framing.toml").write_text(ODD_CONFIG, encoding="utf-8")
    result = real_process("report", "in", "--out", "out", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    out = tmp_path / "out"
    _assert_inert(out, {p.name for p in out.iterdir()})
    sources = (out / "chart-sources.svg").read_text(encoding="utf-8")
    assert "<!-- _city [31m -->" in sources and "<!-- $\\frac{$ readers -->" in sources
    page = (out / "hidden.md").read_text(encoding="utf-8")
    assert "most cited: Ann \\[2J Quill (3)." in page


def test_control_characters_in_config_names_reach_no_report_file(run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "in" / "framing.toml").write_text(ODD_CONFIG, encoding="utf-8")
    for output_format in ("md", "csv"):
        result = run("report", "in", "--out", output_format, "--format", output_format)
        assert (result.exit_code, result.stderr) == (0, "")
        folder = tmp_path / output_format
        _assert_inert(folder, {p.name for p in folder.iterdir()})


def test_markup_in_article_text_and_metadata_is_escaped(run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    front = "---\noutlet: <b>Evil</b> [News](javascript:alert(1))\ntitle: <script>x</script>\n---\n"
    (tmp_path / "in" / "evil.md").write_text(front + HOSTILE, encoding="utf-8")
    (tmp_path / "in" / "plain.txt").write_text(BODY + HOSTILE, encoding="utf-8")
    result = run("report", "in", "--out", "out")
    assert (result.exit_code, result.stderr) == (0, "")
    out = tmp_path / "out"
    pages = {p.name for p in out.iterdir()}
    _assert_inert(out, pages)
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "&lt;b&gt;Evil&lt;/b&gt; \\[News\\]\\(javascript:alert\\(1\\)\\)" in index
    for name in pages - {"framing.json"}:
        assert "<b>" not in (out / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("report", "seeds", "--format", "xml"),
            "Invalid value for '--format': Value error, 'xml' is not one of 'md', 'json', 'csv', "
            "'html', 'all' (try 'framing report --help')",
        ),
        (("report", "--bogus"), "No such option: --bogus (try 'framing report --help')"),
        (
            ("report", "--outt", "x"),
            "No such option: --outt; did you mean --out? (try 'framing report --help')",
        ),
        (("analyze",), "Missing argument 'PATHS' (try 'framing analyze --help')"),
        (
            ("report", "seeds", "--out"),
            "Option '--out' requires an argument (try 'framing report --help')",
        ),
        (
            ("analyse", "seeds", "--json=yes"),
            "Option '--json' does not take a value (try 'framing analyse --help')",
        ),
        (
            ("lexicon", "check", "a", "b"),
            "Got unexpected extra argument(s) (b) (try 'framing lexicon check --help')",
        ),
        (("reprot",), "No such command 'reprot'. Did you mean 'report'? (try 'framing --help')"),
        (("--bogus",), "No such option: --bogus (try 'framing --help')"),
        (
            ("report", "--bad\x1b[2Jname"),
            "No such option: --bad\\x1b[2Jname (try 'framing report --help')",
        ),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(run, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"Error: {message}\n")


def test_help_is_unchanged_by_the_one_line_usage_errors(run) -> None:
    result = run("report", "--help")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Usage: framing report [OPTIONS] [PATHS]..." in result.stdout
    assert "--format" in result.stdout


# --- Property-based tests: readers, lexicon parsers, the number parser --------------------------

SEED_BYTES = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A sample article with bytes flipped, cut, or odd bytes spliced in; or random bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    data = bytearray(draw(st.sampled_from(SEED_BYTES))[: draw(st.integers(0, 800))])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        piece = draw(
            st.one_of(
                st.sampled_from([b"\x00", b"\xff", b"\xef\xbb\xbf", b"---\n", b"\r", b"\xe9"]),
                st.binary(max_size=8),
            )
        )
        data[at:at] = piece
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated(), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_readers_yield_whole_sources_or_one_input_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("read") / f"a{suffix}"
    path.write_bytes(data)
    warnings: list[str] = []
    try:
        sources = list(corpus.read_file(path, warnings))
    except InputError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in exc.message
        return
    for source in sources:
        assert isinstance(source, Source) and source.text[source.body_start :].strip()
        assert 0 <= source.body_start <= len(source.text) <= corpus.MAX_ARTICLE_CHARS
        assert source.encoding in {"utf-8", "cp1252"}
        assert (source.encoding == "cp1252") == any("read as cp1252" in w for w in warnings)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200).filter(lambda b: b"\x00" not in b))
def test_decode_reads_utf8_exactly_and_anything_else_as_cp1252(data: bytes) -> None:
    warnings: list[str] = []
    text, encoding = corpus.decode(data, path="x", warnings=warnings)
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        expected = body.decode("utf-8")
    except UnicodeDecodeError:
        assert encoding == "cp1252" and len(text) == len(body) and len(warnings) == 1
    else:
        assert (text, encoding, warnings) == (expected, "utf-8", [])


_TOML_PIECES = st.sampled_from(
    [
        "[[referent]]\n", "[referent]\n", 'name = "armed"\n', 'name = "held"\n',
        'cues = ["attack", "prison"]\n', 'needs_cue = ["rebels"]\n', 'not = ["rebel yell"]\n',
        'neutral = ["rebels"]\n', 'negative = ["terrorists", "Rebels"]\n', 'positive = []\n',
        'euphemistic = [""]\n', "neutral = 3\n", "x = 1\n", "# comment\n", "\n", '"', "[", "]",
        "=", "\u2028", "\x00", "\ufeff",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOML_PIECES, max_size=14).map("".join))
def test_labels_toml_parser_raises_only_lexicon_errors_with_a_line(text: str) -> None:
    try:
        table = lexicon_toml.parse(text, path="l.toml")
    except LexiconError as exc:
        assert re.match(r"l\.toml(:\d+)?: ", str(exc)), str(exc)
        if exc.line is not None:
            assert 1 <= exc.line <= max(text.count("\n") + 1, 1)
        return
    lines = text.count("\n") + 1
    assert all(1 <= row.line <= lines for row in table.rows)


_TSV_PIECES = st.sampled_from(
    [*"\t\n\r #", "term", "category", "weight", "emotive", "hedge", "political", "0.5", "-1",
     "nan", "1e309", "heavy", "Brutal", "brutal", "\u00a0", "\ufeff", "\x00"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TSV_PIECES, max_size=40).map("".join))
def test_typed_tsv_parser_raises_only_lexicon_errors_with_a_line(body: str) -> None:
    try:
        table = lexicons.parse_tsv("term\tcategory\tweight\n" + body, lexicons.LOADED, path="l.tsv")
    except LexiconError as exc:
        assert re.match(r"l\.tsv(:\d+)?: ", str(exc)), str(exc)
        return
    keys = [row.values[0] for row in table.rows]
    assert len(keys) == len(set(keys))
    assert all(isinstance(row.values[2], float) for row in table.rows)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*'[]="\n ,#.', "sides", "actors", "name", "x"]),
                max_size=40).map("".join))  # fmt: skip
def test_story_config_parser_raises_only_config_errors(text: str) -> None:
    try:
        config.parse(text, path="f.toml")
    except ConfigError as exc:
        assert str(exc).startswith("f.toml")


RES = quantities.resources(lexicons.load())
_NUMBER_WORDS = sorted({*RES.numbers, *RES.multipliers, *RES.vague, "and", "of", "-"})
_DIGITS = st.from_regex(r"\d{1,3}(,\d{3}){0,3}(\.\d{1,2})?", fullmatch=True)


@given(st.lists(st.one_of(st.sampled_from(_NUMBER_WORDS), _DIGITS, st.text(max_size=6)),
                max_size=6))  # fmt: skip
def test_parse_number_returns_a_non_negative_value_or_nothing(words: list[str]) -> None:
    value, low = quantities.parse_number(words, RES)
    for found in (value, low):
        assert found is None or (isinstance(found, float) and found >= 0)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(sorted(w for w in RES.multipliers if w.isalpha() and len(w) > 2)),
)
def test_parse_number_multiplies_a_count_by_its_multiplier(count: int, word: str) -> None:
    expected = float(count) * RES.multipliers[word]
    assert quantities.parse_number([str(count), word], RES) == (expected, expected)
