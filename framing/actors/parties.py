"""The side a text ties a speaker to when no story config names sides: the party of a person
("Sen. Jane Roe (R-Ky.)", "Roe, a Democrat,", "Republican Sen. Jane Roe"), of a body that is a
party ("Senate Democrats", "the RNC"), or of an unnamed source the text gives a party ("Republican
aides", "a Democrat close to the talks").  The words come from ``lexicons/parties.tsv``.

A person the text ties to two parties gets none: the tags disagree, or one was read wrongly.
Sides found so are marked inferred wherever they are shown, and a story config that names sides
turns this off (``framing.features.attribution`` is given no Parties).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from framing.actors.descriptions import Descriptions
from framing.actors.names import bare
from framing.lexicons import PARTIES, Lexicons
from framing.nlp import Doc, Token, doc_text, token_list
from framing.records import Document


@dataclass(frozen=True, slots=True)
class Parties:
    """The words of ``lexicons/parties.tsv``, lower case, each with the side it tells."""

    tags: Mapping[str, str]  # "d" -> democratic, as in "(D-Calif.)"
    members: Mapping[str, str]  # "republican" -> republican, as in "Republican Sen. Roe"
    bodies: Mapping[str, str]  # "senate democrats" -> democratic


def resources(lexicons: Lexicons) -> Parties:
    found: dict[str, dict[str, str]] = {"tag": {}, "member": {}, "body": {}}
    for row in lexicons[PARTIES.name].rows:
        found[row.text(PARTIES, "use")][row.text(PARTIES, "term")] = row.text(PARTIES, "side")
    return Parties(found["tag"], found["member"], found["body"])


# A party tag right after a name: "(D-Calif.)", "(R-N.Y.)", ", R-Wis.,", "(D)", "(I-Vt.)".  The
# state is one or two capitalised words or abbreviations, closed by a bracket or a comma.
_TAG = re.compile(
    r"\s*(?:\(\s*(?P<bare>[A-Z])\s*\)"
    r"|,?\s*\(?\s*(?P<letter>[A-Z])\s*[-\u2013]\s*[A-Z][A-Za-z.]{0,13}(?:\s[A-Z][A-Za-z.]{0,13})?"
    r"\s*[),])"
)
# The words between a party word and the name it describes: titles and descriptions ("Republican
# presidential candidate", "GOP Sen.", "a former Democratic").
_DESCRIBING = {"PROPN", "NOUN", "ADJ", "DET", "ADV", "NUM"}
_REACH = 6  # tokens: "the top Republican on the Senate panel" stops at "on" well before


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _member(token: Token, parties: Parties) -> str | None:
    return parties.members.get(token.lower_) if _capitalised(token) else None


def people(doc: Doc, table: Descriptions, parties: Parties) -> dict[int, str]:
    """The side of each person of ``table.named`` the text ties to exactly one party."""
    tokens = token_list(doc)
    text = doc_text(doc)
    told: dict[int, set[str]] = defaultdict(set)
    for start, end, who in table.spans:
        if table.named[who].kind != "person":
            continue
        last = tokens[end - 1]
        tag = _TAG.match(text, last.idx + len(last.text))
        if tag is not None:
            letter = (tag.group("bare") or tag.group("letter")).lower()
            if letter in parties.tags:
                told[who].add(parties.tags[letter])
        # before the name, within its own noun phrase: "Republican Sen. Jane Roe"
        for i in range(start - 1, max(start - 1 - _REACH, -1), -1):
            token = tokens[i]
            if (side := _member(token, parties)) is not None:
                told[who].add(side)
                break
            if token.pos_ not in _DESCRIBING or table.at(i) not in (None, who):
                break
        # an apposition after it: "Roe, a Democrat,", "Roe, Republican of Kentucky,"; not
        # "Roe, Democratic leader Beck and ...": a list of names, the party is Beck's
        if end < len(tokens) and tokens[end].text == ",":
            phrase = []
            for i in range(end + 1, min(end + 1 + _REACH, len(tokens))):
                if tokens[i].pos_ not in _DESCRIBING:
                    break
                phrase.append(i)
            if all(table.at(i) in (None, who) for i in phrase):
                side = next((s for i in phrase if (s := _member(tokens[i], parties))), None)
                if side is not None:
                    told[who].add(side)
    return {who: next(iter(sides)) for who, sides in told.items() if len(sides) == 1}


def of_source(speaker: str | None, head: Token, parties: Parties) -> str | None:
    """The side of a body or an unnamed source: a party's own body ("Senate Democrats", "the
    RNC"), a source that is one of a party ("a Democrat", "Republicans in Congress"), or one
    its words give a party ("Republican aides", "GOP leaders")."""
    if speaker is not None and (side := parties.bodies.get(bare(speaker).lower())) is not None:
        return side
    # "Democrats in Congress", "a Republican close to the talks"; not "Liberal Democrats" or
    # "Sweden Democrats", another party whose name ends in the word
    named = any(
        c.i < head.i and c.dep_ in {"amod", "compound"} and _capitalised(c) and not c.is_sent_start
        for c in head.children
    )
    if _capitalised(head) and not named:
        side = parties.bodies.get(head.lower_) or _member(head, parties)
        if side is not None:
            return side
    for child in head.children:
        if (
            child.i < head.i
            and child.dep_ in {"amod", "compound", "nmod"}
            and (side := _member(child, parties)) is not None
        ):
            return side
    return None


def spread(documents: Sequence[Document]) -> list[Document]:
    """Each speaker's inferred side in every article of a story: an outlet that tags a senator
    "(R-Ky.)" tells the side of the senator another outlet quotes untagged.  A speaker inferred
    with two sides across articles is left as each article has it."""
    sides: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for a in doc.attributions:
            if a.side_inferred and a.speaker and a.side and a.kind in {"named", "organisation"}:
                sides[a.speaker].add(a.side)
    known = {speaker: next(iter(s)) for speaker, s in sides.items() if len(s) == 1}
    if not known:
        return list(documents)
    result = []
    for doc in documents:
        attributions = tuple(
            replace(a, side=known[a.speaker], side_inferred=True)
            if a.side is None and a.speaker in known and a.kind in {"named", "organisation"}
            else a
            for a in doc.attributions
        )
        result.append(replace(doc, attributions=attributions))
    return result
