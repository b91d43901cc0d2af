"""The stage cache: records go to JSON and come back equal, keys follow what a stage reads."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.records import Document, Evidence, LoadedTerm, Quantity, Span
from framing.run import cache as results


def _round_trip(kind, value):
    return results.decode(kind, json.loads(results.dumps(value)))


def test_every_document_of_the_samples_comes_back_equal(seeds_analysis) -> None:
    for doc in seeds_analysis.documents:
        assert _round_trip(Document, doc) == doc


def _encode(value):
    """The JSON value of a record built field by field: what ``dumps`` must write in one pass."""
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def test_dumps_writes_what_encoding_field_by_field_writes(seeds_analysis) -> None:
    for doc in seeds_analysis.documents:
        expected = json.dumps(_encode(doc), ensure_ascii=False, separators=(",", ":"))
        assert results.dumps(doc) == expected


def test_dumps_refuses_what_is_not_a_record() -> None:
    with pytest.raises(TypeError, match="not a record framing can store"):
        results.dumps((Span(0, 1), object()))


@given(
    st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-(10**6), 10**6)),
    st.text(),
)
def test_numbers_and_text_keep_their_type(value, text) -> None:
    quantity = Quantity(
        text=text, span=Span(0, 1), value=value, low=None, high=None, qualifier=None,
        unit=None, about=None,
    )  # fmt: skip
    back = _round_trip(Quantity, quantity)
    assert back == quantity and type(back.value) is type(quantity.value)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Span, {"start": 1}),  # a field missing
        (Span, {"start": 1, "end": 2, "extra": 3}),  # a field too many
        (Span, {"start": "1", "end": 2}),  # a wrong type
        (Evidence, [1, 2]),  # not an object
        (tuple[Span, ...], {"start": 1, "end": 2}),  # not a list
    ],
)
def test_decode_refuses_what_encode_did_not_write(kind, data) -> None:
    with pytest.raises(ValueError):
        results.decode(kind, data)


def test_the_store_makes_once_then_reads(tmp_path: Path) -> None:
    store = results.Store(tmp_path)
    term = LoadedTerm("brutal", Span(0, 6), "emotive", 0.9, rule="loaded.tsv:3")
    made = []

    def make() -> tuple[LoadedTerm, ...]:
        made.append(1)
        return (term,)

    first = store.get_or_make("wording", "ab" * 32, tuple[LoadedTerm, ...], make)
    second = store.get_or_make("wording", "ab" * 32, tuple[LoadedTerm, ...], make)
    assert first == second == (term,) and made == [1] and (store.hits, store.misses) == (1, 1)


def test_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    store = results.Store(tmp_path)
    store.get_or_make("s", "cd" * 32, int, lambda: 5)
    (path,) = tmp_path.rglob("*.json")
    path.write_text("{not json", encoding="utf-8")
    assert store.get_or_make("s", "cd" * 32, int, lambda: 6) == 6


def test_fingerprint_ignores_set_and_mapping_order() -> None:
    a = {"x": frozenset({"b", "a"}), "y": 1}
    b = {"y": 1, "x": frozenset({"a", "b"})}
    assert results.fingerprint(a) == results.fingerprint(b)
    assert results.fingerprint(a) != results.fingerprint({"x": frozenset({"a"}), "y": 1})
