"""Labels for the same referent: the labels.toml reader, the extractor and the comparison table."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from support import ROOT, annotations

from framing import clean, corpus, lexicons, quotes
from framing.clean import mask
from framing.compare import labels as compare_labels
from framing.errors import LexiconError
from framing.features import labels
from framing.lexicons import LABELS
from framing.lexicons import toml as lexicon_toml
from framing.records import Document, LabelMention, LabelRow, Span

SEEDS = ROOT / "seeds"
LEX = lexicons.load()
TABLE = labels.resources(LEX)

HELD_BY_STATE = "people held by a state"
HELD_BY_GROUP = "people held by an armed group"
ARMED_GROUP = "an armed group"
GOVERNMENT = "a state's government"

# Entries in the shipped labels.toml; update when it is edited on purpose.
SHIPPED_REFERENTS = 15
SHIPPED_ENTRIES = {"label": 131, "cued label": 4, "cue": 82, "not": 13, "whole": 5}


def extract(parser, text: str) -> tuple[LabelMention, ...]:
    doc = parser.parse([text])[0]
    found = quotes.find_quotes(text, (Span(0, len(text)),))
    return labels.extract(doc, text=text, quotes=found, table=TABLE)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rebels seized the northern town on Tuesday.", [(ARMED_GROUP, "rebels")]),
        ("A gunman opened fire on the crowd.", [(ARMED_GROUP, "gunmen")]),
        (
            "Lawmakers debated the death tax until midnight.",
            [("a tax on inherited estates", "death tax")],
        ),
        ("The regime cut the internet before the vote.", [(GOVERNMENT, "regime")]),
        ("Police arrested dozens of rioters overnight.", [("people protesting", "rioters")]),
        ("The company announced 2,000 layoffs.", [("job losses at an employer", "layoffs")]),
        ("The union called a strike over pay.", [("a work stoppage", "strike")]),
        (
            "Pro-life groups marched outside the court.",
            [("opponents of abortion rights", "pro-life")],
        ),
        (
            "Undocumented immigrants marched with abortion-rights activists.",
            [
                ("migrants without legal status", "undocumented immigrants"),
                ("supporters of abortion rights", "abortion-rights"),
            ],
        ),
        (
            "The settlement lies in the occupied territories.",
            [("land held under military occupation", "occupied territories")],
        ),
        (
            "Illegal aliens were detained at the border.",
            [("migrants without legal status", "illegal aliens")],
        ),
        ("They were paid prisoners of war benefits.", [(HELD_BY_STATE, "prisoners of war")]),
        # Not labels: another sense, or a label word inside a 'not' phrase.
        ("The sanctions regime was tightened again.", []),
        ("The fighter jets flew low over the city.", []),
        ("Civilian infrastructure was destroyed in the storm.", []),
        ("The rebels will strike again, the envoy warned.", [(ARMED_GROUP, "rebels")]),
        # needs_cue: a strike or a restructuring counts only with workers or pay nearby.
        ("A strike hit the convoy near the border.", []),
        ("The restructuring of the debt took years.", []),
        (
            "The restructuring will cost 900 workers their jobs.",
            [("job losses at an employer", "restructuring")],
        ),
    ],
)
def test_invented_sentences_give_referent_and_label(parser, sentence: str, expected) -> None:
    assert [(m.referent, m.label) for m in extract(parser, sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "referent"),
    [
        # "terrorists": an armed group that acts, or people a state holds.
        ("Police said the terrorists launched the attack from a rented van.", ARMED_GROUP),
        ("The terrorists claimed responsibility for the bombing.", ARMED_GROUP),
        ("The terrorists fled across the river.", ARMED_GROUP),  # no cue: the first listed
        ("The cabinet agreed to free 300 terrorists from its jails in the swap.", HELD_BY_STATE),
        ("The terrorists were convicted in 2009 and are serving life sentences.", HELD_BY_STATE),
        # "hostages" and "captives": held by an armed group, or by a state.
        ("Two of the hostages were released from captivity on Friday.", HELD_BY_GROUP),
        (
            "Rights groups call the men held without trial in the island prison hostages.",
            HELD_BY_STATE,
        ),
        ("The kidnappers freed the captives after a ransom was paid.", HELD_BY_GROUP),
        ("The court ordered the captives released from detention.", HELD_BY_STATE),
        ("The captives were finally sent home.", HELD_BY_GROUP),  # no cue: where it is neutral
        # "prisoners": neutral for people a state holds, a euphemism for kidnapped people.
        ("The prisoners were moved to another wing.", HELD_BY_STATE),
        (
            "The gang kept its prisoners in captivity for a year after the kidnapping.",
            HELD_BY_GROUP,
        ),
    ],
)
def test_the_same_word_resolves_to_different_referents_by_context(
    parser, sentence: str, referent: str
) -> None:
    found = [
        m
        for m in extract(parser, sentence)
        if m.referent in {ARMED_GROUP, HELD_BY_STATE, HELD_BY_GROUP}
    ]
    assert [m.referent for m in found] == [referent]


def test_a_mention_keeps_a_group_name_its_offsets_and_its_line(parser) -> None:
    text = "Witnesses said Kurdish rebels shelled the base at dawn."
    (mention,) = extract(parser, text)
    assert (mention.text, text[mention.span.start : mention.span.end]) == ("Kurdish rebels",) * 2
    assert (mention.label, mention.connotation, mention.quoted) == ("rebels", "neutral", False)
    path, line = mention.rule.rsplit(":", 1)
    assert path == "lexicons/labels.toml"
    assert '"rebels"' in (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]


@pytest.mark.parametrize(("sentence", "whole"), [
    ("Officials said illegal immigrants crossed at night.", True),  # a whole class
    ("Witnesses said Kurdish rebels shelled the base at dawn.", False),  # one group of many
])  # fmt: skip
def test_a_mention_of_a_whole_class_is_marked_whole(parser, sentence: str, whole: bool) -> None:
    (mention,) = extract(parser, sentence)
    assert mention.whole is whole


def test_whole_must_be_true_or_false() -> None:
    assert message(ARMED + 'whole = "yes"\n') == (
        "x.toml:5: referent 'armed': expected 'whole' to be true or false, got 'yes'"
    )


def test_labels_inside_a_double_quote_are_marked_quoted(parser) -> None:
    text = 'The minister said: "These terrorists will never walk free." The regime said nothing.'
    found = [(m.label, m.quoted) for m in extract(parser, text)]
    assert found == [("terrorists", True), ("regime", False)]


def test_labels_in_page_chrome_are_not_found(parser) -> None:
    text = "The rebels crossed the river.\n\nPopular posts\nWhy the regime fell\n"
    kept = (Span(0, text.index("\n")),)
    doc = parser.parse([mask(text, kept)])[0]
    found = labels.extract(doc, text=text, quotes=(), table=TABLE)
    assert [m.text for m in found] == ["rebels"]


# --- labels.toml: exact messages ----------------------------------------------------------------

ARMED = '[[referent]]\nname = "armed"\ncues = ["attack"]\nneutral = ["rebels"]\n'
EXPECTED_KEYS = (
    "expected a connotation (negative, neutral, positive, euphemistic) or cues, needs_cue, not, "
    "whole"
)


def message(text: str) -> str:
    with pytest.raises(LexiconError) as caught:
        lexicon_toml.parse(text, path="x.toml")
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[referent]]\nname = "a\n',
            "x.toml:2: expected valid TOML, got an error: Illegal character '\\n'",
        ),
        (
            ARMED + 'neutral = ["militants"]\n',
            "x.toml:5: expected valid TOML, got an error: Cannot overwrite a value",
        ),
        ("referent = [\n", "x.toml:1: expected valid TOML, got an error: Invalid value"),
        (
            "version = 1\n" + ARMED,
            "x.toml:1: unknown key 'version'; expected only [[referent]] tables",
        ),
        (
            '[referent]\nname = "x"\n',
            "x.toml:1: expected [[referent]] tables (two brackets: one table per referent)",
        ),
        (
            '# c\n[[referent]]\nneutral = ["rebels"]\n',
            "x.toml:2: a [[referent]] has no 'name'; name what its labels refer to",
        ),
        (
            ARMED + 'sympathetic = ["freedom fighters"]\n',
            f"x.toml:5: referent 'armed': unknown connotation 'sympathetic'; {EXPECTED_KEYS}",
        ),
        (
            ARMED + 'colour = "red"\n',
            f"x.toml:5: referent 'armed': unknown key 'colour'; {EXPECTED_KEYS}",
        ),
        (
            '[[referent]]\nname = "armed"\nneutral = "rebels"\n',
            "x.toml:3: referent 'armed': expected 'neutral' to be a list of strings",
        ),
        (
            '[[referent]]\nname = "armed"\nneutral = ["rebels", " "]\n',
            "x.toml:3: referent 'armed': an empty string in 'neutral'",
        ),
        (
            '[[referent]]\nname = "armed"\ncues = ["attack"]\n',
            "x.toml:1: referent 'armed' has no labels; list them under negative / neutral / positive / euphemistic",
        ),
        (
            '[[referent]]\nname = "armed"\nneutral = ["rebels", "insurgents",\n  "Rebel"]\n',
            "x.toml:4: referent 'armed': label 'Rebel' is listed twice (first on line 3); remove one",
        ),
        (
            ARMED + 'negative = ["terrorists",\n  "rebels"]\n',
            "x.toml:6: referent 'armed': label 'rebels' is listed twice (first on line 4); remove one",
        ),
        (
            ARMED.replace('["attack"]', '["attack", "launch", "attacks"]'),
            "x.toml:3: referent 'armed': cue 'attacks' is listed twice (first on line 3); remove one",
        ),
        (
            ARMED + 'not = ["sanctions regime"]\n',
            "x.toml:5: referent 'armed': 'not' phrase 'sanctions regime' holds none of this "
            "referent's labels, so it excludes nothing",
        ),
        (
            ARMED + 'needs_cue = ["militants"]\n',
            "x.toml:5: referent 'armed': needs_cue names 'militants', which is not one of its labels",
        ),
        (
            '[[referent]]\nname = "armed"\nneutral = ["rebels"]\nneeds_cue = ["rebels"]\n',
            "x.toml:4: referent 'armed': needs_cue names 'rebels', but the referent has no cues",
        ),
        (
            ARMED + '\n[[referent]]\nname = "Armed"\nneutral = ["fighters"]\n',
            "x.toml:7: referent 'Armed' is defined twice (first on line 2); merge the two [[referent]] tables",
        ),
        # A label under two referents needs cues that tell them apart, both ways.
        (
            ARMED
            + '\n[[referent]]\nname = "held"\nneutral = ["prisoners"]\nnegative = ["rebels"]\n',
            "x.toml:9: referent 'held': label 'rebels' is also listed under 'armed' (line 4), and "
            "their cues cannot tell the two apart; give each referent a cue the other lacks, or "
            "keep the label under one referent",
        ),
        (
            ARMED + '\n[[referent]]\nname = "held"\ncues = ["attacks"]\nnegative = ["rebels"]\n',
            "x.toml:9: referent 'held': label 'rebels' is also listed under 'armed' (line 4), and "
            "their cues cannot tell the two apart; give each referent a cue the other lacks, or "
            "keep the label under one referent",
        ),
    ],
)
def test_malformed_labels_toml_gives_exact_messages(text: str, expected: str) -> None:
    assert message(text) == expected


def test_a_label_shared_by_referents_with_distinct_cues_is_accepted() -> None:
    text = ARMED + '\n[[referent]]\nname = "held"\ncues = ["prison"]\nnegative = ["Rebels"]\n'
    table = lexicon_toml.parse(text, path="x.toml")
    assert [(row.values, row.line) for row in table.rows] == [
        (("armed", "cue", "attack", ""), 3),
        (("armed", "label", "rebels", "neutral"), 4),
        (("held", "cue", "prison", ""), 8),
        (("held", "label", "rebels", "negative"), 9),
    ]
    assert table.where(table.rows[3]) == "x.toml:9"


def test_an_empty_labels_toml_holds_no_referents() -> None:
    assert lexicon_toml.parse("# nothing yet\n", path="x.toml").rows == ()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("prisoners", "prisoner", True),
        ("gunmen", "gunman", True),
        ("territories", "territory", True),
        ("pro-life", "pro life", True),
        ("Rebels", "rebel", True),
        ("rebels", "rebel groups", False),
        ("strike", "strikes", True),
        ("mob", "mobs", True),
        ("press", "pres", False),
    ],
)
def test_phrases_that_match_the_same_tokens_are_the_same(a: str, b: str, same: bool) -> None:
    words = lexicon_toml.phrase_words
    assert lexicon_toml.same_words(words(a), words(b)) is same


# --- the shipped file, overlays and the lexicon commands ----------------------------------------


def test_shipped_labels_toml_sizes_are_pinned() -> None:
    table = LEX[LABELS.name]
    assert len({row.values[0] for row in table.rows}) == SHIPPED_REFERENTS
    assert Counter(row.text(LABELS, "entry") for row in table.rows) == SHIPPED_ENTRIES
    assert len(table.rows) == sum(SHIPPED_ENTRIES.values())
    assert len(TABLE.referents) == SHIPPED_REFERENTS


def test_shipped_labels_toml_names_its_source_and_licence() -> None:
    head = (
        (ROOT / "lexicons" / "labels.toml").read_text(encoding="utf-8").split("\n[[referent]]")[0]
    )
    assert "source:" in head and "Licence: MIT" in head and "Hamborg" in head
    for connotation in lexicons.LABEL_CONNOTATIONS:
        assert f"#   {connotation} " in head


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    lexicons.init(Path("lex"))
    return Path("lex")


def test_init_copies_labels_toml_and_an_overlay_replaces_it(copy: Path) -> None:
    shipped = (ROOT / "lexicons" / "labels.toml").read_bytes()
    assert (copy / "labels.toml").read_bytes() == shipped
    assert ("lex/labels.toml", len(LEX[LABELS.name].rows)) in lexicons.check(copy)
    (copy / "labels.toml").write_text(ARMED, encoding="utf-8")
    table = lexicons.load(copy)[LABELS.name]
    assert [table.where(row) for row in table.rows] == ["lex/labels.toml:3", "lex/labels.toml:4"]


def test_an_error_in_an_overlaid_labels_toml_names_the_line(copy: Path) -> None:
    path = copy / "labels.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith('neutral = ["prisoners"'))
    lines[number] = lines[number].replace("neutral", "sympathetic")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        lexicons.check(copy)
    assert str(caught.value) == (
        f"lex/labels.toml:{number + 1}: referent 'people held by a state': unknown connotation "
        f"'sympathetic'; {EXPECTED_KEYS}"
    )


# --- the comparison table -----------------------------------------------------------------------


def _doc(doc_id: str, mentions: list[LabelMention]) -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        outlet=doc_id,
        outlet_from="file",
        title=None,
        date=None,
        url=None,
        author=None,
        text="",
        article=(),
        chrome=(),
        word_count=0,
        labels=tuple(mentions),
    )


def _mention(referent: str, label: str, *, text: str = "", quoted: bool = False) -> LabelMention:
    return LabelMention(referent, text or label, Span(0, 1), "neutral", quoted, "x:1", label)


def test_the_label_table_is_sorted_deduplicated_and_deterministic() -> None:
    docs = [
        _doc("b", [_mention(HELD_BY_STATE, "terrorists"), _mention(HELD_BY_STATE, "terrorists")]),
        _doc("a", [_mention(HELD_BY_STATE, "prisoners"), _mention(HELD_BY_STATE, "detainees")]),
        _doc("c", [_mention(ARMED_GROUP, "fighters", text="Kurdish fighters")]),
        _doc("d", []),
    ]
    expected = (
        LabelRow(ARMED_GROUP, (("c", ("fighters",)),)),
        LabelRow(HELD_BY_STATE, (("a", ("detainees", "prisoners")), ("b", ("terrorists",)))),
    )
    assert compare_labels.table(docs) == expected
    rng = random.Random(4)
    for _ in range(5):
        shuffled = [_doc(d.id, rng.sample(list(d.labels), len(d.labels))) for d in docs]
        rng.shuffle(shuffled)
        assert compare_labels.table(shuffled) == expected


def test_quoted_labels_stay_out_of_the_table_unless_asked() -> None:
    docs = [
        _doc("a", [_mention(GOVERNMENT, "regime", quoted=True), _mention(GOVERNMENT, "government")])
    ]
    assert compare_labels.table(docs) == (LabelRow(GOVERNMENT, (("a", ("government",)),)),)
    assert compare_labels.table(docs, quoted=True) == (
        LabelRow(GOVERNMENT, (("a", ("government", "regime")),)),
    )
    only_quoted = [_doc("a", [_mention(GOVERNMENT, "regime", quoted=True)])]
    assert compare_labels.table(only_quoted) == ()


# --- the sample articles against a reader's annotations (tests/data/samples/labels.toml) ---------

SAMPLE_LABELS = {row["who"]: row["by_doc"] for row in annotations("labels")["referent"]}


@pytest.fixture(scope="module")
def seed_labels(parser) -> dict[str, tuple[LabelMention, ...]]:
    sources = sorted(corpus.read_paths([SEEDS], []), key=lambda s: s.id)
    found = {}
    for source in sources:
        cleaned = clean.find_article(source.text, LEX, start=source.body_start)
        doc = parser.parse([mask(source.text, cleaned.article)])[0]
        marks = quotes.find_quotes(source.text, cleaned.article)
        found[source.id] = labels.extract(doc, text=source.text, quotes=marks, table=TABLE)
    return found


def test_outlets_label_the_released_prisoners_differently(seed_labels) -> None:
    held = SAMPLE_LABELS["Palestinians held by Israel"]
    # The referent the extractor gives the released people in the outlet that calls them terrorists.
    ours = {m.referent for m in seed_labels["003_8b577698342439a5"] if m.label == "terrorists"}
    assert ours == {HELD_BY_STATE}
    rows = {
        row.referent: dict(row.by_doc)
        for row in compare_labels.table(
            [_doc(doc_id, list(found)) for doc_id, found in seed_labels.items()]
        )
    }
    assert rows[HELD_BY_STATE] == {
        "000_ac2ceb14507f0ec8": ("detainees", "prisoners"),
        "001_20e0e499672d32c7": ("prisoners",),
        "003_8b577698342439a5": ("terrorists",),
    }
    # Against the annotated labels, by their words in the text: every one is found but a
    # description, "Palestinians imprisoned by Israel", which is no noun label for the extractor.
    description = "Palestinians imprisoned by Israel"
    assert description in held["001_20e0e499672d32c7"]
    hits = {
        doc_id: {m.text for m in seed_labels[doc_id] if m.referent == HELD_BY_STATE} & set(words)
        for doc_id, words in held.items()
    }
    assert hits == {doc_id: set(words) - {description} for doc_id, words in held.items()}


def test_the_annotated_fighters_are_an_armed_group(seed_labels) -> None:
    for doc_id, words in SAMPLE_LABELS["Palestinian armed men"].items():
        found = {m.text for m in seed_labels[doc_id] if m.referent == ARMED_GROUP}
        assert set(words) <= found
    # And no outlet's released prisoners are taken for an armed group.
    assert all(
        m.label != "terrorists" or m.referent == HELD_BY_STATE
        for found in seed_labels.values()
        for m in found
    )
