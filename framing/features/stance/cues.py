"""The evidence of a mention's stance: the words the model weighed most, and the explicit rule
cues (blame and credit frames, valenced words naming the actor)."""

from __future__ import annotations

from collections.abc import Mapping

from framing.features.stance.model import (
    EVIDENCE,
    MODEL_CUE,
    SUBJECT_DEPS,
    Resources,
    head_of,
    table_of,
)
from framing.lexicons import STANCE_MODEL, VALENCE
from framing.nlp import Doc, Token, token_list
from framing.records import Span, StanceCue


def cues(
    doc: Doc, found: Mapping[str, float], where: Mapping[str, int], *, res: Resources
) -> tuple[StanceCue, ...]:
    """The words that pushed the score most, each with the feature that weighed it."""
    pushes = []
    tokens = token_list(doc)
    for name, index in where.items():
        weight = res.weights.get(name)
        if weight is None or tokens[index].is_stop:
            # function words weigh in the score too (they gain 0.01 macro-F1 on NewsMTSC), but a
            # reader learns nothing from "the" as evidence
            continue
        push = (weight[2] - weight[0]) * found.get(name, 0.0)
        if abs(push) < 0.2:
            continue
        pushes.append((-abs(push), index, name, push))
    pushes.sort()
    result = []
    for _, index, name, push in pushes[:EVIDENCE]:
        token = tokens[index]
        span = Span(token.idx, token.idx + len(token.text))
        valence = max(-1.0, min(1.0, push / 2))
        rule = f"{res.where.get(name, STANCE_MODEL.name)}{MODEL_CUE}{name}"
        result.append(StanceCue(token.text, span, valence, rule))
    return tuple(sorted(result, key=lambda c: c.span))


def explicit(cue: StanceCue) -> bool:
    """Whether a cue is an explicit rule (a blame or credit frame, a naming word, a harm role)
    rather than a word whose weight the model learned."""
    return MODEL_CUE not in cue.rule


def _frame_word(head: Token) -> tuple[Token, str] | None:
    """The word that casts the mention in a frame role, and the role."""
    governor = head.head
    if head.dep_ in SUBJECT_DEPS:
        if governor.lemma_ == "be":
            attr = next((c for c in governor.children if c.dep_ in {"attr", "acomp"}), None)
            return (attr, "subject") if attr is not None else None
        return governor, "subject"
    if head.dep_ in {"dobj", "nsubjpass"}:
        return governor, "object"
    if head.dep_ == "poss":
        return governor, "possessor"
    if head.dep_ == "pobj" and governor.lower_ == "by":
        noun = governor.head
        return (noun, "possessor") if noun.pos_ == "NOUN" else (noun, "subject")
    return None


def naming_cues(doc: Doc, start: int, end: int, *, res: Resources) -> list[StanceCue]:
    """Valenced words inside the words that name the actor ("the terror group", "the brave
    rescuers"): what the outlet calls an actor is said about it, at full valence."""
    cues = []
    for token in doc[start:end]:
        if token.pos_ == "PROPN" or token.is_stop:
            continue
        term = token.lower_ if token.lower_ in res.valence else token.lemma_.lower()
        value = res.valence.get(term)
        if value:
            span = Span(token.idx, token.idx + len(token.text))
            rule = f"{res.where.get('valence:' + term, VALENCE.name)}: naming word"
            cues.append(StanceCue(token.text, span, value, rule))
    return cues


def frame_cues(doc: Doc, start: int, end: int, *, res: Resources) -> list[StanceCue]:
    """Blame and credit frames of ``lexicons/frames.tsv`` that hold the mention ``doc[start:end]``."""
    found = _frame_word(doc[head_of(table_of(doc, res), start, end)])
    if found is None:
        return []
    word, role = found
    entry = res.frames.get((word.lemma_.lower(), role))
    if entry is None:
        return []
    valence, where = entry
    if any(child.dep_ == "neg" for child in word.children):
        valence = -valence  # "did not reject"
    span = Span(word.idx, word.idx + len(word.text))
    return [StanceCue(word.text, span, valence, f"{where}: {role} of the frame")]
