"""What the words around a harm word say about it, for agency (``framing.features.agency``):
whether a word names a time, never an actor ("Monday", "last week", "hours"), whether it names a
thing that harms without being anyone ("gunfire", "a storm"), and whether the harm is done in
words only ("the senator attacked the plan in a speech", "killed the bill").

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


# What is harmed only in words: one "kills a bill", "attacks a plan", "destroys a reputation" or
# "assaults the Constitution" with no blow.  Chosen by the framing authors: the speech and
# thought nouns of ``lexicons/cues.tsv`` that name no place or body of people (statement,
# remark, proposal, claim; not "position", which troops attack), and the bills, plans, records
# and reputations that political news has killed, attacked and destroyed.
IDEAS = frozenset(
    (
        "statement remark comment claim allegation accusation criticism view opinion stance "
        "proposal announcement response testimony argument idea plan bill law legislation "
        "measure amendment policy reform agenda budget deal agreement talks decision ruling "
        "verdict report record strategy approach warrant rhetoric narrative message handling "
        "leadership credibility integrity character reputation patriotism motive judgment "
        "judgement ability competence career candidacy nomination economy democracy "
        "constitution freedom liberty"
    ).split()
)

# Occasions and media of speech: an attack "in a speech", "on Twitter", "during a debate" is one
# of words.  Chosen by the framing authors from where political news reports words; places
# where violence also happens (a rally, a protest, a march) are left out.
SPEECH_OCCASIONS = frozenset(
    "speech statement interview tweet post op-ed editorial column letter ad advertisement "
    "commercial mailer remark comment address debate hearing briefing conference podcast "
    "broadcast memo email book blog twitter facebook floor".split()
)

# Modifiers that make an attack one of words ("a verbal attack", "publicly attacked"), and the
# prepositions of an occasion or a reason ("in a speech", "over the plan", "for his remarks").
# Chosen by the framing authors.
SPOKEN_MODIFIERS = frozenset(
    "verbal verbally personal personally political politically partisan rhetorical "
    "rhetorically publicly".split()
)
OCCASION_PREPOSITIONS = frozenset({"in", "on", "during", "at", "via", "through", "over", "for"})


def _pobjs(token: Token, prepositions: Container[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in prepositions
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _targets(token: Token) -> list[Token]:
    """What a harm word is done to: a verb's object or passive subject, a noun's "on", "of" or
    "against" complement."""
    if token.pos_ == "VERB":
        return [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return _pobjs(token, {"on", "of", "against"})


def _as_judgement(child: Token) -> bool:
    """ "as reckless", "as a failure": "as" with no clause of its own ("as it passed" has one)."""
    if child.dep_ == "prep" and child.lower_ == "as":
        return True
    as_word = any(g.lower_ == "as" for g in child.children)
    no_clause = child.pos_ in {"ADJ", "NOUN"} or child.tag_ == "VBN"  # "as stacked", not "as it"
    return child.dep_ == "advcl" and no_clause and as_word


def _for_doing(child: Token) -> bool:
    """ "for failing to act", "for launching a war": a reason one blames for, where a raid lasts
    "for hours"."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "for"
        and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children)
    )


def _spoken_context(token: Token, *, speech_cues: Container[str]) -> bool:
    """A modifier of words ("verbal attacks", "publicly attacked", "attack ads"), and for a verb
    an occasion or reason of speech, "as", or a speech participle.  A noun's own "in a
    statement" or "as" is left alone: the parse hangs on it what belongs to the verb before it
    ("condemned the attack in a statement, calling it ...")."""
    if any(c.dep_ in {"amod", "advmod"} and c.lower_ in SPOKEN_MODIFIERS for c in token.children):
        return True
    if token.pos_ != "VERB":
        return token.dep_ == "compound" and token.head.lemma_.lower() in SPEECH_OCCASIONS
    occasions = _pobjs(token, OCCASION_PREPOSITIONS)
    if any(p.lemma_.lower() in SPEECH_OCCASIONS | IDEAS for p in occasions):
        return True  # "attacked the governor in a speech", "over the plan"
    for child in token.children:
        if _as_judgement(child) or _for_doing(child):
            return True  # "attacked her as unfit", "for failing": a judgement, not a blow
        if child.dep_ in {"advcl", "xcomp"} and child.tag_ == "VBG" and child.lemma_ in speech_cues:
            return True  # "attacked the plan, calling it a sham"
    return False


def in_words(token: Token, *, speech_cues: Container[str]) -> bool:
    """Whether a harm word is done in words only, from the parse.

    Any harm word whose target is one of ``IDEAS`` ("killed the bill", "an assault on
    democracy").  A harm word that ``lexicons/cues.tsv`` also lists as a speech cue ("attack")
    in a context of speech (``_spoken_context``), or one named person attacking another person
    with no weapon ("Roe attacked Doe").  Physical attacks keep their harm: "attacked the
    convoy", "attacked protesters at a rally", "a man attacked Doe with a knife".
    """
    targets = _targets(token)
    if any(t.lemma_.lower() in IDEAS for t in targets):
        return True
    if token.lemma_.lower() not in speech_cues:
        return False
    if _spoken_context(token, speech_cues=speech_cues):
        return True
    if token.pos_ != "VERB" or _pobjs(token, {"with"}):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    person = {"PERSON"}
    return (
        subject is not None
        and subject.ent_type_ in person
        and any(t.ent_type_ in person or t.tag_ == "PRP" for t in targets)
    )
