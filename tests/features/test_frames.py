"""Attribution frames beyond a verb with its subject and complement, on invented sentences:
"identified X as Y", a quoted label after a naming verb, "according to" wherever it stands,
"Asked why ..., X said", and negated reports (kept, marked, and left out of the profiles)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from framing import lexicons, pipeline, quotes
from framing.features import attribution
from framing.records import Attribution, Span
from framing.report import csv as csv_report
from framing.report import json as json_report

RES = attribution.resources(lexicons.load())


def extract(parser, text: str) -> tuple[Attribution, ...]:
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    return attribution.extract(doc, text=text, quotes=found, res=RES)


def _with_cue(found: tuple[Attribution, ...], cue: str) -> list[Attribution]:
    return [a for a in found if a.cue.text.lower().startswith(cue.lower())]


def _triples(found) -> list[tuple[str | None, str, str]]:  # type: ignore[no-untyped-def]
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in found]


def assert_found(parser, text: str, expected: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    """The precondition (something was found), then exactly the expected triples."""
    found = extract(parser, text)
    assert found, text
    assert _triples(found) == expected


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # X identified the suspect as Y: X is the source, the identification the content
        ("Police identified the suspect as Mark Doyle, a 34-year-old welder.",
         "identified", "Police", "the suspect as Mark Doyle, a 34-year-old welder"),
        ("The coroner's office identified the victim as Ana Ruiz of Leeds.",
         "identified", "The coroner's office", "the victim as Ana Ruiz of Leeds"),
        # called X 'Y': the quoted label is what the subject said
        ("The bridge is what Gov. Ruiz called the president's 'vanity project'.",
         "called", "Gov. Ruiz", "vanity project"),
        ("Gov. Ruiz called the bridge the president\u2019s \u2018vanity project\u2019 on Monday.",
         "called", "Gov. Ruiz", "vanity project"),
        ("Union leaders called the offer \u201can insult to every worker.\u201d",
         "called", "Union leaders", "an insult to every worker."),
        # without quotation marks the whole object is the content
        ("Gov. Ruiz called the bridge a waste of money.",
         "called", "Gov. Ruiz", "the bridge a waste of money"),
        # according to X: first, last, in the middle of its clause, and after a long sentence
        # whose main verb is another
        ("According to the port authority, the ferry will resume on Monday.",
         "According to", "the port authority", "the ferry will resume on Monday."),
        ("The ferry will resume on Monday, according to the port authority.",
         "according to", "the port authority", "The ferry will resume on Monday"),
        ("The ferry, according to the port authority, will resume on Monday.",
         "according to", "the port authority",
         "The ferry, according to the port authority, will resume on Monday."),
        ("Officials said the talks had collapsed after the envoy left the city on Friday night, "
         "according to the Associated Press.",
         "according to", "the Associated Press",
         "Officials said the talks had collapsed after the envoy left the city on Friday night"),
        ("The senator, who arrived from Lisbon on Monday, was taken to hospital with chest pains "
         "after the vote on the budget, according to The Post.",
         "according to", "The Post",
         "The senator, who arrived from Lisbon on Monday, was taken to hospital with chest pains "
         "after the vote on the budget"),
        # the source ends at the comma, even when the parser hangs the clause on it
        ("According to radio host Sam Okafor, the move reeks of fear.",
         "According to", "radio host Sam Okafor", "the move reeks of fear."),
        # "Asked why ..., X said ...": X is the speaker of "said", and asked nothing
        ("Asked why the charges were dropped, the attorney general said the evidence was weak.",
         "said", "the attorney general", "the evidence was weak"),
        ("Asked about the strike, the minister said: \u201cWe will not negotiate.\u201d",
         "said", "the minister", "We will not negotiate."),
    ],
)  # fmt: skip
def test_frame_table(parser, text: str, cue: str, source: str, content: str) -> None:
    found = _with_cue(extract(parser, text), cue)
    assert found, text
    (item,) = found
    assert item.source is not None and item.source.text == source
    assert item.content.text == content
    assert not item.negated


def test_asked_is_not_the_answer_s_speaker(parser) -> None:
    text = "Asked why the charges were dropped, the attorney general said the evidence was weak."
    found = extract(parser, text)
    assert [a.cue.text for a in found] == ["said"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The company has not said whether it will appeal.",
         "said", "The company", "whether it will appeal"),
        ("Officials haven't said whether the road will reopen.",
         "said", "Officials", "whether the road will reopen"),
        ("The mayor declined to say how much the bridge would cost.",
         "declined to say", "The mayor", "how much the bridge would cost"),
        ("The minister declined to comment.", "declined", "The minister", "to comment"),
        ("The ministry did not comment.", "comment", "The ministry", "did not comment"),
        ("The company did not immediately respond to requests for comment.",
         "respond", "The company", "to requests for comment."),
        ("The council has yet to explain why the library closed.",
         "has yet to explain", "The council", "why the library closed"),
        ("The coach refused to say whether he would resign.",
         "refused to say", "The coach", "whether he would resign"),
    ],
)  # fmt: skip
def test_negated_reports_are_kept_and_marked(
    parser, text: str, cue: str, source: str, content: str
) -> None:
    found = extract(parser, text)
    assert found, text
    (item,) = found
    assert (item.cue.text, item.content.text, item.negated) == (cue, content, True)
    assert item.source is not None and item.source.text == source


@pytest.mark.parametrize(
    "text",
    [
        "The company said it would appeal.",
        # a negated belief is still the belief: "does not believe X" holds a view
        "The minister does not believe the strike will end soon.",
        # "declined to step in" is a decision, not a report held back
        "The court declined to hear the appeal.",
    ],
)
def test_reports_and_other_negations_are_not_negated(parser, text: str) -> None:
    found = extract(parser, text)
    assert found, text
    assert not any(a.negated for a in found)


@pytest.mark.parametrize(
    "text",
    [
        # no one is the source of these: nothing to attribute
        "The ferry did not run on Monday.",
        # asked, but the answer is no report
        "Asked why the charges were dropped, the attorney general smiled.",
        # a name with no one who gave it
        "The bridge, called the Old Span, opened in 1901.",
        "The so-called 'peace plan' was never published.",
        # "according to" with no one to cite
        "According to.",
    ],
)
def test_no_source_no_frame(parser, text: str) -> None:
    # the precondition: the same words with a source are an attribution
    assert extract(parser, "The mayor called the bridge the Old Span.")
    assert not extract(parser, text), text


def test_negated_reports_are_written_and_left_out_of_profiles(parser, tmp_path: Path) -> None:
    text = (
        "The mayor said the bridge would reopen in May. "
        "The contractor declined to say how much the repairs would cost.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    analysis, _ = pipeline.analyze([tmp_path / "a.txt"], parser=parser)
    (doc,) = analysis.documents
    assert [(a.cue.text, a.negated) for a in doc.attributions] == [
        ("said", False),
        ("declined to say", True),
    ]
    # the profile counts what sources said: the contractor said nothing
    (profile,) = analysis.sources
    assert profile.attributions == 1
    assert [s.speaker for s in profile.speakers] == ["mayor"]
    (written,) = json_report.to_dict(analysis)["documents"]
    assert [a["negated"] for a in written["attributions"]] == [False, True]
    rows = list(csv.DictReader(io.StringIO(csv_report.tables(analysis)["attributions.csv"])))
    assert [r["negated"] for r in rows] == ["False", "True"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech participle closing a report is the same source's second report
        ("Sen. Ann Perdue said she did not believe the attacks worked, arguing that divisions in "
         "the party were a bigger hurdle.",
         [("Sen. Ann Perdue", "said", "she did not believe the attacks worked"),
          ("Sen. Ann Perdue", "arguing", "that divisions in the party were a bigger hurdle")]),
        ("The mayor said the bridge would reopen in May, adding that the repairs had cost more "
         "than planned.",
         [("The mayor", "said", "the bridge would reopen in May"),
          ("The mayor", "adding", "that the repairs had cost more than planned")]),
        # a quotation signed with a name at the end of its line
        ("Readers wrote in.\n\u201cThe bridge is a disgrace and the council knows it.\u201d "
         "\u2015 Carla Sanchez\n",
         [("Carla Sanchez", "\u2015", "The bridge is a disgrace and the council knows it.")]),
    ],
)  # fmt: skip
def test_second_reports_signatures_and_impressions(
    parser, text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    assert_found(parser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transcript quoted turn by turn, each paragraph opening with a quotation mark
        ('"HOST: Will she be at the debate?\n\n"SMITH: She will not be attending the debate.\n',
         [("HOST", ":", "Will she be at the debate?"),
          ("SMITH", ":", "She will not be attending the debate.")]),
        # a cue's particle a few words on
        ("The attorney general called Friday for releasing the police videos.",
         [("The attorney general", "called Friday for", "releasing the police videos")]),
        # a gerund is what is proposed
        ("The candidate proposes allowing parents to deduct the cost of care.",
         [("The candidate", "proposes", "allowing parents to deduct the cost of care")]),
    ],
)  # fmt: skip
def test_transcripts_particles_and_gerunds(
    parser, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert_found(parser, text, expected)


def test_continuing_to_act_is_not_speech(parser) -> None:
    # the precondition: "continued" with what was said is a cue
    said = extract(parser, "The senator continued: the vote must wait until spring.")
    assert [a.cue.text for a in said] == ["continued"]
    assert not extract(parser, "Many regulars continued to stay away from the market.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause after the cue is what is noted, not a participle before it
        ("Writing for the panel, the columnist noted that the senator had done well.",
         [("the columnist", "noted", "that the senator had done well")]),
        # "X said, according to Y": the quotation stays X's; Y is where the outlet has it from
        ('"We will not stop," Mr. Hale said, according to a video of his remarks.',
         [("Mr. Hale", "said", "We will not stop,"),
          ("a video of his remarks", "according to", '"We will not stop," Mr. Hale said')]),
        # the parser read the dateline as the subject and the source as its apposition
        ("KANSAS CITY, Mo. \u2014 Leaders of the country's largest civil rights group accused "
         "the mayor on Tuesday of tolerating bigotry.",
         [("Leaders of the country's largest civil rights group", "accused",
           "the mayor on Tuesday of tolerating bigotry")]),
        # a conjoined report is its own, not part of the first one's object
        ('The union adopted a resolution Tuesday condemning "deep cuts" in the city budget and '
         "calling on the mayor's aides to resign, despite claims from critics that the vote was "
         "rigged.",
         [("The union", "condemning", '"deep cuts" in the city budget'),
          ("The union", "calling", "to resign")]),
        # a word the outlet puts in quotation marks may be the subject
        ('But "birthers" have demanded more proof, asserting he could have been born abroad.',
         [("birthers", "demanded", "more proof"),
          ("birthers", "asserting", "he could have been born abroad")]),
        # the quotation never speaks itself: the parser took it for the subject
        ('"Full panic mode," said Lena Wimes, a local party chair.',
         [("Lena Wimes, a local party chair", "said", "Full panic mode,")]),
    ],
)  # fmt: skip
def test_which_clause_and_which_speaker(
    parser, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert_found(parser, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signed line whose opening mark is a closing one: the signer speaks every word of it
        ("Readers wrote in.\n\u201dFear. I am afraid the bridge will fall.\u201d \u2015 Edwin Monroy\n",
         [("Edwin Monroy", "\u2015", "Fear. I am afraid the bridge will fall.")]),
        # a participle with its agent cites the agent for the noun it modifies
        ("The laws proposed by President Nixon filled the prisons.",
         [("President Nixon", "proposed", "The laws")]),
        # a one-word answer after a verb of thinking
        ("He doesn't think so.", [("He", "think", "so")]),
    ],
)  # fmt: skip
def test_signed_lines_agents_and_short_answers(
    parser, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert_found(parser, text, expected)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # an event does not speak: the participle after it is the clause subject's
        ("At a news conference announcing the lawsuit, the attorney general said the law was "
         "unjust.", "announcing", "the attorney general"),
        # "appeared to suggest": the subject is the source of the suggestion
        ("He appeared to suggest that veterans were weak.", "suggest", "He"),
        # a time after the verb is never the speaker
        ("Flynn, a top surrogate, said Thursday morning that the polls were wrong.",
         "said", "Flynn, a top surrogate"),
    ],
)  # fmt: skip
def test_events_raising_and_times_are_not_speakers(
    parser, text: str, cue: str, source: str
) -> None:
    found = _with_cue(extract(parser, text), cue)
    assert found, text
    assert found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plea in court is an act; pleading with someone is a report of what was asked
        ("The senator pleaded guilty on Monday to one count of fraud.", []),
        ("The mayor pleads not guilty to the charges.", []),
        ("The governor pleaded with lawmakers to pass the budget.",
         [("The governor", "pleaded", "to pass the budget")]),
        # where the source spoke is not what it said
        ("The senator was speaking on Channel Four News.", []),
        ("The senator was speaking on the budget and its cuts.",
         [("The senator", "speaking", "on the budget and its cuts")]),
        # the outlet's own hedge cites no one
        ("The mayor seems to have left the city.", []),
        ("The video appears to have been made in secret.", []),
        # a plan attributed to no one, and a participle describing a noun, are not reports
        ("The bill is intended to cut costs for farmers.", []),
        ("A congressman expected to be indicted on Monday resigned.", []),
        ("The bill is believed to cut costs for farmers.",
         [(None, "believed", "The bill is believed to cut costs for farmers")]),
        # a plea in a headline written in sentence case
        ("Reed pleads guilty over illegal campaign spending", []),
        # a content that is only a time is none
        ("In his statement on Friday afternoon, the mayor did not mention the strike.",
         [("the mayor", "mention", "the strike")]),
        # a person challenged is the target, a thing a person shows is displayed; a poll shows
        ("Tom Hale is challenging Democratic Sen. Ann Reed in a close race.", []),
        ("Mr. Hale has shown a certificate of birth from the county.", []),
        ("The poll showed Ann Reed ahead.", [("The poll", "showed", "Ann Reed")]),
        ("Critics accused Ann Reed of lying.", [("Critics", "accused", "Ann Reed of lying")]),
        # what one writes is a report; a book one writes is a thing made
        ("Tom Hale wrote a book about the war in 1999.", []),
        ("Tom Hale wrote that the war was lost.", [("Tom Hale", "wrote", "that the war was lost")]),
        # a gerund is what was suggested, but what goes on after a verb of aspect
        ("The senator has suggested allowing farmers to sell the land.",
         [("The senator", "suggested", "allowing farmers to sell the land.")]),
        ("Many regulars continued staying away from the market.", []),
        # the reporter's request for comment is no one's report; refusing it is a negated one
        ("A telephone message seeking comment was not returned.", []),
        ("The mayor declined to comment.", [("The mayor", "declined", "to comment")]),
        # an expletive "it" argues nothing; a person judged quick to speak does speak
        ("In the city, it is hard to argue that the plan failed.", []),
        ("The mayor was quick to point out that the bridge was safe.",
         [("The mayor", "point out", "that the bridge was safe")]),
        # one line opened by a label in capitals is an editor's note, not a transcript turn
        ("The bridge was closed.\n\nUPDATE: The council voted to close the bridge for a year.", []),
        # a headline in title case: the parser reads its words as names
        ("Mayor Expected To Resign Over Bridge Scandal\n\nThe mayor said he would resign.",
         [("The mayor", "said", "he would resign")]),
    ],
)  # fmt: skip
def test_acts_channels_hedges_and_headlines_are_not_reports(
    parser, text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    assert _triples(extract(parser, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause of time after a cue says when, not what: the report inside it stands alone
        ("The mayor spoke after the senators urged Tom Hale to resign.",
         [("the senators", "urged", "to resign")]),
        ("Reed added her voice after five past and present Texas Republican mayors urged Hale"
         " to step aside.",
         [("five past and present Texas Republican mayors", "urged", "to step aside")]),
        # coordinated adjectives of time belong to the source the parser cut
        ("Reed spoke after three past and present board members asked Hale to resign.",
         [("three past and present board members", "asked", "to resign")]),
        # "call for X to ...", the parser reading "for" as the clause's opener
        ("Ann Reed called for Tom Hale to withdraw from the race.",
         [("Ann Reed", "called for", "Tom Hale to withdraw from the race")]),
        ("Officials in the county have certified that the vote was fair.",
         [("Officials in the county", "certified", "that the vote was fair")]),
        # the subject of a passive of perceiving says the participle's words
        ("The minister was caught on camera saying that the war was lost.",
         [("The minister", "saying", "that the war was lost")]),
        ("The minister was quoted as saying the war was lost.",
         [("The minister", "saying", "the war was lost")]),
        ("The minister was seen at the rally on Monday.", []),
        # participles after a quotation closed by its comma are the speaker's further reports
        ('He admitted he "took the money," calling the charge fair and saying he had no'
         " interest in a trial.",
         [("He", "admitted", 'he "took the money'), ("He", "calling", "the charge fair"),
          ("he", "saying", "he had no interest in a trial")]),
        # what follows a cue the parser gave no complement keeps its object, and stops before a
        # clause conjoined to the cue's
        ("They are the same economists who told us the tax holiday would create jobs.",
         [("who", "told", "the tax holiday would create jobs.")]),
        ("Tom Hale wrote an op-ed in the local paper on Friday saying the plant should close.",
         [("Tom Hale", "wrote",
           "an op-ed in the local paper on Friday saying the plant should close.")]),
        ("Officials have certified the vote count, but critics demanded a recount.",
         [("critics", "demanded", "a recount")]),
        ("He has sent officials to help the police, suggesting softer tactics and avoiding the"
         " use of armoured vehicles.",
         [("He", "suggesting", "softer tactics and avoiding the use of armoured vehicles.")]),
        # a relative clause closed by its comma says nothing of the main verb; "concerning" is
        # a preposition; seeing a thing is no report, seeing that something is so is
        ("Tom Hale, who testified in March concerning the election, said he would like to see"
         " the report.",
         [("who", "testified", "in March concerning the election"),
          ("Tom Hale", "said", "he would like to see the report")]),
        ("We see the injustice in this case.", []),
        ("Analysts see that the plan has failed.",
         [("Analysts", "see", "that the plan has failed")]),
        # one cue, one report: the question put to the speaker is not his reply
        ('Asked point-blank, "Is that picture you?" Reed replied, "You know I am not going to'
         ' talk about this anymore."',
         [("Reed", "replied", "You know I am not going to talk about this anymore.")]),
        # a phrase of time before what was told; "as" with a listener still introduces what
        # follows, a verb with its own complement does not
        ("Ann Reed told reporters after the court hearing it was a tough day for her client.",
         [("Ann Reed", "told", "it was a tough day for her client.")]),
        ("As he told a reporter on Monday, he is also a faithful Christian.",
         [("he", "told", "he is also a faithful Christian.")]),
        ("The pressure mounted on Tom Hale to quit, as the congressman continued to hold his"
         " ground.", []),
        # a comma-led clause of circumstance in the content is the outlet's narration
        ("Ann Reed joined other leaders on Monday in calling on Tom Hale to give up his seat over"
         " his comments, as the mayor continued to hold his ground and vowed to stay in office.",
         [("Ann Reed", "calling", "to give up his seat over his comments"),
          ("the mayor", "vowed", "to stay in office")]),
    ],
)  # fmt: skip
def test_reports_inside_narration(
    parser, text: str, expected: list[tuple[str | None, str, str]]
) -> None:
    if expected:
        assert_found(parser, text, expected)
    else:
        assert _triples(extract(parser, text)) == []
