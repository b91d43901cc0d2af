"""The learned mention model: one encoder pass per sentence serves every mention, the output is
the same run to run, a mention's stance follows what is said of it, and its evidence is words a
reader learns from (never a function word, title, date or name)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from framing.actors.score import score_mentions
from framing.features.stance import evidence, learned
from framing.pipeline import score_sentences
from framing.records import Span


def test_the_model_ships_with_the_package() -> None:
    assert learned.available()


def test_one_pass_serves_every_mention_and_repeats_exactly() -> None:
    sentence = "Ann Reed praised the brave nurses, while Tom Hale was jailed for fraud."
    spans = [(0, 8), (41, 49)]
    (first,) = learned.judge([(sentence, spans)])
    assert len(first.mentions) == 2 and all(j is not None for j in first.mentions)  # precondition
    for judged in first.mentions:
        assert judged is not None
        assert abs(sum(judged.probabilities) - 1.0) < 0.01
        assert judged.tokens  # each word piece's part, for the evidence
    reed, hale = first.mentions
    assert reed is not None and hale is not None
    assert reed.probabilities != hale.probabilities  # pooled per mention, not per sentence
    assert 0.0 < first.subjective < 1.0  # the sentence head reads the same pass
    assert learned.judge([(sentence, spans)]) == [first]
    # a sentence's reading does not depend on the sentences read with it
    longer = "The senator, who had long opposed the measure and spoke for hours, said nothing."
    assert learned.judge([(sentence, spans), (longer, [(4, 11)])])[0] == first


@pytest.mark.parametrize(
    ("subjective", "objective"),
    [
        (
            "The shameful, cowardly decision is a disgrace that will haunt the city for decades.",
            "The council voted 7 to 2 on Tuesday to close the library at the end of June.",
        ),
        (
            "Frankly, it is hard to imagine a more absurd and reckless plan than this one.",
            "The plan, published on Monday, sets out three options for the new bridge.",
        ),
    ],
)
def test_the_sentence_head_reads_tone(subjective: str, objective: str) -> None:
    loud, plain = learned.judge([(subjective, ()), (objective, ())])
    assert not loud.mentions and not plain.mentions  # no mention asked, the sentence still read
    assert loud.subjective > plain.subjective


def test_the_combined_score_ranks_against_a_fixed_reference() -> None:
    # the rank of a lexicon score and of a P(subjective) among the training sentences
    assert learned.combine(0.0, None) == 0.0  # quoted, no term of the outlet's: not listed
    assert learned.combine(2.0, None) > 0.0  # quoted, but the outlet's own term around it
    assert learned.combine(0.0, 0.5) > learned.combine(0.0, 0.3) > 0.0
    assert learned.combine(3.0, 0.4) > learned.combine(0.5, 0.4) > learned.combine(0.0, 0.4)
    assert 0.0 < learned.combine(100.0, 0.99) <= 1.0
    spans = [(Span(0, 10), 1.0), (Span(11, 20), 1.0)]
    # the second sentence is mostly quotation: the model's half is left out
    scores = learned.loaded_sentences(
        spans, {Span(0, 10): 0.4, Span(11, 20): 0.4}, quoted=lambda a, b: 0.9 if a else 0.0
    )
    assert scores[0][1] > scores[1][1] == learned.combine(1.0, None)
    # --fast: the lexicon score as it is
    assert learned.loaded_sentences(spans, None, quoted=lambda a, b: 0.0) == tuple(spans)


@pytest.mark.parametrize(
    ("kind", "praised", "attacked"),
    [
        (
            "verb",
            "Ann Reed praised Tom Hale for his courage.",
            "Ann Reed attacked Tom Hale for his cowardice.",
        ),
        (
            "description",
            "Tom Hale, a respected and generous leader, opened the school.",
            "Tom Hale, a corrupt and violent thug, opened the school.",
        ),
    ],
)
def test_what_is_said_of_a_mention_moves_its_score(kind: str, praised: str, attacked: str) -> None:
    start = praised.index("Tom Hale")
    good, bad = score_mentions(
        [(praised, start, start + 8), (attacked, attacked.index("Tom Hale"),
                                        attacked.index("Tom Hale") + 8)],
        accurate=True,
    )  # fmt: skip
    assert good.score > bad.score, kind
    assert bad.label == "negative" and good.label != "negative"


def test_evidence_is_words_a_reader_learns_from(parser) -> None:
    text = "Sen. Tom Hale on Wednesday angrily denounced the corrupt deal in Ohio."
    (mention,) = score_mentions([(text, 5, 13)], accurate=True, parser=parser)
    assert mention.evidence  # the precondition
    words = {e.text for e in mention.evidence}
    assert words <= {"angrily", "denounced", "corrupt", "deal"}, words
    assert len(mention.evidence) <= evidence.SHOWN


def test_the_rules_only_model_gives_evidence_in_words_too(parser) -> None:
    text = "Sen. Tom Hale on Wednesday angrily denounced the corrupt deal in Ohio."
    assert not evidence.shown(parser.parse([text])[0][0])  # "Sen.": a title
    (mention,) = score_mentions([(text, 5, 13)], parser=parser)
    assert mention.evidence  # the precondition
    assert {e.text for e in mention.evidence}.isdisjoint({"Sen.", "Wednesday", "Ohio", "on"})


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Tom Hale said the deal was corrupt.", "said", False),  # a neutral verb of reporting
        ("Tom Hale said the deal was corrupt.", "corrupt", True),
        ("The mayor met Sen. Hale on Wednesday.", "Wednesday", False),
        ("The mayor met Sen. Hale on Wednesday.", "Sen.", False),
        ("The deal was corrupt, the mayor said.", "the", False),
        ("Critics said the brutal regime had fallen.", "brutal", True),
    ],
)
def test_which_words_can_be_evidence(parser, text: str, word: str, expected: bool) -> None:
    doc = parser.parse([text])[0]
    (token,) = [t for t in doc if t.text == word]
    assert evidence.shown(token) is expected


NEWSSD = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "newssd_eng"


@pytest.mark.skipif(not NEWSSD.is_dir(), reason="../shared/eval/newssd_eng is absent")
def test_the_shipped_lexicon_reference_is_the_shipped_lexicons_score(parser) -> None:
    # the sentence head ranks a lexicon score against its training sentences' own: after an edit
    # of loaded.tsv that moves one of them, training/train_sentence_head.py must be run again
    texts: list[str] = []
    for split in ("train", "val"):
        with (NEWSSD / f"{split}.csv").open(encoding="utf-8", newline="") as handle:
            texts += [r["Sentence"].strip() for r in csv.DictReader(handle)
                      if r["Label"] in {"SUBJ", "OBJ"}]  # fmt: skip
    scored = sorted(s.score for s in score_sentences(texts, parser=parser, fast=True))
    reference = np.load(learned.MODEL_DIR / learned.FILES[3])["lexicon_reference"]
    assert len(scored) == len(reference) > 0
    assert np.allclose(scored, reference)
