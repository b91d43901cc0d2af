"""evaluation/ecb.py reads numbers, rebuilds text and scores same-fact and conflict pairs."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "evaluation"))

import ecb

from framing.records import Analysis, Fact, FactValue, Span

DATA = ROOT.parent / "shared" / "eval" / "ecbplus"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("54,000", 54000.0),
        ("5.9", 5.9),
        ("6 . 1", 6.1),
        ("2 , 117", 2117.0),
        ("$180 million", 180e6),
        ("US$334 million", 334e6),
        ("$334M", 334e6),
        ("1.2bn", 1.2e9),
        ("five", 5.0),
        ("Five", 5.0),
        ("twenty-five", 25.0),
        ("two hundred thousand", 200e3),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("33-year-old", 33.0),
        ("90-day", 90.0),
        ("31-24", 31.0),
        ("55km", 55.0),
        ("zero", 0.0),
        ("dozens", None),
        ("twelfth", None),
        ("Thursday", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert ecb.parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("killed 24 people", "24"),
        ("the Philadelphia 76ers", None),
        ("IE9 and the 12th Doctor", None),
        ("one of the guards", None),
        ("at least one person", "one"),
        ("a 6.1-magnitude quake", "6.1"),
        ("pay $334 million for", "$334 million"),
        ("the 33-year-old actress", "33"),
        ("dozens of villagers", None),
    ],
)
def test_number_in(text: str, found: str | None) -> None:
    match = ecb.number_in(text, 0, len(text))
    assert (match.group() if match else None) == found


def test_render_glues_the_ecbplus_tokens_and_keeps_spans() -> None:
    words = ["He", "said", '"', "2", ",", "117", "people", '"', "."]
    tokens = [(1, w) for w in words] + [(2, w) for w in ["a", "90", "-", "day", "stay"]]
    text, spans = ecb.render(tokens, glue=True)
    assert text == 'He said "2,117 people".\na 90-day stay'
    assert [text[s.start : s.end] for s in spans] == [w.replace("``", '"') for _, w in tokens]
    assert ecb.render([(0, "a"), (0, "-"), (0, "b")])[0] == "a - b"  # ecb: a dash stays a dash


def item(doc: str, chain: str, value: float, noun: str | None = None, at: int = 0) -> ecb.Item:
    return ecb.Item(doc, chain, value, (Span(at, at + 2),), noun)


# Three articles, chains "dead" and "mag"; B gives another death toll.
A1, B1, C1 = item("A", "dead", 50, "people"), item("B", "dead", 80, "people"), item("C", "dead", 50)
A2, B2 = item("A", "mag", 6.1, "magnitude", 10), item("B", "mag", 6.1, "quake", 10)
C3 = item("C", "other", 6.1, "magnitude", 10)  # a chain of its own: a known negative
ITEMS = [A1, B1, C1, A2, B2, C3]


def test_gold_and_baseline_pairs_on_a_hand_table() -> None:
    same, conflict = ecb.linked(ITEMS, "chain")
    assert same == {frozenset(p) for p in [(A1, B1), (A1, C1), (B1, C1), (A2, B2)]}
    assert conflict == {frozenset((A1, B1)), frozenset((B1, C1))}
    by_value = ecb.linked(ITEMS, "value")
    assert by_value[0] == {frozenset(p) for p in [(A1, C1), (A2, B2), (A2, C3), (B2, C3)]}
    assert by_value[1] == set()
    assert ecb.score(by_value[0], same) == pytest.approx((2 / 4, 2 / 4, 0.5))
    by_noun = ecb.linked(ITEMS, "noun")  # C1 has no noun: never grouped
    assert by_noun[0] == {frozenset((A1, B1)), frozenset((A2, C3))}
    assert ecb.score(by_noun[1], conflict) == pytest.approx((1.0, 0.5, 2 / 3))


def test_items_merge_one_value_of_one_chain_in_one_article() -> None:
    article = ecb.Article("A", "", (item("A", "x", 5), item("A", "x", 5, at=20), item("A", "x", 6)))
    merged = ecb.items_of([article])
    assert sorted((i.value, len(i.spans)) for i in merged) == [(5.0, 2), (6.0, 1)]


def value(doc: str, number: float | None, start: int) -> FactValue:
    span = Span(start, start + 1)
    return FactValue(doc=doc, value=number, low=None, high=None, qualifier=None, text="", span=span)


def fact(status: str, *values: FactValue) -> Fact:
    return Fact(id="f", what="", unit=None, values=values, status=status)


def test_framing_pairs_map_values_to_items_by_overlap() -> None:
    facts = (
        fact("conflict", value("A", 50, 1), value("B", 80, 0), value("X", 3, 0)),
        fact("agree", value("A", 6.1, 11), value("C", 6.1, 10)),  # C's 6.1 is another chain
        fact("agree", value("A", 1, 40), value("B", 1, 40)),  # on no item
        fact("single", value("A", 50, 1)),
    )
    tally: Counter[str] = Counter()
    same, conflict = ecb.framing_pairs(Analysis("0", (), facts=facts), ITEMS, tally)
    assert same == {frozenset((A1, B1)), frozenset((A2, C3))}
    assert conflict == {frozenset((A1, B1))}
    assert tally == {"facts": 3, "outside": 1, "values": 7, "unmatched": 3}


XML = """<Document doc_name="9_1ecbplus.xml">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="1" number="0">Quake</token>
<token t_id="3" sentence="1" number="1">kills</token>
<token t_id="4" sentence="1" number="2">2</token>
<token t_id="5" sentence="1" number="3">,</token>
<token t_id="6" sentence="1" number="4">117</token>
<token t_id="7" sentence="2" number="0">It</token>
<token t_id="8" sentence="2" number="1">was</token>
<token t_id="9" sentence="2" number="2">Friday</token>
<token t_id="10" sentence="2" number="3">,</token>
<token t_id="11" sentence="2" number="4">May</token>
<token t_id="12" sentence="2" number="5">3</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></HUMAN_PART_PER>
<TIME_DATE m_id="2"><token_anchor t_id="11"/><token_anchor t_id="12"/></TIME_DATE>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="2"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="dead" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="3"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="TIM1"><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_read_article_on_a_hand_made_file(tmp_path: Path) -> None:
    path = tmp_path / "9_1ecbplus.xml"
    path.write_text(XML, encoding="utf-8")
    article = ecb.read_article(path)
    assert article.text == "Quake kills 2,117\nIt was Friday, May 3"
    (mention,) = article.mentions  # the date is left out, "Quake" holds no number
    assert (mention.doc, mention.chain, mention.value, mention.noun) == (
        "9_1ecbplus",
        "HUM1",
        2117,
        None,
    )
    assert article.text[mention.spans[0].start : mention.spans[0].end] == "2,117"


def test_real_data_loads() -> None:
    if not (DATA / "ECB+").is_dir():
        pytest.skip("../shared/eval/ecbplus is absent")
    groups = ecb.read_groups(DATA, limit=1)
    assert sorted(groups) == ["1ecb", "1ecbplus"]
    assert [len(groups[name]) for name in sorted(groups)] == [18, 21]
    assert all(a.id.startswith("1_") for articles in groups.values() for a in articles)
    assert not any(a.id.endswith("ecbplus") for a in groups["1ecb"])
    items = ecb.items_of(groups["1ecbplus"])
    assert all(
        ecb.parse_number(a.text[s.start : s.end]) is not None
        for a in groups["1ecbplus"]
        for i in a.mentions
        for s in i.spans
    )
    stays = [i for i in items if i.value == 90]
    assert len(stays) >= 5 and {i.noun for i in stays} <= {"day", "days"}
    same, conflict = ecb.linked(items, "chain")
    assert same and conflict  # "a three-month" stay against "90-day"
