"""Reading articles: every format, folders, encodings, exact error messages, metadata precedence."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import corpus
from framing.errors import InputError
from framing.records import Cleaned, Meta, Source

BODY = "The council voted on Tuesday to extend the library's opening hours.\n"
SUFFIXES = ", ".join(corpus.TEXT_SUFFIXES)


def read(path: Path) -> tuple[list[Source], list[str]]:
    warnings: list[str] = []
    return list(corpus.read_file(path, warnings)), warnings


def read_all(*paths: Path) -> list[Source]:
    return list(corpus.read_paths(list(paths), []))


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read(path)
    return str(caught.value)


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])  # a BOM is dropped; offsets follow it
def test_txt_is_read_whole_with_the_stem_as_id(tmp_path: Path, mark: bytes) -> None:
    path = tmp_path / "council-vote.txt"
    path.write_bytes(mark + ("Library hours\n\n" + BODY).encode("utf-8"))
    (source,), warnings = read(path)
    assert (source.id, source.path, source.origin) == ("council-vote", str(path), str(path))
    assert (source.text, source.body_start, source.meta) == ("Library hours\n\n" + BODY, 0, Meta())
    assert (source.encoding, warnings) == ("utf-8", [])


def test_md_front_matter_gives_metadata_and_body_start(tmp_path: Path) -> None:
    front = ("---\noutlet: Harbour Times\ntitle: \"Library hours\"\ndate: 2024-05-01\n"
             "url: https://example.org/a?id=7\nAuthor: 'Ann Lee'\n# a comment\n\nsection: x\n---\n")  # fmt: skip
    path = tmp_path / "library.md"
    path.write_text(front + BODY, encoding="utf-8")
    (source,), _ = read(path)
    expected = Meta("Harbour Times", "Library hours", "2024-05-01", "https://example.org/a?id=7",
                    "Ann Lee")  # fmt: skip
    assert (source.meta, source.body_start) == (expected, len(front))
    assert source.text[source.body_start :] == BODY


@pytest.mark.parametrize(
    ("text", "meta", "body_start"),
    [
        (BODY, Meta(), 0),
        ("---\ntitle:\n---\n" + BODY, Meta(), 15),
        ("---\r\noutlet: Gazette\r\n...\r\n" + BODY, Meta(outlet="Gazette"), 27),
        ("---\noutlet: Gazette\n---", Meta(outlet="Gazette"), 23),
    ],
)
def test_parse_front_matter_returns_meta_and_body_start(
    text: str, meta: Meta, body_start: int
) -> None:
    assert corpus.parse_front_matter(text, path="a.md") == (meta, body_start)


PARAGRAPHS = [
    "The city council voted seven to two on Tuesday night to build bus lanes on Main Street.",
    "Supporters said the lanes would cut journey times for thousands of daily commuters.",
    "Shop owners had argued that losing parking spaces would drive their customers away.",
]


def test_html_page_gives_article_text_and_title_without_nav_or_footer(tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council approves bus lanes | Riverside Courier</title>"
        "<meta property='og:site_name' content='Riverside Courier'></head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport pages</a></li>"
        "<li><a href='/subscribe'>Subscribe to the Courier</a></li></ul></nav></header>"
        "<main><article><h1>Council approves bus lanes</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></main><footer><p>Copyright 2024 Riverside Courier. All rights reserved."
        "</p><a href='/privacy'>Privacy policy</a></footer></body></html>"
    )
    path = tmp_path / "bus-lanes.htm"
    path.write_text(html, encoding="utf-8")
    (source,), _ = read(path)
    assert (source.id, source.body_start, source.encoding) == ("bus-lanes", 0, "utf-8")
    assert (source.meta.title, source.meta.outlet) == (
        "Council approves bus lanes",
        "Riverside Courier",
    )
    assert source.text.startswith("Council approves bus lanes\n")
    assert all(p in source.text for p in PARAGRAPHS)
    for chrome in ("Sport pages", "Subscribe to the Courier", "All rights reserved", "Privacy"):
        assert chrome not in source.text


RECORDS = [
    {"id": "r1", "outlet": "Gazette", "title": "Strike ends", "date": "2024-02-02",
     "url": "https://example.org/strike", "author": "Ann Lee", "text": "Workers returned."},
    {"outlet": "", "text": "A second record without an id."},
    {"id": 7, "date": 20240203, "text": "Numbers become strings."},
]  # fmt: skip


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_jsonl_records_become_sources(tmp_path: Path, name: str) -> None:
    lines = [json.dumps(r) for r in RECORDS]
    raw = "\n".join([lines[0], "", *lines[1:]]).encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(raw) if name.endswith(".gz") else raw)
    sources, _ = read(path)
    assert [s.id for s in sources] == ["r1", "feed-3", "7"]
    assert [s.origin for s in sources] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert sources[0].meta == Meta("Gazette", "Strike ends", "2024-02-02",
                                   "https://example.org/strike", "Ann Lee")  # fmt: skip
    assert sources[1].meta == Meta()
    assert sources[2].meta == Meta(date="20240203")
    assert [s.text for s in sources] == [r["text"] for r in RECORDS]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": }', "expected a JSON object, got invalid JSON (Expecting value at "
         "column 21); the lines before it were read, none after"),
        ("[1, 2]", "expected a JSON object, got a JSON list"),
        ('{"id": "a"}', "expected a non-empty string field 'text', got none"),
        ('{"text": "  "}', "expected a non-empty string field 'text', got '  '"),
        ('{"text": 5}', "expected a non-empty string field 'text', got 5"),
    ],
)  # fmt: skip
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n" + line + "\n", encoding="utf-8")
    assert error_of(path) == f"{path}:2: {message}"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not gzip at all", "Not a gzipped file (b'no')"),
        (gzip.compress(b'{"text": "x"}\n' * 50)[:25],
         "Compressed file ended before the end-of-stream marker was reached"),
    ],
)  # fmt: skip
def test_broken_gzip_is_an_input_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(data)
    assert error_of(path) == f"{path}: cannot read the file ({reason})"


def test_corrupt_gzip_stream_is_an_input_error(tmp_path: Path) -> None:
    raw = gzip.compress(b'{"id": "a", "text": "hello world"}\n' * 200)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(raw[:20] + bytes(b ^ 0xFF for b in raw[20:40]) + raw[40:])
    message = error_of(path)  # zlib's wording varies by version
    assert message.startswith(f"{path}: cannot read the file (Error -3 while decompressing")


def test_folder_is_read_recursively_sorted_skipping_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/c.md", "a/d/e.TXT", "f.markdown", "z.htm.bak", "notes.csv",
                 "framing.toml", ".hidden.txt", ".git/f.txt", "a/.cache/g.txt"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    assert [s.id for s in read_all(tmp_path)] == ["c", "e", "b", "f"]


def test_explicit_files_keep_the_order_given(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    assert [s.id for s in read_all(tmp_path / "b.txt", tmp_path / "a.txt")] == ["b", "a"]


@pytest.mark.parametrize(
    ("name", "before", "where", "offset"),
    [("legacy.txt", b"", "", 3), ("legacy.jsonl", b'{"text": "', ":1", 13)],
)
def test_cp1252_bytes_are_decoded_with_a_warning_naming_the_file(
    tmp_path: Path, name: str, before: bytes, where: str, offset: int
) -> None:
    text = "Caf\u00e9 owners \u2018welcome\u2019 the plan."
    path = tmp_path / name
    path.write_bytes(before + text.encode("cp1252") + (b'"}' if before else b""))
    (source,), warnings = read(path)
    assert (source.text, source.encoding) == (text, "cp1252")
    assert warnings == [
        f"{path}{where}: not valid UTF-8 (byte 0xe9 at offset {offset}); read as cp1252"
    ]


def test_paths_inside_the_working_folder_are_shown_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert error_of(tmp_path / "news" / "empty.txt") == (
        "news/empty.txt: expected article text, got an empty file"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.md", b"---\noutlet: Gazette\nno colon here\n---\nText.\n",
         "bad.md:3: expected a front matter line 'key: value', got 'no colon here'; "
         "fix the line or close the front matter with '---'"),
        ("bad.md", b"---\ntwo words: x\n---\nText.\n",
         "bad.md:2: expected a front matter line 'key: value', got 'two words: x'; "
         "fix the line or close the front matter with '---'"),
        ("open.md", b"---\noutlet: Gazette\ntitle: Vote\n",
         "open.md:1: front matter opened with '---' is never closed; add a '---' line after it"),
        ("empty.txt", b"", "empty.txt: expected article text, got an empty file"),
        ("blank.txt", b" \n\t\n", "blank.txt: expected article text, got an empty file"),
        ("only.md", b"---\ntitle: T\n---\n\n", "only.md: expected article text, got an empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00",
         "photo.txt: expected a text file, got binary data (a NUL byte); pass only article files"),
        ("report.pdf", b"%PDF-1.4", f"report.pdf: expected an article file ({SUFFIXES}), got '.pdf'"),
        ("README", b"Text.", f"README: expected an article file ({SUFFIXES}), got 'README'"),
        ("gone.html", b"<html><head><title>Gone</title></head><body><div></div></body></html>",
         "gone.html: expected an article in the HTML page, found no main text; "
         "save the article as .txt"),
    ],
)  # fmt: skip
def test_unreadable_file_message(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_all(path)
    assert str(caught.value) == f"{tmp_path}/{message}"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("nowhere", "nowhere: no such file or folder"),
        ("notes", f"notes: expected article files ({SUFFIXES}), found none"),
    ],
)
def test_paths_without_articles_are_an_error(tmp_path: Path, given: str, message: str) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "list.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_all(tmp_path / given)
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_duplicate_ids_name_both_origins(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "vote.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text('{"id": "x", "text": "A"}\n{"id": "vote", "text": "B"}\n')
    with pytest.raises(InputError) as caught:
        read_all(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}/two.jsonl:2: duplicate document id 'vote', first read from "
        f"{tmp_path}/one/vote.txt; give each article a distinct file name or 'id'"
    )


R = corpus.Resolved
FULL = Meta("Record Post", "Record title", "2024-01-01", "https://record", "Rec Author")
CONFIG = Meta("Config Daily", "Config title", "2024-01-02", "https://config", "Con Author")
BYLINE = Cleaned((), (), title="Page title", byline_outlet="Byline News", byline_author="Bea Line")
NOTHING = Cleaned((), ())


@pytest.mark.parametrize(
    ("record", "configured", "cleaned", "expected"),
    [
        (FULL, CONFIG, BYLINE,
         R("Record Post", "metadata", "Record title", "2024-01-01", "https://record", "Rec Author")),
        (Meta(), CONFIG, BYLINE,
         R("Config Daily", "config", "Config title", "2024-01-02", "https://config", "Con Author")),
        (Meta(outlet="  "), Meta(), BYLINE,
         R("Byline News", "byline", "Page title", None, None, "Bea Line")),
        (Meta(), Meta(), NOTHING, R("doc-1", "file", None, None, None, None)),
        (Meta(outlet=" Record Post "), CONFIG, NOTHING,
         R("Record Post", "metadata", "Config title", "2024-01-02", "https://config", "Con Author")),
        (Meta(title="T"), Meta(outlet="Config Daily"), BYLINE,
         R("Config Daily", "config", "T", None, None, "Bea Line")),
    ],
)  # fmt: skip
def test_resolve_meta_precedence(
    record: Meta, configured: Meta, cleaned: Cleaned, expected: corpus.Resolved
) -> None:
    source = Source("doc-1", "doc-1.txt", BODY, record)
    assert corpus.resolve_meta(source, configured, cleaned) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["---", "...", "", "# note", "title: x", "outlet: 'A'", "a b: c"]),
            st.text(alphabet=st.sampled_from("-.:# ab\t\r\n\x0b\u2028'\""), max_size=12),
            st.text(max_size=20),
        ),
        max_size=8,
    ).map("\n".join)
)
def test_parse_front_matter_raises_only_input_error(text: str) -> None:
    try:
        meta, body_start = corpus.parse_front_matter(text, path="p.md")
    except InputError as exc:
        assert str(exc).startswith("p.md:")
        return
    assert 0 <= body_start <= len(text)
    if body_start == 0:
        assert meta == Meta()
    else:
        lines = text[:body_start].splitlines()
        assert lines[0].strip() == "---"
        assert lines[-1].strip() in {"---", "..."}
        assert len(lines) >= 2


RECORD = st.dictionaries(
    st.sampled_from(["id", "text", "title"]), st.one_of(st.text(), st.integers(), st.none())
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.builds(json.dumps, RECORD)), max_size=6))
def test_read_jsonl_yields_sources_or_raises_input_error(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    try:
        sources = list(corpus.read_jsonl(path, []))
    except InputError:
        return
    assert all(isinstance(s, Source) and s.text.strip() for s in sources)
