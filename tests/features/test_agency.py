"""Agency: who a sentence shows doing harm, and where the doer is hidden."""

from __future__ import annotations

import pytest
from support import ROOT

from framing import config, lexicons, quotes
from framing.actors import find
from framing.actors.index import actor_index
from framing.errors import LexiconError
from framing.features import agency
from framing.lexicons import HARM, parse_tsv
from framing.records import Span

STORY = """
[[actors]]
name = "Northland"
kind = "place"
aliases = ["the army", "Northland's army", "Northland's forces"]

[[actors]]
name = "Southland"
kind = "place"
aliases = ["villagers", "civilians"]

[[actors]]
name = "Rebels"
kind = "group"
aliases = ["the rebels", "the gunman"]
"""
RES = agency.resources(lexicons.load())


def harms(parser, text: str):
    index = actor_index(config.parse(STORY, path="framing.toml"))
    doc = parser.parse([text])[0]
    mentions, groups = find.find(doc, index=index)
    owner = {i: groups[m.group].name() for m in mentions for i in range(m.token_start, m.token_end)}
    regions = quotes.QuotedRegions(quotes.find_quotes(text, (Span(0, len(text)),)))
    return agency.extract(doc, res=RES, quoted=regions, actor_at=owner.get)


def check(parser, text: str, trigger: str, voice: str, doer, harmed) -> None:
    """The harm at ``trigger`` is found (so a stub fails), with this voice, doer and harmed."""
    found = {h.trigger.text: h for h in harms(parser, text)}
    assert trigger in found, f"no harm at {trigger!r}: {sorted(found)}"
    harm = found[trigger]
    assert (harm.voice, harm.doer, harm.harmed) == (voice, doer, harmed)
    assert text[harm.trigger.span.start : harm.trigger.span.end] == trigger


@pytest.mark.parametrize(
    ("text", "trigger", "voice", "doer", "harmed"),
    [
        ("The army killed 20 villagers on Monday.", "killed", "active", "Northland", "Southland"),
        (
            "Twenty villagers were killed by the army.",
            "killed",
            "passive-by",
            "Northland",
            "Southland",
        ),
        ("Twenty villagers were killed on Monday.", "killed", "agentless", None, "Southland"),
        (
            "The toll rose, with 30,000 civilians already killed.",
            "killed",
            "agentless",
            None,
            "Southland",
        ),
        ("Twenty villagers died on Monday.", "died", "intransitive", None, "Southland"),
        ("Airstrikes killed 20 villagers.", "killed", "inanimate", None, "Southland"),
        ("Northland's attack killed 20 villagers.", "killed", "active", "Northland", "Southland"),
        ("The death toll rose again.", "death toll", "nominal", None, None),
        ("Strikes by the army continued.", "Strikes", "nominal", "Northland", None),
    ],
)
def test_voice_doer_and_harmed(parser, text, trigger, voice, doer, harmed) -> None:
    check(parser, text, trigger, voice, doer, harmed)


@pytest.mark.parametrize(
    ("text", "trigger", "voice", "doer", "harmed"),
    [
        # phrases: their words hang from one another in the parse
        ("The army opened fire on villagers.", "opened fire", "active", "Northland", "Southland"),
        ("The army gunned down two villagers.", "gunned down", "active", "Northland", "Southland"),
        ("The army beat up two villagers.", "beat up", "active", "Northland", "Southland"),
        (
            "Two villagers were beaten to death by the army.",
            "beaten to death",
            "passive-by",
            "Northland",
            "Southland",
        ),
        (
            "The army took ten villagers hostage.",
            "took ten villagers hostage",
            "active",
            "Northland",
            "Southland",
        ),
        ("Ten villagers were taken hostage.", "taken hostage", "agentless", None, "Southland"),
        ("The death toll among villagers rose.", "death toll", "nominal", None, None),
        # single words
        ("The army stabbed two villagers.", "stabbed", "active", "Northland", "Southland"),
        ("The army punched two villagers.", "punched", "active", "Northland", "Southland"),
        ("The army strangled two villagers.", "strangled", "active", "Northland", "Southland"),
        ("The army shelled the villagers' homes.", "shelled", "active", "Northland", "Southland"),
        ("The army shot down a villager's drone.", "shot", "active", "Northland", None),
        # a participle after the main verb: the main verb's subject did it
        (
            "The army dispersed the march, killing two villagers.",
            "killing",
            "active",
            "Northland",
            "Southland",
        ),
    ],
)
def test_physical_violence(parser, text, trigger, voice, doer, harmed) -> None:
    check(parser, text, trigger, voice, doer, harmed)


@pytest.mark.parametrize(
    ("text", "trigger", "voice", "doer", "harmed"),
    [
        # "by" a thing, or a thing as the subject, names no doer
        ("Two villagers were killed by gunfire.", "killed", "inanimate", None, "Southland"),
        ("Two villagers were killed by violence.", "killed", "inanimate", None, "Southland"),
        ("Two villagers were killed by fire.", "killed", "inanimate", None, "Southland"),
        ("Two villagers were killed by disease.", "killed", "inanimate", None, "Southland"),
        ("Two villagers were killed by a storm.", "killed", "inanimate", None, "Southland"),
        ("Two villagers were killed by an explosion.", "killed", "inanimate", None, "Southland"),
        (
            "Two villagers were struck by gunfire.",
            "struck by gunfire",
            "inanimate",
            None,
            "Southland",
        ),
        ("A storm killed two villagers.", "killed", "inanimate", None, "Southland"),
        # and "by" someone, or a thing of someone's, names its doer
        ("Two villagers were killed by his gun.", "killed", "passive-by", None, "Southland"),
        ("Two villagers were killed by the gunman.", "killed", "passive-by", "Rebels", "Southland"),
        (
            "Two villagers were killed by the army's gunfire.",
            "killed",
            "passive-by",
            "Northland",
            "Southland",
        ),
    ],
)
def test_a_thing_is_no_doer(parser, text, trigger, voice, doer, harmed) -> None:
    check(parser, text, trigger, voice, doer, harmed)


@pytest.mark.parametrize(
    ("text", "trigger", "voice", "doer", "harmed"),
    [
        # a time is never a doer nor harmed
        ("Two villagers were wounded by midday.", "wounded", "agentless", None, "Southland"),
        ("Hours of shelling killed two villagers.", "killed", "inanimate", None, "Southland"),
        ("The past week has killed two villagers.", "killed", "agentless", None, "Southland"),
        ("The army opened fire on Friday.", "opened fire", "active", "Northland", None),
        ("The army's attack on Wednesday failed.", "attack", "nominal", "Northland", None),
        # and a time beside a doer leaves the doer as it was; an age is a person
        ("The army shot a 23-year-old on Monday.", "shot", "active", "Northland", None),
        (
            "The army killed two villagers last week.",
            "killed",
            "active",
            "Northland",
            "Southland",
        ),
        (
            "Monday's attack by the army killed two villagers.",
            "killed",
            "active",
            "Northland",
            "Southland",
        ),
    ],
)
def test_a_time_is_no_doer(parser, text, trigger, voice, doer, harmed) -> None:
    check(parser, text, trigger, voice, doer, harmed)
    (harm,) = [h for h in harms(parser, text) if h.trigger.text == trigger]
    if "year-old" in text:
        assert harm.harmed_text is not None and harm.harmed_text.text == "a 23-year-old"
    for evidence in (harm.doer_text, harm.harmed_text):
        assert evidence is None or not any(
            word in evidence.text for word in ("Monday", "Friday", "Wednesday", "week", "midday")
        )


def test_a_time_the_actors_took_for_one_is_no_actor(parser) -> None:
    text = "Monday's attack killed two villagers."
    doc = parser.parse([text])[0]
    monday = {t.i: "Monday" for t in doc if t.text == "Monday"}  # as a recogniser might slip
    villagers = {t.i: "Southland" for t in doc if t.text == "villagers"}
    regions = quotes.QuotedRegions(())
    (harm,) = agency.extract(doc, res=RES, quoted=regions, actor_at={**monday, **villagers}.get)
    assert (harm.voice, harm.doer, harm.harmed) == ("inanimate", None, "Southland")


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # words are no violence; each sentence also holds one harm, so that finding none fails
        ("The senator attacked the plan in a speech after the army shot a villager.", ["shot"]),
        ("The senator attacked the army on Twitter after it shot a villager.", ["shot"]),
        ("The senator attacked the army over the plan after it shot a villager.", ["shot"]),
        ("The senator attacked the army as reckless after it shot a villager.", ["shot"]),
        ("The senator attacked the army for failing to stop the shooting.", ["shooting"]),
        ("The senator attacked the army, saying it shot a villager.", ["shot"]),
        ("Senator Jane Roe attacked John Doe after the army shot a villager.", ["shot"]),
        ("The senator slammed the army after it shot a villager.", ["shot"]),
        ("The senator blasted the army after it shot a villager.", ["shot"]),
        ("The senator lashed out at the army after it shot a villager.", ["shot"]),
        ("The senate killed the bill after the army shot a villager.", ["shot"]),
        ("Her verbal attacks on the army began after it shot a villager.", ["shot"]),
        ("The attack ads ran after the army shot a villager.", ["shot"]),
        ("The attack on democracy began after the army shot a villager.", ["shot"]),
    ],
)
def test_words_are_no_harm(parser, text: str, triggers: list[str]) -> None:
    assert [h.trigger.text for h in harms(parser, text)] == triggers


@pytest.mark.parametrize(
    ("text", "trigger", "voice", "doer", "harmed"),
    [
        # physical attacks stay harm
        ("The army attacked the convoy.", "attacked", "active", "Northland", None),
        ("The rebels attacked villagers at a rally.", "attacked", "active", "Rebels", "Southland"),
        (
            "The army attacked the villagers with rifles.",
            "attacked",
            "active",
            "Northland",
            "Southland",
        ),
        ("The army attacked the convoy as it passed.", "attacked", "active", "Northland", None),
        ("The army attacked the convoy for hours.", "attacked", "active", "Northland", None),
        (
            "The minister condemned the army's attack in a statement, calling it a crime.",
            "attack",
            "nominal",
            "Northland",
            None,
        ),
        (
            "The army's attack on the villagers was condemned.",
            "attack",
            "nominal",
            "Northland",
            "Southland",
        ),
    ],
)
def test_physical_attacks_stay_harm(parser, text, trigger, voice, doer, harmed) -> None:
    check(parser, text, trigger, voice, doer, harmed)


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # each sentence also holds one harm, so that finding nothing fails
        ("The army shelled out millions and shelled the villages.", ["shelled"]),
        ("The senator beat the governor in the primary after the army shot a villager.", ["shot"]),
        ("Shares beat expectations on the day the army stabbed a villager.", ["stabbed"]),
        ("The protests died down after the army shot a villager.", ["shot"]),
        ("The minister fired back at critics after the army shot a villager.", ["shot"]),
        ("The minister shot back at critics after the army shot a villager.", ["shot"]),
        # "fire" dismisses more often than it shoots: only "open fire" is a harm
        ("The board fired the coach on Monday after the army shot a villager.", ["shot"]),
        # a phrase is one harm, not one for each of its harm words
        ("The death toll rose.", ["death toll"]),
        ("A villager was beaten to death.", ["beaten to death"]),
        ("Two villagers were killed by gunfire.", ["killed"]),
    ],
)
def test_harmless_senses_of_violence_words(parser, text: str, triggers: list[str]) -> None:
    found = [h.trigger.text for h in harms(parser, text)]
    assert found == triggers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one arrested is the harmed, never the doer
        (
            "The army arrested the gunman who shot two villagers.",
            [
                ("arrested", "active", "Northland", "Rebels"),
                ("shot", "active", "Rebels", "Southland"),
            ],
        ),
        ("The gunman's arrest was announced.", [("arrest", "nominal", None, "Rebels")]),
        (
            "The gunman was detained by the army.",
            [("detained", "passive-by", "Northland", "Rebels")],
        ),
        # with its "of", the possessor of a detention is the one holding
        (
            "The army's detention of two villagers ended.",
            [("detention", "nominal", "Northland", "Southland")],
        ),
        # a kidnapping is violence, as before
        ("The rebels kidnapped two villagers.", [("kidnapped", "active", "Rebels", "Southland")]),
    ],
)
def test_the_arrested_is_never_the_doer(parser, text: str, expected) -> None:
    found = [(h.trigger.text, h.voice, h.doer, h.harmed) for h in harms(parser, text)]
    assert found == expected


def test_custody_casts_no_aggressor_in_stance(parser) -> None:
    found = harms(parser, "The army arrested the rebels after the rebels kidnapped two villagers.")
    assert [h.trigger.text for h in found] == ["arrested", "kidnapped"]
    assert [h.trigger.text for h in agency.in_stance(found, res=RES)] == ["kidnapped"]


def test_police_arresting_a_gunman_are_no_aggressors(parser) -> None:
    from framing.actors.score import score_mentions

    text = "Police arrested the gunman. Police shot the gunman."
    arrest, shooting = score_mentions([(text, 0, 6), (text, 28, 34)], parser=parser)
    assert text[28:34] == "Police"
    assert any("doer of a harm" in cue.rule for cue in shooting.cues)  # the rule is on
    assert not any("doer of a harm" in cue.rule for cue in arrest.cues)


@pytest.mark.parametrize(
    "text",
    [
        "The talks hit a snag on Monday.",
        "The two sides will hold talks in June.",
        "The unions struck a deal with the owners.",
    ],
)
def test_harmless_senses_are_no_harm(parser, text: str) -> None:
    assert harms(parser, text) == ()


def test_a_harm_inside_a_quote_is_marked_quoted(parser) -> None:
    (harm,) = harms(parser, 'The mayor said: "The army killed my neighbours."')
    assert harm.quoted


AGENCY_EXAMPLES = [
    # (document, words of the sentence, voice, doer): the examples of the stance issue
    ("001_20e0e499672d32c7", "military response has since killed", "active", "Israel"),
    ("000_ac2ceb14507f0ec8", "already killed", "agentless", None),
    ("001_20e0e499672d32c7", "attack on southern Israel killed", "active", "Hamas"),
]


@pytest.mark.parametrize(("doc_id", "words", "voice", "doer"), AGENCY_EXAMPLES)
def test_the_issue_examples_on_the_samples(seeds_analysis, doc_id, words, voice, doer) -> None:
    doc = next(d for d in seeds_analysis.documents if d.id == doc_id)
    found = [
        h
        for h in doc.harms
        if words in " ".join(doc.text[h.sentence.start : h.sentence.end].split())
        and h.trigger.text == "killed"
    ]
    assert found, f"no 'killed' in a sentence with {words!r}"
    assert (found[0].voice, found[0].doer) == (voice, doer)


def test_evidence_never_runs_into_front_matter(parser, tmp_path) -> None:
    from framing import pipeline

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n---\nOfficials killed 40 people on Monday.\n", encoding="utf-8")
    analysis, _ = pipeline.analyze([path], parser=parser)
    (doc,) = analysis.documents
    found = [e for h in doc.harms for e in (h.trigger, h.doer_text, h.harmed_text) if e]
    found += [q for q in doc.quantities]
    assert found
    assert doc.harms and doc.quantities  # both kinds of evidence were found
    for item in found:
        assert doc.text[item.span.start : item.span.end] == item.text, item


def _harm_message(lines: list[str]) -> str:
    with pytest.raises(LexiconError) as caught:
        parse_tsv("\n".join(lines), HARM, path="lexicons/harm.tsv")
    return str(caught.value)


def test_a_broken_phrase_line_names_its_file_and_line() -> None:
    lines = (ROOT / "lexicons" / "harm.tsv").read_text(encoding="utf-8").splitlines()
    at = lines.index("open fire\tverb\tviolence")
    assert parse_tsv("\n".join(lines), HARM, path="lexicons/harm.tsv").rows  # the file is valid
    spaces = [*lines[:at], "open fire verb violence", *lines[at + 1 :]]
    assert _harm_message(spaces) == (
        f"lexicons/harm.tsv:{at + 1}: expected 3 tab-separated fields (term, pos, kind), got 1"
    )
    twice = [*lines, "open  fire\tverb\tviolence"]
    assert _harm_message(twice) == (
        f"lexicons/harm.tsv:{len(lines) + 1}: duplicate entry 'open fire / verb', first given on "
        f"line {at + 1}; remove one of the two lines"
    )
