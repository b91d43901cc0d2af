"""The sections of the markdown reports, one function each, reading records only."""

from __future__ import annotations

from framing.records import CERTAINTY, COUNTED, Analysis, Document
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


LOADED_NOTE = (
    "Loaded terms per 1,000 words of the outlet's own voice (quotations excluded), from "
    "`lexicons/loaded.tsv`: only the loaded categories (emotive, pejorative, sensational, "
    "intensifier, euphemism, and scare quotes and question headlines from layout rules) count. "
    'Certainty markers (hedges such as "reportedly", boosters such as "in fact") tell how '
    'sure the outlet sounds and are counted apart; plain judgement words ("major", "failed") '
    "weigh in a sentence's score but are not counted. Terms inside quotations are the speakers' "
    "words and are counted apart."
)


def _density(docs: list[Document], *, kinds: frozenset[str] = COUNTED) -> dict[str, float]:
    """Per category of ``kinds``, the outlet's own terms per 1,000 words of its own voice."""
    words = sum(d.voice_words for d in docs)
    counts: dict[str, int] = {}
    for doc in docs:
        for term in doc.loaded_terms:
            if not term.quoted and term.category in kinds and (term.counted or kinds != COUNTED):
                counts[term.category] = counts.get(term.category, 0) + 1
    return {c: 1000 * n / words if words else 0.0 for c, n in counts.items()}


# Fewer words of its own voice than this and an outlet's density is shown with its word count,
# marked, and not ranked: one loaded word in a 40-word teaser is 25 per 1,000 words.  At 150
# words a single term moves the density by 6.7 per 1,000, about a quarter of the samples'
# typical density (23 to 31).
MIN_VOICE_WORDS = 150


def too_few_words(docs: list[Document]) -> int | None:
    """The outlet's own-voice word count when it is under MIN_VOICE_WORDS, else None."""
    words = sum(d.voice_words for d in docs)
    return words if words < MIN_VOICE_WORDS else None


def own_density(docs: list[Document]) -> float:
    """Loaded terms in the outlet's own voice per 1,000 of its own words: the loaded categories
    (``COUNTED``) only."""
    return sum(_density(docs).values())


def _top_terms(docs: list[Document], limit: int = 6) -> str:
    counts: dict[str, int] = {}
    for doc in docs:
        for term in doc.loaded_terms:
            if not term.quoted and term.counted:
                key = " ".join(term.text.lower().split())
                counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return ", ".join(f"{escape(t)}" + (f" ({n})" if n > 1 else "") for t, n in ranked) or "none"


def wording_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    categories = sorted({t.category for d in analysis.documents for t in d.loaded_terms} & COUNTED)
    rows = []
    for outlet in sorted(slugs):
        docs = [d for d in analysis.documents if d.outlet == outlet]
        density = _density(docs)
        certainty = sum(_density(docs, kinds=CERTAINTY).values())
        quoted = sum(1 for d in docs for t in d.loaded_terms if t.quoted and t.counted)
        few = too_few_words(docs)
        rows.append(
            [
                f"[{escape(outlet)}]({slugs[outlet]}.md)",
                fmt(sum(density.values())) + (f" ({few} words: too few to rank)" if few else ""),
                *(fmt(density.get(c, 0.0)) for c in categories),
                fmt(certainty),
                str(quoted),
                _top_terms(docs),
            ]
        )
    header = [
        "Outlet", "Loaded", *(escape(c) for c in categories), "Certainty markers", "In quotes",
        "Most used",
    ]  # fmt: skip
    return table(header, rows)


def wording_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Loaded wording", "", LOADED_NOTE, ""]
    lines += wording_table(analysis, slugs)
    lines.append("")
    topic: dict[str, int] = {}
    for doc in analysis.documents:
        for term in doc.loaded_terms:
            if term.topic and not term.quoted:
                key = " ".join(term.text.lower().split())
                topic[key] = topic.get(key, 0) + 1
    if topic:
        ranked = sorted(topic.items(), key=lambda item: (-item[1], item[0]))
        shown = ", ".join(f"{escape(t)} ({n})" for t, n in ranked)
        lines += [
            "The story's topic vocabulary, not counted (loaded words every outlet uses at rates "
            f"within a factor of two of each other): {shown}.",
            "",
        ]
    return lines


def loaded_sentences_section(docs: list[Document], out_dir: str, limit: int = 8) -> list[str]:
    lines = ["## Loaded wording", "", LOADED_NOTE, ""]
    ranked = sorted(
        ((score, doc, span) for doc in docs for span, score in doc.loaded_sentences if score > 0),
        key=lambda item: (-item[0], item[1].id, item[2].start),
    )[:limit]
    if ranked:
        lines += ["The most loaded sentences in the outlet's own voice:", ""]
        rows = []
        for score, doc, span in ranked:
            terms = [t for t in doc.loaded_terms if span.contains(t.span) and not t.quoted]
            shown = [t for t in terms if t.counted]
            parts = [", ".join(f"{escape(t.text)} ({escape(t.category)})" for t in shown)]
            for kinds, name in (
                (CERTAINTY, "certainty marker"),
                ({"judgement"}, "plain judgement word"),
            ):
                n = sum(1 for t in terms if t.category in kinds)
                if n:
                    parts.append(f"{n} {name}{'s' if n > 1 else ''}")
            uncounted = [t for t in terms if t.category in COUNTED and not t.counted]
            if uncounted:  # offences, catenative verbs, intensifiers that boost no loaded word
                parts.append("not counted: " + ", ".join(escape(t.text) for t in uncounted))
            listed = "; ".join(p for p in parts if p)
            rows.append(
                [
                    ref(doc, span, out_dir=out_dir),
                    fmt(score, 2),
                    listed,
                    excerpt(doc.text[span.start : span.end], 110),
                ]
            )
        lines += table(["Where", "Score", "Terms", "Sentence"], rows)
    else:
        lines.append("No loaded terms in the outlet's own voice.")
    quoted = [(doc, t) for doc in docs for t in doc.loaded_terms if t.quoted]
    if quoted:
        lines += [
            "",
            "In quotations (the speakers' words): "
            + ", ".join(
                f"{escape(t.text)} ({ref(doc, t.span, out_dir=out_dir)})" for doc, t in quoted
            ),
        ]
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
