"""Report sections comparing outlets: facts, omissions, exclusives, shared claims, vocabulary."""

from __future__ import annotations

from framing.records import Analysis, ClaimText, Document, Fact, FactValue, Omission
from framing.report.text import escape, excerpt, fmt, ref, table

MAX_CLAIMS = 8

FACTS_NOTE = (
    "Numbers that several articles give for the same thing, lined up (counted words and events "
    "from `lexicons/facts.tsv` and `lexicons/numbers.tsv`, labels from `lexicons/labels.toml`). "
    "**conflict**: the values differ. A share of a known whole is shown as a count (90% of two "
    "million: 1.8 million). Values may differ because articles were written on different days: "
    "the note says when dates differ or are unknown."
)
VOCABULARY_NOTE = (
    "Words each outlet uses more than the others: Fightin' Words z-scores (Monroe, Colaresi and "
    "Quinn 2008; log-odds with an informative Dirichlet prior), 1.96 or more, used at least "
    "twice; in brackets the z-score, this outlet's uses and the others'."
)


# Large amounts are read as words ("1.4 trillion"), not as thirteen digits.
_LARGE = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(value: float) -> str:
    """``1_400_000_000_000`` -> "1.4 trillion"; ``54000`` -> "54,000"; ``2.5`` -> "2.50"."""
    for size, word in _LARGE:
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _value(v: FactValue) -> str:
    if v.value is None:
        return escape(v.text)
    shown = amount(v.value)
    return f"{shown} ({escape(v.text)})" if v.text.split()[0] != shown else escape(v.text)


def _docs(analysis: Analysis) -> dict[str, Document]:
    return {d.id: d for d in analysis.documents}


def _cell(doc: Document, value: FactValue, out_dir: str) -> str:
    return f"{_value(value)} {ref(doc, value.span, out_dir=out_dir)}"


def facts_section(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    lines = ["## Facts across outlets", "", FACTS_NOTE, ""]
    shared = [f for f in analysis.facts if f.status != "single"]
    if not shared:
        return [*lines, "No number is reported by more than one article.", ""]
    docs = _docs(analysis)
    outlets = sorted(slugs)
    rows = []
    for fact in shared:
        cells = []
        for outlet in outlets:
            mine = [v for v in fact.values if docs[v.doc].outlet == outlet]
            cells.append("; ".join(_cell(docs[v.doc], v, out_dir) for v in mine) or "\u2014")
        status = "**conflict**" if fact.status == "conflict" else fact.status
        rows.append([escape(fact.what), status, *cells])
    header = ["Fact", "Status", *(f"[{escape(o)}]({slugs[o]}.md)" for o in outlets)]
    lines += table(header, rows)
    notes = sorted({f.note for f in shared if f.note})
    lines += ["", *(f"Note: {escape(n)}." for n in notes)]
    return [*lines, ""]


def _evidence(docs: dict[str, Document], claim: ClaimText, out_dir: str, limit: int = 110) -> str:
    doc = docs[claim.doc]
    return f"{ref(doc, claim.span, out_dir=out_dir)} {excerpt(claim.text, limit)}"


def left_out(analysis: Analysis, outlet: str) -> list[Omission]:
    """The omissions of the outlet's articles that the outlet makes: a fact one of its articles
    leaves out and another of its articles gives is not left out by the outlet (a run may hold
    an outlet's several articles on one story)."""
    ids = {d.id: d.outlet for d in analysis.documents}
    return [
        o
        for o in analysis.omissions
        if ids[o.doc] == outlet and all(ids[d] != outlet for d in o.covered_by)
    ]


def omissions_section(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    lines = ["## What each outlet leaves out, and what only one reports", ""]
    docs = _docs(analysis)
    rows = []
    for outlet in sorted(slugs):
        mine = {d.id for d in analysis.documents if d.outlet == outlet}
        left = sorted({(not o.sure, o.what) for o in left_out(analysis, outlet)})
        alone = [e for e in analysis.exclusives if e.doc in mine and e.kind != "claim"]
        rows.append(
            [
                f"[{escape(outlet)}]({slugs[outlet]}.md)",
                ", ".join(escape(w) + (" (unsure)" if unsure else "") for unsure, w in left)
                or "\u2014",
                "; ".join(
                    f"{escape(e.what)} ({ref(docs[e.doc], e.evidence.span, out_dir=out_dir)})"
                    for e in alone
                )
                or "\u2014",
            ]
        )
    lines.append(
        'Left out: facts that more than half of the articles report; "unsure" where framing '
        "cannot tell that the figures are one fact, or that the outlet does not give the figure "
        "in other words (its page says why). Only "
        "here: numbers and actors no other article has; each outlet's page also lists the "
        "sentences no other article matches."
    )
    lines.append("")
    lines += table(["Outlet", "Leaves out", "Only here (facts and actors)"], rows)
    return [*lines, ""]


def claims_section(analysis: Analysis, out_dir: str) -> list[str]:
    lines = ["## The same events in each outlet's words", ""]
    if not analysis.claims:
        return [*lines, "No sentence is matched across articles.", ""]
    lines.append(
        "Sentences in different articles that report the same thing (TF-IDF similarity plus "
        "shared actors), most widely reported first. *Shared wording*: near-identical text."
    )
    docs = _docs(analysis)
    for claim in analysis.claims[:MAX_CLAIMS]:
        shared = ", shared wording" if claim.shared_wording else ""
        lines += ["", f"{claim.id} (similarity {fmt(claim.similarity, 2)}{shared}):", ""]
        lines += [
            f"- {escape(docs[t.doc].outlet)}: {_evidence(docs, t, out_dir)}"
            for t in claim.sentences
        ]
    if analysis.shared_quotes:
        lines += ["", "Quotations found in more than one article:", ""]
        for quote in analysis.shared_quotes:
            uses = ", ".join(ref(docs[u.doc], u.span, out_dir=out_dir) for u in quote.uses)
            who = f" ({escape(quote.speaker)})" if quote.speaker else ""
            lines.append(f"- {excerpt(quote.text, 100)}{who}: {uses}")
    return [*lines, ""]


def vocabulary_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Distinctive vocabulary", "", VOCABULARY_NOTE, ""]
    if not analysis.vocabulary:
        return [*lines, "One outlet only: nothing to compare.", ""]
    rows = [
        [
            f"[{escape(v.outlet)}]({slugs[v.outlet]}.md)",
            ", ".join(f"{escape(w.word)} ({fmt(w.z)}; {w.count}/{w.others})" for w in v.words)
            or "\u2014",
        ]
        for v in analysis.vocabulary
        if v.outlet in slugs
    ]
    lines += table(["Outlet", "Words"], rows)
    return [*lines, ""]


def differing(fact: Fact, mine: set[str]) -> list[FactValue]:
    """The other documents' values of a conflicting fact that differ from every value of
    ``mine`` (an outlet's documents): an outlet that agrees with one side of a conflict is not
    shown differing from its own value."""
    own = {(v.value, v.low, v.high) for v in fact.values if v.doc in mine}
    if fact.status != "conflict" or not own:
        return []
    return [v for v in fact.values if v.doc not in mine and (v.value, v.low, v.high) not in own]


def _differs(fact: Fact, mine: set[str]) -> bool:
    return bool(differing(fact, mine))


def outlet_section(analysis: Analysis, outlet: str, out_dir: str) -> list[str]:
    """An outlet's facts that differ from the others', what it leaves out, what only it has."""
    docs = _docs(analysis)
    mine = {d.id for d in analysis.documents if d.outlet == outlet}
    lines = ["## Facts where this outlet differs", ""]
    conflicts = [f for f in analysis.facts if _differs(f, mine)]
    if conflicts:
        rows = []
        for fact in conflicts:
            own = [v for v in fact.values if v.doc in mine]
            others = differing(fact, mine)
            rows.append(
                [
                    escape(fact.what),
                    "; ".join(_cell(docs[v.doc], v, out_dir) for v in own),
                    "; ".join(
                        f"{escape(docs[v.doc].outlet)}: {_cell(docs[v.doc], v, out_dir)}"
                        for v in others
                    ),
                ]
            )
        lines += table(["Fact", "This outlet", "Others"], rows)
    else:
        lines.append("No number here conflicts with another article's.")
    left = sorted({(o.doubt, o.what, o.covered_by) for o in left_out(analysis, outlet)})
    lines += ["", "## What it leaves out", ""]
    lines += [
        f"- {escape(what)}: reported by {', '.join(escape(docs[d].outlet) for d in covered)}"
        + (f" (framing cannot be sure: {escape(doubt)})" if doubt else "")
        for doubt, what, covered in left
    ] or ["Nothing that most other articles report."]
    alone = [e for e in analysis.exclusives if e.doc in mine]
    lines += ["", "## Only this outlet", ""]
    lines += [
        f"- {escape(e.kind)}: {escape(e.what)}: {_evidence(docs, e.evidence, out_dir)}"
        for e in alone
    ] or ["Nothing that no other article has."]
    vocabulary = next((v for v in analysis.vocabulary if v.outlet == outlet), None)
    lines += ["", "## Distinctive vocabulary", "", VOCABULARY_NOTE, ""]
    words = vocabulary.words if vocabulary else ()
    lines.append(
        ", ".join(f"{escape(w.word)} ({fmt(w.z)}; {w.count}/{w.others})" for w in words)
        or "No word stands out."
    )
    return [*lines, ""]
