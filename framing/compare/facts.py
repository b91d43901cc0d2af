"""Facts across outlets: the same numeric claim in several documents, and where values differ.

Two quantities in different documents are scored as the same fact (``_score``):
- they must have the same unit (a percentage of a known whole counts as people: 90% of two
  million displaced is 1.8 million displaced) and the same event (killed, released, held; or both
  none); a whole number of two different counted things is never one fact ("3 charges", "3
  devices"), while a measurement may be named by its unit or by what it measures;
- they gain for the same referent of a label on the counted words ("detainees" and "prisoners"
  are both people held by a state, from ``lexicons/labels.toml``), for a rare name beside two
  amounts of money ("over $8,000 at Harbour Motors", ``anchors``), for the same value, for the
  same counted word, for similar sentences, and for values of the same order of magnitude, and
  lose for values far apart.

Two documents' first figures of one event gain LEAD (news gives the main toll first, so a first
toll lines up with a first toll rather than with a later sub-count).

Pairs scoring at least THRESHOLD are joined best first, never giving a fact two values that
differ from one document (a repeated, rounded or admitted amount is one value) nor two events
(a number naming no event may join "killed" or "injured", never chain the two).  A fact's
status is conflict when its documents' values differ (``values.differ``): as amounts (3 months
and 90 days agree), a rounded value agreeing with the precise one it rounds, a bound with the
values its qualifier admits ("over $300" and "$313.89"), a vague "tens of thousands" with the
values its order of magnitude admits, a score only on both sides; agree otherwise, single when
one document reports it.  Facts are sorted by what they count, so the
output is the same bytes every run."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from framing.compare.anchors import anchors, key
from framing.compare.values import SPANS, Item, differ, rounded, same_value
from framing.records import Document, Fact, FactValue

STANDARD_UNITS = {"people", "money", "percent", "days", "weeks", "months", "years", None}
MAX_BLOCK = 2000  # items compared pair by pair at most (2 million pairs)
LEAD = 1.0  # bonus for two documents' first figures of one event (see _score)
# Two first figures further apart than this are not joined first (``_leads``): a toll reported
# early and late differs by tens of times ("one dead", later "24 dead"), while a background toll
# an article opens with ("230,000 killed" in an earlier disaster, "2 million" in a long war)
# differs from the event's by thousands.
LEAD_RATIO = 50
THRESHOLD = 2.5  # chosen with the sample facts and ECB+ (evaluation/ecb.py); see the README


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def items(documents: Sequence[Document], *, quoted: bool = False) -> list[Item]:
    """The documents' numbers as facts compares them; with ``quoted``, a speaker's numbers too
    (they are no fact of the outlet's, but an outlet that quotes a figure does not leave it
    out)."""
    items = []
    for doc in documents:
        firsts: set[tuple[str | None, str | None]] = set()
        near = anchors(doc)
        for q in doc.quantities:
            if (q.quoted and not quoted) or (
                q.value is None and q.event is None and q.unit is None
            ):
                continue  # a vague bare number ("thousands") or a speaker's number is no fact
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
            # a speaker's number is never the document's first figure: the outlet's own is
            lead = not q.quoted and q.event is not None and (unit, q.event) not in firsts
            if not q.quoted:
                firsts.add((unit, q.event))
            items.append(
                Item(
                    doc.id,
                    q,
                    unit,
                    value,
                    low,
                    high,
                    referent,
                    words,
                    lead,
                    frozenset(key(w) for w in near.get(q, ())),
                    near.get(q, ()),
                )
            )
    return items


def _tokens(text: str) -> list[str]:
    return "".join(c.lower() if c.isalnum() else " " for c in text).split()


def _size(item: Item) -> float | None:
    """The value, or a vague value's lower bound ("tens of thousands": 20,000)."""
    return item.value if item.value is not None else item.low


def _spread(group: Sequence[Item]) -> float | None:
    """How many times the largest value of a row is its smallest (None without two values)."""
    sizes = [x for i in group if (x := _size(i))]
    return max(sizes) / min(sizes) if len(sizes) > 1 else None


def _magnitude(a: Item, b: Item) -> float | None:
    return _spread((a, b))


def _compatible(a: Item, b: Item, equal: bool) -> bool:
    """Units and events must agree; with the same value, a counted word may stand for the unit
    ("6.1 magnitude" and "a 6.1 quake") and one side may name no event."""
    events = {a.quantity.event, b.quantity.event}
    if len(events) > 1 and (None not in events or not equal):
        return False
    if None in {a.unit, b.unit}:
        return equal  # a bare number ("a mother of 12") joins only the same number
    if a.unit == b.unit or a.family == b.family:
        return True
    # a measurement may be named by its unit or by what it measures ("6.1 magnitude", "a 6.1
    # quake"); a whole number of two different things is two facts ("3 charges", "3 devices")
    whole = a.value is not None and float(a.value).is_integer()
    return equal and not whole and not {a.unit, b.unit} & STANDARD_UNITS


def _score(a: Item, b: Item) -> float | None:
    # (a rounded value agrees in the status, but earns no bonus here: "$5,000" for one thing
    # and "$5,150" for another are not the same amount)
    equal = same_value(a, b)
    if a.doc == b.doc or not _compatible(a, b, equal):
        return None
    score = 2.0 if a.quantity.event and a.quantity.event == b.quantity.event else 0.0
    if a.referent and b.referent:
        # Different labels are no evidence against: one outlet's "soldiers" are another's
        # "hostages", and that difference is what framing exists to show.
        score += 2.0 if a.referent == b.referent else 0.0
    if a.anchors & b.anchors and a.unit == b.unit == "money":
        # a rare name beside two amounts says what was paid for or to ("at Harbour Motors"), which no
        # counted word says; other numbers have their counted word, and a name beside a share,
        # an age or a player's points says whose it is, not which fact
        score += 2.0
    # a counted word that is the unit of measure ("55 miles", "10 km") says nothing of what is
    # measured: two distances in a story are not one fact for being distances
    measure = a.unit not in STANDARD_UNITS and a.unit != a.quantity.counted
    if a.quantity.counted and a.quantity.counted == b.quantity.counted and not measure:
        # the counted word says what the fact is about when no event does ("6.1 magnitude");
        # a share's says only what is measured ("14 percent support", "5% support"), not whose
        # share it is, so it counts as little as beside an event
        score += 1.0 if a.quantity.event or a.unit == "percent" else 2.0
    if a.lead and b.lead and a.quantity.event == b.quantity.event:
        # News puts the main figure first (the inverted pyramid): two documents' first death
        # tolls are more likely one fact than a toll and a later sub-count.
        score += LEAD
    if equal:
        score += 2.0  # the same number for the same kind of thing is most often the same fact
    union = len(a.words | b.words)
    score += 2.0 * len(a.words & b.words) / union if union else 0.0
    ratio = _magnitude(a, b)
    if ratio is not None:
        score += 0.5 if ratio <= 3 else -1.0 if ratio > 20 else 0.0
    return score


# the words of a unit itself, which say nothing of what is measured
_UNITS_SAID = {"percent", "per cent", "%", "percentage"}


def _what(group: Sequence[Item]) -> str:
    # what a word says the number is about, before the number as written
    abouts = Counter(
        i.quantity.about for i in group if i.quantity.about and i.quantity.about not in _UNITS_SAID
    )
    abouts = abouts or Counter(i.quantity.text for i in group)
    about = min(abouts, key=lambda a: (-abouts[a], a))
    unit = group[0].unit
    if unit in SPANS:
        counted = group[0].quantity.counted or "period"
        return f"length of the {counted}, in {unit}"
    shared = frozenset.intersection(*(i.anchors for i in group))
    if unit == "money" and len(group) > 1 and shared:
        # an amount is named by the rare name beside it, which says more than the noun after it
        # ("money: Harbour Motors", not "worth")
        return "money: " + " ".join(w for w in group[0].names if key(w) in shared)
    return about


def _note(group: Sequence[Item], dates: dict[str, str | None]) -> str | None:
    """The dates the group's documents were reported on, when they may explain a difference:
    the dates when they differ, the documents with none; nothing when every one has the same
    day (an ISO date's day, the time of day left out)."""
    if len(group) < 2:
        return None
    docs = sorted({i.doc for i in group})
    day = {d: _DAY.match(dates.get(d) or "") for d in docs}
    known = sorted({found.group(0) for found in day.values() if found})
    undated = [d for d in docs if not day[d] and not dates.get(d)]
    other = sorted({dates[d] or "" for d in docs if not day[d] and dates.get(d)})
    if not known and not other:
        return "reporting dates unknown: values may differ with time"
    said = []
    if len(known) + len(other) > 1:
        said.append(f"reported on different dates ({', '.join(known + other)})")
    if undated:
        said.append(f"no reporting date for {', '.join(undated)}")
    return "; ".join(said) + ": values may differ with time" if said else None


def _dedupe(items: list[Item]) -> list[Item]:
    """One item for a number a document repeats (the same unit, event, counted word and value):
    the first; a repetition is not a second fact."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for item in items:
        key = (item.doc, item.unit, item.quantity.event, item.quantity.counted, item.value)
        if item.value is not None and key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _blocks(items: Sequence[Item]) -> list[list[int]]:
    """Indices of the items that can be one fact: the same unit (see ``_compatible``), split again by the counted word when a block is large, so a corpus of thousands of
    articles is not compared pair by pair across unrelated numbers.  Past MAX_BLOCK items with
    one counted word the rest stay unaligned (single): a limit to lift with story clustering."""
    blocks: dict[tuple[str | None, str | None], list[int]] = {}
    for i, item in enumerate(items):
        # the same value may join across units and events (see _compatible), so a block is
        # a unit's family: the standard units apart, every counted-word unit together
        family = item.family
        unit = family if family in STANDARD_UNITS | {"kilometres"} else "counted"
        blocks.setdefault((unit, None), []).append(i)
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


def _joinable(a: Sequence[Item], b: Sequence[Item]) -> bool:
    """Two groups may become one fact unless a document would then give it two values that
    differ; a document repeating an amount ("$334M", later "$334 million"), rounding it, or
    giving a vague count and a figure it admits ("dozens injured", "at least 50 injured") gives
    one value."""
    if len({i.quantity.event for i in (*a, *b)} - {None}) > 1:
        return False  # one fact, one event: items naming none must not chain killed to injured
    shared = {i.doc for i in a} & {i.doc for i in b}
    for doc in shared:
        mine = [i for i in (*a, *b) if i.doc == doc]
        if any(differ([x, y]) for n, x in enumerate(mine) for y in mine[n + 1 :]):
            return False
    return True


# Counted words that say only "people": they name no one thing apart from another count.
_GENERIC = {None, "people", "person"}


def _leads(a: Item, b: Item) -> bool:
    """Two documents' first figures of one event that count the same thing: the same counted
    word, or both none but "people", and no labels of different referents.  News puts the main
    figure first (the inverted pyramid), so such pairs are joined before any other, and a
    document's later sub-count ("one man killed in a landslide") cannot take the toll's place."""
    if not (a.lead and b.lead and a.quantity.event == b.quantity.event):
        return False
    if a.referent and b.referent and a.referent != b.referent:
        return False
    counted = {None if c in _GENERIC else c for c in (a.quantity.counted, b.quantity.counted)}
    if len(counted) > 1:
        return False  # "1,200 soldiers" is not "tens of thousands" of villagers
    ratio = _magnitude(a, b)
    return ratio is None or ratio <= LEAD_RATIO


def align(
    documents: Sequence[Document],
    *,
    threshold: float = THRESHOLD,
    numbers: Sequence[Item] | None = None,
) -> tuple[Fact, ...]:
    """Group the documents' quantities into facts (see the module docstring).  ``numbers``: the
    documents' ``items`` when the caller has made them already (``compare`` makes them once for
    the facts and the omissions); the speakers' numbers among them are left out."""
    if numbers is None:
        numbers = items(sorted(documents, key=lambda d: d.id))
    found = [i for i in numbers if not i.quantity.quoted]
    pairs = []
    for block in _blocks(found):
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                score = _score(found[i], found[j])
                if score is not None and score >= threshold:
                    pairs.append((not _leads(found[i], found[j]), -score, i, j))
    # Best pairs first; ties by position, so the result never depends on anything but the input.
    pairs.sort()
    group_of = list(range(len(found)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(found))}
    for _, _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if not _joinable([found[k] for k in members[gi]], [found[k] for k in members[gj]]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    dates = {d.id: d.date for d in documents}
    # where each article's first figure of a unit and event stands: a later row of the same
    # event in the same articles holds parts (a place, a day, a group), not the event's figure
    leads = {(found[k].doc, found[k].unit, found[k].quantity.event): g
             for g, indices in members.items() for k in indices if found[k].lead}  # fmt: skip
    facts = []
    for row, indices in members.items():
        group = sorted((found[k] for k in indices), key=lambda it: (it.doc, it.quantity.span))
        if len(group) == 1 and (group[0].quantity.event is None or group[0].unit is None):
            continue  # a lone number with no event is not worth a row
        status = "single" if len(group) == 1 else "conflict" if differ(group) else "agree"
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
        note = _note(group, dates)
        exact = [i for i in group if i.value is not None]
        near = [(a, b) for k, a in enumerate(exact) for b in exact[k + 1 :] if not same_value(a, b)]
        if status == "agree" and near:
            kinds = {"rounding" if rounded(a, b) else "a qualifier's bound" for a, b in near}
            why = " and ".join(sorted(kinds, reverse=True))
            note = "; ".join(n for n in (f"the values agree within {why}", note) if n)
        proposed = any(i.quantity.proposed for i in group)
        part = all(
            not i.lead and leads.get((i.doc, i.unit, i.quantity.event), row) != row for i in group
        )
        basis = _basis(group, part=part)
        facts.append((_what(group), group[0].unit, values, status, note, basis, proposed))
    facts.sort(key=lambda f: (-len(f[2]), f[0], f[2][0].doc, f[2][0].span))
    return tuple(
        Fact(f"fact-{n:03d}", what, unit, values, status, note, basis, proposed)
        for n, (what, unit, values, status, note, basis, proposed) in enumerate(facts, 1)
    )


def _basis(group: Sequence[Item], *, part: bool = False) -> str:
    """The strongest tie every value of a fact shares (``Fact.basis``).  An event ties values
    that count one thing, of this event: not "40 rebels killed" and "27 guards killed"
    (two raids); not values further apart than LEAD_RATIO (a background toll beside the
    event's); not a row of later figures whose articles all give their first figure of the event
    in another row (``part``: "60 hurt at the pier" beside "45 hurt at the market");
    not figures whose clauses are dated to different years, or one dated and one not ("In 2009,
    31 people were killed": a past event's toll told as background; ``Quantity.year``).  ABP
    articles of one event, read beside the report: 4 of 8 "figures differ" sentences were such
    parts or background tolls; in ABP articles of one topic, two raids."""
    # a share of a whole, turned into a count, names the whole ("90% of the town's population")
    counted = {i.quantity.counted for i in group if i.quantity.unit != "percent"} - _GENERIC
    ratio = _spread(group)
    if (
        len({i.quantity.event for i in group}) == 1
        and group[0].quantity.event
        and len(counted) < 2
        and not part
        and (ratio is None or ratio <= LEAD_RATIO)
        and len({i.quantity.year for i in group}) == 1
    ):
        return "event"
    if len({i.referent for i in group}) == 1 and group[0].referent:
        return "label"
    if all(i.unit == "money" for i in group) and frozenset.intersection(
        *(i.anchors for i in group)
    ):
        return "name"
    if len({i.quantity.counted for i in group}) == 1 and group[0].quantity.counted:
        return "counted"
    if len({i.unit for i in group}) == 1 and group[0].unit not in {None, "people"}:
        return "unit"  # "$4.6 million" and "$4.6 million", "30 hours" and "30 hours"
    return "words"
