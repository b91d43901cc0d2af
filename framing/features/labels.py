"""Labels: what an outlet calls a referent that other outlets name differently.

Labels come from ``lexicons/labels.toml``: referents ("an armed group", "people held by a state"),
each with its labels by connotation and the context cues that tell referents apart.  They are
matched on the parse: each word of a label matches a token's lemma or its lower-cased form (the
lexicon word brings its own singular, see ``framing.lexicons.toml.forms``), a hyphen is optional, and the
longest label wins where two overlap ("security prisoners" over "prisoners").

A label may name more than one referent: "terrorists" can be people in prison or an armed group.
Cues choose: each cue of a referent in the same sentence and within CUE_WINDOW words of the label
scores 1/distance for it.  With no cue either way the label goes to the referent for which it is
the neutral term, else to the one listed first, so the result never depends on dict order.
Labels marked ``needs_cue`` ("strike") count only with a cue of their referent nearby.

Only nouns label ("civilian" in "civilian targets" names no one; "strike" the verb is no
strike).  A nationality or group name just before the label is kept in the evidence, because it
is part of how the outlet names the referent.  Page chrome needs no rule here: the parse is of
the text with chrome blanked.  Labels inside a double quotation are the speaker's, marked
``quoted``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from framing.lexicons import LABELS, Lexicons, Table, normalize
from framing.lexicons.toml import forms, phrase_words
from framing.nlp import Doc, Token, sentence_of, token_list
from framing.quotes import Quote
from framing.records import LabelMention, Span

CUE_WINDOW = 8  # words either side of a label, as labels.toml documents
NOMINAL = {"NOUN", "PROPN"}
GROUP_ENTITIES = {"NORP", "GPE", "ORG"}
MODIFIER_DEPS = {"amod", "compound", "nmod"}
HYPHENS = {"-", "\u2010", "\u2011"}


@dataclass(frozen=True, slots=True)
class Variant:
    """One label of one referent."""

    referent: str
    label: str
    words: tuple[frozenset[str], ...]
    connotation: str
    needs_cue: bool
    rule: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """A cue or a 'not' phrase of one referent."""

    referent: str
    words: tuple[frozenset[str], ...]
    rule: str


_Entry = TypeVar("_Entry", Variant, Phrase)


@dataclass(frozen=True, slots=True)
class LabelTable:
    """labels.toml made ready for matching: entries indexed by the forms of their first word."""

    referents: tuple[str, ...]  # in file order: the last tie-break
    labels: Mapping[str, tuple[Variant, ...]]
    cues: Mapping[str, tuple[Phrase, ...]]
    nots: Mapping[str, tuple[Phrase, ...]]
    whole: frozenset[str] = frozenset()  # referents that are a whole class (labels.toml)


def _index(entries: Sequence[_Entry]) -> dict[str, tuple[_Entry, ...]]:
    grouped: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        for form in sorted(entry.words[0]):
            grouped[form].append(entry)
    return {form: tuple(found) for form, found in grouped.items()}


def from_table(table: Table) -> LabelTable:
    """The matcher's view of a labels table (``lexicons.read_table(path, LABELS)``)."""
    referents: dict[str, None] = {}
    variants: list[Variant] = []
    cues: list[Phrase] = []
    nots: list[Phrase] = []
    whole: set[str] = set()
    for row in table.rows:
        referent = row.text(LABELS, "referent")
        referents.setdefault(referent)
        entry = row.text(LABELS, "entry")
        if entry == "whole":
            whole.add(referent)
            continue
        phrase = row.text(LABELS, "phrase")
        words = tuple(forms(w) for w in phrase_words(phrase))
        if entry in {"label", "cued label"}:
            variants.append(
                Variant(
                    referent,
                    phrase,
                    words,
                    row.text(LABELS, "connotation"),
                    entry == "cued label",
                    table.where(row),
                )
            )
        else:
            (cues if entry == "cue" else nots).append(Phrase(referent, words, table.where(row)))
    return LabelTable(
        tuple(referents), _index(variants), _index(cues), _index(nots), frozenset(whole)
    )


def resources(lexicons: Lexicons) -> LabelTable:
    return from_table(lexicons[LABELS.name])


def _token_forms(doc: Doc) -> list[frozenset[str]]:
    # made once per distinct (word, lemma) of the article: most words come back several times
    made: dict[tuple[int, int], frozenset[str]] = {}
    found = []
    for t in token_list(doc):
        key = (t.orth, t.lemma)
        these = made.get(key)
        if these is None:
            these = made[key] = frozenset({normalize(t.text), t.lemma_.lower()})
        found.append(these)
    return found


def _skippable(token: Token) -> bool:
    """A hyphen between words ("pro-life" is pro / - / life) or spaces inside a line."""
    return token.text in HYPHENS or (token.is_space and "\n" not in token.text)


def _find(
    doc: Doc, token_forms: list[frozenset[str]], index: Mapping[str, tuple[_Entry, ...]]
) -> list[tuple[int, int, _Entry]]:
    """Every match of the indexed phrases: (first token, last token + 1, entry)."""
    found: list[tuple[int, int, _Entry]] = []
    for i, these in enumerate(token_forms):
        starting = [form for form in these if form in index]
        if not starting:  # most words start no phrase: skip them without sorting anything
            continue
        candidates = dict.fromkeys(e for form in sorted(starting) for e in index[form])
        for entry in candidates:
            j = i + 1
            for word in entry.words[1:]:
                while j < len(doc) and _skippable(doc[j]):
                    j += 1
                if j >= len(doc) or not token_forms[j] & word:
                    break
                j += 1
            else:
                found.append((i, j, entry))
    return found


def _nominal(doc: Doc, start: int, end: int) -> bool:
    last = doc[end - 1]
    if end - start == 1:
        return last.pos_ in NOMINAL
    return last.pos_ not in {"VERB", "AUX"}


def _choose_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping matches, then the earliest; returned in text order."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def _modifier_start(doc: Doc, start: int, end: int, taken: set[int]) -> int:
    """Take in a nationality or group name right before the label ("Kurdish rebels"), unless
    it is itself a label (``taken``): two mentions never overlap."""
    while start > 0:
        prev = doc[start - 1]
        if prev.i in taken or prev.dep_ not in MODIFIER_DEPS or not start <= prev.head.i < end:
            break
        group = prev.ent_type_ in GROUP_ENTITIES or prev.pos_ == "PROPN"
        # A capitalised adjective mid-sentence is a nationality even when NER misses it.
        nationality = prev.pos_ == "ADJ" and prev.text[:1].isupper() and not prev.is_sent_start
        if not (group or nationality):
            break
        start -= 1
    return start


@dataclass(frozen=True, slots=True)
class _Context:
    word_at: list[int]  # index of each token among the words (no punctuation or spaces)
    sentence: list[int]  # start token of each token's sentence
    cues: list[tuple[int, int, Phrase]]

    def score(self, referent: str, start: int, end: int) -> float:
        total = 0.0
        for cue_start, cue_end, cue in self.cues:
            if cue.referent != referent or self.sentence[cue_start] != self.sentence[start]:
                continue
            if cue_end <= start:
                distance = self.word_at[start] - self.word_at[cue_end - 1]
            elif cue_start >= end:
                distance = self.word_at[cue_start] - self.word_at[end - 1]
            else:
                continue  # a cue inside the label ("prison" in "prison inmates") proves nothing
            if 1 <= distance <= CUE_WINDOW:
                total += 1 / distance
        return total


def _context(doc: Doc, token_forms: list[frozenset[str]], table: LabelTable) -> _Context:
    word_at: list[int] = []
    count = 0
    for token in token_list(doc):
        word_at.append(count)
        if not (token.is_punct or token.is_space):
            count += 1
    if doc.has_annotation("SENT_START"):
        sentence = [sentence_of(token).start for token in token_list(doc)]
    else:
        sentence = [0] * len(doc)
    return _Context(word_at, sentence, _find(doc, token_forms, table.cues))


def _resolve(
    candidates: Sequence[Variant], start: int, end: int, context: _Context, table: LabelTable
) -> Variant | None:
    scored = []
    for variant in candidates:
        score = context.score(variant.referent, start, end)
        if variant.needs_cue and score == 0:
            continue
        order = table.referents.index(variant.referent)
        scored.append((-score, variant.connotation != "neutral", order, variant))
    return min(scored, key=lambda s: s[:3])[3] if scored else None


def extract(
    doc: Doc, *, text: str, quotes: Sequence[Quote], table: LabelTable
) -> tuple[LabelMention, ...]:
    """Every label in ``doc`` with the referent it names, in text order.

    ``doc`` is the parse of ``text`` with page chrome blanked (offsets are offsets into
    ``text``); ``quotes`` are the quotations found in it.
    """
    token_forms = _token_forms(doc)
    excluded = [
        (start, end, entry.referent) for start, end, entry in _find(doc, token_forms, table.nots)
    ]
    by_span: dict[tuple[int, int], list[Variant]] = defaultdict(list)
    for start, end, found in _find(doc, token_forms, table.labels):
        if not _nominal(doc, start, end):
            continue
        if any(s <= start and end <= e and r == found.referent for s, e, r in excluded):
            continue
        by_span[(start, end)].append(found)
    if not by_span:  # no label: the context that tells referents apart is not needed
        return ()
    context = _context(doc, token_forms, table)
    double = [q.span for q in quotes if q.kind == "double"]
    mentions = []
    resolved = [
        (start, end, _resolve(by_span[(start, end)], start, end, context, table))
        for start, end in _choose_spans(list(by_span))
    ]
    taken = {
        i for start, end, variant in resolved if variant is not None for i in range(start, end)
    }
    for start, end, variant in resolved:
        if variant is None:
            continue
        core = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        span = Span(doc[_modifier_start(doc, start, end, taken)].idx, core.end)
        mentions.append(
            LabelMention(
                referent=variant.referent,
                text=text[span.start : span.end],
                span=span,
                connotation=variant.connotation,
                quoted=any(q.overlaps(core) for q in double),
                rule=variant.rule,
                label=variant.label,
                whole=variant.referent in table.whole,
            )
        )
    return tuple(mentions)
