"""Actors across articles: one actor, under one name, for the groups of mentions that
``framing.actors.find`` made in each article.

Groups are joined by shared keys (``keys``): a person's first and last name (and every name word
run together: "Kim Jong Un" and "Kim Jong-un"), an organisation's name and acronym, a
nationality's country ("Afghan", "Afghanistan"), a party's members ("the Ruritanian Party",
"Ruritanians") and its adjective ("Democratic", "Democrats").  A surname alone joins the full
name it ends that the run mentions most, of no other gender ("Mr. Lopez" is not "Maria Lopez"
once an article calls her "Ms. Lopez"), and none when its own article names two people of that
surname; else the one it begins (family name first); a one-word organisation that is one
person's surname joins that person (a tagging slip).  An actor with a person named in full or by
a courtesy title among its groups is a person, whatever else the tagger called it; the name is
the fullest form any article uses, a config actor's own name where there is one.

``names_outlet`` tells whether a name is the article's own outlet ("Fox News" in a Fox News
article, "the Huffington Post" in HuffPost's): an outlet citing itself names no actor.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from framing.actors.find import Group
from framing.actors.names import (
    DEMONYM_ENDINGS,
    FEMALE,
    MALE,
    acronym,
    best_form,
    demonym_of,
    gender_of,
    person_words,
    words,
)

# A nationality word and its place share at least their first four letters (see demonym_of).
PREFIX = 4


def place_index(places: Iterable[str]) -> dict[str, list[str]]:
    """The place names by the first four letters of their lower case, in sorted order: the only
    places ``demonym_of`` can match a word to (looking through every place of a corpus for each
    nationality word took half the time of linking 1,000 articles)."""
    index: dict[str, list[str]] = defaultdict(list)
    for place in sorted(places):
        index[place.lower()[:PREFIX]].append(place)
    return dict(index)


def keys(group: Group, places: Mapping[str, Sequence[str]]) -> set[str]:
    """What two groups must share to be one actor across articles (``places``: ``place_index``
    of the run's place names)."""
    if group.config is not None:
        return {"config:" + group.config.name}
    found: set[str] = set()
    for form in group.forms:
        if group.kind == "person":
            names = person_words(form)
            if len(names) > 1:
                found.add("person:" + names[0] + " " + names[-1])
                # every name word run together, so "Kim Jong Un" and "Kim Jong-un" meet
                found.add("fullname:" + "".join(names).replace("-", ""))
            continue
        found.add("name:" + " ".join(words(form)))
        named = words(form)
        if len(named) > 1 and named[-1] == "party":
            # "the Ruritanian Party" is also its members' and its adjective's name: "Ruritanians"
            # and "Ruritanian"; an adjective in -ic stands for a noun without it ("Democratic",
            # "Democrats")
            stem = " ".join(named[:-1])
            found.add("name:" + stem)
            if stem.endswith("ic"):
                found.add("name:" + stem[:-2])
        if group.kind == "group" and form.endswith("s") and not form.endswith("ss"):
            found.add("name:" + " ".join(words(form[:-1])))  # "Ruritanians" and "Ruritanian"
        if group.kind == "group" and len(named) == 1 and named[0].endswith("ic"):
            found.add("name:" + named[0][:-2])  # "Democratic" and "Democrats"
        short = acronym(form)
        if short:
            found.add("acronym:" + short)
        if group.kind in {"group", "place"} and form.lower().endswith(DEMONYM_ENDINGS):
            nearby = places.get(form.lower()[:PREFIX], ())
            place = demonym_of(form, [p for p in nearby if p != form]) or _stan(form, nearby)
            if place:
                found.add("name:" + " ".join(words(place)))
    # Titles are not keys: "the president" is one person in one article and another elsewhere.
    return found


def _stan(form: str, places: Sequence[str]) -> str | None:
    """The land a people's word names with "-stan" or "-istan" after it ("Afghan(s)" ->
    "Afghanistan", "Uzbek" -> "Uzbekistan"), which ``demonym_of`` misses."""
    word = form.lower().removesuffix("s") if not form.lower().endswith("ss") else form.lower()
    for place in places:
        lower = place.lower()
        if lower in {word + "istan", word + "stan"}:
            return place
    return None


def names_outlet(form: str, outlet: str) -> bool:
    """Whether ``form`` names the outlet ``outlet`` (its metadata: "Fox News", "HuffPost",
    "CNN (Web News)", "New York Times - News"): the same words but "the", an outlet suffix and
    a bracket aside; its initials ("NYT"); its last word when that is a masthead's ("the Times",
    "the Post"); or each part of a run-together name beginning a word of it ("HuffPost":
    "Huffington Post")."""
    core = re.sub(r"\s*\([^)]*\)|\s+-\s+.*$", "", outlet)
    mine = [w for w in words(core) if w not in OUTLET_WORDS]
    theirs = [w for w in words(form) if w != "the"]
    if not mine or not theirs:
        return False
    if theirs in (mine, mine[:-1] if mine[-1] == "news" else None):  # "BBC" for "BBC News"
        return True
    if len(theirs) == 1 and theirs[0] == acronym(" ".join(mine)):
        return True
    if len(theirs) == 1 and len(mine) > 1 and theirs[0] == mine[-1] in MASTHEADS:
        return True
    parts = re.findall(r"[A-Z][a-z]*|[a-z]+", core.replace(" ", "")) if len(mine) == 1 else []
    return len(parts) == len(theirs) > 1 and all(
        t.startswith(p.lower()) for p, t in zip(parts, theirs, strict=True)
    )


# Words an outlet's metadata adds to its name ("Fox Online News", "CNN (Web News)").
OUTLET_WORDS = {"the", "online", "web", "com", "www"}
# Last words of newspapers' names, by which a paper calls itself ("the Times", "the Post").
MASTHEADS = {
    "times", "post", "journal", "herald", "tribune", "guardian", "telegraph", "globe", "examiner",
    "chronicle", "gazette", "independent", "observer", "inquirer", "courier", "star", "sun",
}  # fmt: skip


def _most(weights: Counter[str] | None, union: _Union) -> str | None:
    """The most mentioned of the actors ``weights`` counts; None when there is none or a tie."""
    if not weights:
        return None
    merged: Counter[str] = Counter()
    for node, weight in weights.items():
        merged[union.find(node)] += weight
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _named_person(group: Group) -> bool:
    """A person group named in full or with a courtesy title ("Jane Roe", "Mr. Roe")."""
    return any(len(person_words(f)) > 1 or gender_of(f, "", {}) for f in group.forms)


# How a group's adjective or member ends where its plural names the group: "Republican" and
# "Democrat" stand for the Republicans and the Democrats ("a Republican senator"), "Israeli" for
# the Israelis; "Chinese" and "British" are their own plural.
MEMBER_ENDINGS = ("an", "i", "crat", "ite")


def _members(name: str) -> str:
    """A group named by its members, in the plural: "Republicans" for a story that writes only
    "Republican senators" (an adjective names no actor a reader would recognise)."""
    if " " not in name and name.lower().endswith(MEMBER_ENDINGS):
        return name + "s"
    return name


def _adjective(group: Group) -> bool:
    return all(words(f)[-1:] and words(f)[-1].endswith("ic") for f in group.forms)


def _untitled(form: str) -> str:
    """A name without the courtesy title find.py wrote before it ("Mr. Lopez" -> "Lopez")."""
    first, _, rest = form.partition(" ")
    return rest if rest and gender_of("", first, {}) else form


def _other(gender: str) -> str:
    return FEMALE if gender == MALE else MALE


def _gender_of(group: Group) -> str | None:
    """The gender a group's courtesy titles tell; None when none does, or they disagree."""
    told = {gender_of(f, "", {}) for f in group.forms} - {None}
    return told.pop() if len(told) == 1 else None


def _genders(groups_by_doc: Sequence[Sequence[Group]], union: _Union) -> dict[str, str | None]:
    """The gender of each person actor so far (by its root) as its groups' titles tell it."""
    told: dict[str, set[str]] = defaultdict(set)
    for d, groups in enumerate(groups_by_doc):
        for g, group in enumerate(groups):
            if group.kind == "person" and (found := _gender_of(group)):
                told[union.find(f"{d}/{g}")].add(found)
    return {root: next(iter(t)) if len(t) == 1 else None for root, t in told.items()}


@dataclass(frozen=True, slots=True)
class Linked:
    """One actor across the run: its name, kind and side, and whether the config lists it."""

    name: str
    kind: str
    side: str | None
    found: bool
    described: bool = False  # a group only ever written as an adjective or a member


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link(groups_by_doc: Sequence[Sequence[Group]]) -> list[list[Linked]]:
    """One Linked actor for every group of every article, the same for groups of one actor."""
    places = place_index(
        {form for groups in groups_by_doc for g in groups if g.kind == "place" for form in g.forms}
    )
    union = _Union()
    node_keys: dict[str, set[str]] = {}
    surnames: dict[str, str] = {}  # node of a group named by a surname alone -> the surname
    for d, groups in enumerate(groups_by_doc):
        for g, group in enumerate(groups):
            node = f"{d}/{g}"
            union.find(node)
            found = keys(group, places)
            node_keys[node] = found
            for key in found:
                union.union(node, key)
            if not found and group.kind == "person":
                names = person_words(next(iter(group.forms)))
                if names:
                    surnames[node] = names[-1]
    # A surname alone joins the full name it ends that is mentioned most in the run, of no other
    # gender; failing that, the one full name it begins (family name first: "Kim" and "Kim Jong
    # Un").  None when its own article names two people of that surname as often ("Mr. Lopez"
    # beside Carlos and Juan Lopez).
    full: dict[str, Counter[str]] = defaultdict(Counter)
    begun: dict[str, Counter[str]] = defaultdict(Counter)
    local: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)  # full names, by article
    for node, found in node_keys.items():
        d, g = (int(x) for x in node.split("/"))
        weight = sum(groups_by_doc[d][g].forms.values())
        for key in found:
            if key.startswith("person:"):
                full[key.split()[-1]][union.find(node)] += weight
                begun[key.split()[0].removeprefix("person:")][union.find(node)] += weight
                local[(d, key.split()[-1])][union.find(node)] += weight
    genders = _genders(groups_by_doc, union)
    for node, surname in sorted(surnames.items()):
        d, g = (int(x) for x in node.split("/"))
        mine = _gender_of(groups_by_doc[d][g])

        def fits(weights: Counter[str], mine: str | None = mine) -> list[tuple[str, int]]:
            kept = [
                (r, w) for r, w in weights.items() if mine is None or genders.get(r) != _other(mine)
            ]
            return sorted(kept, key=lambda kv: (-kv[1], kv[0]))

        near, ends = fits(local.get((d, surname), Counter())), fits(full.get(surname, Counter()))
        if len(near) > 1 and near[0][1] == near[1][1]:
            union.union(node, "surname:" + surname)  # two people it could be
        elif near or ends:
            union.union(node, (near or ends)[0][0])
        elif full.get(surname):
            union.union(node, "surname:" + surname)  # only people of another gender
        elif (first := _most(begun.get(surname), union)) is not None:
            union.union(node, first)
        elif "name:" + surname in union.parent:
            # a one-word "person" that other articles name as a place or body: a tagging slip
            union.union(node, "name:" + surname)
        else:
            union.union(node, "surname:" + surname)

    # The tagger sometimes calls a surname alone an organisation ("Roe said"): a one-word
    # organisation or group name that is the surname of exactly one person named in full joins
    # that person.  Places are left alone ("Washington").
    for node in sorted(node_keys):
        d, g = (int(x) for x in node.split("/"))
        group = groups_by_doc[d][g]
        if group.kind in {"person", "place"} or group.config is not None:
            continue
        single = {" ".join(words(form)) for form in group.forms}
        if len(single) != 1 or " " in (word := next(iter(single))):
            continue
        targets = {union.find(n) for n in full.get(word, ())}
        if len(targets) == 1:
            union.union(node, next(iter(targets)))

    members: dict[str, list[Group]] = defaultdict(list)
    for d, groups in enumerate(groups_by_doc):
        for g, group in enumerate(groups):
            members[union.find(f"{d}/{g}")].append(group)
    resolved: dict[str, Linked] = {}
    for root, group_list in members.items():
        configured = sorted(
            {(g.config.name, g.config.kind, g.config.side) for g in group_list if g.config}
        )
        if configured:
            name, kind, side = configured[0]
            resolved[root] = Linked(name, kind, side, False)
            continue
        kinds = Counter(g.kind for g in group_list)
        kind = "place" if "place" in kinds else min(kinds, key=lambda k: (-kinds[k], k))
        naming = [g for g in group_list if g.kind == "place"] or group_list
        if kind == "group":  # "Democrats" rather than "Democratic"
            naming = [g for g in naming if not _adjective(g)] or naming
        people = [g for g in group_list if g.kind == "person" and _named_person(g)]
        if people:  # "Donald Trump" is a person however often "Trump" is tagged a body
            kind, naming = "person", people
        forms: Counter[str] = Counter()
        for member in naming:
            for form, count in member.forms.items():
                forms[_untitled(form)] += count  # "Obama", not "Mr. Obama"
        name = best_form(forms, kind)
        # a group the articles name only by an adjective or by one member ("Republican
        # senators", "an Israeli rabbi") is described, never named: no actor of its own
        described = kind == "group" and not any(g.named for g in group_list)
        linked = Linked(_members(name) if kind == "group" else name, kind, None, True, described)
        resolved[root] = linked
    return [
        [resolved[union.find(f"{d}/{g}")] for g in range(len(groups))]
        for d, groups in enumerate(groups_by_doc)
    ]
