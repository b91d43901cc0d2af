"""Loaded wording: the charged words an outlet chooses, in its own voice and in quoted speech.

Terms come from ``lexicons/loaded.tsv`` (term, category, weight) and are matched on the parse:
each word of a term matches a token's lemma or its lower-cased form, so "derail" matches
"derailing" and multi-word terms ("vicious cycle", "far-right") match as sequences.  Two rules
add what no word list holds: scare quotes (a short quoted term set off by the outlet, such as the
"voluntary emigration" of a policy) and question headlines.

Words inside a double quotation are the speaker's: they are reported with ``quoted=True`` and do
not count toward the outlet's own score.  Scores: a loaded score per sentence (the sum of the
weights of the outlet's terms in it) and, per document, the density per 1,000 words of the
outlet's own voice for each category.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.features.wording.senses import senses
from framing.lexicons import LOADED, Lexicons
from framing.nlp import (
    Doc,
    Token,
    column,
    strings_of,
    text_sentences,
    token_index,
    word_forms,
)
from framing.quotes import Quote, QuotedRegions
from framing.records import LoadedTerm, Span

# Words inside these names are part of a name, not a choice of words.
NAME_ENTITIES = {"ORG", "GPE", "PERSON", "LAW", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT"}
SCARE_QUOTE_MAX_WORDS = 4
SCARE_QUOTE_WEIGHT = 0.5  # a scare quote distances the outlet from a term: as strong as a hedge
QUESTION_HEADLINE_WEIGHT = 0.5
FIXED = "fixed"  # the lexicon category of fixed phrases that shield their words
# Words before a quotation that mark it as a label the outlet holds at arm's length.
SCARE_QUOTE_LEADS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "so-called",
    "calls",
    "called",
    "dubbed",
    "termed",
    "branded",
    "labelled",
    "labeled",
    "what",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    category: str
    weight: float
    rule: str


@dataclass(frozen=True, slots=True)
class Resources:
    by_first: dict[str, tuple[_Entry, ...]]  # first word -> entries, longest first


def resources(lexicons: Lexicons) -> Resources:
    table = lexicons[LOADED.name]
    grouped: dict[str, list[_Entry]] = defaultdict(list)
    for row in table.rows:
        words = word_forms(row.text(LOADED, "term"))
        if not words:
            continue
        entry = _Entry(
            words, row.text(LOADED, "category"), row.number(LOADED, "weight"), table.where(row)
        )
        grouped[words[0]].append(entry)
    return Resources(
        {
            first: tuple(sorted(entries, key=lambda e: -len(e.words)))
            for first, entries in grouped.items()
        }
    )


def _forms(doc: Doc) -> tuple[list[int], list[tuple[str, ...]]]:
    """The Doc's words (token indices, blanks left out) and the forms a lexicon word matches for
    each: the word lowercased, and its lemma.  Read from the Doc's arrays, each distinct word
    once: no Token object is made for a word no term starts with."""
    lowers, lemmas = strings_of(doc, "LOWER"), strings_of(doc, "LEMMA")
    made: dict[tuple[str, str], tuple[str, ...]] = {}
    positions = [i for i, blank in enumerate(column(doc, "IS_SPACE")) if not blank]
    found = []
    for i in positions:
        key = (lowers[i], lemmas[i])
        forms = made.get(key)
        if forms is None:
            lower, lemma = key[0], key[1].lower()
            forms = made[key] = (lower,) if lemma == lower else (lower, lemma)
        found.append(forms)
    return positions, found


def _match_at(
    forms: list[tuple[str, ...]], index: int, res: Resources
) -> tuple[_Entry, int] | None:
    for form in forms[index]:
        for entry in res.by_first.get(form, ()):
            end = index + len(entry.words)
            if end > len(forms):
                continue
            if all(word in forms[index + k] for k, word in enumerate(entry.words)):
                return entry, end
    return None


# The dependents that belong to the phrase a loaded word colours: a modifier colours its head
# ("brutal" -> "brutal dictator"), a verb its object and particle ("doubled down on its demands"),
# a noun its own modifiers ("a regime of fear").
_MODIFIER_DEPS = {"amod", "advmod", "npadvmod", "compound", "acomp", "neg", "prt", "aux"}
_VERB_DEPS = {"dobj", "prt", "xcomp", "acomp", "attr", "neg", "aux", "advmod"}
_NOUN_DEPS = {"amod", "compound", "det", "prep", "pobj", "advmod"}


def coloured_phrase(words: Sequence[Token]) -> Span:
    """The words a term colours, as one span from the first to the last of them."""
    phrase = set(words)
    for token in words:
        if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i:
            phrase.add(token.head)
        wanted = (
            _VERB_DEPS
            if token.pos_ == "VERB"
            else _NOUN_DEPS
            if token.pos_ in {"NOUN", "ADJ"}
            else set()
        )
        phrase.update(c for c in token.children if c.dep_ in wanted)
    visible = [t for t in phrase if not t.is_space and not t.is_punct] or list(words)
    first = min(visible, key=lambda t: t.i)
    last = max(visible, key=lambda t: t.i)
    return Span(first.idx, last.idx + len(last.text))


def _scare_quotes(doc: Doc, text: str, quotes: Sequence[Quote]) -> list[LoadedTerm]:
    """A short quoted term that is a noun phrase set off by the outlet ("the 'voluntary
    emigration' of the population"), not a fragment of reported speech."""
    found = []
    for quote in quotes:
        inner = text[quote.span.start : quote.span.end]
        words = inner.strip()
        start = quote.span.start + len(inner) - len(inner.lstrip())  # “ a term ”: the term
        if not words or len(words.split()) > SCARE_QUOTE_MAX_WORDS or words[-1] in ".!?,;:":
            continue
        first, last = token_index(doc, quote.span.start), token_index(doc, quote.span.end)
        inside = [t for t in doc[first:last] if not t.is_space]
        before = [
            t
            for t in doc[max(0, first - 3) : first]
            if not t.is_space and t.idx + len(t.text) <= quote.outer.start
        ]
        if not inside or not before:
            continue
        noun_phrase = inside[-1].pos_ in {"NOUN", "PROPN"} and all(
            t.pos_ in {"NOUN", "PROPN", "ADJ", "DET", "ADP", "PART", "PUNCT", "VERB"}
            for t in inside
        )
        # every word capitalised: a title or a name ("the 'Today' show", "a 'Daily Show' sketch")
        titled = all(t.text[:1].isupper() for t in inside if t.is_alpha and len(t.text) > 3)
        if (
            noun_phrase
            and not titled
            and before[-1].lower_ in SCARE_QUOTE_LEADS
            and not inside[0].is_sent_start
        ):
            found.append(
                LoadedTerm(
                    words,
                    Span(start, start + len(words)),
                    "scare-quote",
                    SCARE_QUOTE_WEIGHT,
                    False,
                    "rule:scare-quote",
                )
            )
    return found


def extract(
    doc: Doc,
    *,
    text: str,
    quotes: Sequence[Quote],
    res: Resources,
    title_span: Span | None = None,
) -> tuple[LoadedTerm, ...]:
    """Every loaded term in a parsed article (offsets into ``text``), in text order."""
    positions, forms = _forms(doc)
    regions = QuotedRegions(list(quotes))
    found: list[LoadedTerm] = []
    words: list[list[Token]] = []  # each lexicon term's tokens, for the sense rules
    index = 0
    while index < len(positions):
        match = _match_at(forms, index, res)
        if match is None:
            index += 1
            continue
        entry, end = match
        if entry.category == FIXED:  # "assault weapons", "lethal injection": no loaded word
            index = end
            continue
        matched = [doc[i] for i in positions[index:end]]
        first, last = matched[0], matched[-1]
        if all(t.ent_type_ in NAME_ENTITIES for t in matched):
            index = end  # "United" in "United States", "Supreme" in "Supreme Court": a name
            continue
        span = Span(first.idx, last.idx + len(last.text))
        phrase = coloured_phrase(matched)
        found.append(
            LoadedTerm(
                text[span.start : span.end],
                span,
                entry.category,
                entry.weight,
                regions.contains(span),
                entry.rule,
                phrase,
            )
        )
        words.append(matched)
        index = end
    found = senses(found, words)
    found += [replace(t, counted=True) for t in _scare_quotes(doc, text, quotes)]
    found = [
        replace(t, headline=title_span is not None and title_span.contains(t.span)) for t in found
    ]
    if title_span is not None and text[title_span.start : title_span.end].rstrip().endswith("?"):
        found.append(
            LoadedTerm(
                text[title_span.start : title_span.end],
                title_span,
                "sensational",
                QUESTION_HEADLINE_WEIGHT,
                False,
                "rule:question-headline",
                counted=True,
                headline=True,
            )
        )
    return tuple(sorted(found, key=lambda t: (t.span.start, t.span.end)))


def reported(
    terms: Sequence[LoadedTerm], *, paraphrases: Sequence[Span], said: Sequence[Span]
) -> tuple[LoadedTerm, ...]:
    """``terms`` with those a source says marked ``reported`` and not counted: a term inside
    indirect speech that paraphrases a named source (``paraphrases``: "Dennis said there was no
    proof of racist behaviour", the source's word more than the outlet's, the reader's rule of
    ../shared/scorers/README.md), and a scare quote inside what any source says (``said``:
    'accused the group of playing the "race card"', its words, not a term the outlet holds at
    arm's length)."""
    return tuple(
        replace(t, reported=True, counted=False)
        if t.counted
        and not t.quoted
        and any(s.contains(t.span) for s in (said if t.category == "scare-quote" else paraphrases))
        else t
        for t in terms
    )


def sentence_scores(
    doc: Doc, terms: Sequence[LoadedTerm], *, own_voice: bool = True
) -> tuple[tuple[Span, float], ...]:
    """Each sentence's loaded score: the weights of its terms (the outlet's own by default)."""
    result = []
    starts = [t.span.start for t in terms]
    ordered = all(a <= b for a, b in itertools.pairwise(starts))
    for bounds in text_sentences(doc):
        span = Span(*bounds)
        # terms in text order (as extract gives them): only those starting inside the sentence
        # can lie in it, found by bisection rather than testing every term of the article
        inside = (
            terms[bisect.bisect_left(starts, span.start) : bisect.bisect_right(starts, span.end)]
            if ordered
            else terms
        )
        score = sum(
            t.weight for t in inside if span.contains(t.span) and not (own_voice and t.quoted)
        )
        result.append((span, score))
    return tuple(result)


def voice_words(doc: Doc, quotes: Sequence[Quote]) -> int:
    """Words in the outlet's own voice: outside double quotations."""
    regions = QuotedRegions(list(quotes))
    starts, lengths = column(doc, "IDX"), column(doc, "LENGTH")
    return sum(
        1
        for alpha, start, length in zip(column(doc, "IS_ALPHA"), starts, lengths, strict=True)
        if alpha and not regions.holds(start, start + length)
    )
