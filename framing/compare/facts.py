"""Facts across outlets: the same numeric claim in several documents, and where values differ.

Two quantities in different documents are scored as the same fact (``_score``):
- they must have the same unit (a percentage of a known whole counts as people: 90% of two
  million displaced is 1.8 million displaced) and the same event (killed, released, held; or both
  none);
- they gain for the same referent of a label on the counted words ("detainees" and "prisoners"
  are both people held by a state, from ``lexicons/labels.toml``); they gain for the same counted word, for similar sentences (TF-IDF cosine), and for
  values of the same order of magnitude, and lose for values far apart.

Pairs scoring at least THRESHOLD are joined best first, never putting two quantities of one
document in one fact (one value per document per fact).  A fact's status is conflict when its
documents' values differ (a vague "tens of thousands" conflicts with no value it admits), agree
otherwise, single when one document reports it.  Facts are sorted by what they count, so the
output is the same bytes every run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from framing.records import Document, Fact, FactValue, Omission, Quantity

MAX_BLOCK = 2000  # items compared pair by pair at most (2 million pairs)
THRESHOLD = 2.5  # chosen with the sample facts and ECB+ (evaluation/ecb.py); see the README


@dataclass(frozen=True, slots=True)
class _Item:
    doc: str
    quantity: Quantity
    unit: str | None
    value: float | None  # the value compared: a share of a whole is turned into a count
    low: float | None
    high: float | None
    referent: str | None
    words: frozenset[str]


def _items(documents: Sequence[Document]) -> list[_Item]:
    items = []
    for doc in documents:
        for q in doc.quantities:
            if q.quoted or (q.event is None and q.counted is None):
                continue  # a bare number ("thousands") or a speaker's number is no fact
            unit, value, low, high = q.unit, q.value, q.low, q.high
            if unit == "percent" and q.base and value is not None:
                unit, value = "people", value * q.base / 100
                low = value if q.low is not None else None
                high = value if q.high is not None else None
            referent = next(
                (m.referent for m in doc.labels if m.span.overlaps(q.span) and not m.quoted),
                None,
            )
            sentence = doc.text[q.sentence.start : q.sentence.end] if q.sentence else q.text
            words = frozenset(w for w in _tokens(sentence) if len(w) > 3)
            items.append(_Item(doc.id, q, unit, value, low, high, referent, words))
    return items


def _tokens(text: str) -> list[str]:
    return "".join(c.lower() if c.isalnum() else " " for c in text).split()


def _magnitude(a: _Item, b: _Item) -> float | None:
    x = a.value if a.value is not None else a.low
    y = b.value if b.value is not None else b.low
    if not x or not y:
        return None
    return max(x, y) / min(x, y)


def _score(a: _Item, b: _Item) -> float | None:
    if a.doc == b.doc or a.unit != b.unit or a.quantity.event != b.quantity.event:
        return None
    score = 2.0 if a.quantity.event else 0.0
    if a.referent and b.referent:
        # Different labels are no evidence against: one outlet's "soldiers" are another's
        # "hostages", and that difference is what framing exists to show.
        score += 2.0 if a.referent == b.referent else 0.0
    if a.quantity.counted and a.quantity.counted == b.quantity.counted:
        score += 1.0
    union = len(a.words | b.words)
    score += 2.0 * len(a.words & b.words) / union if union else 0.0
    ratio = _magnitude(a, b)
    if ratio is not None:
        score += 0.5 if ratio <= 3 else -1.0 if ratio > 20 else 0.0
    return score


def _differ(values: Sequence[_Item]) -> bool:
    exact = {v.value for v in values if v.value is not None}
    if len(exact) > 1:
        return True
    for v in values:
        if v.value is None and v.low is not None and any(x < v.low for x in exact):
            return True
    return False


def _what(group: Sequence[_Item]) -> str:
    abouts = Counter(i.quantity.about or i.quantity.text for i in group)
    about = min(abouts, key=lambda a: (-abouts[a], a))
    unit = group[0].unit
    if unit in {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}:
        counted = group[0].quantity.counted or "period"
        return f"length of the {counted}, in {unit}"
    return about


def _note(group: Sequence[_Item], dates: dict[str, str | None]) -> str | None:
    if len(group) < 2:
        return None
    known = sorted({d for i in group if (d := dates.get(i.doc))})
    if not known:
        return "reporting dates unknown: values may differ with time"
    if len(known) < len({i.doc for i in group}):
        return "reporting dates unknown for some documents: values may differ with time"
    if len(known) > 1:
        return f"reported on different dates ({', '.join(known)}): values may differ with time"
    return None


def _blocks(items: Sequence[_Item]) -> list[list[int]]:
    """Indices of the items that can be one fact: the same unit and event (``_score`` requires
    both), split again by the counted word when a block is large, so a corpus of thousands of
    articles is not compared pair by pair across unrelated numbers.  Past MAX_BLOCK items with
    one counted word the rest stay unaligned (single): a limit to lift with story clustering."""
    blocks: dict[tuple[str | None, str | None], list[int]] = {}
    for i, item in enumerate(items):
        blocks.setdefault((item.unit, item.quantity.event), []).append(i)
    result = []
    for block in blocks.values():
        if len(block) <= MAX_BLOCK:
            result.append(block)
            continue
        by_word: dict[str | None, list[int]] = {}
        for i in block:
            by_word.setdefault(items[i].quantity.counted, []).append(i)
        result += [b[:MAX_BLOCK] if len(b) > MAX_BLOCK else b for b in by_word.values()]
    return result


def align(documents: Sequence[Document], *, threshold: float = THRESHOLD) -> tuple[Fact, ...]:
    """Group the documents' quantities into facts (see the module docstring)."""
    items = _items(sorted(documents, key=lambda d: d.id))
    pairs = []
    for block in _blocks(items):
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                score = _score(items[i], items[j])
                if score is not None and score >= threshold:
                    pairs.append((-score, i, j))
    # Best pairs first; ties by position, so the result never depends on anything but the input.
    pairs.sort()
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if {items[k].doc for k in members[gi]} & {items[k].doc for k in members[gj]}:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    dates = {d.id: d.date for d in documents}
    facts = []
    for indices in members.values():
        group = sorted((items[k] for k in indices), key=lambda it: (it.doc, it.quantity.span))
        if len(group) == 1 and group[0].quantity.event is None:
            continue  # a lone number with no event is not worth a row
        status = "single" if len(group) == 1 else "conflict" if _differ(group) else "agree"
        values = tuple(
            FactValue(
                doc=i.doc,
                value=i.value,
                low=i.low,
                high=i.high,
                qualifier=i.quantity.qualifier,
                text=i.quantity.text,
                span=i.quantity.span,
            )
            for i in group
        )
        facts.append((_what(group), group[0].unit, values, status, _note(group, dates)))
    facts.sort(key=lambda f: (-len(f[2]), f[0], f[2][0].doc, f[2][0].span))
    return tuple(
        Fact(f"fact-{n:03d}", what, unit, values, status, note)
        for n, (what, unit, values, status, note) in enumerate(facts, 1)
    )


def omissions(facts: Sequence[Fact], doc_ids: Sequence[str]) -> tuple[Omission, ...]:
    """Facts that most documents report (more than half of them, and at least two) and one
    leaves out."""
    found = []
    for fact in facts:
        covered = sorted({v.doc for v in fact.values})
        if len(covered) < 2 or 2 * len(covered) <= len(doc_ids):
            continue
        found += [
            Omission(doc=doc, what=fact.what, covered_by=tuple(covered))
            for doc in sorted(doc_ids)
            if doc not in covered
        ]
    return tuple(found)
