"""The story's topic vocabulary: a loaded word every outlet of a story uses alike is the story's
subject ("emergency" in a story about a national emergency), no outlet's choice.

A lexicon entry (its ``rule``, so "terrorist" and "terrorists" are one) is topic vocabulary when
the story has two or more outlets, each uses it in its own voice, and their rates per 1,000
words of own voice are within a factor of SIMILAR of each other, or the headlines of two of
them (HEADLINES) carry it.  Its terms are marked ``topic`` and not counted.  In a story of one
outlet nothing is topic: with nothing to compare, a word repeated is as likely that outlet's
choice ("terrorists" three times) as its subject.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from framing.records import Document, LoadedTerm, loaded_density

# Two outlets whose rates of one word differ by less than this factor use it alike: one using a
# word twice as often as another is a difference a reader takes for a choice.
SIMILAR = 2.0
# A word every outlet uses that two outlets' headlines carry is what the story is about, however
# often each uses it ("NAACP condemns Tea Party racism", "NAACP challenges Tea Party on racism").
HEADLINES = 2


def _own(term: LoadedTerm) -> bool:
    """A use of a lexicon entry in its loaded sense outside quotations, the outlet's or a source's
    it reports ("charges of racism" is a use of "racism" too; "failed to" is another sense)."""
    return (term.counted or term.reported) and not term.quoted and not term.rule.startswith("rule:")


def topic_rules(documents: Sequence[Document]) -> frozenset[str]:
    """The lexicon entries (rules) that are the story's topic vocabulary."""
    words: Counter[str] = Counter()
    uses: dict[str, Counter[str]] = defaultdict(Counter)
    headlines: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        words[doc.outlet] += doc.voice_words
        for term in doc.loaded_terms:
            if _own(term):
                uses[term.rule][doc.outlet] += 1
        for term in (*doc.loaded_terms, *doc.headline_terms):
            if _own(term) and term.headline:
                headlines[term.rule].add(doc.outlet)
    outlets = [o for o in sorted(words) if words[o]]
    if len(outlets) < 2:
        return frozenset()
    found = set()
    for rule, by_outlet in uses.items():
        rates = [by_outlet[o] / words[o] for o in outlets]
        if min(rates) > 0 and (
            max(rates) <= SIMILAR * min(rates) or len(headlines[rule]) >= HEADLINES
        ):
            found.add(rule)
    return frozenset(found)


def mark(documents: Sequence[Document]) -> list[Document]:
    """The story's documents with the terms of its topic vocabulary marked and not counted."""
    rules = topic_rules(documents)
    if not rules:
        return list(documents)

    def marked(terms: tuple[LoadedTerm, ...]) -> tuple[LoadedTerm, ...]:
        return tuple(
            replace(t, topic=True, counted=False) if t.rule in rules and t.counted else t
            for t in terms
        )

    result = []
    for doc in documents:
        terms = marked(doc.loaded_terms)
        density = loaded_density(terms, doc.voice_words)  # without the topic vocabulary
        result.append(
            replace(
                doc,
                loaded_terms=terms,
                headline_terms=marked(doc.headline_terms),
                loaded_density=density,
            )
        )
    return result
