"""Who each outlet lets speak: the attribution profile of an outlet.

Counts, for every outlet, its attributions by speaker kind (named person, organisation, unnamed),
by side (from the story config; without one, the party the text tags a speaker with, marked
inferred, and otherwise unknown), by cue connotation, direct against indirect, the words each side
is given, and the most cited speakers with the sentence that cites them first.  A negated report
("has not said", "declined to comment") is not the source saying anything, and is left out of
every count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from framing.records import Attribution, Document, SourceProfile, SpeakerCount

TOP_SPEAKERS = 10
UNKNOWN_SIDE = "unknown"
UNATTRIBUTED = "(unattributed)"


def _words(attribution: Attribution) -> int:
    return len(attribution.content.text.split())


def _sorted(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def profile(outlet: str, documents: Iterable[Document]) -> SourceProfile:
    docs = sorted(documents, key=lambda d: d.id)
    kinds: Counter[str] = Counter()
    sides: Counter[str] = Counter()
    side_words: Counter[str] = Counter()
    connotations: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    first_seen: dict[str, tuple[str, Attribution]] = {}
    inferred: set[str] = set()
    direct = anonymous = unattributed = 0
    total = 0
    for doc in docs:
        for item in doc.attributions:
            if item.negated:
                continue
            total += 1
            kinds[item.kind] += 1
            side = item.side or UNKNOWN_SIDE
            sides[side] += 1
            if item.side_inferred and item.side:
                inferred.add(item.side)
            side_words[side] += _words(item)
            connotations[item.connotation] += 1
            direct += item.direct
            anonymous += item.anonymous
            if item.source is None:
                unattributed += 1
            if item.source is not None and item.speaker is None:
                continue  # an unresolved pronoun names nobody to count among the most cited
            name = item.speaker or (item.source.text if item.source else UNATTRIBUTED)
            speakers[name] += 1
            first_seen.setdefault(name, (doc.id, item))
    top = tuple(
        SpeakerCount(
            speaker=name,
            count=count,
            kind=first_seen[name][1].kind,
            side=first_seen[name][1].side,
            doc=first_seen[name][0],
            evidence=first_seen[name][1].cue.span,
            side_inferred=first_seen[name][1].side_inferred,
        )
        for name, count in _sorted(speakers)[:TOP_SPEAKERS]
    )
    return SourceProfile(
        outlet=outlet,
        documents=tuple(d.id for d in docs),
        attributions=total,
        kinds=_sorted(kinds),
        sides=_sorted(sides),
        side_words=_sorted(side_words),
        connotations=_sorted(connotations),
        direct=direct,
        anonymous=anonymous,
        unattributed=unattributed,
        speakers=top,
        inferred_sides=tuple(sorted(inferred)),
    )


def profiles(documents: Iterable[Document]) -> tuple[SourceProfile, ...]:
    """One profile per outlet, sorted by outlet name."""
    by_outlet: dict[str, list[Document]] = {}
    for doc in documents:
        by_outlet.setdefault(doc.outlet, []).append(doc)
    return tuple(profile(outlet, docs) for outlet, docs in sorted(by_outlet.items()))
