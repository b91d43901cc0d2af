"""The one resolver of descriptions: what a title or description the text tied to a name stands
for ("President Jane Roe ... the president", "union spokesman Sam Okafor ... the spokesman",
"the rebel group Northern Front ... the group").  Attribution resolves its sources with it and
the actors stage its mentions (``descriptions`` once per text, ``resolve`` at each description).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from framing.actors import identities
from framing.actors.identities import Described
from framing.actors.names import (
    COURTESY,
    FEMALE,
    HONORIFICS,
    MALE,
    bare,
    gender_of,
    person_words,
)
from framing.nlp import Doc, Span, Token, entities, in_dateline, sentence_of, token_list

# Words that make a title another role than the bare title: a "former president" or a "vice
# president" is not "the president", a "deputy minister" not "the minister" (English news usage).
# A title is registered without its leading words ("Ruritanian Prime Minister" also as "prime
# minister" and "minister", "union spokesman" as "spokesman") only up to the first of these.
ROLE_QUALIFIERS = {
    "former", "ex", "late", "then", "vice", "deputy", "assistant", "acting", "associate",
    "interim", "outgoing", "incoming", "future", "next", "junior", "senior", "under",
}  # fmt: skip
# The nouns a later description uses for a title written before a name: "Rep. Tom Hale ... the
# congressman", "Sen. Ann Reed ... the senator" (AP style's abbreviated titles and the nouns news
# copy refers back with); a gendered noun only for a name of that gender, or of none told.
TITLE_NOUNS = {
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "representative": ("congressman", "congresswoman", "lawmaker"),
    "congressman": ("representative", "lawmaker"),
    "congresswoman": ("representative", "lawmaker"),
    "sen": ("senator", "lawmaker"),
    "senator": ("lawmaker",),
    "gov": ("governor",),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "sgt": ("sergeant",),
    "capt": ("captain",),
    "col": ("colonel",),
    "adm": ("admiral",),
    "pres": ("president",),
    "atty": ("attorney",),
    "supt": ("superintendent",),
    "det": ("detective",),
    "prof": ("professor",),
}
TOLD = {"congressman": MALE, "congresswoman": FEMALE}
INDEFINITE = {"a", "an"}
DEFINITE = {"the", "this", "that", "these", "those"}
# The named entities a description can stand for, and their kind.
NAMED_AS = {"PERSON": "person", "ORG": "organisation"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class Descriptions:
    """The descriptions one text ties to names (``descriptions``), for ``resolve``."""

    # a description's words, lower case, the last as its lemma ("prime", "minister") -> the
    # names the text tied it to, one Described a name (its fullest form)
    tied: dict[tuple[str, ...], list[Described]]
    # the people and bodies the text names, each once (one Described, the first form seen), with
    # where it names them (first tokens, in order); and which of them a description is tied to
    named: list[Described]
    where: list[list[int]]
    titled: frozenset[int]
    forms: list[list[Described]]  # every form each is written in
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # each naming: tokens, who
    first_names: Mapping[str, str] = field(default_factory=dict)  # what told the genders

    def gender(self, i: int) -> str | None:
        """The gender the names of ``named[i]`` tell, if any does."""
        return next((f.gender for f in self.forms[i] if f.gender), None)

    def at(self, token: int) -> int | None:
        """Who the naming holding ``token`` names, if a naming holds it."""
        return next((i for start, end, i in self.spans if start <= token < end), None)

    def fullest(self, i: int) -> str:
        """The fullest form ``named[i]`` is written in."""
        return max(self.forms[i], key=lambda d: (len(person_words(d.name)), len(d.name))).name

    def which(self, described: Described) -> int | None:
        """The position in ``named`` of the one ``described`` names."""
        return next(
            (
                i
                for i, forms in enumerate(self.forms)
                if any(identities.same(d, described) for d in forms)
            ),
            None,
        )


def _words(tokens: Sequence[Token], head: Token) -> tuple[str, ...]:
    """A description's key: its words up to its head, alphabetic, lower case, no determiner,
    the head as its lemma (so "the spokesmen" and "the spokesman" meet, and plurals are told
    apart by the tag, see ``resolve``)."""
    found = [w for t in tokens if t.i < head.i and (w := _word(t)) and w not in DETERMINERS]
    return (*found, head.lemma_.lower().rstrip("."))


def _word(token: Token) -> str | None:
    """A word of a description, lower case, an abbreviation's dot dropped ("Gov." -> gov); None
    for a number, a mark or the "s" of a possessive split from its apostrophe."""
    text = token.lower_.rstrip(".") if token.lower_.endswith(".") else token.lower_
    return text if text.isalpha() and len(text) > 1 and token.tag_ != "POS" else None


def _suffixes(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The key and its shorter forms without leading words, up to a role qualifier."""
    found = [key]
    for i, word in enumerate(key[:-1]):
        if word in ROLE_QUALIFIERS:
            break
        found.append(key[i + 1 :])
    return found


def _title_before(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The title words before a name ("Ruritanian Prime Minister" before "Jane Roe"): the
    modifiers just before it that hang on it, or on a word that does."""
    inside = set(range(start, end))
    before: list[Token] = []
    i = start - 1
    while i >= 0 and tokens[i].dep_ in {"compound", "amod"} and tokens[i].head.i in inside:
        before.insert(0, tokens[i])
        inside.add(i)  # "Prime" hangs from "Minister", which hangs from the name
        i -= 1
    # "The 2015 deal Obama's aides reached": the words before the "title" belong to a noun after
    # the name (or, misread, hang on a name that is a possessor: "the ... Obama's"), so it is no
    # title but a misread part of that phrase
    j = i
    while j >= 0 and tokens[j].dep_ in {"det", "nummod", "amod", "compound"}:
        head = tokens[j].head
        if head.i >= end or (head.i in inside and head.dep_ == "poss"):
            return []
        j -= 1
    title = [t for t in before if _word(t) and _word(t) not in COURTESY]
    # "the Pacific-rim trade deal Obama backed": after a determiner, a lower-case "title" is
    # most often a noun the parser ran into the name; a title proper is capitalised ("the
    # Prime Minister Jane Roe") or a known one ("the senator Jane Roe")
    if (
        title
        and i >= 0
        and tokens[i].dep_ == "det"
        and tokens[i].head.i in inside
        and title[-1].is_lower
        and _word(title[-1]) not in HONORIFICS
    ):
        return []
    return title


def _apart(first: Token, second: Token) -> bool:
    """Whether punctuation stands between two words (a comma, dash or bracket): a description in
    apposition after a name is written so ("Roe, the prime minister,"); without it, the parser's
    "appos" there is most often a misreading."""
    tokens = token_list(first.doc)
    low, high = sorted((first.i, second.i))
    return any(t.is_punct for t in tokens[low + 1 : high])


def _common(word: Token) -> bool:
    """A common noun as written: no capital after its first letter (a handle, "realRoe", or an
    acronym is no description)."""
    return word.is_alpha and word.text[1:].islower()


_KEPT = "framing_descriptions"


def descriptions(doc: Doc, *, first_names: Mapping[str, str] = {}) -> Descriptions:
    """What ``doc`` ties to names (``_tie``), made once and kept on the Doc: attribution and the
    actors stage both resolve with it (with the same ``first_names``, the first names that tell
    a gender, in one run)."""
    kept = doc.user_data.get(_KEPT)
    if kept is None or kept[0] is not first_names:
        kept = doc.user_data[_KEPT] = (first_names, _tie(doc, first_names))
    found: Descriptions = kept[1]
    return found


def _surnames(doc: Doc, tokens: Sequence[Token], names: Mapping[int, Span]) -> list[Span]:
    """The surnames the entity recogniser missed: "Akin made the remarks" in a text that named
    Todd Akin; a proper noun alone (no name runs on either side of it) that is the last word of
    a person named in full elsewhere in the text."""
    full = {e[-1].text for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}
    found = []
    for token in tokens:
        if (
            token.pos_ != "PROPN"
            or token.text not in full
            or token.i in names
            or in_dateline(token)
        ):
            continue
        around = [tokens[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(tokens)]
        if any(t.pos_ == "PROPN" or t.i in names for t in around):
            continue
        found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return found


def _acronym(entity: Span) -> bool:
    return (
        len(entity) == 1
        and entity.text.isalpha()
        and entity.text.isupper()
        and len(entity.text) > 1
    )


def _tie(doc: Doc, first_names: Mapping[str, str]) -> Descriptions:
    """Every description the text ties to a name: a person's title before the name ("President
    Jane Roe", "union spokesman Sam Okafor"), a description in apposition either way round
    ("Roe, the prime minister,", "the envoy, Sam Okafor,", "Unite, the union"), and a body's
    description before its name ("the rebel group Northern Front").  Which of several names a
    description stands for is decided where it is read (``resolve``)."""
    tokens = token_list(doc)
    names = {i: e for e in entities(doc) if e.label_ in NAMED_AS for i in range(e.start, e.end)}
    tied: dict[tuple[str, ...], list[Described]] = {}

    def written(entity: Span) -> Described:
        kind = NAMED_AS[entity.label_]
        before = tokens[entity.start - 1].text if entity.start else ""
        told = gender_of(entity.text, before, first_names) if kind == "person" else None
        if kind == "person" and told is None and _acronym(entity):
            kind = "organisation"  # "KTVI", "NBC": a call sign or initials, not a person's name
        elif kind == "organisation" and len(entity) > 1 and entity[0].lower_ in first_names:
            # "Michael G. Grimm" tagged a body: a first name makes a person
            kind = "person"
            told = gender_of(entity.text, before, first_names)
        title = _title_before(tokens, entity.start, entity.end) if kind == "person" else []
        role = tuple(w for t in title if (w := _word(t)) and w not in ROLE_QUALIFIERS)
        return Described(bare(entity.text), kind, entity.end - 1, told, role)

    def named(token: Token) -> Described | None:
        entity = names.get(token.i)
        return written(entity) if entity is not None else None

    def add(words: Sequence[Token], head: Token, token: Token) -> None:
        """Tie the description ``words`` (headed by ``head``) to the name at ``token``."""
        described = named(token)
        definite = words[0].lower_ not in INDEFINITE
        # "South Korea, a move that ...": an indefinite apposition describes a person far more
        # often than it does a body; "the questions -- Chuck Todd and others": one name is
        # described in the singular
        after = tokens[head.i + 1] if head.i + 1 < len(tokens) else None
        if (
            described is None
            or (not definite and described.kind != "person")
            or head.tag_ in {"NNS", "NNPS"}
            or (after is not None and (after.tag_ == "POS" or after.text in {"'", "\u2019"}))
        ):
            return  # ... nor is a possessor ("the company 's chairman") the description
        key = _words(words, head)
        nouns = [
            n
            for n in TITLE_NOUNS.get(key[-1], ())
            if TOLD.get(n, described.gender) in {described.gender, None}
        ]
        for full in [key, *((*key[:-1], noun) for noun in nouns)]:
            for shorter in _suffixes(full):
                tied.setdefault(shorter, []).append(described)

    for entity in entities(doc):
        if entity.label_ == "PERSON" and not in_dateline(tokens[entity.start]):
            title = _title_before(tokens, entity.start, entity.end)
            if title:
                add(title, title[-1], tokens[entity.end - 1])
    for token in tokens:
        if token.pos_ != "PROPN" or token.i not in names or in_dateline(token):
            continue
        for child in token.children:
            if child.pos_ != "NOUN":
                continue
            words = list(child.subtree)
            if child.dep_ in {"compound", "nmod"} and child.i < token.i:
                # "the rebel group Northern Front" (a person's titles are read above, from the
                # words before the whole name); not "the state Taxpayer's Bill of Rights", where
                # the name is part of another noun's phrase
                if names[token.i].label_ != "PERSON" and token.dep_ not in {"poss", "compound"}:
                    add(words, child, token)
            elif child.dep_ == "appos" and _apart(token, child) and _common(child):
                # "Roe, the prime minister," (not "Roe (@realRoe)")
                add(words, child, token)
        head = token.head
        if token.dep_ == "appos" and head.pos_ == "NOUN" and head.i < token.i:
            # "the envoy, Sam Okafor", "the rebel group Northern Front" (no comma needed here)
            words = [t for t in head.subtree if t.i <= head.i]
            add(words, head, token)
    named_spans = [e for e in entities(doc) if e.label_ in NAMED_AS]
    namings = [(written(e), e.start, e.end) for e in named_spans + _surnames(doc, tokens, names)]
    namings.sort(key=lambda n: n[1])
    names_once, where, members, spans = identities.group(namings)
    one_each = {key: identities.one_each(found) for key, found in tied.items()}
    table = Descriptions(one_each, names_once, where, frozenset(), members, spans, first_names)
    titled = {table.which(d) for found in tied.values() for d in found}
    return replace(table, titled=frozenset(i for i in titled if i is not None))


def _definite(tokens: Sequence[Token], head: Token) -> bool:
    """Whether a description refers back: "the spokesman", "this group", "the union's leader",
    "his lawyer"; not "a campaigner", "one woman", "experts", "many on the left" (someone new,
    or nobody in particular)."""
    first = tokens[0] if tokens else head
    return (
        first.lower_ in DEFINITE
        or first.tag_ == "PRP$"
        or any(t.tag_ == "POS" and t.i < head.i for t in tokens)
    )


# Head words that end the names of many kinds of body: "the party" may be any party the text
# names, "the state" the state or the country.
_TOO_GENERAL = {"party", "state", "group", "company", "organization", "organisation", "agency"}


def resolve(table: Descriptions, tokens: Sequence[Token], head: Token) -> Described | None:
    """What the description ``tokens`` (headed by ``head``) stands for, if the text tied it to a
    name and it refers back (``_definite``); never for a plural description ("two ministers",
    "the spokesmen")."""
    if not _definite(tokens, head):
        return None
    # "Iran's foreign minister", "the Republican president": a description may add words before
    # the title the text gave ("Foreign Minister Zarif", "President Trump"), never a role
    # qualifier ("the former FBI director" is not "FBI Director Comey")
    found: list[Described] = []
    for key in _suffixes(_words(tokens, head)):
        found = table.tied.get(key, [])
        if found:
            break
    if not found and head.tag_ == "NN" and head.lower_ not in _TOO_GENERAL:
        # "the House Ethics Committee ... the committee said": a body named with the word
        found = [
            d
            for d in table.named
            if d.kind == "organisation" and d.name.split()[-1:] == [head.text.capitalize()]
        ]
    if not found or head.tag_ in {"NNS", "NNPS"}:
        return None  # descriptions are tied in the singular: "the spokesmen" is not one name

    def last(i: int) -> int:
        """Where the text named ``i`` last before the description; -1 if it did not."""
        at = bisect.bisect_left(table.where[i], head.i)
        return table.where[i][at - 1] if at else -1

    candidates = {i for d in found if (i := table.which(d)) is not None}
    if not candidates:
        return None
    # the name tied to the description that the text gave last before it ...
    chosen = max(candidates, key=lambda i: (last(i), len(table.where[i]), -i))
    since = last(chosen)
    if since < 0:
        return None
    sentence = sentence_of(token_list(head.doc)[since])
    if any(sentence.start <= last(i) < sentence.end for i in candidates - {chosen}):
        return None  # "President Ann Reyes met President Tom Beck. The president said": either
    # ... unless someone the text names more often, and gives no title, came since: "President
    # Xi ... Trump said ... the president tweeted" may well be about Trump ("Judge Sullivan ...
    # former adviser Flynn ... the judge said" is not about Flynn)
    kind, often = table.named[chosen].kind, len(table.where[chosen])
    overtaken = any(
        table.named[i].kind == kind and len(table.where[i]) > often and last(i) > since
        for i in range(len(table.named))
        if i != chosen and i not in table.titled
    )
    if overtaken:
        return None
    # the form the description was tied to (its token is the name the title stood before)
    forms = table.forms[chosen]
    return next(
        (d for d in found if any(identities.same(d, f) for f in forms)), table.named[chosen]
    )
