"""One article as an HTML page: the text as read, page chrome greyed and labelled, and every
finding marked where it stands.

Each finding is one or more ``<mark data-kind="..." data-id="...">`` elements (a finding that
crosses a line, or overlaps another, is cut into pieces that share its ``data-id``), with a
``title`` giving the rule (the lexicon file and line, or the layout rule) and the finding.
Kinds: quote (what a source is quoted saying), attribution (the cue that cites the source),
loaded (a loaded term), label (a label for a referent), harm (a harm word), fact (a number),
actor (a mention of an actor whose stance is read).  Every character of the text is escaped;
bidirectional controls are shown as U+FFFD so they cannot reorder what follows.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from framing.records import Document, Span

KINDS = ("quote", "attribution", "loaded", "label", "harm", "fact", "actor")
SPEAKER_COLOURS = 8  # quotes are coloured by speaker, in turn (CSS classes sp0..sp7)

# Bidirectional embeddings, overrides and isolates reorder a line as a browser shows it; other
# control characters but line breaks and tabs are shown as the replacement character too.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Article text made inert in HTML: controls replaced (one character each, so offsets stay
    true), then escaped, quotes included."""
    return html.escape(_UNSAFE.sub("\ufffd", text), quote=True)


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str
    id: str
    span: Span
    title: str
    extra: str = ""  # more attributes, already escaped ("data-speaker=...")


def marks(doc: Document) -> list[Mark]:
    """Every finding of ``doc`` to mark, with its id (``kind-n``, in the order of the record)."""
    found: list[Mark] = []
    speakers = sorted({a.speaker or "" for a in doc.attributions})
    for n, a in enumerate(doc.attributions):
        who = a.speaker or (a.source.text if a.source else "unknown")
        rule = f" ({a.rule})" if a.rule else ""
        found.append(
            Mark("attribution", f"attribution-{n}", a.cue.span, f"{a.kind} source: {who}{rule}")
        )
        if a.direct:
            colour = speakers.index(a.speaker or "") % SPEAKER_COLOURS
            found.append(
                Mark(
                    "quote",
                    f"quote-{n}",
                    a.content.span,
                    f"quoted: {who}",
                    f'class="sp{colour}" data-speaker="{safe(who)}"',
                )
            )
    for n, t in enumerate(doc.loaded_terms):
        voice = "quoted" if t.quoted else "own voice"
        found.append(Mark("loaded", f"loaded-{n}", t.span, f"{t.category}, {voice} ({t.rule})"))
    for n, m in enumerate(doc.labels):
        found.append(
            Mark(
                "label",
                f"label-{n}",
                m.span,
                f"{m.referent}: {m.label} ({m.connotation}, {m.rule})",
            )
        )
    for n, h in enumerate(doc.harms):
        who = f"{h.doer or 'no doer'} harming {h.harmed or 'no one named'}"
        found.append(Mark("harm", f"harm-{n}", h.trigger.span, f"{h.voice}: {who} ({h.rule})"))
    for n, q in enumerate(doc.quantities):
        what = " ".join(w for w in (q.unit, q.event) if w) or "number"
        found.append(Mark("fact", f"fact-{n}", q.span, f"{what}: {q.text}"))
    n = 0
    for stance in doc.stance:
        for mention in stance.details:
            found.append(
                Mark("actor", f"actor-{n}", mention.span, f"{stance.actor}: {mention.label}")
            )
            n += 1
    return [m for m in found if 0 <= m.span.start < m.span.end <= len(doc.text)]


def body(doc: Document, found: list[Mark]) -> str:
    """The article's text, one ``<span class="line" id="Ln">`` per line, chrome greyed, and the
    findings ``found`` (``marks``) marked."""
    text = doc.text
    chrome = [(r.span, r.kind) for r in doc.chrome] if doc.chrome else []
    cuts = {0, len(text)}
    for m in found:
        cuts.update((m.span.start, m.span.end))
    for span, _ in chrome:
        cuts.update((max(0, span.start), min(len(text), span.end)))
    cuts.update(i + 1 for i, c in enumerate(text) if c == "\n")
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out = ['<span class="line" id="L1">']
    line = 1
    for start, end in itertools.pairwise(points):
        piece = text[start:end]
        newline = piece.endswith("\n")
        if newline:
            piece = piece[:-1]
        active = [m for m in found if m.span.start <= start and end <= m.span.end]
        regions = [kind for span, kind in chrome if span.start <= start and end <= span.end]
        inner = safe(piece)
        for m in sorted(active, key=lambda m: (KINDS.index(m.kind), m.id), reverse=True):
            extra = f" {m.extra}" if m.extra else ""
            inner = (
                f'<mark data-kind="{m.kind}" data-id="{m.id}" title="{safe(m.title)}"{extra}>'
                f"{inner}</mark>"
            )
        if regions and inner:
            inner = f'<span class="chrome" title="page chrome: {safe(regions[0])}">{inner}</span>'
        out.append(inner)
        if newline:
            line += 1
            out.append(f'\n</span><span class="line" id="L{line}">')
    out.append("</span>")
    return "".join(out)


def counts(found: list[Mark]) -> dict[str, int]:
    """How many findings of each kind ``found`` holds (what the browser tests count)."""
    counted: dict[str, int] = dict.fromkeys(KINDS, 0)
    for m in found:
        counted[m.kind] += 1
    return counted
