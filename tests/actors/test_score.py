"""The actors stage of one article: actors grouped, mentions scored, harms and speakers."""

from __future__ import annotations

import pytest

from framing import quotes
from framing.actors import score as actor_stage
from framing.records import Attribution, Evidence, Span
from framing.run import documents as extract

TEXT = (
    "Northland Army fighters shelled the village of Ostrava on Monday. "
    '"Mayor Jana Roe has abandoned us," said one resident.'
)


@pytest.fixture(scope="module")
def found(parser):
    settings = extract.load_settings([])
    doc = parser.parse([TEXT])[0]
    regions = quotes.QuotedRegions(quotes.find_quotes(TEXT, (Span(0, len(TEXT)),)))
    start = TEXT.index("Mayor")
    quote = Span(TEXT.index('"') + 1, TEXT.index(',"'))
    said = Attribution(
        source=Evidence("one resident", Span(TEXT.index("one resident"), len(TEXT) - 1)),
        speaker="one resident", kind="unnamed", side=None,
        cue=Evidence("said", Span(TEXT.index("said"), TEXT.index("said") + 4)),
        content=Evidence(TEXT[quote.start : quote.end], quote), direct=True,
        connotation="neutral", cue_kind="speech", anonymous=False, count=None, rule="test",
    )  # fmt: skip
    groups, scored, harms, _ = actor_stage.find_actors(
        doc,
        index=None,
        agency_res=settings.agency,
        stance_res=settings.stance,
        regions=regions,
        found=(said,),
    )
    return groups, scored, harms, start


def test_each_mention_belongs_to_a_group_and_carries_its_words(found) -> None:
    groups, scored, _, _ = found
    assert scored
    for group, words, mention in scored:
        assert 0 <= group < len(groups)
        assert TEXT[mention.span.start : mention.span.end] == words


def test_a_mention_inside_a_quotation_is_quoted_and_gets_its_speaker(found) -> None:
    _, scored, _, start = found
    (mayor,) = [m for _, words, m in scored if "Roe" in words]
    assert mayor.span.start >= start
    assert mayor.quoted and mayor.speaker == "one resident"
    outside = [m for _, words, m in scored if "Northland" in words]
    assert outside and not any(m.quoted or m.speaker for m in outside)


def test_the_doer_of_a_harm_in_the_outlets_voice_gets_an_aggressor_cue(found) -> None:
    _, scored, harms, _ = found
    assert any(h.trigger.text == "shelled" for h in harms)
    army = [m for _, words, m in scored if "Northland" in words]
    assert any("doer of a harm" in cue.rule for m in army for cue in m.cues)
