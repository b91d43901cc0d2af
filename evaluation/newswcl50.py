"""Measure framing's loaded-term flags against NewsWCL50's judgement phrases (Hamborg et al. 2019).

Usage: python evaluation/newswcl50.py --data ../shared/eval/newswcl50 [--lexicons DIR] --events 0-4 [--limit N]
(``--task actors`` measures cross-outlet actor merging instead: see ``wcl_actors.py``.)

Gold: the rows of ``Annotations.csv`` (first line ``sep=,``) whose ``code_type`` is ``PROPERTY``,
the phrases that express a judgement of a concept ("the Obstructionist Democrats", "'clearly' show
no obstruction").  Their ``sentence`` is a line of ``texts/2-matched/event_<e>/orientation_<p>/
<e>_<p>_sent.txt`` (one sentence per line, headline first), and ``start``..``end`` are token
positions in that line, both ends included, for spaCy's English tokenizer with hyphenated words
kept whole ("Kim Jong-un" is two tokens; "Trump's." three: Trump, 's and the full stop).  A row is
checked by joining its tokens and comparing, letters and digits only and lower-cased, with
``code_mention``; when that fails (the published file numbers some sentences one off, and the
tokenizer differs now and then) the mention is looked up in the nearest line within three of the
given one, nearest the given start; rows found in neither place are left out and counted.

Words are the tokens with a letter or a digit, in every line of the article: the word universe.  A
word is gold when it lies in a PROPERTY phrase, and flagged when the phrase a loaded term colours
(``LoadedTerm.phrase``: "brutal dictator" for "brutal"; the term itself when there is none), as
found by ``score_sentences``, overlaps it.  Each article goes to ``score_sentences`` whole (its lines joined by line breaks, which
start sentences, so that a quote running over several sentences is seen as one), all articles in
one call.  Precision = flagged words that are gold / flagged words, recall = gold words flagged /
gold words, summed over the articles of the chosen events; for all flagged terms and for the
outlet's own voice (terms outside direct quotes; the gold marks quoted words too).  For calibration:
flagging every word (precision = the share of gold words, recall 1; about 0.32 F1), and flagging as
many words as framing did, chosen at random (expected figures).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import f1  # noqa: E402

from framing import pipeline  # noqa: E402
from framing.records import Span  # noqa: E402

GOLD_TYPE = "PROPERTY"
WINDOW = 3  # lines either side searched for a mention not at its given place
_NOT_ALNUM = re.compile(r"[\W_]+")
_BRACKET = re.compile(r"-[LR][RSC]B-")  # CoreNLP's -LRB- for "(", -LSB- for "[" ...


@dataclass(frozen=True)
class Mention:
    id: str
    code_type: str
    code_name: str
    text: str  # code_mention
    event: int
    publisher: str
    sentence: int
    start: int  # token positions, both included
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    span: Span  # offsets into the line

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)


def read_annotations(path: Path) -> list[Mention]:
    """The rows of ``Annotations.csv`` (or of an article's own annotations file)."""
    text = path.read_text(encoding="utf-8-sig")
    if text.startswith("sep="):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return [
        Mention(
            id=row["id"],
            code_type=row["code_type"],
            code_name=row["code_name"],
            text=row["code_mention"],
            event=int(row["event_id"]),
            publisher=row["publisher_id"],
            sentence=int(row["sentence"]),
            start=int(row["start"]),
            end=int(row["end"]),
        )
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]


def make_tokenizer() -> Callable[[str], list[Token]]:
    """spaCy's English tokenizer, with hyphenated words kept whole, as the positions count."""
    import spacy
    from spacy.lang.char_classes import HYPHENS
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = [pattern for pattern in nlp.Defaults.infixes if HYPHENS not in pattern]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer

    def tokenize(line: str) -> list[Token]:
        return [
            Token(t.text, Span(t.idx, t.idx + len(t.text)))
            for t in nlp.tokenizer(line)
            if not t.is_space
        ]

    return tokenize


def normal(text: str) -> str:
    """Letters and digits only, lower-cased: what a mention and its tokens must share."""
    return _NOT_ALNUM.sub("", _BRACKET.sub("", text)).lower()


def _find(tokens: Sequence[Token], target: str) -> list[tuple[int, int]]:
    """Every (start, end) run of tokens, end included, whose letters and digits make ``target``."""
    found = []
    for i, first in enumerate(tokens):
        if not normal(first.text) or not target.startswith(normal(first.text)):
            continue
        joined = ""
        for j in range(i, len(tokens)):
            joined += normal(tokens[j].text)
            if joined == target:
                found.append((i, j))
                break
            if not target.startswith(joined):
                break
    return found


def locate(
    mention: Mention, lines: Sequence[Sequence[Token]], window: int = WINDOW
) -> tuple[int, int, int, bool] | None:
    """(line, start, end, moved) of ``mention`` in the tokenised lines, or None.

    At its given place when the tokens there spell the mention; else the occurrence in the nearest
    line within ``window``, nearest the given start (``moved`` True).
    """
    target = normal(mention.text)
    if not target:
        return None
    s, a, b = mention.sentence, mention.start, mention.end
    at_place = 0 <= s < len(lines) and 0 <= a <= b < len(lines[s])
    if at_place and "".join(normal(t.text) for t in lines[s][a : b + 1]) == target:
        return s, a, b, False
    for distance in range(window + 1):
        for line in sorted({s - distance, s + distance}):
            if not 0 <= line < len(lines):
                continue
            runs = _find(lines[line], target)
            if runs:
                start, end = min(runs, key=lambda run: (abs(run[0] - a), run[0]))
                return line, start, end, True
    return None


@dataclass
class Article:
    event: int
    publisher: str
    lines: list[str]
    tokens: list[list[Token]]
    gold: set[tuple[int, int]] = field(default_factory=set)  # (line, token) of gold words
    offsets: list[int] = field(default_factory=list)  # where each line starts in text()

    def __post_init__(self) -> None:
        position = 0
        self.offsets = []
        for line in self.lines:
            self.offsets.append(position)
            position += len(line) + 1

    def text(self) -> str:
        return "\n".join(self.lines)

    def words(self) -> set[tuple[int, int]]:
        return {
            (s, i)
            for s, tokens in enumerate(self.tokens)
            for i, t in enumerate(tokens)
            if t.is_word
        }

    def flagged(self, spans: Iterable[Span]) -> set[tuple[int, int]]:
        """Words that a span of ``text()`` overlaps."""
        found = set()
        for span in spans:
            for s, tokens in enumerate(self.tokens):
                base = self.offsets[s]
                for i, token in enumerate(tokens):
                    moved = Span(token.span.start + base, token.span.end + base)
                    if token.is_word and moved.overlaps(span):
                        found.add((s, i))
        return found


def sentence_file(data: Path, event: int, publisher: str) -> Path:
    return (
        data
        / "texts"
        / "2-matched"
        / f"event_{event}"
        / f"orientation_{publisher}"
        / f"{event}_{publisher}_sent.txt"
    )


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")


@dataclass
class Located:
    exact: int = 0
    moved: int = 0
    lost: int = 0


def build_articles(
    data: Path,
    mentions: Sequence[Mention],
    events: Iterable[int],
    tokenize: Callable[[str], list[Token]],
    gold_type: str = GOLD_TYPE,
    limit: int = 0,
) -> tuple[list[Article], Located, list[str]]:
    """The articles of ``events`` (the first ``limit``, by event and publisher) with their gold
    words; counts of how the gold rows were found; the articles that have annotations but no
    sentence file."""
    wanted = set(events)
    keys = sorted({(m.event, m.publisher) for m in mentions if m.event in wanted})
    if limit:
        keys = keys[:limit]
    articles = []
    located = Located()
    missing = []
    for event, publisher in keys:
        path = sentence_file(data, event, publisher)
        if not path.is_file():
            missing.append(f"{event}_{publisher}")
            continue
        lines = read_lines(path)
        article = Article(event, publisher, lines, [tokenize(line) for line in lines])
        for mention in mentions:
            if (mention.event, mention.publisher, mention.code_type) != (
                event,
                publisher,
                gold_type,
            ):
                continue
            place = locate(mention, article.tokens)
            if place is None:
                located.lost += 1
                continue
            s, a, b, moved = place
            if moved:
                located.moved += 1
            else:
                located.exact += 1
            article.gold.update((s, i) for i in range(a, b + 1) if article.tokens[s][i].is_word)
        articles.append(article)
    return articles, located, missing


@dataclass(frozen=True)
class WordCounts:
    words: int = 0
    gold: int = 0
    flagged: int = 0
    both: int = 0

    def __add__(self, other: WordCounts) -> WordCounts:
        return WordCounts(
            self.words + other.words,
            self.gold + other.gold,
            self.flagged + other.flagged,
            self.both + other.both,
        )

    @property
    def precision(self) -> float:
        return self.both / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.both / self.gold if self.gold else 0.0


def word_counts(
    words: set[tuple[int, int]], gold: set[tuple[int, int]], flagged: set[tuple[int, int]]
) -> WordCounts:
    gold, flagged = gold & words, flagged & words
    return WordCounts(len(words), len(gold), len(flagged), len(gold & flagged))


def parse_events(value: str) -> list[int]:
    """``"0-4"`` -> [0, 1, 2, 3, 4]; ``"0,2"`` -> [0, 2]."""
    events: list[int] = []
    for part in value.split(","):
        low, _, high = part.strip().partition("-")
        events.extend(range(int(low), int(high or low) + 1))
    return sorted(set(events))


def _line(name: str, precision: float, recall: float) -> str:
    return f"{name:22} P {precision:.3f}  R {recall:.3f}  F1 {f1(precision, recall):.3f}"


def _phrases(terms: Iterable) -> list[Span]:  # type: ignore[type-arg]
    """What a loaded term flags: the phrase it colours ("brutal dictator"), else the term."""
    return [t.phrase or t.span for t in terms]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "newswcl50")
    parser.add_argument("--events", default="0-4", help="event ids: 0-4, or 0,2")
    parser.add_argument(
        "--lexicons", type=Path, help="a lexicon folder whose files replace the shipped ones"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--task", choices=("wording", "actors"), default="wording")
    import wcl_actors  # here: it imports this module

    wcl_actors.add_options(parser)
    args = parser.parse_args()
    path = args.data / "Annotations.csv"
    if not path.is_file():
        sys.exit(f"no Annotations.csv in {args.data}")
    if args.task == "actors":
        events = parse_events(args.events)
        wcl_actors.run(args.data, events, mode=args.mode, concepts=args.concepts, limit=args.limit)
        return
    started = time.monotonic()
    mentions = read_annotations(path)
    articles, located, missing = build_articles(
        args.data, mentions, parse_events(args.events), make_tokenizer(), limit=args.limit
    )
    if not articles:
        sys.exit(f"no articles for events {args.events} under {args.data / 'texts' / '2-matched'}")
    scores = pipeline.score_sentences([a.text() for a in articles], lexicon_dir=args.lexicons)
    every = own = WordCounts()
    for article, scored in zip(articles, scores, strict=True):
        words = article.words()
        every += word_counts(words, article.gold, article.flagged(_phrases(scored.terms)))
        own += word_counts(
            words, article.gold, article.flagged(_phrases(t for t in scored.terms if not t.quoted))
        )
    share = every.gold / every.words if every.words else 0.0
    print(
        f"NewsWCL50 events {args.events}: {len(articles)} articles, {every.words} words, "
        f"{every.gold} gold PROPERTY words"
        + (f"; no sentence file for {', '.join(missing)}" if missing else "")
    )
    print(
        f"PROPERTY rows: {located.exact} at their place, {located.moved} found nearby, "
        f"{located.lost} not found"
    )
    print(_line("framing, all terms", every.precision, every.recall))
    print(_line("framing, own voice", own.precision, own.recall))
    print(_line("baseline, every word", share, 1.0 if every.gold else 0.0))
    chance = every.flagged / every.words if every.words else 0.0
    print(_line("baseline, chance", share, chance) + f"  ({every.flagged} random words)")
    print(f"time {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
