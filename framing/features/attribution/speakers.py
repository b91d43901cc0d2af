"""Who a source is: the speaker it resolves to, its kind and its side."""

from __future__ import annotations

from dataclasses import dataclass

from framing.actors.descriptions import Described, Descriptions, resolve
from framing.actors.index import ActorIndex
from framing.actors.names import bare, fullest_name, name_at
from framing.features.attribution.cues import (
    PRONOUNS_PERSON,
    Resources,
)
from framing.features.attribution.finders import (
    Found,
)
from framing.features.attribution.syntax import (
    noun_phrase,
    span_of,
)
from framing.nlp import Span, Token, entities

_KIND_OF_ACTOR = {
    "person": "named",
    "organisation": "organisation",
    "place": "organisation",
    "group": "unnamed",
}
NUMBER_WORDS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "many",
    "some",
    "multiple",
    "few",
}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    kind: str
    side: str | None


def _described(described: Described, actors: ActorIndex | None, side: str | None) -> Speaker:
    """A description ("the group", "the president") the text tied to a name: that body or
    person, with its config side."""
    kind = "named" if described.kind == "person" else "organisation"
    resolved = actors.within(described.name) if actors is not None else None
    if resolved is None:
        return Speaker(described.name, kind, side)
    return Speaker(resolved.name, kind, resolved.side)


def _is_person(token: Token) -> tuple[Span | None, bool]:
    """The entity holding ``token``, and whether it is a person's name: a PERSON entity, or a
    proper noun the text gives elsewhere with a first name."""
    entity = next((e for e in entities(token.doc) if e.start <= token.i < e.end), None)
    if entity is not None and entity.label_ == "PERSON":
        return entity, True
    surname = name_at(token)
    return entity, token.pos_ == "PROPN" and fullest_name(token.doc, surname) != surname


def _person(head: Token) -> tuple[Token, Span | None, bool]:
    """The token that names the speaker, its entity, and whether it is a person.  "The envoy,
    Sam Okafor": the name in apposition; "Ann Reyes, a Democrat": the head itself, whatever
    stands beside it."""
    entity, is_person = _is_person(head)
    if is_person:
        return head, entity, True
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None:
        return head, entity, False
    found, named_person = _is_person(named)
    return (named, found, True) if named_person else (head, entity, False)


def who(
    item: Found,
    text: str,
    res: Resources,
    actors: ActorIndex | None,
    described: Descriptions,
    earlier: list[tuple[int, Speaker]],
) -> Speaker:
    head = item.head
    assert head is not None  # agentless attributions never reach here
    doc = head.doc
    if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl":
        # "Okafor, who suggested ...": the speaker is the noun the clause modifies.
        antecedent = head.head.head
        stand_in = Found(
            antecedent, noun_phrase(antecedent), item.cue_tokens, item.cue, item.content
        )
        return who(stand_in, text, res, actors, described, earlier)
    span = span_of(item.source)
    words = bare(text[span.start : span.end], description=True)
    within = actors.within(words) if actors is not None else None
    side = within.side if within is not None else None
    if head.pos_ == "PRON":
        wanted = "named" if head.lower_ in PRONOUNS_PERSON else "group"
        for _, speaker in reversed(earlier):
            if (speaker.kind == "named") == (wanted == "named"):
                return speaker
        label = {"named": {"PERSON"}, "group": {"ORG", "GPE", "NORP"}}[wanted]
        for ent in reversed(
            [e for e in entities(doc) if e.end_char <= head.idx and e.label_ in label]
        ):
            found = actors.within(ent.text) if actors is not None else None
            name = found.name if found is not None else ent.text
            kind = "named" if wanted == "named" else "organisation"
            return Speaker(name, kind, found.side if found else None)
        return Speaker(None, "unnamed", None)
    exact = actors.exact(words) if actors is not None else None
    if exact is not None:
        return Speaker(exact.name, _KIND_OF_ACTOR[exact.kind], exact.side)
    person, entity, is_person = _person(head)
    lemma = head.lemma_.lower()
    if not is_person and (lemma in res.speaker_kind or head.lower_ in res.speaker_kind):
        tied = resolve(described, item.source, head) if head.pos_ == "NOUN" else None
        if tied is not None:
            return _described(tied, actors, side)
        return Speaker(words, "unnamed", side)
    if is_person:
        surname = name_at(person)
        # The name without its title ("Senator Jane Smith" -> "Jane Smith"), in its longest form.
        plain = entity.text if entity is not None and entity.label_ == "PERSON" else surname
        if within is not None and within.kind == "person" and plain.split()[-1] in within.name:
            name = within.name
        else:
            name = fullest_name(doc, plain)
        return Speaker(name, "named", side)
    if head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE", "NORP", "FAC"}:
        return Speaker(words, "organisation", side)
    tied = resolve(described, item.source, head)
    if tied is not None:
        return _described(tied, actors, side)
    return Speaker(words, "unnamed", side)
