"""Stance toward actors: each document's (``stances``, ``link_documents``) and each outlet's.

The pipeline finds each article's actor groups and scores every mention as it goes (so no parse
is kept); ``framing.actors.link.link`` then gives every group its actor across the run, and
``stances`` gathers each document's mentions under those names.  A document's score for an
actor (``document_score``) is the mean score of its mentions in the outlet's own voice, pressed
toward -1 by the explicit negative cues of those mentions (blame frames, doer of a harm, hostile
naming words); ``quoted_score`` the same for mentions inside quotations; ``label`` the majority
class of the own-voice mentions (more negative than positive mentions, and at least MIN_VOTES of
them: negative), which the evaluation on SEESAW measures.  Actors are sorted by name so output
is the same bytes every run.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from framing.actors import link, parties
from framing.actors.link import Linked
from framing.actors.names import bare
from framing.actors.people import PRONOUN_GENDER
from framing.actors.stage import Pending
from framing.features import stance
from framing.records import ActorMention, ActorStance, Document, Harm, OutletStance

# How hard a document's explicit negative cues press its score toward -1: cues of total valence
# -v close a share 1 - exp(-EXPLICIT * v) of the distance from the mean to -1 (one blame frame,
# -0.3: 26%; one harm done, -0.5: 39%; -1 in all: 63%).  Inside a mention these cues are added
# to the model's probabilities and so are diluted by the sentence's tone; across a document they
# are the strongest evidence of a negative stance.  Measured on SEESAW (evaluation/seesaw.py; a
# dev figure, nothing fitted there): of article-entity pairs with a negative explicit cue, 51%
# are gold negative (21% of all pairs; 31% of those with a mean below -0.4), and the Kendall tau
# between gold and score rises from 0.152 (the mean) to 0.156 / 0.159 / 0.160 with EXPLICIT
# 0.3 / 1 / 2, ROC-AUC of gold negative from 0.647 to 0.653 / 0.659 / 0.662 (2 and more crowd
# scores near -1; 1 was kept).  Positive cues (credit frames, being harmed) are left out: on SEESAW
# they do not mark a positive stance (pairs with a positive frame: 33% gold positive, 36%
# negative; pairs shown harmed: 7% positive, against 14% of all pairs).
EXPLICIT = 1.0


def document_score(mentions: Sequence[ActorMention]) -> float | None:
    """One voice's score toward an actor in a document: the mean score of ``mentions``, pressed
    toward -1 by their explicit negative cues (see EXPLICIT); in [-1, 1], None for no mentions."""
    if not mentions:
        return None
    mean = sum(m.score for m in mentions) / len(mentions)
    against = -sum(min(0.0, c.valence) for m in mentions for c in m.cues if stance.explicit(c))
    return mean - (1.0 + mean) * (1.0 - math.exp(-EXPLICIT * against))


def pooled_score(stances: Sequence[ActorStance]) -> float | None:
    """Several documents' own-voice scores toward one actor (an outlet's articles): their mean
    weighted by own-voice mentions; None when none has one."""
    weights = [sum(1 for m in st.details if not m.quoted) for st in stances]
    total = sum(weights)
    if not total:
        return None
    return sum(w * st.score for w, st in zip(weights, stances, strict=True)) / total


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
        own = [m for _, m in items if not m.quoted]
        quoted = [m for _, m in items if m.quoted]
        link = kinds[name]
        result.append(
            ActorStance(
                actor=name,
                score=document_score(own) or 0.0,
                mentions=tuple(m.span for _, m in items),
                side=link.side,
                kind=link.kind,
                # the names it is written by; a pronoun is no name
                names=tuple(
                    dict.fromkeys(
                        bare(words) for words, _ in items if words.lower() not in PRONOUN_GENDER
                    )
                ),
                quoted_score=document_score(quoted),
                found=link.found,
                details=tuple(m for _, m in items),
                label=majority([m.label for m in own]),
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


def link_documents(
    built: Sequence[tuple[Document, Pending]], links: Sequence[Sequence[Linked]] | None = None
) -> list[Document]:
    """Give each actor one name across the articles (``links``, when already made for these
    articles), then gather each document's stance; a speaker's inferred side holds in every
    article (``parties.spread``)."""
    if links is None:
        links = link.link([pending.groups for _, pending in built])
    documents = []
    for (document, pending), linked in zip(built, links, strict=True):
        names = {f"#{g}": link.name for g, link in enumerate(linked)}
        # an outlet citing itself ("Fox News Sunday" in a Fox News article) names no actor,
        # nor does a group the story only describes ("Republican senators")
        own = {
            g
            for g, group in enumerate(pending.groups)
            if group.config is None
            and group.forms
            and all(link.names_outlet(form, document.outlet) for form in group.forms)
        } | {g for g, actor in enumerate(linked) if actor.described}
        documents.append(
            replace(
                document,
                stance=stances([m for m in pending.mentions if m[0] not in own], linked),
                harms=rename_harms(document.harms, names),
            )
        )
    return parties.spread(documents)


def by_outlet(documents: Sequence[Document]) -> tuple[OutletStance, ...]:
    """Each outlet's stance toward each actor its documents name in their own voice at least
    MIN_VOTES times, pooled over its documents (``pooled_score``), its class that of the score,
    sorted by outlet and actor.  A place is an actor only where the text makes it act (the
    subject of a verb: "Ruritania closed its border"); a place that is only a setting has no
    stance a reader would sign."""
    pooled: dict[tuple[str, str], list[ActorStance]] = defaultdict(list)
    for doc in documents:
        for st in doc.stance:
            pooled[(doc.outlet, st.actor)].append(st)
    result = []
    for (outlet, actor), found in sorted(pooled.items()):
        own = [m for st in found for m in st.details if not m.quoted]
        kind = found[0].kind
        acting = any(m.role == "agent" for st in found for m in st.details)
        score = pooled_score(found)
        if len(own) < MIN_VOTES or score is None or (kind == "place" and not acting):
            continue
        result.append(
            OutletStance(
                outlet=outlet,
                actor=actor,
                score=score,
                label=stance.label(score),
                mentions=len(own),
                names=tuple(dict.fromkeys(n for st in found for n in st.names)),
                kind=kind,
                error=_error([m.score for m in own]),
            )
        )
    return tuple(result)


def _error(scores: Sequence[float]) -> float:
    """The standard error of the mean of ``scores`` (sample standard deviation / sqrt(n))."""
    n = len(scores)
    if n < 2:
        return 0.0
    mean = sum(scores) / n
    return math.sqrt(sum((s - mean) ** 2 for s in scores) / (n - 1) / n)
