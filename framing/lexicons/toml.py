"""TOML lexicons: ``labels.toml``, read into the same Table of rows as the TSV lexicons.

A labels lexicon groups the labels outlets give one referent, by connotation, with the context
cues that tell referents apart::

    [[referent]]
    name = "a work stoppage"
    cues = ["union", "worker", "pay"]
    needs_cue = ["strike"]            # labels that count only with a cue nearby
    not = ["hunger strike"]           # phrases that hold a label but name something else
    whole = false                     # true: its labels name a whole class of people or
                                      # things, one referent in any story (see below)
    neutral = ["strike", "walkout"]
    euphemistic = ["industrial action"]

``whole = true`` marks a referent that is a whole class (migrants without legal status,
opponents of abortion rights): two outlets' labels for it name the same people in any story,
where "terrorists" in one article and "gunmen" in another may be two groups, so a comparison
needs a group name they share ("Kurdish").  It becomes a Row (referent, "whole", "yes", "").

Each label, cue and ``not`` phrase becomes one Row (referent, entry, phrase, connotation) with the
line it was written on, so evidence cites ``labels.toml:LINE`` as it cites a TSV line.  tomllib
reports syntax errors with a line but gives values without positions, so the line of a bad value
is found by searching the text, as ``framing.config`` does for the story config.

Two entries are the same when their words match the same tokens: "walkout" and "walkouts" are
one label, because labels match on lemmas.  A label listed twice under one referent is an error;
a label listed under two referents is allowed only when each has a cue the other lacks, since
otherwise no context could tell which is meant.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from framing.errors import LexiconError
from framing.lexicons.specs import LABEL_CONNOTATIONS, LABELS, Row, Table, TableSpec, normalize

SETTINGS = ("name", "cues", "needs_cue", "not", "whole")
_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase as the words it must match, hyphens dropped: "pro-life" -> (pro, life), so that
    "pro-life", "pro life" and spaCy's tokens pro / - / life all line up."""
    return tuple(w for w in _SPLIT.split(normalize(phrase)) if w)


def forms(word: str) -> frozenset[str]:
    """The forms one lexicon word matches, among a token's lower-cased text and its lemma.

    spaCy lemmatises the text ("prisoners" -> prisoner) but not the lexicon, so the lexicon word
    brings its own singular: a few regular English plural endings are enough for labels, which
    are nouns.  A form that is no word ("resistanc") costs nothing: no token has it.
    """
    found = {word}
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        found.add(word[:-1])
        if word.endswith("ies"):
            found.add(word[:-3] + "y")
        if word.endswith(("ses", "xes", "zes", "ches", "shes")):
            found.add(word[:-2])
    if len(word) > 4 and word.endswith("men"):
        found.add(word[:-3] + "man")  # gunmen -> gunman
    return frozenset(found)


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two phrases match the same tokens (word by word, some form in common)."""
    return len(a) == len(b) and all(forms(x) & forms(y) for x, y in zip(a, b, strict=True))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(
        same_words(outer[i : i + len(inner)], inner) for i in range(len(outer) - len(inner) + 1)
    )


@dataclass(slots=True)
class _Locator:
    """Lines of keys and values inside one ``[[referent]]`` block of the text.

    Not frozen: it keeps a cursor per key while one referent is read, then is dropped."""

    text: str
    start: int  # character offsets of the block
    end: int
    header_line: int
    cursor: dict[str, int] = field(default_factory=dict)  # per key: where its next value starts

    def line_at(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def key_offset(self, key: str) -> int | None:
        pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)
        match = pattern.search(self.text, self.start, self.end)
        return match.start() if match else None

    def key_line(self, key: str) -> int:
        offset = self.key_offset(key)
        return self.line_at(offset) if offset is not None else self.header_line

    def next_value_line(self, key: str, value: str) -> int:
        """The line of ``key``'s next value ``value``: values are looked up in order, so the
        second of two equal strings gets the second one's line."""
        start = self.cursor.get(key)
        if start is None:
            start = self.key_offset(key)
            if start is None:
                return self.header_line
        pattern = re.compile(rf"([\"']){re.escape(value)}\1")
        match = pattern.search(self.text, start, self.end)
        if match is None:  # an escaped string ("\u00e9"): fall back to the key's line
            return self.key_line(key)
        self.cursor[key] = match.end()
        return self.line_at(match.start())


def _locators(text: str, count: int) -> list[_Locator]:
    headers = [
        m.start()
        for m in re.finditer(r"^[ \t]*\[\[[ \t]*referent[ \t]*\]\]", text, flags=re.MULTILINE)
    ]
    if not headers and not count:
        return []
    if len(headers) != count:  # inline tables or another layout: search the whole file
        return [_Locator(text, 0, len(text), 1) for _ in range(count)]
    ends = [*headers[1:], len(text)]
    return [
        _Locator(text, start, end, text.count("\n", 0, start) + 1)
        for start, end in zip(headers, ends, strict=True)
    ]


def _strings(value: Any, *, key: str, name: str, where: _Locator, path: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(
            f"referent {name!r}: expected '{key}' to be a list of strings",
            path=path,
            line=where.key_line(key),
        )
    for item in value:
        if not phrase_words(item):
            raise LexiconError(
                f"referent {name!r}: an empty string in '{key}'",
                path=path,
                line=where.next_value_line(key, item),
            )
    return value


@dataclass(frozen=True, slots=True)
class _Entry:
    phrase: str  # as written, normalised ("pro-life"): what reports show
    words: tuple[str, ...]  # what it matches (pro, life)
    connotation: str  # "" for cues and 'not' phrases
    line: int


@dataclass(frozen=True, slots=True)
class _Referent:
    name: str
    line: int  # of its name
    labels: tuple[_Entry, ...]
    cued: frozenset[tuple[str, ...]]  # labels that count only with a cue nearby
    cues: tuple[_Entry, ...]
    nots: tuple[_Entry, ...]
    whole: int | None = None  # the line of ``whole = true``; None: not a whole class

    def rows(self) -> list[Row]:
        rows = [
            Row(
                (
                    self.name,
                    "cued label" if e.words in self.cued else "label",
                    e.phrase,
                    e.connotation,
                ),
                e.line,
            )
            for e in self.labels
        ]
        rows += [Row((self.name, "cue", e.phrase, ""), e.line) for e in self.cues]
        rows += [Row((self.name, "not", e.phrase, ""), e.line) for e in self.nots]
        if self.whole is not None:
            rows.append(Row((self.name, "whole", "yes", ""), self.whole))
        return sorted(rows, key=lambda row: row.line)  # in file order (the sort is stable)


def _entries(
    raw: dict[str, Any], key: str, *, name: str, what: str, where: _Locator, path: str
) -> list[_Entry]:
    """The phrases under ``key``, each once: a second that matches the same words is an error."""
    connotation = key if key in LABEL_CONNOTATIONS else ""
    found: list[_Entry] = []
    for phrase in _strings(raw.get(key, []), key=key, name=name, where=where, path=path):
        line = where.next_value_line(key, phrase)
        entry = _Entry(normalize(phrase), phrase_words(phrase), connotation, line)
        twin = next((e for e in found if same_words(e.words, entry.words)), None)
        if twin is not None:
            raise LexiconError(
                f"referent {name!r}: {what} {phrase!r} is listed twice (first on line "
                f"{twin.line}); remove one",
                path=path,
                line=entry.line,
            )
        found.append(entry)
    return found


def _referent(raw: dict[str, Any], where: _Locator, *, path: str) -> _Referent:
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(
            "a [[referent]] has no 'name'; name what its labels refer to",
            path=path,
            line=where.header_line,
        )
    name = " ".join(name.split())
    for key, value in raw.items():
        if key not in SETTINGS and key not in LABEL_CONNOTATIONS:
            what = "connotation" if isinstance(value, list) else "key"
            raise LexiconError(
                f"referent {name!r}: unknown {what} {key!r}; expected a connotation "
                f"({', '.join(LABEL_CONNOTATIONS)}) or {', '.join(SETTINGS[1:])}",
                path=path,
                line=where.key_line(key),
            )
    listed = [
        entry
        for connotation in LABEL_CONNOTATIONS
        for entry in _entries(raw, connotation, name=name, what="label", where=where, path=path)
    ]
    labels: list[_Entry] = []
    for entry in sorted(listed, key=lambda e: e.line):
        # Across connotations too: one label cannot present its referent two ways.
        twin = next((e for e in labels if same_words(e.words, entry.words)), None)
        if twin is not None:
            raise LexiconError(
                f"referent {name!r}: label {entry.phrase!r} is listed twice "
                f"(first on line {twin.line}); remove one",
                path=path,
                line=entry.line,
            )
        labels.append(entry)
    if not labels:
        raise LexiconError(
            f"referent {name!r} has no labels; list them under {' / '.join(LABEL_CONNOTATIONS)}",
            path=path,
            line=where.header_line,
        )
    cues = _entries(raw, "cues", name=name, what="cue", where=where, path=path)
    nots = _entries(raw, "not", name=name, what="'not' phrase", where=where, path=path)
    for entry in nots:
        if not any(_contains(entry.words, label.words) for label in labels):
            raise LexiconError(
                f"referent {name!r}: 'not' phrase {entry.phrase!r} holds none of this "
                "referent's labels, so it excludes nothing",
                path=path,
                line=entry.line,
            )
    cued: set[tuple[str, ...]] = set()
    for entry in _entries(raw, "needs_cue", name=name, what="label", where=where, path=path):
        label = next((e for e in labels if same_words(e.words, entry.words)), None)
        if label is None:
            raise LexiconError(
                f"referent {name!r}: needs_cue names {entry.phrase!r}, which is not "
                "one of its labels",
                path=path,
                line=entry.line,
            )
        if not cues:
            raise LexiconError(
                f"referent {name!r}: needs_cue names {entry.phrase!r}, but the "
                "referent has no cues",
                path=path,
                line=entry.line,
            )
        cued.add(label.words)
    whole = raw.get("whole", False)
    if not isinstance(whole, bool):
        raise LexiconError(
            f"referent {name!r}: expected 'whole' to be true or false, got {whole!r}",
            path=path,
            line=where.key_line("whole"),
        )
    return _Referent(
        name,
        where.key_line("name"),
        tuple(labels),
        frozenset(cued),
        tuple(cues),
        tuple(nots),
        where.key_line("whole") if whole else None,
    )


def _check_shared(referent: _Referent, earlier: list[_Referent], *, path: str) -> None:
    """A label under two referents needs cues that can tell them apart, both ways."""

    def own_cue(a: _Referent, b: _Referent) -> bool:
        return any(not any(same_words(x.words, y.words) for y in b.cues) for x in a.cues)

    for other in earlier:
        for label in referent.labels:
            twin = next((e for e in other.labels if same_words(e.words, label.words)), None)
            if twin is not None and not (own_cue(referent, other) and own_cue(other, referent)):
                raise LexiconError(
                    f"referent {referent.name!r}: label {label.phrase!r} is also "
                    f"listed under {other.name!r} (line {twin.line}), and their cues cannot "
                    "tell the two apart; give each referent a cue the other lacks, or keep the "
                    "label under one referent",
                    path=path,
                    line=label.line,
                )


def parse(text: str, spec: TableSpec = LABELS, *, path: str) -> Table:
    """Parse a labels lexicon; raise LexiconError naming ``path:line`` on the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)|\(at end of document\)", message)
        reason = message[: match.start()].strip() if match else message
        line = None
        if match:
            # TOML's lines end at LF (or CRLF); the end of the document is its last line
            line = int(match.group(1)) if match.group(1) else text.rstrip("\r\n").count("\n") + 1
        raise LexiconError(
            f"expected valid TOML, got an error: {reason}", path=path, line=line
        ) from None
    for key in data:
        if key != "referent":
            found = re.search(rf"^[ \t]*\[*[ \t]*[\"']?{re.escape(key)}\b", text, re.MULTILINE)
            raise LexiconError(
                f"unknown key {key!r}; expected only [[referent]] tables",
                path=path,
                line=text.count("\n", 0, found.start()) + 1 if found else None,
            )
    raw_referents = data.get("referent", [])
    if not isinstance(raw_referents, list) or not all(isinstance(r, dict) for r in raw_referents):
        found = re.search(r"^[ \t]*\[?[ \t]*referent\b", text, re.MULTILINE)
        raise LexiconError(
            "expected [[referent]] tables (two brackets: one table per referent)",
            path=path,
            line=text.count("\n", 0, found.start()) + 1 if found else 1,
        )
    referents: list[_Referent] = []
    for raw, where in zip(raw_referents, _locators(text, len(raw_referents)), strict=True):
        referent = _referent(raw, where, path=path)
        twin = next((r for r in referents if normalize(r.name) == normalize(referent.name)), None)
        if twin is not None:
            raise LexiconError(
                f"referent {referent.name!r} is defined twice (first on line {twin.line}); "
                "merge the two [[referent]] tables",
                path=path,
                line=referent.line,
            )
        _check_shared(referent, referents, path=path)
        referents.append(referent)
    return Table(spec, path, tuple(row for r in referents for row in r.rows()))
