"""Measure framing's fact comparator on ECB+ (Cybulska and Vossen 2014): same fact, and conflicts.

Usage: python evaluation/ecb.py --data ../shared/eval/ecbplus [--mode framing|baseline|both]
       [--limit N]

Data: ``ECB+/<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml``: tokenised articles, stand-off
markables, and ``CROSS_DOC_COREF`` relations whose ``note`` is the chain's ``instance_id``.  The copy
here is the 21 odd topics (1, 3, ..., 45; ECB+ has no 15 or 17), 496 of ECB+'s 982 articles, and is
our dev set.  A topic's ``ecb`` articles report one event and its ``ecbplus`` articles another: each
(topic, part) is an event group (42 here) and nothing is compared across groups.

Text: tokens joined by spaces, a sentence a line; ecbplus sentence 0 (the page's URL) is left out.
The ecbplus tokeniser split every punctuation mark, so glue rules rebuild "6.1", "2,117", "90-day",
"a.m.", "Creighton’s" from "6 . 1", "2 , 117", ...; PTB quotes become '"'.  Each token keeps its
character span in this text, which framing reads as ``<file stem>.txt``.

Numeric mentions (the universe): each markable that is a source of a ``CROSS_DOC_COREF`` relation,
but not a date or clock time (tags TIME_DATE, TIME_OF_THE_DAY; durations stay) nor one side of a
score or odds ("31-24", "50/50": the issue counts dates, years, scores and odds as no facts, so
framing leaves them out by design; the figure with them is printed too), whose text holds a
cardinal: digits ("54,000", "6.1", "$334M", the 33 of "33-year-old") or number words ("five",
"twenty-five", "a dozen").  Not numbers: ordinals ("12th"), digits inside words ("76ers", "IE9"),
vague plurals ("dozens", "hundreds"), the pronoun "one of".  Labels ("Route 94") stay: the gold
links them like amounts.  The mention is the markable's first number phrase, its value
``parse_number``'s (the score "31-24" reads 31).  An item is one (article, chain, value): one value
repeated in an article for one chain is one item (framing keeps one value per article and fact).
Every chained markable counts, also outside ECBplus_coreference_sentences.csv (55 of 266 here).

Gold: two items of one chain in different articles of a group are the same fact, a conflict pair
when their values differ.  Items whose chain has no partner in another article count too, as known
negatives.  Pairs are unordered and always across articles.  Here: 188 items (227 with the 39
score sides), 372 same-fact pairs (532), 42 conflict pairs: 25 real disagreements (quake dead 9 and injured 8 in 37ecbplus, 50 vs 40 dead 5,
1 vs 4 dead 2, 20,000 vs 21,000 refugees 1), 15 unit conversions ("55 kilometers" vs "34 miles" 8,
"90-day" vs "three-month" 7) and 2 labels (Internet Explorer versions).

framing: one ``pipeline.analyze`` per group.  A ``FactValue`` stands for every item of its article
with a span overlapping ``value.span``; two values of one ``Fact`` in different articles predict
every pair of the items they stand for, a conflict pair when both values are known and differ.
Pairs with a side on no item are not scored; facts and values on no item are counted, and the items
that some ``doc.quantities`` span overlaps (extraction recall, apart from grouping).

Measure: pairwise precision, recall and F1 of same-fact pairs, and of conflict pairs.  Baselines on
the items: (1) equal values are one fact (so never a conflict); (2) the lower-cased word after the
number phrase ("6.1-magnitude quake": magnitude) is the fact.  The issue's calibration on dev:
(1) F1 0.86, conflict F1 0; (2) 0.53, 0.17; here (1) 0.898, 0; (2) 0.616, 0.118 (with the
score sides 0.929 and 0.536, as the issue's figures seem to count them).  Target for
framing: F1 >= 0.85 and conflict F1 >= 0.40.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import f1  # noqa: E402

from framing.records import Span  # noqa: E402

if TYPE_CHECKING:
    from framing.nlp import Parser
    from framing.records import Analysis

SKIPPED_TAGS = {"TIME_DATE", "TIME_OF_THE_DAY"}
UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
UNITS += " fifteen sixteen seventeen eighteen nineteen"
TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
WORDS = {w: float(i) for i, w in enumerate(UNITS.split())}
WORDS |= {w: float(20 + 10 * i) for i, w in enumerate(TENS.split())}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALES |= {"dozen": 12.0, "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_WORD_ALT = "|".join(sorted(WORDS, key=len, reverse=True))
_SCALE_ALT = "hundred|thousand|million|billion|trillion|dozen"
_DIGITS = r"(?:US|C|A)?[$€£]?\d+(?:,\d{3})*(?:\.\d+)?(?:bn|mn|km|kg|mph|[kmb])?(?!\w|[,.]\d)"
_ATOM = rf"{_DIGITS}|(?:{_WORD_ALT})(?:-(?:{_WORD_ALT}))?\b|(?:{_SCALE_ALT})\b"
_A = rf"(?:an? (?=(?:{_SCALE_ALT})\b))?"  # "a dozen", "a million"
PHRASE = re.compile(rf"(?<![\w.$])(?<!\d-){_A}(?:{_ATOM})(?:[ -]+(?:{_ATOM}))*", re.I)
_PIECE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.I)
_NOUN = re.compile(r"[ -]*([A-Za-z]+)")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "n't", "'", "''"}
_NO_SPACE_BEFORE |= {"'s", "'m", "'re", "'ve", "'ll", "'d", "'S", "’s"}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "C$", "A$", "#", "``"}


def parse_number(text: str) -> float | None:
    """The value of a number phrase: "54,000" 54000, "$180 million" 1.8e8, "twenty-five" 25,
    "6 . 1" 6.1, "a dozen" 12, "33-year-old" 33; None without a number in front."""
    text = re.sub(r"(?<=\d) ?([.,]) ?(?=\d)", r"\1", text.strip())
    text = re.sub(r"^(?:US|C|A)?[$€£]\s*|^an?\s+", "", text, flags=re.I)
    total, current, last = 0.0, None, ""  # last: "digit" | "unit" | "tens" | "scale"
    for piece in _PIECE.findall(text):
        word = piece.lower()
        if piece[0].isdigit():
            if last:
                break
            current, last = float(piece.replace(",", "")), "digit"
        elif word in WORDS:
            value = WORDS[word]
            if last in ("digit", "unit") or (last == "tens" and value >= 10):
                break
            current = (current or 0.0) + value
            last = "tens" if value >= 20 else "unit"
        elif word in SCALES and (last or word in ("dozen", "hundred", "thousand", "million")):
            if word in ("k", "m", "mn", "b", "bn") and last != "digit":
                break
            current = (1.0 if current is None else current) * SCALES[word]
            if SCALES[word] >= 1e3:
                total, current = total + current, 0.0
            last = "scale"
        else:
            break
    return None if current is None else total + current


@dataclass(frozen=True)
class Item:
    """One (article, chain, value): where one article gives one value for one chain."""

    doc: str
    chain: str
    value: float
    spans: tuple[Span, ...]  # the number phrases in the article's text
    noun: str | None  # the word after the (first) number phrase, lower-cased


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    mentions: tuple[Item, ...]  # one per markable, a single span each


def _gap(tokens: Sequence[tuple[int, str]], i: int, glue: bool) -> str:
    """What goes before token i: a line break between sentences, else a space or nothing."""
    if not i or tokens[i][0] != tokens[i - 1][0]:
        return "\n" if i else ""

    def at(j: int) -> str:
        inside = 0 <= j < len(tokens) and tokens[j][0] == tokens[i][0]
        return tokens[j][1] if inside else ""

    before, prev, word, nxt = at(i - 2), at(i - 1), at(i), at(i + 1)
    if glue and (_glued(prev, word, nxt) or _glued(before, prev, word)):
        return ""
    return "" if word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER else " "


def _glued(left: str, mark: str, right: str) -> bool:
    """Whether ``mark`` joins its neighbours: "2 , 117", "6 . 1", "3 : 33", "90 - day", "a . m"."""
    if mark == "." and len(left) == len(right) == 1 and (left + right).isalpha():
        return True  # "a . m" -> "a.m", "U . S" -> "U.S"
    if mark in {".", ":"} or (mark == "," and len(right) == 3):
        return left.isdigit() and right.isdigit()
    if mark in {"’", "'"} and right in {"s", "t", "re", "ve", "ll", "d", "m"}:
        return left[-1:].isalpha()  # "Creighton ’ s" -> "Creighton’s"
    return mark == "-" and left[-1:].isalnum() and right[:1].isalnum()


def render(tokens: Sequence[tuple[int, str]], glue: bool = False) -> tuple[str, list[Span]]:
    """(sentence, token) pairs -> the text and each token's span; ``glue``: the ecbplus rules."""
    quoted = False  # a plain '"' opens or closes, by turns with `` and ''
    ptb = []
    for sentence, word in tokens:
        quoted = {"``": True, "''": False, '"': not quoted}.get(word, quoted)
        if len(word) > 1 and '"' in (word[0], word[-1]):
            quoted = word[0] == '"'  # '"Two' opens, 'said"' closes
        ptb.append((sentence, ("``" if quoted else "''") if word == '"' else word))
    pieces: list[str] = []
    spans: list[Span] = []
    at = 0
    for i, (_, word) in enumerate(ptb):
        gap = _gap(ptb, i, glue)
        shown = '"' if word in ("``", "''") else word
        spans.append(Span(at + len(gap), at + len(gap) + len(shown)))
        pieces += [gap, shown]
        at = spans[-1].end
    return "".join(pieces), spans


def number_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first number phrase inside text[start:end] with a value; "one of" is a pronoun."""
    for found in PHRASE.finditer(text, start, end):
        pronoun = found.group().lower() == "one" and text.startswith(" of ", found.end())
        if not pronoun and parse_number(found.group()) is not None:
            return found
    return None


def read_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    plus = path.stem.endswith("ecbplus")
    tokens = [
        (t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "")
        for t in root.iter("token")
        if not (plus and t.get("sentence") == "0")
    ]
    text, spans = render([(s, w) for _, s, w in tokens], glue=plus)
    where = {tid: span for (tid, _, _), span in zip(tokens, spans, strict=True)}
    markables: dict[str, tuple[str, list[Span]]] = {}
    for node in root.find("Markables") or ():
        anchors = [where[a.get("t_id", "")] for a in node.iter("token_anchor")]
        if anchors and all(a.get("t_id") in where for a in node.iter("token_anchor")):
            markables[node.get("m_id", "")] = (node.tag, anchors)
    mentions = []
    for relation in root.find("Relations") or ():
        if relation.tag != "CROSS_DOC_COREF":
            continue
        for source in relation.iter("source"):
            tag, anchors = markables.get(source.get("m_id", ""), ("", []))
            if not anchors or tag in SKIPPED_TAGS:
                continue
            found = number_in(text, min(a.start for a in anchors), max(a.end for a in anchors))
            if found is None:
                continue
            noun = _NOUN.match(text, found.end())
            value = parse_number(found.group()) or 0.0
            span = Span(found.start(), found.end())
            word = noun.group(1).lower() if noun else None
            mentions.append(Item(path.stem, relation.get("note", ""), value, (span,), word))
    return Article(path.stem, text, tuple(mentions))


def read_groups(data: Path, limit: int = 0) -> dict[str, list[Article]]:
    """Event groups "<topic>ecb" / "<topic>ecbplus" (topics in numeric order) -> their articles."""
    topics = sorted((p for p in (data / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    groups: dict[str, list[Article]] = {}
    for topic in topics[: limit or None]:
        for part in ("ecb", "ecbplus"):
            files = sorted(topic.glob(f"*_*{part}.xml"), key=lambda p: p.name)
            if files:
                groups[f"{topic.name}{part}"] = [read_article(f) for f in files]
    return groups


def items_of(articles: Iterable[Article]) -> list[Item]:
    """The mentions, those of one (article, chain, value) merged into one item."""
    merged: dict[tuple[str, str, float], list[Item]] = defaultdict(list)
    for m in (m for article in articles for m in article.mentions):
        merged[(m.doc, m.chain, m.value)].append(m)
    return [
        Item(*key, tuple(sorted({m.spans[0] for m in ms}, key=lambda s: s.start)), ms[0].noun)
        for key, ms in merged.items()
    ]


Pair = frozenset[Item]
Pairs = tuple[set[Pair], set[Pair]]  # same-fact pairs, conflict pairs


def linked(items: Sequence[Item], key: str) -> Pairs:
    """Items of different articles with one ``key`` (not None) are one fact: "chain" gives the gold
    pairs, "value" and "noun" the baselines.  A conflict pair is one whose values differ."""
    same = {
        frozenset((a, b))
        for a, b in combinations(items, 2)
        if a.doc != b.doc and getattr(a, key) is not None and getattr(a, key) == getattr(b, key)
    }
    return same, {p for p in same if len({i.value for i in p}) == 2}


def framing_pairs(
    analysis: Analysis, items: Sequence[Item], tally: Counter[str], stated: set[Pair] | None = None
) -> Pairs:
    """The pairs framing's facts predict among ``items`` (see the module docstring); with
    ``stated``, the conflict pairs of facts a report calls conflicts (``Fact.tied``) go there too."""
    same: set[Pair] = set()
    conflict: set[Pair] = set()
    for fact in analysis.facts:
        if len({v.doc for v in fact.values}) < 2:
            continue
        covered = [
            [i for i in items if i.doc == v.doc and any(s.overlaps(v.span) for s in i.spans)]
            for v in fact.values
        ]
        tally.update(facts=1, outside=not any(covered), values=len(covered))
        tally.update(unmatched=sum(not c for c in covered))
        for (v, vi), (w, wi) in combinations(zip(fact.values, covered, strict=True), 2):
            differ = None not in (v.value, w.value) and v.value != w.value
            for pair in {frozenset((a, b)) for a in vi for b in wi if v.doc != w.doc}:
                same.add(pair)
                if differ:
                    conflict.add(pair)
                    if stated is not None and fact.tied:
                        stated.add(pair)
    return same, conflict


def run_framing(
    groups: dict[str, list[Article]], tally: Counter[str], stated: set[Pair] | None = None
) -> Pairs:
    """framing's pairs over every group, one ``pipeline.analyze`` per group, one parser."""
    from framing import pipeline

    parser: Parser | None = None
    found: Pairs = (set(), set())
    with tempfile.TemporaryDirectory(prefix="ecb-") as tmp:
        for name, articles in groups.items():
            folder = Path(tmp) / name
            folder.mkdir()
            for article in articles:
                (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
            analysis, parser = pipeline.analyze([folder], parser=parser)
            texts = {a.id: a.text for a in articles}
            if any(d.text != texts[d.id] for d in analysis.documents):
                sys.exit(f"framing's text of a document in {name} differs from the file")
            items = items_of(articles)
            spans = {d.id: [q.span for q in d.quantities] for d in analysis.documents}
            tally.update(
                items=len(items),
                quantified=sum(
                    any(q.overlaps(s) for q in spans[i.doc] for s in i.spans) for i in items
                ),
            )
            same, conflict = framing_pairs(analysis, items, tally, stated)
            found[0].update(same)
            found[1].update(conflict)
    return found


_SCORE = re.compile(r"\d\s*[-/:\u2013]\s*\d")


def is_score(text: str, item: Item) -> bool:
    """One side of a score or odds ("31-24", "50/50"): a digit joined to the number by a dash,
    slash or colon."""
    return any(_SCORE.search(text[max(0, s.start - 3) : s.end + 3]) for s in item.spans)


def score(predicted: set[Pair], gold: set[Pair]) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(gold) if gold else 0.0
    return p, r, f1(p, r)


def line(name: str, predicted: Pairs, gold: Pairs) -> str:
    (sp, sr, sf), (cp, cr, cf) = score(predicted[0], gold[0]), score(predicted[1], gold[1])
    return (
        f"{name:<22} pairs {len(predicted[0]):>5}  P {sp:.3f} R {sr:.3f} F1 {sf:.3f}  |  "
        f"conflict pairs {len(predicted[1]):>4}  P {cp:.3f} R {cr:.3f} F1 {cf:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/eval/ecbplus")
    parser.add_argument("--mode", choices=("framing", "baseline", "both"), default="framing")
    parser.add_argument("--limit", type=int, default=0, help="only the first N topics")
    args = parser.parse_args(argv)
    if not (args.data / "ECB+").is_dir():
        sys.exit(f"no ECB+/ in {args.data}")
    began = time.perf_counter()
    groups = read_groups(args.data, args.limit)
    items = [items_of(articles) for articles in groups.values()]

    def over_groups(key: str) -> Pairs:
        each = [linked(group, key) for group in items]
        return set().union(*(e[0] for e in each)), set().union(*(e[1] for e in each))

    everything = over_groups("chain")
    texts = {a.id: a.text for articles in groups.values() for a in articles}
    scores = {i for group in items for i in group if is_score(texts[i.doc], i)}

    def without_scores(pairs: Pairs) -> Pairs:
        return ({p for p in pairs[0] if not p & scores}, {p for p in pairs[1] if not p & scores})

    gold = without_scores(everything)
    print(
        f"ECB+ {len(groups)} event groups, {sum(map(len, groups.values()))} articles, "
        f"{sum(map(len, items)) - len(scores)} numeric items; gold {len(gold[0])} same-fact "
        f"pairs, {len(gold[1])} conflict pairs"
    )
    print(
        f"left out: {len(scores)} items that are one side of a score or odds (31-24, 50/50), "
        f"in {len(everything[0]) - len(gold[0])} more gold pairs (the issue: not facts)"
    )
    if args.mode in ("baseline", "both"):
        print(line("baseline equal value", without_scores(over_groups("value")), gold))
        print(line("baseline noun after", without_scores(over_groups("noun")), gold))
        print(line("equal value, w/ scores", over_groups("value"), everything))
    if args.mode in ("framing", "both"):
        tally: Counter[str] = Counter()
        stated: set[Pair] = set()
        found = run_framing(groups, tally, stated)
        print(line("framing", without_scores(found), gold))
        sp, sr, sf = score({p for p in stated if not p & scores}, gold[1])
        print(
            f"framing, the conflicts a report states (Fact.tied): pairs {len(stated)}  "
            f"P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
        )
        print(line("framing, w/ scores", found, everything))
        print(
            f"framing facts in 2+ articles {tally['facts']}, {tally['outside']} of them on no "
            f"item; their values {tally['values']}, {tally['unmatched']} on no item; items "
            f"overlapping a framing Quantity {tally['quantified']} of {tally['items']}"
        )
    print("issue (dev): equal value F1 0.86, conflict 0; noun after 0.53, 0.17; target 0.85, 0.40")
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
