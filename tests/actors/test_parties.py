"""Sides without a story config: the party a text ties a speaker to (party tags, "a Democrat",
"Republican Sen. X", a party's own bodies), both ways: the side, and none where the text does not
tell one or tells two.  The sentences are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import lexicons, pipeline, quotes
from framing.actors import people
from framing.features import attribution
from framing.records import Attribution, Span

LEX = lexicons.load()
RES = attribution.resources(LEX)
PEOPLE = people.resources(LEX)


def extract(parser, text: str, *, with_parties: bool = True) -> tuple[Attribution, ...]:
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    return attribution.extract(
        doc,
        text=text,
        quotes=found,
        res=RES,
        first_names=PEOPLE.first_names,
        parties=PEOPLE.parties if with_parties else None,
    )


def _by_source(found: tuple[Attribution, ...], source: str) -> Attribution:
    hits = [a for a in found if a.source is not None and a.source.text == source]
    assert hits, [(a.source.text if a.source else None, a.cue.text) for a in found]
    return hits[-1]


@pytest.mark.parametrize(
    ("text", "source", "side"),
    [
        # a party tag after the name, in brackets or between commas
        (
            "Sen. Ann Reed (R-Ky.) said the bill was too costly.",
            "Sen. Ann Reed (R-Ky.)",
            "republican",
        ),
        (
            "Rep. Tom Hale, D-Calif., said the vote would fail.",
            "Rep. Tom Hale, D-Calif.",
            "democratic",
        ),
        ("Sen. Paul Voss (I-Vt.) said the deal was fair.", "Sen. Paul Voss (I-Vt.)", "independent"),
        # a party word before the name, through its title
        (
            "Republican Sen. Ann Reed said the bill was too costly.",
            "Republican Sen. Ann Reed",
            "republican",
        ),
        (
            "Democratic presidential candidate Tom Hale said he would win.",
            "Democratic presidential candidate Tom Hale",
            "democratic",
        ),
        # an apposition after the name
        ('"No," said Tom Hale, a Democrat.', "Tom Hale, a Democrat", "democratic"),
        (
            "Sen. Ann Reed, Republican of Kentucky, said it was a mistake.",
            "Sen. Ann Reed, Republican of Kentucky",
            "republican",
        ),
        # a pronoun takes the side of the person it resolves to
        ('"No," said Tom Hale, a Democrat. "Never," he added.', "he", "democratic"),
        # a party's own bodies, and unnamed sources the text gives a party
        ("Senate Democrats said the vote would fail.", "Senate Democrats", "democratic"),
        (
            "The Republican National Committee said the ad was false.",
            "The Republican National Committee",
            "republican",
        ),
        ("Republican aides said the deal was near.", "Republican aides", "republican"),
        (
            "A Democrat close to the talks said the deal was near.",
            "A Democrat close to the talks",
            "democratic",
        ),
    ],
)
def test_a_side_the_text_tells_is_inferred(parser, text: str, source: str, side: str) -> None:
    found = _by_source(extract(parser, text), source)
    assert found.speaker is not None
    assert (found.side, found.side_inferred) == (side, True)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # no party word at all
        ("Sen. Ann Reed said the bill was too costly.", "Sen. Ann Reed"),
        # lower case: a democratic process is no party
        ("The democratic reformers said the vote was fair.", "The democratic reformers"),
        # another country's party whose name ends in the word
        ("The Liberal Democrats said the plan failed.", "The Liberal Democrats"),
        # the party word belongs to another name in a list after the speaker
        (
            "Ann Reed, Democratic leader Tom Hale and others said they disagreed.",
            "Ann Reed, Democratic leader Tom Hale and others",
        ),
        # two parties for one person: the text contradicts itself, so neither
        (
            "Republican Sen. Ann Reed (D-Ky.) said the bill was too costly.",
            "Republican Sen. Ann Reed (D-Ky.)",
        ),
        # a document speaks for nobody's party
        ("A Republican poll showed the race was close.", "A Republican poll"),
    ],
)
def test_no_side_where_the_text_tells_none_or_two(parser, text: str, source: str) -> None:
    found = _by_source(extract(parser, text), source)
    assert (found.side, found.side_inferred) == (None, False)


def test_no_parties_no_inference(parser) -> None:
    """The story config names the sides: attribution is given no party words, so nothing is
    inferred, and the same sentence that tells a side above tells none here."""
    text = "Sen. Ann Reed (R-Ky.) said the bill was too costly."
    with_words = _by_source(extract(parser, text), "Sen. Ann Reed (R-Ky.)")
    without = _by_source(extract(parser, text, with_parties=False), "Sen. Ann Reed (R-Ky.)")
    assert with_words.side == "republican"
    assert (without.side, without.side_inferred) == (None, False)


def test_a_story_config_wins(parser, tmp_path: Path) -> None:
    """With a story config that names sides, the config's side stands and nothing is inferred;
    without one, the tag tells the side."""
    text = "Sen. Ann Reed (R-Ky.) said the bill was too costly.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    analysis, _ = pipeline.analyze([tmp_path], parser=parser, use_cache=False)
    (inferred,) = analysis.documents[0].attributions
    assert (inferred.side, inferred.side_inferred) == ("republican", True)

    config = tmp_path / "framing.toml"
    config.write_text(
        '[sides]\nfarm = "the farm lobby"\n\n[[actors]]\nname = "Ann Reed"\nside = "farm"\n',
        encoding="utf-8",
    )
    analysis, _ = pipeline.analyze(
        [tmp_path / "a.txt"], config_path=config, parser=parser, use_cache=False
    )
    (given,) = analysis.documents[0].attributions
    assert (given.side, given.side_inferred) == ("farm", False)


def test_an_inferred_side_spreads_to_the_other_outlets(parser, tmp_path: Path) -> None:
    """One outlet tags the senator, the other quotes her untagged: both hear a Republican."""
    (tmp_path / "a.txt").write_text(
        "Sen. Ann Reed (R-Ky.) said the bill was too costly.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Ann Reed said the bill was too costly.\n", encoding="utf-8")
    analysis, _ = pipeline.analyze([tmp_path], parser=parser, use_cache=False)
    found = [
        (a.speaker, a.side, a.side_inferred) for d in analysis.documents for a in d.attributions
    ]
    assert found == [("Ann Reed", "republican", True), ("Ann Reed", "republican", True)]
