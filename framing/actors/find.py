"""Actors: who each article names (``find``); ``framing.actors.link`` then gives each actor one
name across all the articles of a run.

Within one article a mention is
- a story-config actor matched by name or alias (``framing.actors.index.ActorIndex``), else
- a named entity (person, organisation, country or city, nationality or group), else
- a description the text tied to a name ("Prime Minister Jane Roe" or "Roe, the prime minister"
  makes a later "the prime minister" Roe; see ``framing.actors.descriptions``).

Entities that name no actor are left out (``framing.actors.junk``: fragments of titles,
addresses and party tags, state abbreviations, common words opening a sentence, materials), and
a title gives a name its kind ("Mr Urban" is a person, "the F.B.I." no place).

Mentions of one article are grouped: a surname alone joins the full name it ends ("Roe" with
"Jane Roe"), or the one it begins when none ends so (family name first: "Kim" with "Kim Jong
Un"), never one of another gender ("Mr. Lopez" and "Maria Lopez", told by courtesy titles and
``first_names``) and none when two full names could be it; same-named organisations, places and
groups are one group ("U.S.", "US").  A one-word place, body or group that is the surname of the
one person named in full is that person (a tagging slip: "Hagel said").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from framing.actors import descriptions, junk, pronouns
from framing.actors.index import ActorIndex
from framing.actors.names import HONORIFICS, bare, best_form, gender_of, person_words, words
from framing.config import Actor
from framing.nlp import (
    Doc,
    Span,
    Token,
    doc_text,
    entities,
    in_dateline,
    in_headline,
    token_list,
)

ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    token_start: int  # token indices into the parse
    token_end: int
    text: str
    group: int  # the article-level group this mention belongs to


# How a name modifies a noun rather than names an actor: "Republican senators", "American troops".
MODIFIERS = {"amod", "compound"}


@dataclass(slots=True)
class Group:
    """The mentions of one actor in one article, before linking across articles."""

    kind: str
    forms: Counter[str] = field(default_factory=Counter)  # names as written, trimmed
    config: Actor | None = None
    # named as a noun at least once, not only as a modifier ("Republican senators")
    named: bool = False

    def name(self) -> str:
        if self.config is not None:
            return self.config.name
        return best_form(self.forms, self.kind)


def find(
    doc: Doc,
    *,
    index: ActorIndex | None,
    first_names: Mapping[str, str] = {},
    quoted: Callable[[int, int], bool] | None = None,
) -> tuple[list[Mention], list[Group]]:
    """The actor mentions of one parsed article, grouped by actor (``first_names``: the gender
    a first name tells, lower case, to keep apart people of one surname; ``quoted``: whether
    characters start..end lie inside a quotation, which a pronoun outside it never points
    into)."""
    text = doc_text(doc)
    groups: list[Group] = []
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    by_config: dict[str, int] = {}
    by_key: dict[str, int] = {}

    def add(start: int, end: int, group: int) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        mentions.append(Mention(start, end, span.start, span.end, text[start:end], group))
        taken.append((start, end))

    if index is not None:
        for start, end, actor in index.mentions(text):
            if actor.name not in by_config:
                by_config[actor.name] = len(groups)
                groups.append(Group(actor.kind, config=actor))
            group = by_config[actor.name]
            groups[group].forms[bare(text[start:end])] += 1
            add(start, end, group)

    people: dict[str, list[int]] = {}  # surname -> the person groups of that surname
    tokens = token_list(doc)
    lowered = junk.lowered_words(tokens)
    slips = _surnames(doc, tokens, lowered)
    for ent in entities(doc):
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if in_headline(doc, ent.start_char):
            # a headline in title case runs its words into names ("NAACP Condemns Tea Party");
            # the article names its actors again below it
            continue
        if in_dateline(tokens[ent.start]):
            continue  # "WASHINGTON (Reuters) -": where and by whom it was filed, not who acts
        if junk.not_an_actor(ent, tokens, lowered):
            continue
        start, end = ent.start_char, ent.end_char
        if kind == "person":  # "Obama's Afghan surge": the person is the possessor
            end = _possessor_end(ent, tokens) or end
            start = _first_name_before(ent, tokens, first_names) or start
        elif len(ent) > 2 and ent[-2].tag_ == "POS" and ent[-1].text.isupper():
            start = ent[-1].idx  # "Steele's RNC": the body is the acronym, its owner apart
        form = bare(text[start:end])
        if not form or not any(c.isupper() for c in form):
            continue
        kind = junk.kind_of(ent, tokens, kind)
        if kind != "person" and _slip(ent, tokens, slips):
            kind = "person"
        if kind == "person":
            form = _person_form(form, tokens, ent)
            names = person_words(form)
            if not names:
                continue
            joined = _person_group(groups, people, form, names, first_names)
            if joined is None:
                joined = len(groups)
                groups.append(Group(kind))
                people.setdefault(names[-1], []).append(joined)
            group = joined
        else:
            key = " ".join(words(form))
            listed = index.exact(form) if index is not None else None
            if listed is not None:
                group = by_config.setdefault(listed.name, len(groups))
                if group == len(groups):
                    groups.append(Group(listed.kind, config=listed))
            elif key in by_key:
                group = by_key[key]
            else:
                group = len(groups)
                groups.append(Group(kind))
                by_key[key] = group
        groups[group].forms[form] += 1
        groups[group].named |= ent.root.dep_ not in MODIFIERS
        add(start, end, group)

    table = descriptions.descriptions(doc, first_names=first_names)
    _descriptions(doc, table, mentions, add, taken)
    group_of = {i: m.group for m in mentions for i in range(m.token_start, m.token_end)}
    for start, end, group in pronouns.mentions(doc, table, group_of, quoted):
        add(start, end, group)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, groups


def _person_form(form: str, tokens: list[Token], ent: Span) -> str:
    """A person's name as grouped: with the courtesy title written before it, which tells the
    gender ("Mr. Lopez"), and without an abbreviated title names.py does not know ("Pres
    Obama" is Obama)."""
    parts = form.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in junk.PERSONAL - HONORIFICS:
        parts = parts[1:]
    form = " ".join(parts)
    before = tokens[ent.start - 1] if ent.start else None
    if before is not None and gender_of("", before.text, {}) and not gender_of(form, "", {}):
        return f"{before.text} {form}"
    return form


def _first_name_before(
    ent: Span, tokens: list[Token], first_names: Mapping[str, str]
) -> int | None:
    """Where a person's name starts when the recogniser began it at a middle initial:
    "Councilman Domenic M. Recchia Jr." tagged from "M." (a first name the shipped list knows;
    not "Ambassador J. Christopher Stevens")."""
    first = tokens[ent.start]
    if not (len(first.text) == 2 and first.text[0].isupper() and first.text[1] == "."):
        return None
    before = tokens[ent.start - 1] if ent.start else None
    if before is None or before.pos_ != "PROPN" or not before.text[:1].isupper():
        return None
    if before.ent_type_ or before.lower_ not in first_names:
        return None
    return int(before.idx)


def _possessor_end(ent: Span, tokens: list[Token]) -> int | None:
    """Where the possessor ends in a person's name with a possessive inside ("Obama's Afghan",
    "Trump ' s campaign" in text split into tokens); None when there is none."""
    for i in range(ent.start + 1, ent.end - 1):
        word = tokens[i].lower_
        if word in {"'s", "\u2019s"} or (word in {"'", "\u2019"} and tokens[i + 1].lower_ == "s"):
            return tokens[i - 1].idx + len(tokens[i - 1].text)
    return None


def _gender(group: Group, first_names: Mapping[str, str]) -> str | None:
    """What a group's courtesy titles and first names tell of its gender; None when nothing
    does, or they disagree."""
    told = set()
    for form in group.forms:
        found = gender_of(form, "", first_names)
        if found:
            told.add(found)
    return told.pop() if len(told) == 1 else None


def _person_group(
    groups: list[Group],
    people: dict[str, list[int]],
    form: str,
    names: list[str],
    first_names: Mapping[str, str],
) -> int | None:
    """The group a person's name joins: a full name the one of that surname with the same first
    name; a surname alone the one full name of that surname and no other gender ("Roe" with
    "Jane Roe"; the most mentioned of several), else the one it begins ("Kim" after "Kim Jong
    Un"); None for a new group, and when two named as often could be it."""
    mine = gender_of(form, "", first_names)
    same = [
        g
        for g in people.get(names[-1], [])
        if (told := _gender(groups[g], first_names)) is None or mine is None or told == mine
    ]
    if len(names) > 1:
        matching = [g for g in same if not _first_differs(groups[g], names)]
        return matching[-1] if matching else None
    full = sorted(
        (g for g in same if any(len(person_words(f)) > 1 for f in groups[g].forms)),
        key=lambda g: -sum(groups[g].forms.values()),
    )
    if len(full) > 1 and sum(groups[full[0]].forms.values()) == sum(groups[full[1]].forms.values()):
        # "Mr. Lopez" after Carlos and Juan Lopez, each named as often: either; a group of its own
        alone = [g for g in same if g not in full]
        return alone[-1] if alone else None
    if full or same:
        return full[0] if full else same[-1]
    return _begun_by(groups, [g for gs in people.values() for g in gs], names[-1])


def _surnames(doc: Doc, tokens: list[Token], lowered: frozenset[str]) -> dict[str, int]:
    """How many people named in full end in each word: a first name and a surname, a middle
    initial at most, the first name no common word ("Bipartisan House", "Calm Envelopes
    Baltimore" are no people); never a word the article writes as a body's or a place's, after
    "the" or a place's preposition ("the House", "in Germany")."""
    found: dict[str, set[str]] = {}
    placed = set()
    for ent in entities(doc):
        names = person_words(bare(ent.text))
        before = tokens[ent.start - 1].lower_ if ent.start else ""
        if ent.label_ != "PERSON" and (before == "the" or before in PLACE_WORDS):
            placed.add(names[-1] if names else "")
        plain = len(names) == 2 or (len(names) == 3 and len(names[1]) == 1)
        if ent.label_ == "PERSON" and plain and names[0] not in lowered:
            found.setdefault(names[-1], set()).add(names[0])
    return {surname: len(firsts) for surname, firsts in found.items() if surname not in placed}


def _slip(ent: Span, tokens: list[Token], slips: dict[str, int]) -> bool:
    """A one-word place, body or group that is the surname of the one person named in full in
    the article ("Hagel", "Cuban") and never stands after "the" or a place's preposition ("the
    House", "in Baltimore")."""
    word = bare(ent.text).lower()  # "Kristol's" too
    if " " in word or slips.get(word) != 1:
        return False
    before = tokens[ent.start - 1].lower_ if ent.start else ""
    return before != "the" and before not in PLACE_WORDS


PLACE_WORDS = {"in", "to", "from", "at", "near", "across", "into", "outside", "around"}


def _begun_by(groups: list[Group], people: list[int], word: str) -> int | None:
    """The person group whose full name begins with ``word`` (family name first: "Kim" for
    "Kim Jong Un"), the most mentioned when several do; None on a tie or when none does."""
    counts = sorted(
        {
            (sum(groups[g].forms.values()), g)
            for g in people
            if any(len(n) > 1 and n[0] == word for n in map(person_words, groups[g].forms))
        },
        reverse=True,
    )
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return counts[0][1]


def _first_differs(group: Group, names: list[str]) -> bool:
    """Two people share a surname: "Jane Roe" and "John Roe" are not one person."""
    for form in group.forms:
        known = person_words(form)
        if len(known) > 1 and known[0] != names[0] and known[0][0] != names[0][0]:
            return True
    return False


def _descriptions(
    doc: Doc,
    table: descriptions.Descriptions,
    mentions: list[Mention],
    add: Callable[[int, int, int], None],
    taken: list[tuple[int, int]],
) -> None:
    """A description the text tied to a name ("the president" after "President Jane Roe", "the
    group" after "the rebel group Northern Front") is a mention of that name's actor
    (``descriptions.resolve``, the resolver attribution uses too)."""
    if not table.tied:
        return
    group_of = {i: m.group for m in mentions for i in range(m.token_start, m.token_end)}
    tokens = token_list(doc)  # the Doc's Tokens made once: ``chunk[0]`` makes one each time
    for chunk in doc.noun_chunks:
        if tokens[chunk.start].lower_ != "the":
            continue
        root = tokens[chunk.root.i]
        found = descriptions.resolve(table, tokens[chunk.start : root.i + 1], root)
        if found is None or found.token not in group_of:
            continue
        start, end = chunk.start_char, chunk.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        add(start, end, group_of[found.token])
