"""Stories in a mixed corpus: the grouping (on invented records, no parse) and the comparison
within each story (on the invented mixed corpus in tests/data/mixed_stories)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import DATA, ROOT

from framing import pipeline
from framing.compare import stories, vectors
from framing.records import ActorStance, Document, Span
from framing.report import json as json_report

MIXED = DATA / "mixed_stories"
SEEDS = ROOT / "seeds"

TOPICS = {
    "flood": (
        "The river burst its banks in the valley town and the flood forced families from their "
        "homes; rescue boats carried residents from the mill district while the flood wall failed.",
        ("River Board", "Mayor Brandt"),
    ),
    "recall": (
        "The drug maker recalled packs of its blood pressure tablets after tests found too much "
        "of the active ingredient; pharmacists will swap the packs and the regulator warned patients.",
        ("Medicines Board", "Kestrel"),
    ),
    "vote": (
        "The coalition candidate won the mayoral election with a majority of the vote; turnout "
        "fell and the defeated party conceded at the city hall before midnight.",
        ("Green Coalition", "Harbour Party"),
    ),
}


def _doc(doc_id: str, text: str, actors: tuple[str, ...] = (), date: str | None = None) -> Document:
    return Document(
        id=doc_id, path=f"{doc_id}.txt", outlet=doc_id.split("_")[-1], outlet_from="file",
        title=text.split(";")[0], date=date, url=None, author=None, text=text,
        article=(Span(0, len(text)),), chrome=(), word_count=len(text.split()),
        stance=tuple(ActorStance(actor=a, score=0.0, mentions=()) for a in actors),
    )  # fmt: skip


def _corpus(date: bool = True, size: int = 3) -> list[Document]:
    """``size`` articles of each topic: its text and two words of their own (a dateline)."""
    docs = []
    for day, (topic, (text, actors)) in enumerate(sorted(TOPICS.items())):
        for k in range(size):
            when = f"2025-03-{10 + 7 * day + k:02d}" if date else None
            own = f"dateline{topic}{k} desk{topic}{k}"
            docs.append(_doc(f"{topic}_{k}", f"{text} {own}", actors, when))
    return docs


def _members(found: tuple) -> list[list[str]]:
    return sorted([d.id for d in s.analysis.documents] for s in found)


def test_unrelated_stories_are_grouped_apart() -> None:
    found = stories.group(_corpus())
    assert _members(found) == [
        ["flood_0", "flood_1", "flood_2"],
        ["recall_0", "recall_1", "recall_2"],
        ["vote_0", "vote_1", "vote_2"],
    ]
    assert [s.id[:3] for s in found] == ["01-", "02-", "03-"]
    assert all(len(s.terms) == stories.TERMS for s in found)


def test_attribution_words_never_name_a_story() -> None:
    # "said" and "told" fill each article of one story and no other: by weight they would
    # name it first
    said = " ".join(["officials said", "residents told reporters", "the mayor said"] * 30)
    docs = _corpus()
    docs = [
        replace(d, text=(t := f"{d.text} {said}"), article=(Span(0, len(t)),))
        if d.id.startswith("flood")
        else d
        for d in docs
    ]
    flood = next(s for s in stories.group(docs) if s.analysis.documents[0].id.startswith("flood"))
    assert not {"said", "told"} & set(flood.terms)
    assert len(flood.terms) == stories.TERMS


def test_grouping_needs_no_dates_and_ignores_the_input_order() -> None:
    docs = _corpus(date=False)
    assert stories.group(docs) == stories.group(list(reversed(docs)))
    assert len(stories.group(docs)) == 3


def test_the_same_words_weeks_apart_are_two_stories() -> None:
    text, actors = TOPICS["flood"]
    near = [_doc("a", text, actors, "2025-03-01"), _doc("b", text, actors, "2025-03-08")]
    far = [_doc("a", text, actors, "2025-03-01"), _doc("b", text, actors, "2025-04-01")]
    unknown = [_doc("a", text, actors, "2025-03-01"), _doc("b", text, actors, None)]
    assert len(stories.group(near)) == 1
    assert len(stories.group(far)) == 2
    assert len(stories.group(unknown)) == 1


def test_a_story_spans_at_most_a_month() -> None:
    """Articles a week apart link, but a story's dated articles stay within SPAN_DAYS."""
    text, actors = TOPICS["vote"]
    weekly = [
        _doc(f"w{k}", text, actors, (date(2025, 1, 1) + timedelta(days=7 * k)).isoformat())
        for k in range(10)
    ]
    found = stories.group(weekly)
    assert len(found) > 1
    for story in found:
        days = sorted(date.fromisoformat(d.date or "") for d in story.analysis.documents)
        assert (days[-1] - days[0]).days <= stories.SPAN_DAYS


def test_one_article_and_no_words_are_one_story() -> None:
    assert len(stories.group([_doc("a", "Hello")])) == 1
    assert len(stories.group([_doc("a", "the and of"), _doc("b", "it is")])) == 1


def test_one_resembling_two_stories_does_not_chain_them() -> None:
    """Average linkage: a document half about floods and half about the recall joins one of
    them, and the two stories stay apart."""
    docs = _corpus(date=False, size=5)
    both = TOPICS["flood"][0] + " " + TOPICS["recall"][0]
    found = stories.group([*docs, _doc("mixed_0", both)])
    assert len(found) == 3
    sizes = sorted(len(s.analysis.documents) for s in found)
    assert sizes == [5, 5, 6]


def test_links_are_a_few_per_document() -> None:
    """The work is near-linear: each document keeps at most NEIGHBOURS links, and a word in
    more than POSTINGS_MAX documents is dropped before any product."""
    docs = _corpus(size=60)
    words = vectors.tfidf([d.text for d in docs])
    links = vectors.links(
        vectors.drop_common(words, postings_max=stories.POSTINGS_MAX),
        words[:, :0],
        [-1] * len(docs),
        link_min=0.1,
        window_days=7,
        neighbours=stories.NEIGHBOURS,
        actor_weight=0.0,
        block_rows=stories.BLOCK,
    )
    assert len(links) >= len(docs)  # each document links to another of its story
    assert len(links) <= stories.NEIGHBOURS * len(docs)


def test_a_word_in_too_many_documents_is_dropped() -> None:
    words = vectors.tfidf(["common flood", "common river", "common bridge"])
    kept = vectors.drop_common(words, postings_max=2)
    assert kept.shape == words.shape
    assert all(kept[i].nnz == 1 for i in range(3))


def test_partition_and_assemble_are_group() -> None:
    docs = _corpus()
    parts = stories.partition(docs)
    assert [len(ids) for ids, _ in parts] == [3, 3, 3]
    assert stories.assemble(docs, parts) == stories.group(docs)


def _named(docs: list[Document]) -> dict[str, set[str]]:
    return {d.id: {s.actor for s in d.stance} for d in docs}


def test_a_second_grouping_of_the_same_articles_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from framing.nlp import Parser

    cached = Parser(nlp=None, cache=tmp_path)  # type: ignore[arg-type]  (only its folder is read)
    docs = _corpus()
    first = pipeline._group(docs, _named(docs), cached, use_cache=True)
    calls = []
    real = stories.partition
    monkeypatch.setattr(stories, "partition", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert pipeline._group(list(reversed(docs)), _named(docs), cached, use_cache=True) == first
    assert calls == []
    # anything grouping reads changes the key: a date, a word of an article, an actor named
    moved = [d if d.id != "flood_0" else replace(d, date="2020-01-01") for d in docs]
    assert pipeline._group(moved, _named(moved), cached, use_cache=True) != first
    worded = [d if d.id != "vote_2" else replace(d, text=d.text.upper()) for d in docs]
    pipeline._group(worded, _named(worded), cached, use_cache=True)
    named = _named(docs) | {"recall_1": {"Someone Else"}}
    pipeline._group(docs, named, cached, use_cache=True)
    assert calls == [1, 1, 1]
    # without a cache folder nothing is kept
    pipeline._group(docs, _named(docs), None, use_cache=False)
    assert calls == [1, 1, 1, 1]


# The invented mixed corpus: three stories of three outlets each, and one article alone.


@pytest.fixture(scope="module")
def mixed(parser):
    analysis, _ = pipeline.analyze([MIXED], parser=parser)
    return analysis


def test_the_mixed_corpus_is_three_stories_and_one_article(mixed) -> None:
    assert [(s.id, [d.id for d in s.analysis.documents]) for s in mixed.stories] == [
        ("01-marrowby-river-rescue", ["flood_courier", "flood_ledger", "flood_radio"]),
        ("02-patients-kestrel-board", ["recall_courier", "recall_healthwire", "recall_ledger"]),
        ("03-port-aldane-orsk", ["vote_ledger", "vote_radio", "vote_times"]),
        ("04-bakery-loaf-bread", ["bakery_healthwire"]),
    ]
    assert mixed.stories[0].title == "River Tessel floods Marrowby, thousands evacuated"
    assert len(mixed.documents) == 10
    # Nothing is compared across stories at the top.
    assert not (mixed.facts or mixed.claims or mixed.sources or mixed.vocabulary)


def test_each_story_is_what_its_articles_alone_give(mixed, parser) -> None:
    """Facts, claims, omissions, labels, sources and vocabulary within a story are those of a
    run on the story's files alone: no other story leaks in, actor names included."""
    for story in mixed.stories:
        files = [MIXED / Path(d.path).name for d in story.analysis.documents]
        alone, _ = pipeline.analyze(files, parser=parser)
        assert not alone.stories
        assert json_report.to_dict(story.analysis) == json_report.to_dict(alone)


def test_facts_stay_within_their_story(mixed) -> None:
    for story in mixed.stories:
        ids = {d.id for d in story.analysis.documents}
        for fact in story.analysis.facts:
            assert {v.doc for v in fact.values} <= ids
        for claim in story.analysis.claims:
            assert {t.doc for t in claim.sentences} <= ids
    flood = mixed.stories[0].analysis
    killed = next(f for f in flood.facts if f.what == "people killed")
    assert killed.status == "conflict"


def test_one_story_is_reported_as_before(seeds_analysis, parser) -> None:
    one, _ = pipeline.analyze([SEEDS], parser=parser, stories="one")
    assert not seeds_analysis.stories
    assert json_report.dumps(seeds_analysis) == json_report.dumps(one)


def test_stories_one_compares_everything(parser) -> None:
    analysis, _ = pipeline.analyze([MIXED], parser=parser, stories="one")
    assert not analysis.stories
    assert len(analysis.sources) == 5  # every outlet of the corpus in one comparison


def _outlier(shared: int) -> Document:
    """An article that shares the flood story's first ``shared`` words and says much else."""
    text, _ = TOPICS["flood"]
    others = " ".join(f"aside{i} tangent{i}" for i in range(40))
    return _doc("c_other", " ".join(text.split()[:shared]) + " " + others)


@pytest.mark.parametrize(
    ("shared", "whole_max", "expected"),
    [
        # one story and an article that resembles it less than LINK_MIN but more than WHOLE_MIN
        (8, stories.WHOLE_MAX, [["a_one", "b_two", "c_other"]]),
        # the same run when the rule does not apply: linkage alone sheds the outlier
        (8, 0, [["a_one", "b_two"], ["c_other"]]),
        # an article that shares too little with the story stays apart
        (4, stories.WHOLE_MAX, [["a_one", "b_two"], ["c_other"]]),
    ],
)
def test_a_small_run_keeps_its_outlier_in_the_story(
    shared: int, whole_max: int, expected: list[list[str]]
) -> None:
    text, actors = TOPICS["flood"]
    docs = [_doc("a_one", text + " one", actors), _doc("b_two", text + " two", actors)]
    found = stories.group([*docs, _outlier(shared)], whole_max=whole_max)
    assert _members(found) == expected


def test_two_stories_of_two_articles_stay_apart_in_a_small_run() -> None:
    docs = [d for d in _corpus(date=False, size=2) if not d.id.startswith("vote")]
    assert len(docs) <= stories.WHOLE_MAX
    assert _members(stories.group(docs)) == [
        ["flood_0", "flood_1"],
        ["recall_0", "recall_1"],
    ]


def test_lone_articles_join_only_when_near_the_others_on_average() -> None:
    # no two articles link at LINK_MIN: three lone articles, one story only if each is near
    text, actors = TOPICS["flood"]
    near = [_doc(f"{k}_x", text + f" own{k}", actors) for k in "ab"]
    found = stories.group([*near, _outlier(4)], link_min=1.1)
    assert _members(found) == [["a_x", "b_x"], ["c_other"]]
    assert len(stories.group(near, link_min=1.1)) == 1


def test_a_small_run_with_dates_far_apart_is_not_folded() -> None:
    text, actors = TOPICS["flood"]
    docs = [
        _doc("a_one", text + " one", actors, "2025-03-01"),
        _doc("b_two", text + " two", actors, "2025-03-02"),
        replace(_outlier(8), date="2025-06-01"),
    ]
    assert _members(stories.group(docs)) == [["a_one", "b_two"], ["c_other"]]
