"""Omissions: a fact most articles of a story report and one leaves out, and whether framing
can be sure of it.

An omission is found where none of the document's numbers reports the fact (see ``omissions``).
It is *sure* (``Omission.doubt`` empty) only where the fact is surely one thing and the document
surely does not give it; otherwise ``doubt`` says why not, and a report lists the row without
saying the outlet leaves it out.  Each doubt below was a kind of wrong "leaves out" sentence
read beside SEESAW's train and valid articles (dev); the counts are in the comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.compare.values import CONVERSIONS, SPANS, Item, rounded, same_value
from framing.records import SHARES, Claim, Document, Fact, FactValue, Omission, Span

_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# Below this, a count of things tied to no event may be given by naming them ("two ferries" where
# an article names both ferries; "two deputies" where it says "her two lieutenants"): SEESAW dev,
# 2 of the 3 wrong omissions left after the other doubts were such counts.  Ten is where news
# style (AP) starts writing numbers in figures; the counts below it are the few things an
# article lists.
FEW = 10

# Why an omission is not sure, as a report says it.
DIFFER = "the articles that give it differ on the figure"
SHARE = "a share, a lead or a figure of no known unit"
VAGUE = "a vague figure"
NUMBER_ONLY = "its figures agree in number only"
TWO_GROUPS = "its figures count two groups"
TWO_THINGS = "its figures count different things"
ONE_SPAN = "a single unit of time, which an article may give as a date or in other words"
FEW_THINGS = "a count of a few things, which an article may give by naming them"
OTHER_WORDS = "the article may give the figure in other words"


def _figures(text: str) -> set[str]:
    """The numbers written in digits in ``text``, as written ("43,350")."""
    return set(_FIGURE.findall(text))


def omissions(
    facts: Sequence[Fact],
    documents: Sequence[Document],
    *,
    numbers: Sequence[Item] = (),
    claims: Sequence[Claim] = (),
) -> tuple[Omission, ...]:
    """Facts that most documents report (more than half of them, and at least two) and one
    leaves out: none of its quantities reports the fact (a value in another row of the same
    thing, or a number of the same unit and event with one of the fact's values, rounded or
    not, its own or one it quotes), and no sentence of it that the claims step matched with
    another article's sentence holding the fact's value gives that figure in digits (a number
    the number reader did not take).  ``numbers``: the documents' numbers, speakers' included
    (``facts.items(documents, quoted=True)``).  Each omission says why framing cannot be sure
    of it, if it cannot (``doubt``)."""
    docs = {d.id: d for d in documents}
    rows = {(v.doc, f.what) for f in facts for v in f.values}
    items: dict[str, list[Item]] = {}
    for item in numbers:
        items.setdefault(item.doc, []).append(item)
    # a document -> the other documents' sentences the claims step matched with one of its own,
    # and that sentence of its own
    matched: dict[str, list[tuple[str, Span, str]]] = {}
    for claim in claims:
        for mine in claim.sentences:
            others = [(o.doc, o.span, mine.text) for o in claim.sentences if o.doc != mine.doc]
            matched.setdefault(mine.doc, []).extend(others)
    found = []
    for fact in facts:
        covered = sorted({v.doc for v in fact.values})
        if len(covered) < 2 or 2 * len(covered) <= len(docs):
            continue
        values = [i for d in covered for i in items.get(d, []) if _holds(fact, i)]
        for doc in sorted(set(docs) - set(covered)):
            if (doc, fact.what) in rows:
                continue  # its value stands in another row of the same thing
            if any(_restates(mine, v) for mine in items.get(doc, []) for v in values):
                continue
            if any(
                o_doc == v.doc and span.contains(v.span) and _figures(v.text) & _figures(text)
                for o_doc, span, text in matched.get(doc, [])
                for v in fact.values
            ):
                continue  # a sentence of it matches one that gives the figure
            found.append(Omission(doc, fact.what, tuple(covered), fact.id, doubt(fact, docs[doc])))
    return tuple(found)


def doubt(fact: Fact, doc: Document) -> str:
    """Why framing cannot be sure that ``doc`` leaves ``fact`` out, or "" when it can: the row
    must be one thing (its values agree, all numbers of a known unit, none a share or a lead;
    they count one thing or share a unit, an event, a label or a name; no two count two groups;
    a count of a few things must be tied to an event) and the document must not give the figure
    in other words."""
    if fact.status != "agree":
        return DIFFER
    if fact.unit is None or fact.unit in SHARES:
        return SHARE
    if any(v.value is None for v in fact.values):
        return VAGUE
    if fact.basis == "words":
        # "three other nurses" and "three fellow council members" agree in number only
        return NUMBER_ONLY
    if _qualified_apart(fact):
        return TWO_GROUPS
    if _counts_apart(fact):
        return TWO_THINGS
    value = fact.values[0].value
    if fact.basis == "counted" and value is not None and value < FEW:
        return FEW_THINGS
    if value == 1 and fact.unit in SPANS:
        # "a week", "a one-year pause": an article may say "its eighth day" or "until next
        # year" (SEESAW dev: 2 of the 55 omissions read)
        return ONE_SPAN
    if _said_otherwise(doc, fact):
        return OTHER_WORDS
    return ""


def _restates(mine: Item, value: Item) -> bool:
    """The same value, rounded or not, of the same unit and event."""
    if mine.quantity.event != value.quantity.event or mine.family != value.family:
        return False
    return same_value(mine, value) or rounded(mine, value)


def _holds(fact: Fact, item: Item) -> bool:
    """Whether ``item`` is one of the fact's values."""
    return any(v.doc == item.doc and v.span == item.quantity.span for v in fact.values)


def _said_otherwise(doc: Document, fact: Fact) -> bool:
    """Whether the document gives the fact's figure in a row of its own: the same amount of the
    same unit ("$1.6 billion", "two months": a count of people is too common to tell), or the
    same number in a phrase that shares a word with the fact's ("two Danish ports" where
    the others say "two Danish harbours"), or as the whole of a part ("three of the seven"), or
    the figure as the others write it where no number was read ("about the $2.4 billion the
    council plans").  SEESAW dev stories: 4 of the 34 omissions first read beside the articles
    were so, and a part of a whole ("N of the M") of a later reading."""
    value = fact.values[0].value
    theirs = set().union(*(_content(v.text) for v in fact.values))
    measured = fact.unit not in {None, "people"}
    # the same number of people or things counted in other words ("52 council members" where the
    # others say "52 Liberals"; SEESAW dev: 1 of the 55 omissions read); below FEW, too common to tell
    many = value is not None and value >= FEW
    if any(
        (
            q.value == value
            and (
                (measured and q.unit == fact.unit)
                or (many and _counts(q.unit) and _counts(fact.unit))
                or _content(q.text) & theirs
            )
        )
        or q.base == value
        for q in doc.quantities
    ):
        return True
    text = " ".join(doc.text.lower().split())
    return measured and any(f in text for f in map(_figure, fact.values) if f)


def _counts(unit: str | None) -> bool:
    """Whether a unit counts things (people, jurors, ballots), not money, shares or time."""
    return unit is not None and unit != "money" and unit not in SHARES | SPANS | CONVERSIONS.keys()


def _qualified_apart(fact: Fact) -> bool:
    """Whether two of the fact's figures qualify what they count in words the other lacks
    entirely: "four elected judges" and "four appointed judges" are two
    groups (SEESAW dev stories: 1 of the 34 omissions read).  A figure with no such words
    ("300 nurses" beside "300 night-shift nurses") qualifies nothing away."""
    kinds = []
    for words in filter(None, map(_phrase, fact.values)):
        words = [w for w in words if w not in _NUMBER_WORDS]
        kinds.append(set(words[:-1]) - _QUALIFIERS - _SMALL)  # the last word is what is counted
    return any(a and b and not a & b for i, a in enumerate(kinds) for b in kinds[i + 1 :])


def _counts_apart(fact: Fact) -> bool:
    """Whether two of a count's figures name different things: "two towns" and "two marches",
    joined by an event word read twice ("the two towns remain", "to hold two marches"); SEESAW
    dev: 1 of the 55 omissions read.  A word for people in general ("150 people", "150
    villagers") names nothing apart; money and lengths of time name what they pay or last
    ("a $4 million fine"), so only counts are read."""
    if fact.unit != "people" and fact.basis != "counted":
        return False
    nouns = set()
    for words in filter(None, map(_phrase, fact.values)):
        if words[-1] not in _NUMBER_WORDS | _SMALL:  # a bare number has no noun to compare
            nouns.add(words[-1].removesuffix("s"))
    return len(nouns - {"people", "person"}) > 1


def _phrase(value: FactValue) -> list[str] | None:
    """The words of a figure's phrase, lower case; None for a share or a part ("80% of the
    town's residents"), which has no "N qualifier noun" shape."""
    if "%" in value.text or " of " in value.text:
        return None
    return re.findall(r"[a-z]+", value.text.lower())


def _figure(value: FactValue) -> str | None:
    """The figure as written, without its qualifier and what it counts: "$1.6 billion" of
    "nearly $1.6 billion figure", "two months" of "about two months" (a unit of time stays)."""
    words = value.text.lower().split()
    while words and words[0] in _QUALIFIERS:
        words = words[1:]
    kept = []
    for w in words:
        if any(c.isdigit() for c in w) or w in _NUMBER_WORDS or w in _SMALL:
            kept.append(w)
        else:
            if kept and w.rstrip("s") in _TIME_UNITS:
                kept.append(w)
            break
    if not kept or kept[0] == "a" or not (any(c.isdigit() for c in kept[0]) or len(kept) > 1):
        return None  # "a year" is too common to be the figure; "two" alone too
    return " ".join(kept)


# The words of a figure's phrase that say the number or hedge it, not what it counts: the number
# words, vague plurals and qualifiers of lexicons/numbers.tsv that news figures use.  (The
# comparison sees records, not lexicons: these only tell a phrase's words apart.)
_QUALIFIERS = {"about", "nearly", "almost", "roughly", "some", "around", "approximately", "over",
               "more", "than", "less", "fewer", "at", "least", "up", "to", "just", "as", "many",
               "much"}  # fmt: skip
_SMALL = {"one", "two", "six", "ten", "a"}
_TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "decade"}


def _content(text: str) -> set[str]:
    """A phrase's words other than number words, lower case: what the figure is of."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3} - _NUMBER_WORDS


# number words say the figure, not what it is of
_NUMBER_WORDS = {"three", "four", "five", "seven", "eight", "nine", "eleven", "twelve",
                 "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                 "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
                 "millions", "billion", "trillion", "dozen", "dozens", "more", "than", "about",
                 "nearly", "some", "least", "over"}  # fmt: skip
