"""``framing explain FILE``: the article with every finding marked in place, and its source.

Each finding is a span of the text as read, marked ``[[words]]{n}`` where it stands; the list
below the text gives, for each ``n``, its line, what was found and the lexicon file and line
(``lexicons/loaded.tsv:123``) or the layout rule that produced it, so a user tuning lexicons sees
why a word was flagged.  Plain text, no colour: it is meant for a terminal, a pager or a file.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.records import Document, Span
from framing.report.text import line_of

EVIDENCE_SOURCE = (
    "stance model rule: the word's part in the learned model's score (framing/models/stance; "
    "lexicons/stance_model.tsv with --fast)"
)


@dataclass(frozen=True, slots=True)
class Finding:
    span: Span
    kind: str
    what: str
    source: str


def findings(doc: Document) -> list[Finding]:
    """Every finding of the document that has a place in the text, in text order."""
    found: list[Finding] = []
    for region in doc.chrome:
        found.append(Finding(region.span, "chrome", region.kind, region.rule))
    for a in doc.attributions:
        speaker = a.speaker or (a.source.text if a.source else "no one named")
        what = f"{'quote' if a.direct else 'report'} by {speaker} ({a.kind}, {a.connotation} cue)"
        found.append(Finding(a.cue.span, "attribution cue", what, a.rule or "attribution rule"))
    for t in doc.loaded_terms:
        voice = "a speaker's words" if t.quoted else "the outlet's voice"
        what = f"{t.category}, weight {t.weight:g}, {voice}"
        found.append(Finding(t.span, "loaded", what, t.rule or "wording rule"))
    for label in doc.labels:
        what = f"label '{label.label}' ({label.connotation}) for {label.referent}"
        found.append(Finding(label.span, "label", what, label.rule))
    for st in doc.stance:
        for m in st.details:
            for cue in m.cues:
                what = (
                    f"stance toward {st.actor}: {cue.valence:+.2f} (mention score {m.score:+.2f})"
                )
                found.append(Finding(cue.span, "stance cue", what, cue.rule))
            for word in m.evidence:
                what = (
                    f"moved the stance toward {st.actor} by {word.weight:+.2f} "
                    f"(mention score {m.score:+.2f})"
                )
                found.append(Finding(word.span, "stance evidence", what, EVIDENCE_SOURCE))
    for harm in doc.harms:
        doer = harm.doer or (harm.doer_text.text if harm.doer_text else "no doer")
        what = f"harm, {harm.voice}; doer: {doer}; harmed: {harm.harmed or 'not named'}"
        found.append(Finding(harm.trigger.span, "agency", what, harm.rule or "agency rule"))
    for q in doc.quantities:
        value = f"{q.value:g}" if q.value is not None else f"at least {q.low:g}" if q.low else "?"
        what = f"number {value} {q.unit or ''} ({q.about or 'what it counts unknown'})".strip()
        source = "spaCy number entity, read with lexicons/numbers.tsv and lexicons/facts.tsv"
        found.append(Finding(q.span, "quantity", what, source))
    return sorted(found, key=lambda f: (f.span.start, -f.span.end, f.kind, f.what))


def render(doc: Document) -> str:
    """The document text with markers, then the numbered findings.  Findings on the same words
    share one marker: ``[[rejects]]{1,2,3}``."""
    items = findings(doc)
    numbers: dict[Span, list[int]] = {}
    for n, item in enumerate(items, 1):
        numbers.setdefault(item.span, []).append(n)
    marks: list[tuple[int, int, int, str]] = []  # closers before openers; inner spans inside
    for span, ns in numbers.items():
        marks.append((span.start, 1, -span.end, "[["))
        marks.append((span.end, 0, -span.start, "]]{" + ",".join(map(str, ns)) + "}"))
    marks.sort()
    pieces, position = [], 0
    for offset, _, _, text in marks:
        pieces.append(doc.text[position:offset])
        pieces.append(text)
        position = offset
    pieces.append(doc.text[position:])
    lines = [f"# {doc.id} ({doc.outlet}): {len(items)} findings", "", "".join(pieces).rstrip()]
    lines += ["", "## Findings", ""]
    for n, item in enumerate(items, 1):
        words = " ".join(doc.text[item.span.start : item.span.end].split())
        if len(words) > 60:
            words = words[:57] + "..."
        lines.append(
            f'{{{n}}} line {line_of(doc.text, item.span.start)}, {item.kind}: "{words}" - '
            f"{item.what} - {item.source}"
        )
    return "\n".join(lines) + "\n"
