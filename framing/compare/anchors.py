"""The rare names a number stands beside: what ties "over $8,000 at Harbour Motors" in one article
to "$8,412.50 worth of tyres ... at Harbour Motors" in another.

A number's window runs from it to the next number of its sentence (or the sentence's end), and
back to the previous number or the clause's start (a comma, semicolon or colon), so in a list
("$1,204.16 at Lakeview Hotel, over $8,000 at Harbour Motors") each amount keeps its own place.
Its anchors are the words of the names (capitalised words in a row) of that window, but not the
sentence's first word, whose every word the article writes capitalised at most RARE times: a
story's actors ("Reed", "Ms. Reed", "Ann Reed" on first mention) stand beside every
number and tie none, while a shop, a fund or a place named once or twice ties the amounts beside
it.  Month and weekday names are left out: a date says when, not what.  A name standing in the
windows of two numbers ("Smith scored 16 points and Jones added 23") anchors neither."""

from __future__ import annotations

import re
from collections import Counter

from framing.records import Document, Quantity

RARE = 2  # at most this many capitalised uses in the article (a name used throughout ties nothing)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE = re.compile(r"[,;:]")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)*")  # capitalised words in a row
# English calendar words and capitalised function words: constants of the language, not of a story
_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
_FUNCTION = frozenset("the a an and or of in on at to for by from with mr mrs ms dr".split())


def key(word: str) -> str:
    """A word as names are compared: lower case, one apostrophe ("Anna’s", "Anna's")."""
    return word.lower().replace("\u2019", "'")


def anchors(doc: Document) -> dict[Quantity, tuple[str, ...]]:
    """Each quantity of ``doc`` with a sentence: the words of the rare names of its window (see
    the module), as written, in the order they stand."""
    text = doc.text
    used = Counter(key(m.group(0)) for m in _WORD.finditer(text) if m.group(0)[0].isupper())
    windows: dict[Quantity, set[tuple[int, str]]] = {}  # (where a word of a name stands, the word)
    spans = sorted(q.span for q in doc.quantities)
    for q in doc.quantities:
        if q.sentence is None:
            continue
        start, end = q.sentence.start, q.sentence.end
        after = min((s.start for s in spans if q.span.end <= s.start < end), default=end)
        before = max((s.end for s in spans if start <= s.end <= q.span.start), default=start)
        clause = [m.end() for m in _CLAUSE.finditer(text, before, q.span.start)]
        before = max([before, *clause])
        first = _WORD.search(text, start, end)
        names: set[tuple[int, str]] = set()
        for lo, hi in ((before, q.span.start), (q.span.end, after)):
            for m in _NAME.finditer(text, lo, hi):
                if first is not None and m.start() == first.start():
                    continue  # a sentence's first word is capitalised whatever it is
                words = [
                    (w.start(), w.group(0), key(w.group(0)))
                    for w in _WORD.finditer(text, m.start(), m.end())
                ]
                # "Dana Acme" where the article writes "Acme" throughout: the name ties nothing
                if all(used[k] <= RARE for _, _, k in words):
                    names.update(
                        (at, w) for at, w, k in words if k not in _CALENDAR and k not in _FUNCTION
                    )
        windows[q] = names
    # a name between two numbers of a sentence ("16 points and Jones 23") may be either's: none's
    seen = Counter(place for names in windows.values() for place in {p for p, _ in names})
    return {
        q: tuple(dict.fromkeys(w for place, w in sorted(names) if seen[place] == 1))
        for q, names in windows.items()
    }
