"""Markdown reports: ``index.md`` comparing the outlets, and one file per outlet.

Article text is escaped before it goes into a report (it cannot open a link, a tag or a table
cell), numbers have fixed formats, and everything is sorted, so the bytes are the same every run.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from framing.records import Analysis, Document, Span

EXCERPT_CHARS = 90
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
RESERVED_SLUGS = {"index", "framing"}


def escape(text: str) -> str:
    """Make article text inert in markdown: HTML-escaped, markdown syntax backslashed, one line."""
    text = " ".join(text.split())
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return escape(text)


def slug(name: str) -> str:
    """A file name for an outlet: ASCII, lower case, no path separators, never empty."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-")
    if not value:
        value = "outlet"
    if value in RESERVED_SLUGS:
        value = f"outlet-{value}"
    return value


def outlet_slugs(documents: Iterable[Document]) -> dict[str, str]:
    """One distinct slug per outlet, stable: outlets are taken in sorted order."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for outlet in sorted({d.outlet for d in documents}):
        base = slug(outlet)
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        result[outlet] = candidate
    return result


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def ref(doc: Document, span: Span, *, out_dir: str) -> str:
    """A link to the line of the file holding ``span`` (GitHub and most viewers honour #L)."""
    line = line_of(doc.text, span.start)
    target = os.path.relpath(doc.path, out_dir) if not os.path.isabs(doc.path) else doc.path
    label = escape(f"{doc.id}:{line}")
    return f"[{label}]({quote(target.replace(os.sep, '/'))}#L{line})"


def _fmt(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


_OUTLET_FROM = {
    "metadata": "article metadata",
    "config": "story config",
    "byline": "byline in the text",
    "file": "file name (outlet unknown)",
}


def _documents_table(docs: list[Document]) -> list[str]:
    rows = []
    for doc in docs:
        rows.append(
            [
                escape(doc.id),
                escape(doc.outlet),
                excerpt(doc.title) if doc.title else "(none detected)",
                str(doc.word_count),
                str(len(doc.chrome)),
                _OUTLET_FROM.get(doc.outlet_from, doc.outlet_from),
            ]
        )
    return _table(["Document", "Outlet", "Title", "Words", "Chrome lines", "Outlet from"], rows)


def _chrome_section(docs: list[Document], out_dir: str) -> list[str]:
    lines = ["## Page chrome set aside", ""]
    lines.append(
        "Lines judged not to be the article. They stay in the text (offsets still point into the "
        "file) but no finding comes from them. The rule is a line of `lexicons/chrome.tsv` or a "
        "layout rule."
    )
    lines.append("")
    rows = []
    for doc in docs:
        for region in doc.chrome:
            rows.append(
                [
                    ref(doc, region.span, out_dir=out_dir),
                    escape(region.kind),
                    excerpt(doc.text[region.span.start : region.span.end], 60),
                    escape(region.rule),
                ]
            )
    if rows:
        lines += _table(["Where", "Kind", "Text", "Rule"], rows)
    else:
        lines.append("None found.")
    lines.append("")
    return lines


def _readability_section(docs: list[Document]) -> list[str]:
    lines = ["## Readability", ""]
    rows = []
    for doc in docs:
        scores = dict(doc.readability)
        if not scores:
            continue
        rows.append(
            [
                escape(doc.id),
                escape(doc.outlet),
                _fmt(scores["flesch_reading_ease"]),
                _fmt(scores["flesch_kincaid_grade"]),
                _fmt(scores["words_per_sentence"]),
                _fmt(100 * scores["long_word_share"]) + "%",
            ]
        )
    lines += _table(
        ["Document", "Outlet", "Reading ease", "Grade", "Words/sentence", "Long words"], rows
    )
    lines += [
        "",
        "Reading ease: Flesch (higher is easier; 60-70 is plain English). Grade: Flesch-Kincaid "
        "school grade. Long words: 7 letters or more. Scores from textstat, sentences from spaCy.",
        "",
    ]
    return lines


_PENDING = (
    "Not analysed yet in this version: loaded wording and labels, stance and agency, and the "
    "cross-outlet comparison of facts. Their fields exist in `framing.json` and are empty."
)
_KINDS = ("named", "organisation", "unnamed")


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f}%)" if whole else "0"


def _sources_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    rows = []
    for p in analysis.sources:
        kinds = dict(p.kinds)
        sides = ", ".join(f"{escape(side)} {count}" for side, count in p.sides) or "none"
        top = p.speakers[0] if p.speakers else None
        rows.append(
            [
                f"[{escape(p.outlet)}]({slugs[p.outlet]}.md)",
                str(p.attributions),
                *(_share(kinds.get(kind, 0), p.attributions) for kind in _KINDS),
                _share(p.direct, p.attributions),
                _share(dict(p.connotations).get("distancing", 0), p.attributions),
                sides,
                f"{escape(top.speaker)} ({top.count})" if top else "none",
            ]
        )
    header = ["Outlet", "Attributions", "Named people", "Organisations", "Unnamed"]
    header += ["Direct quotes", "Distancing cues", "Sides heard", "Most cited"]
    return _table(header, rows)


def _sources_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Sources heard", ""]
    lines.append(
        "Who each outlet quotes or cites (attributions), from `lexicons/cues.tsv` (the cue verbs "
        "and their connotation) and `lexicons/speakers.tsv` (what makes a source unnamed); sides "
        "come from the story config. Distancing cues (claimed, alleged, insisted) cast doubt on "
        "what they report."
    )
    lines.append("")
    lines += _sources_table(analysis, slugs)
    silent = [p.outlet for p in analysis.sources if not dict(p.kinds).get("named")]
    if silent:
        names = ", ".join(escape(o) for o in silent)
        lines += ["", f"Quoting or citing no named person: {names}."]
    lines.append("")
    return lines


def _attributions_section(docs: list[Document], out_dir: str) -> list[str]:
    lines = ["## Sources heard", ""]
    rows = []
    for doc in docs:
        for a in doc.attributions:
            source = a.source.text if a.source else "(no one)"
            speaker = a.speaker if a.speaker and a.speaker != source else ""
            who = escape(source) + (f" = {escape(speaker)}" if speaker else "")
            rows.append(
                [
                    ref(doc, a.cue.span, out_dir=out_dir),
                    who,
                    escape(a.kind),
                    escape(a.side or "unknown"),
                    f"{escape(a.cue.text)} ({escape(a.connotation)})",
                    ("quote: " if a.direct else "") + excerpt(a.content.text, 80),
                ]
            )
    if rows:
        lines += _table(["Where", "Source", "Kind", "Side", "Cue", "Says"], rows)
    else:
        lines.append("No attributions found.")
    lines.append("")
    return lines


def render_index(analysis: Analysis, *, out_dir: str) -> str:
    docs = sorted(analysis.documents, key=lambda d: d.id)
    slugs = outlet_slugs(docs)
    outlets = sorted(slugs)
    lines = ["# framing report", ""]
    lines.append(
        f"{len(docs)} article{'s' if len(docs) != 1 else ''} from {len(outlets)} "
        f"outlet{'s' if len(outlets) != 1 else ''}, read by framing {escape(analysis.framing_version)}."
    )
    lines += ["", "## Outlets", ""]
    rows = []
    for outlet in outlets:
        mine = [d for d in docs if d.outlet == outlet]
        rows.append(
            [
                f"[{escape(outlet)}]({slugs[outlet]}.md)",
                str(len(mine)),
                str(sum(d.word_count for d in mine)),
            ]
        )
    lines += _table(["Outlet", "Articles", "Words"], rows)
    lines += ["", "## Documents", ""]
    lines += _documents_table(docs)
    lines += ["", "## How to read this", ""]
    lines.append(
        "Each figure links to the line of the article it came from (`document:line`). "
        "An outlet is named from the article's metadata, else the story config "
        "(`framing.toml`), else a byline in the text; an outlet that none of these names is "
        "shown by its file name."
    )
    lines += ["", _PENDING, ""]
    lines += _sources_section(analysis, slugs)
    lines += _readability_section(docs)
    lines += _chrome_section(docs, out_dir)
    if analysis.warnings:
        lines += ["## Warnings", ""] + [f"- {escape(w)}" for w in analysis.warnings] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_outlet(analysis: Analysis, outlet: str, *, out_dir: str) -> str:
    docs = sorted((d for d in analysis.documents if d.outlet == outlet), key=lambda d: d.id)
    lines = [f"# {escape(outlet)}", "", "[Back to the index](index.md)", ""]
    words = sum(d.word_count for d in docs)
    lines.append(
        f"{len(docs)} article{'s' if len(docs) != 1 else ''}, {words} words of article text."
    )
    lines += ["", "## Documents", ""]
    for doc in docs:
        title = excerpt(doc.title, 120) if doc.title else "(no headline detected)"
        where = ref(doc, doc.article[0], out_dir=out_dir) if doc.article else escape(doc.id)
        byline = f", by {escape(doc.author)}" if doc.author else ""
        lines.append(f"- {where}: {title}{byline}; {doc.word_count} words")
    lines += ["", _PENDING, ""]
    lines += _attributions_section(docs, out_dir)
    lines += _readability_section(docs)
    lines += _chrome_section(docs, out_dir)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(analysis: Analysis, *, out_dir: str) -> dict[str, str]:
    """Every markdown file of a report, by file name."""
    files = {"index.md": render_index(analysis, out_dir=out_dir)}
    for outlet, name in outlet_slugs(analysis.documents).items():
        files[f"{name}.md"] = render_outlet(analysis, outlet, out_dir=out_dir)
    return files
