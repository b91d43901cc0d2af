"""Actors: mentions found in one article and linked across articles under one name."""

from __future__ import annotations

from collections import Counter

import pytest

from framing import config
from framing.actors import find, names
from framing.actors import link as actor_links
from framing.actors.index import actor_index

STORY = """
[sides]
north = "Northland"
[[actors]]
name = "Northland Army"
side = "north"
kind = "organisation"
aliases = ["the army", "NLA"]
"""


def groups_of(parser, *texts: str, story: str | None = None) -> list[list[actor_links.Linked]]:
    index = actor_index(config.parse(story, path="framing.toml")) if story else None
    found = [find.find(parser.parse([t])[0], index=index) for t in texts]
    return actor_links.link([groups for _, groups in found])


def names_in(parser, *texts: str, story: str | None = None) -> list[set[str]]:
    index = actor_index(config.parse(story, path="framing.toml")) if story else None
    result = []
    found = [find.find(parser.parse([t])[0], index=index) for t in texts]
    links = actor_links.link([groups for _, groups in found])
    for (mentions, _), linked in zip(found, links, strict=True):
        result.append({linked[m.group].name for m in mentions})
    return result


@pytest.mark.parametrize(
    ("form", "description", "expected"),
    [
        ("the Senate's", False, "Senate"),
        ("Mr. Kim", False, "Mr. Kim"),
        ("\u201cWashington", False, "Washington"),
        ("A Tribe of Poets", False, "A Tribe of Poets"),  # "A" may begin a name
        ("a spokesman,", True, "spokesman"),
        ("these officials", True, "officials"),
        ("The union's", True, "union"),
    ],
)
def test_bare_drops_article_possessive_and_quotes(
    form: str, description: bool, expected: str
) -> None:
    assert names.bare(form, description=description) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("National Rifle Association", "nra"),
        ("Department of Justice", "dj"),
        ("NATO", "nato"),
        ("Paris", None),
    ],
)
def test_acronym(name: str, expected: str | None) -> None:
    assert names.acronym(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Ukrainians", "Ukraine"),
        ("Chinese", "China"),
        ("Iranian", "Iran"),
        ("French", None),  # irregular demonyms are missed, as the docstring says
    ],
)
def test_demonym_of(word: str, expected: str | None) -> None:
    places = ["Ukraine", "China", "Iran", "France", "Chile"]
    assert names.demonym_of(word, places) == expected


def test_a_surname_joins_the_full_name_across_articles(parser) -> None:
    first, second = names_in(
        parser,
        "Senator Maria Alvarez criticised the bill on Monday.",
        "Alvarez said the bill would fail.",
    )
    assert "Maria Alvarez" in first and "Maria Alvarez" in second


def test_two_people_with_one_surname_stay_apart(parser) -> None:
    (found,) = names_in(
        parser, "Hillary Clinton met voters in Ohio while Bill Clinton spoke in Texas."
    )
    assert {"Hillary Clinton", "Bill Clinton"} <= found


def test_a_nationality_joins_its_country(parser) -> None:
    (found,) = names_in(
        parser, "Ukraine asked for help. Ukrainian officials said the talks had stalled."
    )
    assert "Ukraine" in found and "Ukrainian" not in found


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (Reuters) - Senator Jane Smith met Canada's trade minister on Monday.",
        "NAIROBI, Kenya (AP) \u2014 Senator Jane Smith met Canada's trade minister on Monday.",
        "(Reuters) - Senator Jane Smith met Canada's trade minister on Monday.",
    ],
)
def test_a_dateline_names_no_actor(parser, text: str) -> None:
    (found,) = names_in(parser, text)
    assert found == {"Jane Smith", "Canada"}


def test_a_name_in_brackets_later_in_a_paragraph_is_an_actor(parser) -> None:
    (found,) = names_in(parser, "Senator Jane Smith met the head of the agency (Reuters) today.")
    assert "Reuters" in found


def test_a_title_makes_a_later_description_the_person(parser) -> None:
    text = "Prime Minister Jane Okafor met the unions. Later the prime minister left the talks."
    mentions, groups = find.find(parser.parse([text])[0], index=None)
    linked = actor_links.link([groups])[0]
    described = [m for m in mentions if m.text.lower() == "the prime minister"]
    assert described and linked[described[0].group].name == "Jane Okafor"


def test_a_config_actor_takes_its_aliases_and_its_name(parser) -> None:
    (found,) = names_in(
        parser, "The army shelled the town. NLA units withdrew at night.", story=STORY
    )
    assert "Northland Army" in found
    linked = groups_of(parser, "The army shelled the town.", story=STORY)[0]
    army = next(link for link in linked if link.name == "Northland Army")
    assert (army.side, army.found) == ("north", False)


def test_linking_is_the_same_whatever_the_article_order(parser) -> None:
    texts = [
        "President Ana Costa visited Lisbon.",
        "Costa was cheered in Porto.",
        "Portuguese voters backed Portugal's president.",
    ]
    forward = [Counter(link.name for link in doc) for doc in groups_of(parser, *texts)]
    backward = [Counter(link.name for link in doc) for doc in groups_of(parser, *texts[::-1])]
    assert forward == backward[::-1]


def _group(kind: str, *forms: str) -> find.Group:
    return find.Group(kind, forms=Counter(forms))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a middle initial or a generational suffix does not make another person
        (_group("person", "Robert S. Vance III"), _group("person", "Robert Vance")),
        # family name first, hyphenated or not
        (_group("person", "Park Min-jun"), _group("person", "Park Min Jun")),
        # a family name alone joins the one full name it begins
        (_group("person", "Park Min Jun", "Park Min Jun"), _group("person", "Park")),
        # a surname the tagger called an organisation joins the one person of that surname
        (_group("person", "Maria Alvarez"), _group("organisation", "Alvarez")),
        # a party is its members and its adjective
        (_group("organisation", "Progressive Party"), _group("group", "Progressives")),
        (_group("organisation", "Democratic Party"), _group("group", "Democrats")),
    ],
)
def test_link_joins_forms_of_one_actor(first: find.Group, second: find.Group) -> None:
    (a,), (b,) = actor_links.link([[first], [second]])
    assert a.name == b.name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (_group("person", "Maria Alvarez"), _group("place", "Alvarez")),  # places stay places
        (_group("person", "Park Min Jun"), _group("person", "Min")),  # not a family name
    ],
)
def test_link_keeps_apart(first: find.Group, second: find.Group) -> None:
    (a,), (b,) = actor_links.link([[first], [second]])
    assert a.name != b.name


def test_a_family_name_alone_joins_the_full_name_in_one_article(parser) -> None:
    mentions, _ = find.find(
        parser.parse(["Park Min Jun arrived on Monday. Later Park told reporters he was tired."])[
            0
        ],
        index=None,
    )
    parks = {m.group for m in mentions if m.text.startswith("Park")}
    assert len(parks) == 1, [(m.text, m.group) for m in mentions]
