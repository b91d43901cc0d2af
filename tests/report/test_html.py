"""The HTML report: pages written, every finding marked, hostile text made inert, same bytes.

The browser tests (``test_browser.py``) load these pages in Chromium; here the pages are read as
text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import SEEDS

from framing import pipeline
from framing.report import html, html_article, stories

MARK = re.compile(r'<mark data-kind="(\w+)" data-id="([^"]+)"')
HOSTILE = (
    "Hostile page </mark><script>window.__pwned = 1</script> here\n\n"
    'The minister said "<img src=x onerror=alert(1)>" was a lie, according to officials.\n\n'
    "Click [me](javascript:alert(2)) or \u202egnp.exe\u202c now. Police killed 12 protesters.\n"
)


@pytest.fixture(scope="module")
def seeds_html(seeds_analysis) -> dict[str, str]:
    found = stories.files(seeds_analysis, out_dir="reports", output_format="html")
    return {name: text for name, text in found.items() if name.endswith(".html")}


def test_the_pages_are_written(seeds_html, seeds_analysis) -> None:
    names = set(seeds_html)
    assert "index.html" in names
    for doc in seeds_analysis.documents:
        assert html.article_name(doc) in names
    outlets = {d.outlet for d in seeds_analysis.documents}
    assert len([n for n in names if "/" not in n and n != "index.html"]) == len(outlets)


def test_every_finding_of_the_json_has_its_marks(seeds_html, seeds_analysis) -> None:
    for doc in seeds_analysis.documents:
        page = seeds_html[html.article_name(doc)]
        ids: dict[str, set[str]] = {}
        for kind, mark_id in MARK.findall(page):
            ids.setdefault(kind, set()).add(mark_id)
        assert doc.loaded_terms and doc.attributions, "the sample has findings to mark"
        assert len(ids["loaded"]) == len(doc.loaded_terms)
        assert len(ids["attribution"]) == len(doc.attributions)
        assert len(ids.get("label", ())) == len(doc.labels)
        assert len(ids.get("fact", ())) == len(doc.quantities)
        assert {k: len(v) for k, v in ids.items()} == {
            k: n for k, n in html_article.counts(html_article.marks(doc)).items() if n
        }


def test_a_mark_stands_on_its_words(seeds_html, seeds_analysis) -> None:
    doc = next(d for d in seeds_analysis.documents if d.loaded_terms)
    term = doc.loaded_terms[0]
    page = seeds_html[html.article_name(doc)]
    found = re.search(r'data-id="loaded-0" title="[^"]*">([^<]*)</mark>', page)
    assert found is not None
    assert found.group(1) in html_article.safe(doc.text[term.span.start : term.span.end])


def test_links_to_an_article_line_open_its_page(seeds_html) -> None:
    index = seeds_html["index.html"]
    assert re.search(r'href="articles/[^"]+\.html#L\d+"', index)
    assert 'href="unknown-blog-000.html"' in index
    assert '.md"' not in index and ".txt#" not in index


def test_the_only_script_is_the_report_s_own(seeds_html) -> None:
    for name, page in seeds_html.items():
        assert page.count("<script") == 1, name
        assert f"<script>{html.SCRIPT}</script>" in page
        assert "Content-Security-Policy" in page


def test_two_renders_are_the_same_bytes(seeds_analysis, seeds_html) -> None:
    again = stories.files(seeds_analysis, out_dir="reports", output_format="html")
    assert {n: t for n, t in again.items() if n.endswith(".html")} == seeds_html


@pytest.fixture(scope="module")
def hostile(parser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("hostile")
    story = folder / "story"
    story.mkdir()
    (story / "a.md").write_text(
        '---\noutlet: "Evil <b>Times</b>\\"><script>x()</script>"\n'
        'url: "javascript:alert(3)"\ntitle: "</title><script>y()</script>"\n---\n' + HOSTILE,
        encoding="utf-8",
    )
    (story / "b.txt").write_text("Police killed 14 protesters, officials said.\n", encoding="utf-8")
    out = folder / "out"
    pipeline.report([story], out=out, parser=parser, output_format="html", stories="one")
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}


def test_a_hostile_article_cannot_inject_markup_or_script(hostile) -> None:
    assert any("pwned" in page for page in hostile.values()), "the article is in the pages"
    for name, page in hostile.items():
        assert page.count("<script") == 1, name
        assert "<img" not in page and "<b>" not in page, name
        assert 'href="javascript:' not in page, name
        assert "\u202e" not in page and "\u202c" not in page, name
        assert "</mark><script>" not in page, name
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page or "pwned" not in page


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[a](b.md)", '<p><a href="b.html">a</a></p>'),
        ("[a](javascript:void)", "<p>a</p>"),
        ("[a](https://example.org/x)", '<p><a href="https://example.org/x">a</a></p>'),
        ("**x** \\*y\\* &lt;b&gt;", "<p><strong>x</strong> *y* &lt;b&gt;</p>"),
        ("| A | B |\n|---|---|\n| 1 \\| 2 | 3 |",
         '<table>\n<thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>\n'
         "<tbody>\n<tr><td>1 | 2</td><td>3</td></tr>\n</tbody>\n</table>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    ],
)  # fmt: skip
def test_the_markdown_pages_convert(markdown: str, expected: str) -> None:
    body, _ = html.convert(markdown, links={}, charts={})
    assert body == expected


def test_format_all_writes_markdown_csv_and_html(parser, tmp_path: Path) -> None:
    out = tmp_path / "out"
    pipeline.report([SEEDS], out=out, parser=parser, output_format="all")
    names = {p.name for p in out.iterdir()}
    assert {"index.md", "index.html", "facts.csv", "framing.json", "articles"} <= names
    data = json.loads((out / "framing.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == len(list((out / "articles").iterdir()))
