"""Do two outlets' stance scores toward one actor differ the way annotators saw them differ?

Usage: python evaluation/stance_pairs.py --data ../shared/eval/seesaw [--split train,valid]

What it checks: the claim "the coverage of outlet A reads more negative toward X than that of
outlet B", as "What differs" would make it from ``Analysis.outlet_stances``.  Data: SEESAW (Zhang,
Beauchamp and Wang 2022; read as ``evaluation/seesaw.py`` reads it, one ``pipeline.analyze`` call
per story of three articles).  Gold: each article's ``entity sentiments``, Very Negative -3 ...
Very Positive +3, the mean of the annotators' values (Unknown dropped).  A gold entity is matched
to framing's actor in each article as ``evaluation/seesaw.py`` matches it; a pair counts when both
articles match the same actor and each names it MIN_MENTIONS times or more in its own voice.

For each pair the lower-scored outlet is framing's "more negative" one, and the pair is *right*
when annotators gave that article the lower value, *reversed* when they gave it the higher one,
and *equal* when they gave both the same.  Printed for every pair, and for those "What differs"
would have said (the two classes differ and the scores are apart by more than Z standard errors,
``framing.report.summary.apart``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evaluation"))

from seesaw import Gold, match, read_seesaw, write_story  # noqa: E402

from framing import pipeline  # noqa: E402
from framing.records import OutletStance  # noqa: E402
from framing.report.summary import apart  # noqa: E402

VALUE = {
    "very negative": -3, "negative": -2, "slightly negative": -1, "neutral": 0,
    "slightly positive": 1, "positive": 2, "very positive": 3,
}  # fmt: skip
MIN_MENTIONS = 3


def values(data: Path, story: str, article: str) -> dict[str, float]:
    """The mean annotated value of each entity of one article (entities with only Unknown left out)."""
    name = f"TRIPLET_{story}_DOCUMENT_{article[-1]}.json"
    annotation = json.loads((data / "annotations" / name).read_text(encoding="utf-8"))
    found = {}
    for entity, votes in annotation["entity sentiments"].items():
        known = [VALUE[v[0].strip().lower()] for v in votes if v[0].strip().lower() in VALUE]
        if known:
            found[entity] = sum(known) / len(known)
    return found


def verdict(low: float, high: float) -> str:
    return "right" if low < high else "equal" if low == high else "reversed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "seesaw")
    parser.add_argument("--split", default="train,valid", help="stories of these splits")
    args = parser.parse_args()
    if not (args.data / "meta").is_dir():
        sys.exit(f"no meta/ in {args.data}")
    stories, _ = read_seesaw(args.data, args.split.split(","))
    every, said = Counter[str](), Counter[str]()
    with tempfile.TemporaryDirectory(prefix="stance-pairs-") as tmp:
        for story in stories:
            analysis, _ = pipeline.analyze([write_story(story, Path(tmp))], stories="one")
            outlet: dict[tuple[str, str], OutletStance] = {
                (st.outlet, st.actor): st
                for st in analysis.outlet_stances
                if st.score is not None and st.mentions >= MIN_MENTIONS
            }
            docs = {d.id: d for d in analysis.documents}
            gold = {a.id: values(args.data, story.id, a.id) for a in story.articles}
            kinds = {g.entity: g for a in story.articles for g in a.gold}
            ids = sorted(gold)
            for i, one in enumerate(ids):
                for other in ids[i + 1 :]:
                    for entity in sorted(set(gold[one]) & set(gold[other]) & set(kinds)):
                        g = Gold(entity, kinds[entity].kind, kinds[entity].label)
                        a, b = match(g, docs[one].stance), match(g, docs[other].stance)
                        if a is None or b is None or a.actor != b.actor:
                            continue
                        x = outlet.get((docs[one].outlet, a.actor))
                        y = outlet.get((docs[other].outlet, a.actor))
                        if x is None or y is None or x.score == y.score:
                            continue
                        low, high = (
                            (one, other) if (x.score or 0.0) < (y.score or 0.0) else (other, one)
                        )
                        found = verdict(gold[low][entity], gold[high][entity])
                        every[found] += 1
                        if x.label != y.label and apart(x, y):
                            said[found] += 1
    for name, counts in (("every pair", every), ("pairs What differs would say", said)):
        total = sum(counts.values())
        print(
            f"{name}: {total}; right {counts['right']}, equal {counts['equal']}, reversed "
            f"{counts['reversed']}; right share {counts['right'] / max(1, total):.2f}, right of "
            f"those annotators tell apart {counts['right'] / max(1, total - counts['equal']):.2f}"
        )


if __name__ == "__main__":
    main()
