"""Distinctive vocabulary: the words each outlet uses more than the others, Fightin' Words style.

Monroe, Colaresi and Quinn (2008), "Fightin' Words": the log-odds ratio of a word between one
outlet and all the others, with an informative Dirichlet prior from the whole collection, divided
by its standard deviation (a z-score).  The prior shrinks rare words toward the collection's
rate, so a word used twice by a small outlet does not top the list, which keeps the method stable
on a handful of articles; it works for any number of outlets (each against the rest).

Words: the article text (page chrome left out), lower-cased, two letters or more, without
scikit-learn's English stop words.  PRIOR is the prior's total weight, as a multiple of the mean
outlet's word count; a word is listed when it is used at least MIN_COUNT times and its z-score
is at least MIN_Z (1.96, the two-sided 5% point of the normal distribution).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from framing.compare.vectors import STOP_WORDS
from framing.records import DistinctiveWord, Document, Vocabulary

PRIOR = 1.0
MIN_COUNT = 2
MIN_Z = 1.96
TOP = 10
_WORD = re.compile(r"[a-z][a-z'\u2019-]*[a-z]")


def _counts(documents: Sequence[Document]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for doc in documents:
        for region in doc.article:
            for word in _WORD.findall(doc.text[region.start : region.end].lower()):
                word = word.replace("\u2019", "'")
                if word.endswith("'s"):
                    word = word[:-2]
                if len(word) > 1 and word not in STOP_WORDS:
                    counts[word] += 1
    return counts


def distinctive(documents: Sequence[Document], *, top: int = TOP) -> tuple[Vocabulary, ...]:
    """Each outlet's most distinctive words against the other outlets, by z-score."""
    outlets = sorted({d.outlet for d in documents})
    if len(outlets) < 2:
        return ()
    counts = {o: _counts([d for d in documents if d.outlet == o]) for o in outlets}
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    grand = sum(total.values())
    if not grand:
        return ()
    a0 = PRIOR * grand / len(outlets)
    result = []
    for outlet in outlets:
        mine = counts[outlet]
        n_i = sum(mine.values())
        n_j = grand - n_i
        words = []
        for word, count in mine.items():
            if count < MIN_COUNT:
                continue
            alpha = a0 * total[word] / grand
            other = total[word] - count
            delta = math.log((count + alpha) / (n_i + a0 - count - alpha)) - math.log(
                (other + alpha) / (n_j + a0 - other - alpha)
            )
            z = delta / math.sqrt(1 / (count + alpha) + 1 / (other + alpha))
            if z >= MIN_Z:
                words.append(DistinctiveWord(word, z, count, other))
        words.sort(key=lambda w: (-w.z, w.word))
        result.append(Vocabulary(outlet, tuple(words[:top])))
    return tuple(result)
