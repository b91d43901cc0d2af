"""The sections of the markdown reports, one function each, reading records only."""

from __future__ import annotations

from framing.records import Analysis, Document
from framing.report.text import escape, excerpt, fmt, ref, table

OUTLET_FROM = {
    "metadata": "article metadata",
    "config": "story config",
    "byline": "byline in the text",
    "file": "file name (outlet unknown)",
}


def documents_table(docs: list[Document]) -> list[str]:
    rows = []
    for doc in docs:
        rows.append(
            [
                escape(doc.id),
                escape(doc.outlet),
                excerpt(doc.title) if doc.title else "(none detected)",
                str(doc.word_count),
                str(len(doc.chrome)),
                OUTLET_FROM.get(doc.outlet_from, doc.outlet_from),
            ]
        )
    return table(["Document", "Outlet", "Title", "Words", "Chrome lines", "Outlet from"], rows)


def chrome_section(docs: list[Document], out_dir: str) -> list[str]:
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
        lines += table(["Where", "Kind", "Text", "Rule"], rows)
    else:
        lines.append("None found.")
    lines.append("")
    return lines


def readability_section(docs: list[Document]) -> list[str]:
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
                fmt(scores["flesch_reading_ease"]),
                fmt(scores["flesch_kincaid_grade"]),
                fmt(scores["words_per_sentence"]),
                fmt(100 * scores["long_word_share"]) + "%",
            ]
        )
    lines += table(
        ["Document", "Outlet", "Reading ease", "Grade", "Words/sentence", "Long words"], rows
    )
    lines += [
        "",
        "Reading ease: Flesch (higher is easier; 60-70 is plain English). Grade: Flesch-Kincaid "
        "school grade. Long words: 7 letters or more. Scores from textstat, sentences from spaCy.",
        "",
    ]
    return lines


KINDS = ("named", "organisation", "unnamed", "document")
INFERRED_MARK = "\\*"  # a markdown asterisk, escaped


def share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f}%)" if whole else "0"


def sources_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    rows = []
    for p in analysis.sources:
        kinds = dict(p.kinds)
        words = dict(p.side_words)
        # Sides by attributions, and in brackets the words of what each side is heard saying.
        # A side inferred from party tags is starred: the legend says so.
        sides = (
            ", ".join(
                f"{escape(side)}{INFERRED_MARK if side in p.inferred_sides else ''} {count} "
                f"({words.get(side, 0)} w)"
                for side, count in p.sides
            )
            or "none"
        )
        top = p.speakers[0] if p.speakers else None
        rows.append(
            [
                f"[{escape(p.outlet)}]({slugs[p.outlet]}.md)",
                str(p.attributions),
                *(share(kinds.get(kind, 0), p.attributions) for kind in KINDS),
                share(p.direct, p.attributions),
                share(dict(p.connotations).get("distancing", 0), p.attributions),
                sides,
                f"{escape(top.speaker)} ({top.count})" if top else "none",
            ]
        )
    header = ["Outlet", "Attributions", "Named people", "Organisations", "Unnamed", "Documents"]
    header += ["Direct quotes", "Distancing cues", "Sides heard", "Most cited"]
    return table(header, rows)


def sources_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Sources heard", ""]
    lines.append(
        "Who each outlet quotes or cites (attributions), from `lexicons/cues.tsv` (the cue verbs "
        "and their connotation) and `lexicons/speakers.tsv` (what makes a source unnamed, and "
        "documents: records, filings, polls, reports, data, footage, counted apart so that citing "
        "records does not read as anonymous sourcing); a pronoun framing cannot resolve to one "
        'person is shown "unresolved", never guessed; sides '
        "come from the story config, each with the number of words it is given (w). Distancing "
        "cues (claimed, alleged, insisted) cast doubt on what they report."
    )
    if any(p.inferred_sides for p in analysis.sources):
        lines[-1] += (
            f" Sides marked {INFERRED_MARK} are inferred: no story config names the sides, so a "
            'source takes the party the text ties it to (`lexicons/parties.tsv`: "(D-Calif.)", '
            '"a Democrat", "Republican Sen. X", "Senate Republicans"); "unknown" are the rest.'
        )
    else:
        lines[-1] += (
            " Without a story config, framing infers sides from the party words of the text "
            '(`lexicons/parties.tsv`); a source it cannot place is "unknown".'
        )

    lines.append("")
    lines += sources_table(analysis, slugs)
    silent = [p.outlet for p in analysis.sources if not dict(p.kinds).get("named")]
    if silent:
        names = ", ".join(escape(o) for o in silent)
        lines += ["", f"Quoting or citing no named person: {names}."]
    lines.append("")
    return lines


def attributions_section(docs: list[Document], out_dir: str) -> list[str]:
    lines = ["## Sources heard", ""]
    rows = []
    for doc in docs:
        for a in doc.attributions:
            source = a.source.text if a.source else "(no one)"
            speaker = a.speaker if a.speaker and a.speaker != source else ""
            if a.source is not None and a.speaker is None:
                speaker = "unresolved"
            who = escape(source) + (f" = {escape(speaker)}" if speaker else "")
            rows.append(
                [
                    ref(doc, a.cue.span, out_dir=out_dir),
                    who,
                    escape(a.kind),
                    escape(a.side or "unknown") + (" (inferred)" if a.side_inferred else ""),
                    f"{escape(a.cue.text)} ({escape(a.connotation)})",
                    ("quote: " if a.direct else "") + excerpt(a.content.text, 80),
                ]
            )
    if rows:
        lines += table(["Where", "Source", "Kind", "Side", "Cue", "Says"], rows)
    else:
        lines.append("No attributions found.")
    lines.append("")
    return lines


def labels_section(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    """Which label each outlet uses for the same referent, with its first use as evidence."""
    lines = ["## Labels for the same referent", ""]
    lines.append(
        "The words each outlet uses for the same people or things, from `lexicons/labels.toml` "
        "(its connotation in brackets); labels inside quotations are the speakers' and are left out."
    )
    lines.append("")
    if not analysis.labels:
        return [*lines, "No labelled referents found.", ""]
    docs = {d.id: d for d in analysis.documents}
    outlets = sorted(slugs)
    rows = []
    for row in analysis.labels:
        used = dict(row.by_doc)
        cells = []
        for outlet in outlets:
            found = []
            for doc_id in sorted(d for d in used if docs[d].outlet == outlet):
                doc = docs[doc_id]
                for label in used[doc_id]:
                    first = next(
                        m
                        for m in doc.labels
                        if m.label == label and m.referent == row.referent and not m.quoted
                    )
                    found.append(
                        f"{escape(label)} ({escape(first.connotation)}, {ref(doc, first.span, out_dir=out_dir)})"
                    )
            cells.append("; ".join(found) or "\u2014")
        rows.append([escape(row.referent), *cells])
    lines += table(["Referent", *(f"[{escape(o)}]({slugs[o]}.md)" for o in outlets)], rows)
    lines.append("")
    return lines
