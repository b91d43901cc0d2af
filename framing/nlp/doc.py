"""Helpers on a parsed Doc: what framing reads of a parse many times (sentences, entities, heads,
token columns, the text) made once and kept on the Doc, and a few questions about its tokens.
"""

from __future__ import annotations

import bisect
import re

from framing.nlp.model import Doc, Span, Token

_SENTS = "framing_sents"
_SENT_OF = "framing_sent_of"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once and kept on the Doc (``doc.sents`` walks every
    token each time it is asked, and ``token.sent`` walks the sentence)."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        cached = list(doc.sents)
        sent_of = [0] * len(doc)
        for number, sent in enumerate(cached):
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        doc.user_data[_SENTS] = cached
        doc.user_data[_SENT_OF] = sent_of
    return cached


DASHES = {"-", "--", "\u2013", "\u2014"}


def in_dateline(token: Token) -> bool:
    """Whether ``token`` lies in a dateline opening its paragraph: a place and an agency in
    brackets before a dash ("WASHINGTON (AFP) -"), or a place before a dash, in capitals or
    followed by its state or country ("WASHINGTON \u2014", "LAS VEGAS --", "GREENVILLE, S.C. \u2014",
    "New Delhi, India -").  A dateline is never a source, nor an actor of the story."""
    # (the Doc's token list: ``doc[i]`` would make a Token object at every step, for every
    # entity of every article)
    tokens = token_list(token.doc)
    start = token.i
    while start > 0 and not (tokens[start - 1].is_space and "\n" in tokens[start - 1].text):
        start -= 1
        if token.i - start > 12:
            return False
    for later in tokens[token.i : min(len(tokens), start + 14)]:
        if later.text == ")" and later.i + 1 < len(tokens):
            after = tokens[later.i + 1]
            return after.text in DASHES and any(t.text == "(" for t in tokens[start : later.i])
    return _place_dateline(tokens, start, token.i)


def _place_dateline(tokens: list[Token], start: int, at: int) -> bool:
    """A dateline without an agency: capitalised place words, then the state or country after a
    comma, then a dash and a capitalised word; the place in capitals unless a comma follows it
    ("New Delhi, India -"; "Palin -- who served" is no dateline).  A short word in capitals that
    the tagger calls an organisation is not a place ("NPR \u2014 The network")."""
    while start < at and tokens[start].is_space:
        start += 1
    place: list[Token] = []  # the words before the first comma
    commas = 0
    for i in range(start, min(len(tokens), start + 9)):
        t = tokens[i]
        if t.text in DASHES:  # a dash standing apart: "R-Ky." is a party tag
            if i <= at or not place or commas > 1 or not tokens[i - 1].whitespace_:
                return False
            after = next((u for u in tokens[i + 1 : i + 3] if not u.is_space), None)
            if after is None or not (after.text[:1].isupper() or after.is_quote):
                return False
            if commas == 0 and not all(w.text.isupper() for w in place):
                return False
            short = len(place) == 1 and len(place[0].text) <= 4
            return not (short and commas == 0 and place[0].ent_type_ == "ORG")
        if t.text == ",":
            commas += 1
        elif t.is_space or not (t.text[:1].isupper() and t.text.replace(".", "").isalpha()):
            return False
        elif commas == 0:
            place.append(t)
    return False


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """A sentence's character offsets without the blank tokens at either end.  A sentence
    that opens the parse after masked front matter or page chrome starts with a blank token
    spanning it, and ``sent.start_char`` would take the evidence back over the masked text."""
    blank = column(sent.doc, "IS_SPACE")
    first, last = sent.start, sent.end - 1
    while first < last and blank[first]:
        first += 1
    while last > first and blank[last]:
        last -= 1
    starts, lengths = column(sent.doc, "IDX"), column(sent.doc, "LENGTH")
    return starts[first], starts[last] + lengths[last]


def text_sentences(doc: Doc) -> list[tuple[int, int]]:
    """The ``sentence_bounds`` of every sentence that has a word: the sentences the wording
    stage scores and the learned model reads, so the two agree on each one's offsets."""
    blank = column(doc, "IS_SPACE")
    # (a sentence of blank tokens only is tested on the array: sent.text makes every Token)
    return [
        sentence_bounds(sent) for sent in sentences(doc) if not all(blank[sent.start : sent.end])
    ]


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``, from the cache of :func:`sentences`."""
    sentences(token.doc)
    return token.doc.user_data[_SENTS][token.doc.user_data[_SENT_OF][token.i]]


_TEXT = "framing_text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept on the Doc (``Parser`` puts the text it parsed there): ``Doc.text``
    joins every token again, a Token object each, every time it is read (10% of the time of
    the features, read three times an article)."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return str(cached)


_HEADS = "framing_heads"


def heads(doc: Doc) -> list[int]:
    """Each token's head (its index), made once from the parse's arrays and kept on the Doc
    (the list itself: do not change it): ``token.head`` makes a new Token object every time it
    is read."""
    cached = doc.user_data.get(_HEADS)
    if cached is None:
        # offsets to the head, negative ones wrapped around as unsigned 64-bit integers
        offsets = doc.to_array("HEAD").tolist()
        cached = [i + (o if o < 2**63 else o - 2**64) for i, o in enumerate(offsets)]
        doc.user_data[_HEADS] = cached
    return cached


_TOKENS = "framing_tokens"


def token_list(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, made once and kept on the Doc: iterating or indexing a Doc
    makes a new Token object every time, and the features walk each document several times (a
    quarter of the extraction time went to making Tokens)."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = list(doc)
        doc.user_data[_TOKENS] = cached
    return cached


_COLUMNS = "framing_columns"


def column(doc: Doc, name: str) -> list[int]:
    """One attribute of every token ("LOWER", "LEMMA", "IS_SPACE", "IDX", "LENGTH", ...) as a
    list, from the Doc's array and kept on the Doc: a stage that reads a few attributes of every
    word need not make a Token object for each.  String attributes come as hashes (see
    ``strings_of``)."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    found = columns.get(name)
    if found is None:
        found = columns[name] = doc.to_array(name).tolist()
    return found


def strings_of(doc: Doc, name: str) -> list[str]:
    """A string attribute of every token ("LOWER", "LEMMA") as strings."""
    strings = doc.vocab.strings
    known: dict[int, str] = {}
    found = []
    for value in column(doc, name):
        text = known.get(value)
        if text is None:
            text = known[value] = strings[value]
        found.append(text)
    return found


_ENTS = "framing_ents"


def entities(doc: Doc) -> list[Span]:
    """The document's named entities, made once and kept on the Doc (``doc.ents`` builds every
    Span again each time it is read; the attribution finder read it once per quotation)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = list(doc.ents)
        doc.user_data[_ENTS] = cached
    return cached


def release(doc: Doc) -> None:
    """Drop what framing keeps on a Doc (sentences, entities, token columns, the stance table).
    Those caches hold Spans that point back at the Doc: a cycle only Python's rare full
    collection frees, so parses piled up (2 GB for 600 articles) until this was called once an
    article is done."""
    doc.user_data.clear()


def token_index(doc: Doc, offset: int) -> int:
    """The index of the first token starting at or after character ``offset``."""
    return bisect.bisect_left(column(doc, "IDX"), offset)


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text`` on ``doc`` as its text (``doc_text``): the parser knows it, and spaCy would
    join every token again to make it."""
    doc.user_data[_TEXT] = text


_HEADLINES = "framing_headlines"


def in_headline(doc: Doc, offset: int) -> bool:
    """Whether character ``offset`` of ``doc``'s text lies in a line in title case
    (``headline_lines``); the lines are found once and kept on the Doc, as attribution and the
    actors stage both ask."""
    lines = doc.user_data.get(_HEADLINES)
    if lines is None:
        lines = doc.user_data[_HEADLINES] = headline_lines(doc_text(doc))
    return any(start <= offset < end for start, end in lines)


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case ("Jackson Pleads Guilty", "GOP Congressman Expected To Be Indicted"):
    the parser reads their capitalised words as names, so a cue there finds the wrong source or
    none, and the article repeats the headline's report in its body."""
    found = []
    for match in _LINE.finditer(text):
        line = match.group(0).strip()
        words = _WORD.findall(line)
        long_words = [w for w in words if len(w) >= 4]
        if len(words) < 3 or line[-1:] in {".", "?", "!", ":"} or len(long_words) < 2:
            continue
        if sum(w[:1].isupper() for w in long_words) >= _TITLE_SHARE * len(long_words):
            found.append((match.start(), match.end()))
    return found


_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
# Share of the long words (4 letters and more: "of", "to", "the" are lower case in a title) that
# are capitalised.  A sentence with many names runs below it: "Senators John Kerry and Pat Leahy
# met in Boston on Monday with union leaders" has 6 of 9.
_TITLE_SHARE = 0.8
