"""Omissions: a fact most articles of a story report and one leaves out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.compare.values import Item, rounded, same_value
from framing.records import Claim, Fact, Omission, Span

_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _figures(text: str) -> set[str]:
    """The numbers written in digits in ``text``, as written ("43,350")."""
    return set(_FIGURE.findall(text))


def omissions(
    facts: Sequence[Fact],
    doc_ids: Sequence[str],
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
    (``facts.items(documents, quoted=True)``)."""
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
        if len(covered) < 2 or 2 * len(covered) <= len(doc_ids):
            continue
        values = [i for d in covered for i in items.get(d, []) if _holds(fact, i)]
        for doc in sorted(set(doc_ids) - set(covered)):
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
            found.append(Omission(doc=doc, what=fact.what, covered_by=tuple(covered)))
    return tuple(found)


def _restates(mine: Item, value: Item) -> bool:
    """The same value, rounded or not, of the same unit and event."""
    if mine.quantity.event != value.quantity.event or mine.family != value.family:
        return False
    return same_value(mine, value) or rounded(mine, value)


def _holds(fact: Fact, item: Item) -> bool:
    """Whether ``item`` is one of the fact's values."""
    return any(v.doc == item.doc and v.span == item.quantity.span for v in fact.values)
