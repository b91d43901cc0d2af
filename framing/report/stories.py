"""Every file of a report, by name, for a run of one story or of several.

One story: ``index.md``, one page per outlet, the charts (or the CSV tables) and
``framing.json``, exactly as framing wrote before it grouped stories.  Several stories:

- ``index.md`` lists the stories (title, articles, outlets, dates, key words), each linked to its
  folder, then the articles no other article matched, each linked to its file;
- ``<story>/`` holds, for each story of two articles or more, what a run on that story alone
  writes: its ``index.md`` (with a link back), its outlet pages and charts, or with
  ``--format csv`` its ``facts.csv`` and ``omissions.csv``;
- with ``--format csv``, the per-document tables (``documents.csv``, ``attributions.csv``, ...)
  stay at the top over every article, with ``stories.csv`` naming each article's story;
- ``framing.json`` holds every document and a ``stories`` list, each story with its own facts,
  claims, omissions, labels, sources and vocabulary (the top-level lists stay empty).

A story of one article has nothing to compare, so it gets no folder; its findings are in
``framing.json`` and the per-document CSV tables.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from functools import partial

from framing.records import Analysis, Document, Story
from framing.report import json as json_report
from framing.report import markdown
from framing.report.output import Content
from framing.report.text import escape, excerpt, ref, table

# The CSV tables that compare the articles of a story; the others hold one row per finding of
# one article and stay at the top of the report.
COMPARISON_TABLES = ("facts.csv", "omissions.csv")


def files(analysis: Analysis, *, out_dir: str, output_format: str) -> dict[str, Content]:
    """Every file of the report, by name (``story/file`` inside a story's folder).

    ``output_format``: md (markdown, charts and framing.json), json (framing.json alone), csv
    (CSV tables and framing.json), html (``framing.report.html`` and framing.json) or all.  framing.json comes as a function giving its text in pieces,
    written as they come: on thousands of articles it is hundreds of megabytes."""
    found: dict[str, Content] = {}
    wanted = FORMATS[output_format]
    if not analysis.stories:
        found.update(_one_story(analysis, out_dir=out_dir, wanted=wanted))
        wanted = set()
    if wanted & {"md", "html"}:
        found.update(_index(analysis, out_dir=out_dir, wanted=wanted))
        for story in _compared(analysis):
            found.update(_story_pages(story, out_dir=out_dir, output_format=output_format))
    if "csv" in wanted:
        from framing.report import csv as csv_report

        every = csv_report.tables(analysis)
        found.update({n: t for n, t in every.items() if n not in COMPARISON_TABLES})
        found["stories.csv"] = csv_report.stories(analysis)
        for story in _compared(analysis):
            tables = csv_report.tables(story.analysis)
            found.update({f"{story.id}/{name}": tables[name] for name in COMPARISON_TABLES})
    # Always written: it is the contract, and it marks the folder as framing's to replace.
    found["framing.json"] = partial(json_report.chunks, analysis)
    return found


def files_by_story(
    outline: Analysis, compared: Iterable[Story], *, out_dir: str, output_format: str
) -> dict[str, Content]:
    """``files`` for a run of several stories whose comparisons come one story at a time
    (``framing.pipeline.analyze_stories``): ``outline`` holds every document and story without
    their findings, ``compared`` each story compared, in order; md or json.  Each story's pages
    are made as it comes, and its part of framing.json encoded then and held compressed (on
    5,000 articles, 580 MB of JSON in about 60 MB), so no more than one story's findings are
    held at a time.  The files are the same bytes as ``files`` gives for the whole Analysis."""
    found: dict[str, Content] = {}
    wanted = FORMATS[output_format]
    if wanted & {"md", "html"}:
        found.update(_index(outline, out_dir=out_dir, wanted=wanted))
    documents: dict[str, bytes] = {}
    encoded: list[bytes] = []
    for story in compared:
        if wanted & {"md", "html"} and len(story.analysis.documents) > 1:
            found.update(_story_pages(story, out_dir=out_dir, output_format=output_format))
        for doc in story.analysis.documents:
            documents[doc.id] = _pack(json_report.item(json_report.document(doc)))
        encoded.append(_pack(json_report.item(json_report.story(story))))
    found["framing.json"] = partial(
        json_report.chunks,
        outline,
        documents=(_unpack(documents[d]) for d in sorted(documents)),
        stories=(_unpack(s) for s in encoded),
    )
    return found


def _story_pages(story: Story, *, out_dir: str, output_format: str = "md") -> dict[str, str]:
    """A story's markdown (or HTML) pages and charts, in its folder."""
    pages = _one_story(
        story.analysis,
        out_dir=os.path.join(out_dir, story.id),
        wanted=FORMATS[output_format] & {"md", "html"},  # a story's CSV tables are made apart
        story=story.title,
    )
    return {f"{story.id}/{name}": text for name, text in pages.items()}


def _index(analysis: Analysis, *, out_dir: str, wanted: set[str]) -> dict[str, str]:
    """The index of a run of several stories, as markdown, HTML or both."""
    text = index(analysis, out_dir=out_dir)
    found = {"index.md": text} if "md" in wanted else {}
    if "html" in wanted:
        from framing.report import html

        body, title = html.convert(text, links={}, charts={})
        found["index.html"] = html.page(title, body)
    return found


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


# What each --format writes besides framing.json.
FORMATS = {
    "md": {"md"},
    "json": set(),
    "csv": {"csv"},
    "html": {"html"},
    "all": {"md", "csv", "html"},
}


def _one_story(
    analysis: Analysis, *, out_dir: str, wanted: set[str], story: str | None = None
) -> dict[str, str]:
    """The files of one story's report in ``wanted`` formats (``FORMATS``' values)."""
    found: dict[str, str] = {}
    if wanted & {"md", "html"}:
        from framing.report import charts

        pages = markdown.render(analysis, out_dir=out_dir, story=story)
        drawn = charts.render(analysis)
        if "md" in wanted:
            found.update(pages)
            found.update(drawn)
        if "html" in wanted:
            from framing.report import html

            found.update(html.render(analysis, out_dir=out_dir, pages=pages, charts=drawn))
    if "csv" in wanted:
        from framing.report import csv as csv_report

        found.update(csv_report.tables(analysis))
    return found


def _compared(analysis: Analysis) -> list[Story]:
    return [s for s in analysis.stories if len(s.analysis.documents) > 1]


def _dates(docs: tuple[Document, ...]) -> str:
    known = sorted(d.date for d in docs if d.date)
    if not known:
        return "—"
    first, last = escape(known[0]), escape(known[-1])
    return first if first == last else f"{first} to {last}"


def _parts(stories: int, alone: int) -> str:
    """ "2 stories and 1 lone article"."""
    found = [f"{stories} stor{'ies' if stories != 1 else 'y'}"] if stories else []
    if alone:
        found.append(f"{alone} lone article{'s' if alone != 1 else ''}")
    return " and ".join(found)


def index(analysis: Analysis, *, out_dir: str) -> str:
    """The index of a run of several stories."""
    docs = analysis.documents
    outlets = {d.outlet for d in docs}
    compared = _compared(analysis)
    alone = [s for s in analysis.stories if len(s.analysis.documents) == 1]
    lines = ["# framing report", ""]
    lines.append(
        f"{len(docs)} article{'s' if len(docs) != 1 else ''} from {len(outlets)} "
        f"outlet{'s' if len(outlets) != 1 else ''}: {len(compared)} "
        f"stor{'ies' if len(compared) != 1 else 'y'} reported by more than one article, and "
        f"{len(alone)} article{'s' if len(alone) != 1 else ''} no other article matched; read "
        f"by framing {escape(analysis.framing_version)}."
    )
    lines += [
        "",
        f"**framing split these articles into {_parts(len(compared), len(alone))}**, listed below:"
        " they share few words and actors, or their dates lie far apart. To compare every "
        "article with every other as one story, run `framing report --stories one`.",
    ]
    lines += markdown.left_out_section(analysis)
    lines += ["", "## Stories", ""]
    lines.append(
        "Each story is compared within itself: its facts, claims, omissions, labels, sources and "
        "vocabulary never mix with another story's. Open a story for its report."
    )
    lines.append("")
    rows = []
    for story in compared:
        mine = story.analysis.documents
        rows.append(
            [
                f"[{excerpt(story.title, 100)}]({story.id}/index.md)",
                str(len(mine)),
                ", ".join(escape(o) for o in sorted({d.outlet for d in mine})),
                _dates(mine),
                escape(", ".join(story.terms)) or "—",
            ]
        )
    if rows:
        lines += table(["Story", "Articles", "Outlets", "Dates", "Key words"], rows)
    else:
        lines.append("No two articles report the same story.")
    lines.append("")
    if alone:
        lines += ["## Articles no other article matched", ""]
        rows = []
        for story in alone:
            doc = story.analysis.documents[0]
            where = ref(doc, doc.article[0], out_dir=out_dir) if doc.article else escape(doc.id)
            title = excerpt(doc.title, 100) if doc.title else "(no headline detected)"
            rows.append([where, escape(doc.outlet), _dates((doc,)), title])
        lines += table(["Article", "Outlet", "Date", "Headline"], rows)
        lines.append("")
    lines += ["## How the stories were found", ""]
    lines.append(
        "Articles are grouped by the words they share (TF-IDF), the actors they name, and their "
        "dates (two articles more than a week apart are not linked directly, and a story's "
        "dated articles lie within 30 days). A run of at most 30 articles within 30 days "
        "is split only into groups of two or more: an article that resembles no other closely "
        "joins the story when it shares enough with it on average. See "
        "`framing/compare/stories.py`. To compare every article with every other as one story, "
        "run `framing report --stories one`."
    )
    lines.append("")
    if analysis.warnings:
        lines += ["## Warnings", ""] + [f"- {escape(w)}" for w in analysis.warnings] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"
