"""Measure framing's loaded-wording score on BABE (Spinde et al. 2021).

Usage: python evaluation/babe.py --data ../shared/eval/babe [--lexicons DIR] [--limit N]

Reads ``final_labels_SG2.csv`` (the expert group's majority labels, ``;``-separated).  Rows whose
``label_bias`` is neither ``Biased`` nor ``Non-biased`` are skipped and counted.  Every sentence
goes to ``score_sentences`` in one call, each sentence as its own text.

Sentence level: the ROC-AUC (scikit-learn's ``roc_auc_score``; ties count half) of
``SentenceScore.score`` (the default pipeline's score of the outlet's own voice: the lexicon score
combined with the learned sentence head), of ``SentenceScore.lexicon`` (the weights of the terms
outside quotes) and of ``score_all`` (quotes included), Biased being the positive class.  For comparison the team measured 0.69 for the density
of MPQA strong-subjective words and 0.57 for VADER.

Word level: the flagged terms against the annotators' ``biased_words`` of the same sentence (a
biased word is compared lower-cased, without surrounding quote marks or punctuation, once per
sentence).  A term is a hit when its lower-cased text equals a biased word or contains one as a
whole word ("far-right" contains "right", "bright" does not).  Precision = hit terms / flagged
terms, over every sentence (a term flagged in a sentence without biased words is a miss); recall =
biased words matched by some flagged term / biased words.  This is given for all flagged terms and
for the outlet's own voice (terms outside direct quotes).
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import Counts, auc, f1  # noqa: E402

from framing import pipeline  # noqa: E402

FILE = "final_labels_SG2.csv"
LABELS = {"Biased": True, "Non-biased": False}
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Row:
    text: str
    biased: bool
    words: tuple[str, ...]  # lower-cased, deduplicated, in the order given


def parse_words(field: str) -> tuple[str, ...]:
    """``"['bizarre', '\\"refugees\\"']"`` -> ``('bizarre', 'refugees')``; junk -> ``()``."""
    try:
        value = ast.literal_eval(field.strip()) if field.strip() else []
    except (ValueError, SyntaxError):
        return ()
    if not isinstance(value, list | tuple):
        return ()
    words: list[str] = []
    for item in value:
        word = _EDGE.sub("", str(item)).lower()
        if word and word not in words:
            words.append(word)
    return tuple(words)


def read_babe(path: Path) -> tuple[list[Row], int]:
    """The rows labelled Biased or Non-biased, and how many rows had another label."""
    rows: list[Row] = []
    skipped = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter=";"):
            label = LABELS.get((record.get("label_bias") or "").strip())
            if label is None:
                skipped += 1
                continue
            rows.append(Row(record["text"], label, parse_words(record.get("biased_words") or "")))
    return rows, skipped


def contains_word(term: str, word: str) -> bool:
    """Is ``word`` the lower-cased ``term`` or a whole word inside it?"""
    term = term.lower().strip()
    return term == word or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", term) is not None


# Flagged terms (words, for BASIL) against gold biased words (lexical-span words).
WordCounts = Counts


def word_counts(terms: Sequence[str], words: Sequence[str]) -> WordCounts:
    """Compare one sentence's flagged term texts with its biased words."""
    hits = sum(1 for term in terms if any(contains_word(term, w) for w in words))
    found = sum(1 for w in words if any(contains_word(term, w) for term in terms))
    return WordCounts(len(terms), hits, len(words), found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "babe")
    parser.add_argument(
        "--lexicons", type=Path, help="a lexicon folder whose files replace the shipped ones"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N labelled rows")
    args = parser.parse_args()
    path = args.data / FILE
    if not path.is_file():
        sys.exit(f"no {FILE} in {args.data}")
    started = time.monotonic()
    rows, skipped = read_babe(path)
    if args.limit:
        rows = rows[: args.limit]
    if not rows:
        sys.exit(f"no labelled rows in {path}")
    scores = pipeline.score_sentences([row.text for row in rows], lexicon_dir=args.lexicons)
    labels = [row.biased for row in rows]
    every = own = WordCounts()
    for row, scored in zip(rows, scores, strict=True):
        every += word_counts([t.text for t in scored.terms], row.words)
        own += word_counts([t.text for t in scored.terms if not t.quoted], row.words)
    positives = sum(labels)
    print(
        f"BABE SG2: {len(rows)} sentences ({positives} Biased, {len(rows) - positives} "
        f"Non-biased), {skipped} rows with another label skipped"
    )
    print(
        f"sentence ROC-AUC  score {auc(labels, [s.score for s in scores]):.3f}  "
        f"lexicon {auc(labels, [s.lexicon for s in scores]):.3f}  "
        f"score_all {auc(labels, [s.score_all for s in scores]):.3f}  "
        f"(baselines: MPQA 0.69, VADER 0.57)"
    )
    flagged = sum(1 for s in scores if s.terms)
    print(f"sentences with a flagged term {flagged} of {len(rows)}")
    for name, counts in (("all terms", every), ("own voice", own)):
        print(
            f"words {name:9}  P {counts.precision:.3f}  R {counts.recall:.3f}  "
            f"F1 {f1(counts.precision, counts.recall):.3f}  "
            f"({counts.flagged_hits} of {counts.flagged} terms hit, {counts.gold_hits} of {counts.gold} "
            f"biased words found)"
        )
    print(f"time {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
