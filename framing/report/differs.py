"""'What differs': the few sentences that open an index, each written from the findings with the
strongest evidence and linked to it.

The kinds, in this order, each with its cap:
- figures that conflict (a fact whose outlets give different values), the facts most outlets
  report first;
- a label only one outlet uses, in its own voice, for a referent others name too;
- an outlet that quotes no named person, or hears one side only where others hear more;
- an outlet whose own-voice loaded density stands out (over STANDS_OUT times the others'
  median; outlets under the small-sample threshold are not ranked);
- stance toward a central actor (one of the CENTRAL most mentioned that every outlet names) that
  differs between outlets beyond noise (the class differs and the scores are apart by more than
  Z standard errors, ``summary.apart``);
- a fact most articles report and one leaves out.
A kind with nothing to say says so when fewer than MIN_SENTENCES sentences were found, so the
section never reads as if nothing was checked.  Sentences are plain English; nothing is said
that a finding does not support.
"""

from __future__ import annotations

import math
import re
from statistics import median

from framing.records import Analysis, Document, Fact, FactValue, OutletStance
from framing.report.summary import apart, count, times
from framing.report.text import escape, fmt, ref
from framing.report.wording import outlet_documents, own_density, too_few_words

MIN_SENTENCES = 4
MAX_SENTENCES = 8
# An outlet's own-voice loaded density stands out when it is at least this many times the median
# of the other outlets' (and they are at least two): half as much again is a difference a reader
# notices in the text, not a rounding of the same habit.
STANDS_OUT = 1.5
CONFLICTS, LABELS, SOURCES, OMISSIONS = 3, 2, 2, 2
SHARES = {"percent", "point", "margin of error"}
# An outlet's loaded wording stands out only when its own terms number at least MIN_TERMS and
# exceed what the others' median rate would give it by two Poisson standard deviations: three
# terms against one is noise.
MIN_TERMS = 5
# Stance is said only of the CENTRAL most mentioned actors every outlet names, each outlet with
# MIN_MENTIONS own-voice mentions or more (two mentions make no mean to compare).
CENTRAL = 3
MIN_MENTIONS = 3


def section(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    """The "What differs" section of an index: its heading and its sentences as a list."""
    found = sentences(analysis, slugs, out_dir)
    return ["## What differs", "", *(f"- {s}" for s in found), ""]


def sentences(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    docs = {d.id: d for d in analysis.documents}
    outlets = sorted({d.outlet for d in analysis.documents})
    if len(outlets) < 2:
        return ["Only one outlet is in this report: there is nothing to compare."]
    no_figure = "No figure differs between the outlets."
    if any(f.status == "conflict" for f in analysis.facts):
        no_figure = (
            "No exact figure of a count or an amount differs between the outlets (shares, poll "
            "leads and vague counts that do are in the facts table)."
        )
    kinds = [
        (_conflicts(analysis, docs, out_dir), no_figure),
        (_labels(analysis, docs, out_dir), "No outlet alone uses a label for a shared referent."),
        (_sources(analysis, slugs), "No outlet that cites three sources or more quotes no named person or hears one side only."),
        (_wording(analysis, slugs), "No outlet's loaded wording stands out from the others'."),
        (_stance(analysis, slugs), "No outlet's stance toward an actor differs from another's beyond noise."),
        (_omissions(analysis, docs, out_dir), "No outlet leaves out a fact most articles report."),
    ]  # fmt: skip
    found = [s for said, _ in kinds for s in said][:MAX_SENTENCES]
    for said, none in kinds:
        if len(found) >= MIN_SENTENCES:
            break
        if not said:
            found.append(none)
    return found


def _link(outlet: str, slugs: dict[str, str]) -> str:
    """The outlet's name, linked to its page."""
    return f"[{escape(outlet)}]({slugs[outlet]}.md)"


def _given(value: FactValue, docs: dict[str, Document], out_dir: str) -> str:
    """One outlet's figure, with its evidence: "Outlet 58 hostages ([doc:7](...))"."""
    doc = docs[value.doc]
    return f"{escape(doc.outlet)} {escape(value.text)} ({ref(doc, value.span, out_dir=out_dir)})"


def _conflicts(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    # shares and leads (percent, points) are left out: a reader's audit of poll stories found
    # most of their rows mixing candidates or races (README, facts); so are vague values
    # ("thousands"), whose rows are the weakest kind
    rows = [
        f
        for f in analysis.facts
        if f.status == "conflict"
        and f.unit not in SHARES
        and all(v.value is not None for v in f.values)
    ]
    # strongest first: the most outlets giving an exact figure ("58 hostages", not "over 30,000"
    # or "tens of thousands"), then the most outlets
    rows.sort(
        key=lambda f: (
            -len({docs[v.doc].outlet for v in f.values if v.value is not None and not v.qualifier}),
            -len({docs[v.doc].outlet for v in f.values}),
            f.what,
            f.id,
        )
    )
    said = []
    for fact in rows:
        shown = _one_per_outlet(fact, docs)
        if len({_amount(v) for v in shown}) < 2:
            continue
        parts = [_given(v, docs, out_dir) for v in shown]
        said.append(f"**Figures differ** on {escape(fact.what)}: {_join(parts, 'against')}.")
        if len(said) == CONFLICTS:
            break
    return said


def _amount(value: FactValue) -> object:
    return value.value if value.value is not None else value.text


def _one_per_outlet(fact: Fact, docs: dict[str, Document]) -> list[FactValue]:
    """The first value each outlet gives, outlets in order."""
    first: dict[str, FactValue] = {}
    for v in sorted(fact.values, key=lambda v: (docs[v.doc].outlet, v.doc, v.span)):
        first.setdefault(docs[v.doc].outlet, v)
    return list(first.values())


def _join(parts: list[str], word: str) -> str:
    return f" {word} ".join([parts[0], "; ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def _labels(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    said = []
    for row in analysis.labels:
        by_outlet: dict[str, set[str]] = {}
        for doc_id, labels in row.by_doc:
            by_outlet.setdefault(docs[doc_id].outlet, set()).update(labels)
        if len(by_outlet) < 2:
            continue
        for outlet in sorted(by_outlet):
            others = set().union(*(v for o, v in by_outlet.items() if o != outlet))
            if by_outlet[outlet] & others:
                # it also uses the others' word for the referent: its own word is no substitute
                # and may name another group ("protesters" here, a "mob" around a candidate there)
                continue
            for label in sorted(by_outlet[outlet] - others):
                first = next(
                    (doc, m)
                    for doc_id, _ in row.by_doc
                    for doc in [docs[doc_id]]
                    if doc.outlet == outlet
                    for m in doc.labels
                    if m.label == label and m.referent == row.referent and not m.quoted
                )
                doc, mention = first
                if mention.connotation == "neutral":
                    continue  # a neutral word of one's own is style, not a frame
                said.append(
                    f"**Only {escape(outlet)}** calls {escape(row.referent)} "
                    f'"{escape(label)}" ({escape(mention.connotation)}, '
                    f"{ref(doc, mention.span, out_dir=out_dir)}); the others say "
                    f"{', '.join(chr(34) + escape(o) + chr(34) for o in sorted(others))}."
                )
    return said[:LABELS]


def _sources(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    said = []
    sided = {p.outlet: {s for s, n in p.sides if n and s != "unknown"} for p in analysis.sources}
    for profile in analysis.sources:
        link = _link(profile.outlet, slugs)
        kinds = dict(profile.kinds)
        if profile.attributions >= 3 and not kinds.get("named"):
            cited = [
                f"{_KINDS.get(kind, kind + 's')} {times(n)}"
                for kind, n in sorted(kinds.items())
                if n and kind != "named"
            ]
            said.append(f"**{link} quotes no named person**: it cites {_and(cited)}.")
        mine = sided[profile.outlet]
        wider = [o for o, s in sided.items() if o != profile.outlet and len(s) >= 2]
        heard = dict(profile.sides)
        # one side only when that side is most of whom it cites, not one tagged voice among many
        # untagged ones (a White House adviser with no party tag is no side the text names)
        if profile.attributions >= 3 and len(mine) == 1 and wider:
            (side,) = mine
            if 2 * heard[side] < profile.attributions:
                continue
            said.append(
                f"**{link} hears one side only** ({escape(side)}), where "
                f"{count(len(wider), 'other outlet')} {'hears' if len(wider) == 1 else 'hear'} two "
                "or more."
            )
    return said[:SOURCES]


_KINDS = {"organisation": "organisations", "unnamed": "unnamed sources", "document": "documents"}


def _and(parts: list[str]) -> str:
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _wording(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    by_outlet = outlet_documents(analysis)
    ranked = {o: own_density(d) for o, d in by_outlet.items() if too_few_words(d) is None}
    if len(ranked) < 3:
        return []
    top = max(sorted(ranked), key=lambda o: ranked[o])
    rest = [v for o, v in ranked.items() if o != top]
    middle = median(rest)
    words = sum(d.voice_words for d in by_outlet[top])
    terms = ranked[top] * words / 1000
    expected = middle * words / 1000
    if (
        middle <= 0
        or ranked[top] < STANDS_OUT * middle
        or terms < MIN_TERMS
        or terms < expected + 2 * math.sqrt(expected)
    ):
        return []
    return [
        f"**{_link(top, slugs)} uses the most loaded wording** in its own voice: "
        f"{fmt(ranked[top])} loaded terms per 1,000 words, against a median of {fmt(middle)} "
        f"in the other {count(len(rest), 'outlet')}."
    ]


def _stance(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    by_actor: dict[str, list[OutletStance]] = {}
    for st in analysis.outlet_stances:
        if st.score is not None and st.mentions >= MIN_MENTIONS:
            by_actor.setdefault(st.actor, []).append(st)
    # the story's central actors: named by every outlet, the most mentioned first (a judge or an
    # aide named in passing is no measure of how an outlet treats the story's people)
    outlets = {d.outlet for d in analysis.documents}
    total = {a: sum(st.mentions for st in rows) for a, rows in by_actor.items()}
    central = sorted(
        (a for a, rows in by_actor.items() if {st.outlet for st in rows} == outlets),
        key=lambda a: (-total[a], a),
    )[:CENTRAL]
    central = [a for a in central if not _mostly_speaking(analysis, a)]
    best = None
    for actor in sorted(central):
        rows = by_actor[actor]
        for i, one in enumerate(rows):
            for other in rows[i + 1 :]:
                if one.label == other.label or not apart(one, other):
                    continue
                key = (-(one.mentions + other.mentions), actor, one.outlet, other.outlet)
                if best is None or key < best[0]:
                    best = (key, actor, one, other)
    if best is None:
        return []
    _, actor, one, other = best
    low, high = sorted((one, other), key=lambda st: st.score or 0.0)
    return [
        f"**Stance toward {escape(actor)} differs**: the coverage of {_link(low.outlet, slugs)} "
        f"reads {low.label} ({fmt(low.score or 0.0, 2)}), that of {_link(high.outlet, slugs)} "
        f"{high.label} ({fmt(high.score or 0.0, 2)}), a gap beyond what noise explains."
    ]


def _mostly_speaking(analysis: Analysis, actor: str) -> bool:
    """Whether most of the actor's own-voice mentions name them as the source of what a sentence
    says ("Kudlow said"): the words around the name are then the actor's own, and their tone no
    measure of how the outlet treats the actor."""
    named = speaking = 0
    for doc in analysis.documents:
        sources = [a.source.span for a in doc.attributions if a.source is not None]
        for stance in doc.stance:
            if stance.actor != actor:
                continue
            for mention in stance.details:
                if mention.quoted:
                    continue
                named += 1
                speaking += any(mention.span.overlaps(s) for s in sources)
    return 2 * speaking > named


def _omissions(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    total = len(analysis.documents)
    said = []
    for omission in sorted(analysis.omissions, key=lambda o: (-len(o.covered_by), o.what, o.doc)):
        fact = next(
            (
                f
                for f in analysis.facts
                if f.what == omission.what and {v.doc for v in f.values} >= set(omission.covered_by)
            ),
            None,
        )
        # only a row whose values agree, all of them numbers of a named unit and none a share or
        # a lead (the rows a reader's audit found mixed), is surely one fact to leave out
        if (
            fact is None
            or fact.status != "agree"
            or fact.unit in SHARES
            or fact.unit is None
            or any(v.value is None for v in fact.values)
        ):
            continue
        given = [_given(v, docs, out_dir) for v in _one_per_outlet(fact, docs)]
        what = f" ({escape(fact.what)})" if re.search(r"[a-z]{3}", fact.what.lower()) else ""
        said.append(
            f"**{escape(docs[omission.doc].outlet)} leaves out a figure** that "
            f"{len(omission.covered_by)} of the {total} articles give{what}: {'; '.join(given)}."
        )
    return said[:OMISSIONS]
