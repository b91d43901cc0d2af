"""Reading the parse: a source's words, a cue's content, quotations beside a cue (a verb's subject:
``subjects``)."""

from __future__ import annotations

from collections.abc import Sequence

from framing.features.attribution.cues import (
    CIRCUMSTANCE_MARKS,
    CIRCUMSTANCE_PREPS,
    CONTENT_OBJECT_DEPS,
    LISTENER_VERBS,
    MANNER_ON,
    ON_BEHALF,
    PHRASE_BREAKS,
    QUOTE_GAP,
    SHORT_ANSWERS,
    SOURCE_RIGHT_DEPS,
    VIEWS,
    Resources,
)
from framing.nlp import Doc, Token, sentence_of, token_list
from framing.nlp import Span as TokenSpan
from framing.quotes import Quote
from framing.records import Span


def span_of(tokens: Sequence[Token]) -> Span:
    visible = [t for t in tokens if not t.is_space] or list(tokens)
    return Span(min(t.idx for t in visible), max(t.idx + len(t.text) for t in visible))


def trim_span(text: str, span: Span) -> Span | None:
    """``span`` without blanks and punctuation at its ends (None when nothing is left)."""
    start, end = span.start, span.end
    strip = " \t\n\u00a0,;:-\u2013\u2014"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    # a party tag's bracket the parse left outside the phrase: "Sen. Ann Reed (R-Ky.)"
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, end + 2)
        end = close + 1 if close >= 0 else end
    return Span(start, end) if end > start else None


def bounds_phrase(token: Token) -> bool:
    """A dash, bracket or line break that ends what comes before a source's words (a dateline
    "LONDON (Reuters) - ...", an aside in brackets); a hyphen inside a word ("front-runner")
    does not."""
    if token.text not in PHRASE_BREAKS:
        return False
    if token.text == "-":
        before = token.doc[token.i - 1] if token.i > 0 else None
        return bool(token.whitespace_) or (before is not None and bool(before.whitespace_))
    return True


def noun_phrase(head: Token) -> list[Token]:
    """The words of a source: the head with its modifiers, without a relative clause or a
    trailing participle clause ("officials, speaking on condition of anonymity, said")."""
    right = head.i
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ == "VBG":
            break  # "an official describing ...": the participle is the cue, not the source
        if child.dep_ in SOURCE_RIGHT_DEPS and child.dep_ != "punct":
            right = max(right, child.right_edge.i)
        elif child.dep_ in {"relcl", "advcl"} or (child.dep_ == "punct" and child.i > right + 1):
            break
    if head.dep_ == "nsubj" and head.head.dep_ == "csubj":
        right = max(right, head.head.right_edge.i)
    doc = head.doc
    left = _coordinated(doc, head.left_edge.i, sentence_of(head).start)
    tokens = list(doc[left : right + 1])
    # A dateline ("LONDON (Reuters) -") or a bracket before the head is not part of the name.
    breaks = [i for i, t in enumerate(tokens) if t.i < head.i and bounds_phrase(t)]
    if breaks:
        tokens = tokens[breaks[-1] + 1 :]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens or [head]


# Adjectives of time in a coordinated pair before a noun ("past and present senators").
TIMES = {"past", "present", "former", "current", "future", "sitting", "retired"}


def _coordinated(doc: Doc, left: int, floor: int) -> int:
    """Where a source's phrase starts when it opens with coordinated adjectives the parser hung
    elsewhere: "five past and present senators", "three current and former aides"."""
    i = left
    if doc[i].tag_ != "JJ" and i - 1 >= floor and doc[i - 1].tag_ == "JJ":
        i -= 1  # "past and present board members" with "present" hung on "past"
    coordinated = (
        i - 2 >= floor
        and doc[i].tag_ == "JJ"
        and doc[i - 1].lower_ in {"and", "or"}
        and (doc[i - 2].tag_ == "JJ" or doc[i - 2].lower_ in TIMES)
    )
    if not coordinated:
        return left
    i -= 2
    while i > floor and doc[i - 1].tag_ in {"CD", "DT"}:
        i -= 1
    return i


def left_phrase(head: Token) -> list[Token]:
    """The noun phrase ending at ``head``: its run of modifiers to the left."""
    doc = head.doc
    start = head.i
    while (
        start - 1 >= sentence_of(head).start
        and doc[start - 1].dep_ in {"compound", "amod", "det", "nummod", "poss", "case"}
        and not doc[start - 1].is_punct
    ):
        start -= 1
    return list(doc[start : head.i + 1])


def content_of(cue: Token, words: list[Token], frame: str) -> list[Token] | None:
    """The tokens of what the cue attributes, by the cue's frame in cues.tsv."""
    # The particle of a multi-word cue ("call for", "talk about") carries the content.
    children = [c for c in cue.children if c not in words]
    for particle in words[1:]:
        children += [c for c in particle.children if c.dep_ in {"pobj", "pcomp"}]
        if particle.dep_ == "mark" and particle.head.head == cue and particle.head.i > cue.i:
            # "called for Mr. Akin to withdraw": the parser reads "for" as opening the clause
            return [t for t in particle.head.subtree if t.i != particle.i]
    # The tagger sometimes calls the clause's verb a noun ('said his actions "amount to ..."').
    clauses = [
        c
        for c in children
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.pos_ in {"VERB", "AUX"})
    ]
    if clauses:
        # the clause after the cue before one ahead of it ("Writing for the panel, X noted that")
        return list(min(clauses, key=lambda c: (c.i < cue.i, c.i)).subtree)
    if frame in {"infinitive", "object"}:
        infinitives = [
            c
            for c in children
            if c.dep_ == "xcomp"
            and c.i > cue.i
            # "vowed to ...", and a gerund: "proposes allowing parents to deduct ..."
            and (any(a.lower_ == "to" for a in c.children) or c.tag_ == "VBG")
        ]
        if infinitives:
            return _without_aside(infinitives[0])
    # (not "as the congressman continued to hold his ground": a verb with its own complement)
    as_clause = (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        and not any(
            c.dep_ == "xcomp" or (c.dep_ == "dobj" and cue.lemma_ not in LISTENER_VERBS)
            for c in cue.children
        )
    )
    if (cue.dep_ == "parataxis" or as_clause) and cue.head.pos_ in {"VERB", "AUX"}:
        # "A truce, they say, would only ..." and "As Reuters reported, the talks ...": the cue
        # interrupts or introduces the clause it attributes.
        inner = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in inner]
    if frame == "clause":
        # "sees the deal as a gift": a view of something as something is what is thought
        seen = [c for c in children if c.dep_ == "dobj" and c.i > cue.i][:1]
        around = [*children, *(c for s in seen for c in s.children)]
        held = [c for c in around if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i]
        if held and cue.lemma_ in VIEWS:
            kept = {t.i: t for c in (*seen, held[0]) for t in c.subtree}
            return [kept[i] for i in sorted(kept)]
        # "doesn't think so", "said yes": a one-word answer is what was said
        answers = [c for c in children if c.i > cue.i and c.lower_ in SHORT_ANSWERS]
        return answers or None
    if len(words) > 1 and any(c.dep_ in {"pobj", "pcomp"} for c in children):
        return [t for c in children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]
    objects = [
        c
        for c in children
        if c.dep_ in CONTENT_OBJECT_DEPS
        and c.i > cue.i
        # "told AFP", "asked him": the object of a verb of telling is the listener.
        and not (c.dep_ in {"dobj", "dative"} and cue.lemma_ in LISTENER_VERBS)
        and not (
            c.dep_ in {"dobj", "dative"} and c.pos_ == "PRON" and c.lower_ not in {"this", "that"}
        )
        and not (c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS)
        and not (c.lower_ == "for" and cue.lemma_ in ON_BEHALF)
    ]
    objects += [
        c
        for c in children
        if c.dep_ == "prep"
        and c.i > cue.i
        and (c.lower_ in {"of", "for", "about", "against"} or (frame == "object" and _topic_on(c)))
        and not (c.lower_ == "for" and cue.lemma_ in ON_BEHALF)
        and c not in objects
    ]
    # "said so", "said yes", "did not say when": a one-word answer is what was said.
    objects += [c for c in children if c.i > cue.i and c.lower_ in SHORT_ANSWERS]
    # "condemning X and calling on Y to ...": what comes after a conjoined verb is that verb's
    conjoined = [c.i for c in children if c.dep_ == "conj" and c.i > cue.i and c.pos_ == "VERB"]
    if conjoined:
        objects = [c for c in objects if c.i < conjoined[0]]
    if not objects:
        return None
    tokens: list[Token] = []
    for obj in sorted(objects, key=lambda t: t.i):
        # ", accusing X of Y" hung on the object belongs to the subject (see subject).
        detached = {
            t.i
            for d in obj.subtree
            if d.dep_ == "acl" and d.tag_ == "VBG" and d.i > 0 and d.doc[d.i - 1].text == ","
            for t in d.subtree
        }
        tokens.extend(t for t in obj.subtree if t.i not in detached)
    return tokens


def _without_aside(root: Token) -> list[Token]:
    """The subtree of ``root`` without a comma-led clause of time or circumstance inside it:
    "called on Akin to quit, as the congressman vowed to stay" asks only that Akin quit; the
    rest is the outlet's narration."""
    doc = root.doc
    aside = {
        t.i
        for d in root.subtree
        if d.dep_ == "advcl"
        and d.left_edge.i > root.i
        and doc[d.left_edge.i - 1].text == ","
        and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS | {"as"} for c in d.children)
        for t in [doc[d.left_edge.i - 1], *d.subtree]
    }
    return [t for t in root.subtree if t.i not in aside]


def _topic_on(prep: Token) -> bool:
    """ "commented on the shooting" (what was said about), not "said on Monday" (when)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return (
        prep.lower_ == "on"
        and bool(objects)
        and objects[0].ent_type_ not in {"DATE", "TIME"}
        and objects[0].pos_ != "PRON"
        and not objects[0].like_num
        and objects[0].lemma_ not in MANNER_ON
    )


def adjacent_quote(
    text: str, cue: Token, source: Token | None, quotes: Sequence[Quote], *, after: bool = False
) -> Quote | None:
    """A quotation just before the cue's clause ('"...," said X') or just after it (X said: "...");
    with ``after``, only one after it."""
    sent = sentence_of(cue)
    left = min([cue.idx] + ([source.left_edge.idx] if source is not None else []))
    right = max(
        cue.idx + len(cue.text),
        source.right_edge.idx + len(source.right_edge.text) if source is not None else 0,
    )
    for quote in quotes:
        if quote.kind != "double":
            continue
        # "Cruz continued:" (or "Cruz called them on it:") closing a paragraph, the quotation
        # set out below it.
        if quote.outer.start >= right and (
            text[right : quote.outer.start].strip() == ":"
            or (
                quote.outer.start >= sent.end_char
                and text[sent.start_char : sent.end_char].rstrip().endswith(":")
                and not text[sent.end_char : quote.outer.start].strip()
            )
        ):
            return quote
        if (
            not after
            and quote.outer.end <= left
            and left - quote.outer.end <= QUOTE_GAP + 1
            and not text[quote.outer.end : left].strip(" ,\u00a0")
        ):
            return quote
        if (
            quote.outer.start >= right
            and quote.outer.start - right <= QUOTE_GAP
            and quote.outer.start < sent.end_char + 2
        ) and text[right : quote.outer.start].strip(" ,:\u00a0") == "":
            return quote
    return None


def colon(sent: TokenSpan, text: str, res: Resources) -> tuple[Token, list[Token], Span] | None:
    """A headline or paragraph "Name: what they said" (a short name, a colon, the words)."""
    # (the Doc's token list: iterating the sentence would make each Token object again)
    tokens = [t for t in token_list(sent.doc)[sent.start : sent.end] if not t.is_space]
    colon = next((t for t in tokens[:7] if t.text == ":"), None)
    if colon is None or colon.i == tokens[0].i:
        return None
    before = [t for t in tokens if t.i < colon.i]
    after = [t for t in tokens if t.i > colon.i]
    if len(before) > 6 or len(after) < 3 or before[0].is_lower:
        return None
    head = next((t for t in reversed(before) if t.pos_ in {"PROPN", "NOUN", "PRON"}), None)
    if head is None:
        return None
    speaker_like = (
        head.pos_ in {"PROPN", "PRON"}
        or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or head.lemma_.lower() in res.speaker_kind
    )
    if not speaker_like or any(t.pos_ in {"VERB", "AUX"} for t in before):
        return None
    content = trim_span(text, span_of(after))
    if content is None:
        return None
    return head, before, content


def covering_quote(span: Span, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if (
            quote.kind == "double"
            and quote.outer.start <= span.start + 1
            and span.end - 1 <= quote.outer.end
            and span.overlaps(quote.span)
        ):
            return quote
    return None


def quoted_share(span: Span, quotes: Sequence[Quote]) -> float:
    inside = sum(
        max(0, min(span.end, q.span.end) - max(span.start, q.span.start))
        for q in quotes
        if q.kind == "double"
    )
    return inside / max(1, span.end - span.start)
