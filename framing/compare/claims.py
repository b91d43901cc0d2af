"""Claims across outlets: the same event in each outlet's words, what only one outlet reports,
and quotations several outlets share.

Sentences are compared with TF-IDF (scikit-learn; English stop words out, sublinear counts) plus
a bonus for the actors both name (ACTOR_BONUS each, at most three).  Each sentence keeps only its
best match in each other document, and two sentences form a claim when each is the other's best
match and their similarity reaches CLAIM_MIN; claims grow from the strongest links, one sentence
per document.  Similarities are computed a block of rows at a time against the sparse matrix, so
memory grows with the corpus, not with its square.

A sentence is exclusive to its document when no sentence elsewhere reaches CLAIM_MIN in cosine,
has at least MIN_WORDS words, names an actor or a number, and uses at least NOVEL_MIN words (four
letters or more) that no other document uses; each document keeps the EXCLUSIVE_PER_DOC with the
most such words, an actor that no other document names counting ACTOR_WEIGHT words.  The actors
only one document names are listed too (ACTORS_PER_DOC at most: people and organisations first,
then groups and places, each most mentioned first).  Facts only one document reports are exclusive too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from framing.compare.vectors import tfidf
from framing.records import (
    Attribution,
    Claim,
    ClaimText,
    Document,
    Exclusive,
    Fact,
    SharedQuote,
    Span,
)

CLAIM_MIN = 0.3  # cosine (plus actor bonus) for two sentences to report the same thing
SHARED_WORDING = 0.8  # cosine alone: near-identical wording, wire copy or a reused passage
ACTORS_PER_DOC = 5  # actors only one document names: people and bodies first, most mentioned first
# People and organisations before groups and places: who acts, not where ("Ohio"), fills the slots.
KIND_ORDER = {"person": 0, "organisation": 0, "group": 1, "place": 1}
ACTOR_WEIGHT = 3  # an actor only this document names counts as much as three new words
NOVEL_MIN = 3  # words of four letters or more that no other document uses
ACTOR_BONUS = 0.05
MIN_WORDS = 8
EXCLUSIVE_PER_DOC = 3
QUOTE_MIN = 0.6  # word overlap (Jaccard) for two quotations to be one
BLOCK = 512  # rows of the similarity matrix computed at once
FLOOR = CLAIM_MIN - 3 * ACTOR_BONUS  # the least cosine that can still make a claim
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")


def _sentences(documents: Sequence[Document]) -> list[tuple[Document, Span, frozenset[str]]]:
    found = []
    for doc in documents:
        for span, _ in doc.loaded_sentences:
            text = doc.text[span.start : span.end]
            if len(_WORD.findall(text)) < MIN_WORDS // 2:
                continue
            actors = frozenset(
                st.actor for st in doc.stance for m in st.mentions if span.contains(m)
            )
            found.append((doc, span, actors))
    return found


def _best_links(
    items: list[tuple[Document, Span, frozenset[str]]],
) -> tuple[dict[tuple[int, str], tuple[int, float]], list[float], list[float]]:
    """For each sentence and each other document, the best match there at FLOOR or above; and
    each sentence's best similarity anywhere else, with and without the actor bonus (0 when
    below FLOOR)."""
    texts = [doc.text[span.start : span.end] for doc, span, _ in items]
    vectors = tfidf(texts)
    docs = [doc.id for doc, _, _ in items]
    best: dict[tuple[int, str], tuple[int, float]] = {}
    top = [0.0] * len(items)
    top_cosine = [0.0] * len(items)
    for first in range(0, len(items), BLOCK):
        block = (vectors[first : first + BLOCK] @ vectors.T).tocsr()
        # A pair whose cosine is below FLOOR can reach CLAIM_MIN with no actor bonus: dropped
        # here, so the links kept grow with the matching pairs, not with all pairs of a corpus.
        block.data[block.data < FLOOR] = 0.0
        block.eliminate_zeros()
        for row in range(block.shape[0]):
            i = first + row
            start, end = block.indptr[row], block.indptr[row + 1]
            for j, cosine in zip(block.indices[start:end], block.data[start:end], strict=True):
                if docs[j] == docs[i]:
                    continue
                shared = len(items[i][2] & items[int(j)][2])
                score = float(cosine) + ACTOR_BONUS * min(shared, 3)
                top[i] = max(top[i], score)
                top_cosine[i] = max(top_cosine[i], float(cosine))
                key = (i, docs[j])
                if key not in best or score > best[key][1]:
                    best[key] = (int(j), score)
    return best, top, top_cosine


def _text(doc: Document, span: Span) -> ClaimText:
    return ClaimText(doc.id, " ".join(doc.text[span.start : span.end].split()), span)


def align(
    documents: Sequence[Document], facts: Sequence[Fact] = ()
) -> tuple[tuple[Claim, ...], tuple[Exclusive, ...]]:
    """The claims several documents share, and what only one document reports."""
    documents = sorted(documents, key=lambda d: d.id)
    if len({doc.id for doc in documents}) < 2:  # most stories of a large corpus: one article
        return (), ()
    items = _sentences(documents)
    if len({doc.id for doc, _, _ in items}) < 2:
        return (), ()
    best, _, top_cosine = _best_links(items)
    docs = [doc.id for doc, _, _ in items]
    links = []
    for (i, _other), (j, score) in best.items():
        if i < j and score >= CLAIM_MIN and best.get((j, docs[i]), (-1, 0.0))[0] == i:
            links.append((-score, i, j))
    links.sort()
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    weakest: dict[int, float] = defaultdict(lambda: 1.0)
    for negative, i, j in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or {docs[k] for k in members[gi]} & {docs[k] for k in members[gj]}:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
        weakest[gi] = min(weakest[gi], weakest.pop(gj, 1.0), -negative)
    groups = []
    for root, indices in members.items():
        if len(indices) < 2:
            continue
        ordered = sorted(indices, key=lambda k: (docs[k], items[k][1]))
        groups.append((ordered, weakest[root]))
    groups.sort(key=lambda g: (-len(g[0]), -g[1], docs[g[0][0]], items[g[0][0]][1]))
    claims = tuple(
        Claim(
            id=f"claim-{n:03d}",
            sentences=tuple(_text(items[k][0], items[k][1]) for k in ordered),
            similarity=round(similarity, 6),
            shared_wording=similarity >= SHARED_WORDING,
        )
        for n, (ordered, similarity) in enumerate(groups, 1)
    )
    return claims, _exclusives(documents, items, top_cosine, facts)


def _exclusives(
    documents: Sequence[Document],
    items: list[tuple[Document, Span, frozenset[str]]],
    top: list[float],
    facts: Sequence[Fact],
) -> tuple[Exclusive, ...]:
    words_of = {
        doc.id: {w.lower() for s in doc.article for w in _WORD.findall(doc.text[s.start : s.end])}
        for doc in documents
    }
    found: list[Exclusive] = []
    for fact in facts:
        if fact.status == "single":
            value = fact.values[0]
            doc = next(d for d in documents if d.id == value.doc)
            sentence = next((s for s, _ in doc.loaded_sentences if s.contains(value.span)), None)
            evidence = (
                _text(doc, sentence) if sentence else ClaimText(doc.id, value.text, value.span)
            )
            found.append(Exclusive(doc.id, fact.what, "fact", evidence))
    actors_of = {doc.id: {st.actor for st in doc.stance} for doc in documents}
    # How many documents use each word and name each actor, counted once: "used nowhere else"
    # is then a count of 1, without a union over every other document for each sentence.
    word_docs = Counter(w for words in words_of.values() for w in words)
    actor_docs = Counter(a for actors in actors_of.values() for a in actors)
    for doc in documents:
        alone = sorted(
            (st for st in doc.stance if actor_docs[st.actor] == 1 and st.details),
            key=lambda st: (KIND_ORDER.get(st.kind, 2), -len(st.details), st.actor),
        )[:ACTORS_PER_DOC]
        for st in alone:
            first = st.details[0].span
            sentence = next((s for s, _ in doc.loaded_sentences if s.contains(first)), first)
            times = f"{len(st.details)} mention{'s' if len(st.details) > 1 else ''}"
            found.append(Exclusive(doc.id, f"{st.actor} ({times})", "actor", _text(doc, sentence)))
    by_doc: dict[str, list[tuple[int, int, Exclusive]]] = defaultdict(list)
    for k, (doc, span, actors) in enumerate(items):
        words = {w.lower() for w in _WORD.findall(doc.text[span.start : span.end])}
        has_number = any(span.contains(q.span) for q in doc.quantities)
        if top[k] >= CLAIM_MIN or len(words) < MIN_WORDS or not (actors or has_number):
            continue
        novel = sum(1 for w in words if len(w) > 3 and word_docs[w] == 1)
        if novel < NOVEL_MIN:
            continue
        novel += ACTOR_WEIGHT * sum(1 for a in actors if actor_docs[a] == 1)  # no one else's
        claim = _text(doc, span)
        what = claim.text if len(claim.text) <= 120 else claim.text[:117].rstrip() + "..."
        by_doc[doc.id].append((-novel, span.start, Exclusive(doc.id, what, "claim", claim)))
    for doc_id in sorted(by_doc):
        found += [e for _, _, e in sorted(by_doc[doc_id])[:EXCLUSIVE_PER_DOC]]
    order = {"fact": 0, "actor": 1, "claim": 2}
    # actors in the order chosen (people and bodies first), the rest in text order
    rank = {id(e): n for n, e in enumerate(e for e in found if e.kind == "actor")}
    return tuple(
        sorted(found, key=lambda e: (e.doc, order[e.kind], rank.get(id(e), 0), e.evidence.span))
    )


def _quote_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def shared_quotes(documents: Sequence[Document]) -> tuple[SharedQuote, ...]:
    """Direct quotations that appear, the same or nearly, in more than one document."""
    quotes: list[tuple[Document, Attribution, frozenset[str]]] = [
        (doc, a, _quote_words(a.content.text))
        for doc in sorted(documents, key=lambda d: d.id)
        for a in doc.attributions
        if a.direct and len(_quote_words(a.content.text)) >= 4
    ]
    used: set[int] = set()
    found = []
    for i, (_doc, attribution, words) in enumerate(quotes):
        if i in used:
            continue
        group = [i]
        for j in range(i + 1, len(quotes)):
            other_doc, _, other = quotes[j]
            if j in used or other_doc.id in {quotes[k][0].id for k in group}:
                continue
            if len(words & other) / len(words | other) >= QUOTE_MIN:
                group.append(j)
        if len(group) > 1:
            used.update(group)
            uses = tuple(
                ClaimText(quotes[k][0].id, quotes[k][1].content.text, quotes[k][1].content.span)
                for k in group
            )
            found.append(SharedQuote(attribution.content.text, uses, attribution.speaker))
    return tuple(found)
