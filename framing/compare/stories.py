"""Stories in a mixed corpus: which documents of a run report one story, and the comparison
within each story (facts, claims, omissions, labels, sources and vocabulary never cross stories).

Each document is two sparse vectors, both unit length: the TF-IDF of its article text (page
chrome left out; English stop words out, sublinear counts) and the TF-IDF of the actors it names
(their names linked across the run).  The score of two documents is ``(1 - ACTOR_WEIGHT) *
cosine(words) + ACTOR_WEIGHT * cosine(actors)``.  Each document keeps its NEIGHBOURS best links
that reach LINK_MIN and, when both documents carry a date, are at most WINDOW_DAYS apart.  The
links, strongest first, then join groups by average linkage: two groups join when the mean score
of all their pairs reaches LINK_MIN, so one article that resembles two stories does not chain
them (single linkage over the same links, without dates, merged SEESAW's and BASIL's 212
political stories into 73), and when their dated articles still lie within SPAN_DAYS.

IDF from a handful of articles of one story weighs least the very words they all share, and
split such runs: a run of fewer than MIN_RUN documents is weighted as if it had MIN_RUN, the
missing ones using none of its words.  Measured (``evaluation/stories.py``, dev figures: the
values were chosen there): SEESAW's and BASIL's 212 stories mixed, B-cubed F1 0.949 (0.830
without dates); ECB+'s 42 events, 0.921; each story run alone stays one story 212 times of 212
(206 without the rule of WHOLE_MAX below) and 40 of ECB+'s 42 (28 without).

The work grows near-linearly with the corpus, never with all its pairs: similarities are computed
a block of rows at a time as sparse products against the whole matrix, keeping a few links per
row, and a word or actor of more than POSTINGS_MAX documents is dropped first (it is too common
to tell stories apart at that scale), so a document meets at most POSTINGS_MAX others per word.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from framing.actors import stances
from framing.compare import claims as claim_table
from framing.compare import facts as fact_table
from framing.compare import labels as label_table
from framing.compare import omissions, topic, vectors, vocabulary
from framing.compare import sources as source_profiles
from framing.records import Analysis, Document, Rejected, Story

# Chosen on SEESAW + BASIL and ECB+ together (evaluation/stories.py --grid): actors at 0.2
# help a little without dates (B-cubed 0.830 against 0.820 for words alone) and cost nothing
# elsewhere; LINK_MIN 0.15 with 3 neighbours was the best mean over the three runs (0.18 splits
# more single stories); a week of dates (2 days: 0.961 on SEESAW + BASIL, whose stories carry one
# date each, which flatters short windows; 30 days: 0.935) allows follow-up coverage.
ACTOR_WEIGHT = 0.2
LINK_MIN = 0.15
NEIGHBOURS = 3
WINDOW_DAYS = 7
# A story's dated articles lie within a month: on the 5,000 ABP articles (2012-2020), links a
# week apart and undated articles otherwise chained six years of Middle East coverage into one
# 'story'; no effect on the measured data, whose stories lie within days.
SPAN_DAYS = 30
MIN_RUN = 100  # the five sample articles stay one story up to LINK_MIN 0.22 (0.17 without)
POSTINGS_MAX = 400  # a word or actor of more documents than this is dropped
# A folder a user gives as one story stays one story unless it clearly holds several.  In a run
# of at most WHOLE_MAX articles whose dated articles lie within SPAN_DAYS, linkage that leaves
# one group of two or more and some lone articles has found one story and its outliers (a short
# piece, another angle): a lone article whose mean score with that group reaches WHOLE_MIN
# joins it.  Two groups of two or more stay apart.  Measured (evaluation/stories.py, dev): each
# SEESAW and BASIL story alone stays one 212 times of 212 (206 before), each ECB+ event 40 of 42
# (28); 100 random runs of two SEESAW/BASIL stories without dates are kept whole 5 times, as
# before; any WHOLE_MIN from 0.03 to 0.08 gives the same figures.
WHOLE_MAX = 30
WHOLE_MIN = 0.05
# The grouping's settings, in the stage cache's key: a changed rule groups the run again.
RULES = f"fold-lone {LINK_MIN} {NEIGHBOURS} {ACTOR_WEIGHT} {WINDOW_DAYS} {SPAN_DAYS} {WHOLE_MAX} {WHOLE_MIN}"
BLOCK = 512  # rows of the similarity matrix computed at once
TERMS = 3  # words that name a story
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TERM = re.compile(r"[a-z][a-z-]+[a-z]")
# Words of attribution that every news story uses: in a run of a few articles they can top a
# story's weights, and they name no story ("said-governor-georgia").
_REPORTING = {"said", "says", "say", "saying", "told", "tells", "according", "added", "reported"}


def compare(
    documents: Sequence[Document],
    *,
    version: str,
    warnings: tuple[str, ...] = (),
    rejected: tuple[Rejected, ...] = (),
) -> Analysis:
    """The comparison of the documents of one story."""
    documents = sorted(topic.mark(documents), key=lambda d: d.id)
    numbers = fact_table.items(documents, quoted=True)  # once, for the facts and the omissions
    facts = fact_table.align(documents, numbers=numbers)
    claims, exclusives = claim_table.align(documents, facts)
    return Analysis(
        framing_version=version,
        documents=tuple(documents),
        facts=facts,
        omissions=omissions.omissions(facts, documents, numbers=numbers, claims=claims),
        labels=label_table.table(documents),
        sources=source_profiles.profiles(documents),
        warnings=warnings,
        claims=claims,
        exclusives=exclusives,
        shared_quotes=claim_table.shared_quotes(documents),
        vocabulary=vocabulary.distinctive(documents),
        outlet_stances=stances.by_outlet(documents),
        rejected=rejected,
    )


def combine(
    stories: Sequence[Story],
    *,
    version: str,
    warnings: tuple[str, ...] = (),
    rejected: tuple[Rejected, ...] = (),
) -> Analysis:
    """The run's Analysis when it holds several stories: every document, and each story's
    comparison apart in ``stories``; nothing is compared across stories."""
    documents = sorted((d for s in stories for d in s.analysis.documents), key=lambda d: d.id)
    return Analysis(
        framing_version=version,
        documents=tuple(documents),
        warnings=warnings,
        stories=tuple(stories),
        rejected=rejected,
    )


def _day(date: str | None) -> int:
    """The date's day number (ISO ``YYYY-MM-DD`` at the start of the field); -1 when unknown."""
    found = _DATE.match(date or "")
    if not found:
        return -1
    try:
        return datetime.date(*(int(part) for part in found.groups())).toordinal()
    except ValueError:
        return -1


def _find(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _join(
    words: vectors.Matrix,
    actors: vectors.Matrix,
    links: Sequence[tuple[float, int, int]],
    days: Sequence[int],
    *,
    actor_weight: float,
    link_min: float,
    span_days: int,
) -> list[int]:
    """Average linkage over the links, strongest first: two groups join when the mean score of
    all their pairs of documents reaches ``link_min``, so one document that resembles two
    stories does not chain them into one.  A group keeps the sum of its documents' vectors, so
    that mean is one sparse dot product."""
    parent = list(range(words.shape[0]))
    sums: dict[int, vectors.Vector] = {}
    size = [1] * words.shape[0]
    span = [(day, day) if day >= 0 else None for day in days]
    for _, i, j in links:
        a, b = _find(parent, i), _find(parent, j)
        if a == b:
            continue
        first, second = span[a], span[b]
        joined = (
            (min(first[0], second[0]), max(first[1], second[1]))
            if first and second
            else first or second
        )
        if joined and joined[1] - joined[0] > span_days:
            continue
        for root in (a, b):
            if root not in sums:
                sums[root] = vectors.vector(words, actors, root, actor_weight)
        if vectors.dot(sums[a], sums[b]) / (size[a] * size[b]) < link_min:
            continue
        keep, gone = min(a, b), max(a, b)
        sums[keep] = vectors.add(sums[keep], sums.pop(gone))
        size[keep] += size[gone]
        span[keep] = joined
        parent[gone] = keep
    return parent


def _fold(groups: list[list[int]], scores: Any, *, whole_min: float) -> list[list[int]]:
    """A small run's groups with its lone articles folded back into its story: when at most
    one group holds two articles or more, each lone article whose mean score with that group
    (with every other article, when there is none) reaches ``whole_min`` joins it.  Two groups of
    two or more are two stories, and stay apart."""
    cores = [g for g in groups if len(g) > 1]
    if len(cores) > 1:
        return groups
    core = cores[0] if cores else []
    alone = sorted(i for g in groups if len(g) == 1 for i in g)
    if not core:
        # no story of two: the articles are one story when each is near the others on average
        core, alone = alone[:1], alone[1:]
    joined, apart = list(core), list[int]()
    for i in alone:
        others = [j for j in (core if len(core) > 1 else joined) if j != i]
        (joined if float(scores[i, others].mean()) >= whole_min else apart).append(i)
    return [sorted(joined), *([i] for i in apart)]


def _text(doc: Document) -> str:
    return "\n".join(doc.text[span.start : span.end] for span in doc.article)


def _named(document: Document, actors: Mapping[str, Collection[str]] | None) -> set[str]:
    """The actors a document names: from ``actors`` when given, else from its stance."""
    return set(actors[document.id]) if actors is not None else {s.actor for s in document.stance}


# A story as ``partition`` gives it: its documents' ids, its key words.
Part = tuple[tuple[str, ...], tuple[str, ...]]


def group(documents: Sequence[Document], **options: Any) -> tuple[Story, ...]:
    """The stories of a run, largest first (then the earliest, then by first id), each holding
    its documents (sorted by id) and no comparison yet (see ``compare``).  The story's id is
    its number and TERMS key words, its title the headline of its earliest document.
    ``options`` are ``partition``'s (``actors``: the actors each document names, by document
    id, when its ``stance`` is not filled in yet)."""
    return assemble(documents, partition(documents, **options))


def read_by_partition(
    documents: Sequence[Document], actors: Mapping[str, Collection[str]] | None
) -> list[str]:
    """Everything ``partition`` reads of the documents, in order (for a cache key): ids, article
    text, dates, the actors named."""
    found = []
    for d in sorted(documents, key=lambda d: d.id):
        found += [d.id, _text(d), d.date or "", "\0".join(sorted(_named(d, actors)))]
    return found


def assemble(documents: Sequence[Document], parts: Sequence[Part]) -> tuple[Story, ...]:
    """The Stories of ``partition``'s parts, numbered in their order."""
    by_id = {d.id: d for d in documents}
    width = max(2, len(str(len(parts))))
    return tuple(
        _story([by_id[i] for i in ids], terms, number, width)
        for number, (ids, terms) in enumerate(parts, 1)
    )


def partition(
    documents: Sequence[Document],
    *,
    link_min: float = LINK_MIN,
    window_days: int = WINDOW_DAYS,
    neighbours: int = NEIGHBOURS,
    actor_weight: float = ACTOR_WEIGHT,
    span_days: int = SPAN_DAYS,
    whole_max: int = WHOLE_MAX,
    whole_min: float = WHOLE_MIN,
    actors: Mapping[str, Collection[str]] | None = None,
) -> tuple[Part, ...]:
    """``group``'s stories as (document ids, key words), in order: the work of grouping, which
    ``framing.pipeline`` keeps in the stage cache."""
    documents = sorted(documents, key=lambda d: d.id)
    every: tuple[Part, ...] = ((tuple(d.id for d in documents), ()),)
    if len(documents) < 2:
        return every
    try:
        names, counted = vectors.word_weights([_text(d) for d in documents], min_run=MIN_RUN)
    except ValueError:  # no word left after stop words: nothing tells the documents apart
        return every
    words = vectors.drop_common(counted, postings_max=POSTINGS_MAX)
    named = vectors.set_weights([_named(d, actors) for d in documents], empty=counted)
    actor_vectors = vectors.drop_common(named, postings_max=POSTINGS_MAX)
    days = [_day(d.date) for d in documents]
    links = vectors.links(
        words,
        actor_vectors,
        days,
        link_min=link_min,
        window_days=window_days,
        neighbours=neighbours,
        actor_weight=actor_weight,
        block_rows=BLOCK,
    )
    parent = _join(
        words,
        actor_vectors,
        links,
        days,
        actor_weight=actor_weight,
        link_min=link_min,
        span_days=span_days,
    )
    members: dict[int, list[int]] = {}
    for i in range(len(documents)):
        members.setdefault(_find(parent, i), []).append(i)
    groups = list(members.values())
    dated = [day for day in days if day >= 0]
    if (
        len(groups) > 1
        and len(documents) <= whole_max
        and (not dated or max(dated) - min(dated) <= span_days)
    ):
        scores = vectors.pair_scores(words, actor_vectors, actor_weight=actor_weight)
        groups = _fold(groups, scores, whole_min=whole_min)
    ordered = sorted(
        groups,
        key=lambda m: (-len(m), min((days[i] for i in m if days[i] >= 0), default=-1), m[0]),
    )
    stories = []
    for indices in ordered:
        ranked = vectors.ranked_terms(counted, names, indices, limit=TERMS * 5)
        terms = [t for t in ranked if _TERM.fullmatch(t) and t not in _REPORTING]
        stories.append((tuple(documents[i].id for i in indices), tuple(terms[:TERMS])))
    return tuple(stories)


def _story(documents: Sequence[Document], terms: tuple[str, ...], number: int, width: int) -> Story:
    dated = sorted(documents, key=lambda d: (_day(d.date) < 0, _day(d.date), d.id))
    title = next((d.title for d in dated if d.title), None) or " ".join(terms)
    slug = "-".join([f"{number:0{width}d}", *terms])
    return Story(slug, title, terms, Analysis(framing_version="", documents=tuple(documents)))
