"""The story's topic vocabulary: a loaded word every outlet uses alike is not counted."""

from __future__ import annotations

import pytest

from framing.compare import topic
from framing.records import Document, LoadedTerm, Span


def _doc(
    outlet: str, words: int, uses: int, rule: str = "lexicons/loaded.tsv:9", headline: bool = False
) -> Document:
    """One article of ``words`` own-voice words using one loaded word ``uses`` times (the first
    in its headline, ``headline``)."""
    terms = tuple(
        LoadedTerm("grim", Span(5 * i, 5 * i + 4), "emotive", 0.5, rule=rule, counted=True,
                   headline=headline and i == 0)
        for i in range(uses)
    )  # fmt: skip
    return Document(outlet, f"{outlet}.txt", outlet, "metadata", None, None, None, None,
                    "x" * 40, (Span(0, 40),), (), words, loaded_terms=terms,
                    voice_words=words)  # fmt: skip


@pytest.mark.parametrize(
    ("docs", "is_topic"),
    [
        # every outlet uses it at rates within a factor of two: the story's subject
        ([_doc("Daily", 1000, 4), _doc("Herald", 500, 3)], True),
        # one outlet uses it three times as often as the other: a choice
        ([_doc("Daily", 1000, 6), _doc("Herald", 1000, 2)], False),
        # ... unless both headlines carry it: what the story is about
        ([_doc("Daily", 1000, 6, headline=True), _doc("Herald", 1000, 2, headline=True)], True),
        ([_doc("Daily", 1000, 6, headline=True), _doc("Herald", 1000, 2)], False),
        # one outlet never uses it
        ([_doc("Daily", 1000, 4), _doc("Herald", 1000, 0)], False),
        # a story of one outlet: nothing to compare, nothing is topic
        ([_doc("Daily", 1000, 4), _doc("Daily", 1000, 4)], False),
    ],
)
def test_a_word_every_outlet_uses_alike_is_topic(docs: list[Document], is_topic: bool) -> None:
    marked = topic.mark(docs)
    terms = [t for d in marked for t in d.loaded_terms]
    assert terms  # the precondition: the word is there
    assert all(t.topic is is_topic and t.counted is not is_topic for t in terms)
    if is_topic:  # the documents' densities leave it out
        assert all(dict(d.loaded_density).get("emotive", 0.0) == 0 for d in marked)
