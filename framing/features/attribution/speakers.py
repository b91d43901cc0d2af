"""Who a source is: the speaker it resolves to, its kind and its side."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from framing.actors import people
from framing.actors.descriptions import Described, Descriptions, resolve
from framing.actors.index import ActorIndex
from framing.actors.names import HONORIFICS, bare, fullest_name, gender_of, name_at, person_words
from framing.actors.people import Candidate
from framing.features.attribution.cues import (
    Resources,
)
from framing.features.attribution.finders import (
    Found,
)
from framing.features.attribution.syntax import (
    noun_phrase,
    span_of,
)
from framing.nlp import Span, Token, doc_text, entities, token_list

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


def _full(person: Token, entity: Span | None, described: Descriptions) -> str:
    """A person's name without its title ("Senator Jane Smith" -> "Jane Smith"), in its longest
    form, never another person's of the same surname ("Mr. Lopez" is not "Maria Lopez")."""
    who = described.at(person.i)
    if who is not None and described.named[who].kind == "person":
        return described.fullest(who)
    plain = entity.text if entity is not None and entity.label_ == "PERSON" else name_at(person)
    start = entity.start if entity is not None else person.i
    before = person.doc[start - 1].text if start else ""
    gender = gender_of(plain, before, described.first_names)
    return fullest_name(person.doc, plain, gender=gender, first_names=described.first_names)


def _is_person(token: Token, described: Descriptions) -> tuple[Span | None, bool]:
    """The entity holding ``token``, and whether it is a person's name: a PERSON entity; or a
    proper noun the text gives elsewhere with a first name, written with a first name the shipped
    list knows, after an honorific or title ("Rep. Grimm"), or before a party tag ("Cleaver,
    D-Mo.")."""
    doc = token.doc
    entity = next((e for e in entities(doc) if e.start <= token.i < e.end), None)
    if entity is not None and entity.label_ == "PERSON":
        return entity, True
    if token.pos_ != "PROPN":
        return entity, False
    surname = name_at(token)
    who = described.at(token.i)
    named = person_words(surname)
    start = token.i - len(surname.split()) + 1
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    after = doc_text(doc)[token.idx + len(token.text) : token.idx + len(token.text) + 12]
    return entity, (
        fullest_name(doc, surname) != surname
        or (who is not None and described.named[who].kind == "person")
        or (len(named) > 1 and named[0] in described.first_names)
        or before in HONORIFICS
        or _PARTY_TAG.match(after) is not None
        or _titled_name(entity)
    )


def _titled_name(entity: Span | None) -> bool:
    """A speaker's name the recogniser took for a title (WORK_OF_ART): two or three capitalised
    words, often beside a stray quotation mark ("' Ann Lee wrote").  A title does not speak, and
    a body's name it mistakes for a title keeps a lower-case word or a determiner ("the Post")."""
    if entity is None or entity.label_ != "WORK_OF_ART":
        return False
    words = [t for t in entity if t.is_alpha]
    return (
        2 <= len(words) <= 3
        and len(words) == len([t for t in entity if not t.is_punct])
        and all(t.is_title and t.pos_ == "PROPN" for t in words)
    )


# "(D-Calif.)", ", R-Ky.": a party and a state after a politician's name
_PARTY_TAG = re.compile(r"^,?\s*\(?[DRI]-[A-Z][A-Za-z.]*")


def _person(head: Token, described: Descriptions) -> tuple[Token, Span | None, bool]:
    """The token that names the speaker, its entity, and whether it is a person.  "The envoy,
    Sam Okafor": the name in apposition; "Ann Reyes, a Democrat": the head itself, whatever
    stands beside it."""
    entity, is_person = _is_person(head, described)
    if is_person:
        return head, entity, True
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None:
        return head, entity, False
    found, named_person = _is_person(named, described)
    return (named, found, True) if named_person else (head, entity, False)


def _author(head: Token, statements: set[str]) -> Token | None:
    """Who a statement is by: its possessor ("the group's statement", "his letter", "a
    resolution of its own"), the object of "from" or "by" ("a statement from the committee"),
    the subject of the verb that issued it or spoke in it ("X issued a statement saying", "X
    said in a statement"), or, for "the statement" with none of these, the author of the last
    statement before it ("The group issued a statement ... The statement said").
    ``statements``: the lemmas of statement words."""
    found = _written_author(head)
    if found is not None:
        return found
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return None
    for token in reversed(token_list(head.doc)[: head.i]):
        # not one named inside what a statement says ("demanding X withdraw its resolution")
        if token.lemma_.lower() in statements and not any(
            a.dep_ == "ccomp" for a in token.ancestors
        ):
            earlier = _written_author(token)
            if earlier is not None:
                return earlier
    return None


def _written_author(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                continue
            owner = next((c for c in objects[0].children if c.dep_ == "poss"), None)
            if objects[0].lower_ == "own" and owner is not None:
                return owner  # "of its own"
            if child.lower_ != "of":
                # "the statement from Grimm's attorney, William McGinley": the parser hangs the
                # name on the statement; it names the author
                named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                return next((c for c in named if c.i > objects[0].i), objects[0])
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "said in a written statement"
    elif head.dep_ != "dobj":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def who(
    item: Found,
    text: str,
    res: Resources,
    actors: ActorIndex | None,
    described: Descriptions,
    earlier: list[Candidate],
    quoted: Callable[[int, int], bool] | None = None,
) -> Speaker:
    head = item.head
    assert head is not None  # agentless attributions never reach here
    if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl":
        # "Okafor, who suggested ...": the speaker is the noun the clause modifies.
        antecedent = head.head.head
        stand_in = Found(
            antecedent, noun_phrase(antecedent), item.cue_tokens, item.cue, item.content
        )
        return who(stand_in, text, res, actors, described, earlier, quoted)
    span = span_of(item.source)
    words = bare(text[span.start : span.end], description=True)
    within = actors.within(words) if actors is not None else None
    side = within.side if within is not None else None
    if head.pos_ == "PRON":
        if head.lower_ not in people.PERSONAL:  # "those", "some", "others": nobody in particular
            return Speaker(words, "unnamed", side)
        found = people.antecedent(described, head, earlier, quoted)
        if found is None:  # unresolved: nobody fits, or two do
            kind = "named" if head.lower_ in people.PRONOUN_GENDER else "unnamed"
            return Speaker(None, kind, None)
        listed = actors.within(found.name) if actors is not None else None
        if listed is not None and found.kind != "unnamed":
            return Speaker(listed.name, found.kind, found.side or listed.side)
        # an unnamed source keeps its words: the config gives it only a side
        return Speaker(found.name, found.kind, found.side or (listed.side if listed else None))
    exact = actors.exact(words) if actors is not None else None
    if exact is not None:
        return Speaker(exact.name, _KIND_OF_ACTOR[exact.kind], exact.side)
    person, entity, is_person = _person(head, described)
    lemma = head.lemma_.lower()
    generic = res.speaker_kind.get(lemma) or res.speaker_kind.get(head.lower_)
    if head.pos_ == "PROPN" and generic == "statement":
        generic = None  # "The Washington Post": a name, not a post ("a Quinnipiac Poll" is one)
    if not is_person and generic == "document":
        return Speaker(words, "document", side)  # "public records show", "a poll found"
    if not is_person and generic == "statement":
        statements = {w for w, k in res.speaker_kind.items() if k == "statement"}
        author = _author(head, statements)  # "the group's statement", "a statement from ..."
        if author is not None:
            stand_in = Found(author, noun_phrase(author), item.cue_tokens, item.cue, item.content)
            by = who(stand_in, text, res, actors, described, earlier, quoted)
            if by.name is not None:
                return by
        return Speaker(words, "unnamed", side)
    if not is_person and generic:
        tied = resolve(described, item.source, head) if head.pos_ == "NOUN" else None
        if tied is not None:
            return _described(tied, actors, side)
        return Speaker(words, "unnamed", side)
    if is_person:
        name = _full(person, entity, described)
        if within is not None and within.kind == "person" and name.split()[-1] in within.name:
            name = within.name
        # "Pelham and Shaw said": a pair stays a pair
        pair = [c for c in person.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if pair:
            name = f"{name} and {_full(pair[0], _is_person(pair[0], described)[0], described)}"
        return Speaker(name, "named", side)
    if head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE", "NORP", "FAC"}:
        return Speaker(words, "organisation", side)
    tied = resolve(described, item.source, head)
    if tied is not None:
        return _described(tied, actors, side)
    return Speaker(words, "unnamed", side)
