"""The HTML report: ``index.html``, one page per outlet and one per article, self-contained.

The index and outlet pages are the markdown pages (``markdown.render``) turned into HTML, so the
two never say different things: the same sections and tables, the tables sortable by a click on
a heading (with JavaScript; without it they read as they are), the charts inline as SVG, and
each link to an article's line pointing at that line of the article's page, where the finding is
marked (``html_article``).  No page makes a network request: the style and the one script are
inline, and a Content-Security-Policy allows nothing else (no other script runs, even one an
article smuggled past the escaping).  The bytes are the same every run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from urllib.parse import quote

from framing.records import Analysis, Document
from framing.report import html_article
from framing.report.html_article import KINDS, safe
from framing.report.text import file_link

ARTICLES = "articles"  # the folder of the article pages

# Sorting a table by a click on a heading: the only script, identified in the CSP by its hash.
SCRIPT = """
document.querySelectorAll("table").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.tabIndex = 0;
    th.setAttribute("aria-sort", "none");
    var sort = function () {
      var body = table.tBodies[0];
      var up = th.getAttribute("aria-sort") !== "ascending";
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var text = row.cells[col] ? row.cells[col].textContent.trim() : "";
        var number = parseFloat(text.replace(/,/g, ""));
        return isNaN(number) ? text.toLowerCase() : number;
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
  });
});
""".strip()
_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
CSP = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{_HASH}'"

# Marks differ by their underline or outline as well as by colour (WCAG 1.4.1), and every text
# colour keeps at least 4.5:1 contrast on its background.
STYLE = (
    """
body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:70rem;padding:1rem}
table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#eee;cursor:pointer}
a{color:#0645ad}
.text{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.7}
.line:target{outline:2px solid #7a5200}
.chrome{color:#555;background:#f0f0f0}
.chrome::before{content:"[chrome] ";font:12px system-ui,sans-serif;color:#444}
mark{color:inherit;background:none}
mark[data-kind=quote]{background:#e6f0ff;border-bottom:3px double #1f4e9c}
mark[data-kind=attribution]{background:#dff5e1;border-bottom:2px solid #1b6e2a}
mark[data-kind=loaded]{background:#ffe3e0;text-decoration:underline wavy #b3261e}
mark[data-kind=label]{background:#fff0c2;border-bottom:2px dashed #7a5200}
mark[data-kind=harm]{background:#f3e5ff;border-bottom:2px dotted #5b2a86}
mark[data-kind=fact]{outline:1px solid #444;background:#eef}
mark[data-kind=actor]{text-decoration:overline #333}
mark.sp1{background:#ffe9d6}mark.sp2{background:#e0f7f4}mark.sp3{background:#f5e6f5}
mark.sp4{background:#eef5d8}mark.sp5{background:#e8e8ff}mark.sp6{background:#fdf2d0}mark.sp7{background:#e4eef7}
.legend label{margin-right:1rem;white-space:nowrap}
""".strip()
    + "".join(
        f"\nbody:has(#show-{k}:not(:checked)) .text mark[data-kind={k}]"
        "{background:none;border:none;outline:none;text-decoration:none}"
        for k in KINDS
    )
)


def page(title: str, content: str) -> str:
    """A whole page: the head with the policy and the style, ``content`` in ``<main>``."""
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{safe(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
    )
    return f"{head}<main>\n{content}\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"


def article_page(doc: Document, *, index: str) -> str:
    """The page of one article (``index``: the relative link back to the report's index)."""
    marked = html_article.marks(doc)
    found = html_article.counts(marked)
    # CSS alone hides a kind when its box is unticked (body:has), so the toggles work without
    # JavaScript
    legend = "".join(
        f'<label><input type="checkbox" id="show-{k}" checked> <mark data-kind="{k}">{k}</mark>'
        f" ({found[k]})</label>"
        for k in KINDS
    )
    facts = [
        f"<dt>Outlet</dt><dd>{safe(doc.outlet)}</dd>",
        f"<dt>File</dt><dd>{safe(doc.path)}</dd>",
    ]
    if doc.date:
        facts.append(f"<dt>Date</dt><dd>{safe(doc.date)}</dd>")
    if doc.author:
        facts.append(f"<dt>Author</dt><dd>{safe(doc.author)}</dd>")
    if doc.url:
        shown = safe(doc.url)
        link = re.match(r"https?://", doc.url) is not None
        facts.append(
            f"<dt>URL</dt><dd>{f'<a href={chr(34)}{shown}{chr(34)}>{shown}</a>' if link else shown}</dd>"
        )
    content = (
        f'<p><a href="{index}">Back to the index</a></p>\n'
        f"<h1>{safe(doc.title or doc.id)}</h1>\n<dl>{''.join(facts)}</dl>\n"
        '<fieldset class="legend"><legend>Findings marked in the text (tick to show, untick to '
        f"hide)</legend>{legend}</fieldset>\n"
        "<p>Hover a mark for its rule. Text set aside as page chrome is grey and labelled.</p>\n"
        f'<div class="text">{html_article.body(doc, marked)}</div>'
    )
    return page(doc.title or doc.id, content)


def article_name(doc: Document) -> str:
    """The article page's file name, inside ``ARTICLES``."""
    return f"{ARTICLES}/{quote(doc.id, safe='')}.html"


# ---- the markdown pages as HTML ---------------------------------------------------------------

_INLINE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\((?P<src>[^)\s]*)\)"
    r"|\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<href>[^)\s]*)\)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|`(?P<code>[^`]*)`"
)
_ESCAPED = re.compile(r"\\(.)")


def _plain(text: str) -> str:
    """Markdown text (escaped by ``text.escape``) as HTML text: backslashes dropped, entities
    normalised, then everything escaped again, so nothing in it can be markup."""
    return html.escape(html.unescape(_ESCAPED.sub(r"\1", text)), quote=True)


def _inline(text: str, links: dict[str, str], charts: dict[str, str]) -> str:
    out, at = [], 0
    for m in _INLINE.finditer(text):
        out.append(_plain(text[at : m.start()]))
        at = m.end()
        if m.group("src") is not None:
            svg = charts.get(m.group("src"))
            out.append(
                f'<figure role="img" aria-label="{_plain(m.group("alt"))}">{svg}</figure>'
                if svg
                else _plain(m.group("alt"))
            )
        elif m.group("href") is not None:
            label = _inline(m.group("text"), links, charts)
            target = _target(m.group("href"), links)
            out.append(
                f'<a href="{html.escape(target, quote=True)}">{label}</a>' if target else label
            )
        elif m.group("bold") is not None:
            out.append(f"<strong>{_inline(m.group('bold'), links, charts)}</strong>")
        else:
            out.append(f"<code>{_plain(m.group('code'))}</code>")
    out.append(_plain(text[at:]))
    return "".join(out)


def _target(href: str, links: dict[str, str]) -> str | None:
    """A markdown link's HTML target: an article file's line -> its page's line, a ``.md`` page
    -> its ``.html`` page; anything else that is not a relative path or http(s) is dropped."""
    path, _, anchor = href.partition("#")
    if path in links:
        return links[path] + (f"#{anchor}" if anchor else "")
    if re.match(r"https?://", href):
        return href
    if ":" in path.split("/")[0]:
        return None  # javascript:, data: and other schemes
    if path.endswith(".md") and not re.fullmatch(r"L\d+", anchor):
        # a report page; a link to a line (#L12) is to an article's file, even a .md one
        return path[:-3] + ".html" + (f"#{anchor}" if anchor else "")
    return href


def _cells(row: str) -> list[str]:
    inner = row.strip()[1:-1] if row.strip().endswith("|") else row.strip()[1:]
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def convert(markdown: str, *, links: dict[str, str], charts: dict[str, str]) -> tuple[str, str]:
    """The body of a markdown page as HTML, and its title (the first heading)."""
    out: list[str] = []
    title = "framing report"
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            text = line[level:].strip()
            if level == 1:
                title = html.unescape(_ESCAPED.sub(r"\1", text))
            out.append(f"<h{level}>{_inline(text, links, charts)}</h{level}>")
        elif line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            head = "".join(
                f'<th scope="col">{_inline(c, links, charts)}</th>' for c in _cells(rows[0])
            )
            body = "\n".join(
                "<tr>"
                + "".join(f"<td>{_inline(c, links, charts)}</td>" for c in _cells(r))
                + "</tr>"
                for r in rows[2:]
            )
            out.append(
                f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
            )
            continue
        elif line.startswith("- "):
            items = []
            while i < len(lines) and lines[i].startswith("- "):
                items.append(f"<li>{_inline(lines[i][2:], links, charts)}</li>")
                i += 1
            out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            continue
        elif line.startswith("```"):
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(html.escape(lines[i]))
                i += 1
            out.append("<pre>" + "\n".join(block) + "</pre>")
        elif line.strip():
            out.append(f"<p>{_inline(line, links, charts)}</p>")
        i += 1
    return "\n".join(out), title


def render(
    analysis: Analysis, *, out_dir: str, pages: dict[str, str], charts: dict[str, str]
) -> dict[str, str]:
    """Every HTML file of one story's report, by name: ``pages`` are its markdown pages by name
    (``markdown.render``), ``charts`` its SVG charts by name."""
    # the markdown links to an article's lines (``text.ref``) -> the article's page
    links = {file_link(doc, out_dir=out_dir): article_name(doc) for doc in analysis.documents}
    files = {}
    for name, text in sorted(pages.items()):
        body, title = convert(text, links=links, charts=charts)
        files[name[:-3] + ".html"] = page(title, body)
    for doc in sorted(analysis.documents, key=lambda d: d.id):
        files[article_name(doc)] = article_page(doc, index="../index.html")
    return files
