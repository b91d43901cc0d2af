"""The one resolver of descriptions (``framing.actors.descriptions``): what "the president" or
"the group" stands for in a text, used alike by attribution and by the actors stage."""

from __future__ import annotations

import pytest

from framing.actors.descriptions import Descriptions, descriptions, resolve
from framing.nlp import token_list


def _resolve(parser, text: str, description: str) -> str | None:
    """What the last ``description`` in ``text`` stands for (its name, or None)."""
    doc = parser.parse([text])[0]
    start = text.rindex(description)
    span = doc.char_span(start, start + len(description))
    assert span is not None  # a precondition: the description is whole tokens
    tokens = token_list(doc)
    table = descriptions(doc)
    found = resolve(table, tokens[span.start : span.root.i + 1], tokens[span.root.i])
    return found.name if found is not None else None


@pytest.mark.parametrize(
    ("text", "description", "expected"),
    [
        # a title before a name, and its shorter forms
        ("President Ann Reyes met the press. The president said no.", "The president", "Ann Reyes"),
        (
            "Ruritanian Prime Minister Jane Roe arrived. The prime minister spoke.",
            "The prime minister",
            "Jane Roe",
        ),
        (
            "Union spokesman Sam Okafor spoke first. The spokesman said the strike would go on.",
            "The spokesman",
            "Sam Okafor",
        ),
        # a description that adds words before the title the text gave
        (
            "Foreign Minister Ali Karimi flew in. Ruritania's foreign minister said it was over.",
            "Ruritania's foreign minister",
            "Ali Karimi",
        ),
        # apposition, either way round, and a body's description before its name
        (
            "Jane Roe, the prime minister, arrived. The prime minister spoke.",
            "The prime minister",
            "Jane Roe",
        ),
        ("The envoy, Sam Okafor, arrived late. The envoy said little.", "The envoy", "Sam Okafor"),
        (
            "The rebel group Northern Front seized the town. The group said it would stay.",
            "The group",
            "Northern Front",
        ),
        # an indefinite apposition describes a person, not a body
        (
            "Sam Okafor, a lawyer for the family, spoke. The lawyer said no.",
            "The lawyer",
            "Sam Okafor",
        ),
        # a title qualified into another role is not the bare title
        (
            "Former President Tom Beck spoke. Later President Ann Reyes arrived. The president said no.",
            "The president",
            "Ann Reyes",
        ),
        # the name given last before the description, when several share its title
        (
            "Senator Tom Beck spoke in the morning. Later Senator Ann Reyes spoke. "
            "The senator said the bill would pass.",
            "The senator",
            "Ann Reyes",
        ),
        # someone else, titled otherwise, named since does not stand in the way
        (
            "Judge Ann Reyes heard the case. Former adviser Tom Beck pleaded guilty. Beck wept. "
            "Beck sat down. The judge said the sentence would follow.",
            "The judge",
            "Ann Reyes",
        ),
    ],
)
def test_a_description_stands_for_the_name_the_text_tied_it_to(
    parser, text: str, description: str, expected: str
) -> None:
    assert _resolve(parser, text, description) == expected


@pytest.mark.parametrize(
    ("text", "description"),
    [
        # two people named with one title in one sentence: either
        (
            "President Ann Reyes met President Tom Beck. The president said the talks went well.",
            "The president",
        ),
        # someone named more often, and given no title, came since
        (
            "President Lin Wei met Tom Beck. Beck said it went well. Beck flew home. "
            "The president said it had been useful.",
            "The president",
        ),
        # an indefinite or plural description is someone new, not the named one
        (
            "Union spokesman Sam Okafor spoke first. A spokesman said the strike would go on.",
            "A spokesman",
        ),
        ("Minister Jane Roe spoke. Two ministers said they disagreed.", "Two ministers"),
        # a qualified description is not the title the text gave
        (
            "FBI Director Jim Dale testified. The former FBI director said little.",
            "The former FBI director",
        ),
        # an indefinite apposition does not describe a body
        (
            "Acme Corp, a company that makes tools, grew. The company said profits rose.",
            "The company",
        ),
        # a noun the parser ran into a possessive name is no title
        ("The 2015 deal Roe's aides reached held. The deal said nothing.", "The deal"),
    ],
)
def test_a_description_the_text_did_not_tie_to_one_name_stays_unresolved(
    parser, text: str, description: str
) -> None:
    doc = parser.parse([text])[0]
    assert entities_found(doc)  # a precondition: the text names someone
    assert _resolve(parser, text, description) is None


def entities_found(doc) -> bool:
    return bool(list(doc.ents))


def test_the_table_is_empty_for_a_text_that_ties_nothing(parser) -> None:
    doc = parser.parse(["It rained all day. The river rose."])[0]
    table = descriptions(doc)
    assert isinstance(table, Descriptions)
    assert table.tied == {}
