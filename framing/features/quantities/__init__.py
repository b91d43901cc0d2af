"""Numeric claims: "over 4,000 villagers killed", "a 45-day pause", "nearly 80% of two million".

Numbers are found by spaCy's entity recogniser (CARDINAL, PERCENT, MONEY, QUANTITY, and DATE
only for durations such as "60-day"), so dates, ordinals and years are left out by the model that
knows them best; odds ("50/50") are left out by their shape, and a game's score ("won 31-24")
and a measurement glued to its unit ("magnitude-6.1") are read by it (``shapes``).  Each number is read
with ``lexicons/numbers.tsv`` (number words, multipliers, vague plurals, qualifiers) and described
with ``lexicons/facts.tsv``:

- ``value``, ``low``, ``high``, ``qualifier``: "over 30,000" is value 30000, low 30000;
  "nearly 90%" value 90, high 90; "tens of thousands" no value, low 20000;
- ``unit``: people, a duration (days), percent, money, or the counted word;
- ``counted``: the noun the number counts ("hostages"), ``event``: what happened to it, in the
  order of evidence: an adjective on the noun ("remaining hostages", "displaced people"), the
  verb or noun that governs the phrase ("killed 54,000", "the release of 2,000"), a participle
  hanging from the noun ("3,000 villagers already killed"), the noun a duration measures ("a
  60-day pause": truce);
- ``base``: for a percentage of a whole ("90% of a population of two million"), or a part of a
  whole counted before ("three of the seven"), the whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from framing.features.quantities import events, shapes
from framing.lexicons import FACTS, NUMBERS, Lexicons
from framing.nlp import (
    Doc,
    Token,
    doc_text,
    entities,
    heads,
    sentence_bounds,
    sentence_of,
    token_list,
)
from framing.nlp import Span as SpacySpan
from framing.quotes import QuotedRegions
from framing.records import Quantity, Span

LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_DURATION = re.compile(
    r"^(?:(?:the|a|an|another|almost|nearly|about|around|some|over|more than|at least|up to|just"
    r"|roughly|approximately)\s+)*"
    r"(\d[\d,.]*|[a-z]+)[- ](second|minute|hour|day|night|week|month|year)s?(-old)?$",
    re.I,
)
_ODDS = re.compile(r"\d\s*[/:]\s*\d|\d-\d")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CURRENCY = re.compile(r"[$\u20ac\u00a3\u00a5]|\b(?:dollars?|euros?|pounds?|usd|eur|gbp)\b", re.I)
_THE = {"the", "these", "those"}
_MARGIN = "margin of error"
PEOPLE_EVENTS = {"killed", "injured", "displaced", "abducted", "arrested", "released", "held"}


@dataclass(frozen=True, slots=True)
class Resources:
    numbers: Mapping[str, float]
    multipliers: Mapping[str, float]
    vague: Mapping[str, float]
    qualifiers: Mapping[str, float]  # phrase -> 1 lower bound, -1 upper bound, 0 approximate
    events: Mapping[str, str]
    persons: frozenset[str]
    times: Mapping[str, str]
    units: Mapping[str, str]
    scores: frozenset[str]  # words that make "31-24" a game's score
    margins: frozenset[str]  # phrases that make a number near them a margin of error
    # words that make a number a term of something proposed: modal -> "modal", else "proposal"
    proposals: Mapping[str, str]


def resources(lexicons: Lexicons) -> Resources:
    by_kind: dict[str, dict[str, float]] = {}
    for row in lexicons[NUMBERS.name].rows:
        kind = row.text(NUMBERS, "kind")
        by_kind.setdefault(kind, {})[row.text(NUMBERS, "term").lower()] = row.number(
            NUMBERS, "value"
        )
    facts: dict[str, dict[str, str]] = {}
    for row in lexicons[FACTS.name].rows:
        facts.setdefault(row.text(FACTS, "kind"), {})[row.text(FACTS, "term").lower()] = row.text(
            FACTS, "class"
        )
    return Resources(
        numbers=by_kind.get("number", {}),
        multipliers=by_kind.get("multiplier", {}),
        vague=by_kind.get("vague", {}),
        qualifiers=by_kind.get("qualifier", {}),
        events=facts.get("event", {}),
        persons=frozenset(facts.get("person", {})),
        times=facts.get("time", {}),
        units=facts.get("unit", {}),
        scores=frozenset(facts.get("score", {})),
        margins=frozenset(facts.get("margin", {})),
        proposals=facts.get("proposal", {}),
    )


def _qualifier(words: list[str], res: Resources) -> tuple[str | None, float | None, list[str]]:
    """The qualifier at the start of ``words``, its bound kind, and the words after it."""
    for size in (3, 2, 1):
        phrase = " ".join(words[:size])
        if len(words) > size and phrase in res.qualifiers:
            return phrase, res.qualifiers[phrase], words[size:]
    return None, None, words


def parse_number(words: list[str], res: Resources) -> tuple[float | None, float | None]:
    """(value, lower bound) of number words or digits: "two million" -> (2e6, 2e6),
    "tens of thousands" -> (None, 20000); (None, None) when they are not a number."""
    phrase = " ".join(words)
    if phrase in res.vague:
        return None, res.vague[phrase]
    total = 0.0
    current: float | None = None
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in {"a", "an"} and following in res.numbers:
            continue  # "a dozen" is 12, while "a million" is one million
        digits = _NUMBER.fullmatch(word)
        if digits:
            current = (current or 0.0) + float(word.replace(",", ""))
        elif word in res.numbers:
            current = (current or 0.0) + res.numbers[word]
        elif word in res.multipliers:
            current = (current if current is not None else 1.0) * res.multipliers[word]
            if res.multipliers[word] >= 1000:
                total += current
                current = None
        elif word in {"and", "-", "of"}:
            continue
        else:
            return None, None
    if current is not None:
        total += current
    return (total, total) if total or words else (None, None)


def _number_prefix(
    words: list[str], res: Resources
) -> tuple[float | None, float | None, list[str]]:
    """The number at the start of ``words`` and the words after it ("55 kilometres": 55 and
    ["kilometres"]); a currency code before it is skipped ("US$334 million")."""
    while words and words[0].isalpha() and len(words[0]) <= 3 and words[0] not in res.numbers:
        words = words[1:]
    for end in range(len(words), 0, -1):
        value, low = parse_number(words[:end], res)
        if value is not None or low is not None:
            return value, low, [w for w in words[end:] if w != "-"]
    return None, None, words


def _words(text: str) -> list[str]:
    text = _CURRENCY.sub(" ", text.lower()).replace("%", " ").replace("percent", " ")
    return re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+|-", text)


def _counted(last: Token) -> Token | None:
    """The noun a number counts: its head when it modifies a noun, "of" after a share."""
    head = last.head
    if last.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
        return head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def extract(doc: Doc, *, res: Resources, quoted: QuotedRegions) -> tuple[Quantity, ...]:
    """Every numeric claim in the parsed article, in text order."""
    found = []
    bases: list[Span] = []
    full = doc_text(doc)
    for ent, label in _candidates(doc, res):
        text = full[ent.start_char : ent.end_char]  # ``ent.text`` makes a Token for each word
        duration = label in {"DATE", "TIME"} and _DURATION.match(text.strip())
        if label not in LABELS and not duration:
            continue
        first = ent[0]
        if first.is_alpha and first.is_title and not first.is_sent_start and len(ent) == 1:
            continue  # a capitalised number word inside a sentence is a name: "Square One"
        near = full[max(0, ent.start_char - 2) : ent.end_char + 2]
        if _ODDS.search(near) and not duration:
            continue  # one side of a score or odds the recogniser split: "31-24", "50/50"
        if _ODDS.search(text) and not duration:
            continue  # odds and scores: 50/50, 3-2
        words = _words(text)
        qualifier, bound, rest = _qualifier(words, res)
        value, low, trailing = _number_prefix(rest, res)
        if value is None and low is None:
            continue
        if value is not None and label == "CARDINAL" and 1800 <= value <= 2100 and "," not in text:
            continue  # a year the recogniser missed
        tokens = list(ent)
        head = events.phrase_head(tokens)
        counted = None if duration else _counted(tokens[-1])
        if not duration and tokens[-1].pos_ == "NOUN" and trailing:
            # The unit is inside the number: "55 kilometres", "6.1 magnitude" (of "6.1 magnitude
            # quake": the unit is the first noun after the number, not the last of the entity).
            counted = next((t for t in tokens if t.pos_ == "NOUN" and _unit_of(t, res)), tokens[-1])
        after = doc[ent.end] if ent.end < len(doc) else None
        before = doc[ent.start - 1] if ent.start > 0 else None
        if not duration and after is not None and after.pos_ == "NOUN" and _unit_of(after, res):
            counted = after  # "6.1 magnitude quake": the unit, not the thing measured
        elif not duration and before is not None and _unit_of(before, res):
            counted = before  # the unit before the number: "magnitude 6.1"
        if counted is not None and counted.pos_ == "PRON":
            counted = None  # "34 of whom"
        whole = None
        if counted is not None and counted.like_num and counted.i >= ent.start:
            # "three of the seven": a part of a whole the article counted before; the whole is no
            # noun the part counts, and an article that writes it gives that number
            whole, _ = parse_number(_words(counted.text), res)
            counted = None
        if (
            counted is not None
            and counted.i < ent.start
            and tokens[-1].dep_ == "nummod"
            and not _unit_of(counted, res)
        ):
            continue  # a number after its noun names, it does not count: "square one", "Article 5"
        unit: str | None
        base = whole
        if duration and duration.group(3):
            unit = "years old"  # an age: "a 10-year-old"
        elif duration:
            unit = res.times.get(duration.group(2).lower(), duration.group(2).lower() + "s")
            counted = tokens[-1].head if tokens[-1].head.pos_ == "NOUN" else None
        elif label == "PERCENT":
            unit = "percent"
            base, base_span = _base(counted, res)
            if base_span is not None:
                bases.append(base_span)
        elif label == "MONEY" or _CURRENCY.search(text):
            unit = "money"
        elif counted is not None and (
            counted.lemma_.lower() in res.persons or counted.ent_type_ == "NORP"
        ):
            unit = "people"
        elif counted is not None:
            unit = counted.lemma_.lower()
            unit = res.units.get(unit, res.units.get(counted.lower_, unit))
        else:
            unit = None
        last = counted if counted is not None and counted.i >= ent.end else tokens[-1]
        event = events.event(head, counted, res, last)
        if event in PEOPLE_EVENTS and unit not in {"percent", "money"} and not duration:
            unit = "people"  # "tens of thousands killed", "40 miners injured": what is killed
            # or freed is people, whether or not facts.tsv lists the noun
        one_of = ent.end < len(doc) and doc[ent.end].lower_ == "of"
        if text.lower() in {"one", "a", "an"} and (
            counted is None
            or counted.pos_ == "PROPN"
            or one_of
            or (
                event is None
                and unit not in {"money", "percent"}
                and not duration
                and not _unit_of(counted, res)
            )
        ):
            # "one of the concerns", "Square One": a pronoun or a name; "one reporter", "at one
            # point": a count of one that nothing happened to
            continue
        if before is not None and before.lower_ in _THE and counted is None and event is None:
            continue  # "the two each had 41%": a pronoun for people named before, not a count
        low_bound = low if bound is None or bound >= 0 else None
        high = value if bound is not None and bound < 0 else None
        if bound == 0:
            low_bound = None
        span = Span(ent.start_char, ent.end_char)
        end = max(span.end, counted.idx + len(counted.text)) if counted is not None else span.end
        if counted is not None and (counted.idx < span.start or "\n" in full[span.end : end]):
            end = span.end  # the counted word stays in the evidence only on the same line
        while end > span.start and full[end - 1].isspace():
            end -= 1
        sent = sentence_of(ent[0])
        # "474 deaths" is about deaths, not "deaths killed": the noun already names the event
        named_event = res.events.get(counted.lemma_.lower()) if counted is not None else None
        shown_event = event if event != named_event else None
        about = " ".join(
            w for w in (counted.text if counted is not None else None, shown_event) if w
        )
        # the phrase just before the number ("a margin of error of 4 points") or just after it
        # ("a 4-point margin of error"), not one clause on ("... 3.5 points among 920 voters")
        opens, closes = sentence_bounds(sent)
        window = full[max(opens, span.start - 35) : span.start] + " " + full[span.end : closes][:40]
        window = window.lower().replace("-", " ")  # "plus-or-minus 3"
        margin = any(phrase in window for phrase in res.margins)
        if margin:  # its own fact, of its own unit: "a margin of error of 4 points" is no lead
            about = unit = _MARGIN
        found.append(
            Quantity(
                text=full[span.start : end],
                span=Span(span.start, end),
                value=value,
                low=low_bound if value is not None else low,
                high=high,
                qualifier=qualifier,
                unit=unit,
                about=about or None,
                event=event,
                counted=_MARGIN if margin else _counted_word(counted, res),
                base=base,
                sentence=Span(opens, closes),
                quoted=quoted.contains(span),
                proposed=events.proposed(head, res),
                year=events.year(head),
            )
        )
    # The whole of a percentage is part of that claim, not a claim of its own; a score or a
    # glued measurement the recogniser also read in part is read by its shape.
    shaped = shapes.read(doc, res=res, quoted=quoted)
    found = [q for q in found if not any(s.span.overlaps(q.span) for s in shaped)]
    every = sorted([*found, *shaped], key=lambda q: (q.span.start, q.span.end))
    return tuple(q for q in every if not any(b.contains(q.span) for b in bases))


def _unit_of(token: Token, res: Resources) -> bool:
    """Is the token a unit of measure of facts.tsv ("magnitude", "km")?"""
    return token.lower_ in res.units or token.lemma_.lower() in res.units


def _counted_word(counted: Token | None, res: Resources) -> str | None:
    """The counted noun's lemma; any word for people is "people" ("person", "people")."""
    if counted is None:
        return None
    lemma = counted.lemma_.lower()
    return "people" if lemma in {"person", "people"} else lemma


def _base(whole: Token | None, res: Resources) -> tuple[float | None, Span | None]:
    """The whole a percentage is a share of: "90% of the population of two million"."""
    if whole is None:
        return None, None
    for child in whole.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for number in child.subtree:
                if number.ent_type_ == "CARDINAL":
                    ent = next(e for e in entities(number.doc) if e.start <= number.i < e.end)
                    _, _, rest = _qualifier(_words(ent.text), res)
                    value, _ = parse_number(rest, res)
                    return value, Span(ent.start_char, ent.end_char)
    return None, None


NUMBER_DEPS = {"quantmod", "nummod", "compound", "advmod", "det"}


def _candidates(doc: Doc, res: Resources) -> list[tuple[SpacySpan, str]]:
    """The recogniser's number entities, and numbers it missed ("over a million displaced")
    outside any entity, as the number token with its quantity modifiers."""
    # Doc.text joins every token each time it is read: read it once (per token it was quadratic).
    text = doc_text(doc)
    named = entities(doc)
    found = [(ent, ent.label_) for ent in named]
    taken = {i for ent in named for i in range(ent.start, ent.end)}
    head = heads(doc)
    for token in token_list(doc):
        if token.i in taken or (head[token.i] not in taken and token.dep_ in {"quantmod"}):
            continue
        word = token.lower_
        number = token.like_num or word in res.vague
        if not (number or word in res.multipliers):
            continue  # most words: tested before the costlier tests below
        attached = any(c.like_num for c in token.lefts)  # "m" only in "2 m", never "I 'm"
        if not (number or attached):
            continue
        near = text[max(0, token.idx - 2) : token.idx + len(token.text) + 2]
        if _ODDS.search(near):
            continue  # one side of a score or odds: "31-24", "50/50"
        if token.dep_ in {"quantmod", "compound"} and token.head.like_num:
            continue  # part of a longer number: "two" in "two million"
        parts = [c for c in token.lefts if c.dep_ in NUMBER_DEPS and c.i not in taken]
        start = min([token.i, *(t.i for c in parts for t in c.subtree)])
        found.append((doc[start : token.i + 1], "CARDINAL"))
        taken.update(range(start, token.i + 1))
    return sorted(found, key=lambda pair: pair[0].start)
