"""The loaded-wording parts of the markdown reports: the outlets' counted densities (index), and
each outlet's most loaded sentences; reading records only."""

from __future__ import annotations

from framing.records import (
    CERTAINTY,
    COUNTED,
    Analysis,
    Covered,
    Document,
    Span,
    loaded_density,
)
from framing.report.text import escape, excerpt, fmt, ref, table

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
    """Per category of ``kinds``, the outlet's own terms per 1,000 words of its own voice (the
    documents' terms together, as ``loaded_density`` makes one document's)."""
    words = sum(d.voice_words for d in docs)
    terms = [t for d in docs for t in d.loaded_terms]
    return {c: v for c, v in loaded_density(terms, words) if c in kinds}


# Fewer words of its own voice than this and an outlet's density is shown with its word count,
# marked, and not ranked: one loaded word in a 40-word teaser is 25 per 1,000 words.  At 150
# words a single term moves the density by 6.7 per 1,000, about a quarter of the samples'
# typical density (23 to 31).
MIN_VOICE_WORDS = 150


def too_few_words(docs: list[Document]) -> int | None:
    """The outlet's own-voice word count when it is under MIN_VOICE_WORDS, else None."""
    words = sum(d.voice_words for d in docs)
    return words if words < MIN_VOICE_WORDS else None


def outlet_documents(analysis: Analysis) -> dict[str, list[Document]]:
    """Each outlet's documents, outlets in order (what the density of an outlet is taken on)."""
    return {
        o: [d for d in analysis.documents if d.outlet == o]
        for o in sorted({d.outlet for d in analysis.documents})
    }


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
            "The story's topic vocabulary, not counted (loaded words every outlet uses, at rates "
            "within a factor of two of each other or in two outlets' headlines): "
            f"{shown}.",
            "",
        ]
    return lines


SCORE_NOTE = {
    "accurate": (
        "The score (0 to 1) is the mean of two ranks among a fixed set of news sentences: by the "
        "weights of the sentence's own loaded terms, plain judgement words included, and by a "
        "learned model's reading of its tone (trained on NewsSD-ENG sentences labelled subjective "
        "or objective). The model's half is left out of a sentence that is mostly quotation. "
        "A sentence without a counted term is listed from a score of 0.8, and only when at most "
        "half of it is what a source says and it reports no one's loaded word."
    ),
    "fast": "The score is the sum of the weights of the sentence's own loaded terms.",
}


# With the learned score, a sentence without a counted term is shown only from this score up.
# Read beside two BASIL stories (romney-akin, jackson-plea), the 28 such rows listed from 0.5 were
# 20 plain reports ("Jackson's guilty plea was to a conspiracy charge", 0.74): a court report's
# plain judgement words and a middling tone reach 0.5 to 0.78.  From 0.8, one row was left.
TONE = 0.8


# ... and only when most of it is the outlet's own words: read beside the NAACP story, the tone
# rows were sentences reporting an accusation ("accused tea party activists of tolerating
# bigotry"), the accuser's tone, not the outlet's.  (The score keeps the model's reading of
# reported speech: leaving it out there too lost BABE 0.767 -> 0.738 and BASIL 0.693 -> 0.669.)
OTHERS = 0.5


def _counted(doc: Document, span: Span) -> bool:
    return any(t.counted and not t.quoted and span.contains(t.span) for t in doc.loaded_terms)


def _shown(doc: Document, span: Span, score: float, others: Covered) -> bool:
    """Whether a sentence with the learned score is listed: with a counted term of the
    outlet's own, or on its tone alone (TONE) when others' words are at most OTHERS of it and
    it reports no one's loaded word (an accusation's: "disputed claims of racism")."""
    if _counted(doc, span):
        return True
    reports = any(t.reported and span.contains(t.span) for t in doc.loaded_terms)
    return score >= TONE and not reports and others.share(span.start, span.end) <= OTHERS


def loaded_sentences_section(
    docs: list[Document], out_dir: str, *, pipeline: str = "accurate", limit: int = 8
) -> list[str]:
    lines = ["## Loaded wording", "", LOADED_NOTE, ""]
    # the words of others in each document: what its sources say, quoted or reported
    others = {
        doc.id: Covered([a.content.span for a in doc.attributions if a.source is not None])
        for doc in docs
    }
    ranked = sorted(
        (
            (score, doc, span)
            for doc in docs
            for span, score in doc.loaded_sentences
            if score > 0 and (pipeline != "accurate" or _shown(doc, span, score, others[doc.id]))
        ),
        key=lambda item: (-item[0], item[1].id, item[2].start),
    )[:limit]
    if ranked:
        lines += [
            "The most loaded sentences in the outlet's own voice. " + SCORE_NOTE[pipeline],
            "",
        ]
        rows = []
        for score, doc, span in ranked:
            terms = [t for t in doc.loaded_terms if span.contains(t.span) and not t.quoted]
            shown = [t for t in terms if t.counted]
            parts = [
                ", ".join(f"{escape(t.text)} ({escape(t.category)})" for t in shown)
                if shown or pipeline != "accurate"
                else "tone, no single loaded word"
            ]
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
