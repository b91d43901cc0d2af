"""Measure how framing groups a mixed corpus into stories, on SEESAW, BASIL and ECB+.

Usage: python evaluation/stories.py [--seesaw ../shared/eval/seesaw] [--basil ../shared/eval/basil]
       [--ecb ../shared/eval/ecbplus] [--no-dates] [--grid]

Data: SEESAW's 162 AllSides stories (``meta/TRIPLET_<n>.json``: ``story_time``; three articles
each, read as in ``evaluation/seesaw.py``: the title, a blank line, the sentences on one line)
and BASIL's 50 same-event triplets (``articles/<year>/<uuid>_<k>.json``: ``title``, ``date``,
``source``, ``triplet-uuid``, ``body-paragraphs``), 636 articles of US political news from 2010
to 2020 in one run: a hard mix, since many stories share actors (Obama, Trump, Congress).  Each
article carries its outlet and date (SEESAW gives the story's date to its three articles).

ECB+ (the 21 odd topics, 496 articles, read as in ``evaluation/ecb.py``) is measured apart: each
topic holds two events of one kind (two earthquakes, two celebrity rehab stays), each event a
story of about a dozen articles, and no dates: the hard case of stories that resemble each other,
and of stories larger than three articles.

Gold: a story is a triplet (an ECB+ event).  Measures: B-cubed precision, recall and F1 over
articles (Bagga and Baldwin 1998), pairwise P / R / F1 of "same story" over all pairs of articles,
and the counts of stories found.  ``--no-dates`` drops the dates (the date window then never
applies); ``--grid`` prints the figures for a range of ACTOR_WEIGHT, LINK_MIN and NEIGHBOURS
values instead of the shipped ones.  One ``pipeline.analyze`` per data set (all articles as one
story, actors linked across the run) gives the documents; ``stories.group`` is then called on
them, as ``framing report`` does; and on each gold story's documents alone, to count the
stories a run of one story would split (their actors stay linked across the whole data set).
The shipped values were chosen on these data (a grid of the
three), so the figures are development figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import pipeline  # noqa: E402
from framing.compare import stories  # noqa: E402
from framing.records import Document  # noqa: E402


def seesaw(folder: Path) -> list[dict[str, str]]:
    records = []
    for meta_path in sorted((folder / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        number = meta_path.stem.split("_")[1]
        for k in range(3):
            path = folder / "articles" / f"TRIPLET_{number}_DOCUMENT_{k}.json"
            if not path.is_file():
                continue
            article = json.loads(path.read_text(encoding="utf-8"))
            sentences = [s["text"].strip() for s in article["text"] if s["text"].strip()]
            info = meta.get(f"Meta info for article {k}", {})
            records.append(
                {
                    "id": f"S{number}_D{k}",
                    "story": f"seesaw-{number}",
                    "outlet": info.get("source") or "unknown",
                    "title": article["title"],
                    "date": meta.get("story_time") or "",
                    "text": f"{article['title']}\n\n{' '.join(sentences)}\n",
                }
            )
    return records


def basil(folder: Path) -> list[dict[str, str]]:
    records = []
    for path in sorted((folder / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else p for p in article["body-paragraphs"]]
        records.append(
            {
                "id": f"B{path.stem}",
                "story": "basil-" + article["triplet-uuid"],
                "outlet": article.get("source") or "unknown",
                "title": article.get("title") or "",
                "date": article.get("date") or "",
                "text": article.get("title", "") + "\n\n" + "\n\n".join(paragraphs) + "\n",
            }
        )
    return records


def scores(found: dict[str, int], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed and pairwise precision, recall and F1 of ``found`` (doc -> story number)."""
    by_found: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for doc in gold:
        by_found[found[doc]].add(doc)
        by_gold[gold[doc]].add(doc)
    precision = recall = 0.0
    for doc in gold:
        mine, truth = by_found[found[doc]], by_gold[gold[doc]]
        precision += len(mine & truth) / len(mine)
        recall += len(mine & truth) / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    both = sum(
        len(a & b) * (len(a & b) - 1) / 2 for a in by_found.values() for b in by_gold.values()
    )
    found_pairs = sum(len(a) * (len(a) - 1) / 2 for a in by_found.values())
    gold_pairs = sum(len(b) * (len(b) - 1) / 2 for b in by_gold.values())
    pair_p = both / found_pairs if found_pairs else 0.0
    pair_r = both / gold_pairs if gold_pairs else 0.0
    return {
        "P": precision,
        "R": recall,
        "F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "pair P": pair_p,
        "pair R": pair_r,
        "pair F1": 2 * pair_p * pair_r / (pair_p + pair_r) if pair_p + pair_r else 0.0,
        "stories": len(by_found),
        "gold": len(by_gold),
    }


def measure(documents: Sequence[Document], gold: dict[str, str], **options: float) -> str:
    found = {
        doc.id: number
        for number, story in enumerate(stories.group(documents, **options))  # type: ignore[arg-type]
        for doc in story.analysis.documents
    }
    s = scores(found, gold)
    return (
        f"B-cubed P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f}; pairwise P {s['pair P']:.3f} "
        f"R {s['pair R']:.3f} F1 {s['pair F1']:.3f}; {s['stories']:.0f} stories (gold "
        f"{s['gold']:.0f})"
    )


def topic_pairs(gold: dict[str, str]) -> list[tuple[str, str]]:
    """ECB+'s two events of each topic ("37ecb", "37ecbplus"): two stories of one kind."""
    topics: dict[str, list[str]] = defaultdict(list)
    for story in sorted(set(gold.values())):
        if story[:1].isdigit() and story.endswith("ecb"):
            topics[story.removesuffix("ecb")].append(story)
        elif story[:1].isdigit() and story.endswith("ecbplus"):
            topics[story.removesuffix("ecbplus")].append(story)
    return [(a, b) for a, b in topics.values() if b]


def mixtures(
    by_story: dict[str, list[Document]], *, pairs_of: list[tuple[str, str]], count: int = 100
) -> dict[str, list[list[Document]]]:
    """Small runs that hold several stories, which a folder rule must still split: ``count``
    random pairs and triples of stories (seed 0), and the given pairs (ECB+'s two events of one
    topic)."""
    import random

    names = sorted(by_story)
    draw = random.Random(0)
    found: dict[str, list[list[Document]]] = {}
    for k in (2, 3):
        if len(names) >= k:
            found[f"{count} random runs of {k} stories"] = [
                [d for name in draw.sample(names, k) for d in by_story[name]] for _ in range(count)
            ]
    if pairs_of:
        found[f"{len(pairs_of)} runs of a topic's two events"] = [
            by_story[a] + by_story[b] for a, b in pairs_of
        ]
    return found


def ecb(folder: Path) -> list[dict[str, str]]:
    from ecb import read_groups

    return [
        {"id": a.id, "story": group, "outlet": "unknown", "title": "", "date": "", "text": a.text}
        for group, articles in read_groups(folder).items()
        for a in articles
    ]


def run(name: str, records: list[dict[str, str]], *, grid: bool) -> None:
    gold = {r["id"]: r.pop("story") for r in records}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "mixed.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        analysis, _ = pipeline.analyze([corpus], stories="one")
    print(f"{name}: {len(records)} articles, {len(set(gold.values()))} stories")
    if not grid:
        print(f"  {measure(analysis.documents, gold)}")
        by_story: dict[str, list[Document]] = defaultdict(list)
        for doc in analysis.documents:
            by_story[gold[doc.id]].append(doc)
        whole = sum(1 for docs in by_story.values() if len(stories.group(docs)) == 1)
        print(f"  each story grouped alone: {whole} of {len(by_story)} stay one story")
        for size, runs in mixtures(by_story, pairs_of=topic_pairs(gold)).items():
            kept = sum(1 for docs in runs if len(stories.group(docs)) == 1)
            print(f"  {size}: {kept} of {len(runs)} kept as one story (wrongly)")
        return
    for actor_weight in (0.0, 0.3, 0.5):
        for link_min in (0.12, 0.15, 0.18, 0.2):
            for neighbours in (1, 3, 5):
                figures = measure(
                    analysis.documents,
                    gold,
                    link_min=link_min,
                    neighbours=neighbours,
                    actor_weight=actor_weight,
                )
                print(
                    f"  ACTOR_WEIGHT {actor_weight:.2f} LINK_MIN {link_min:.2f} "
                    f"NEIGHBOURS {neighbours}: {figures}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    eval_dir = ROOT.parent / "shared" / "eval"
    parser.add_argument("--seesaw", type=Path, default=eval_dir / "seesaw")
    parser.add_argument("--basil", type=Path, default=eval_dir / "basil")
    parser.add_argument("--ecb", type=Path, default=eval_dir / "ecbplus")
    parser.add_argument("--no-dates", action="store_true")
    parser.add_argument("--grid", action="store_true")
    args = parser.parse_args(argv)
    records = []
    if args.seesaw.is_dir():
        records += seesaw(args.seesaw)
    if args.basil.is_dir():
        records += basil(args.basil)
    if args.no_dates:
        for record in records:
            record["date"] = ""
    found = False
    if records:
        run("SEESAW + BASIL" + (" (no dates)" if args.no_dates else ""), records, grid=args.grid)
        found = True
    if (args.ecb / "ECB+").is_dir():
        run("ECB+ (no dates)", ecb(args.ecb), grid=args.grid)
        found = True
    if not found:
        print("no data: pass --seesaw, --basil or --ecb", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
