"""When two values of one fact agree: the same amount in two units of a family, a rounded value
and the precise one it rounds, a bound and a value that meets it, a vague order of magnitude and
the values it admits (``differ``).  ``Item`` is one document's number as facts compares it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.records import Quantity

# Units of one family, converted to the first for comparing: physical constants, not story facts.
# The units of a length of time, as ``Quantity.unit`` writes them.
SPANS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
CONVERSIONS = {
    "seconds": ("days", 1 / 86400),
    "minutes": ("days", 1 / 1440),
    "hours": ("days", 1 / 24),
    "weeks": ("days", 7.0),
    "months": ("days", 30.4375),
    "years": ("days", 365.25),
    "miles": ("kilometres", 1.609344),
    "metres": ("kilometres", 0.001),
}


@dataclass(frozen=True, slots=True)
class Item:
    doc: str
    quantity: Quantity
    unit: str | None
    value: float | None  # the value compared: a share of a whole is turned into a count
    low: float | None
    high: float | None
    referent: str | None
    words: frozenset[str]
    lead: bool = False  # the document's first number for this unit and event
    anchors: frozenset[str] = frozenset()  # rare names beside the number, lower case
    names: tuple[str, ...] = ()  # the same words as written (``anchors``)

    @property
    def family(self) -> str | None:
        return CONVERSIONS.get(self.unit or "", (self.unit, 1.0))[0]

    @property
    def normal(self) -> float | None:
        """The value in the family's first unit: 3 months and 90 days are both about 91 days."""
        if self.value is None:
            return None
        return self.value * CONVERSIONS.get(self.unit or "", (self.unit, 1.0))[1]


def same_value(a: Item, b: Item) -> bool:
    """The same number, or the same amount in two units of one family (55 km and 34 miles);
    for a game's score, both sides (31-24 and 24-31 are one result, 31-21 another)."""
    if a.value is None or b.value is None:
        return False
    if "score" in {a.unit, b.unit}:
        return a.unit == b.unit and _sides(a) == _sides(b)
    if a.unit == b.unit or a.family != b.family:
        # 58 and 59 hostages differ (only conversions are rounded); "6.1 magnitude" and "a 6.1
        # quake" are one number named two ways
        return a.value == b.value
    # one family: "a day" and "a year" differ, 3 months and 90 days agree
    x, y = a.normal, b.normal
    return x is not None and y is not None and abs(x - y) <= 0.03 * max(x, y)


def rounded(a: Item, b: Item) -> bool:
    """One value is the other rounded: "$2.1 billion" and "$2.085 billion", "$43,000" and
    "$43,350".  A value written with a multiplier word is rounded to the last digit before it
    (2.1 billion: to 0.1 billion); a whole number ending in three zeros or more ("43,000") is
    rounded to its last non-zero digit when the other is precise (it ends in fewer than two
    zeros).  Other numbers are exact, so 58 and 60 hostages differ, as do 1,000 and 1,100."""
    if a.value is None or b.value is None or a.unit != b.unit or a.unit == "score":
        return False
    steps = [step for step in (_step(a), _step(b)) if step is not None]
    for rough, precise in ((a, b), (b, a)):
        if _zeros(rough.value) >= 3 and _zeros(precise.value) < 2:
            steps.append(10.0 ** _zeros(rough.value))
    return bool(steps) and abs(a.value - b.value) <= max(steps) / 2 * (1 + 1e-9)


def _sides(item: Item) -> tuple[int, ...]:
    """A score's two sides as written ("31-24"), the larger first."""
    return tuple(sorted((int(n) for n in _NUMBERS.findall(item.quantity.text)), reverse=True))


_NUMBERS = re.compile(r"\d+")


def _zeros(value: float | None) -> int:
    """The trailing zeros of a whole number (0 for a fraction)."""
    if value is None or not float(value).is_integer() or value == 0:
        return 0
    digits = str(int(abs(value)))
    return len(digits) - len(digits.rstrip("0"))


def _step(item: Item) -> float | None:
    """The rounding step of a value written with a multiplier word, None for a plain number."""
    found = _MULTIPLIED.search(item.quantity.text.lower())
    if not found or item.quantity.unit == "percent":
        return None
    decimals = len(found.group(2) or "")
    return float(10**-decimals * _MULTIPLIERS[found.group(3)])


# (the multiplier words of lexicons/numbers.tsv that news writes after digits)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
_MULTIPLIED = re.compile(r"(\d+)(?:\.(\d+))?\s*(thousand|million|billion|trillion|bn)\b")
# A vague plural names an order of magnitude: lexicons/numbers.tsv gives its lower bound as two
# of the unit ("hundreds": 200, "tens of thousands": 20,000), so five times that ends it.
VAGUE_SPAN = 5


def bounded(a: Item, b: Item) -> bool:
    """One value is a bound its qualifier gives that the other meets within the bound's rounding
    step: "over $300" and "$313.89", "nearly 60" and 58.  A writer rounds a figure down to its
    last non-zero digit to say "over" (AP style), so "over $300" is $300 and some, up to $400,
    while "over 30,000" and "over 54,000" differ, as do "nearly 60" and 61; an approximate
    value ("about", "roughly") admits what lies within its step: "roughly 400 miles" and "412
    miles", "about 2,300 votes" and "2,341 votes", not "about 1,500" and "1,200"."""
    if a.value is None or b.value is None or a.unit != b.unit or a.unit == "score":
        return False
    for bound, other in ((a, b), (b, a)):
        v, x = bound.value, other.value
        if not bound.quantity.qualifier or v is None or x is None:
            continue
        step = _step(bound) or 10.0 ** _zeros(v)
        if bound.high is not None and v - step < x <= v:
            return True
        if bound.high is None and bound.low is not None and v <= x < v + step:
            return True
        if bound.high is None and bound.low is None and abs(x - v) < step:
            return True  # "about 2,300" is 2,300 give or take its last non-zero digit's step
    return False


def _admits(vague: Item, amount: float) -> bool:
    low = vague.low or 0.0
    return low <= amount < low * VAGUE_SPAN


def differ(values: Sequence[Item]) -> bool:
    """Values differ: as amounts, so 3 months and 90 days agree while 58 and 60 do not; a
    rounded value agrees with the precise one it rounds; a vague "tens of thousands" agrees with
    the values its order of magnitude admits (20,000 to 99,999) and with a vague value whose
    range meets its own."""
    exact = [v for v in values if v.value is not None]
    if any(
        not same_value(a, b) and not rounded(a, b) and not bounded(a, b)
        for i, a in enumerate(exact)
        for b in exact[i + 1 :]
    ):
        return True
    amounts = [v.normal for v in exact if v.normal is not None]
    vague = [v for v in values if v.value is None and v.low is not None]
    if any(not _admits(v, x) for v in vague for x in amounts):
        return True
    return any(
        (a.low or 0) >= (b.low or 0) * VAGUE_SPAN or (b.low or 0) >= (a.low or 0) * VAGUE_SPAN
        for i, a in enumerate(vague)
        for b in vague[i + 1 :]
    )
