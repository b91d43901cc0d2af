"""Pronoun mentions of actors: "he", "his", "her" that stand for the one person in view.

In news copy a person is named once and then mostly "he" or "she", and what is said of them
there is what the reader takes of them, so such a pronoun is a mention of that person (the one
``people.antecedent``, the resolver attribution uses for "he said", would find).  Only when nobody
else could be meant: the tagger misses names and a general resolver guesses; and never inside a
quotation.  Read beside six BASIL stories (dev), 35 of 35 such mentions outside quotations named
the right person, and 3 of 8 inside them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping

from framing.actors import descriptions, junk, people
from framing.actors.names import HONORIFICS
from framing.nlp import Doc, Token, sentence_of, token_list


def mentions(
    doc: Doc,
    table: descriptions.Descriptions,
    group_of: Mapping[int, int],
    quoted: Callable[[int, int], bool] | None,
) -> list[tuple[int, int, int]]:
    """ "he", "his", "her" is a mention of the person the pronoun resolver would tie it to
    (``people.antecedent``, the one attribution uses for "he said") when that person is the
    only one in view (``_the_one``, ``_alone``): in news copy a person is named once and then mostly "he" or
    "she", and what is said of them there is what the reader takes of them.  A general resolver
    guesses among several people and the tagger misses names ("Kimmel mocked Kanye West for his
    meeting"): read as a reader would, about two in five of its other answers on NewsMTSC
    sentences were someone else (a dev figure, ``evaluation/newsmtsc_analyze.py``).  Only the
    singular personal pronouns: "they" and "it" stand as often for no actor at all."""
    found: list[tuple[int, int, int]] = []
    if not group_of:
        return found
    tokens = token_list(doc)
    spans = sorted(table.spans)
    for token in tokens:
        if token.lower_ not in people.PRONOUN_GENDER or token.i in group_of:
            continue
        if quoted is not None and quoted(token.idx, token.idx + len(token.text)):
            # '"I'd like to beat him," Roe said': a quotation's "him" is seldom who speaks it,
            # and who else the speaker means the text outside it does not tell
            continue
        sentence = sentence_of(token)
        first = sentence_of(tokens[sentence.start - 1]).start if sentence.start else 0
        view = spans[
            bisect.bisect_left(spans, (first,)) : bisect.bisect_left(spans, (sentence.end,))
        ]
        who = _the_one(tokens, table, view, token, quoted)
        if who is None:
            continue
        # where the resolver would point: the latest naming of that person before the pronoun
        at = max(s for s, _, i in view if i == who and s < token.i)
        group = group_of.get(at)
        if group is not None and _alone(tokens, table, view, first, who, token):
            found.append((token.idx, token.idx + len(token.text), group))
    return found


# Entities that are no person: a capitalised word in them hides nobody.
_NO_PERSON = {
    "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
    "CARDINAL", "LANGUAGE", "LAW", "EVENT",
}  # fmt: skip
# Words written in capitals before a name that are no name themselves ("Judge", "Sen.").
_TITLE_WORDS = HONORIFICS | junk.PERSONAL | junk.TITLES


def _the_one(
    tokens: list[Token],
    table: descriptions.Descriptions,
    view: list[tuple[int, int, int]],
    pronoun: Token,
    quoted: Callable[[int, int], bool] | None,
) -> int | None:
    """The one person named before ``pronoun`` among the namings ``view`` (its sentence and the
    one before), outside quotations, of a gender the pronoun fits, as ``people.antecedent``
    would find them; None when there is not exactly one."""
    found = set()
    for s, e, i in view:
        if s >= pronoun.i or table.named[i].kind != "person":
            continue
        if quoted is not None and quoted(
            tokens[s].idx, tokens[e - 1].idx + len(tokens[e - 1].text)
        ):
            continue
        found.add(i)
    if len(found) != 1:
        return None
    who = found.pop()
    gender = table.gender(who)
    return who if gender is None or gender == people.PRONOUN_GENDER[pronoun.lower_] else None


def _alone(
    tokens: list[Token],
    table: descriptions.Descriptions,
    view: list[tuple[int, int, int]],
    first: int,
    who: int,
    pronoun: Token,
) -> bool:
    """Whether the person ``table.named[who]`` is the only one in view of ``pronoun``: named in
    its sentence or the one before, and no other person there, by a name the tagger found, a
    capitalised name it did not, or a pronoun before the naming ("She told Pauley she was ...");
    and the pronoun's clause does not make it someone else: "him" or "her" whose clause's
    subject is that person ("Winfrey joined her"), a subject pronoun whose clause holds the
    naming ("The Trump administration, he said, wanted ..."), a subject of a clause about that
    person ("Malik, whom he had met"), a possessive or reflexive in a clause whose subject is a
    noun ("the activist raised his crutches")."""
    sentence = sentence_of(pronoun)
    named = [(s, e) for s, e, i in view if i == who]
    for s, e, i in view:
        if i == who:
            continue
        # a one-word "organisation" is as often a surname the tagger mislabelled ("Pence")
        alone = e - s == 1 and (not s or tokens[s - 1].lower_ != "the")
        if table.named[i].kind == "person" or alone:
            return False
    spans = [(s, e) for s, e, _ in view]
    for token in tokens[first : sentence.end]:
        if token.lower_ in people.PRONOUN_GENDER and token.i < named[0][0]:
            return False
        if not token.text[:1].isupper() or token.pos_ not in {"PROPN", "NOUN"}:
            continue  # a name, or one the tagger took for a noun ("the way Pence has run")
        if token.ent_type_ in _NO_PERSON or token.lower_.rstrip(".") in _TITLE_WORDS:
            continue
        if not any(s <= token.i < e for s, e in spans):
            return False
    clause = pronoun.head
    while clause.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis"}:
        if clause == clause.head:
            break
        clause = clause.head
    subjects = [c for c in clause.children if c.dep_ in people.SUBJECTS and c != pronoun]
    if not subjects and clause.dep_ == "conj":  # "said that ..., and complimented him": shared
        subjects = [c for c in clause.head.children if c.dep_ in people.SUBJECTS]
    bound = pronoun.lower_ in {"him", "her"} and pronoun.dep_ not in {"poss", *people.SUBJECTS}
    if bound and any(s - 1 <= c.i < e for c in subjects for s, e in named):
        return False
    if pronoun.dep_ in people.SUBJECTS:
        held = range(pronoun.head.left_edge.i, pronoun.head.right_edge.i + 1)
        if any(s in held and s != pronoun.i for s, _ in named):
            inside = [t for t in pronoun.head.children if t.dep_ in {"ccomp", "parataxis"}]
            if any(t.left_edge.i <= s <= t.right_edge.i for t in inside for s, _ in named):
                return False
        if pronoun.head.dep_ == "relcl" and table.at(pronoun.head.head.i) == who:
            return False
    if pronoun.lower_ in {"he", "she", "him"}:
        return True
    return not any(c.pos_ == "NOUN" and c.i < pronoun.i and table.at(c.i) is None for c in subjects)
