"""Actors: mentions found in one article and linked across articles under one name."""

from __future__ import annotations

from collections import Counter

import pytest

from framing import config, quotes
from framing.actors import find, names
from framing.actors import link as actor_links
from framing.actors.index import actor_index
from framing.records import Span

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


def pronoun_owners(parser, text: str) -> dict[str, str]:
    """Each pronoun found as an actor mention -> the actor's name ("word@offset")."""
    regions = quotes.QuotedRegions(quotes.find_quotes(text, (Span(0, len(text)),)))
    mentions, groups = find.find(parser.parse([text])[0], index=None, quoted=regions.holds)
    linked = actor_links.link([groups])[0]
    named = {m.text: linked[m.group].name for m in mentions}
    assert named, "the sentence names someone"  # the precondition: actors were found
    return {
        f"{m.text}@{m.start}": linked[m.group].name
        for m in mentions
        if m.text.lower() in {"he", "him", "his", "himself", "she", "her", "herself"}
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person in view: the pronoun is theirs
        ("Jane Okafor said she would appeal the ruling.", {"she@17": "Jane Okafor"}),
        ("Tom Hale left his office early on Friday.", {"his@14": "Tom Hale"}),
        (
            "Mayor Ann Reed opened the bridge. She called it a gift to the city.",
            {"She@34": "Ann Reed"},
        ),
        # two people in view: nobody is guessed
        ("Tom Hale told Bill Ross that he had lost the vote.", {}),
        # a capitalised name the tagger may miss stands between: nobody
        ("Tom Hale mocked Kanye Brice for his meeting with the mayor.", {}),
        # "him" whose clause's subject is that person is someone else
        ("Tom Hale thanked him for coming.", {}),
        # a subject in a clause about that person is someone else
        ("Tom Hale returned with Ann Reed, whom he had met online.", {}),
        # a possessive in a clause whose subject is an unnamed person is theirs
        ("Tom Hale praised the activist, and the activist raised his crutches.", {}),
        # named two sentences before: too far to tell
        (
            "Tom Hale spoke first. The hall was full. The crowd cheered. He smiled.",
            {},
        ),
        # inside a quotation "him" is seldom who speaks it
        ('Tom Hale said: "I would like to beat him straight up."', {}),
        # a pronoun of the other gender (a courtesy title tells it) is no one's here
        ("Ms. Jane Okafor said he would appeal the ruling.", {}),
    ],
)
def test_a_pronoun_is_the_one_person_in_view(parser, text: str, expected: dict[str, str]) -> None:
    assert pronoun_owners(parser, text) == expected
