"""Agency: who a sentence shows doing harm, and where it hides the doer.

Each harm word of ``lexicons/harm.tsv`` in the article is classified from the parse:

- ``active``: a harm verb with a subject ("the army shelled the town").  When the subject is an
  event or a weapon, the doer is the actor inside it ("the group's attack killed 20", "Ruritanian
  strikes killed 20"); when no actor is inside it, the doer is ``inanimate`` ("airstrikes
  killed 20").
- ``passive-by``: passive with a "by" phrase ("were killed by soldiers").
- ``agentless``: passive or participle with no doer ("20 people were killed", "30,000 killed").
- ``intransitive``: the harmed as subject of a verb that names no doer ("20 people died").
- ``nominal``: a harm noun ("the death toll", "the killings"), its doer only when attached
  ("the army's strikes", "strikes by the army").

Doers and harmed parties are actor mentions (the ``actor_at`` callback maps a token to the actor
it belongs to), so the comparison can count who each outlet shows harming whom.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from framing.lexicons import HARM, Lexicons
from framing.nlp import Doc, Token, sentence_bounds, sentence_of, token_list
from framing.quotes import QuotedRegions
from framing.records import Evidence, Harm, Span

PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj"}
POSSESSORS = {"poss", "compound", "amod", "nmod"}


@dataclass(frozen=True, slots=True)
class Resources:
    verbs: Mapping[str, str]  # lemma -> where (file:line)
    undergo: Mapping[str, str]
    nouns: Mapping[str, str]
    means: frozenset[str]


def resources(lexicons: Lexicons) -> Resources:
    table = lexicons[HARM.name]
    by_pos: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "means": {}, "undergo": {}}
    for row in table.rows:
        term = row.text(HARM, "term").lower()
        by_pos[row.text(HARM, "pos")][term] = table.where(row)
    return Resources(by_pos["verb"], by_pos["undergo"], by_pos["noun"], frozenset(by_pos["means"]))


def _evidence(tokens: list[Token]) -> Evidence:
    last = max(tokens, key=lambda t: t.i)
    # Keep only the words after the last line break: a phrase never runs into page chrome,
    # which the parse sees as blanks where the file has other text.
    breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
    if breaks:
        tokens = [t for t in tokens if t.i > max(breaks)]
    tokens = [t for t in tokens if not t.is_space] or [last]
    start = min(t.idx for t in tokens)
    first = min(tokens, key=lambda t: t.i)
    # the tokens' own text, not Doc.text, which joins the whole document each time it is read
    words = first.doc[first.i : last.i + 1].text
    return Evidence(words, Span(start, start + len(words)))


def _phrase(token: Token) -> list[Token]:
    """The noun phrase of ``token`` without clauses hanging from it, for short evidence."""
    left = [t for t in token.lefts if t.dep_ not in {"punct", "cc"}]
    first = min([token, *(t for child in left for t in child.subtree)], key=lambda t: t.i)
    return list(token.doc[first.i : token.i + 1])


def _actor_in(token: Token, actor_at: Callable[[int], str | None]) -> tuple[str, Token] | None:
    """The actor named in the phrase of ``token``: the head word first, then its possessors and
    modifiers ("the group's attack", "Ruritanian strikes", "strikes by the army")."""
    name = actor_at(token.i)
    if name:
        return name, token
    for child in token.children:
        if child.dep_ in POSSESSORS:
            for t in child.subtree:
                found = actor_at(t.i)
                if found:
                    return found, t
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            for pobj in child.children:
                found = actor_at(pobj.i)
                if found:
                    return found, pobj
    return None


def _classify(
    token: Token, res: Resources, actor_at: Callable[[int], str | None]
) -> tuple[str, Token | None, Token | None, str] | None:
    """(voice, doer token, harmed token, rule) for one harm word, or None when it is no harm."""
    lemma = token.lemma_.lower()
    if not (lemma in res.undergo or lemma in res.verbs or lemma in res.nouns or lemma in res.means):
        return None  # most words: decided before reading the tree around them
    children = list(token.children)
    if token.pos_ == "VERB" and lemma in res.undergo:
        subject = next((c for c in children if c.dep_ in SUBJECTS), None)
        harmed = subject if subject is not None else (token.head if token.dep_ == "acl" else None)
        return "intransitive", None, harmed, res.undergo[lemma]
    if token.pos_ == "VERB" and lemma in res.verbs:
        rule = res.verbs[lemma]
        agent = next((c for c in children if c.dep_ == "agent"), None)
        passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
        passive = passive_subject is not None or any(c.dep_ == "auxpass" for c in children)
        if token.dep_ == "acl" and token.tag_ == "VBN":
            passive, passive_subject = True, token.head  # "30,000 people killed"
        has_have = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
        if not passive and token.tag_ == "VBN" and not has_have:
            # "with 30,000 people already killed": a participle with a subject and no "have"
            # is a reduced passive, its subject the harmed
            passive_subject = next((c for c in children if c.dep_ in SUBJECTS), None)
            passive = passive_subject is not None
        if passive:
            by = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
            return ("passive-by" if by is not None else "agentless"), by, passive_subject, rule
        subject = next((c for c in children if c.dep_ in SUBJECTS), None)
        if subject is None and token.dep_ in {"xcomp", "conj"}:
            subject = next((c for c in token.head.children if c.dep_ in SUBJECTS), None)
        harmed = next((c for c in children if c.dep_ in OBJECTS), None)
        if subject is None:
            return None  # "to kill" with no one to do it: an intention, not a shown harm
        sub_lemma = subject.lemma_.lower()
        if actor_at(subject.i) is None and (sub_lemma in res.means or sub_lemma in res.nouns):
            inside = _actor_in(subject, actor_at)
            if inside is None:
                return "inanimate", subject, harmed, rule
            return "active", inside[1], harmed, rule
        return "active", subject, harmed, rule
    if token.pos_ == "NOUN" and (lemma in res.nouns or lemma in res.means):
        rule = res.nouns.get(lemma, "")
        if token.dep_ in SUBJECTS and token.head.lemma_.lower() in res.verbs:
            return None  # "the attack killed": counted once, at the verb
        inside = _actor_in(token, actor_at)
        harmed = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "on", "against"}:
                harmed = next((p for p in child.children if p.dep_ == "pobj"), None)
        return "nominal", inside[1] if inside else None, harmed, rule
    return None


def extract(
    doc: Doc,
    *,
    res: Resources,
    quoted: QuotedRegions,
    actor_at: Callable[[int], str | None],
) -> tuple[Harm, ...]:
    """Every harm verb and noun in the parsed article, with its voice, doer and harmed."""
    found = []
    for token in token_list(doc):
        if not token.is_alpha:
            continue
        result = _classify(token, res, actor_at)
        if result is None:
            continue
        voice, doer, harmed, rule = result
        sent = sentence_of(token)
        trigger = Evidence(token.text, Span(token.idx, token.idx + len(token.text)))
        doer_text = _evidence(_phrase(doer)) if doer is not None else None
        harmed_text = _evidence(_phrase(harmed)) if harmed is not None else None
        doer_actor = _actor_in(doer, actor_at) if doer is not None else None
        harmed_actor = _actor_in(harmed, actor_at) if harmed is not None else None
        found.append(
            Harm(
                trigger=trigger,
                voice=voice,
                doer=doer_actor[0] if doer_actor else None,
                doer_text=doer_text,
                harmed=harmed_actor[0] if harmed_actor else None,
                harmed_text=harmed_text,
                sentence=Span(*sentence_bounds(sent)),
                quoted=quoted.contains(trigger.span),
                rule=rule,
            )
        )
    return tuple(found)
