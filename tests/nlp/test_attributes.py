"""The attribute ruler's patterns matched on arrays give exactly what spaCy's Matcher gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from support import SEEDS

from framing.nlp import attributes
from framing.nlp.model import FastAttributeRuler, load_model

# (words, tags, deps) of a hand-made parse; heads are all 0 (only the labels are matched).
WORDS = ["They", "'re", "gon", "na", "win", " ", "That", "is", "it", "."]
TAGS = ["PRP", "VBP", "VBG", "TO", "VB", "_SP", "DT", "VBZ", "PRP", "."]
DEPS = ["nsubj", "ROOT", "aux", "aux", "xcomp", "dep", "nsubj", "ROOT", "attr", "punct"]

# Each pattern shape the compiled matcher handles, and the matches spaCy's Matcher gives.
PATTERNS = [
    [[{"TAG": "PRP"}]],
    [[{"LOWER": "that", "TAG": "DT"}]],
    [[{"TAG": {"IN": ["VBZ", "VBP"]}}]],
    [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
    [[{"LOWER": "gon"}, {"LOWER": "na"}]],
    [[{"LOWER": {"REGEX": "^'r"}}]],
    [[{"IS_SPACE": True}]],
    [[{"IS_SPACE": False, "TAG": "_SP"}]],
    [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
    [[{"lower": "it"}], [{"lower": "is"}]],  # two alternatives, a lower-case key
    [[{}]],  # any token
    [[{"TAG": "XX"}, {"TAG": "YY"}, {"TAG": "ZZ"}]],  # no match
]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[0] * len(WORDS))


def _ruler(cls, vocab) -> AttributeRuler:
    ruler = cls(vocab)
    for pattern in PATTERNS:
        ruler.add(pattern, {"POS": "X"})
    return ruler


@pytest.mark.parametrize("count", range(1, len(PATTERNS) + 1))
def test_compiled_matches_equal_the_matchers(count: int) -> None:
    vocab = spacy.blank("en").vocab
    ruler = AttributeRuler(vocab)
    for pattern in PATTERNS[:count]:
        ruler.add(pattern, {"POS": "X"})
    doc = _doc(vocab)
    rules = attributes.compile_rules(ruler.patterns, hash_of=spacy.strings.get_string_id)
    assert rules is not None
    columns = doc.to_array(list(attributes.ATTRS))
    found = attributes.matches(
        rules,
        dict(zip(attributes.ATTRS, columns.T, strict=True)),
        len(doc),
        string_of=lambda h: vocab.strings[h],
    )
    assert found == ruler.match(doc)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TAG": "NN", "OP": "?"}],  # an operator
        [{"POS": "NOUN"}],  # an attribute the arrays are not read for
        [{"LENGTH": {">=": 3}}],  # another predicate
        [{"IS_SPACE": {"REGEX": "x"}}],  # a regular expression on a flag
        [],  # an empty pattern
    ],
)
def test_patterns_of_another_shape_are_not_compiled(pattern) -> None:
    entry = {"patterns": [pattern], "attrs": {"POS": "X"}, "index": 0}
    assert attributes.compile_rules([entry], hash_of=spacy.strings.get_string_id) is None


def test_a_ruler_with_another_shape_falls_back_to_the_matcher() -> None:
    vocab = spacy.blank("en").vocab
    ruler = FastAttributeRuler(vocab)
    ruler.add([[{"TAG": "PRP"}]], {"POS": "PRON"})
    ruler.add([[{"TAG": "VB", "OP": "+"}]], {"POS": "VERB"})
    doc = _doc(vocab)
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc)
    assert ruler._rules is None


def test_the_loaded_pipeline_uses_the_compiled_ruler_with_the_same_patterns() -> None:
    model = load_model()
    ruler = model.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    assert "attribute_ruler" in model.pipe_names
    bare = spacy.load(model.path)  # the same package, as spaCy loads it
    assert type(bare.get_pipe("attribute_ruler")) is AttributeRuler
    assert ruler.patterns == bare.get_pipe("attribute_ruler").patterns


def test_the_samples_parse_to_the_same_matches() -> None:
    model = load_model()
    ruler = model.get_pipe("attribute_ruler")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.suffix == ".txt"]
    assert texts
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(model.pipe(texts))
    for doc in docs:
        found = ruler.match(doc)
        assert found == AttributeRuler.match(ruler, doc)
        assert len(found) > len(doc)  # every token gets its part of speech from its tag


@pytest.mark.filterwarnings("ignore:.*W036")  # spaCy's Matcher warns that it has no patterns
def test_clearing_the_ruler_drops_its_compiled_patterns() -> None:
    vocab = spacy.blank("en").vocab
    ruler = _ruler(FastAttributeRuler, vocab)
    doc = _doc(vocab)
    assert ruler.match(doc)  # compiled and matched
    ruler.clear()
    assert ruler.match(doc) == AttributeRuler.match(ruler, doc) == []
