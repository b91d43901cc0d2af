"""The actors stage of one article: its actors found and grouped, each mention scored for stance
(the model, frames, naming words and, in the outlet's own voice, the harms the actor does or
suffers), and the speaker of a mention inside a quotation.  ``framing.run.documents`` runs it and
keeps its result in the stage cache (``framing.actors.stage``).  ``score_mentions`` scores given
words of given texts the same way, for the evaluation scripts and for users.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from framing import lexicons, quotes
from framing.actors import find
from framing.actors.find import Group
from framing.actors.index import ActorIndex
from framing.features import agency, stance
from framing.features.stance import evidence, learned
from framing.nlp import (
    Doc,
    Parser,
    doc_text,
    sentence_bounds,
    sentence_of,
    text_sentences,
    token_list,
)
from framing.records import ActorMention, Attribution, Harm, Span, StanceCue


def _speaker_of(span: Span, found: tuple[Attribution, ...]) -> str | None:
    for item in found:
        if item.direct and item.content.span.contains(span):
            return item.speaker or (item.source.text if item.source else None)
    return None


def _harm_cues(harms: tuple[Harm, ...], group: int, span: Span) -> list[StanceCue]:
    """Aggressor and victim cues of one mention: the harms whose doer or harmed words hold it."""
    key = f"#{group}"
    cues = []
    for harm in harms:
        if harm.quoted:
            continue
        if harm.doer == key and harm.doer_text and harm.doer_text.span.overlaps(span):
            valence, role = stance.AGGRESSOR, "doer of a harm"
        elif harm.harmed == key and harm.harmed_text and harm.harmed_text.span.overlaps(span):
            valence, role = stance.VICTIM, "harmed"
        else:
            continue
        cues.append(
            StanceCue(harm.trigger.text, harm.trigger.span, valence, f"{harm.rule}: {role}")
        )
    return cues


def score_mention(
    parsed: Doc,
    tokens: tuple[int, int, int],
    span: Span,
    *,
    res: stance.Resources,
    quoted: bool,
    harms: tuple[Harm, ...],
    read: tuple[learned.Judged, int, int] | None = None,
) -> ActorMention:
    """Score the mention at token ``tokens[0]``..``tokens[1]`` (of actor group ``tokens[2]``):
    the model, then frames, naming words and, in the outlet's own voice, harm roles.  ``read``:
    the learned model's reading of the mention and its sentence's start and end; None for the
    rules-only model."""
    start, end, group = tokens
    features, where = stance.features(parsed, start, end, res=res)
    rules = stance.frame_cues(parsed, start, end, res=res)
    rules += stance.naming_cues(parsed, start, end, res=res)
    if not quoted:
        rules += _harm_cues(harms, group, span)
    if read is None:
        cues = (*stance.cues(parsed, features, where, res=res), *rules)
        score, label, model = stance.judged(features, res, rules)
        weights = stance.pushes(features, where, res)
    else:
        judged, first, last = read
        cues = tuple(rules)
        score, label, model = stance.judged_from(judged.probabilities, rules)
        weights = evidence.by_token(parsed, first, last, judged.tokens)
    return ActorMention(
        span=span,
        score=score,
        label=label,
        model=model,
        quoted=quoted,
        role=stance.role(features),
        cues=tuple(sorted(cues, key=lambda c: c.span)),
        evidence=evidence.strongest(parsed, weights, mention=range(start, end)),
    )


Reads = list[tuple[learned.Judged, int, int] | None]
# each sentence's P(subjective) from the sentence head, read on the same pass
Tone = tuple[tuple[Span, float], ...]


def _read(
    parsed: Doc, mentions: Sequence[find.Mention], *, every_sentence: bool = False
) -> tuple[Reads, Tone]:
    """The learned model's reading of each mention, one encoder pass per sentence, and the
    tone of each sentence read: those with a mention, or, ``every_sentence``, all but blank
    ones (the sentence head's P(subjective) comes from the same pass)."""
    text = doc_text(parsed)
    tokens = token_list(parsed)
    bounds = [sentence_bounds(sentence_of(tokens[m.token_start])) for m in mentions]
    wanted = set(bounds)
    if every_sentence:
        wanted.update(text_sentences(parsed))
    ordered = sorted(wanted)
    at = {b: k for k, b in enumerate(ordered)}
    asked: list[list[tuple[int, int]]] = [[] for _ in ordered]
    for m, bound in zip(mentions, bounds, strict=True):
        asked[at[bound]].append((m.start - bound[0], m.end - bound[0]))
    answers = learned.judge(
        [(text[a:b], spans) for (a, b), spans in zip(ordered, asked, strict=True)]
    )
    taken = [0] * len(ordered)
    result: Reads = []
    for first, last in bounds:
        k = at[(first, last)]
        judged = answers[k].mentions[taken[k]]
        taken[k] += 1
        result.append((judged, first, last) if judged is not None else None)
    tone = tuple(
        (Span(a, b), read.subjective) for (a, b), read in zip(ordered, answers, strict=True)
    )
    return result, tone


def find_actors(
    parsed: Doc,
    *,
    index: ActorIndex | None,
    agency_res: agency.Resources,
    stance_res: stance.Resources,
    regions: quotes.QuotedRegions,
    found: tuple[Attribution, ...],
    first_names: Mapping[str, str] = {},
    accurate: bool = False,
) -> tuple[list[Group], list[tuple[int, str, ActorMention]], tuple[Harm, ...], Tone]:
    """One article's actor groups, its mentions of them scored (group, words, mention), the
    harms it reports with their doers and harmed, and each sentence's tone.  ``accurate``: the
    learned mention model (``framing.features.stance.learned``) rather than the rules-only one,
    whose pass also reads every sentence's tone (none without it)."""
    mentions, groups = find.find(
        parsed,
        index=index,
        first_names=first_names,
        quoted=regions.holds,
    )
    reads, tone = (
        _read(parsed, mentions, every_sentence=True) if accurate else ([None] * len(mentions), ())
    )
    token_group: dict[int, int] = {}
    for mention in mentions:
        for i in range(mention.token_start, mention.token_end):
            token_group.setdefault(i, mention.group)
    harms = agency.extract(
        parsed,
        res=agency_res,
        quoted=regions,
        actor_at=lambda i: f"#{token_group[i]}" if i in token_group else None,
    )
    stance_harms = agency.in_stance(harms, res=agency_res)
    scored = []
    for mention, read in zip(mentions, reads, strict=True):
        span = Span(mention.start, mention.end)
        scored_mention = score_mention(
            parsed,
            (mention.token_start, mention.token_end, mention.group),
            span,
            res=stance_res,
            quoted=regions.contains(span),
            harms=stance_harms,
            read=read,
        )
        if scored_mention.quoted:
            scored_mention = replace(scored_mention, speaker=_speaker_of(span, found))
        scored.append((mention.group, mention.text, scored_mention))
    return groups, scored, harms, tone


def _only(first: int, last: int) -> Callable[[int], str | None]:
    """An ``actor_at`` for one mention: tokens first..last belong to actor "#0"."""
    return lambda i: "#0" if first <= i < last else None


def score_mentions(
    items: Sequence[tuple[str, int, int]],
    *,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    accurate: bool = False,
) -> list[ActorMention]:
    """Stance toward the words ``text[start:end]`` of each (text, start, end), scored as framing
    scores an actor mention in an article (model, frames, harm roles), for the evaluation
    scripts and for users checking single sentences.  No page chrome is removed.
    ``accurate``: the learned mention model, as ``find_actors``."""
    loaded = lexicons.load(lexicon_dir)
    res, harm_res = stance.resources(loaded), agency.resources(loaded)
    parser = parser or Parser.create()
    texts = sorted({text for text, _, _ in items})
    docs = dict(zip(texts, parser.iter_parse(texts), strict=True))
    regions = {
        text: quotes.QuotedRegions(quotes.find_quotes(text, (Span(0, len(text)),)))
        for text in texts
    }
    spans = [
        docs[text].char_span(start, end, alignment_mode="expand") for text, start, end in items
    ]
    reads: dict[int, tuple[learned.Judged, int, int] | None] = {}
    if accurate:  # one pass per sentence however many items ask about it
        for text in texts:
            asked = [
                (n, find.Mention(start, end, span.start, span.end, text[start:end], 0))
                for n, ((t, start, end), span) in enumerate(zip(items, spans, strict=True))
                if t == text and span is not None and len(span)
            ]
            read, _ = _read(docs[text], [m for _, m in asked])
            reads.update(zip((n for n, _ in asked), read, strict=True))
    results = []
    for n, ((text, start, end), span) in enumerate(zip(items, spans, strict=True)):
        if span is None or len(span) == 0:
            results.append(ActorMention(Span(start, end), 0.0))
            continue
        doc = docs[text]
        harms = agency.extract(
            doc,
            res=harm_res,
            quoted=regions[text],
            actor_at=_only(span.start, span.end),
        )
        mention = Span(span.start_char, span.end_char)
        results.append(
            score_mention(
                doc,
                (span.start, span.end, 0),
                mention,
                res=res,
                quoted=regions[text].contains(mention),
                harms=agency.in_stance(harms, res=harm_res),
                read=reads.get(n),
            )
        )
    return results
