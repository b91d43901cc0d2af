"""Who a source is: the speaker it resolves to, its kind and its side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.actors.index import ActorIndex
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
from framing.nlp import Doc, Span, Token, entities, token_list

_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
# "a campaigner said": someone new, never a person or body the text described before
_INDEFINITE = re.compile(r"^(a|an)\s+", re.IGNORECASE)
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


# What a description the text ties to a name stands for: the name, and the kind of speaker.
SetUp = dict[str, tuple[str, str]]


def set_up_names(doc: Doc) -> SetUp:
    """Descriptions the text ties to a name: "the rebel group Northern Front", "Unite, the
    union" (organisations), and a person's title ("President Jane Roe": a later "the president"
    is Jane Roe).  A title given to two people in one text ties to neither."""
    names: SetUp = {}
    for token in token_list(doc):
        if token.pos_ != "PROPN":
            continue
        for child in token.children:
            # "the group Unite": the description is a compound or modifier of the name ...
            if child.dep_ in {"compound", "nmod"} and child.pos_ == "NOUN" and child.i < token.i:
                names[child.lemma_.lower()] = (_name_of(token), "organisation")
        # ... or the name stands in apposition to the description, either way round.
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":
            names[token.head.lemma_.lower()] = (_name_of(token), "organisation")
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                names[child.lemma_.lower()] = (_name_of(token), "organisation")
    titled: dict[str, set[str]] = {}
    for title, person in _titles(doc):
        titled.setdefault(title, set()).add(person)
    for title, people in titled.items():
        if len(people) == 1:
            names[title] = (next(iter(people)), "named")
        else:
            names.pop(title, None)
    return names


def _titles(doc: Doc) -> list[tuple[str, str]]:
    """(title, person) for each person's name with a title word just before it: "President"
    in "President Jane Roe", "spokesman" in "union spokesman Sam Okafor" (the word nearest the
    name, which is what a later description repeats: "the president", "the spokesman")."""
    found = []
    for ent in entities(doc):
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        before = doc[ent.start - 1]
        if before.dep_ == "compound" and ent.start <= before.head.i < ent.end and before.is_alpha:
            found.append((before.lemma_.lower(), ent.text))
    return found


def _name_of(token: Token) -> str:
    words = [
        t for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i
    ] + [token]
    words.sort(key=lambda t: t.i)
    run = [words[-1]]
    for word in reversed(words[:-1]):
        if word.i == run[0].i - 1:
            run.insert(0, word)
    return " ".join(t.text for t in run)


def _full_person_name(doc: Doc, surname: str) -> str:
    """The longest PERSON name in the document ending in ``surname`` ("Lopez" -> "Maria Lopez")."""
    best = surname
    tokens = token_list(doc)
    for ent in entities(doc):
        if (
            ent.label_ == "PERSON"
            and tokens[ent.end - 1].text == surname.split()[-1]
            and len(ent.text) > len(best)
        ):
            best = ent.text
    return best


def _described(described: tuple[str, str], actors: ActorIndex | None, side: str | None) -> Speaker:
    """A description ("the group", "the president") the text tied to a name: that body or
    person, with its config side."""
    name, kind = described
    resolved = actors.within(name) if actors is not None else None
    if resolved is None:
        return Speaker(name, kind, side)
    return Speaker(resolved.name, kind, resolved.side)


def _tied(set_up: SetUp, head: Token) -> tuple[str, str] | None:
    """What the text tied the description headed by ``head`` to, if anything: a body may be
    plural, one person is not ("two ministers", "the spokesmen")."""
    described = set_up.get(head.lemma_.lower())
    if described is not None and described[1] == "named" and head.tag_ in {"NNS", "NNPS"}:
        return None
    return described


def _is_person(token: Token) -> tuple[Span | None, bool]:
    """The entity holding ``token``, and whether it is a person's name: a PERSON entity, or a
    proper noun the text gives elsewhere with a first name."""
    entity = next((e for e in entities(token.doc) if e.start <= token.i < e.end), None)
    if entity is not None and entity.label_ == "PERSON":
        return entity, True
    surname = _name_of(token)
    return entity, token.pos_ == "PROPN" and _full_person_name(token.doc, surname) != surname


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
    set_up: SetUp,
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
        return who(stand_in, text, res, actors, set_up, earlier)
    span = span_of(item.source)
    words = _DETERMINERS.sub("", text[span.start : span.end])
    refers_back = _INDEFINITE.match(text[span.start : span.end]) is None
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
        described = (
            _tied(set_up, head)
            if refers_back and head.pos_ == "NOUN" and words.lower().split()[0:1] == [head.lower_]
            else None
        )
        if described is not None and not any(
            t.dep_ in {"amod", "compound", "nummod"} for t in head.children
        ):
            return _described(described, actors, side)
        return Speaker(words, "unnamed", side)
    if is_person:
        surname = _name_of(person)
        # The name without its title ("Senator Jane Smith" -> "Jane Smith"), in its longest form.
        bare = entity.text if entity is not None and entity.label_ == "PERSON" else surname
        if within is not None and within.kind == "person" and bare.split()[-1] in within.name:
            name = within.name
        else:
            name = _full_person_name(doc, bare)
        return Speaker(name, "named", side)
    if head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE", "NORP", "FAC"}:
        return Speaker(words, "organisation", side)
    described = _tied(set_up, head) if refers_back else None
    if described is not None:
        return _described(described, actors, side)
    return Speaker(words, "unnamed", side)
