"""Facts across documents: the sample articles' facts as a reader annotated them, statuses,
omissions, order."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from support import annotations

from framing.compare import anchors, facts, omissions
from framing.records import Document, Quantity, Span


def _fact_holding(analysis, doc_id: str, words: str, number: str):
    """The fact, and its value, of this document that lies in these words and reads this number."""
    text = analysis_doc(analysis, doc_id).text
    start = text.find(words)
    assert start >= 0, (doc_id, words)
    place = Span(start, start + len(words))
    for fact in analysis.facts:
        for value in fact.values:
            said = text[value.span.start : value.span.end]
            if (
                value.doc == doc_id
                and value.span.overlaps(place)
                and re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,])", said)
            ):
                return fact, value
    return None, None


def analysis_doc(analysis, doc_id: str) -> Document:
    return next(d for d in analysis.documents if d.id == doc_id)


# A reader's annotations of the sample articles: tests/data/samples/facts.toml.
SAMPLES = annotations("facts")


def test_each_sample_fact_is_one_fact_with_each_documents_value(seeds_analysis) -> None:
    for sample in SAMPLES["fact"]:
        what = sample["what"]
        found = set()
        for value in sample["values"]:
            doc_id = value["doc"]
            fact, mine = _fact_holding(seeds_analysis, doc_id, value["words"], value["number"])
            assert fact is not None and mine is not None, (what, doc_id, value["words"])
            found.add(fact.id)
            if "value" in value:
                assert mine.value == value["value"], (what, doc_id, mine)
            if "qualifier" in value:
                assert mine.qualifier == value["qualifier"], (what, doc_id, mine)
        assert len(found) == 1, (what, found)
        fact = next(f for f in seeds_analysis.facts if f.id in found)
        assert {v.doc for v in fact.values} == {v["doc"] for v in sample["values"]}, what
        # Articles that give different figures for one thing disagree.
        if len({v["value"] for v in sample["values"] if "value" in v}) > 1:
            assert fact.status == "conflict", what


@pytest.mark.parametrize("text", ["50/50", "1928", "October 7th"])
def test_dates_and_odds_are_not_facts(seeds_analysis, text: str) -> None:
    # the samples hold the words and other facts were found: leaving these out is a choice
    assert any(text in doc.text for doc in seeds_analysis.documents), text
    assert seeds_analysis.facts
    for fact in seeds_analysis.facts:
        assert all(text not in v.text for v in fact.values), fact


def test_what_only_one_sample_article_reports_is_its_exclusive(seeds_analysis) -> None:
    exclusive = seeds_analysis.exclusives
    for item in SAMPLES["only_in_one"]:
        doc_id, words = item["doc"], item["evidence"]
        assert any(e.doc == doc_id and words in e.evidence.text for e in exclusive), item["what"]


def _doc(doc_id: str, *quantities: Quantity) -> Document:
    return Document(
        id=doc_id, path=f"{doc_id}.txt", outlet=doc_id, outlet_from="file", title=None,
        date=None, url=None, author=None, text="x" * 200, article=(Span(0, 200),), chrome=(),
        word_count=10, quantities=quantities,
    )  # fmt: skip


def _plain(ids: str) -> list[Document]:
    """Documents with no numbers, one per letter: what omissions reads besides the facts."""
    return [_doc(i) for i in ids]


def _q(value: float | None, event: str | None, counted: str, low: float | None = None) -> Quantity:
    return Quantity(
        text=f"{value} {counted}", span=Span(0, 5), value=value, low=low if low else value,
        high=None, qualifier=None, unit="people", about=f"{counted} {event}", event=event,
        counted=counted, sentence=Span(0, 50),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (_q(58, "held", "hostage"), _q(60, "held", "hostage"), "conflict"),
        (_q(58, "held", "hostage"), _q(58, "held", "hostage"), "agree"),
        (_q(None, "killed", "people", low=20000), _q(30000, "killed", "people"), "agree"),
        (_q(None, "killed", "people", low=20000), _q(1200, "killed", "people"), "conflict"),
    ],
)
def test_status(a: Quantity, b: Quantity, status: str) -> None:
    (fact,) = facts.align([_doc("a", a), _doc("b", b)])
    assert fact.status == status


@pytest.mark.parametrize(
    ("a", "b", "basis"),
    [
        (_q(58, "held", "hostage"), _q(60, "held", "hostage"), "event"),
        (_q(58, None, "dockworker"), _q(60, None, "dockworker"), "counted"),
        # one event, two counted things: the event ties no fact ("40 rebels killed", "27
        # guards killed" in two raids)
        (_q(40, "killed", "rebel"), _q(27, "killed", "guard"), "words"),
        (_q(40, "killed", "people"), _q(27, "killed", "guard"), "event"),
        # a past event's toll told as background ("In 2009, 31 people were killed")
        (replace(_q(31, "killed", "people"), year=2009), _q(44, "killed", "people"), "counted"),
    ],
)
def test_a_fact_says_what_ties_its_values(a: Quantity, b: Quantity, basis: str) -> None:
    (fact,) = facts.align([_doc("a", a), _doc("b", b)])
    assert fact.status == "conflict", "the two figures were joined"
    assert (fact.basis, fact.proposed) == (basis, False)


def test_a_term_of_something_proposed_marks_its_fact() -> None:
    # two outlets may report two offers
    offer = replace(_q(60, "held", "hostage"), proposed=True)
    (fact,) = facts.align([_doc("a", _q(58, "held", "hostage")), _doc("b", offer)])
    assert (fact.status, fact.basis, fact.proposed) == ("conflict", "event", True)


def test_one_amount_of_money_in_two_articles_is_tied_by_its_unit() -> None:
    money = replace(_q(4.6e6, None, "dollar"), unit="money", counted=None)
    (fact,) = facts.align([_doc("a", money), _doc("b", money)])
    assert (fact.status, len(fact.values), fact.basis) == ("agree", 2, "unit")


def test_different_events_are_different_facts() -> None:
    found = facts.align(
        [_doc("a", _q(58, "held", "hostage")), _doc("b", _q(60, "killed", "hostage"))]
    )
    assert [f.status for f in found] == ["single", "single"]


def test_an_item_naming_no_event_does_not_chain_two_events() -> None:
    # b's bare 5 has no event: it may join a's 5 killed or c's 5 injured, never both
    bare = _q(5, None, "people")
    found = facts.align(
        [
            _doc("a", _q(5, "killed", "people")),
            _doc("b", bare),
            _doc("c", _q(5, "injured", "people")),
        ]
    )
    assert sorted(v.doc for fact in found for v in fact.values) == ["a", "b", "c"]
    assert any({v.doc for v in fact.values} in ({"a", "b"}, {"b", "c"}) for fact in found)
    for fact in found:
        assert len({v.doc for v in fact.values} & {"a", "c"}) < 2, fact


def test_documents_first_figures_of_an_event_are_preferred() -> None:
    # b's first toll (24) is the one to line up with a's first toll, not its later sub-count (10)
    found = facts.align(
        [
            _doc("a", _q(5, "killed", "people")),
            _doc("b", _q(24, "killed", "people"), _q(10, "killed", "people")),
        ]
    )
    (pair,) = [f for f in found if len(f.values) == 2]
    assert sorted(v.value for v in pair.values) == [5, 24]


def test_one_value_per_document_per_fact() -> None:
    found = facts.align(
        [
            _doc("a", _q(58, "held", "hostage"), _q(59, "held", "hostage")),
            _doc("b", _q(60, "held", "hostage")),
        ]
    )
    # every figure is kept, and b's figure is lined up with one of a's two
    assert sorted(v.value for fact in found for v in fact.values) == [58, 59, 60]
    assert any({v.doc for v in fact.values} == {"a", "b"} for fact in found)
    for fact in found:
        by_doc: dict[str, set[float | None]] = {}
        for v in fact.values:
            by_doc.setdefault(v.doc, set()).add(v.value)
        assert all(len(values) == 1 for values in by_doc.values()), fact


def test_a_repeated_amount_stays_in_its_fact() -> None:
    found = facts.align(
        [
            _doc("a", _q(58, "held", "hostage"), _q(58, "held", "hostage")),
            _doc("b", _q(60, "held", "hostage")),
        ]
    )
    assert [len(f.values) for f in found] == [3]


def test_the_order_does_not_depend_on_the_input_order() -> None:
    docs = [_doc(n, _q(v, "held", "hostage"), _q(v * 100, "killed", "people")) for n, v in
            (("a", 58), ("b", 60), ("c", 61))]  # fmt: skip
    found = facts.align(docs)
    assert [len(fact.values) for fact in found] == [3, 3]
    assert found == facts.align(docs[::-1])


def test_omissions_need_more_than_half_the_documents() -> None:
    found = facts.align([_doc(n, _q(58, "held", "hostage")) for n in ("a", "b", "c")] + [_doc("d")])
    assert [(o.doc, o.covered_by) for o in omissions.omissions(found, _plain("abcd"))] == [
        ("d", ("a", "b", "c"))
    ]
    two = facts.align(
        [_doc(n, _q(58, "held", "hostage")) for n in ("a", "b")] + [_doc("c"), _doc("d")]
    )
    assert omissions.omissions(two, _plain("abcd")) == ()


@pytest.mark.parametrize(
    ("dates", "note"),
    [
        (("2025-03-01", "2025-03-01"), None),
        (("2025-03-01T08:00", "2025-03-01T19:30:00Z"), None),
        (
            ("2025-03-01", "2025-03-04"),
            "reported on different dates (2025-03-01, 2025-03-04): values may differ with time",
        ),
        (("2025-03-01", None), "no reporting date for b: values may differ with time"),
        ((None, None), "reporting dates unknown: values may differ with time"),
    ],
)
def test_the_date_note_names_what_differs(dates: tuple, note: str | None) -> None:
    docs = [
        replace(_doc(name, _q(58, "held", "hostage")), date=when)
        for name, when in zip("ab", dates, strict=True)
    ]
    (fact,) = facts.align(docs)
    assert len(fact.values) == 2
    assert fact.note == note


def _amount(value: float | None, text: str, unit: str = "money", low: float | None = None):
    return Quantity(
        text=text, span=Span(0, 5), value=value, low=low if low else value, high=None,
        qualifier=None, unit=unit, about="aid", event="pledged", counted=unit, sentence=Span(0, 50),
    )  # fmt: skip


def _bound(value: float, text: str, qualifier: str, *, upper: bool = False) -> Quantity:
    unit = "money" if "$" in text else "people"
    low, high = (None, value) if upper else (value, None)
    return replace(_amount(value, text, unit), qualifier=qualifier, low=low, high=high)


@pytest.mark.parametrize(
    ("a", "b", "status", "note"),
    [
        # a rounded value agrees with the precise one it rounds, and says so
        (_amount(2.1e9, "$2.1 billion"), _amount(2.085e9, "$2.085 billion"), "agree",
         "the values agree within rounding"),
        # a round thousand and a precise figure; but two round figures differ
        (_amount(43000, "$43,000"), _amount(43350, "$43,350"), "agree",
         "the values agree within rounding"),
        (_amount(1000, "1,000 people", "people"), _amount(1100, "1,100 people", "people"),
         "conflict", None),
        # two values at one precision that differ are a conflict
        (_amount(4.2e9, "$4.2 billion"), _amount(4.3e9, "$4.3 billion"), "conflict", None),
        # plain numbers are exact: 58 and 60 differ
        (_amount(58, "58 people", "people"), _amount(60, "60 people", "people"), "conflict", None),
        # a vague value agrees with what its order of magnitude admits, and only that
        (_amount(None, "tens of thousands", "people", low=20000),
         _amount(30000, "30,000", "people"), "agree", None),
        (_amount(None, "tens of thousands", "people", low=20000),
         _amount(150000, "150,000", "people"), "conflict", None),
        (_amount(None, "hundreds", "people", low=200),
         _amount(None, "thousands", "people", low=2000), "conflict", None),
        # a qualifier's bound admits what meets it within its rounding step ("over $300": to $400)
        (_bound(300, "over $300", "over"), _amount(313.89, "$313.89"), "agree",
         "the values agree within a qualifier's bound"),
        (_bound(300, "over $300", "over"), _amount(410, "$410"), "conflict", None),
        (_bound(30000, "over 30,000", "over"), _bound(54000, "over 54,000", "over"), "conflict",
         None),
        (_bound(60, "nearly 60", "nearly", upper=True), _amount(58, "58", "people"), "agree",
         "the values agree within a qualifier's bound"),
        (_bound(60, "nearly 60", "nearly", upper=True), _amount(61, "61", "people"), "conflict",
         None),
        # an approximate value admits what rounds to it, and no more
        (replace(_bound(700, "roughly 700", "roughly"), low=None), _amount(722, "722", "people"),
         "agree", "the values agree within a qualifier's bound"),
        (replace(_bound(1700, "about 1,700", "about"), low=None), _amount(1754, "1,754", "people"),
         "agree", "the values agree within a qualifier's bound"),
        (replace(_bound(700, "roughly 700", "roughly"), low=None), _amount(810, "810", "people"),
         "conflict", None),
        # one number of two units of a family is two amounts: a day is not a year
        (_amount(1, "a day", "days"), _amount(1, "a year", "years"), "conflict", None),
        (_amount(3, "3 months", "months"), _amount(91, "91 days", "days"), "agree", None),
    ],
)  # fmt: skip
def test_rounded_and_vague_values(a: Quantity, b: Quantity, status: str, note: str | None) -> None:
    dated = [replace(_doc(n, q), date="2025-03-01") for n, q in (("a", a), ("b", b))]
    (fact,) = facts.align(dated)
    assert len(fact.values) == 2
    assert (fact.status, fact.note) == (status, note)


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        # a whole number of two different things is two facts
        (_amount(3, "3 charges", "charge"), _amount(3, "3 devices", "device"), False),
        # a measurement named by its unit or by what it measures is one
        (_amount(6.1, "6.1 magnitude", "magnitude"), _amount(6.1, "a 6.1 quake", "quake"), True),
    ],
)
def test_different_counted_things_are_different_facts(
    a: Quantity, b: Quantity, joined: bool
) -> None:
    found = facts.align([_doc("a", a), _doc("b", b)])
    assert found, "each value is a row"
    assert any(len(f.values) == 2 for f in found) is joined


def test_no_omission_where_a_matched_sentence_gives_the_figure() -> None:
    from framing.records import Claim, ClaimText

    found = facts.align([_doc(n, _q(58, "held", "hostage")) for n in ("a", "b", "c")] + [_doc("d")])
    every = _plain("abcd")
    assert [o.doc for o in omissions.omissions(found, every)] == ["d"]
    told = ClaimText("d", "It said 58 remain.", Span(0, 50))
    claim = Claim("c1", (ClaimText("a", "x", Span(0, 50)), told), 0.5)
    assert omissions.omissions(found, every, claims=[claim]) == ()
    # the same event told without a figure leaves the figure out
    plain = replace(claim, sentences=(claim.sentences[0], replace(told, text="Some remain.")))
    assert [o.doc for o in omissions.omissions(found, every, claims=[plain])] == ["d"]


def _numbers(*docs: Document) -> list:
    return facts.items(docs, quoted=True)


def test_no_omission_where_the_document_restates_the_value() -> None:
    docs = [_doc(n, _amount(2.085e9, "$2.085 billion")) for n in ("a", "b", "c")]
    # d's rounded figure, left out of the row (as when its sentence shares too little with the
    # others'), is still the same amount
    other = _amount(2.1e9, "$2.1 billion")
    found = facts.align(docs)
    every = _plain("abcd")
    assert [o.doc for o in omissions.omissions(found, every)] == ["d"]
    assert omissions.omissions(found, every, numbers=_numbers(*docs, _doc("d", other))) == ()


def test_no_omission_where_the_document_quotes_the_figure() -> None:
    docs = [_doc(n, _amount(2.085e9, "$2.085 billion")) for n in ("a", "b", "c")]
    quoted = replace(_amount(2.085e9, "$2.085 billion"), quoted=True)
    found = facts.align(docs)
    every = _plain("abcd")
    assert [
        o.doc for o in omissions.omissions(found, every, numbers=_numbers(*docs, _doc("d")))
    ] == ["d"]
    # a speaker's figure is no fact of the outlet's, but the outlet does report it
    assert omissions.omissions(found, every, numbers=_numbers(*docs, _doc("d", quoted))) == ()


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        ("31-24", "24-31", "agree"),  # one result, told from either side
        ("31-24", "31-21", "conflict"),
    ],
)
def test_a_score_agrees_only_on_both_sides(a: str, b: str, status: str) -> None:
    first, second = (_amount(float(t.split("-")[0]), t, "score") for t in (a, b))
    dated = [replace(_doc(n, q), date="2025-03-01") for n, q in (("a", first), ("b", second))]
    (fact,) = facts.align(dated)
    assert len(fact.values) == 2
    assert fact.status == status


def test_a_round_amount_is_not_joined_to_a_near_one_for_another_thing() -> None:
    def spent(doc: str, value: float, text: str, sentence: str) -> Document:
        quantity = replace(_amount(value, text), event=None, counted=None, about=None)
        return replace(_doc(doc, quantity), text=sentence.ljust(200))

    football = "He spent $5,000 on football gear at the store."
    joined = facts.align(
        [spent("a", 5000, "$5,000", football), spent("b", 5000, "$5,000", football)]
    )
    assert [len(f.values) for f in joined] == [2]
    dinner = "Then $5,150 went on a dinner for donors downtown."
    apart = facts.align([spent("a", 5000, "$5,000", football), spent("b", 5150, "$5,150", dinner)])
    assert all(len(f.values) == 1 for f in apart)


def test_two_shares_of_one_measure_are_not_one_fact_by_their_word_alone() -> None:
    def share(doc: str, value: float, sentence: str) -> Document:
        quantity = replace(_amount(value, f"{value:g}%", "percent"), event=None, counted="support")
        return replace(_doc(doc, quantity), text=sentence.ljust(200))

    # Biden's 14 percent support and Sanders's 5% support in January: two shares
    apart = facts.align([share("a", 14, "Joe Biden, who is not a candidate, earns 14% support."),
                         share("b", 5, "He has jumped from 5% support in January to 30%.")])  # fmt: skip
    assert all(len(f.values) == 1 for f in apart)
    # the same share told twice is still one fact
    same = facts.align([share("a", 14, "Joe Biden, who is not a candidate, earns 14% support."),
                        share("b", 14, "Biden captures 14% support, five months out.")])  # fmt: skip
    assert [len(f.values) for f in same] == [2]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # a rare name beside both amounts ties them, in a list as in running text
        ("Bills show $2,306.08 at Lakeside Park, over $300 at Acme Toys, and more.",
         "The couple spent $313.89 on dolls from Acme Toys, records show.", True),
        ("Bills show $2,306.08 at Lakeside Park, over $300 at Acme Toys, and more.",
         "The couple spent $313.89 on dolls from Bravo Games, records show.", False),
        # a name between two amounts may be either's, so it ties neither
        ("Bills show over $300 and then Acme Toys got $900 more.",
         "The couple spent $313.89 on dolls from Acme Toys, records show.", False),
        # a name the article uses throughout (its actor) stands beside every number, ties none
        ("Then Dana Acme paid over $300. Acme said so. Acme left.",
         "The couple spent $313.89 with Dana Acme, records show.", False),
    ],
)  # fmt: skip
def test_a_rare_name_beside_two_amounts_ties_them(first: str, second: str, joined: bool) -> None:
    def spent(doc: str, sentence: str) -> Document:
        amounts = tuple(
            Quantity(
                text=m.group(0), span=Span(m.start(), m.end()), value=value, low=value,
                high=None, qualifier=m.group(1) and "over", unit="money", about=None,
                sentence=Span(0, len(sentence)),
            )
            for m in re.finditer(r"(over )?\$(\d[\d,]*(?:\.\d+)?)", sentence)
            for value in [float(m.group(2).replace(",", ""))]
        )  # fmt: skip
        return replace(_doc(doc, *amounts), text=sentence.ljust(200))

    docs = [spent("a", first), spent("b", second)]
    assert anchors.anchors(docs[1])[docs[1].quantities[-1]], "a name stands beside the amount"
    found = facts.align(docs)
    assert [len(f.values) for f in found] == ([2] if joined else [])


@pytest.mark.parametrize(
    ("later", "joined"),
    [
        # a document's later sub-count ("one man killed in a landslide") does not take the
        # place of its toll: the two documents' first tolls are one fact, and they conflict
        ("man", "person"),
        # first figures of different things are not put first: "1,200 civilians" and a count
        # of "Palestinians" stay apart, and the equal sub-count joins as before
        ("man", None),
    ],
)
def test_the_documents_first_figures_of_one_thing_join_first(
    later: str, joined: str | None
) -> None:
    first = "person" if joined else "civilian"
    a = _doc("a", _q(5, "killed", "people"), replace(_q(1, "killed", later), span=Span(6, 9)))
    b = _doc("b", _q(1, "killed", first))
    found = facts.align([a, b])
    assert found, "the tolls are facts"
    rows = {tuple(sorted((v.doc, v.value) for v in f.values)) for f in found}
    if joined:
        assert (("a", 5), ("b", 1)) in rows
    else:
        assert (("a", 1), ("b", 1)) in rows


@pytest.mark.parametrize(
    ("unit", "counted", "joined"), [("miles", "mile", False), ("barrier", "barrier", True)]
)
def test_a_unit_of_measure_is_no_evidence_of_what_is_measured(
    unit: str, counted: str, joined: bool
) -> None:
    # two lengths are not one fact for being lengths ("mile" is the unit); a counted thing is
    def length(doc: str, value: float, sentence: str) -> Document:
        quantity = replace(_amount(value, f"{value:g} {unit}", unit), counted=counted, event=None)
        return replace(_doc(doc, quantity), text=sentence.ljust(200))

    found = facts.align([length("a", 65, "The plan sought money for 65 miles in the south."),
                         length("b", 55, "Congress later agreed to fund 55 miles of it.")])  # fmt: skip
    assert found or not joined, "the lengths are compared"
    assert any(len(f.values) == 2 for f in found) is joined
