"""Measure framing's attribution extractor on PolNeAR (Newell et al. 2018).

Usage: python evaluation/polnear.py --data ../shared/eval/polnear --split dev [--limit N] [--errors]

For each article in ``data/<split>/text`` the first annotator's file (sorted by name) in
``data/<split>/attributions`` is the gold.  A predicted attribution matches a gold one when their
content spans overlap; pairs are made one-to-one, largest overlap first.  A matched pair is a
source hit when their source spans overlap.  Content precision is matches / predictions, recall
matches / gold attributions; source precision is hits / predictions with a source, recall hits /
gold attributions with a source.  The text goes through framing's whole pipeline (page chrome,
parse, attribution) exactly as ``framing analyze`` would read a .txt file.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import f1  # noqa: E402

from framing import pipeline  # noqa: E402
from framing.records import Span  # noqa: E402


@dataclass(frozen=True)
class Gold:
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


def _spans(field: str) -> tuple[Span, ...]:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append(Span(int(start), int(end)))
    return tuple(spans)


def read_gold(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T"):
            label, _, positions = fields[1].partition(" ")
            spans[fields[0]] = (label, _spans(positions))
        elif line.startswith("E"):
            relations.append(fields[1].split())
    result = []
    for relation in relations:
        roles: dict[str, tuple[Span, ...]] = {"Source": (), "Cue": (), "Content": ()}
        for part in relation[1:]:
            role, _, ref = part.partition(":")
            role = role.rstrip("0123456789")
            if ref in spans and role in roles:
                roles[role] = roles[role] + spans[ref][1]
        if roles["Content"]:
            result.append(Gold(roles["Source"], roles["Cue"], roles["Content"]))
    return result


def _overlap(a: tuple[Span, ...], b: tuple[Span, ...]) -> int:
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def match(
    predicted: list[tuple[tuple[Span, ...], tuple[Span, ...]]], gold: list[Gold]
) -> tuple[int, int]:
    """(content matches, source hits) for one document, one-to-one by largest overlap."""
    pairs = []
    for i, (_, content) in enumerate(predicted):
        for j, g in enumerate(gold):
            size = _overlap(content, g.content)
            if size > 0:
                pairs.append((size, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = hits = 0
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matches += 1
        if predicted[i][0] and gold[j].source and _overlap(predicted[i][0], gold[j].source) > 0:
            hits += 1
    return matches, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument(
        "--errors", action="store_true", help="print unmatched gold and predictions"
    )
    args = parser.parse_args()
    base = args.data / "data" / args.split
    texts = sorted((base / "text").glob("*.txt"))
    if args.limit:
        texts = texts[: args.limit]
    if not texts:
        sys.exit(f"no articles under {base / 'text'}")
    started = time.monotonic()
    analysis, _ = pipeline.analyze(texts)
    by_id = {d.id: d for d in analysis.documents}
    n_pred = n_pred_src = n_gold = n_gold_src = matches = hits = 0
    for path in texts:
        annotations = sorted((base / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            continue
        gold = read_gold(annotations[0])
        doc = by_id[path.stem]
        predicted = [
            ((a.source.span,) if a.source else (), (a.content.span,)) for a in doc.attributions
        ]
        m, h = match(predicted, gold)
        matches += m
        hits += h
        n_pred += len(predicted)
        n_pred_src += sum(1 for s, _ in predicted if s)
        n_gold += len(gold)
        n_gold_src += sum(1 for g in gold if g.source)
        if args.errors:
            _print_errors(doc, predicted, gold)
    cp, cr = matches / max(1, n_pred), matches / max(1, n_gold)
    sp, sr = hits / max(1, n_pred_src), hits / max(1, n_gold_src)
    print(
        f"PolNeAR {args.split}: {len(texts)} articles, {n_gold} gold, {n_pred} predicted attributions"
    )
    print(f"content  P {cp:.3f}  R {cr:.3f}  F1 {f1(cp, cr):.3f}")
    print(f"source   P {sp:.3f}  R {sr:.3f}  F1 {f1(sp, sr):.3f}")
    print(f"time {time.monotonic() - started:.1f} s")


def _print_errors(doc, predicted, gold) -> None:  # type: ignore[no-untyped-def]
    text = doc.text
    for g in gold:
        if not any(_overlap(c, g.content) for _, c in predicted):
            cue = " ".join(text[s.start : s.end] for s in g.cue)
            src = " ".join(text[s.start : s.end] for s in g.source)
            content = " ".join(text[s.start : s.end] for s in g.content)[:100]
            print(f"MISS {doc.id[:30]} [{src}] <{cue}> {content}")
    for source, content in predicted:
        for g in gold:
            if (
                _overlap(content, g.content)
                and g.source
                and not (source and _overlap(source, g.source))
            ):
                ours = text[source[0].start : source[0].end] if source else ""
                theirs = " ".join(text[s.start : s.end] for s in g.source)
                print(f"SOURCE {doc.id[:30]} ours [{ours}] gold [{theirs}]")
                break
        if not any(_overlap(content, g.content) for g in gold):
            print(
                f"EXTRA {doc.id[:30]} [{text[source[0].start : source[0].end] if source else ''}] {text[content[0].start : content[0].end][:100]}"
            )


if __name__ == "__main__":
    main()
