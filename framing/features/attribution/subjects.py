"""Who a cue's verb is said by: its subject, or the one it inherits (participles, conjoined
verbs, relative clauses, control verbs), the agent of a passive, and the noun before a verb the
parser left without a subject."""

from __future__ import annotations

from framing.features.attribution.cues import ADDRESSED_VERBS, EVENTS, OBJECT_CONTROL, PERCEIVED
from framing.features.attribution.syntax import span_of, trim_span
from framing.nlp import Token, sentence_of
from framing.records import Span


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the one it inherits: a participle takes the subject of the verb it
    hangs on ("The union rejected it, saying ..."), a conjoined verb that of its first conjunct, a
    relative clause the noun it modifies.  A passive ("is expected to") has no source, nor does
    a participle of addressing ("Asked why, the minister said": she was asked)."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.lemma_ in ADDRESSED_VERBS:
        return None
    current = verb
    for _ in range(6):
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in current.children):
            # "X was caught on camera saying": X says it (the participle hangs on the passive)
            heard = current is not verb and current.lemma_ in PERCEIVED and verb.tag_ == "VBG"
            return (
                next((c for c in current.children if c.dep_ == "nsubjpass"), None)
                if heard
                else None
            )
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in {"WP", "WDT"} or subject.lower_ in {"who", "that", "which"}:
                # The source is the relative pronoun as written; who resolves it.
                return subject if current.dep_ == "relcl" else None
            return subject
        # A mis-parse seen often enough to repair: "representatives linked to X argue" read as
        # a clausal subject "linked" whose own subject is the speaker.
        for clause in (c for c in current.children if c.dep_ == "csubj"):
            nouns = [
                c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}
            ]
            if nouns:
                return nouns[0]
        if current.dep_ == "relcl":
            return _named_by_copula(current.head)
        if current.dep_ == "acl" and current.tag_ == "VB" and current.head.dep_ == "attr":
            return _named_by_copula(current.head)  # "Pell was the first to call for ..."
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "an official describing X": the noun speaks; ", accusing X" after an object hangs
            # on the noun by mistake and belongs to the clause's subject.
            # (an event does not speak: "at a news conference announcing X" is its speaker's;
            # nor does the addressee: "sent an e-mail to members saying X" is the sender's)
            noun = current.head
            # "to" inside the phrase too: the parser reads "to council members" as "to" + noun
            addressee = "to" in {
                noun.head.lower_ if noun.dep_ == "pobj" else "",
                noun.left_edge.lower_,
            }
            if (
                current.doc[current.i - 1].text != ","
                and current.head.lemma_ not in EVENTS
                and not addressee
            ):
                return current.head
            governor = current.head
            while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
                governor = governor.head
            current = governor
            continue
        participle = current.dep_ == "advcl" and current.tag_ in {"VBG", "VBN"}
        if current.dep_ == "conj" or participle:
            current = current.head
            continue
        if current.dep_ == "xcomp" or (current.dep_ == "acomp" and current.pos_ == "ADJ"):
            # "continues to insist", "was able to tout": the subject of the verb it completes;
            # "urged Stumpf to admit": its object
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if current.dep_ == "xcomp" and controller is not None:
                return controller if current.head.lemma_ in OBJECT_CONTROL else None
            copula = current.head.head if current.head.pos_ == "ADJ" else current.head
            judged = current.head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in copula.children)
            # "it is hard to argue that ...", "it's easy to make fun of X": an expletive "it"
            # argues nothing, and no one else is named
            expletive = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children)
            if current.dep_ == "xcomp" and judged and expletive:
                return None
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.head.pos_ == "VERB":
            # "began by saying", "was criticised for refusing": the subject of that verb
            current = current.head.head
            continue
        return None
    return None


def _named_by_copula(noun: Token) -> Token:
    """ "Pell was the first senator to call for ...": the one who called is Pell, the subject the
    copula describes, not the description."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
    return noun


def passive_of(verb: Token, text: str, words: list[Token]) -> tuple[Token | None, Span] | None:
    """ "X was criticised by Y" (Y is the source) and "X is believed to be Y" (no source: an
    attribution the outlet leaves unattributed).  The content is the passive subject with the
    clause it heads."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    clause = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    tokens: list[Token] = []
    if subject is not None and subject.tag_ not in {"WP", "WDT"}:
        tokens += list(subject.subtree)
    elif subject is not None and verb.dep_ == "relcl":
        tokens += list(verb.head.subtree)[: verb.head.i - verb.head.left_edge.i + 1]
    for part in clause:
        tokens += list(part.subtree)
    agent_ids = {t.i for t in agent.subtree} if agent is not None else set()
    tokens = [t for t in tokens if t.i not in agent_ids and t not in words and t.i != verb.i]
    if not tokens or (not objects and not clause):
        return None
    content = trim_span(text, span_of(tokens))
    if content is None:
        return None
    return (objects[0] if objects else None), content


def preceding_noun(verb: Token) -> Token | None:
    """When the parser attached the subject elsewhere ("..., former president Bill Clinton said
    ..." read as an apposition), the noun right before a finite verb is its subject."""
    index = verb.i - 1
    doc = verb.doc
    while index >= sentence_of(verb).start and (
        doc[index].dep_ in {"advmod", "aux", "neg"} or doc[index].is_space
    ):
        index -= 1
    if index < sentence_of(verb).start:
        return None
    candidate = doc[index]
    if candidate.text == "," and index > sentence_of(verb).start:
        # "Trump, who would have to hand over his empire, said": the name the clause before
        # the comma describes
        last = doc[index - 1]
        candidate = next(
            (a for a in [last, *last.ancestors] if a.pos_ == "PROPN" and a.right_edge.i == last.i),
            candidate,
        )
    if candidate.pos_ in {"PROPN", "NOUN", "PRON"} and candidate.dep_ not in {"pobj", "dobj"}:
        return candidate
    return None
