"""Actors: who each article names (``find``); ``framing.actors.link`` then gives each actor one
name across all the articles of a run.

Within one article a mention is
- a story-config actor matched by name or alias (``framing.actors.index.ActorIndex``), else
- a named entity (person, organisation, country or city, nationality or group), else
- a description the text tied to a name ("Prime Minister Jane Roe" or "Roe, the prime minister"
  makes a later "the prime minister" Roe; see ``framing.actors.descriptions``).

Mentions of one article are grouped: a surname alone joins the full name it ends ("Roe" with
"Jane Roe"), or the one it begins when none ends so (family name first: "Kim" with "Kim Jong
Un"); same-named organisations, places and groups are one group ("U.S.", "US").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from framing.actors import descriptions
from framing.actors.index import ActorIndex
from framing.actors.names import bare, best_form, person_words, words
from framing.config import Actor
from framing.nlp import Doc, doc_text, entities, in_dateline, token_list

ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    token_start: int  # token indices into the parse
    token_end: int
    text: str
    group: int  # the article-level group this mention belongs to


@dataclass(slots=True)
class Group:
    """The mentions of one actor in one article, before linking across articles."""

    kind: str
    forms: Counter[str] = field(default_factory=Counter)  # names as written, trimmed
    config: Actor | None = None

    def name(self) -> str:
        if self.config is not None:
            return self.config.name
        return best_form(self.forms, self.kind)


def find(
    doc: Doc, *, index: ActorIndex | None, first_names: Mapping[str, str] = {}
) -> tuple[list[Mention], list[Group]]:
    """The actor mentions of one parsed article, grouped by actor."""
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

    people: dict[str, int] = {}  # surname -> group of the fullest name seen so far
    for ent in entities(doc):
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if in_dateline(doc[ent.start]):
            continue  # "WASHINGTON (Reuters) -": where and by whom it was filed, not who acts
        form = bare(ent.text)
        if not form or not any(c.isupper() for c in form):
            continue
        if kind == "person":
            names = person_words(form)
            if not names:
                continue
            surname = names[-1]
            known = people.get(surname)
            if known is None and len(names) == 1:
                known = _begun_by(groups, people, surname)  # "Kim" after "Kim Jong Un"
            if known is None or (len(names) > 1 and _first_differs(groups[known], names)):
                known = len(groups)
                groups.append(Group(kind))
                people[surname] = known
            group = known
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
        add(ent.start_char, ent.end_char, group)

    _descriptions(doc, mentions, add, taken, first_names)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, groups


def _begun_by(groups: list[Group], people: dict[str, int], word: str) -> int | None:
    """The person group whose full name begins with ``word`` (family name first: "Kim" for
    "Kim Jong Un"), the most mentioned when several do; None on a tie or when none does."""
    counts = sorted(
        {
            (sum(groups[g].forms.values()), g)
            for g in people.values()
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
    mentions: list[Mention],
    add: Callable[[int, int, int], None],
    taken: list[tuple[int, int]],
    first_names: Mapping[str, str],
) -> None:
    """A description the text tied to a name ("the president" after "President Jane Roe", "the
    group" after "the rebel group Northern Front") is a mention of that name's actor
    (``descriptions.resolve``, the resolver attribution uses too)."""
    table = descriptions.descriptions(doc, first_names=first_names)
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
