"""Measure framing's stance toward actors on SEESAW (Zhang, Beauchamp and Wang 2022).

Usage: python evaluation/seesaw.py --data ../shared/eval/seesaw [--mode framing|baseline|both]
       [--threshold 0.05] [--split train,valid] [--limit N]

Data: ``meta/TRIPLET_<n>.json`` holds a story's ``Split`` (127 train, 35 valid; no test stories are
shipped), ``articles/`` and ``annotations/TRIPLET_<n>_DOCUMENT_<k>.json`` its three articles.  An
article is a ``title`` and a list of ``text`` sentences (empty ones dropped); framing reads it as
``T<n>_D<k>.txt``: the title, a blank line, the sentences joined by spaces on one line (paragraphs
are not given; one line keeps a quote over several sentences whole).  One ``pipeline.analyze`` call
per story, so actor names agree across its articles.

Gold: ``entity sentiments`` maps each entity of ``entity lists`` (name, then a type, a role and a
letter per annotator) to ``[label, annotator]`` pairs.  Kept: entities whose most frequent type
(first on a tie) is People, Organization or GPE; Topic, Event, Others, Religion are left out and
counted.  Labels fold to their sign (Slightly/Very Negative -> negative ...); Unknown is dropped
(an entity with only Unknown is left out and counted).  Several annotators (one entity in nine):
the majority, a tie going to the sign of the mean of +1/0/-1.

Measure: each gold (article, entity) pair once.  Score > +threshold: positive, < -threshold:
negative, else neutral; an entity not reported is neutral.  Macro-F1: the mean of the three
classes' F1.  Coverage: gold non-neutral pairs whose entity is reported in that article (any score,
zero too) / gold non-neutral pairs.  framing reports an entity when an ``ActorStance`` of the
document matches it, on normalised names (lower-cased, "U.S." -> "us", possessive 's, punctuation,
"the" and leading titles such as "Mr." dropped), the strongest rule winning, then the actor with
more mentions: (3) the gold name is the actor or one of its ``names``; (2) a gold person and a
framing person whose actor or a name ends in the gold name's last token; (1) the tokens of one name
all occur in the other ("Obama", "Barack Obama").  The reported figure is framing's own class for
the actor in the document (``ActorStance.label``: the majority class of its own-voice mentions).
For comparison, two figures from thresholded scores: ``score`` (own voice), and all
voices (the mean score of the ``details`` mentions with a cue, quoted or not; without such details
the mean of ``score`` and ``quoted_score`` when there is one).

Calibration (the issue): VADER over the sentences naming the entity about 0.34 macro-F1, the gold
sentence-level stances 0.59, annotators 0.60-0.70; target 0.45 with coverage 0.85.  Baselines here:
VADER, the mean valence (``lexicons/valence.tsv``) of the words that have one, the entity's own
name words left out, in the title and sentences (cut further by a regular expression) that name the
entity (its name, or a person's last word, as a whole word, any case); and the gold sentence
stances, the mean of +1 (POS) and -1 (NEG) over the article's triples whose object is the entity.
Neither reports an entity it finds nothing for.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import f1  # noqa: E402

from framing.records import ActorStance  # noqa: E402

if TYPE_CHECKING:
    from framing.nlp import Parser

CLASSES = ("negative", "neutral", "positive")
SIGN = {"negative": -1, "neutral": 0, "positive": 1}
KINDS = {"People": "person", "Organization": "organisation", "GPE": "place"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president"}
ABBREVIATIONS = TITLES | {"st", "jr", "sr", "gen", "lt", "col", "vs", "no", "inc", "corp", "co"}
_BOUNDARY = re.compile(r"(\w*)[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


@dataclass(frozen=True)
class Gold:
    entity: str
    kind: str  # person | organisation | place
    label: str  # negative | neutral | positive


@dataclass(frozen=True)
class Article:
    id: str  # T000_D0
    title: str
    sentences: tuple[str, ...]
    gold: tuple[Gold, ...]
    stances: tuple[tuple[str, str], ...] = ()  # gold sentence-level (object, POS | NEG)

    def text(self) -> str:
        return f"{self.title}\n\n{' '.join(self.sentences)}\n"


@dataclass(frozen=True)
class Story:
    id: str
    articles: tuple[Article, ...]


def fold(label: str) -> str | None:
    """The sign of a label: Slightly Negative -> negative, Neutral -> neutral, Unknown -> None."""
    label = label.strip().lower()
    if label == "neutral":
        return "neutral"
    return next((c for c in ("positive", "negative") if label.endswith(c)), None)


def classify(score: float, threshold: float) -> str:
    return "positive" if score > threshold else "negative" if score < -threshold else "neutral"


def combine(labels: Sequence[str]) -> str | None:
    """Several annotators' labels: the majority of the folded ones, a tie to the mean's sign."""
    folded = [c for c in map(fold, labels) if c]
    if not folded:
        return None
    counts = Counter(folded).most_common()
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        return counts[0][0]
    return classify(sum(SIGN[c] for c in folded) / len(folded), 0.0)


def read_gold(annotation: dict[str, Any], skipped: Counter[str]) -> tuple[Gold, ...]:
    types = {
        entry[0]: Counter(entry[1]).most_common(1)[0][0] for entry in annotation["entity lists"]
    }
    gold = []
    for entity, votes in annotation["entity sentiments"].items():
        kind = KINDS.get(types.get(entity, ""))
        label = combine([vote[0] for vote in votes])
        if kind is None:
            skipped["another type"] += 1
        elif label is None:
            skipped["only Unknown"] += 1
        else:
            gold.append(Gold(entity, kind, label))
    return tuple(gold)


def read_seesaw(
    data: Path, splits: Sequence[str] = ("train", "valid"), limit: int = 0
) -> tuple[list[Story], Counter[str]]:
    """The stories of ``splits`` (the first ``limit``) and counts of the gold entities left out."""
    stories, skipped = [], Counter[str]()
    for meta_path in sorted((data / "meta").glob("TRIPLET_*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("Split") not in splits:
            continue
        n = meta_path.stem.removeprefix("TRIPLET_")
        articles = []
        for k in range(3):
            name = f"TRIPLET_{n}_DOCUMENT_{k}.json"
            article = json.loads((data / "articles" / name).read_text(encoding="utf-8"))
            annotation = json.loads((data / "annotations" / name).read_text(encoding="utf-8"))
            sentences = tuple(s["text"].strip() for s in article["text"] if s["text"].strip())
            stances = tuple(
                (t["object"], t["sentiment"])
                for triples in annotation["sentence-level stances"].values()
                for t in triples
            )
            gold = read_gold(annotation, skipped)
            articles.append(
                Article(f"T{n}_D{k}", article["title"].strip(), sentences, gold, stances)
            )
        stories.append(Story(n, tuple(articles)))
        if limit and len(stories) >= limit:
            break
    return stories, skipped


# Baselines


def read_valence(path: Path) -> dict[str, float]:
    valence = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        term, _, value = line.partition("\t")
        if line.strip() and not line.startswith("#") and term != "term":
            valence[term.strip().lower()] = float(value)
    return valence


def split_sentences(text: str) -> list[str]:
    """Cut at . ! ? (and closing quotes) before a capital, not after "Mr." or an initial."""
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(text):
        word = match.group(1)
        if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    return [s for s in [*sentences, text[start:].strip()] if s]


def naming(entity: str, kind: str) -> re.Pattern[str]:
    """The entity's name, or for a person its last word, as a whole word, case ignored."""
    names = [entity] + ([entity.split()[-1]] if kind == "person" and " " in entity else [])
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def vader_score(sentences: Sequence[str], gold: Gold, valence: dict[str, float]) -> float | None:
    pattern = naming(gold.entity, gold.kind)
    named = [s for s in sentences if pattern.search(s)]
    if not named:
        return None
    own = set(words(gold.entity))
    found = [valence[w] for s in named for w in words(s) if w in valence and w not in own]
    return sum(found) / len(found) if found else 0.0


def sentence_stance(article: Article, gold: Gold) -> float | None:
    signs = [1 if s == "POS" else -1 for o, s in article.stances if o == gold.entity]
    return sum(signs) / len(signs) if signs else None


# framing


def normalise(name: str) -> str:
    """Compared form of a name: The U.S. Senate's -> us senate, Mr. Obama -> obama."""
    text = re.sub(r"'s\b|(?<=s)'(?!\w)", "", name.lower().replace("\u2019", "'")).replace(".", "")
    tokens = [t for t in re.sub(r"[\W_]+", " ", text).split() if t != "the"]
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def strength(gold: Gold, actor: ActorStance) -> int:
    """3 same name, 2 a person's last token, 1 token containment, 0 no match."""
    target = normalise(gold.entity)
    names = {n for n in map(normalise, (actor.actor, *actor.names)) if n}
    if not target or not names:
        return 0
    if target in names:
        return 3
    if gold.kind == actor.kind == "person" and any(
        n.split()[-1] == target.split()[-1] for n in names
    ):
        return 2
    ours = set(target.split())
    if any(ours <= set(n.split()) or set(n.split()) <= ours for n in names):
        return 1
    return 0


def match(gold: Gold, actors: Sequence[ActorStance]) -> ActorStance | None:
    ranked = [(strength(gold, a), len(a.mentions), a) for a in actors]
    best = max(ranked, key=lambda r: (r[0], r[1]), default=None)
    return best[2] if best and best[0] else None


def all_voices(stance: ActorStance) -> float:
    cued = [m.score for m in stance.details if m.cues]
    if cued:
        return sum(cued) / len(cued)
    scores = [stance.score] + ([stance.quoted_score] if stance.quoted_score is not None else [])
    return sum(scores) / len(scores)


def write_story(story: Story, under: Path) -> Path:
    """The story as a folder of .txt articles under ``under`` (how framing reads it)."""
    folder = under / f"T{story.id}"
    folder.mkdir()
    for article in story.articles:
        (folder / f"{article.id}.txt").write_text(article.text(), encoding="utf-8")
    return folder


def run_framing(
    stories: Sequence[Story], parser: Parser | None = None
) -> dict[str, tuple[ActorStance, ...]]:
    """Each article's stance records, one ``pipeline.analyze`` call per story."""
    from framing import pipeline

    found: dict[str, tuple[ActorStance, ...]] = {}
    with tempfile.TemporaryDirectory(prefix="seesaw-") as tmp:
        for story in stories:
            analysis, parser = pipeline.analyze([write_story(story, Path(tmp))], parser=parser)
            found.update((doc.id, doc.stance) for doc in analysis.documents)
    return found


# The measure


def macro_f1(pairs: Sequence[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over CLASSES of (gold, predicted) pairs, and each class's F1."""
    per = {}
    for c in CLASSES:
        hit = sum(1 for g, p in pairs if g == p == c)
        predicted = sum(1 for _, p in pairs if p == c)
        gold = sum(1 for g, _ in pairs if g == c)
        per[c] = f1(hit / predicted if predicted else 0.0, hit / gold if gold else 0.0)
    return sum(per.values()) / len(per), per


def coverage(scored: Sequence[tuple[str, float | None]]) -> tuple[int, int]:
    """(reported, all) gold non-neutral pairs; a score of None is an entity not reported."""
    non_neutral = [score for label, score in scored if label != "neutral"]
    return sum(1 for score in non_neutral if score is not None), len(non_neutral)


def evaluate(scored: Sequence[tuple[str, float | None]], threshold: float) -> str:
    """One line for (gold label, score or None) pairs: macro-F1, each class's F1, coverage."""
    macro, per = macro_f1(
        [(g, "neutral" if s is None else classify(s, threshold)) for g, s in scored]
    )
    covered, non_neutral = coverage(scored)
    share = covered / non_neutral if non_neutral else 0.0
    classes = "  ".join(f"{c[:3]} {per[c]:.3f}" for c in CLASSES)
    return f"macro-F1 {macro:.3f}  ({classes})  coverage {share:.3f} ({covered} of {non_neutral})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "seesaw")
    parser.add_argument("--mode", choices=("framing", "baseline", "both"), default="framing")
    parser.add_argument(
        "--threshold", type=float, default=0.05, help="|score| above it: not neutral"
    )
    parser.add_argument("--split", default="train,valid", help="stories of these splits")
    parser.add_argument("--limit", type=int, default=0, help="only the first N stories")
    args = parser.parse_args()
    if not (args.data / "meta").is_dir():
        sys.exit(f"no meta/ in {args.data}")
    started = time.monotonic()
    stories, skipped = read_seesaw(args.data, args.split.split(","), args.limit)
    articles = [a for s in stories for a in s.articles]
    golds = [g for a in articles for g in a.gold]
    if not golds:
        sys.exit(f"no gold entities for split {args.split} in {args.data}")
    kinds = Counter(g.kind for g in golds)
    labels = Counter(g.label for g in golds)
    print(
        f"SEESAW {args.split}: {len(stories)} stories, {len(articles)} articles, {len(golds)} gold "
        f"pairs ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}); left out: "
        + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
    )
    print("gold " + "  ".join(f"{c} {labels[c]} ({labels[c] / len(golds):.0%})" for c in CLASSES))
    print(f"threshold {args.threshold}")
    if args.mode in ("baseline", "both"):
        valence = read_valence(ROOT / "lexicons" / "valence.tsv")
        vader, stances = [], []
        for a in articles:
            cut = [part for s in (a.title, *a.sentences) for part in split_sentences(s)]
            vader += [(g.label, vader_score(cut, g, valence)) for g in a.gold]
            stances += [(g.label, sentence_stance(a, g)) for g in a.gold]
        print(f"{'baseline VADER':24}{evaluate(vader, args.threshold)}")
        print(f"{'gold sentence stances':24}{evaluate(stances, args.threshold)}")
    if args.mode in ("framing", "both"):
        found = run_framing(stories)
        matched = [(g.label, match(g, found.get(a.id, ()))) for a in articles for g in a.gold]
        print(
            f"framing: stance records in {sum(map(bool, found.values()))} of {len(articles)} articles"
        )
        own = [(label, None if st is None else st.score) for label, st in matched]
        every = [(label, None if st is None else all_voices(st)) for label, st in matched]
        sign = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
        voted = [(label, None if st is None else sign[st.label]) for label, st in matched]
        print(f"{'framing label':24}{evaluate(voted, 0.5)}")
        print(f"{'framing own voice':24}{evaluate(own, args.threshold)}")
        print(f"{'framing all voices':24}{evaluate(every, args.threshold)}")
    print(
        "issue: VADER 0.34, gold sentence stances 0.59, annotators 0.60-0.70; "
        "target macro-F1 >= 0.45 with coverage >= 0.85"
    )
    print(f"time {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
