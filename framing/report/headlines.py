"""Report sections on headline wording: the loaded words of each article's title, listed apart
from the body's (a title in front matter or a record's field is read as the text is)."""

from __future__ import annotations

from framing.records import Analysis, Document, LoadedTerm
from framing.report.text import escape, excerpt, table

HEADLINE_NOTE = (
    "Headline wording: the loaded words of each article's title, read as the body is (a title "
    "given in front matter, a record or a page's title tag too). A title's words inside the "
    "article also count in its loaded wording; a title given apart does not."
)


def title_terms(doc: Document) -> list[LoadedTerm]:
    """The loaded terms of a document's title: those of a title given apart from the text, or
    those of the text's own title line."""
    return list(doc.headline_terms) or [t for t in doc.loaded_terms if t.headline]


def _listed(terms: list[LoadedTerm]) -> str:
    shown = [
        f"{escape(t.text)} ({escape(t.category)}{'' if t.counted else ', not counted'})"
        for t in terms
        if t.category != "judgement"
    ]
    return ", ".join(shown) or "no loaded words"


def headline_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    """Per outlet: how many titles, how many loaded words they hold (counted ones), which."""
    rows = []
    for outlet in sorted(slugs):
        docs = [d for d in analysis.documents if d.outlet == outlet and d.title]
        terms = [t for d in docs for t in title_terms(d) if t.counted]
        words = sorted({" ".join(t.text.lower().split()) for t in terms})
        rows.append(
            [
                f"[{escape(outlet)}]({slugs[outlet]}.md)",
                str(len(docs)),
                str(len(terms)),
                ", ".join(escape(w) for w in words) or "none",
            ]
        )
    return table(["Outlet", "Titles", "Loaded words in them", "Which"], rows)


def headline_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    return ["## Headline wording", "", HEADLINE_NOTE, "", *headline_table(analysis, slugs), ""]


def outlet_headline_section(docs: list[Document]) -> list[str]:
    """Each of the outlet's titles with its loaded words."""
    lines = ["## Headline wording", "", HEADLINE_NOTE, ""]
    titled = [d for d in docs if d.title]
    if not titled:
        return [*lines, "No titles.", ""]
    for doc in titled:
        lines.append(f"- {excerpt(doc.title or '', 120)}: {_listed(title_terms(doc))}")
    return [*lines, ""]
