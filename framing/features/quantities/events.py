"""What happened to the thing a number counts (killed, released, held): the event a number's
clause, its noun or the participle after it names (facts.tsv's event words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from framing.nlp import Token

if TYPE_CHECKING:
    from framing.features.quantities import Resources


# Words that may stand between a number and the participle telling what happened to it:
# "50 reported injured", "200 more injured", "12 were killed".
_BEFORE_EVENT = {"reported", "confirmed", "feared", "believed", "more", "were", "are", "was"}


def event_after(last: Token, res: Resources) -> str | None:
    """The event a participle or adjective right after the number phrase names: "24 dead and
    over 200 injured" (the parse often hangs "injured" from the first number of the pair)."""
    doc = last.doc
    i = last.i + 1
    while i < len(doc) and i - last.i <= 3 and doc[i].lower_ in _BEFORE_EVENT:
        i += 1
    if i < len(doc) and doc[i].pos_ in {"VERB", "ADJ"}:
        for word in (doc[i].lower_, doc[i].lemma_.lower()):
            if word in res.events:
                return res.events[word]
    return None


def event(
    phrase_head: Token, counted: Token | None, res: Resources, last: Token | None = None
) -> str | None:
    """What happened to the counted thing, from the strongest evidence (see ``framing.features.quantities``)."""
    if counted is not None:
        for child in counted.children:
            if child.dep_ in {"amod", "oprd", "acomp"} and child.lower_ in res.events:
                return res.events[child.lower_]
    governor = phrase_head.head
    if phrase_head.dep_ == "pobj":
        governor = governor.head  # "the release of 2,000", "in exchange for 40"
    # "24 were killed and 200 injured": 200 hangs from "killed"; and the subject of a verb whose
    # object is people or a count counts the doers, not what happened to them: "five shootings
    # killed 12 people" (where "two million residents fled the floods" were displaced)
    doer = phrase_head.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and (c.pos_ == "NUM" or c.lemma_.lower() in res.persons or _counts(c))
        for c in governor.children
    )
    # and the subject of an active verb with any object does it, unless the verb is one of
    # leaving ("four states held contests": the states held nothing that was held)
    doer = doer or (
        phrase_head.dep_ == "nsubj"
        and res.events.get(governor.lemma_.lower()) not in {None, "displaced"}
        and any(c.dep_ == "dobj" for c in governor.children)
    )
    if phrase_head.dep_ != "conj" and not doer:
        for word in (governor.lemma_.lower(), governor.lower_):
            if word in res.events and governor.i != phrase_head.i:
                return res.events[word]
    if not doer and last is not None and (after := event_after(last, res)) is not None:
        return after
    if counted is not None:
        for child in counted.children:
            if child.dep_ in {"acl", "relcl", "amod"}:
                for word in (child.lemma_.lower(), child.lower_):
                    if word in res.events:
                        return res.events[word]
        if counted.lemma_.lower() in res.events:
            return res.events[counted.lemma_.lower()]
    return None


def _counts(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def phrase_head(tokens: list[Token]) -> Token:
    """The token of the number phrase, or the noun it counts, that hangs from the clause."""
    last = tokens[-1]
    head = last.head
    if last.dep_ in {"nummod", "quantmod"} and head.pos_ in {"NOUN", "PROPN"}:
        return head
    return last


# How far up the parse from a number to look for its verb: the number's phrase and the nouns
# and prepositions it hangs from ("the release of five soldiers" -> "included").
_UP = 8


def proposed(phrase_head: Token, res: Resources) -> bool:
    """Whether the number is a term of something proposed, not a thing that happened
    (facts.tsv, proposal): its verb, the first up the parse, or the verb that one completes
    ("prepared to free 300"), is a word of proposing, has a modal ("would release 12"), or
    has a subject that is one or is modified by one ("the plan included a 45-day truce", "the
    proposed truce calls for a 45-day pause").  Only the number's own clause counts: "the army
    may push into the valley, where 4,000 displaced villagers shelter" proposes no displacement."""
    token = _verb_of(phrase_head)
    if token is None:
        return False
    while True:
        if _proposes(token, res):
            return True
        if token.dep_ != "xcomp" or token.head is token:
            return False
        token = token.head  # "prepared to release", "wants to spend"


def _verb_of(phrase_head: Token) -> Token | None:
    """The number's verb: the first verb up the parse within _UP steps, or the root."""
    token = phrase_head
    for _ in range(_UP):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return token
        token = token.head
    return None


def _is_proposal(token: Token, res: Resources) -> bool:
    return "proposal" in {res.proposals.get(token.lemma_.lower()), res.proposals.get(token.lower_)}


def _proposes(verb: Token, res: Resources) -> bool:
    if _is_proposal(verb, res):
        return True
    for child in verb.children:
        modal = child.dep_ in {"aux", "auxpass"} and child.tag_ == "MD"
        if modal and res.proposals.get(child.lower_) == "modal":
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and (
            _is_proposal(child, res)
            or any(c.dep_ == "amod" and _is_proposal(c, res) for c in child.children)
        ):
            return True
    return False


def year(phrase_head: Token) -> int | None:
    """The year the number's clause is dated to: its verb (or the verb it is joined to, "packed
    ... in 1954 and killed 19") has "in" with a year as its object ("In 2009, 31 people were
    killed"), or a phrase of place so dated ("In a town in 2009, 31 were killed").  A year
    deeper in the clause dates something else ("in the area hit by the 2004 flood")."""
    token = _verb_of(phrase_head)
    if token is None:
        return None
    verbs = [token, token.head] if token.dep_ == "conj" else [token]
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            # "in 2009", or a place phrase of the verb dated so ("In a town in 2009, ...")
            found = _in_year(prep)
            for obj in prep.children:
                if found is None and obj.dep_ == "pobj":
                    found = next((y for c in obj.children if (y := _in_year(c))), None)
            if found is not None:
                return found
    return None


def _in_year(prep: Token) -> int | None:
    """The year of "in 2009"."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.text.isdigit() and 1900 <= int(obj.text) <= 2099:
            return int(obj.text)
    return None
