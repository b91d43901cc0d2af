"""Numeric claims: values, bounds, qualifiers, units and what they count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import lexicons, quotes
from framing.features import quantities
from framing.records import Span

RES = quantities.resources(lexicons.load())


def extract(parser, text: str):
    regions = quotes.QuotedRegions(quotes.find_quotes(text, (Span(0, len(text)),)))
    return quantities.extract(parser.parse([text])[0], res=RES, quoted=regions)


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier", "unit", "event"),
    [
        ("The strike killed over 300 workers.", 300, 300, None, "over", "people", "killed"),
        ("Nearly 40 miners were injured.", 40, None, 40, "nearly", "people", "injured"),
        ("The army freed some 25 villagers.", 25, None, None, "some", "people", "released"),
        ("Officials said five prisoners were released.", 5, 5, None, None, "people", "released"),
        (
            "Two million residents fled the floods.",
            2_000_000,
            2_000_000,
            None,
            None,
            "people",
            "displaced",
        ),
        (
            "Tens of thousands were displaced by the storm.",
            None,
            20_000,
            None,
            None,
            "people",
            "displaced",
        ),
        ("The union called a 10-day strike.", 10, 10, None, None, "days", "striking"),
        # "a few" is a vague count, not "a" (one)
        ("The talks lasted a few days.", None, 2, None, None, "days", None),
        (
            "The quake caused $180 million in damage.",
            180_000_000,
            180_000_000,
            None,
            None,
            "money",
            None,
        ),
    ],
)
def test_values_bounds_and_what_is_counted(parser, text, value, low, high, qualifier, unit, event):
    (found,) = extract(parser, text)
    assert (found.value, found.low, found.high, found.qualifier) == (value, low, high, qualifier)
    assert (found.unit, found.event) == (unit, event)
    assert text[found.span.start : found.span.end] == found.text


@pytest.mark.parametrize(
    ("text", "value", "unit", "event"),
    [
        # the participle right after a second number of a pair names its event
        ("The storm left 24 dead and over 200 injured.", 200, "people", "injured"),
        ("At least 50 reported injured after the blast.", 50, "people", "injured"),
        # a unit of measure before or right after the number
        ("An earthquake of magnitude 6.1 was recorded.", 6.1, "magnitude", None),
        ("A 6.1 magnitude quake hit the coast.", 6.1, "magnitude", None),
    ],
)
def test_event_after_the_number_and_units_around_it(parser, text, value, unit, event) -> None:
    found = [q for q in extract(parser, text) if q.value == value]
    assert [(q.unit, q.event) for q in found] == [(unit, event)]


@pytest.mark.parametrize(
    "text",
    [
        "The odds are 50/50 at best.",
        "The party was founded in 1928 in Cairo.",
        "The attack came on October 7th last year.",
        "She finished third in the race.",
        "One of the concerns is the border.",
    ],
)
def test_dates_years_ordinals_odds_and_pronouns_are_not_quantities(parser, text) -> None:
    assert extract(parser, text) == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The odds of a deal are 50/50, and 12 ministers still oppose it.", "12 ministers"),
        ("The club, founded in 1928, now has 400 members.", "400 members"),
        ("On October 7th last year, 35 fishermen were rescued.", "35 fishermen"),
        ("She finished third, eight seconds behind the winner.", "eight seconds"),
        ("One of the 30 boats sank in the gale.", "30 boats"),
    ],
)
def test_beside_a_date_an_ordinal_odds_or_a_pronoun_the_count_is_found(parser, text, found) -> None:
    assert [q.text for q in extract(parser, text)] == [found]


def test_a_share_of_a_whole_keeps_the_whole(parser) -> None:
    text = "The war displaced nearly 90% of the region's population of two million."
    (found,) = extract(parser, text)
    assert (found.value, found.unit, found.base, found.qualifier) == (90, "percent", 2e6, "nearly")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In a harbour town in 2016, 49 people were killed.", 2016),
        ("The storm packed strong winds in 1954 and killed 19 people.", 1954),
        ("At least 59 people were killed on Sunday night.", None),
        # a year deeper in the clause dates something else
        ("The flood killed at least five people in the valley hit by the 2004 storm.", None),
    ],
)
def test_a_figure_dated_to_a_year_says_it(parser, text: str, year: int | None) -> None:
    found = [q for q in extract(parser, text) if q.event == "killed"]
    assert found, text
    assert found[0].year == year


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("Under the deal, the rebels would release 12 soldiers.", True),  # a modal
        ("The plan included the release of 30 detainees.", True),  # its subject proposes
        ("The proposed truce calls for a 45-day pause.", True),  # a proposed subject
        ("The council was prepared to spend $4 million on the bridge.", True),  # "prepared to"
        ("The union demands a raise of 9 percent.", True),  # a word of proposing
        ("The rebels released 12 soldiers on Monday.", False),  # what happened
        ("Police forced the gang to free 12 hostages.", False),  # forcing proposes nothing
        # only the number's own clause: the modal is the escalation's, not the displacement's
        ("The army may push into the valley, where 4,000 displaced villagers shelter.", False),
    ],
)
def test_a_term_of_something_proposed_is_marked(parser, text: str, proposed: bool) -> None:
    found = extract(parser, text)
    assert found, "a number was found"
    assert found[0].proposed is proposed


def test_a_number_inside_a_quote_is_marked_quoted(parser) -> None:
    (found,) = extract(parser, 'The mayor said: "We lost 40 homes to the fire."')
    assert found.quoted


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["54,000"], (54000.0, 54000.0)),
        (["two", "million"], (2e6, 2e6)),
        (["a", "million"], (1e6, 1e6)),
        (["tens", "of", "thousands"], (None, 20000.0)),
        (["a", "dozen"], (12.0, 12.0)),
        (["5.9"], (5.9, 5.9)),
        (["several"], (None, None)),
    ],
)
def test_parse_number(words, expected) -> None:
    assert quantities.parse_number(words, RES) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_reads_any_grouped_integer(n: int) -> None:
    assert quantities.parse_number([f"{n:,}"], RES) == (float(n), float(n))


@pytest.mark.parametrize(
    ("text", "about", "event"),
    [
        ("The state recorded 474 deaths in the past day.", "deaths", "killed"),
        ("The flood left 12 fatalities in the valley.", "fatalities", "killed"),
        ("Police said 40 miners were killed in the blast.", "miners killed", "killed"),
        ("The army released 300 prisoners on Monday.", "prisoners released", "released"),
    ],
)
def test_what_a_number_is_about_names_its_event_once(parser, text, about, event) -> None:
    (found,) = extract(parser, text)
    assert (found.about, found.event) == (about, event)


@pytest.mark.parametrize(
    ("text", "number", "unit", "event"),
    [
        # the subject of a verb with an object counts the doers: the shootings were not killed
        ("Five shootings killed 12 people in the city.", 5, "shooting", None),
        ("Five shootings killed 12 people in the city.", 12, "people", "killed"),
        # a subject with no object is what the event happened to
        ("Twelve people died in the fire.", 12, "people", "killed"),
        # whatever the object: the states held the contests, no one held the states
        ("On Tuesday four other states held nominating contests.", 4, "state", None),
        # but those who flee something are displaced
        ("Two million residents fled the floods.", 2_000_000, "people", "displaced"),
    ],
)
def test_a_subject_that_acts_is_not_what_the_event_happened_to(
    parser, text, number, unit, event
) -> None:
    found = [q for q in extract(parser, text) if q.value == number]
    assert len(found) == 1
    assert (found[0].unit, found[0].event) == (unit, event)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("At one point the talks stalled on 12 clauses.", ["12 clauses"]),
        ("One reporter asked about the 40 miners.", ["40 miners"]),
        # a count of one that something happened to is a fact
        ("One person was killed and 40 miners were injured.", ["One person", "40 miners"]),
    ],
)
def test_a_count_of_one_that_nothing_happened_to_is_no_fact(parser, text, kept) -> None:
    assert [q.text for q in extract(parser, text)] == kept


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a game's score, read whole by its shape, in a sentence that says it is one
        ("The Colts beat the Titans 31-24 on Sunday.", [("31-24", 31.0, "score")]),
        ("It was a 65-53 victory for the home side.", [("65-53", 65.0, "score")]),
        ("The Colts beat the Chiefs, 20-13, on Sunday.", [("20-13", 20.0, "score")]),
        # a decimal or a longer number is no score
        ("The Colts won as the index fell 1-2.5 points.", []),
        # without a word of the game, two numbers joined by a hyphen are a range: no score
        ("Voters aged 18-24 turned out in force.", []),
        # a measurement glued to its unit word
        ("A magnitude-6.1 quake shook the province.", [("magnitude-6.1", 6.1, "magnitude")]),
    ],
)
def test_scores_and_glued_measurements_are_read_by_their_shape(parser, text, found) -> None:
    assert [(q.text, q.value, q.unit) for q in extract(parser, text)] == found


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("The poll has a margin of error of 4 percentage points.", "margin of error"),
        ("The poll has a 4-percentage-point margin of error.", "margin of error"),
        ("The sampling error is 4 points either way.", "margin of error"),
        ("Clinton leads Trump by 4 points in the poll.", "points"),
    ],
)
def test_a_margin_of_error_is_its_own_fact(parser, text, about) -> None:
    (found,) = [q for q in extract(parser, text) if q.value == 4]
    assert found.about == about
    assert (found.unit == "margin of error") is (about == "margin of error")


def test_the_two_is_a_pronoun_not_a_count(parser) -> None:
    text = "The two each had 41% of the vote, and 12 ballots were lost."
    assert [q.text for q in extract(parser, text)] == ["41% of the vote", "12 ballots"]


def test_a_margin_in_the_next_sentence_leaves_a_lead_alone(parser) -> None:
    text = "Clinton leads by 4 points. The margin of error is 3 points."
    found = {q.value: q.about for q in extract(parser, text)}
    assert found == {4: "points", 3: "margin of error"}
