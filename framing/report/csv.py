"""CSV tables for spreadsheet and pandas users: one file per kind of finding.

Every row names its document and carries the character offsets of its evidence, like the JSON;
numbers are rounded as in the JSON; rows are in document and text order, so the bytes are the
same every run.  ``pandas.read_csv("reports/loaded_terms.csv")`` is the intended use.  A text cell
that a spreadsheet would run as a formula (it starts with = + - @) is written with a leading
apostrophe; strip it to compare the text with the document.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from framing.records import Analysis
from framing.report.json import number

Row = Sequence[object]


# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection",
# OWASP): such a text cell gets a leading apostrophe, which spreadsheets hide and read as "text".
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _table(header: Sequence[str], rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def tables(analysis: Analysis) -> dict[str, str]:
    """Every CSV file of a report, by file name."""
    docs = analysis.documents
    return {
        "documents.csv": _table(
            ["doc", "outlet", "title", "date", "author", "path", "word_count", "voice_words"],
            [
                (d.id, d.outlet, d.title, d.date, d.author, d.path, d.word_count, d.voice_words)
                for d in docs
            ],
        ),
        "attributions.csv": _table(
            ["doc", "speaker", "kind", "side", "side_inferred", "direct", "cue", "cue_start",
             "cue_end", "connotation", "source", "content", "content_start", "content_end",
             "rule", "negated"],
            [
                (d.id, a.speaker, a.kind, a.side, a.side_inferred, a.direct, a.cue.text,
                 a.cue.span.start,
                 a.cue.span.end, a.connotation, a.source.text if a.source else None,
                 a.content.text, a.content.span.start, a.content.span.end, a.rule, a.negated)
                for d in docs
                for a in d.attributions
            ],
        ),
        "loaded_terms.csv": _table(
            ["doc", "text", "start", "end", "category", "weight", "quoted", "counted", "headline",
             "rule"],
            [
                (d.id, t.text, t.span.start, t.span.end, t.category, t.weight, t.quoted, t.counted,
                 t.headline, t.rule)
                for d in docs
                for t in d.loaded_terms
            ],
        ),
        "labels.csv": _table(
            ["doc", "referent", "label", "text", "start", "end", "connotation", "quoted", "rule"],
            [
                (d.id, m.referent, m.label, m.text, m.span.start, m.span.end, m.connotation,
                 m.quoted, m.rule)
                for d in docs
                for m in d.labels
            ],
        ),
        "stance.csv": _table(
            ["doc", "actor", "side", "kind", "found", "start", "end", "score", "label",
             "quoted", "speaker", "role", "cues"],
            [
                (d.id, st.actor, st.side, st.kind, st.found, m.span.start, m.span.end, m.score,
                 m.label, m.quoted, m.speaker, m.role,
                 "; ".join(f"{c.text} {c.valence:+.2f} ({c.rule})" for c in m.cues))
                for d in docs
                for st in d.stance
                for m in st.details
            ],
        ),
        "agency.csv": _table(
            ["doc", "trigger", "start", "end", "voice", "doer", "doer_text", "harmed",
             "harmed_text", "quoted", "rule"],
            [
                (d.id, h.trigger.text, h.trigger.span.start, h.trigger.span.end, h.voice,
                 h.doer, h.doer_text.text if h.doer_text else None, h.harmed,
                 h.harmed_text.text if h.harmed_text else None, h.quoted, h.rule)
                for d in docs
                for h in d.harms
            ],
        ),
        "quantities.csv": _table(
            ["doc", "text", "start", "end", "value", "low", "high", "qualifier", "unit",
             "event", "counted", "quoted"],
            [
                (d.id, q.text, q.span.start, q.span.end, q.value, q.low, q.high, q.qualifier,
                 q.unit, q.event, q.counted, q.quoted)
                for d in docs
                for q in d.quantities
            ],
        ),
        "facts.csv": _table(
            ["fact", "what", "unit", "status", "doc", "value", "low", "high", "qualifier",
             "text", "start", "end", "note"],
            [
                (f.id, f.what, f.unit, f.status, v.doc, v.value, v.low, v.high, v.qualifier,
                 v.text, v.span.start, v.span.end, f.note)
                for f in analysis.facts
                for v in f.values
            ],
        ),
        "omissions.csv": _table(
            ["doc", "what", "covered_by", "fact", "sure", "doubt"],
            [
                (o.doc, o.what, " ".join(o.covered_by), o.fact, o.sure, o.doubt)
                for o in analysis.omissions
            ],
        ),
    }  # fmt: skip


def stories(analysis: Analysis) -> str:
    """Each article's story, for a run of several stories: one row per article."""
    return _table(
        ["story", "title", "terms", "doc", "outlet", "date"],
        [
            (s.id, s.title, " ".join(s.terms), d.id, d.outlet, d.date)
            for s in analysis.stories
            for d in s.analysis.documents
        ],
    )
