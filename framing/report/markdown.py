"""Markdown reports: ``index.md`` comparing the outlets, and one file per outlet.

Everything is sorted and formatted the same way every run, so the bytes are the same every run.
"""

from __future__ import annotations

from framing.records import Analysis
from framing.report import actors, compare, differs, headlines, sections, summary, wording
from framing.report.text import (
    RESERVED_SLUGS,
    escape,
    excerpt,
    line_of,
    outlet_slugs,
    ref,
    slug,
    table,
)

__all__ = [
    "RESERVED_SLUGS",
    "escape",
    "excerpt",
    "line_of",
    "outlet_slugs",
    "ref",
    "render",
    "slug",
]


def render_index(analysis: Analysis, *, out_dir: str, story: str | None = None) -> str:
    """The report's index; with ``story`` (its title), the index of one story of several."""
    docs = sorted(analysis.documents, key=lambda d: d.id)
    slugs = outlet_slugs(docs)
    outlets = sorted(slugs)
    lines = ["# framing report", ""]
    if story is not None:
        lines = [f"# {escape(story)}", "", "[All stories](../index.md)", ""]
    lines.append(
        f"{len(docs)} article{'s' if len(docs) != 1 else ''} from {len(outlets)} "
        f"outlet{'s' if len(outlets) != 1 else ''}, read by framing {escape(analysis.framing_version)}."
    )
    lines += left_out_section(analysis)
    lines += ["", *differs.section(analysis, slugs, out_dir)]
    lines += ["## Outlets", ""]
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
    lines += table(["Outlet", "Articles", "Words"], rows)
    lines += ["", "## Documents", ""]
    lines += sections.documents_table(docs)
    lines += ["", "## How to read this", ""]
    lines.append(
        "Each figure links to the line of the article it came from (`document:line`). "
        "An outlet is named from the article's metadata, else the story config "
        "(`framing.toml`), else a byline in the text; an outlet that none of these names is "
        "shown by its file name."
    )
    lines.append("")
    lines += compare.facts_section(analysis, slugs, out_dir)
    lines += compare.omissions_section(analysis, slugs, out_dir)
    lines += sections.sources_section(analysis, slugs)
    if analysis.sources:
        lines += ["![Sources heard, by side, per outlet](chart-sources.svg)", ""]
    lines += sections.labels_section(analysis, slugs, out_dir)
    lines += wording.wording_section(analysis, slugs)
    if docs:
        lines += ["![Loaded terms per 1,000 words, per outlet](chart-loaded.svg)", ""]
    lines += headlines.headline_section(analysis, slugs)
    lines += actors.stance_section(analysis, slugs)
    lines += actors.agency_section(analysis, slugs)
    lines += compare.claims_section(analysis, out_dir)
    lines += compare.vocabulary_section(analysis, slugs)
    lines += sections.readability_section(docs)
    lines += sections.chrome_section(docs, out_dir)
    if analysis.warnings:
        lines += ["## Warnings", ""] + [f"- {escape(w)}" for w in analysis.warnings] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def left_out_section(analysis: Analysis) -> list[str]:
    """The inputs that ``--on-bad skip`` left out, at the top of an index: a comparison that
    lacks them must say so.  Nothing when every input was read."""
    if not analysis.rejected:
        return []
    count = len(analysis.rejected)
    lines = ["", "## Inputs left out", ""]
    lines.append(
        f"{count} input{'s' if count != 1 else ''} could not be read and "
        f"{'were' if count != 1 else 'was'} left out (`--on-bad skip`):"
    )
    lines.append("")
    rows = [
        [escape(r.path), "—" if r.line is None else str(r.line), escape(r.reason)]
        for r in analysis.rejected
    ]
    return lines + table(["File", "Line", "Reason"], rows)


def render_outlet(analysis: Analysis, outlet: str, *, out_dir: str) -> str:
    docs = sorted((d for d in analysis.documents if d.outlet == outlet), key=lambda d: d.id)
    lines = [f"# {escape(outlet)}", "", "[Back to the index](index.md)", ""]
    words = sum(d.word_count for d in docs)
    lines.append(
        f"{len(docs)} article{'s' if len(docs) != 1 else ''}, {words} words of article text."
    )
    lines.append("")
    lines += summary.section(analysis, outlet)
    lines += ["", "## Documents", ""]
    for doc in docs:
        title = excerpt(doc.title, 120) if doc.title else "(no headline detected)"
        where = ref(doc, doc.article[0], out_dir=out_dir) if doc.article else escape(doc.id)
        byline = f", by {escape(doc.author)}" if doc.author else ""
        lines.append(f"- {where}: {title}{byline}; {doc.word_count} words")
    lines.append("")
    lines += compare.outlet_section(analysis, outlet, out_dir)
    lines += sections.attributions_section(docs, out_dir)
    lines += wording.loaded_sentences_section(docs, out_dir, pipeline=analysis.pipeline)
    lines += headlines.outlet_headline_section(docs)
    lines += actors.outlet_stance_section(
        [st for st in analysis.outlet_stances if st.outlet == outlet],
        docs,
        out_dir,
        pipeline=analysis.pipeline,
    )
    lines += actors.outlet_agency_section(docs, out_dir)
    lines += sections.readability_section(docs)
    lines += sections.chrome_section(docs, out_dir)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(analysis: Analysis, *, out_dir: str, story: str | None = None) -> dict[str, str]:
    """Every markdown file of a report (or with ``story``, of one story's folder), by name."""
    files = {"index.md": render_index(analysis, out_dir=out_dir, story=story)}
    for outlet, name in outlet_slugs(analysis.documents).items():
        files[f"{name}.md"] = render_outlet(analysis, outlet, out_dir=out_dir)
    return files
