"""Speed and memory of framing on real news, against the bare spaCy pipeline in the same run.

Usage: python benchmarks/bench.py [--data ../shared/eval/abp/articles_5k.jsonl.gz] [-n 1000]
       [--jobs 2] [--skip-baseline] [--fast]

Takes the first N articles of the Article-Bias-Prediction sample (Baly et al. 2020, Apache-2.0),
writes them as one .jsonl file (id, text, outlet, title, date) and prints:

- baseline: ``nlp.pipe(texts, batch_size=64, n_process=jobs)`` with every component of the
  pipeline on, as spaCy loads it (framing's sentence breaks and faster attribute ruler left
  out), the reference the speed target is set against;
- framing cold: ``pipeline.analyze`` with empty caches (with ``--fast``, the rules-only stance
  model rather than the learned one), an editable copy of the lexicons
  (``lexicons.init``) and the same number of processes
  (reading, chrome, parsing, every feature, the grouping into stories and the comparison within
  each), and its ratio to the baseline (run last, so that the memory figures are framing's);
  the stories found;
- framing after a lexicon edit: one line added to that copy's ``loaded.tsv`` in place, the
  caches warm (the parse cache, and the stage cache for every stage but loaded wording);
- the time of each stage of the cold run: reading, cleaning, the per-document stages (parsing,
  with the parse cache's writes, and each feature: seconds summed over the worker processes,
  so they add up to about ``jobs`` times the wall time of the documents step), linking actors,
  grouping stories, comparing;
- peak memory: the resident size of this process and of its largest worker (``getrusage``: a
  forked worker's figure counts the pages it shares with this process), and the peak of the
  proportional set size summed over this process and its workers, sampled every half second
  from ``/proc`` (shared pages divided among the processes sharing them: what the run costs
  the machine).

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
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peak import family, memory_kb  # noqa: E402  (benchmarks/peak.py, beside this script)

from framing import lexicons, nlp, pipeline  # noqa: E402


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


class PssSampler(threading.Thread):
    """The peak, over the run, of the summed proportional set size of this process and its
    descendants (Linux only: elsewhere the figure stays 0)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            total = sum(memory_kb(pid)[1] for pid in family(os.getpid()))
            self.peak_kb = max(self.peak_kb, total)


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
    parser.add_argument("--fast", action="store_true", help="the rules-only stance model")
    args = parser.parse_args(argv)
    records = load(args.data, args.n)
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} articles, {words} words (whitespace), {args.jobs} processes")
    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        os.environ["FRAMING_CACHE_DIR"] = str(work / "cache")
        # The user's workflow: an editable copy of the lexicons, a run, an edit in place, a run.
        edited = work / "lexicons"
        lexicons.init(edited)
        sampler = PssSampler()
        sampler.start()
        timings: dict[str, float] = {}
        began = time.perf_counter()
        parsing = pipeline.Parser.create()
        run = partial(
            pipeline.analyze, [corpus], lexicon_dir=edited, jobs=args.jobs, fast=args.fast
        )
        analysis, parsing = run(parser=parsing, timings=timings)
        cold = time.perf_counter() - began
        stats = parsing.stats
        print(
            f"framing cold            {cold:8.1f} s  {words / cold:9.0f} words/s  "
            f"{len(records) / cold:6.1f} articles/s"
        )
        comparisons = [s.analysis for s in analysis.stories] or [analysis]
        shared = sum(1 for s in analysis.stories if len(s.analysis.documents) > 1)
        print(
            f"  parsed {stats.parsed} documents ({stats.words_parsed} tokens); "
            f"{len(analysis.stories)} stories ({shared} of two articles or more); "
            f"{sum(len(a.facts) for a in comparisons)} facts, "
            f"{sum(len(a.claims) for a in comparisons)} claims"
        )
        print("  time per stage (the per-document ones summed over the processes):")
        for stage, seconds in timings.items():
            print(f"    {stage:<22} {seconds:8.1f} s")
        with open(edited / "loaded.tsv", "a", encoding="utf-8") as handle:
            handle.write("benchmarkword\temotive\t0.5\n")
        again: dict[str, float] = {}
        began = time.perf_counter()
        run(parser=parsing, timings=again)
        warm = time.perf_counter() - began
        sampler.stopped.set()
        print(f"framing after an edit   {warm:8.1f} s  {warm / cold:.2f}x the cold run")
        print("  " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in again.items()))
        own, children = peak_mb()
        print(
            f"peak RSS: this process {own:.0f} MB, largest worker {children:.0f} MB; peak PSS "
            f"of framing's processes together {sampler.peak_kb / 1024:.0f} MB"
        )
        if not args.skip_baseline:
            # After framing, so that its memory figures above are framing's alone.
            model = nlp.load_model(bare=True)  # spaCy's own components only
            texts = [r["text"] for r in records]
            began = time.perf_counter()
            count = sum(1 for _ in model.pipe(texts, batch_size=64, n_process=args.jobs))
            base = time.perf_counter() - began
            print(
                f"baseline spaCy pipe     {base:8.1f} s  {words / base:9.0f} words/s  "
                f"({count} docs); framing cold is {cold / base:.2f}x the baseline"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
