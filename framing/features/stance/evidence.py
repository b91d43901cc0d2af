"""Evidence in words: the content words that moved a mention's stance score most.

A reader checks a score by its words, so evidence is never a function word, a title or
honorific ("Mr.", "Sen."), a date or time word ("Wednesday", "hours"), a number or a name: an
outlet's house honorific must not make it look negative toward everyone it names.  The weights
come from the learned model's head (each word's part in the positive-minus-negative logit gap,
``learned.Judged.tokens``) or from the rules-only model's feature weights.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from framing.actors.names import HONORIFICS
from framing.nlp import Doc, Token, token_list
from framing.records import EvidenceWord, Span

SHOWN = 3  # words kept as the evidence of one mention
CONTENT = {"ADJ", "ADV", "VERB", "NOUN", "INTJ"}
# Words of time, and the titles names.py does not list: they say when or who, never how an
# actor is seen (the calendar words are closed classes; the titles from AP style).
TIME_WORDS = {
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night",
    "day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "hour",
    "hours", "minute", "minutes", "decade", "decades", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "time", "times",
    "ago", "now", "later", "earlier", "recently",
}  # fmt: skip
TITLES = {
    "pres", "representative", "congressman", "congresswoman", "lawmaker", "spokesman",
    "spokeswoman", "spokesperson", "official", "officials", "chairman", "chairwoman", "ceo",
}  # fmt: skip


# The neutral verbs of reporting ("said", "told"): the commonest words in any news sentence, and
# a reader learns nothing of a stance from them (the distancing and loaded ones, "claimed",
# "slammed", stay).
NEUTRAL_VERBS = {"say", "tell"}


def shown(token: Token) -> bool:
    """Whether a reader learns something from ``token`` as evidence of a stance."""
    word = token.lower_.rstrip(".")
    return (
        token.pos_ in CONTENT
        and token.is_alpha
        and not token.is_stop
        and not token.ent_type_
        # a capitalised word inside a sentence is a name the tagger missed ("Hannity")
        and not (token.text[:1].isupper() and not token.is_sent_start)
        and token.lemma_.lower() not in NEUTRAL_VERBS
        and word not in HONORIFICS
        and word not in TITLES
        and word not in TIME_WORDS
    )


def strongest(
    doc: Doc, weights: Mapping[int, float], *, mention: range
) -> tuple[EvidenceWord, ...]:
    """At most SHOWN evidence words from token weights (``weights``: token index -> weight),
    the mention's own tokens left out, strongest first (ties by position)."""
    tokens = token_list(doc)
    ranked = sorted(
        (-abs(w), i, w) for i, w in weights.items() if i not in mention and w and shown(tokens[i])
    )
    return tuple(
        EvidenceWord(tokens[i].text, Span(tokens[i].idx, tokens[i].idx + len(tokens[i].text)), w)
        for _, i, w in ranked[:SHOWN]
    )


def by_token(
    doc: Doc, start: int, end: int, parts: Sequence[tuple[int, int, float]]
) -> dict[int, float]:
    """Word-piece parts (offsets into the text ``start``..``end`` of one sentence) summed per
    token of ``doc``: a word split into pieces weighs as the sum of its pieces."""
    tokens = [t for t in token_list(doc) if start <= t.idx < end]
    weights: dict[int, float] = defaultdict(float)
    at = 0
    for first, last, part in parts:
        a, b = start + first, start + last
        while at < len(tokens) and tokens[at].idx + len(tokens[at].text) <= a:
            at += 1
        if at < len(tokens) and tokens[at].idx < b:
            weights[tokens[at].i] += part
    return {i: round(w, 3) for i, w in weights.items()}
