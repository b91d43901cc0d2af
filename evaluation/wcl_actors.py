"""Measure framing's cross-outlet actor merging against NewsWCL50's concepts (Hamborg et al. 2019).

Usage: python evaluation/newswcl50.py --data ../shared/eval/newswcl50 --events 0-4 --task actors
       [--mode framing|baseline|both] [--concepts actors|all] [--limit N]
(``python evaluation/wcl_actors.py`` takes the same options.)

Gold: the concept rows of ``Annotations.csv``, read and placed on the sentence files by
``newswcl50.py`` (same loading, same off-by-one search).  ``code_type`` PROPERTY rows are
judgements of a concept (they name it in ``target_concept``), not mentions of one.  The other
types are concepts: ACTOR (one person: ``USA\\Trump``), GROUP (a party or organisation and its
people: ``USA\\Democrats`` holds "DNC" and "Tom Perez"), COUNTRY (a state and those acting for it:
``USA`` holds "Congress", "the FBI", "Mr. Priebus"), ACTOR-I (catch-all codes, ``USA\\USA-I`` and
``USA\\USA-Misc``, each holding many unrelated people: Tillerson, Cruz, Goodlatte, Mueller ...),
and the non-actors EVENT, ACTION, OBJECT, MISC.  ``--concepts actors`` (the default) keeps ACTOR,
GROUP and COUNTRY: the actor-like codes that each stand for one actor; ACTOR-I is left out because
scoring it would reward merging different people.  ``--concepts all`` keeps every non-PROPERTY
type (that choice gives the issue's 0.26 for the last-word baseline).  A gold concept is
(event, ``code_name``).  A mention whose exact span is coded with two or more kept concepts ("the
two Koreas", "our two nations", "the defendants") is left out and counted: no single actor can be
right for it.

Items: for each event, each distinct (outlet, concept, label), the label being the mention's
letters and digits lower-cased ("Mr. Trump" -> "mrtrump"); an outlet that writes "Trump" forty
times gives one item.  An item's gold cluster is its concept.  Its predicted cluster is the actor
that most of its mentions map to, a mention mapping to the predicted actor mention in that article
that overlaps it most (overlap / union of the two spans; ties go to the earlier); ties between
actors go to the one met first.  An item none of whose mentions any actor overlaps is a cluster of
its own.  Actors are compared by name within an event (one ``pipeline.analyze`` call per event,
whose names are shared across its documents), never across events.

B-cubed over the items of the chosen events, pooled (and per event): precision = mean over items
of |pred(i) & gold(i)| / |pred(i)|, recall = mean of |pred(i) & gold(i)| / |gold(i)|.  Every item
counts, its own self included, so pairs within one outlet ("Trump" and "Mr. Trump" in one
article) count as well as pairs across outlets.  The "across outlets" line counts only items
of other outlets: precision over the items whose predicted cluster holds another outlet's item,
recall over those whose concept another outlet mentions.

Predictions: ``framing`` writes each event's articles (one sentence a line, as the sentence files
have them) to ``<event>_<outlet>.txt`` in a temporary folder and reads ``ActorStance.mentions`` of
every document; ``baseline`` is the issue's "capitalised names grouped by their last word": runs
of capitalised words (a leading The, Mr., He ... dropped) keyed by their last word lower-cased,
possessive dropped ("Mr. Kim's" -> kim, "Kim Jong Un" -> un).  For calibration, every item alone
and one actor per event; a few large concepts (Trump, USA, the Democrats) hold most items, so
lumping everything scores an F1 near the baseline's: read F1 together with precision.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import f1
from newswcl50 import (
    Article,
    Mention,
    build_articles,
    locate,
    make_tokenizer,
    normal,
    read_annotations,
)

from framing.records import Span

ACTOR_TYPES = ("ACTOR", "GROUP", "COUNTRY")
ALL_TYPES = ("ACTOR", "GROUP", "COUNTRY", "ACTOR-I", "EVENT", "ACTION", "OBJECT", "MISC")
CONCEPTS = {"actors": ACTOR_TYPES, "all": ALL_TYPES}
NO_GOLD = "-"  # a code type no row has: build_articles then marks no gold words

Predicted = dict[str, list[tuple[str, Span]]]  # outlet -> (actor, mention span) in its article


@dataclass(frozen=True)
class Item:
    event: int
    outlet: str
    concept: str
    label: str
    spans: tuple[Span, ...]  # character spans into the article's text()


@dataclass
class Tally:
    located: int = 0
    lost: int = 0  # rows found neither at their place nor nearby
    joint: int = 0  # mentions left out for naming several concepts


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    items: int

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def char_span(article: Article, line: int, start: int, end: int) -> Span:
    """The characters of tokens ``start``..``end`` (both included) of ``line`` in ``text()``."""
    base = article.offsets[line]
    tokens = article.tokens[line]
    return Span(base + tokens[start].span.start, base + tokens[end].span.end)


def build_items(
    articles: Iterable[Article], mentions: Sequence[Mention], types: Sequence[str]
) -> tuple[list[Item], Tally]:
    """The items of ``articles`` for the concept rows of ``types``, and how their rows were found."""
    tally = Tally()
    items: list[Item] = []
    for article in articles:
        concepts: defaultdict[Span, set[str]] = defaultdict(set)
        placed: list[tuple[Mention, Span]] = []
        for mention in mentions:
            if (mention.event, mention.publisher) != (article.event, article.publisher):
                continue
            if mention.code_type not in types:
                continue
            place = locate(mention, article.tokens)
            if place is None:
                tally.lost += 1
                continue
            tally.located += 1
            span = char_span(article, *place[:3])
            concepts[span].add(mention.code_name)
            placed.append((mention, span))
        grouped: dict[tuple[str, str], dict[Span, None]] = {}
        for mention, span in placed:
            if len(concepts[span]) > 1:
                tally.joint += 1
                continue
            key = (mention.code_name, normal(mention.text))
            grouped.setdefault(key, {})[span] = None
        items.extend(
            Item(article.event, article.publisher, concept, label, tuple(spans))
            for (concept, label), spans in grouped.items()
        )
    return items, tally


def _iou(a: Span, b: Span) -> float:
    inside = min(a.end, b.end) - max(a.start, b.start)
    return inside / (max(a.end, b.end) - min(a.start, b.start)) if inside > 0 else 0.0


def assign(item: Item, actors: Sequence[tuple[str, Span]]) -> Hashable:
    """The predicted cluster of ``item``: the actor most of its mentions map to, else itself."""
    votes: Counter[str] = Counter()
    for span in item.spans:
        best, name = 0.0, ""
        for actor, mention in actors:
            overlap = _iou(span, mention)
            if overlap > best:
                best, name = overlap, actor
        if name:
            votes[name] += 1
    if not votes:
        return ("alone", item.event, item.outlet, item.concept, item.label)
    return ("actor", item.event, votes.most_common(1)[0][0])


def bcubed(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], outlets: Sequence[Hashable] = ()
) -> Score:
    """B-cubed of ``predicted`` against ``gold`` cluster keys, one per item; with ``outlets``,
    only pairs of items of different outlets count (items without such a pair are left out)."""
    pairs = Counter(zip(gold, predicted, strict=True))
    sizes_gold, sizes_pred = Counter(gold), Counter(predicted)
    same = Counter[tuple[Hashable, Hashable, Hashable]]()
    same_gold = Counter[tuple[Hashable, Hashable]]()
    same_pred = Counter[tuple[Hashable, Hashable]]()
    if outlets:
        same = Counter(zip(gold, predicted, outlets, strict=True))
        same_gold, same_pred = (
            Counter(zip(gold, outlets, strict=True)),
            Counter(zip(predicted, outlets, strict=True)),
        )
    precisions, recalls = [], []
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        o = outlets[i] if outlets else None
        both = pairs[g, p] - same[g, p, o]
        if pred_size := sizes_pred[p] - same_pred[p, o]:
            precisions.append(both / pred_size)
        if gold_size := sizes_gold[g] - same_gold[g, o]:
            recalls.append(both / gold_size)
    return Score(_mean(precisions), _mean(recalls), len(gold))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)*")
_LEADING = set(
    "the a an he she it they we i you but and or so if in on at for as by to of from with "
    "his her its their our this that these those when while after before mr mrs ms dr".split()
)
_POSSESSIVE = re.compile(r"(?:['’]s?)?[.,]*$")


def name_actors(text: str) -> list[tuple[str, Span]]:
    """The baseline's actors: capitalised names keyed by their last word."""
    found = []
    for match in _NAME.finditer(text):
        words = list(re.finditer(r"\S+", match.group()))
        while words and words[0].group().lower().rstrip(".") in _LEADING:
            words.pop(0)
        key = _POSSESSIVE.sub("", words[-1].group()).lower() if words else ""
        if key:
            found.append((key, Span(match.start() + words[0].start(), match.end())))
    return found


def framing_actors(articles: Sequence[Article], parser: Any = None) -> tuple[Predicted, Any]:
    """The actors ``pipeline.analyze`` finds in ``articles`` (one event), by outlet."""
    from framing import pipeline

    with tempfile.TemporaryDirectory(prefix="wcl-actors-") as folder:
        for article in articles:
            path = Path(folder) / f"{article.event}_{article.publisher}.txt"
            path.write_text(article.text(), encoding="utf-8")
        analysis, parser = pipeline.analyze([Path(folder)], parser=parser)
    predicted: Predicted = {}
    for article, doc in zip(articles, analysis.documents, strict=True):
        if doc.id != f"{article.event}_{article.publisher}" or doc.text != article.text():
            raise RuntimeError(f"framing read {doc.id} otherwise than it was written")
        predicted[article.publisher] = [
            (stance.actor, span) for stance in doc.stance for span in stance.mentions
        ]
    return predicted, parser


def _line(name: str, score: Score, extra: str = "") -> str:
    return (
        f"{name:37} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  ({score.items} items{extra})"
    )


def predict(
    articles: Sequence[Article], items: Sequence[Item], mode: str, parser: Any = None
) -> tuple[list[Hashable], bool, Any]:
    """Each item's predicted cluster, event by event; whether any actor was found; the parser."""
    clusters: dict[Item, Hashable] = {}
    found = False
    for event in sorted({a.event for a in articles}):
        chosen = [a for a in articles if a.event == event]
        if mode == "framing":
            actors, parser = framing_actors(chosen, parser)
        else:
            actors = {a.publisher: name_actors(a.text()) for a in chosen}
        found = found or any(actors.values())
        for item in items:
            if item.event == event:
                clusters[item] = assign(item, actors.get(item.outlet, []))
    return [clusters[item] for item in items], found, parser


def run(data: Path, events: Sequence[int], *, mode: str, concepts: str, limit: int = 0) -> None:
    started = time.monotonic()
    mentions = read_annotations(data / "Annotations.csv")
    articles, _, missing = build_articles(
        data, mentions, events, make_tokenizer(), gold_type=NO_GOLD, limit=limit
    )
    if not articles:
        sys.exit(f"no articles for events {events} under {data / 'texts' / '2-matched'}")
    types = CONCEPTS[concepts]
    items, tally = build_items(articles, mentions, types)
    gold = [(i.event, i.concept) for i in items]
    outlets = [(i.event, i.outlet) for i in items]
    print(
        f"NewsWCL50 events {','.join(map(str, events))}: {len(articles)} articles; concepts "
        f"{', '.join(types)}: {len(items)} items, {len(set(gold))} gold concepts"
        + (f"; no sentence file for {', '.join(missing)}" if missing else "")
    )
    print(
        f"concept rows: {tally.located} located ({tally.joint} of them left out as naming "
        f"several concepts), {tally.lost} not found"
    )
    parser = None
    for name in ["framing", "baseline"] if mode == "both" else [mode]:
        predicted, found, parser = predict(articles, items, name, parser)
        title = "framing" if name == "framing" else "baseline, last word"
        for event in sorted({i.event for i in items}):
            keep = [k for k, i in enumerate(items) if i.event == event]
            score = bcubed([gold[k] for k in keep], [predicted[k] for k in keep])
            count = len({gold[k] for k in keep})
            print(_line(f"{title}, event {event}", score, f", {count} concepts"))
        print(_line(f"{title}, pooled", bcubed(gold, predicted), f", {len(set(gold))} concepts"))
        print(_line(f"{title}, across outlets", bcubed(gold, predicted, outlets)))
        if not found:
            print(f"  ({name} found no actor mentions in any article)")
    print(_line("calibration, every item alone", bcubed(gold, list(range(len(items))))))
    print(_line("calibration, one actor an event", bcubed(gold, [i.event for i in items])))
    print(f"time {time.monotonic() - started:.1f} s")


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``--task actors`` (``newswcl50.py`` holds --data, --events, --limit)."""
    parser.add_argument("--mode", choices=("framing", "baseline", "both"), default="framing")
    parser.add_argument("--concepts", choices=tuple(CONCEPTS), default="actors")


if __name__ == "__main__":
    import newswcl50

    sys.argv[1:1] = ["--task", "actors"]
    newswcl50.main()
