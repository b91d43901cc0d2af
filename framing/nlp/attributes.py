"""The attribute ruler's token patterns, matched on whole columns of a parse at once.

spaCy's ``attribute_ruler`` sets each token's part of speech and morphology from its tag, plus a
few exceptions, by matching its 179 patterns (en_core_web_sm 3.8) with the general ``Matcher``:
about 17 microseconds a token, a tenth of the time of the whole pipeline on news articles
(measured here on 150 articles of Article-Bias-Prediction: matching 3.2 s, setting the
attributes 0.35 s, the pipeline 30 s).  Every one of those patterns is one or two tokens tested
for equality, ``IN``, ``NOT_IN`` or ``REGEX`` on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``,
which can be tested on the Doc's array of each attribute in a few vectorised comparisons.

``compile_rules`` turns the ruler's patterns into ``Rule``s, or returns None when any pattern has
another shape (an operator, another attribute or predicate): the caller then keeps spaCy's
Matcher for the whole ruler.  ``matches`` returns exactly the list the ruler's own ``match``
returns (the same tuples, sorted the same way), so the ruler then sets the same attributes and the
parse is unchanged; ``tests/nlp/test_attributes.py`` compares the two on real text.

No spaCy or numpy import here: the columns are whatever array ``Doc.to_array`` gives, used
through its operators (``==``, ``&``, ``|``, ``~``) and ``nonzero``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# The token attributes the compiled patterns may test; the caller reads these columns.
ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_FLAGS = frozenset({"IS_SPACE"})  # tested as 0 / 1, the others as string hashes


@dataclass(frozen=True, slots=True)
class Test:
    """One attribute of one token: equal to one of ``values`` (``negate``: to none of them), or
    (``regex``) its string matched by ``regex``."""

    attr: str
    values: tuple[int, ...] = ()
    negate: bool = False
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the ruler: ``order`` is the index of its attributes in the ruler (matches are
    applied in that order, later ones winning), ``key`` the Matcher's id for it."""

    order: int
    key: int
    tokens: tuple[tuple[Test, ...], ...]


def _test(attr: str, value: Any, hash_of: Callable[[str], int]) -> Test | None:
    def one(v: Any) -> int | None:
        if attr in _FLAGS:
            return int(v) if isinstance(v, bool | int) else None
        return hash_of(v) if isinstance(v, str) else None

    if not isinstance(value, dict):
        found = one(value)
        return None if found is None else Test(attr, (found,))
    if len(value) != 1:
        return None
    ((predicate, argument),) = value.items()
    if predicate in ("IN", "NOT_IN") and isinstance(argument, list | tuple):
        values = [one(v) for v in argument]
        if any(v is None for v in values):
            return None
        return Test(attr, tuple(v for v in values if v is not None), negate=predicate == "NOT_IN")
    if predicate == "REGEX" and isinstance(argument, str) and attr not in _FLAGS:
        return Test(attr, regex=re.compile(argument))
    return None


def compile_rules(
    patterns: Sequence[Mapping[str, Any]], *, hash_of: Callable[[str], int]
) -> tuple[Rule, ...] | None:
    """The ruler's patterns (``AttributeRuler.patterns``, in order) as Rules, or None if any one
    cannot be compiled.  ``hash_of`` is spaCy's string hash."""
    rules = []
    for order, entry in enumerate(patterns):
        key = hash_of(str(order))  # the ruler's own id for its order-th entry
        for pattern in entry["patterns"]:
            if not pattern:
                return None
            tokens = []
            for spec in pattern:
                tests = []
                for name, value in spec.items():
                    attr = name.upper()
                    test = _test(attr, value, hash_of) if attr in ATTRS else None
                    if test is None:
                        return None
                    tests.append(test)
                tokens.append(tuple(tests))
            rules.append(Rule(order, key, tuple(tokens)))
    return tuple(rules)


def matches(
    rules: Sequence[Rule],
    columns: Mapping[str, Any],
    length: int,
    *,
    string_of: Callable[[int], str],
) -> list[tuple[int, int, int, int]]:
    """``(order, key, start, end)`` for every match of ``rules`` in a Doc of ``length`` tokens
    whose attribute arrays are ``columns`` (one per name in ATTRS), sorted as the ruler sorts."""
    masks: dict[Test, Any] = {}

    def mask(test: Test) -> Any:
        found = masks.get(test)
        if found is not None:
            return found
        column = columns[test.attr]
        values = test.values
        if test.regex is not None:
            pattern = test.regex
            values = tuple(v for v in set(column.tolist()) if pattern.search(string_of(v)))
        # compared as the array's own type: a 64-bit hash as a Python int may become a float
        typed = [column.dtype.type(v) for v in values]
        found = column != column  # all False
        for value in typed:
            found = found | (column == value)
        if test.negate:
            found = ~found
        masks[test] = found
        return found

    result: list[tuple[int, int, int, int]] = []
    for rule in rules:
        size = len(rule.tokens)
        if size > length:
            continue
        window = None
        for offset, tests in enumerate(rule.tokens):
            for test in tests:
                part = mask(test)[offset : length - size + 1 + offset]
                window = part if window is None else window & part
        starts = range(length - size + 1) if window is None else window.nonzero()[0].tolist()
        result.extend((rule.order, rule.key, start, start + size) for start in starts)
    result.sort()
    return result
