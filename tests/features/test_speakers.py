"""Who said it: the speaker an attribution's source resolves to, for each kind of error a reader
finds (pronouns of the wrong gender, a surname two people share, pairs, generic plurals,
documents), both ways: the right speaker, and none ("unresolved") where two would fit."""

from __future__ import annotations

import pytest

from framing import lexicons, quotes
from framing.actors import people
from framing.features import attribution
from framing.records import Attribution, Span

LEX = lexicons.load()
RES = attribution.resources(LEX)
NAMES = people.resources(LEX).first_names


def extract(parser, text: str) -> tuple[Attribution, ...]:
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    return attribution.extract(doc, text=text, quotes=found, res=RES, first_names=NAMES)


def _by_cue(found: tuple[Attribution, ...], source: str) -> Attribution:
    hits = [a for a in found if a.source is not None and a.source.text == source]
    assert hits, [(a.source.text if a.source else None, a.cue.text) for a in found]
    return hits[-1]


@pytest.mark.parametrize(
    ("text", "source", "speaker", "kind"),
    [
        # "he" is never the woman named last
        (
            'President Tom Beck met aides on Monday. "We will win," said Maria Lopez, the '
            'president\'s counsel. "It did not matter to me," he said.',
            "he",
            "Tom Beck",
            "named",
        ),
        (
            'Tom Beck met Ann Reed on Monday. "It went well," she said.',
            "she",
            "Ann Reed",
            "named",
        ),
        # the person talked about is not the speaker
        (
            'Tom Beck spoke to reporters. "I do not know her," he said of Ann Reed.',
            "he",
            "Tom Beck",
            "named",
        ),
        # nor is a person the quotation itself talks about
        (
            'Sen. Jim Hale spoke to reporters on Sunday. "Senator Tom Beck must apologize to the '
            'troops," he said.',
            "he",
            "Jim Hale",
            "named",
        ),
        # a call sign is no person; a surname the recogniser missed still names the person
        (
            "Rep. Todd Marsh said he would stay. Marsh made the remarks in an interview with "
            "affiliate WKRB. He claimed such cases were rare.",
            "He",
            "Todd Marsh",
            "named",
        ),
        # the one a copula describes is who acts: not "the first senator"
        (
            "Sen. Scott Pell was the first Republican senator to call on the mayor to resign.",
            "Sen. Scott Pell",
            "Scott Pell",
            "named",
        ),
        # a statement speaks for whoever issued it; the addressee of an e-mail does not speak
        (
            'Gov. Ann Reed issued a statement saying: "We must win this fight."',
            "a statement",
            "Ann Reed",
            "named",
        ),
        (
            "Ann Reed spoke on Monday. She sent an e-mail to council members saying she hoped her "
            "statement would end the dispute.",
            "She",
            "Ann Reed",
            "named",
        ),
        # a later "the statement" speaks for the author of the one before; a statement one
        # speaks in is the speaker's; a newspaper's name is not a post
        (
            'Mayor Ann Reed resigned. "We are sorry," said the statement from her lawyer, Will '
            'Gant. The statement said she "did nothing wrong."',
            "The statement",
            "Will Gant",
            "named",
        ),
        (
            'Ann Reed spoke on Monday. "We will win," Reed said in a written statement '
            "announcing the vote.",
            "a written statement",
            "Ann Reed",
            "named",
        ),
        (
            "Tom Hale said in a statement that he would stay. The Daily Post reported that Hale "
            "would resign.",
            "The Daily Post",
            "Daily Post",
            "organisation",
        ),
        # "the missive" is the statement sent, not a resolution its content names
        (
            "Ann Reed proposed a resolution on Monday. The Harbour Workers Union fired off a "
            "statement demanding that Ms. Reed withdraw her resolution. The missive accused the "
            "mayor of bias.",
            "The missive",
            "Harbour Workers Union",
            "organisation",
        ),
        # "they" is the people an earlier report cited, not a body named since (US copy calls
        # a body "it")
        (
            "People familiar with the case said the mayor would be charged. The inquiry by the "
            "Federal Bureau of Investigation began in 2012. They said the charges would come "
            "this week.",
            "They",
            "People familiar with the case",
            "unnamed",
        ),
        # the name a relative clause describes, when the parser left the verb no subject
        (
            "Asked in the interview how genuine his ambition is, Tom Hale, who would have to "
            'hand over the reins of his empire in order to run the city, said, "I always take '
            'things seriously."',
            "Tom Hale",
            "Tom Hale",
            "named",
        ),
        # "the committee" is the body the text named with that word
        (
            "The House Ethics Committee met on Monday. The committee said it would defer its "
            "inquiry.",
            "The committee",
            "House Ethics Committee",
            "organisation",
        ),
        # of two people in a sentence, the subject named in apposition ("the reporter, Scotto")
        (
            "NY1's Washington reporter, Michael Scotto, interviewed the congressman, Tom Grimm, "
            "about the speech. When he asked about the investigation, Mr. Grimm said nothing.",
            "he",
            "Michael Scotto",
            "named",
        ),
        # an honorific keeps apart two people who share a surname
        (
            "Maria Lopez defended the plan. Mr. Lopez, a critic of the plan, wrote on Twitter "
            "that it would fail.",
            "Mr. Lopez, a critic of the plan",
            "Lopez",
            "named",
        ),
        # a surname alone is the person the text is about, not a relative named in passing
        (
            "Former Rep. Tom Beck Jr. pleaded guilty on Monday. Beck looked at his father, the "
            "Rev. Tom Beck, several times. Beck said he was sorry.",
            "Beck",
            "Tom Beck Jr.",
            "named",
        ),
        # ... and the relative keeps his own name, though both were called by the surname
        (
            "Former Rep. Tom Beck Jr. pleaded guilty on Monday. Beck looked at his father, the "
            "Rev. Tom Beck, several times. Later the Rev. Tom Beck said he was proud.",
            "the Rev. Tom Beck",
            "Tom Beck",
            "named",
        ),
        # a pair stays a pair, and "they" goes back to it
        ("Pelham and Shaw said the deal was dead.", "Pelham and Shaw", "Pelham and Shaw", "named"),
        (
            "President Tom Beck signed the order. Pelham and Shaw issued a statement. They vowed "
            "to sue.",
            "They",
            "Pelham and Shaw",
            "named",
        ),
        # the earlier source, when one sentence names two who fit
        (
            "Tom Beck, who met Sam Cole on Monday, said the talks went well. He added that more "
            "were planned.",
            "He",
            "Tom Beck",
            "named",
        ),
        # generic plurals and pronouns are nobody in particular
        (
            "California and New York sued. Among those predicting defeat was Tom Beck.",
            "those",
            "those",
            "unnamed",
        ),
        (
            "Tom Beck announced the plan on Monday, with critics accusing him of hiding its cost.",
            "critics",
            "critics",
            "unnamed",
        ),
        # a title before the surname picks the one of a family it was given to
        (
            "Mary Reed, one of ex-Vice President Tom Reed's two daughters, wrote that her "
            "sister, Elizabeth Reed, was wrong. Elizabeth Reed said she was against it. Mary "
            "Reed said it was sad. Former Vice President Reed has said the states should decide.",
            "Former Vice President Reed",
            "Tom Reed",
            "named",
        ),
        # the noun a later description uses for an abbreviated title
        (
            "Rep. Tom Hale said on Monday that the vote was fair. The congressman said he would "
            "not resign.",
            "The congressman",
            "Tom Hale",
            "named",
        ),
        (
            "Sen. Ann Reed said on Monday that the vote was fair. The senator said she would not "
            "resign.",
            "The senator",
            "Ann Reed",
            "named",
        ),
        # ... never a noun of the other gender
        (
            "Rep. Ann Reed said on Monday that the vote was fair. The congressman said he would "
            "not resign.",
            "The congressman",
            "congressman",
            "unnamed",
        ),
        # documents are a kind of their own
        (
            "Public records show the company paid no tax.",
            "Public records",
            "Public records",
            "document",
        ),
        (
            "Television footage shows the crowd at the gate.",
            "Television footage",
            "Television footage",
            "document",
        ),
        ("According to polls, most voters agree.", "polls", "polls", "document"),
        # a poll named with its pollster is still a poll
        (
            "A Quinnipiac University Poll released on Friday found the mayor ahead.",
            "A Quinnipiac University Poll released on Friday",
            "Quinnipiac University Poll released on Friday",
            "document",
        ),
    ],
)
def test_the_speaker_is_who_a_reader_would_name(
    parser, text: str, source: str, speaker: str, kind: str
) -> None:
    found = _by_cue(extract(parser, text), source)
    assert (found.speaker, found.kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # two men in one sentence, neither its subject nor an earlier source: either
        ("The talks between Tom Beck and Sam Cole ended on Monday. He said it was over.", "He"),
        # "she" with only a man and a body named before: nobody fits
        ("Tom Beck met officials of Acme Corp on Monday. She said it went well.", "She"),
        # a pronoun that is nobody named: "he" before anyone is named
        ('"We will win," he said.', "he"),
    ],
)
def test_a_pronoun_that_two_people_or_nobody_fit_stays_unresolved(
    parser, text: str, source: str
) -> None:
    found = _by_cue(extract(parser, text), source)
    assert found.speaker is None
    assert found.kind == "named"  # a person, whoever it is


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe workers have waited long enough. Their leaders said they would strike.\n\n"
        "\u201cWe stand with them,\u201d Ann Reed said.",
        "``The workers have waited long enough. Their leaders said they would strike.\n\n"
        "``We stand with them,'' Ann Reed said.",
    ],
)
def test_nothing_inside_a_quotation_that_runs_on_is_the_outlet_reporting(parser, text: str) -> None:
    found = extract(parser, text)
    assert found  # a precondition: the quotation's own attribution is found
    assert [(a.speaker, a.cue.text) for a in found] == [("Ann Reed", "said")]
