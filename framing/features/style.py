"""Readability and style of the article text (page chrome excluded).

Scores come from textstat (pinned at 0.7.8: later releases download cmudict data at run time,
which fails offline); sentence and word counts come from the parse, so they agree with every
other feature.
"""

from __future__ import annotations

import textstat

from framing.nlp import Doc, sentences, token_list


def readability(doc: Doc, article_text: str) -> tuple[tuple[str, float], ...]:
    """Readability formulas on the article text, and sentence-length figures from the parse."""
    if not article_text.strip():
        return ()
    tokens = token_list(doc)  # (iterating a sentence makes every Token again)
    found = [
        s
        for s in sentences(doc)
        if any(not t.is_space and not t.is_punct for t in tokens[s.start : s.end])
    ]
    words = [t for t in tokens if t.is_alpha]
    lengths = [sum(1 for t in tokens[s.start : s.end] if t.is_alpha) for s in found]
    result = {
        "flesch_reading_ease": float(textstat.flesch_reading_ease(article_text)),
        "flesch_kincaid_grade": float(textstat.flesch_kincaid_grade(article_text)),
        "gunning_fog": float(textstat.gunning_fog(article_text)),
        "sentences": float(len(found)),
        "words_per_sentence": (sum(lengths) / len(lengths)) if lengths else 0.0,
        "long_word_share": (sum(1 for t in words if len(t) >= 7) / len(words)) if words else 0.0,
    }
    return tuple(sorted(result.items()))
