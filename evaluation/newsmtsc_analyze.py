"""NewsMTSC the way a user meets it: each sentence run as a one-line document through
``framing analyze``, and the class framing gives the target's mention (the measure of
``../shared/scorers/README.md``).

Usage: python evaluation/newsmtsc_analyze.py [--data ../shared/eval/newsmtsc]
       [--split devtest_mt.jsonl] [--fast] [--framing .venv/bin/framing]

Every sentence becomes one record of a .jsonl file (id, text), analysed in one run with
``--stories one``.  A target is found when some actor mention of its document overlaps its
characters (the mention overlapping it most is taken); a target framing does not find counts as
neutral.  Measure: 3-class macro-F1 over every target, and the share of targets found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evaluation"))

from newsmtsc import POLARITY, macro_f1  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/eval/newsmtsc")
    parser.add_argument("--split", default="devtest_mt.jsonl")
    parser.add_argument("--fast", action="store_true", help="the rules-only mention model")
    parser.add_argument("--framing", default=str(ROOT / ".venv/bin/framing"))
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in (args.data / args.split).read_text().splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "sentences.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for n, record in enumerate(records):
                text = record["sentence_normalized"]
                out.write(json.dumps({"id": f"s{n:05d}", "text": text}) + "\n")
        command = [args.framing, "analyze", str(corpus), "--json", "--stories", "one"]
        found = subprocess.run(
            command + (["--fast"] if args.fast else []),
            capture_output=True,
            text=True,
            check=True,
        )
    documents = {d["id"]: d for d in json.loads(found.stdout)["documents"]}
    gold, predicted, hits = [], [], 0
    for n, record in enumerate(records):
        doc = documents[f"s{n:05d}"]
        shift = doc["text"].find(record["sentence_normalized"])
        for target in record["targets"]:
            start, end = target["from"] + shift, target["to"] + shift
            best, overlap = None, 0
            for actor in doc["stance"].values():
                for mention in actor["mentions"]:
                    shared = min(end, mention["end"]) - max(start, mention["start"])
                    if shared > overlap:
                        best, overlap = mention, shared
            hits += best is not None
            gold.append(POLARITY[target["polarity"]])
            predicted.append(best["label"] if best is not None else "neutral")
    figure, per = macro_f1(gold, predicted)
    shown = "  ".join(f"{k} {v:.3f}" for k, v in per.items())
    model = "rules-only model (--fast)" if args.fast else "learned model"
    print(f"NewsMTSC {args.split} through framing analyze, {model}: {len(gold)} targets")
    print(f"macro-F1 {figure:.3f}  {shown}")
    print(f"found {hits} of {len(gold)} targets ({hits / len(gold):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
