"""Measure framing's stance toward a target mention on NewsMTSC (Hamborg and Donnay 2021).

Usage: python evaluation/newsmtsc.py --data ../shared/eval/newsmtsc [--split devtest_mt.jsonl]
       [--band 0.3] [--limit N] [--fast]

Gold: each target of each sentence, ``from``..``to`` (end exclusive) the mention, polarity 2
negative, 4 neutral, 6 positive.  framing scores the mention as it scores an actor mention in an
article (``framing.actors.score.score_mentions``: the stance model of ``lexicons/stance_model.tsv``, the
frames of ``lexicons/frames.tsv`` and the harm roles of ``lexicons/harm.tsv``); a score above
``band`` is positive, below ``-band`` negative, else neutral (``stance.label``); the reported
figure is the mention's most probable class (``ActorMention.label``), the band line is for
comparison.  Measure: 3-class
macro-F1.  The stance model is trained on ``train.jsonl`` only (scripts/train_stance.py), so
``devtest_mt.jsonl`` (sentences with two or more targets) is held out.  Calibration from the
issue: VADER on the whole sentence about 0.53, a small logistic regression on parse features
about 0.59, the best neural model reported 0.83.  Also printed: the model's argmax class alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.actors.score import score_mentions  # noqa: E402
from framing.features import stance  # noqa: E402

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load(path: Path, limit: int | None = None) -> list[tuple[str, int, int, str]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        record = json.loads(line)
        for target in record["targets"]:
            sentence = record["sentence_normalized"]
            items.append(
                (sentence, int(target["from"]), int(target["to"]), POLARITY[target["polarity"]])
            )
    return items


def macro_f1(gold: list[str], predicted: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for label in stance.CLASSES:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(per), per


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/eval/newsmtsc")
    parser.add_argument("--split", default="devtest_mt.jsonl")
    parser.add_argument("--band", type=float, default=stance.NEUTRAL_BAND)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences only")
    parser.add_argument("--fast", action="store_true", help="the rules-only mention model")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    items = load(args.data / args.split, args.limit)
    scored = score_mentions([(t, s, e) for t, s, e, _ in items], accurate=not args.fast)
    gold = [label for *_, label in items]
    model = "rules-only model (--fast)" if args.fast else "learned model"
    print(f"NewsMTSC {args.split}: {len(items)} targets, {model}")
    for name, predicted in (
        ("framing (most probable class)", [m.label for m in scored]),
        (f"score with band {args.band}", [stance.label(m.score, band=args.band) for m in scored]),
    ):
        figure, per = macro_f1(gold, predicted)
        shown = "  ".join(f"{k} {v:.3f}" for k, v in per.items())
        print(f"{name:<30} macro-F1 {figure:.3f}  {shown}")
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
