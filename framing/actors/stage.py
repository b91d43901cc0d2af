"""The actors stage of one article as the run passes it on: its actor groups and scored mentions
waiting for the links across articles (``Pending``), and the form the stage cache stores them in
(``Stored``: ``Group`` is mutable, the cache wants frozen records)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from framing.actors.find import Group
from framing.config import Actor
from framing.records import ActorMention, Harm, Span, quick_pickle


@quick_pickle
@dataclass(frozen=True, slots=True)
class Pending:
    """One article's actor groups and scored mentions, waiting for the links across articles."""

    groups: list[Group]
    mentions: list[tuple[int, str, ActorMention]]  # (group, words as written, scored mention)


@dataclass(frozen=True, slots=True)
class StoredGroup:
    """An article's actor group as the stage cache stores it."""

    kind: str
    forms: tuple[tuple[str, int], ...]  # in the order first seen: linking reads the first
    config: Actor | None
    named: bool = False


@dataclass(frozen=True, slots=True)
class Stored:
    groups: tuple[StoredGroup, ...]
    mentions: tuple[tuple[int, str, ActorMention], ...]
    harms: tuple[Harm, ...]
    # each sentence's P(subjective), read on the learned model's pass (none with --fast)
    tone: tuple[tuple[Span, float], ...] = ()


def stored(
    groups: Sequence[Group],
    mentions: Sequence[tuple[int, str, ActorMention]],
    harms: tuple[Harm, ...],
    tone: tuple[tuple[Span, float], ...] = (),
) -> Stored:
    return Stored(
        tuple(StoredGroup(g.kind, tuple(g.forms.items()), g.config, g.named) for g in groups),
        tuple(mentions),
        harms,
        tone,
    )


def pending(record: Stored) -> Pending:
    return Pending(
        [
            Group(g.kind, forms=Counter(dict(g.forms)), config=g.config, named=g.named)
            for g in record.groups
        ],
        list(record.mentions),
    )
