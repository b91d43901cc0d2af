"""Names of actors: how a name is written down to compare it (``bare``, ``words``,
``person_words``), the initials of a body, the fullest of several forms, the place a nationality
word comes from, the proper name ending at a token (``name_at``) and a surname's fullest form
in a text (``fullest_name``).  What a description stands for is ``framing.actors.descriptions``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from framing.nlp import Doc, Token, entities, token_list

# Honorifics and titles dropped from a person's name ("Mr. Kim" is Kim); from news style guides.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "gen", "col", "lt",
    "sgt", "capt", "sen", "rep", "gov", "president", "prime", "minister", "senator", "judge",
    "justice", "king", "queen", "prince", "princess", "pope", "chancellor", "secretary",
    "general", "speaker", "mayor", "governor", "ambassador", "leader", "chief", "director",
}  # fmt: skip
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # generational suffixes after a surname
COURTESY = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev"}
# How nationality words end ("Ruritanian", "Japanese", "Iraqi", "Turkish"), plural too; the
# tagger calls some of them places, and only words ending so are read as demonyms.
DEMONYM_ENDINGS = ("i", "is", "an", "ans", "ese", "ish", "ic")
# Small words left out of an acronym's letters ("Department of Justice" is DOJ, not DOOJ).
ACRONYM_SKIP = {"of", "the", "and", "for", "&", "on", "in", "de", "du", "la"}
_NOT_WORD = re.compile(r"[^\w\s-]")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\u2019)$")


_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)


def bare(text: str, *, description: bool = False) -> str:
    """Words as a name, to compare and show: no quotation marks, no leading "the" (with
    ``description``, no leading determiner at all: "a spokesman", "these officials"), no
    possessive, no punctuation at either end but an abbreviation's dot ("U.S.", "Corp."),
    single spaces.  Only "the" leaves a name: "A" and "This" may begin one."""
    text = " ".join(text.replace("\u201c", "").replace("\u201d", "").replace('"', "").split())
    text = (_DETERMINER if description else _ARTICLE).sub("", text)
    # a dot at the end of a word is an abbreviation's ("U.S.", "Intel Corp.") and stays; one
    # standing alone ("Md ." in text split into tokens) or leading is punctuation
    text = _POSSESSIVE.sub("", text).lstrip(" ,.;:-").rstrip(" ,;:-")
    while text.endswith(" ."):
        text = text[:-2].rstrip(" ,;:-")
    return text


def words(text: str) -> list[str]:
    return list(_words(text))


def person_words(text: str) -> list[str]:
    """A person's name words, lower-cased, without honorifics before it or a generational
    suffix after it ("Mr. Robert S. Mueller III" -> robert, s, mueller)."""
    return list(_person_words(text))


# Cached: resolving descriptions and linking actors compare the same few hundred names of a run
# over and over.
@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_NOT_WORD.sub("", text.replace(".", "")).lower().split())


@functools.lru_cache(maxsize=65536)
def _person_words(text: str) -> tuple[str, ...]:
    found = _words(text)
    while len(found) > 1 and found[0] in HONORIFICS:
        found = found[1:]
    while len(found) > 1 and found[-1] in SUFFIXES:
        found = found[:-1]
    return found


def acronym(text: str) -> str | None:
    """The initials of a name of two or more words, or the name itself when it is one."""
    parts = [w for w in words(text) if w not in ACRONYM_SKIP]
    if len(parts) >= 2:
        return "".join(p[0] for p in parts)
    compact = text.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 6 and compact.isalpha():
        return compact.lower()
    return None


def best_form(forms: Counter[str], kind: str) -> str:
    """The fullest name: most words, then most used, then alphabetical (so runs agree)."""

    def rank(form: str) -> tuple[int, int, int, str]:
        is_acronym = form.replace(".", "").isupper() and len(form) <= 6
        count = len(person_words(form)) if kind == "person" else len(words(form))
        return (-int(not is_acronym), -count, -forms[form], form)

    return min(forms, key=rank)


def demonym_of(group_form: str, places: Iterable[str]) -> str | None:
    """The place a nationality word comes from ("Ruritanians" -> "Ruritania"): the place whose
    name it shares all but the last letter of, at least four letters long.  General enough for
    most demonyms (-i, -ian, -ese, -an), and it misses the irregular ones (French, Dutch)."""
    word = group_form.lower()
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    best = None
    for place in places:
        lower = place.lower()
        common = 0
        for a, b in zip(word, lower, strict=False):
            if a != b:
                break
            common += 1
        if common >= 4 and common >= len(lower) - 1 and (best is None or len(place) > len(best)):
            best = place
    return best


def name_at(token: Token) -> str:
    """The proper name ending at ``token``: it and the proper nouns right before it that hang on
    it ("Northern Front", "Jane Roe")."""
    run = [token]
    for word in sorted(
        (t for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i),
        key=lambda t: -t.i,
    ):
        if word.i == run[0].i - 1:
            run.insert(0, word)
    return " ".join(t.text for t in run)


def fullest_name(
    doc: Doc, surname: str, *, gender: str | None = None, first_names: Mapping[str, str] = {}
) -> str:
    """The longest PERSON name in the document ending in ``surname`` ("Lopez" -> "Maria Lopez"),
    never one whose gender is not ``gender`` ("Mr. Lopez" is not "Maria Lopez")."""
    best = surname
    tokens = token_list(doc)
    for ent in entities(doc):
        if (
            ent.label_ == "PERSON"
            and tokens[ent.end - 1].text == surname.split()[-1]
            and len(ent.text) > len(best)
        ):
            before = tokens[ent.start - 1].text if ent.start else ""
            told = gender_of(ent.text, before, first_names)
            if gender is None or told is None or told == gender:
                best = ent.text
    return best


# What an honorific tells of a person's gender (news style guides' courtesy titles).
MALE, FEMALE = "male", "female"
HONORIFIC_GENDER = {
    "mr": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE,
    "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "madam": FEMALE, "dame": FEMALE,
    "lady": FEMALE, "queen": FEMALE, "princess": FEMALE,
}  # fmt: skip


def gender_of(name: str, before: str, first_names: Mapping[str, str]) -> str | None:
    """The gender a person's name tells: an honorific in it or just before it ("Mr. Lopez",
    ``before`` is the word before the name), else its first name in ``first_names`` (a full
    name only: "Lopez" alone tells nothing); None when nothing tells, or the two disagree."""
    written = words(name)
    honorifics = [HONORIFIC_GENDER[w] for w in (before.lower().rstrip("."), *written[:1])
                  if w in HONORIFIC_GENDER]  # fmt: skip
    first = person_words(name)
    named = first_names.get(first[0]) if len(first) > 1 else None
    found = {*honorifics, *([named] if named else [])}
    return found.pop() if len(found) == 1 else None
