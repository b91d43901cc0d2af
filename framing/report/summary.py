"""The plain sentences at the top of each outlet's report, written from the figures below them.

Each sentence states a figure and, where it helps, how the outlet compares with the others; the
sections that follow hold the evidence.  Sentences are left out when their figure is empty.
"""

from __future__ import annotations

import math
from collections import Counter

from framing.records import Analysis, Document, OutletStance
from framing.report.actors import HIDDEN, VOICES
from framing.report.compare import differing, left_out
from framing.report.text import escape, fmt
from framing.report.wording import outlet_documents, own_density, too_few_words

VERBS = tuple(v for v in VOICES if v != "nominal")


def _sources(analysis: Analysis, outlet: str) -> str | None:
    profile = next((p for p in analysis.sources if p.outlet == outlet), None)
    if profile is None or not profile.attributions:
        return None
    kinds = dict(profile.kinds)
    named = kinds.get("named", 0)
    sentence = (
        f"It cites sources {times(profile.attributions)}: {count(named, 'named person', 'named people')}, "
        f"{count(kinds.get('organisation', 0), 'organisation')} and "
        f"{count(kinds.get('unnamed', 0), 'unnamed source')}"
    )
    if kinds.get("document"):
        sentence += f", besides {count(kinds['document'], 'citation')} of documents"
    if not named:
        sentence += " (it quotes no named person)"
    if profile.speakers:
        top = profile.speakers[0]
        sentence += f"; most cited: {escape(top.speaker)} ({top.count})"
    return sentence + "."


def _labels(docs: list[Document]) -> str | None:
    negative = sorted(
        {
            (m.referent, m.label)
            for d in docs
            for m in d.labels
            if not m.quoted and m.connotation == "negative"
        }
    )
    if not negative:
        return None
    shown = "; ".join(
        f'"{escape(label)}" for {escape(referent)}' for referent, label in negative[:4]
    )
    return f"It uses negative labels in its own words: {shown}."


def _wording(analysis: Analysis, outlet: str) -> str:
    by_outlet = outlet_documents(analysis)
    density = {o: own_density(docs) for o, docs in by_outlet.items()}
    head = f"Loaded wording: {fmt(density[outlet])} loaded terms per 1,000 words of its own voice"
    few = too_few_words(by_outlet[outlet])
    if few is not None:
        return f"{head}, over only {few} words: too few to rank."
    ranked = [o for o in by_outlet if too_few_words(by_outlet[o]) is None]
    rank = sorted(ranked, key=lambda o: (-density[o], o)).index(outlet) + 1
    if len(ranked) == 1:
        return f"{head}."
    return f"{head}, {_rank(rank, len(ranked))} of {len(ranked)} outlets."


_ORDINALS = ("", "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def _rank(rank: int, of: int) -> str:
    """A rank in words: "the highest", "the third highest", "the lowest", "number 12"."""
    if rank == 1:
        return "the highest"
    if rank == of:
        return "the lowest"
    return f"the {_ORDINALS[rank]} highest" if rank < len(_ORDINALS) else f"number {rank}"


def times(n: int) -> str:
    """How often, in words: "once", "twice", "3 times", "no times"."""
    return {0: "no times", 1: "once", 2: "twice"}.get(n, f"{n} times")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun agreeing: "1 organisation", "3 organisations"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


# How far apart two outlet-level scores must be to tell them apart: Z standard errors of their
# difference (a two-sided test at about 95%; the errors are those of the mean mention score).
Z = 1.96


def _stance(analysis: Analysis, outlet: str) -> str | None:
    """The actor the outlet is most negative (or positive) toward, named only when its class is
    negative (positive) and its score stands out from the next actor's by more than noise (Z);
    otherwise that none stands out."""
    mine = sorted(
        (st for st in analysis.outlet_stances if st.outlet == outlet and st.score is not None),
        key=lambda st: (st.score or 0.0, st.actor),
    )
    if not mine:
        return None
    parts = []
    if len(mine) == 1 or apart(mine[0], mine[1]):
        low = mine[0]
        if low.label == "negative":
            parts.append(f"most negative toward {escape(low.actor)} ({fmt(low.score or 0.0, 2)})")
    if len(mine) == 1 or apart(mine[-1], mine[-2]):
        high = mine[-1]
        if high.label == "positive":
            parts.append(f"most positive toward {escape(high.actor)} ({fmt(high.score or 0.0, 2)})")
    counted = f"{len(mine)} actor{'s' if len(mine) != 1 else ''} named twice or more"
    if not parts:
        return f"Stance: no actor stands out from the others ({counted})."
    return f"Stance: {'; '.join(parts)} ({counted})."


def apart(one: OutletStance, other: OutletStance) -> bool:
    """Two outlet-level scores further apart than noise explains (Z standard errors)."""
    gap = abs((one.score or 0.0) - (other.score or 0.0))
    return gap > Z * math.hypot(one.error, other.error)


def _agency(docs: list[Document]) -> str | None:
    harms = [h for d in docs for h in d.harms if not h.quoted]
    verbs = [h for h in harms if h.voice in VERBS]
    if not harms:
        return None
    doers = Counter(h.doer for h in harms if h.doer)
    sentence = f"Agency: {len(harms)} harm word{'s' if len(harms) != 1 else ''}"
    if verbs:
        hidden = sum(h.voice in HIDDEN for h in verbs)
        sentence += f"; the doer is hidden in {hidden} of {len(verbs)} harm verbs"
    if doers:
        top, count = min(doers.items(), key=lambda kv: (-kv[1], kv[0]))
        sentence += f"; shown harming most: {escape(top)} ({count})"
    return sentence + "."


def _facts(analysis: Analysis, docs: list[Document]) -> str | None:
    mine = {d.id for d in docs}
    differ = [f for f in analysis.facts if differing(f, mine)]
    # only figures one event, label or named payment ties are said to conflict (``Fact.tied``);
    # the others are counted, for the reader to check in the table
    conflicts = [f for f in differ if f.tied]
    loose = [f for f in differ if not f.tied]
    # only omissions framing is sure of are said; the others are counted, for the reader to check
    made = left_out(analysis, docs[0].outlet)
    left = sorted({o.what for o in made if o.sure})
    unsure = sorted({o.what for o in made if not o.sure})
    parts = []
    if conflicts:
        examples = []
        for fact in conflicts[:3]:
            own = next(v for v in fact.values if v.doc in mine)
            others = [v.text for v in differing(fact, mine)]
            examples.append(
                f"{escape(fact.what)}: {escape(own.text)} against {escape('; '.join(others))}"
            )
        parts.append(
            f"Its numbers differ from other outlets' on {len(conflicts)} "
            f"fact{'s' if len(conflicts) != 1 else ''} ({' / '.join(examples)})"
        )
    if loose:
        whats = ", ".join(escape(f.what) for f in loose)
        parts.append(
            f"1 {'more ' if conflicts else ''}of its figures differs from another outlet's that "
            f"counts the same thing ({whats}), which may be another fact: check it in the facts "
            "table"
            if len(loose) == 1
            else f"{len(loose)} {'more ' if conflicts else ''}of its figures differ from other "
            f"outlets' that count the same things ({whats}), which may be other facts: check "
            "them in the facts table"
        )
    if left:
        parts.append(
            f"it leaves out {', '.join(escape(w) for w in left)}, which most articles report"
        )
    if unsure:
        parts.append(
            f"{'it' if not left else 'and it'} may leave out "
            f"{count(len(unsure), 'more figure' if left else 'figure')} most articles give "
            f"({', '.join(escape(w) for w in unsure)}), where framing cannot be sure: check "
            f"{'it' if len(unsure) == 1 else 'them'} in the omissions table"
        )
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def sentences(analysis: Analysis, outlet: str) -> list[str]:
    docs = [d for d in analysis.documents if d.outlet == outlet]
    found = [
        _sources(analysis, outlet),
        _labels(docs),
        _wording(analysis, outlet),
        _stance(analysis, outlet),
        _agency(docs),
        _facts(analysis, docs),
    ]
    return [s for s in found if s]


def section(analysis: Analysis, outlet: str) -> list[str]:
    return ["## Summary", "", *(f"- {s}" for s in sentences(analysis, outlet))]
