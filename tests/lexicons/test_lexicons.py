"""The lexicon loader: exact messages for every malformed line, overlays, init and check."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import COPY_SIZES, ROOT, SHIPPED_SIZES

from framing import lexicons
from framing.errors import LexiconError
from framing.lexicons import CHROME, Column, TableSpec, normalize, parse_tsv
from framing.lexicons import toml as lexicons_toml

KNOWN = ", ".join(sorted(lexicons.SPECS))

KINDS = "line, tail, link, credit, byline, outlet-suffix"
HEADER = "phrase\tkind\n"

WEIGHTED = TableSpec(
    name="weighted.tsv",
    columns=(
        Column("term"),
        Column("category", "choice", ("emotive", "hedge")),
        Column("weight", "float"),
    ),
    key=("term",),
    about="a test table with a float and a choice column",
)


def message(text: str, spec: TableSpec = CHROME) -> str:
    with pytest.raises(LexiconError) as caught:
        parse_tsv(text, spec, path="x.tsv")
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEADER + "skip to main content\n",
            "x.tsv:2: expected 2 tab-separated fields (phrase, kind), got 1",
        ),
        (
            HEADER + "menu\tline\textra\n",
            "x.tsv:2: expected 2 tab-separated fields (phrase, kind), got 3",
        ),
        ("phrase\n", "x.tsv:1: expected 2 tab-separated fields (phrase, kind), got 1"),
        (
            "phrase\tcategory\nmenu\tline\n",
            "x.tsv:1: expected the header line 'phrase\tkind', got 'phrase\tcategory'",
        ),
        (
            "menu\tline\n",
            "x.tsv:1: expected the header line 'phrase\tkind', got 'menu\tline'",
        ),
        (HEADER + "\tline\n", "x.tsv:2: the phrase field is empty"),
        (HEADER + "menu\t  \n", "x.tsv:2: the kind field is empty"),
        (HEADER + "menu\tfooter\n", f"x.tsv:2: unknown kind 'footer'; expected one of {KINDS}"),
        (HEADER + "menu\tLine\n", f"x.tsv:2: unknown kind 'Line'; expected one of {KINDS}"),
        (
            HEADER + "menu\tline\nhome\tline\n  MENU \tline\n",
            "x.tsv:4: duplicate entry 'menu / line', first given on line 2; "
            "remove one of the two lines",
        ),
        (
            "# a comment\n\n" + HEADER + "Skip\u00a0to content\tline\n\nskip to  content\tline\n",
            "x.tsv:6: duplicate entry 'skip to content / line', first given on line 4; "
            "remove one of the two lines",
        ),
        ("", "x.tsv: expected a header line naming the columns (phrase, kind), got an empty file"),
        (
            "# only comments\n\n   \n",
            "x.tsv: expected a header line naming the columns (phrase, kind), got an empty file",
        ),
    ],
)
def test_malformed_chrome_lines_give_exact_messages(text: str, expected: str) -> None:
    assert message(text) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "angry\tpolitical\t0.5",
            "x.tsv:2: unknown category 'political'; expected one of emotive, hedge",
        ),
        ("angry\temotive\theavy", "x.tsv:2: expected a number in the weight field, got 'heavy'"),
        ("angry\temotive\t", "x.tsv:2: the weight field is empty"),
    ],
)
def test_malformed_typed_columns_give_exact_messages(row: str, expected: str) -> None:
    assert message("term\tcategory\tweight\n" + row + "\n", WEIGHTED) == expected


def test_typed_columns_parse_to_values() -> None:
    text = "TERM\tCategory\tWeight\nShattered\temotive\t0.6\nalleged\thedge\t-1\n"
    table = parse_tsv(text, WEIGHTED, path="w.tsv")
    assert [row.values for row in table.rows] == [
        ("shattered", "emotive", 0.6),
        ("alleged", "hedge", -1.0),
    ]
    assert table.rows[0].number(WEIGHTED, "weight") == 0.6
    assert table.rows[1].text(WEIGHTED, "category") == "hedge"


def test_comments_and_blank_lines_are_ignored_but_counted() -> None:
    text = "# header comment\n\n" + HEADER + "  # indented comment\nmenu\tline\n\r\nhome\tline\r\n"
    table = parse_tsv(text, CHROME, path="x.tsv")
    assert [(row.values, row.line) for row in table.rows] == [
        (("menu", "line"), 5),
        (("home", "line"), 7),
    ]
    assert table.where(table.rows[1]) == "x.tsv:7"


def test_same_phrase_with_another_kind_is_not_a_duplicate() -> None:
    table = parse_tsv(HEADER + "by\tbyline\nby\tline\n", CHROME, path="x.tsv")
    assert [row.values for row in table.rows] == [("by", "byline"), ("by", "line")]


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Skip To Content", "skip to content"),
        ("skip\u00a0to\u00a0content", "skip to content"),
        ("  many \t  spaces\n here ", "many spaces here"),
        ("Don\u2019t miss", "don't miss"),
        ("\u2018quoted\u2019", "'quoted'"),
        ("\u201cQuoted\u201d", '"quoted"'),
        ("\uff21\uff22\uff23", "abc"),  # full-width letters
        ("\ufb01nd", "find"),  # the fi ligature
        ("", ""),
    ],
)
def test_normalize_folds_case_spaces_quotes_and_compatibility_forms(raw: str, folded: str) -> None:
    assert normalize(raw) == folded


def test_normalize_is_idempotent_on_shipped_phrases() -> None:
    for phrase, _ in lexicons.load()[CHROME.name].column("phrase"):
        assert normalize(phrase) == phrase


_CONTROL = ["\t", "\n", "\r", "\r\n", "#", " ", "\u00a0", "\ufeff", "\u2028", "\x00", "é", "x"]
_WORDS = ["phrase", "kind", "PHRASE", "line", "tail", "menu", "Menu", "byline"]
_PIECES = st.sampled_from([*_CONTROL, *_WORDS])


@given(st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join)))
def test_parse_tsv_raises_only_lexicon_errors(text: str) -> None:
    try:
        table = parse_tsv(text, CHROME, path="h.tsv")
    except LexiconError as exc:
        assert str(exc).startswith("h.tsv")
        return
    for row in table.rows:
        phrase, kind = row.values
        assert phrase and normalize(str(phrase)) == phrase
        assert kind in CHROME.columns[1].choices


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_parse_tsv_with_header_raises_only_lexicon_errors(body: str) -> None:
    try:
        parse_tsv(HEADER + body, CHROME, path="h.tsv")
    except LexiconError as exc:
        assert str(exc).startswith("h.tsv")


def test_shipped_lexicon_sizes_are_pinned() -> None:
    assert lexicons.check() == SHIPPED_SIZES


def test_shipped_lexicons_are_cited_by_a_stable_name_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    table = lexicons.load()[CHROME.name]
    assert table.path == "lexicons/chrome.tsv"
    assert table.where(table.rows[0]) == "lexicons/chrome.tsv:13"


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An editable copy made by init(), in the working folder, so messages say 'lex/...'."""
    monkeypatch.chdir(tmp_path)
    lexicons.init(Path("lex"))
    return Path("lex")


def test_init_writes_a_copy_that_check_accepts(copy: Path) -> None:
    assert sorted(p.name for p in copy.iterdir()) == sorted(lexicons.SPECS)
    assert (copy / "chrome.tsv").read_bytes() == (ROOT / "lexicons" / "chrome.tsv").read_bytes()
    assert lexicons.check(copy) == COPY_SIZES


def test_init_creates_missing_parents_and_accepts_an_empty_folder(tmp_path: Path) -> None:
    written = lexicons.init(tmp_path / "a" / "b")
    assert written == [tmp_path / "a" / "b" / name for name in sorted(lexicons.SPECS)]
    (tmp_path / "empty").mkdir()
    written = lexicons.init(tmp_path / "empty")
    assert written == [tmp_path / "empty" / name for name in sorted(lexicons.SPECS)]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda p: (p.mkdir(), (p / "notes.txt").write_text("mine")),
            "lex2: expected an empty or new folder, got one with files in it; "
            "choose another folder",
        ),
        (
            lambda p: p.write_text("a file"),
            "lex2: expected an empty or new folder, got a file; choose another folder",
        ),
    ],
)
def test_init_refuses_a_folder_with_files_or_a_file(copy: Path, make, expected: str) -> None:
    target = Path("lex2")
    make(target)
    before = sorted(target.iterdir()) if target.is_dir() else target.read_text()
    with pytest.raises(LexiconError) as caught:
        lexicons.init(target)
    assert str(caught.value) == expected
    assert (sorted(target.iterdir()) if target.is_dir() else target.read_text()) == before


def test_init_refuses_an_earlier_copy(copy: Path) -> None:
    with pytest.raises(LexiconError, match=r"^lex: expected an empty or new folder"):
        lexicons.init(copy)


def test_overlay_replaces_a_file_by_name(copy: Path) -> None:
    (copy / "chrome.tsv").write_text("# mine\nphrase\tkind\nsubscribe now\tline\n")
    table = lexicons.load(copy)[CHROME.name]
    assert [row.values for row in table.rows] == [("subscribe now", "line")]
    assert table.where(table.rows[0]) == "lex/chrome.tsv:3"
    assert lexicons.check(copy) == [("lex/chrome.tsv", 1), *COPY_SIZES[1:]]


def test_overlay_without_a_file_keeps_the_default(copy: Path) -> None:
    (copy / "chrome.tsv").unlink()
    (copy / "README.md").write_text("notes are not lexicons\n")
    (copy / ".chrome.tsv.swp").write_text("an editor's swap file\n")
    assert lexicons.check(copy) == [SHIPPED_SIZES[0], *COPY_SIZES[1:]]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("chrome.tsv.bak", None, None),
        (
            "chrom.tsv",
            HEADER,
            f"lex/chrom.tsv: unknown lexicon file; expected one of {KNOWN}",
        ),
        ("label.toml", "", f"lex/label.toml: unknown lexicon file; expected one of {KNOWN}"),
    ],
)
def test_overlay_files_with_unknown_names(
    copy: Path, name: str, content: str | None, expected: str | None
) -> None:
    (copy / name).write_text(content or "")
    if expected is None:
        assert lexicons.check(copy) == COPY_SIZES
        return
    with pytest.raises(LexiconError) as caught:
        lexicons.load(copy)
    assert str(caught.value) == expected


def test_missing_overlay_folder_is_an_error(copy: Path) -> None:
    with pytest.raises(LexiconError) as caught:
        lexicons.load(Path("nope"))
    assert str(caught.value) == (
        "nope: expected a folder of lexicon files, got no such folder; "
        "create one with 'framing lexicon init DIR'"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"phrase\tkind\nmen\xff\tline\n",
            "lex/chrome.tsv: expected UTF-8 text, got a byte 0xff at offset 15; "
            "save the file as UTF-8",
        ),
        (
            b"phrase\tkind\nmen\xe9\tline\n",
            "lex/chrome.tsv: expected UTF-8 text, got a byte 0xe9 at offset 15; "
            "save the file as UTF-8",
        ),
        (
            b"",
            "lex/chrome.tsv: expected a header line naming the columns (phrase, kind), got an empty file",
        ),
    ],
)
def test_unreadable_overlay_files(copy: Path, data: bytes, expected: str) -> None:
    (copy / "chrome.tsv").write_bytes(data)
    with pytest.raises(LexiconError) as caught:
        lexicons.check(copy)
    assert str(caught.value) == expected


def test_byte_order_mark_and_crlf_are_accepted(copy: Path) -> None:
    (copy / "chrome.tsv").write_bytes(b"\xef\xbb\xbfphrase\tkind\r\nmenu\tline\r\n")
    assert lexicons.check(copy) == [("lex/chrome.tsv", 1), *COPY_SIZES[1:]]


def test_errors_in_an_overlay_name_the_line(copy: Path) -> None:
    path = copy / "chrome.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[12] == "skip to main content\tline\n"
    lines[12] = "skip to main content line\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        lexicons.load(copy)
    assert str(caught.value) == (
        "lex/chrome.tsv:13: expected 2 tab-separated fields (phrase, kind), got 1"
    )
    assert (caught.value.path, caught.value.line) == ("lex/chrome.tsv", 13)


@pytest.mark.parametrize(
    ("category", "connotation", "conflict"),
    [
        ("pejorative", "neutral", True),
        ("pejorative", "positive", True),
        ("pejorative", "negative", False),
        ("euphemism", "neutral", True),
        ("euphemism", "euphemistic", False),
        ("emotive", "neutral", True),
        ("emotive", "negative", False),
        ("intensifier", "neutral", False),
    ],
)
def test_a_loaded_category_that_contradicts_a_label_is_a_conflict(
    category: str, connotation: str, conflict: bool
) -> None:
    loaded = lexicons.parse_tsv(
        f"term\tcategory\tweight\ngrunts\t{category}\t0.5\n", lexicons.LOADED, path="l.tsv"
    )
    labels = lexicons_toml.parse(
        f'[[referent]]\nname = "soldiers"\n{connotation} = ["grunts"]\n', path="labels.toml"
    )
    found = lexicons.conflicts(
        lexicons.Lexicons({lexicons.LOADED.name: loaded, lexicons.LABELS.name: labels})
    )
    assert bool(found) is conflict
    if conflict:
        assert found == [
            f'l.tsv:2: "grunts" is {category} here but a {connotation} label at labels.toml:3 '
            '(referent "soldiers"); make the two agree'
        ]


def test_the_shipped_lexicons_agree() -> None:
    assert lexicons.conflicts(lexicons.load()) == []
