"""What the words around a harm word say about it, for agency (``framing.features.agency``):
whether a word names a time, never an actor ("Monday", "last week", "hours"), and whether it
names a thing that harms without being anyone ("gunfire", "a storm").

Pure functions of the parse; the word lists are small and say where they came from.
"""

from __future__ import annotations

from collections.abc import Container

from framing.nlp import Token

# Words that name a time, beside what the entity recogniser tags DATE or TIME (it leaves "hours",
# "the weekend" or "midday" untagged in some sentences): the English weekday, part-of-day and
# calendar-unit words, chosen by the framing authors.
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow "
    "morning afternoon evening night midnight midday noon dawn dusk weekend "
    "second minute hour day week fortnight month year decade century".split()
)

# Things that harm without being anyone, named after "by" ("killed by a falling tree") or as a
# subject ("the storm killed"), beside the harm words of ``lexicons/harm.tsv``: grouped after the
# external causes of death of the WHO's International Classification of Diseases (ICD-10,
# chapter XX: transport, falls, mechanical forces and weapons, fire, forces of nature,
# poisoning) and disease, the words chosen by the framing authors.  They are no harm words
# themselves ("a storm" alone shows no one harming), so they live here, not in the lexicon.
INANIMATE_CAUSES = frozenset(
    (
        # transport and falls
        "car truck vehicle bus train plane aircraft crash collision accident fall "
        # mechanical forces, and weapons named as instruments
        "gun rifle pistol weapon knife gunshot round debris rubble tree glass "
        # fire
        "fire blaze flame smoke wildfire "
        # forces of nature
        "storm hurricane typhoon cyclone tornado flood flooding earthquake quake tsunami "
        "landslide mudslide avalanche lightning heat cold "
        # poisoning and disease
        "gas poison chemical toxin radiation overdose disease illness virus infection cancer "
        "pandemic epidemic outbreak"
    ).split()
)


def is_inanimate(token: Token, *, harm_words: Container[str]) -> bool:
    """A word that names a thing that harms, not anyone: a harm noun or means of the lexicon
    ("gunfire", "violence", "an explosion") or one of ``INANIMATE_CAUSES`` ("a storm")."""
    lemma = token.lemma_.lower()
    return lemma in harm_words or lemma in INANIMATE_CAUSES


def is_time(token: Token) -> bool:
    """A word that names a time, never an actor nor a doer: "Monday", "last week", "hours".  An
    age is a person, though tagged DATE: "a 23-year-old", "the 17-year-old"."""
    if token.lower_.endswith("old"):
        return False
    return token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in TIME_WORDS
