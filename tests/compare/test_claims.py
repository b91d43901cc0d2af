"""Claims across documents, exclusives, shared quotes, and distinctive vocabulary."""

from __future__ import annotations

from dataclasses import replace

from framing.compare import claims, vocabulary
from framing.records import ActorMention, ActorStance, Document, Span


def _doc(doc_id: str, outlet: str, *sentences: str) -> Document:
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append((Span(start, start + len(sentence)), 0.0))
        start += len(sentence) + 1
    return Document(
        id=doc_id, path=f"{doc_id}.txt", outlet=outlet, outlet_from="file", title=None, date=None,
        url=None, author=None, text=text, article=(Span(0, len(text)),), chrome=(),
        word_count=len(text.split()), loaded_sentences=tuple(spans),
    )  # fmt: skip


A = _doc(
    "a", "Daily",
    "The city council approved the new harbour budget after a long night of debate.",
    "Dockworkers marched through the old town demanding higher wages and safer cranes.",
)  # fmt: skip
B = _doc(
    "b", "Herald",
    "After a long debate the city council approved the harbour budget.",
    "A local bakery won a national prize for its rye bread on Sunday morning.",
)  # fmt: skip


def test_the_same_event_is_one_claim_across_documents() -> None:
    found, _ = claims.align([A, B])
    assert len(found) == 1
    assert [t.doc for t in found[0].sentences] == ["a", "b"]
    assert all("council" in t.text for t in found[0].sentences)


def test_claims_do_not_depend_on_the_input_order() -> None:
    assert claims.align([A, B]) == claims.align([B, A])


def test_one_document_gives_no_claims() -> None:
    assert claims.align([A]) == ((), ())


def test_distinctive_words_are_the_outlets_own() -> None:
    daily = _doc("a", "Daily", *(["Dockworkers demand wages, dockworkers strike for wages."] * 10))
    herald = _doc("b", "Herald", *(["The council met and the council voted on the budget."] * 10))
    found = {v.outlet: [w.word for w in v.words] for v in vocabulary.distinctive([daily, herald])}
    assert "dockworkers" in found["Daily"] and "council" in found["Herald"]
    assert "council" not in found["Daily"]


def test_one_outlet_has_no_distinctive_vocabulary() -> None:
    assert vocabulary.distinctive([A]) == ()


def _with_actors(doc: Document, *actors: tuple[str, str, int]) -> Document:
    """``doc`` naming each (actor, kind, mentions) in its first sentence."""
    first = doc.loaded_sentences[0][0]
    mention = ActorMention(Span(first.start, first.start + 3), 0.0)
    stance = tuple(
        ActorStance(actor=name, score=0.0, mentions=(mention.span,) * n, kind=kind,
                    details=(mention,) * n)
        for name, kind, n in actors
    )  # fmt: skip
    return replace(doc, stance=stance)


def test_people_and_bodies_fill_the_only_here_actors_first() -> None:
    places = [(f"Place{n}", "place", 4) for n in range(claims.ACTORS_PER_DOC)]
    a = _with_actors(A, *places, ("Jane Roe", "person", 1), ("Dock Union", "organisation", 1))
    b = _with_actors(B, ("Harbour", "place", 1))
    _, alone = claims.align([a, b])
    listed = [e.what.split(" (")[0] for e in alone if e.kind == "actor" and e.doc == "a"]
    assert len(listed) == claims.ACTORS_PER_DOC
    assert listed[:2] == ["Dock Union", "Jane Roe"]  # before the places mentioned more


def test_places_are_listed_when_no_one_else_is_named_alone() -> None:
    a = _with_actors(A, ("Ohio", "place", 2), ("Ohioans", "group", 1))
    b = _with_actors(B, ("Harbour", "place", 1))
    _, alone = claims.align([a, b])
    assert [e.what for e in alone if e.kind == "actor" and e.doc == "a"] == [
        "Ohio (2 mentions)",
        "Ohioans (1 mention)",
    ]
