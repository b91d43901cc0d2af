"""Train the sentence head of the learned model: P(subjective) of a sentence, from the shipped
stance encoder's pass (``framing/models/stance/encoder.int8.onnx``), read on the same run as
every mention of the sentence.  Writes ``framing/models/stance/sentence.npz``.

Usage: python training/train_sentence_head.py [--data ../shared/eval/newssd_eng] [--out DIR]

Data: NewsSD-ENG (Antici, Ruggeri et al., LREC-COLING 2024; CC BY 4.0), English news sentences
labelled subjective (SUBJ) or objective (OBJ).  Nothing else: no BABE, BASIL, SEESAW or MBIC.

Recipe, all deterministic (framing's runtime, scikit-learn's lbfgs; no torch):
1. Each sentence's input is the encoder's mean token state, L2-normalised
   (``learned.sentence_vectors``, the code the runtime uses).
2. A logistic regression (scikit-learn, L2 penalty) is fitted on ``train.csv`` for each C of
   GRID; the C with the best ROC-AUC on ``val.csv`` is kept, and the head is fitted again on
   train and val together with it.  ``test.csv`` is only reported, never used for a choice.
3. The reference scores ``learned.combine`` ranks a sentence against: the head's P(subjective)
   and framing's lexicon sentence score (the shipped lexicons, own voice) of every train and
   val sentence, sorted.

Needs only framing's runtime packages (scikit-learn is one of them).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import pipeline  # noqa: E402
from framing.features.stance import learned  # noqa: E402

GRID = (0.01, 0.1, 1.0, 10.0)


def read(path: Path) -> tuple[list[str], np.ndarray]:
    """Sentences and labels (True: SUBJ); the csv module, since a sentence may hold a newline."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Label"] in {"SUBJ", "OBJ"}]
    return [r["Sentence"].strip() for r in rows], np.array([r["Label"] == "SUBJ" for r in rows])


def fit(x: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=10_000).fit(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "newssd_eng")
    parser.add_argument("--out", type=Path, default=learned.MODEL_DIR)
    args = parser.parse_args()
    texts, labels, vectors = {}, {}, {}
    for split in ("train", "val", "test"):
        texts[split], labels[split] = read(args.data / f"{split}.csv")
        vectors[split] = learned.sentence_vectors(texts[split])
        print(f"{split}: {len(texts[split])} sentences, {int(labels[split].sum())} subjective")
    scores = {}
    for c in GRID:
        head = fit(vectors["train"], labels["train"], c)
        scores[c] = roc_auc_score(labels["val"], head.predict_proba(vectors["val"])[:, 1])
        print(f"C={c}: val ROC-AUC {scores[c]:.3f}")
    chosen = max(GRID, key=lambda c: (scores[c], -c))
    x = np.vstack([vectors["train"], vectors["val"]])
    y = np.concatenate([labels["train"], labels["val"]])
    head = fit(x, y, chosen)
    test = head.predict_proba(vectors["test"])[:, 1]
    print(f"kept C={chosen}; test ROC-AUC {roc_auc_score(labels['test'], test):.3f}")
    known = texts["train"] + texts["val"]
    weight, bias = head.coef_[0].astype(np.float32), float(np.float32(head.intercept_[0]))
    # the runtime's arithmetic (float32 weights, rounded), so a training sentence read at run
    # time ties with its own reference score
    subjective = [learned.subjectivity(v, weight, bias) for v in x]
    lexicon = [s.score for s in pipeline.score_sentences(known, fast=True)]
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / learned.FILES[3]
    with target.open("wb") as handle:  # a file object: np.savez then adds no path of its own
        np.savez(
            handle,
            weight=weight,
            bias=np.float32(bias),
            subjective_reference=np.sort(np.array(subjective, dtype=np.float64)),
            lexicon_reference=np.sort(np.array(lexicon, dtype=np.float64)),
        )
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
