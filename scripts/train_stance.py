"""Train the stance classifier whose weights ship as ``lexicons/stance_model.tsv``.

Usage: python scripts/train_stance.py --data ../shared/eval/newsmtsc [--out lexicons/stance_model.tsv]
       [--check devtest_mt.jsonl]

Data: NewsMTSC (Hamborg and Donnay 2021), ``train.jsonl`` only: news sentences with a target
mention (``from``..``to``) and the sentiment toward it (2 negative, 4 neutral, 6 positive).  Its
licence allows training a model that ships.  The features are framing's own
(``framing.features.stance.features``), so training and use cannot drift apart.

A multinomial logistic regression (scikit-learn), L2, class weights balanced; features seen fewer
than MIN_COUNT times in training are dropped, and weights are rounded to three decimals, which
keeps the file small and readable and changes no prediction we measured.  ``--check`` prints the
macro-F1 on a held-out file (use ``evaluation/newsmtsc.py`` for the reported figure).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import lexicons  # noqa: E402
from framing.features import stance  # noqa: E402
from framing.nlp import Parser  # noqa: E402

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
MIN_COUNT = 3
C = 0.1  # chosen by 5-fold cross-validation on train.jsonl (sentences grouped) among 0.1, 0.3, 1

HEADER = """\
# stance_model.tsv: weights of framing's stance classifier, one row per feature.
# The score of a mention is P(positive) - P(negative) from these weights; see
# framing/features/stance.py for what each feature means (w: near word, f: far word, v1..v3 and
# vall: VADER valence by distance, dep: role, gov: governing word by role, mod: modifier, harm:
# doer or harmed of a harm verb).
# source: trained by scripts/train_stance.py on NewsMTSC train.jsonl (Hamborg and Donnay 2021),
#   {n} target mentions; features seen fewer than {min_count} times left out.
# Licence: the weights are MIT, as framing; NewsMTSC is distributed under an MIT-style licence.
# Edit a weight to change how a word counts; rerun the script to retrain.
"""


def load(path: Path) -> list[tuple[str, int, int, str]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            items.append(
                (
                    record["sentence_normalized"],
                    int(target["from"]),
                    int(target["to"]),
                    LABELS[float(target["polarity"])],
                )
            )
    return items


def featurize(
    items: list[tuple[str, int, int, str]], res: stance.Resources, parser: Parser
) -> list[dict[str, float]]:
    texts = sorted({text for text, _, _, _ in items})
    docs = dict(zip(texts, parser.iter_parse(texts), strict=True))
    rows = []
    for text, start, end, _ in items:
        doc = docs[text]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            rows.append({})
            continue
        found, _ = stance.features(doc, span.start, span.end, res=res)
        rows.append(found)
    return rows


def main(argv: list[str] | None = None) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    parser_ = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser_.add_argument("--data", type=Path, required=True)
    parser_.add_argument("--out", type=Path, default=ROOT / "lexicons" / "stance_model.tsv")
    parser_.add_argument("--check", default=None, help="a held-out file in --data to score")
    parser_.add_argument("--C", type=float, default=C)
    args = parser_.parse_args(argv)

    res = stance.resources(lexicons.load())
    parser = Parser.create()
    train = load(args.data / "train.jsonl")
    rows = featurize(train, res, parser)
    counts: Counter[str] = Counter(name for row in rows for name in row)
    kept = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    labels = [label for *_, label in train]
    model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=3000)
    model.fit(matrix, labels)
    order = [list(model.classes_).index(name) for name in stance.CLASSES]
    lines = [HEADER.format(n=len(train), min_count=MIN_COUNT).rstrip("\n")]
    lines.append("feature\tnegative\tneutral\tpositive")
    intercept = [round(float(model.intercept_[k]), 3) for k in order]
    lines.append(stance.INTERCEPT + "\t" + "\t".join(f"{v:g}" for v in intercept))
    names = vectorizer.get_feature_names_out()
    for j in sorted(range(len(names)), key=lambda j: names[j]):
        weights = [round(float(model.coef_[k][j]), 3) for k in order]
        if all(w == 0 for w in weights):
            continue
        lines.append(str(names[j]) + "\t" + "\t".join(f"{w:g}" for w in weights))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(lines) - 2} features from {len(train)} mentions")
    if args.check:
        held = load(args.data / args.check)
        res = stance.resources(lexicons.load())  # the written file, rounded as shipped
        predicted = []
        for found in featurize(held, res, parser):
            probs = stance.probabilities(found, res)
            predicted.append(stance.CLASSES[probs.index(max(probs))])
        gold = [label for *_, label in held]
        print(f"{args.check}: macro-F1 {f1_score(gold, predicted, average='macro'):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
