"""Speed and memory of framing on real news, against the bare spaCy pipeline in the same run.

Usage: python benchmarks/bench.py [--data ../shared/eval/abp/articles_5k.jsonl.gz] [-n 1000]
       [--jobs 2] [--skip-baseline]

Takes the first N articles of the Article-Bias-Prediction sample (Baly et al. 2020, Apache-2.0),
writes them as one .jsonl file (id, text, outlet, title, date) and prints:

- baseline: ``nlp.pipe(texts, batch_size=64, n_process=jobs)`` with every component of the
  pipeline on, the reference the speed target is set against;
- framing cold: ``pipeline.analyze`` with empty caches, an editable copy of the lexicons
  (``lexicons.init``) and the same number of processes
  (reading, chrome, parsing, every feature, the grouping into stories and the comparison within
  each), and its ratio to the baseline; the stories found, and the time of the grouping alone
  (``stories.group`` run again on the result);
- framing after a lexicon edit: one line added to that copy's ``loaded.tsv`` in place, the
  caches warm (the parse cache, and the stage cache for every stage but loaded wording);
- peak resident memory of this process and of its parse workers (``getrusage``), which are
  upper bounds for each run because the figure never goes down.

Figures, not tests: nothing here fails when it is slow.  Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import lexicons, nlp, pipeline  # noqa: E402
from framing.compare import stories  # noqa: E402


def load(path: Path, n: int) -> list[dict[str, str]]:
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            text = (raw.get("title") or "") + "\n\n" + (raw.get("content") or "")
            records.append(
                {
                    "id": raw["ID"],
                    "text": text,
                    "outlet": raw.get("source") or "unknown",
                    "title": raw.get("title") or "",
                    "date": raw.get("date") or "",
                }
            )
            if len(records) >= n:
                break
    return records


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared/eval/abp/articles_5k.jsonl.gz"
    )
    parser.add_argument("-n", type=int, default=1000, help="articles (the first N)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args(argv)
    records = load(args.data, args.n)
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} articles, {words} words (whitespace), {args.jobs} processes")
    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        if not args.skip_baseline:
            model = nlp.load_model()
            texts = [r["text"] for r in records]
            began = time.perf_counter()
            count = sum(1 for _ in model.pipe(texts, batch_size=64, n_process=args.jobs))
            base = time.perf_counter() - began
            print(
                f"baseline spaCy pipe     {base:8.1f} s  {words / base:9.0f} words/s  ({count} docs)"
            )
        os.environ["FRAMING_CACHE_DIR"] = str(work / "cache")
        # The user's workflow: an editable copy of the lexicons, a run, an edit in place, a run.
        edited = work / "lexicons"
        lexicons.init(edited)
        began = time.perf_counter()
        parsing = pipeline.Parser.create(n_process=args.jobs)
        analysis, parsing = pipeline.analyze([corpus], parser=parsing, lexicon_dir=edited)
        cold = time.perf_counter() - began
        stats = parsing.stats
        ratio = f"  {cold / base:.2f}x the baseline" if not args.skip_baseline else ""
        print(
            f"framing cold            {cold:8.1f} s  {words / cold:9.0f} words/s  "
            f"{len(records) / cold:6.1f} articles/s{ratio}"
        )
        comparisons = [s.analysis for s in analysis.stories] or [analysis]
        print(
            f"  parsed {stats.parsed} documents ({stats.words_parsed} tokens); "
            f"{sum(len(a.facts) for a in comparisons)} facts, "
            f"{sum(len(a.claims) for a in comparisons)} claims"
        )
        began = time.perf_counter()
        found = stories.group(analysis.documents)
        grouping = time.perf_counter() - began
        shared = sum(1 for s in found if len(s.analysis.documents) > 1)
        print(
            f"  stories: {len(found)} ({shared} of two articles or more), grouping "
            f"{grouping:.1f} s of the cold run"
        )
        with open(edited / "loaded.tsv", "a", encoding="utf-8") as handle:
            handle.write("benchmarkword\temotive\t0.5\n")
        began = time.perf_counter()
        pipeline.analyze([corpus], parser=parsing, lexicon_dir=edited)
        warm = time.perf_counter() - began
        print(f"framing after an edit   {warm:8.1f} s  {warm / cold:.2f}x the cold run")
        own, children = peak_mb()
        print(f"peak RSS: this process {own:.0f} MB, largest parse worker {children:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
