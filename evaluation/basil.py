"""Measure framing's loaded-wording score on BASIL (Fan et al. 2019).

Usage: python evaluation/basil.py --data ../shared/eval/basil [--lexicons DIR] [--limit N]

Each article ``articles/<year>/<uuid>_<k>.json`` is read as its list of sentences
(``body-paragraphs`` flattened, in order) and paired with ``annotations/<year>/<uuid>_<k>_ann.json``.
A phrase annotation whose ``bias`` is ``lex`` (lexical bias: the wording itself is loaded) marks
characters ``start``..``end`` of sentence ``p<N>``; ``inf`` (informational bias: what is told)
annotations and the one on the title (``id`` ``title``) are left out.  Every sentence goes to
``score_sentences`` in one call, each sentence as its own text.

Sentence level: a sentence is positive when it holds a lexical-bias span.  The ROC-AUC (scikit-
learn's ``roc_auc_score``; ties count half) of ``SentenceScore.score`` (the default pipeline's
score of the outlet's own voice: the lexicon score combined with the learned sentence head), of
``SentenceScore.lexicon`` (the weights of the terms outside quotes) and of ``score_all``
(quotes included).  For comparison the team measured 0.65 for MPQA strong-subjective density and 0.63 for VADER.

Span level, by words (runs of letters and digits, with inner hyphens and apostrophes: "far-right",
"Obama's"): a word is flagged when a flagged term overlaps it, and gold when a lexical span overlaps
it.  Precision = flagged words that are gold / flagged words, recall = gold words flagged / gold
words, over every sentence of every article read; given for all flagged terms and for the outlet's
own voice (terms outside direct quotes).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import Counts, auc, f1  # noqa: E402

from framing import pipeline  # noqa: E402
from framing.records import Span  # noqa: E402

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SENTENCE_ID = re.compile(r"p(\d+)")


@dataclass(frozen=True)
class Sentence:
    article: str  # <year>/<uuid>_<k>
    index: int
    text: str
    lexical: tuple[Span, ...]  # lexical-bias spans, offsets into text


def is_lexical(bias: str) -> bool:
    """``lex`` (and spelled out, ``Lexical``) is lexical bias; ``inf`` is informational."""
    return bias.strip().lower().startswith("lex")


def read_sentences(path: Path) -> list[str]:
    """The article's sentences: ``body-paragraphs`` flattened."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [sentence for paragraph in data["body-paragraphs"] for sentence in paragraph]


def read_lexical(path: Path) -> dict[int, list[Span]]:
    """Lexical-bias spans by sentence index, from one ``_ann.json`` file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spans: dict[int, list[Span]] = {}
    for phrase in data.get("phrase-level-annotations", []):
        found = _SENTENCE_ID.fullmatch(str(phrase.get("id", "")))
        if not found or not is_lexical(str(phrase.get("bias", ""))):
            continue
        spans.setdefault(int(found.group(1)), []).append(
            Span(int(phrase["start"]), int(phrase["end"]))
        )
    return spans


def load(data: Path, limit: int = 0) -> tuple[list[Sentence], int, int]:
    """Sentences of every annotated article (the first ``limit`` articles, sorted by path), the
    number of articles read and the number of lexical spans that fall outside their sentence."""
    articles = sorted((data / "articles").glob("*/*.json"))
    sentences: list[Sentence] = []
    read = outside = 0
    for path in articles:
        annotation = data / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if not annotation.is_file():
            continue
        if limit and read >= limit:
            break
        read += 1
        texts = read_sentences(path)
        lexical = read_lexical(annotation)
        outside += sum(len(v) for k, v in lexical.items() if k >= len(texts))
        name = f"{path.parent.name}/{path.stem}"
        for i, text in enumerate(texts):
            kept = tuple(s for s in lexical.get(i, ()) if s.end <= len(text))
            outside += len(lexical.get(i, ())) - len(kept)
            sentences.append(Sentence(name, i, text, kept))
    return sentences, read, outside


def words(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _WORD.finditer(text)]


# Flagged terms (words, for BASIL) against gold biased words (lexical-span words).
WordCounts = Counts


def word_counts(text: str, gold: Iterable[Span], flagged: Iterable[Span]) -> WordCounts:
    """Words of ``text`` flagged, gold, and both."""
    gold, flagged, found = list(gold), list(flagged), words(text)
    is_gold = [any(w.overlaps(g) for g in gold) for w in found]
    is_flagged = [any(w.overlaps(f) for f in flagged) for w in found]
    both = sum(1 for g, f in zip(is_gold, is_flagged, strict=True) if g and f)
    return WordCounts(sum(is_flagged), both, sum(is_gold), both)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "basil")
    parser.add_argument(
        "--lexicons", type=Path, help="a lexicon folder whose files replace the shipped ones"
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    started = time.monotonic()
    sentences, articles, outside = load(args.data, args.limit)
    if not sentences:
        sys.exit(f"no annotated articles under {args.data}")
    scores = pipeline.score_sentences([s.text for s in sentences], lexicon_dir=args.lexicons)
    labels = [bool(s.lexical) for s in sentences]
    every = own = WordCounts()
    for sentence, scored in zip(sentences, scores, strict=True):
        every += word_counts(sentence.text, sentence.lexical, (t.span for t in scored.terms))
        own += word_counts(
            sentence.text, sentence.lexical, (t.span for t in scored.terms if not t.quoted)
        )
    spans = sum(len(s.lexical) for s in sentences)
    print(
        f"BASIL: {articles} articles, {len(sentences)} sentences, {sum(labels)} with a lexical-bias "
        f"span ({spans} spans{f', {outside} outside their sentence dropped' if outside else ''})"
    )
    print(
        f"sentence ROC-AUC  score {auc(labels, [s.score for s in scores]):.3f}  "
        f"lexicon {auc(labels, [s.lexicon for s in scores]):.3f}  "
        f"score_all {auc(labels, [s.score_all for s in scores]):.3f}  "
        f"(baselines: MPQA 0.65, VADER 0.63)"
    )
    for name, counts in (("all terms", every), ("own voice", own)):
        print(
            f"words {name:9}  P {counts.precision:.3f}  R {counts.recall:.3f}  "
            f"F1 {f1(counts.precision, counts.recall):.3f}  "
            f"({counts.flagged_hits} of {counts.flagged} flagged words in lexical spans, "
            f"{counts.gold_hits} of {counts.gold} lexical-span words flagged)"
        )
    print(f"time {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
