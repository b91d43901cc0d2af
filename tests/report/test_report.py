"""Report safety and stability: inert article text, safe file names, atomic writes, fixed numbers."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.errors import OutputError
from framing.records import (
    Analysis,
    Attribution,
    ChromeRegion,
    Document,
    Evidence,
    LoadedTerm,
    Span,
)
from framing.report import actors as report_actors
from framing.report import csv as report_csv
from framing.report import json as json_report
from framing.report import markdown, output
from framing.report import wording as report_wording
from framing.report.markdown import escape, outlet_slugs, slug

HOSTILE = (
    "<script>alert(1)</script> see [x](javascript:alert(1)) and ![img](http://evil/x.png)\n"
    "a | b || c\n\n# not a heading\n<img src=x onerror=alert(1)> `code` *bold* _em_ \\| end"
)
MD_SPECIAL = set("\\`*_{}[]()#+!|~>-<")


def unescaped(text: str) -> str:
    """What is left of escaped markdown once every backslash pair is removed."""
    return re.sub(r"\\.", "", text)


def test_escape_makes_hostile_text_inert() -> None:
    out = escape(HOSTILE)
    assert "<script" not in out and "<img" not in out and "<" not in out
    assert "](" not in out
    assert "\n" not in out
    assert "&lt;script&gt;" in out
    assert not MD_SPECIAL & set(unescaped(out))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a | b", "a \\| b"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
        ("<b>", "&lt;b&gt;"),
        ("AT&T", "AT&amp;T"),
        ("one\ntwo\r\n\tthree", "one two three"),
        ("back\\slash", "back\\\\slash"),
        ("plain words, 54,000 people.", "plain words, 54,000 people."),
    ],
)
def test_escape_table(raw: str, expected: str) -> None:
    assert escape(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nul\x00byte", "nul byte"),
        ("Ann\x1b[2J Roe", "Ann \\[2J Roe"),  # ESC of a terminal escape
        ("bell\x07 and backspace\x08", "bell and backspace"),
        ("del\x7fete", "del ete"),
        ("c1\x9b31m csi", "c1 31m csi"),  # the one-byte CSI
        ("next\x85line", "next line"),
        ("unit\x1fsep\x1c", "unit sep"),
        ("line\u2028sep", "line sep"),
        ("right\u202eto-left\u2066isolate\u2069", "right to\\-left isolate"),
        ("lone \ud800 half", "lone half"),
        ("\x00\x1b\x9b", ""),
        ("caf\u00e9 \u65b0\u534e\u793e \u200d", "caf\u00e9 \u65b0\u534e\u793e \u200d"),
    ],
)
def test_escape_replaces_control_characters(raw: str, expected: str) -> None:
    assert escape(raw) == expected


@given(st.text())
def test_escape_never_leaves_markdown_or_html_syntax(text: str) -> None:
    out = escape(text)
    assert "\n" not in out and "\r" not in out
    assert not MD_SPECIAL & set(unescaped(out))
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]", out)


def test_excerpt_shortens_then_escapes() -> None:
    assert markdown.excerpt("a|" * 10, 7) == "a\\|a\\|a\\|\u2026"
    assert markdown.excerpt("short", 7) == "short"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc", "etc"),
        ("", "outlet"),
        ("   ", "outlet"),
        ("Index", "outlet-index"),
        ("FRAMING", "outlet-framing"),
        ("Le Monde", "le-monde"),
        ("a/b\\c", "a-b-c"),
        ("..", "outlet"),
        ("Süddeutsche Zeitung", "suddeutsche-zeitung"),
        ("新华社", "outlet"),
        ("x" * 80, "x" * 60),
        ("World Israel News", "world-israel-news"),
    ],
)
def test_slug_gives_safe_names(name: str, expected: str) -> None:
    assert slug(name) == expected


@given(st.text())
def test_slug_is_always_a_plain_file_stem(name: str) -> None:
    value = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value)
    assert len(value) <= 60 + len("outlet-")
    assert value not in markdown.RESERVED_SLUGS


def _doc(doc_id: str, outlet: str, text: str = "Body text.\n", **extra) -> Document:
    fields = {
        "id": doc_id,
        "path": f"seeds/{doc_id}.txt",
        "outlet": outlet,
        "outlet_from": "metadata",
        "title": None,
        "date": None,
        "url": None,
        "author": None,
        "text": text,
        "article": (Span(0, len(text)),),
        "chrome": (),
        "word_count": 2,
    }
    fields.update(extra)
    return Document(**fields)


def test_distinct_outlets_get_distinct_slugs() -> None:
    names = [
        "Le Monde",
        "le monde",
        "LE-MONDE",
        "Index",
        "index",
        "outlet-index",
        "",
        " ",
        "le-monde-2",
    ]
    slugs = outlet_slugs(_doc(f"d{i}", n) for i, n in enumerate(names))
    assert sorted(slugs) == sorted(set(names))
    assert len(set(slugs.values())) == len(slugs)
    assert slugs["LE-MONDE"] == "le-monde"  # outlets are taken in sorted order


@given(st.lists(st.text(max_size=12), max_size=12))
def test_outlet_slugs_never_collide(names: list[str]) -> None:
    slugs = outlet_slugs(_doc(f"d{i}", n) for i, n in enumerate(names))
    assert len(set(slugs.values())) == len(set(names))


def test_rendered_reports_keep_hostile_metadata_inert() -> None:
    doc = _doc(
        "evil|id",
        "Evil <script>alert(1)</script> | News",
        text=HOSTILE + "\n",
        title="[click](javascript:alert(1)) | <b>",
        author="<i>me</i>",
        chrome=(ChromeRegion(Span(0, 10), "navigation", "lexicons/chrome.tsv:13"),),
        path="my seeds/a (1).txt",
    )
    files = markdown.render(Analysis("0.1.0", (doc,)), out_dir="reports")
    assert sorted(files) == ["evil-script-alert-1-script-news.md", "index.md"]
    for text in files.values():
        assert "<script" not in text and "<b>" not in text and "<i>" not in text
        targets = re.findall(r"\]\(([^)]*)\)", text)
        assert targets
        for target in targets:
            charts = {"chart-loaded.svg", "chart-sources.svg"}
            assert target in {"index.md", "evil-script-alert-1-script-news.md", *charts} or (
                target.startswith("../my%20seeds/a%20%281%29.txt#L")
            ), target
        # Every row of a table has as many cell borders as its header: no text adds a cell.
        header_pipes = None
        for line in text.splitlines():
            if not line.startswith("|"):
                header_pipes = None
                continue
            pipes = len(re.findall(r"(?<!\\)\|", line))
            header_pipes = header_pipes or pipes
            assert pipes == header_pipes, line


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (0.0, 0),
        (-0.0, 0),
        (3, 3),
        (2.0, 2),
        (0.99999, 1),
        (48.23456, 48.2346),
        (-0.12344, -0.1234),
        (1 / 3, 0.3333),
        (54000.0, 54000),
        (1e15, 1e15),
        (float("nan"), None),
        (float("inf"), None),
        (float("-inf"), None),
    ],
)
def test_json_number_formatting_is_fixed(value, expected) -> None:
    result = json_report.number(value)
    assert result == expected
    assert type(result) is type(expected)


def test_json_dumps_is_valid_json_with_the_contract_order(seeds_analysis) -> None:
    text = json_report.dumps(seeds_analysis)
    assert text.endswith("}\n")
    data = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert list(data)[:5] == ["framing_version", "documents", "facts", "omissions", "labels"]
    assert json_report.dumps(seeds_analysis) == text


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# Two folder levels at most ("01-story/articles/a.html"); anything deeper or outside is not.
@pytest.mark.parametrize(
    "name", ["../x.md", "a/b/c/d.md", "a/../x.md", "sub\\x.md", ".hidden", "..", ".", ""]
)
def test_write_report_refuses_names_with_path_separators(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError) as caught:
        output.write_report(tmp_path / "out", {"index.md": "ok\n", name: "x"})
    assert (
        str(caught.value) == f"{tmp_path / 'out'}: refusing to write a report file named {name!r}"
    )
    assert list(tmp_path.iterdir()) == []


def test_write_report_replaces_the_whole_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    output.write_report(out, {"framing.json": "{}\n", "old.md": "gone soon\n"})
    output.write_report(out, {"index.md": "two\n", "framing.json": "{}\n"})
    assert _snapshot(out) == {"framing.json": b"{}\n", "index.md": b"two\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_write_report_keeps_the_old_report_when_the_swap_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    output.write_report(out, {"framing.json": "old\n"})
    real_rename, calls = os.rename, []

    def failing_rename(source, target):
        calls.append(target)
        if len(calls) == 2:  # the staging folder taking the report's place
            raise OSError(28, "No space left on device")
        real_rename(source, target)

    monkeypatch.setattr(output.os, "rename", failing_rename)
    with pytest.raises(OutputError) as caught:
        output.write_report(out, {"framing.json": "new\n"})
    assert str(caught.value) == f"{out}: cannot write the report (No space left on device)"
    assert _snapshot(out) == {"framing.json": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_write_report_cleans_up_after_a_failed_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    output.write_report(out, {"framing.json": "old\n"})
    with pytest.raises(TypeError):
        output.write_report(out, {"framing.json": "new\n", "z.md": None})  # type: ignore[dict-item]
    assert _snapshot(out) == {"framing.json": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (
            lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine")),
            "the folder has files in it that framing did not write (no framing.json), and a report replaces the whole folder; choose an empty or new --out",
        ),
        (
            # A docs folder with an index.md of its own is not a report either.
            lambda p: (
                p.mkdir(),
                (p / "index.md").write_text("docs"),
                (p / "notes.txt").write_text("mine"),
            ),
            "the folder has files in it that framing did not write (no framing.json), and a "
            "report replaces the whole folder; choose an empty or new --out",
        ),
        (
            lambda p: p.write_text("mine"),
            "expected a folder for the report, got a file; choose another --out",
        ),
    ],
)
def test_write_report_refuses_targets_it_did_not_write(
    tmp_path: Path, setup, expected: str
) -> None:
    out = tmp_path / "out"
    setup(out)
    with pytest.raises(OutputError) as caught:
        output.write_report(out, {"index.md": "x\n"})
    assert str(caught.value) == f"{out}: {expected}"
    kept = out / "notes.txt" if out.is_dir() else out
    assert kept.read_text() == "mine"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 more", "'+1 more"),
        ("-rally", "'-rally"),
        ("@user", "'@user"),
        ("plain words", "plain words"),
        (-0.5, "-0.5"),  # a number stays a number
        (None, ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(value, expected) -> None:
    table = report_csv._table(["cell"], [[value]])
    assert table.splitlines()[1].strip('"').replace('""', '"') == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1_400_000_000_000, "1.4 trillion"),
        (2_000_000_000, "2 billion"),
        (1_800_000, "1.8 million"),
        (1_234_567, "1.23 million"),
        (54_000, "54,000"),
        (999_999, "999,999"),
        (2.5, "2.50"),
        (-3_000_000, "-3 million"),
    ],
)
def test_large_amounts_read_as_words(value: float, shown: str) -> None:
    from framing.report.compare import amount

    assert amount(value) == shown


@pytest.mark.parametrize(
    ("pipeline", "named", "figure"),
    [("accurate", "MiniLM-L6", "0.75"), ("fast", "lexicons/stance_model.tsv", "0.63")],
)
def test_the_stance_note_names_the_mention_model_that_ran(
    pipeline: str, named: str, figure: str
) -> None:
    lines = report_actors.outlet_stance_section([], [], "reports", pipeline=pipeline)
    note = lines[2]
    assert named in note and f"about {figure} macro-F1" in note
    other = "fast" if pipeline == "accurate" else "accurate"
    assert report_actors.stance_note(other) != note


@pytest.mark.parametrize(
    ("pipeline", "expected", "shown"),
    [
        # the model ranks it high and no counted term is in it: a reader is told why; a plain
        # sentence the model ranks low is not listed
        ("accurate", "tone, no single loaded word; 1 plain judgement word", 2),
        ("fast", "1 plain judgement word", 3),
    ],
)
def test_a_sentence_ranked_by_tone_alone_says_so(pipeline: str, expected: str, shown: int) -> None:
    text = "Officials called the plan a major step. The brutal raid shocked the town. It rained.\n"
    plain, loud, quiet = Span(0, 39), Span(40, 73), Span(74, 84)
    doc = _doc(
        "a",
        "Herald",
        text,
        loaded_terms=(
            LoadedTerm("major", Span(28, 33), "judgement", 0.3),
            LoadedTerm("brutal", Span(44, 50), "emotive", 1.0, counted=True),
        ),
        loaded_sentences=((plain, 0.9), (loud, 0.8), (quiet, 0.3)),
    )
    lines = report_wording.loaded_sentences_section([doc], "out", pipeline=pipeline)
    rows = [line for line in lines if line.startswith("| [")]
    assert len(rows) == shown  # the plain one first
    assert f"| {expected} |" in rows[0]
    assert "| brutal (emotive) |" in rows[1]


def test_a_tone_row_is_the_outlets_own_words() -> None:
    # three sentences the model ranks high, none with a counted term: one in the outlet's words,
    # one mostly what a source says, one reporting an accusation's word
    text = (
        "The plan was a bold gamble. Critics said the plan was a reckless waste of money. "
        "The group faced claims of racism.\n"
    )
    own, said, accused = Span(0, 27), Span(28, 80), Span(81, 114)
    content = Span(text.index("the plan was a reckless"), 79)
    source = Span(28, 35)
    attribution = Attribution(
        source=Evidence("Critics", source), speaker=None, kind="unnamed", side=None,
        cue=Evidence("said", Span(36, 40)), content=Evidence(text[content.start : content.end],
        content), direct=False,
    )  # fmt: skip
    doc = _doc(
        "a",
        "Herald",
        text,
        attributions=(attribution,),
        loaded_terms=(LoadedTerm("racism", Span(107, 113), "emotive", 0.6, reported=True),),
        loaded_sentences=((own, 0.9), (said, 0.95), (accused, 0.9)),
    )
    lines = report_wording.loaded_sentences_section([doc], "out")
    rows = [line for line in lines if line.startswith("| [")]
    assert len(rows) == 1  # the precondition: the outlet's own sentence is listed
    assert "The plan was a bold gamble." in rows[0]
