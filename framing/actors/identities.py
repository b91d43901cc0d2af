"""The people and bodies a text names, each once: its namings ("Donald Trump", "Trump", "Mr.
Trump") grouped by who they name, the rules of ``same`` and ``_joins``.  The descriptions
resolver (``framing.actors.descriptions``) and the pronoun resolver (``framing.actors.people``)
read the groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.actors.names import SUFFIXES, person_words, words

# One person or body: its names as written, and where (token start and end of each naming).
Group = tuple[list["Described"], list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Described:
    """What a description stands for: the name the text gave, its kind, and the last token of
    that name in the parse (to find the actor it belongs to)."""

    name: str
    kind: str  # person | organisation
    token: int
    gender: str | None = None  # male | female, when the name tells it (names.gender_of)
    title: tuple[str, ...] = ()  # the title written before the name ("vice", "president")


def same(a: Described, b: Described) -> bool:
    """One name written twice ("Jane Roe", "Roe"), or two.  A one-word "organisation" that is a
    person's surname is that person: the tagger's slip ("Trump said" tagged ORG)."""
    if a.kind != b.kind:
        person, body = (a, b) if a.kind == "person" else (b, a)
        single = words(body.name)
        return len(single) == 1 and person_words(person.name)[-1:] == single
    if a.kind != "person":
        return words(a.name) == words(b.name)
    if a.gender and b.gender and a.gender != b.gender:
        return False  # "Mr. Lopez" is not "Maria Lopez"
    first, second = person_words(a.name), person_words(b.name)
    if not first or not second:
        return False
    if first[-1] != second[-1]:
        return False
    if len(first) == 1 or len(second) == 1:
        return True
    # "Jesse Jackson Jr." is not "Jesse Jackson", his father
    return first[0] == second[0] and _suffix(a.name) == _suffix(b.name)


def _suffix(name: str) -> str | None:
    """A name's generational suffix ("Jr."), if it has one."""
    written = words(name)
    return written[-1] if len(written) > 1 and written[-1] in SUFFIXES else None


def group(
    namings: Sequence[tuple[Described, int, int]],
) -> tuple[list[Described], list[list[int]], list[list[Described]], list[tuple[int, int, int]]]:
    """The namings (a name as written, its first and last token), in text order, grouped by who
    they name: each one's first form, where it is named (first tokens), every form, and each
    naming's tokens with its group.  A name joins the earlier ones it is the same as (``_joins``),
    and so all of theirs: "Trump" with "Donald Trump" and with "Donald J. Trump"."""
    groups: list[Group] = []
    for form, start, end in namings:
        joined = _joins(groups, form)
        merged: Group = ([form], [(start, end)])
        for group in joined:
            merged[0].extend(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        groups.append(merged)
    groups.sort(key=lambda g: min(g[1]))
    names_once = [_first(g[0]) for g in groups]
    where = [sorted(start for start, _ in g[1]) for g in groups]
    members = [g[0] for g in groups]
    spans = sorted((start, end, i) for i, g in enumerate(groups) for start, end in g[1])
    return names_once, where, members, spans


def _first(forms: list[Described]) -> Described:
    """The first form written, a person when any form names one in full: "Grimm" tagged a body
    in a headline is the "Michael G. Grimm" of the text."""
    first = min(forms, key=lambda d: d.token)
    person = any(d.kind == "person" and len(person_words(d.name)) > 1 for d in forms)
    return replace(first, kind="person") if person and first.kind != "person" else first


def _joins(groups: list[Group], form: Described) -> list[Group]:
    """The groups of names so far that ``form`` is one of.  A full name joins the groups it is
    the same as; a surname alone ("Jackson") joins only one person named in full with it, the
    one named most so far ("Jesse Jackson Jr.", not his father named in passing), and a gender
    no group of it shares keeps it apart ("Mr. Lopez" from "Maria Lopez")."""

    def gender(group: Group) -> str | None:
        return next((d.gender for d in group[0] if d.gender), None)

    def full(group: Group) -> list[Described]:
        return [d for d in group[0] if d.kind == "person" and len(person_words(d.name)) > 1]

    # a full name joins a group by its full names, not through a surname the group was also
    # called by ("Tom Beck" is not "Tom Beck Jr." because both were called "Beck")
    def by(group: Group) -> list[Described]:
        """The names of ``group`` that ``form`` is compared with."""
        if form.kind == "person" and len(person_words(form.name)) > 1:
            return full(group) or group[0]
        return group[0]

    matching = [
        g
        for g in groups
        if any(same(d, form) for d in by(g))
        and not (form.gender and gender(g) and gender(g) != form.gender)
    ]
    if form.kind != "person" or len(person_words(form.name)) != 1 or len(matching) < 2:
        return matching if len({gender(g) for g in matching} - {None}) < 2 else []
    in_full = [g for g in matching if full(g)]
    if not in_full:
        return matching
    # "Former Vice President Cheney" is the "ex-Vice President Dick Cheney" of the text, not
    # his daughters: a title the surname carries picks the one it was given to
    titled = [g for g in in_full if form.title and any(d.title == form.title for d in g[0])]
    if len(titled) == 1:
        return titled
    # the one named most so far, else the one named first: news style introduces its subject,
    # then sets a relative apart in passing ("his father, Rev. Jesse Jackson")
    return [max(in_full, key=lambda g: (len(g[1]), -min(start for start, _ in g[1])))]


def one_each(found: list[Described]) -> list[Described]:
    """One Described a name, its fullest form, in the order first tied."""
    names: list[list[Described]] = []
    for described in found:
        known = next((n for n in names if same(n[0], described)), None)
        if known is None:
            names.append([described])
        else:
            known.append(described)
    return [max(n, key=lambda d: (len(d.name), -d.token)) for n in names]
