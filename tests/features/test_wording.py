"""Loaded wording: lexicon matching on lemmas, own voice against quoted speech, scores."""

from __future__ import annotations

import pytest
from support import annotations

from framing import lexicons, quotes
from framing.features import wording
from framing.lexicons import LOADED, parse_tsv
from framing.records import Span, loaded_density

LEX = lexicons.load()
RES = wording.resources(LEX)


def terms(parser, text: str, *, res: wording.Resources = RES, title: Span | None = None):
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    return wording.extract(doc, text=text, quotes=found, res=res, title_span=title)


def custom(rows: str) -> wording.Resources:
    table = parse_tsv("term\tcategory\tweight\n" + rows, LOADED, path="my/loaded.tsv")
    return wording.resources(lexicons.Lexicons({LOADED.name: table}))


@pytest.mark.parametrize(
    ("rows", "text", "expected"),
    [
        # a base form matches its inflections, through the lemma
        ("derail\temotive\t0.6\n", "Critics say the move is derailing the talks.", ["derailing"]),
        ("derail\temotive\t0.6\n", "The talks were derailed again.", ["derailed"]),
        # multi-word terms match as a sequence, hyphenated ones across spaCy's split
        ("vicious cycle\temotive\t0.8\n", "It became a vicious cycle of strikes.", ["vicious cycle"]),
        ("far-right\tpejorative\t0.7\n", "The far-right party won seats.", ["far-right"]),
        # the longest term wins where two start at the same word
        ("deadly\temotive\t0.6\ndeadly consequences\temotive\t0.7\n",
         "The decision had deadly consequences.", ["deadly consequences"]),
        # a word inside a name is part of the name
        ("united\temotive\t0.5\n", "The United Nations met in New York.", []),
    ],
)  # fmt: skip
def test_lexicon_terms_match_on_lemmas_and_sequences(
    parser, rows: str, text: str, expected: list[str]
) -> None:
    assert [t.text for t in terms(parser, text, res=custom(rows))] == expected


def test_each_term_cites_its_lexicon_line(parser) -> None:
    (term,) = terms(parser, "A strike, clearly.", res=custom("# note\nclearly\tbooster\t0.6\n"))
    assert (term.category, term.weight, term.rule) == ("booster", 0.6, "my/loaded.tsv:3")


def test_words_inside_a_quotation_are_the_speakers(parser) -> None:
    res = custom("brutal\temotive\t0.9\n")
    text = 'The brutal winter ended. "It was a brutal year," the mayor said.'
    found = terms(parser, text, res=res)
    assert [(t.text, t.quoted) for t in found] == [("brutal", False), ("brutal", True)]


def test_scare_quote_is_found_and_speech_is_not(parser) -> None:
    text = (
        "The plan calls for the \u201cvoluntary relocation\u201d of residents. "
        "She said the plan was \u201cfair and balanced.\u201d"
    )
    found = [t for t in terms(parser, text, res=custom("zzz\temotive\t1\n"))]
    assert [(t.text, t.category) for t in found] == [("voluntary relocation", "scare-quote")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The minister called it a "voluntary emigration" of the people.',
            ["voluntary emigration"],
        ),
        # every word capitalised: the title of a show or a work, not a term held at arm's length
        ('He said so on the "Today" show on Monday.', []),
        ('He alluded to a "Daily Show" sketch on Tuesday.', []),
    ],
)
def test_a_quoted_title_is_no_scare_quote(parser, text: str, expected: list[str]) -> None:
    found = [t.text for t in terms(parser, text) if t.category == "scare-quote"]
    assert found == expected


def test_scare_quote_with_spaces_inside_its_marks_points_at_the_term(parser) -> None:
    text = "The plan calls for the \u201c voluntary relocation \u201d of residents."
    (found,) = [t for t in terms(parser, text, res=custom("zzz\temotive\t1\n"))]
    assert text[found.span.start : found.span.end] == found.text == "voluntary relocation"


def test_question_headline_is_sensational(parser) -> None:
    text = "Will the strike end soon?\n\nWorkers walked out on Monday."
    found = terms(parser, text, res=custom("zzz\temotive\t1\n"), title=Span(0, 25))
    assert [(t.category, t.rule) for t in found] == [("sensational", "rule:question-headline")]


def test_scores_count_only_the_outlets_own_voice(parser) -> None:
    res = custom("brutal\temotive\t0.9\nclearly\tbooster\t0.5\n")
    text = 'The war was clearly brutal. "Brutal," he said. Talks resumed.'
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    loaded = wording.extract(doc, text=text, quotes=found, res=res)
    scores = [score for _, score in wording.sentence_scores(doc, loaded)]
    assert scores[0] == pytest.approx(1.4) and scores[-1] == 0
    words = wording.voice_words(doc, found)
    assert words == len("The war was clearly brutal he said Talks resumed".split())
    assert dict(loaded_density(loaded, words)) == pytest.approx(
        {"emotive": 1000 / words, "booster": 1000 / words}
    )


def test_sample_loaded_examples_are_found(seeds_analysis) -> None:
    """Every loaded example a reader marked in the sample articles (tests/data/samples/wording.toml)
    is flagged, as the outlet's own words or, inside a direct quotation, as the speaker's: two
    examples sit in quotes ("a vicious cycle of blame ..." from a UN official, "Netanyahu and his
    extreme government" from Hamas), and framing reports them as quoted."""
    docs = {d.id: d for d in seeds_analysis.documents}
    for doc_id, examples in annotations("wording")["documents"].items():
        doc = docs[doc_id]
        for example, quoted in [
            *((e, False) for e in examples["own_voice"]),
            *((e, True) for e in examples["quoted"]),
        ]:
            start = doc.text.find(example)
            assert start >= 0, example
            span = Span(start, start + len(example))
            hits = [t for t in doc.loaded_terms if t.span.overlaps(span)]
            assert hits, (doc_id, example)
            assert any(t.quoted == quoted for t in hits), (doc_id, example)


def test_shipped_loaded_lexicon_has_every_category() -> None:
    table = LEX[LOADED.name]
    categories = {row.text(LOADED, "category") for row in table.rows}
    assert categories == set(lexicons.LOADED_CATEGORIES)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The brutal dictator spoke on Monday.", "brutal dictator"),
        ("Officials deliberately delayed the vote.", "deliberately delayed"),
    ],
)
def test_a_term_reports_the_phrase_it_colours(parser, text: str, phrase: str) -> None:
    res = custom("brutal\temotive\t0.9\ndeliberately\tintensifier\t0.6\n")
    (term,) = terms(parser, text, res=res)
    assert term.phrase is not None
    assert text[term.phrase.start : term.phrase.end] == phrase


@pytest.mark.parametrize(
    ("row", "text", "counted"),
    [
        # the loaded categories count toward the outlet's loaded wording
        ("brutal\temotive\t0.9\n", "The brutal raid ended.", True),
        ("thugs\tpejorative\t0.8\n", "The thugs left.", True),
        ("utterly\tintensifier\t0.5\nbrutal\temotive\t0.9\n", "An utterly brutal raid.", True),
        ("bombshell\tsensational\t0.7\n", "A bombshell report came out.", True),
        ("collateral damage\teuphemism\t0.6\n", "There was collateral damage.", True),
        # certainty markers and plain judgement words do not
        ("reportedly\thedge\t0.4\n", "The talks reportedly failed.", False),
        ("clearly\tbooster\t0.5\n", "The talks clearly failed.", False),
        ("major\tjudgement\t0.1\n", "A major storm hit.", False),
    ],
)  # fmt: skip
def test_only_the_loaded_categories_are_counted(parser, row: str, text: str, counted: bool) -> None:
    term = row.split("\t")[0]
    found = {t.text.lower(): t.counted for t in terms(parser, text, res=custom(row))}
    assert term in found  # the precondition: the term was found
    assert found[term] is counted


def test_a_term_in_the_title_is_marked_headline(parser) -> None:
    text = "Brutal raid on the port\n\nThe brutal raid ended on Monday."
    found = terms(parser, text, res=custom("brutal\temotive\t0.9\n"), title=Span(0, 23))
    assert [(t.text, t.headline) for t in found] == [("Brutal", True), ("brutal", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an intensifier counts when it boosts a word that judges, not any word
        ("It was a very brutal raid.", {"very": True, "brutal": True}),
        ("It went a very different way.", {"very": False}),
        ("The car was badly damaged.", {"badly": False}),  # Quirk's booster "badly" too
        ("The raid was badly brutal.", {"badly": True, "brutal": True}),
        # an intensifier that is no plain degree word judges by itself
        ("It was merely a gesture.", {"merely": True}),
        ("The end seemed painfully distant.", {"painfully": True}),
        # a verb that only leads an infinitive is used in its plain sense
        ("They failed to join the group.", {"failed": False}),
        ("The failed raid ended.", {"failed": True}),
        ("Mediators are scrambling to salvage the talks.", {"scrambling": True}),
        # the name of an offence is a legal term, not the outlet's word
        ("He faces murder charges in the city.", {"murder": False}),
        ("He was convicted of murder last year.", {"murder": False}),
        ("He pleaded guilty to murder on Monday.", {"murder": False}),
        ("They compared the raid to murder.", {"murder": True}),
        ("She called the raid a murder of innocents.", {"murder": True}),
        ("The inquiry followed a long corruption investigation.", {"corruption": False}),
        ("The corruption of the council shocked the city.", {"corruption": True}),
        # what an accusation or an allegation says is the accuser's word
        ("They faced charges of murder from their rivals.", {"murder": False}),
        ("The group rejected claims of racism on Monday.", {"racism": False}),
        ("Critics accused the group of tolerating bigotry.", {"bigotry": False}),
        (
            "They accused him of deliberately stoking bigotry.",
            {"deliberately": False, "bigotry": False},
        ),
        ("Their racism and bigotry shocked the city.", {"racism": True, "bigotry": True}),
        # a modifier that makes the noun a category, or one event named by its place or date
        ("She reported sexual abuse by the coach.", {"abuse": False}),
        ("The abuse of the prisoners shocked the city.", {"abuse": True}),
        ("Floods and other natural disasters hit the region.", {"disasters": False}),
        ("The policy was a disaster for the city.", {"disaster": True}),
        ("The Las Vegas massacre left dozens dead.", {"massacre": False}),
        ("Witnesses described a massacre of villagers.", {"massacre": True}),
        ("The Kremlin henchmen arrived in Paris.", {"henchmen": True}),
        ("He was held for allegedly lying under oath.", {"lying": False}),
        ("The mayor was lying about the budget.", {"lying": True}),
    ],
)
def test_a_term_counts_only_in_its_loaded_sense(
    parser, text: str, expected: dict[str, bool]
) -> None:
    res = custom(
        "very\tintensifier\t0.5\nbrutal\temotive\t0.9\nmurder\temotive\t0.8\nbadly\tintensifier\t0.4\n"
        "fail\temotive\t0.6\nmerely\tintensifier\t0.5\npainfully\tintensifier\t0.6\n"
        "scramble\temotive\t0.5\ncorruption\temotive\t0.6\nracism\temotive\t0.6\n"
        "bigotry\temotive\t0.6\nlie\temotive\t0.6\ndeliberately\tintensifier\t0.5\n"
        "abuse\temotive\t0.8\ndisaster\temotive\t0.6\nmassacre\temotive\t0.8\nhenchmen\tpejorative\t1\n"
    )
    found = {t.text: t.counted for t in terms(parser, text, res=res)}
    assert found == expected  # every term found, each counted or not


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fixed phrase shields its words: a legal standard, a weapon category
        ("Police used deadly force at the gate.", []),
        ("The ban covered assault weapons.", []),
        ("The deadly raid ended.", ["deadly"]),
        ("They planned an assault on the town.", ["assault"]),
    ],
)
def test_a_fixed_phrase_shields_its_words(parser, text: str, expected: list[str]) -> None:
    res = custom(
        "deadly\temotive\t0.6\nassault\temotive\t0.6\ndeadly force\tfixed\t0\n"
        "assault weapon\tfixed\t0\n"
    )
    found = terms(parser, text, res=res)
    assert [t.text for t in found] == expected
    assert all(t.counted for t in found)


def test_what_a_source_says_is_reported_not_counted(parser) -> None:
    text = 'Reed accused the council of playing the "race card" with its disgraceful plan.'
    res = custom("disgraceful\temotive\t0.8\n")
    found = terms(parser, text, res=res)
    assert {t.category for t in found} == {"scare-quote", "emotive"}  # both were found
    content = Span(text.index("the council"), len(text) - 1)
    # a scare quote inside anything a source says is its words
    said = wording.reported(found, paraphrases=[], said=[content])
    assert [(t.category, t.counted) for t in said] == [("scare-quote", False), ("emotive", True)]
    # a word inside a named source's paraphrase is its word too
    both = wording.reported(found, paraphrases=[content], said=[content])
    assert all(t.reported and not t.counted for t in both)


@pytest.mark.parametrize(
    ("text", "word", "counted"),
    [
        # the shipped lexicon's choices: a job or the standard term for land held by force is no
        # pejorative; the people holding it still are
        ("Her occupation is listed as nurse on the form.", "occupation", False),
        ("The armed occupiers left the refuge.", "occupiers", True),
        # a weapon category and a legal standard are fixed phrases: their words are not flagged
        ("The ban covered assault weapons.", "assault", None),
        ("Police said deadly force was justified.", "deadly", None),
        ("The deadly raid ended.", "deadly", True),
    ],
)
def test_shipped_senses(parser, text: str, word: str, counted: bool | None) -> None:
    found = {t.text.lower(): t.counted for t in terms(parser, text)}
    assert found.get(word) is counted
