"""Who a pronoun stands for, on the entity layer of ``framing.actors.descriptions``: the people
and bodies the text names, with the gender a name tells (``names.gender_of``), and the sources of
the attributions before it.

"he" and "she" take the person named last before them whose gender does not contradict them;
"they" a pair ("Pelham and Shaw"), a plural source or a body; "it" a body.  When another fitting
candidate stands in the same sentence as that one, the subject of its clause or the earlier source
is preferred, and when that does not decide, nobody is: the speaker stays unresolved, never a
guess.  A pronoun that points at nobody in particular ("those", "some", "others") is never
resolved at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from framing.actors import parties
from framing.actors.descriptions import Described, Descriptions
from framing.actors.names import FEMALE, MALE, bare
from framing.lexicons import FIRST_NAMES, Lexicons
from framing.nlp import Token, doc_text, sentence_of, token_list

PRONOUN_GENDER = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}  # fmt: skip
PLURAL = {"they", "them", "their", "themselves"}
BODY = {"it", "its", "itself"}
# Pronouns that stand for someone named before; the others ("those", "some", "many", "others",
# "both", "all", "I", "we", "you") are generic or the speaker's own voice.
PERSONAL = {*PRONOUN_GENDER, *PLURAL, *BODY}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Resources:
    first_names: Mapping[str, str]  # first name, lower case -> male | female
    parties: parties.Parties  # the party words that tell a speaker's side (no config sides)


def resources(lexicons: Lexicons) -> Resources:
    table = lexicons[FIRST_NAMES.name]
    return Resources(
        {
            row.text(FIRST_NAMES, "name").lower(): row.text(FIRST_NAMES, "gender")
            for row in table.rows
        },
        parties.resources(lexicons),
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a pronoun may stand for: where the text names them (a token), who, and how."""

    at: int
    name: str
    kind: str  # named | organisation | unnamed
    plural: bool = False
    gender: str | None = None
    subject: bool = False
    source: bool = False  # the source of an earlier attribution
    who: int | None = None  # its place in the text's table of names, when it has one
    side: str | None = None  # an earlier source's side (from the story config)

    def same(self, other: Candidate) -> bool:
        if self.who is not None and other.who is not None:
            return self.who == other.who
        return self.name == other.name


def _head(tokens: list[Token], start: int, end: int) -> Token:
    """The word of ``tokens[start:end]`` that the rest hangs on."""
    return next((t for t in tokens[start:end] if not start <= t.head.i < end), tokens[end - 1])


def candidates(
    table: Descriptions,
    pronoun: Token,
    sources: Sequence[Candidate] = (),
    quoted: Callable[[int, int], bool] | None = None,
) -> list[Candidate]:
    """Everyone ``pronoun`` could stand for, the latest first: the people and bodies the text
    names before it, the pairs it joins with "and", and the ``sources`` of earlier attributions."""
    tokens = token_list(pronoun.doc)
    found = [c for c in sources if c.at < pronoun.i]
    for start, end, i in table.spans:
        if start >= pronoun.i:
            break
        kind = "named" if table.named[i].kind == "person" else "organisation"
        head = _head(tokens, start, end)
        last = tokens[end - 1]
        if quoted is not None and quoted(tokens[start].idx, last.idx + len(last.text)):
            # '"Chairman Steele must apologize," he said': the person a quotation talks about
            # is not who speaks it
            continue
        plural = kind == "organisation" and head.tag_ == "NNPS"  # "Senate Democrats"
        found.append(
            Candidate(
                start, table.fullest(i), kind, plural, table.gender(i), _subject(head), False, i
            )
        )
        pair = [c for c in head.children if c.dep_ == "conj" and c.ent_type_ in {"PERSON", "ORG"}]
        if pair and pair[0].i < pronoun.i:
            other = next((s for s in table.spans if s[0] <= pair[0].i < s[1]), None)
            if other is not None:
                name = f"{table.fullest(i)} and {table.fullest(other[2])}"
                found.append(Candidate(start, name, "named", True, None, _subject(head)))
    if pronoun.lower_ in PLURAL:
        # "Five senators urged him to quit. They said ...": a plural subject
        text = doc_text(pronoun.doc)
        for token in tokens[: pronoun.i]:
            plural = token.tag_ in {"NNS", "NNPS"} or token.ent_type_ == "NORP"
            # the subject of a main clause ("The French hope that both sides ..." is the French)
            main = token.head.dep_ in {"ROOT", "conj"}
            if plural and main and token.dep_ in SUBJECTS:
                first = tokens[token.left_edge.i]
                if quoted is not None and quoted(first.idx, token.idx + len(token.text)):
                    continue  # the words of a quotation ("The issues at stake are ...")
                name = bare(text[first.idx : token.idx + len(token.text)], description=True)
                found.append(Candidate(first.i, name, "unnamed", True, None, True))
    return sorted(found, key=lambda c: (-c.at, not c.source, c.plural))


def _subject(token: Token) -> bool:
    # "NY1's reporter, Michael Scotto, interviewed him": the name in apposition to the subject
    return token.dep_ in SUBJECTS or (token.dep_ == "appos" and token.head.dep_ in SUBJECTS)


def fits(candidate: Candidate, pronoun: str) -> bool:
    if pronoun in PRONOUN_GENDER:
        wanted = PRONOUN_GENDER[pronoun]
        return (
            candidate.kind in {"named", "unnamed"}
            and not candidate.plural
            and (candidate.gender is None or candidate.gender == wanted)
        )
    if pronoun in PLURAL:
        return candidate.plural or candidate.kind == "organisation"
    return pronoun in BODY and candidate.kind == "organisation" and not candidate.plural


def antecedent(
    table: Descriptions,
    pronoun: Token,
    sources: Sequence[Candidate] = (),
    quoted: Callable[[int, int], bool] | None = None,
) -> Candidate | None:
    """Who ``pronoun`` stands for, or None: nobody fits, or two fit and nothing tells them apart
    (see the module's docstring)."""
    word = pronoun.lower_
    if word not in PERSONAL:
        return None
    fitting = [c for c in candidates(table, pronoun, sources, quoted) if fits(c, word)]
    if word in PLURAL:
        # US copy calls a body "it": "they" is people, or a body named in the plural ("Senate
        # Democrats"), when some fit ("People familiar with the case said ... the F.B.I. ...
        # They spoke on condition of anonymity")
        fitting = [c for c in fitting if c.plural] or fitting
    if not fitting:
        return None
    first = fitting[0]
    sentence = sentence_of(token_list(pronoun.doc)[first.at])
    rivals = [c for c in fitting if sentence.start <= c.at < sentence.end and not c.same(first)]
    if not rivals:
        return first
    # One sentence names two who fit: the source of its attribution, else its subject.
    close = [first, *rivals]
    for preferred in ([c for c in close if c.source], [c for c in close if c.subject]):
        if preferred and all(c.same(preferred[0]) for c in preferred):
            return preferred[0]
    return None


def source(
    table: Descriptions, head: Token, name: str, kind: str, side: str | None = None
) -> Candidate:
    """An attribution's source as a candidate for the pronouns after it: ``head`` is the word
    the source hangs on, ``name`` and ``kind`` who it resolved to."""
    plural = head.tag_ in {"NNS", "NNPS"} or head.lower_ in PLURAL or " and " in name
    who = table.which(Described(name, "person" if kind == "named" else "organisation", head.i))
    gender = PRONOUN_GENDER.get(head.lower_) or (table.gender(who) if who is not None else None)
    return Candidate(head.i, name, kind, plural, gender, True, True, who, side)
