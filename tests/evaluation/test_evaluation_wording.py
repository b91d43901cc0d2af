"""The loaded-wording evaluation scripts (BABE, BASIL, NewsWCL50) read their formats and score what
they claim to score, checked on hand-made data; each also runs on a little of the real data when
``../shared/eval`` is present."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import babe
import basil
import newswcl50

from framing.records import Span

EVAL = ROOT.parent / "shared" / "eval"


def _run(script: str, data: Path, *extra: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "evaluation" / script), "--data", str(data), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


# BABE


BABE_CSV = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\r\n"
    '"""We have one beautiful law,"" Trump said in his bizarre syntax; really.";http://a;'
    "Alternet;guns;left;Biased;Somewhat factual;['bizarre', 'Bizarre', '\"beautiful\"']\r\n"
    "The council met on Tuesday.;http://b;Reuters;city;center;Non-biased;Entirely factual;[]\r\n"
    "Nobody agreed on this one.;http://c;Fox;city;right;No agreement;Entirely factual;[]\r\n"
)


def test_babe_reads_labels_and_word_lists(tmp_path: Path) -> None:
    path = tmp_path / babe.FILE
    path.write_text(BABE_CSV, encoding="utf-8")
    rows, skipped = babe.read_babe(path)
    assert skipped == 1
    assert [r.biased for r in rows] == [True, False]
    assert rows[0].text.startswith('"We have one beautiful law," Trump')
    assert rows[0].text.endswith("syntax; really.")
    assert rows[0].words == ("bizarre", "beautiful")  # lower case, marks stripped, once
    assert rows[1].words == ()


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("['obsession']", ("obsession",)),
        ("['“refugees”', 'far-right']", ("refugees", "far-right")),
        ("[]", ()),
        ("", ()),
        ("not a list", ()),
        ("{'a': 1}", ()),
    ],
)
def test_babe_parse_words(field: str, expected: tuple[str, ...]) -> None:
    assert babe.parse_words(field) == expected


@pytest.mark.parametrize(
    ("term", "word", "hit"),
    [
        ("Bizarre", "bizarre", True),
        ("far-right", "right", True),  # contains it as a whole word
        ("radical left", "radical", True),
        ("bright", "right", False),  # not inside another word
        ("radical", "radical left", False),  # a term shorter than the biased phrase
    ],
)
def test_babe_contains_word(term: str, word: str, hit: bool) -> None:
    assert babe.contains_word(term, word) is hit


def test_babe_word_counts() -> None:
    counts = babe.word_counts(["bizarre", "far-right", "said"], ["bizarre", "right", "crime"])
    assert counts == babe.WordCounts(flagged=3, flagged_hits=2, gold=3, gold_hits=2)
    total = counts + babe.word_counts(["claimed"], [])  # a flag in a sentence without gold
    assert (total.flagged, total.flagged_hits) == (4, 2)
    assert total.precision == 0.5 and total.recall == pytest.approx(2 / 3)
    assert babe.WordCounts().precision == 0.0 and babe.WordCounts().recall == 0.0


def test_babe_auc() -> None:
    assert babe.auc([True, False, True, False], [0.9, 0.1, 0.8, 0.2]) == 1.0
    assert babe.auc([True, False], [1.0, 1.0]) == 0.5  # ties count half
    assert babe.auc([True, False, False], [0.0, 1.0, 0.5]) == 0.0
    assert math.isnan(babe.auc([True, True], [0.1, 0.2]))


def test_babe_script_runs_on_a_few_sentences() -> None:
    data = EVAL / "babe"
    if not (data / babe.FILE).is_file():
        pytest.skip("../shared/eval/babe is absent")
    out = _run("babe.py", data, "--limit", "40")
    assert "BABE SG2: 40 sentences" in out
    assert "sentence ROC-AUC  score" in out and "words all terms  P" in out


# BASIL


def _basil(tmp_path: Path) -> Path:
    sentences = [
        ["Steele drew fierce criticism on Friday.", "He spoke in Connecticut."],
        ["The radical plan failed, critics said."],
    ]
    annotations = [
        {"id": "p0", "bias": "lex", "start": 12, "end": 18, "txt": "fierce"},
        {"id": "p1", "bias": "inf", "start": 0, "end": 8, "txt": "He spoke"},
        {"id": "p2", "bias": "Lexical", "start": 4, "end": 16, "txt": "radical plan"},
        {"id": "title", "bias": "lex", "start": 0, "end": 5, "txt": "Title"},
        {"id": "p9", "bias": "lex", "start": 0, "end": 3, "txt": "nothing"},  # no such sentence
    ]
    for stem, paragraphs in (("t1_1", sentences), ("t1_2", [["Not annotated."]])):
        path = tmp_path / "articles" / "2010" / f"{stem}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"source": "nyt", "body-paragraphs": paragraphs}))
    ann = tmp_path / "annotations" / "2010" / "t1_1_ann.json"
    ann.parent.mkdir(parents=True)
    ann.write_text(json.dumps({"phrase-level-annotations": annotations}))
    return tmp_path


def test_basil_loads_sentences_and_lexical_spans(tmp_path: Path) -> None:
    sentences, articles, outside = basil.load(_basil(tmp_path))
    assert articles == 1  # the article without annotations is not read
    assert outside == 1
    assert [(s.article, s.index) for s in sentences] == [
        ("2010/t1_1", 0),
        ("2010/t1_1", 1),
        ("2010/t1_1", 2),
    ]
    assert [s.lexical for s in sentences] == [(Span(12, 18),), (), (Span(4, 16),)]
    first, _, third = sentences
    assert first.text[12:18] == "fierce" and third.text[4:16] == "radical plan"
    assert basil.load(tmp_path, limit=1)[1] == 1


@pytest.mark.parametrize(
    ("bias", "lexical"), [("lex", True), ("Lexical", True), ("inf", False), ("", False)]
)
def test_basil_is_lexical(bias: str, lexical: bool) -> None:
    assert basil.is_lexical(bias) is lexical


def test_basil_words_and_counts() -> None:
    text = "The far-right plan, Obama's, failed badly."
    assert [text[w.start : w.end] for w in basil.words(text)] == [
        "The",
        "far-right",
        "plan",
        "Obama's",
        "failed",
        "badly",
    ]
    gold = [Span(4, 18)]  # "far-right plan"
    flagged = [Span(8, 13), Span(35, 40)]  # "right" (part of a word) and "badly"
    counts = basil.word_counts(text, gold, flagged)
    assert counts == basil.WordCounts(flagged=2, flagged_hits=1, gold=2, gold_hits=1)
    assert counts.precision == 0.5 and counts.recall == 0.5
    assert basil.word_counts(text, [], []) == basil.WordCounts()


def test_basil_script_runs_on_a_few_articles() -> None:
    data = EVAL / "basil"
    if not (data / "articles").is_dir():
        pytest.skip("../shared/eval/basil is absent")
    out = _run("basil.py", data, "--limit", "3")
    assert "BASIL: 3 articles" in out
    assert "sentence ROC-AUC  score" in out and "words all terms  P" in out


# NewsWCL50

WCL_CSV = (
    "sep=,\n"
    "id,code_type,code_name,code_mention,target_concept,event_id,publisher_id,paragraph,"
    "sentence,start,end\n"
    "0_L_0000,PROPERTY,Lawfulness,\"'clearly' show no obstruction, collusion\",Trump,0,L,0,0,5,12\n"
    "0_L_0001,ACTOR,PRK\\Jong Un,Kim Jong-un,,0,L,1,1,0,1\n"
    "0_L_0002,PROPERTY,Other,fired,Comey,0,L,1,1,4,4\n"  # one line off: it is in line 2
    "0_L_0003,PROPERTY,Other,nowhere to be seen,,0,L,1,1,0,3\n"
    "1_M_0000,PROPERTY,Other,missing,,1,M,0,0,0,0\n"
)
WCL_LINES = [
    "Trump tweets that Comey memos 'clearly' show no obstruction, collusion.",
    "Kim Jong-un met Trump's envoy.",
    "He said the fired director never felt obstructed.",
]


def _newswcl(tmp_path: Path) -> Path:
    (tmp_path / "Annotations.csv").write_text(WCL_CSV, encoding="utf-8")
    sent = newswcl50.sentence_file(tmp_path, 0, "L")
    sent.parent.mkdir(parents=True)
    sent.write_text("\n".join(WCL_LINES) + "\n", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def tokenize():  # type: ignore[no-untyped-def]
    return newswcl50.make_tokenizer()


def test_newswcl_reads_annotations_after_the_sep_line(tmp_path: Path) -> None:
    mentions = newswcl50.read_annotations(_newswcl(tmp_path) / "Annotations.csv")
    assert len(mentions) == 5
    first = mentions[0]
    assert first.text == "'clearly' show no obstruction, collusion"
    assert (first.code_type, first.event, first.publisher) == ("PROPERTY", 0, "L")
    assert (first.sentence, first.start, first.end) == (0, 5, 12)


def test_newswcl_tokenizer_keeps_hyphenated_words(tokenize) -> None:  # type: ignore[no-untyped-def]
    assert [t.text for t in tokenize(WCL_LINES[1])] == [
        "Kim",
        "Jong-un",
        "met",
        "Trump",
        "'s",
        "envoy",
        ".",
    ]
    tokens = tokenize(WCL_LINES[0])
    assert [t.text for t in tokens[5:13]] == [
        "'",
        "clearly",
        "'",
        "show",
        "no",
        "obstruction",
        ",",
        "collusion",
    ]
    assert all(WCL_LINES[0][t.span.start : t.span.end] == t.text for t in tokens)
    assert [t.is_word for t in tokens[5:8]] == [False, True, False]


def test_newswcl_locate(tmp_path: Path, tokenize) -> None:  # type: ignore[no-untyped-def]
    mentions = newswcl50.read_annotations(_newswcl(tmp_path) / "Annotations.csv")
    lines = [tokenize(line) for line in WCL_LINES]
    assert newswcl50.locate(mentions[0], lines) == (0, 5, 12, False)
    assert newswcl50.locate(mentions[1], lines) == (1, 0, 1, False)
    assert newswcl50.locate(mentions[2], lines) == (2, 3, 3, True)  # found in the next line
    assert newswcl50.locate(mentions[2], lines, window=0) is None
    assert newswcl50.locate(mentions[3], lines) is None
    assert newswcl50.normal("really bothered -LSB-him-RSB-") == "reallybotheredhim"


def test_newswcl_gold_words_and_flags(tmp_path: Path, tokenize) -> None:  # type: ignore[no-untyped-def]
    data = _newswcl(tmp_path)
    mentions = newswcl50.read_annotations(data / "Annotations.csv")
    articles, located, missing = newswcl50.build_articles(data, mentions, [0, 1], tokenize)
    assert missing == ["1_M"]
    assert (located.exact, located.moved, located.lost) == (1, 1, 1)
    (article,) = articles
    # quote marks and the comma are not words; "fired" was found one line on
    assert article.gold == {(0, 6), (0, 8), (0, 9), (0, 10), (0, 12), (2, 3)}
    assert len(article.words()) == 10 + 6 + 8  # "'s" is a word, "." is not
    text = article.text()
    start = text.index("fired director")
    jong = text.index("Jong-un")
    flagged = article.flagged([Span(start, start + 5), Span(jong + 1, jong + 3)])
    assert flagged == {(2, 3), (1, 1)}  # a span inside a word flags the word
    counts = newswcl50.word_counts(article.words(), article.gold, flagged)
    assert counts == newswcl50.WordCounts(words=24, gold=6, flagged=2, both=1)
    assert counts.precision == 0.5 and counts.recall == pytest.approx(1 / 6)
    # flagging every word: precision is the gold share, recall 1
    every = newswcl50.word_counts(article.words(), article.gold, article.words())
    assert every.precision == pytest.approx(6 / 24) and every.recall == 1.0


@pytest.mark.parametrize(
    ("value", "events"),
    [("0-4", [0, 1, 2, 3, 4]), ("0,2", [0, 2]), ("3", [3]), ("1-2,0", [0, 1, 2])],
)
def test_newswcl_parse_events(value: str, events: list[int]) -> None:
    assert newswcl50.parse_events(value) == events


def test_newswcl_script_runs_on_one_article() -> None:
    data = EVAL / "newswcl50"
    if not (data / "Annotations.csv").is_file():
        pytest.skip("../shared/eval/newswcl50 is absent")
    out = _run("newswcl50.py", data, "--events", "0", "--limit", "1")
    assert "NewsWCL50 events 0: 1 articles" in out
    assert "framing, all terms" in out and "baseline, every word" in out


def test_babe_script_scores_with_a_users_lexicon_folder(tmp_path: Path) -> None:
    (tmp_path / babe.FILE).write_text(BABE_CSV, encoding="utf-8")
    own = tmp_path / "lexicons"
    own.mkdir()
    (own / "loaded.tsv").write_text(
        "# loaded.tsv: a user's own list\nterm\tcategory\tweight\ncouncil\tjudgement\t1\n",
        encoding="utf-8",
    )
    shipped = _run("babe.py", tmp_path)
    overlaid = _run("babe.py", tmp_path, "--lexicons", str(own))
    # the shipped list flags "bizarre" in the Biased row (AUC 1); the user's flags only "council",
    # in the Non-biased one (AUC 0)
    assert "sentence ROC-AUC  score 1.000" in shipped
    assert "sentence ROC-AUC  score 0.000" in overlaid
