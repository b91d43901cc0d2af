"""Attribution: who is quoted or cited, with which cue, saying what, and from which side.

Rules on the dependency parse, in the spirit of the Gender Gap Tracker's quote extractor:

* a cue from ``lexicons/cues.tsv`` (a verb, or a noun such as "comments by X that ...") with a
  subject and a content: a clausal complement ("argue that ..."), an infinitive for intentions
  ("vowed to ..."), an object or prepositional phrase ("warn of famine", "accusing X of Y"), or an
  adjacent quotation ("'...,' said Kirby", "Hamas stated: '...'");
* participles and conjoined verbs take the subject of the verb they hang on ("Hamas rejected the
  proposal, saying ..."), relative clauses the noun they modify ("Witkoff, who suggested ...");
* "according to X" cites X for the rest of its sentence;
* a content inside or made of quotation marks is direct speech, extended to the whole quotation.

The source span stays on the words of the text; ``speaker`` is who they resolve to: pronouns to
the last fitting speaker or named entity, descriptions ("the group") to a story-config alias or to
the name the text gave them ("the Palestinian group Hamas").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.config import ActorIndex
from framing.lexicons import CUES, SPEAKERS, Lexicons
from framing.nlp import Doc, Token
from framing.nlp import Span as TokenSpan
from framing.quotes import Quote
from framing.records import Attribution, Evidence, Span

PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "them", "it", "we"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Dependents that belong in a source's words ("a member of the team", "officials on the side")
# and those that do not (a relative clause, the punctuation around an apposition).
SOURCE_RIGHT_DEPS = {
    "compound",
    "prep",
    "pobj",
    "appos",
    "acl",
    "amod",
    "nummod",
    "poss",
    "case",
    "conj",
    "cc",
    "punct",
}
CONTENT_OBJECT_DEPS = {"dobj", "prep", "attr", "oprd", "dative"}
NOUN_CUE_SOURCE_PREPS = {"by", "from", "of"}
DATELINE_BREAKS = {"-", "\u2013", "\u2014", "(", ")", "\n"}
SHORT_ANSWERS = {"so", "yes", "no", "when", "why", "how", "what", "nothing", "otherwise"}
LISTENER_VERBS = {
    "tell",
    "ask",
    "inform",
    "remind",
    "assure",
    "warn",
    "urge",
    "thank",
    "congratulate",
}
# "made comments about", "issued a statement": a light verb whose subject speaks through a noun.
LIGHT_VERBS = {
    "make",
    "issue",
    "release",
    "give",
    "deliver",
    "offer",
    "post",
    "publish",
    "express",
    "voice",
    "raise",
    "draw",
}
# "X's criticism of Y", "her views on Y", "his support for Y": what the noun is about.
NOUN_CUE_CONTENT_PREPS = {"of", "on", "about", "for", "against", "to", "over"}
# Prepositional phrases of time and place are circumstances, not what was said.
CIRCUMSTANCE_PREPS = {"in", "at", "during", "on", "after", "before", "since", "until", "to", "with"}
# How far a quotation may sit from its cue and still be its content: the ', ' or ': ' between them.
QUOTE_GAP = 4


@dataclass(frozen=True, slots=True)
class Cue:
    connotation: str
    kind: str
    frame: str  # clause | infinitive | object
    rule: str


@dataclass(frozen=True, slots=True)
class Resources:
    cues: dict[str, list[tuple[str | None, Cue]]]
    speaker_kind: dict[str, str]  # generic speaker lemma -> person | group
    anonymity: tuple[str, ...]


def resources(lexicons: Lexicons) -> Resources:
    cues: dict[str, list[tuple[str | None, Cue]]] = {}
    table = lexicons[CUES.name]
    for row in table.rows:
        words = row.text(CUES, "cue").split()
        particle = " ".join(words[1:]) or None
        cue = Cue(
            row.text(CUES, "connotation"),
            row.text(CUES, "kind"),
            row.text(CUES, "frame"),
            table.where(row),
        )
        cues.setdefault(words[0], []).append((particle, cue))
    for options in cues.values():
        options.sort(key=lambda item: item[0] is None)  # multi-word cues first
    speakers = lexicons[SPEAKERS.name]
    kinds = {row.text(SPEAKERS, "term"): row.text(SPEAKERS, "kind") for row in speakers.rows}
    anonymity = tuple(sorted(t for t, k in kinds.items() if k == "anonymity"))
    return Resources(cues, {t: k for t, k in kinds.items() if k != "anonymity"}, anonymity)


def _cue_for(token: Token, res: Resources) -> tuple[Cue, list[Token]] | None:
    options = res.cues.get(token.lemma_.lower()) or res.cues.get(token.lower_)
    if not options:
        return None
    for particle, cue in options:
        if particle is None:
            return cue, [token]
        words = particle.split()
        nxt = token.doc[token.i + 1 : token.i + 1 + len(words)]
        if [t.lower_ for t in nxt] == words:
            return cue, [token, *nxt]
    return None


def _span_of(tokens: Sequence[Token]) -> Span:
    visible = [t for t in tokens if not t.is_space] or list(tokens)
    return Span(min(t.idx for t in visible), max(t.idx + len(t.text) for t in visible))


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    strip = " \t\n\u00a0,;:-\u2013\u2014"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return Span(start, end) if end > start else None


def _noun_phrase(head: Token) -> list[Token]:
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
    tokens = list(head.doc[head.left_edge.i : right + 1])
    # A dateline ("LONDON (Reuters) -") or a bracket before the head is not part of the name.
    breaks = [i for i, t in enumerate(tokens) if t.i < head.i and t.text in DATELINE_BREAKS]
    if breaks:
        tokens = tokens[breaks[-1] + 1 :]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens or [head]


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it inherits: a participle takes the subject of the verb it
    hangs on ("Hamas rejected it, saying ..."), a conjoined verb that of its first conjunct, a
    relative clause the noun it modifies.  A passive ("is expected to") has no source."""
    current = verb
    for _ in range(4):
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in current.children):
            return None
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in {"WP", "WDT"} or subject.lower_ in {"who", "that", "which"}:
                # The source is the relative pronoun as written; _who resolves it.
                return subject if current.dep_ == "relcl" else None
            return subject
        # A mis-parse seen often enough to repair: "representatives linked to X argue" read as
        # a clausal subject "linked" whose own subject is the speaker.
        for clause in (c for c in current.children if c.dep_ == "csubj"):
            nouns = [
                c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}
            ]
            if nouns:
                return nouns[0]
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "an official describing X": the noun speaks; ", accusing X" after an object hangs
            # on the noun by mistake and belongs to the clause's subject.
            if current.i > 0 and current.doc[current.i - 1].text != ",":
                return current.head
            governor = current.head
            while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
                governor = governor.head
            current = governor
            continue
        participle = current.dep_ == "advcl" and current.tag_ in {"VBG", "VBN"}
        if current.dep_ == "conj" or participle:
            current = current.head
            continue
        return None
    return None


def _passive(verb: Token, text: str, words: list[Token]) -> tuple[Token | None, Span] | None:
    """ "X was criticised by Y" (Y is the source) and "X is believed to be Y" (no source: an
    attribution the outlet leaves unattributed).  The content is the passive subject with the
    clause it heads."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    clause = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    tokens: list[Token] = []
    if subject is not None and subject.tag_ not in {"WP", "WDT"}:
        tokens += list(subject.subtree)
    elif subject is not None and verb.dep_ == "relcl":
        tokens += list(verb.head.subtree)[: verb.head.i - verb.head.left_edge.i + 1]
    for part in clause:
        tokens += list(part.subtree)
    agent_ids = {t.i for t in agent.subtree} if agent is not None else set()
    tokens = [t for t in tokens if t.i not in agent_ids and t not in words and t.i != verb.i]
    if not tokens or (not objects and not clause):
        return None
    content = _trim(text, _span_of(tokens))
    if content is None:
        return None
    return (objects[0] if objects else None), content


def _preceding_noun(verb: Token) -> Token | None:
    """When the parser attached the subject elsewhere ("..., former president Bill Clinton said
    ..." read as an apposition), the noun right before a finite verb is its subject."""
    index = verb.i - 1
    doc = verb.doc
    while index >= verb.sent.start and (
        doc[index].dep_ in {"advmod", "aux", "neg"} or doc[index].is_space
    ):
        index -= 1
    if index < verb.sent.start:
        return None
    candidate = doc[index]
    if candidate.pos_ in {"PROPN", "NOUN", "PRON"} and candidate.dep_ not in {"pobj", "dobj"}:
        return candidate
    return None


def _left_phrase(head: Token) -> list[Token]:
    """The noun phrase ending at ``head``: its run of modifiers to the left."""
    doc = head.doc
    start = head.i
    while (
        start - 1 >= head.sent.start
        and doc[start - 1].dep_ in {"compound", "amod", "det", "nummod", "poss", "case"}
        and not doc[start - 1].is_punct
    ):
        start -= 1
    return list(doc[start : head.i + 1])


def _content(cue: Token, words: list[Token], frame: str) -> list[Token] | None:
    """The tokens of what the cue attributes, by the cue's frame in cues.tsv."""
    # The particle of a multi-word cue ("call for", "talk about") carries the content.
    children = [c for c in cue.children if c not in words]
    for particle in words[1:]:
        children += [c for c in particle.children if c.dep_ in {"pobj", "pcomp"}]
    # The tagger sometimes calls the clause's verb a noun ('said his actions "amount to ..."').
    clauses = [
        c
        for c in children
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.pos_ in {"VERB", "AUX"})
    ]
    if clauses:
        return list(clauses[0].subtree)
    if frame in {"infinitive", "object"}:
        infinitives = [
            c
            for c in children
            if c.dep_ == "xcomp" and c.i > cue.i and any(a.lower_ == "to" for a in c.children)
        ]
        if infinitives:
            return list(infinitives[0].subtree)
    if cue.dep_ == "parataxis" and cue.head.pos_ in {"VERB", "AUX"}:
        # "A truce, they say, would only ...": the cue interrupts the clause it attributes.
        inner = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in inner]
    if frame == "clause":
        return None
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
    ]
    objects += [
        c
        for c in children
        if c.dep_ == "prep"
        and c.i > cue.i
        and c.lower_ in {"of", "for", "about", "against"}
        and c not in objects
    ]
    # "said so", "said yes", "did not say when": a one-word answer is what was said.
    objects += [c for c in children if c.i > cue.i and c.lower_ in SHORT_ANSWERS]
    if not objects:
        return None
    tokens: list[Token] = []
    for obj in sorted(objects, key=lambda t: t.i):
        # ", accusing X of Y" hung on the object belongs to the subject (see _subject).
        detached = {
            t.i
            for d in obj.subtree
            if d.dep_ == "acl" and d.tag_ == "VBG" and d.i > 0 and d.doc[d.i - 1].text == ","
            for t in d.subtree
        }
        tokens.extend(t for t in obj.subtree if t.i not in detached)
    return tokens


def _adjacent_quote(
    text: str, cue: Token, source: Token | None, quotes: Sequence[Quote]
) -> Quote | None:
    """A quotation just before the cue's clause ('"...," said X') or just after it (X said: "...")."""
    sent = cue.sent
    left = min([cue.idx] + ([source.left_edge.idx] if source is not None else []))
    right = max(
        cue.idx + len(cue.text),
        source.right_edge.idx + len(source.right_edge.text) if source is not None else 0,
    )
    for quote in quotes:
        if quote.kind != "double":
            continue
        # "Cruz continued:" closing a paragraph, the quotation set out below it.
        if quote.outer.start >= right and text[right : quote.outer.start].strip() == ":":
            return quote
        if (
            quote.outer.end <= left
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


def _rest_of_sentence(text: str, cue: Token, source: list[Token]) -> Span | None:
    """Fallback for a speech verb the parser gave no complement: what follows it in the sentence
    ("said his words 'amount to ...'"), after a listener ("told reporters"), if it holds a verb."""
    sent = cue.sent
    start = cue.i + 1
    source_ids = {t.i for t in source}
    doc = cue.doc
    while start < sent.end and (
        (doc[start].dep_ in {"dobj", "dative", "prt", "advmod", "punct"} and doc[start].head == cue)
        or start in source_ids
    ):
        start = doc[start].right_edge.i + 1
    rest = [t for t in doc[start : sent.end] if not t.is_space]
    if len(rest) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    return _trim(text, _span_of(rest))


def _colon(sent: TokenSpan, text: str, res: Resources) -> tuple[Token, list[Token], Span] | None:
    """A headline or paragraph "Name: what they said" (a short name, a colon, the words)."""
    tokens = [t for t in sent if not t.is_space]
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
    content = _trim(text, _span_of(after))
    if content is None:
        return None
    return head, before, content


def _covering_quote(span: Span, quotes: Sequence[Quote]) -> Quote | None:
    for quote in quotes:
        if (
            quote.kind == "double"
            and quote.outer.start <= span.start + 1
            and span.end - 1 <= quote.outer.end
            and span.overlaps(quote.span)
        ):
            return quote
    return None


def _quoted_share(span: Span, quotes: Sequence[Quote]) -> float:
    inside = sum(
        max(0, min(span.end, q.span.end) - max(span.start, q.span.start))
        for q in quotes
        if q.kind == "double"
    )
    return inside / max(1, span.end - span.start)


@dataclass(slots=True)
class _Found:
    head: Token | None  # None: an agentless passive ("is believed to"), unattributed
    source: list[Token]
    cue_tokens: list[Token]
    cue: Cue
    content: Span


def _according_to(token: Token, text: str) -> tuple[Token, Span] | None:
    """ "According to X, ..." / "..., according to X": X is the source of the rest of the sentence."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    if to.lower_ != "to":
        return None
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    sent = token.sent
    phrase_end = max(t.idx + len(t.text) for t in objects[0].subtree)
    before = _trim(text, Span(sent.start_char, token.idx))
    after = _trim(text, Span(phrase_end, sent.end_char))
    candidates = [s for s in (before, after) if s is not None]
    if not candidates:
        return None
    content = max(candidates, key=lambda s: s.end - s.start)
    return objects[0], content


def _noun_cue(token: Token, frame: str) -> tuple[Token, list[Token]] | None:
    """ "comments by X that ...", "X's warning that ...", "X's criticism of Y": (source, content)."""
    source = None
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "PRON", "NOUN"}:
            source = child
        elif child.dep_ == "compound" and child.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            source = source or child
        elif child.dep_ in {"prep", "agent"} and child.lower_ in NOUN_CUE_SOURCE_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_):
                source = objects[0]
    if source is None and token.dep_ == "dobj" and token.head.lemma_ in LIGHT_VERBS:
        source = _subject(token.head)
    if source is None:
        return None
    clauses = [
        c
        for c in token.children
        if c.dep_ in {"acl", "ccomp", "relcl"}
        and any(
            (m.dep_ == "mark" and m.lower_ in {"that", "to"})
            or (m.dep_ == "aux" and m.lower_ == "to")
            for m in c.children
        )
    ]
    if clauses:
        return source, list(clauses[0].subtree)
    if frame == "clause":
        return None
    preps = [
        c
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in NOUN_CUE_CONTENT_PREPS and c.i > token.i
    ]
    if preps:
        return source, list(preps[0].subtree)[1:] or list(preps[0].subtree)
    return None


def _inside(span: Span, quotes: Sequence[Quote]) -> bool:
    return any(q.kind == "double" and q.span.contains(span) for q in quotes)


def _adjective(token: Token, cue: Cue, words: list[Token], text: str) -> _Found | None:
    """ "Democrats are concerned that ...": the adjective of a copula with a subject."""
    if token.dep_ != "acomp":
        return None
    head = _subject(token.head)
    content_tokens = _content(token, words, cue.frame) or []
    if head is None or not content_tokens:
        return None
    content = _trim(text, _span_of(content_tokens))
    return _Found(head, _noun_phrase(head), words, cue, content) if content else None


def _noun(token: Token, cue: Cue, words: list[Token], text: str) -> _Found | None:
    noun = _noun_cue(token, cue.frame)
    if noun is None:
        return None
    head, content_tokens = noun
    content = _trim(text, _span_of(content_tokens))
    return _Found(head, _noun_phrase(head), words, cue, content) if content else None


def _verb(
    token: Token, cue: Cue, words: list[Token], text: str, quotes: Sequence[Quote]
) -> _Found | None:
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        passive = _passive(token, text, words)
        if passive is None:
            return None
        agent, said = passive
        return _Found(agent, _noun_phrase(agent) if agent is not None else [], words, cue, said)
    subject = _subject(token)
    fallback = subject is None and token.tag_ in {"VBD", "VBZ", "VBP"}
    if fallback:
        subject = _preceding_noun(token)
    if subject is None or subject.dep_ == "expl" or subject.lower_ == "there":
        return None
    source = _left_phrase(subject) if fallback else _noun_phrase(subject)
    content: Span | None = None
    blocked = {t.i for t in source} | {t.i for t in words}
    content_tokens = [t for t in _content(token, words, cue.frame) or [] if t.i not in blocked]
    if content_tokens:
        content = _trim(text, _span_of(content_tokens))
    if content is None:
        quote = _adjacent_quote(text, token, subject, quotes)
        content = quote.span if quote is not None else None
    if content is None and cue.kind == "speech":
        content = _rest_of_sentence(text, token, source)
    return _Found(subject, source, words, cue, content) if content is not None else None


_TRANSCRIPT = re.compile(r"^[ \t]*([A-Z][A-Z.'\- ]{1,40}[A-Z.]):[ \t]+(\S.*)$", re.MULTILINE)


def _transcript(doc: Doc, text: str, res: Resources) -> list[_Found]:
    """Interview transcripts: a paragraph opened by a speaker's name in capitals and a colon
    ("SMITH: We never ...") is that speaker's, however many sentences it runs."""
    cue = next((c for p, c in res.cues.get(":", []) if p is None), None)
    found: list[_Found] = []
    if cue is None:
        return found
    for match in _TRANSCRIPT.finditer(text):
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        colon = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        if name is None or colon is None or not name.text.strip() or len(name) > 6:
            continue
        content = _trim(text, Span(match.start(2), match.end(2)))
        if content is not None:
            found.append(_Found(name.root, list(name), list(colon), cue, content))
    return found


def find(doc: Doc, text: str, quotes: Sequence[Quote], res: Resources) -> list[_Found]:
    """Every cue with a content (and, but for agentless passives, a source), in text order."""
    found: list[_Found] = _transcript(doc, text, res)
    spoken = [Quote(f.content, f.content, "double") for f in found]
    quotes = [*quotes, *spoken]  # cues inside a transcript turn are the speaker's words
    taken: set[int] = set()
    according_cue = next((c for p, c in res.cues.get("according", []) if p == "to"), None)
    for token in doc:
        if token.is_space or token.i in taken:
            continue
        if _inside(Span(token.idx, token.idx + len(token.text)), quotes):
            continue  # a reporting verb inside a quotation is the speaker's, not a new attribution
        item: _Found | None = None
        according = _according_to(token, text) if according_cue is not None else None
        if according is not None and according_cue is not None:
            head = according[0]
            words = [token, doc[token.i + 1]]
            item = _Found(head, _noun_phrase(head), words, according_cue, according[1])
        elif token.pos_ in {"VERB", "NOUN", "ADJ"} and (match := _cue_for(token, res)):
            cue, words = match
            if token.pos_ == "ADJ":
                item = _adjective(token, cue, words, text)
            elif token.pos_ == "NOUN":
                item = _noun(token, cue, words, text)
            else:
                item = _verb(token, cue, words, text, quotes)
        if item is None or (item.source and _span_of(item.source).contains(item.content)):
            continue  # a source that is its own content is a mis-parse, not an attribution
        covering = _covering_quote(item.content, quotes)
        if covering is not None:
            item.content = covering.span
        found.append(item)
        taken.update(t.i for t in item.cue_tokens)
    _quotes_beside_verbs(doc, text, quotes, res, found)
    colon_cue = next((c for p, c in res.cues.get(":", []) if p is None), None)
    if colon_cue is not None:
        for sent in doc.sents:
            hit = _colon(sent, text, res)
            if hit is None or any(f.content.overlaps(hit[2]) for f in found):
                continue
            head, source_tokens, content = hit
            colon_token = next(t for t in sent if t.text == ":" and t.i > head.i)
            found.append(_Found(head, source_tokens, [colon_token], colon_cue, content))
    found.sort(key=lambda f: f.cue_tokens[0].i)
    return _outermost(found)


BESIDE_QUOTE = Cue("neutral", "speech", "clause", "rule:verb-beside-quote")
QUOTE_MIN_WORDS = 3  # shorter quoted phrases are more often titles or scare quotes than speech


def _token_at(doc: Doc, offset: int, step: int) -> Token | None:
    """The nearest token starting at or after (step 1), or ending at or before (step -1),
    ``offset`` that is neither space nor punctuation (a colon excepted)."""
    span = (
        doc.char_span(offset, offset, alignment_mode="expand")
        if 0 <= offset <= len(doc.text)
        else None
    )
    index = span.start if span is not None else (len(doc) if step > 0 else 0)
    index = min(max(index, 0), len(doc) - 1)
    while 0 <= index < len(doc):
        token = doc[index]
        inside = token.idx >= offset if step > 0 else token.idx + len(token.text) <= offset
        if inside and not token.is_space and (not token.is_punct or token.text == ":"):
            return token
        index += step
    return None


def _quotes_beside_verbs(
    doc: Doc, text: str, quotes: Sequence[Quote], res: Resources, found: list[_Found]
) -> None:
    """A quotation that no cue claimed, set beside a verb with a subject: '"...," he quipped',
    'the judge interrupted: "..."'.  After a quotation the verb need not be in cues.tsv (the
    comma closing the quote hands over to its speaker); before one, a colon or a known cue must
    say that the verb introduces speech."""
    for quote in quotes:
        words = text[quote.span.start : quote.span.end]
        if quote.kind != "double" or len(words.split()) < QUOTE_MIN_WORDS:
            continue
        if any(f.content.overlaps(quote.span) for f in found):
            continue
        candidates = []
        handed_over = (
            words.rstrip()[-1:] in {",", "?", "!"}
            or text[quote.outer.end : quote.outer.end + 1] == ","
        )
        after = _token_at(doc, quote.outer.end, 1)
        if (
            handed_over
            and after is not None
            and not text[quote.outer.end : after.idx].strip(" ,\n")
        ):
            verb = after if after.pos_ == "VERB" else after.head if after.dep_ == "nsubj" else None
            if verb is not None and verb.pos_ == "VERB" and verb.i <= after.i + 1:
                candidates.append(verb)
        before = _token_at(doc, quote.outer.start, -1)
        colon = before is not None and before.text == ":"
        if colon and before is not None:
            before = _token_at(doc, before.idx, -1)
        gap = text[before.idx + len(before.text) : quote.outer.start] if before is not None else "x"
        if before is not None and not gap.strip(" ,:\n"):
            if before.pos_ == "VERB" and (colon or _cue_for(before, res) is not None):
                candidates.append(before)
            elif (
                colon
                and before.pos_ == "NOUN"
                and before.dep_ == "dobj"
                and before.head.pos_ == "VERB"
            ):
                candidates.append(before.head)  # "released the following statement:"
        for verb in candidates:
            subject = _subject(verb)
            if subject is None or subject.dep_ == "expl":
                continue
            match = _cue_for(verb, res)
            cue = match[0] if match is not None else BESIDE_QUOTE
            found.append(_Found(subject, _noun_phrase(subject), [verb], cue, quote.span))
            break


def _outermost(found: list[_Found]) -> list[_Found]:
    """Drop an attribution nested in another's content ("X said that Y wants Z" is X's claim):
    each word is attributed once, as PolNeAR annotates and as a reader counts sources."""
    kept = []
    for item in found:
        cue = _span_of(item.cue_tokens)
        if any(other is not item and other.content.contains(cue) for other in found):
            continue
        kept.append(item)
    return kept


# --- who the source is ---------------------------------------------------------------------------

_DETERMINERS = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_KIND_OF_ACTOR = {
    "person": "named",
    "organisation": "organisation",
    "place": "organisation",
    "group": "unnamed",
}
_NUMBER_WORDS = {
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "many",
    "some",
    "multiple",
    "few",
}


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str | None
    kind: str
    side: str | None


def _set_up_names(doc: Doc) -> dict[str, str]:
    """Descriptions the text ties to a name: "the Palestinian group Hamas", "Hamas, the movement"."""
    names: dict[str, str] = {}
    for token in doc:
        if token.pos_ != "PROPN":
            continue
        for child in token.children:
            # "the group Hamas": the description is a compound or modifier of the name ...
            if child.dep_ in {"compound", "nmod"} and child.pos_ == "NOUN" and child.i < token.i:
                names[child.lemma_.lower()] = _name_of(token)
        # ... or the name stands in apposition to the description, either way round.
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":
            names[token.head.lemma_.lower()] = _name_of(token)
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                names[child.lemma_.lower()] = _name_of(token)
    return names


def _name_of(token: Token) -> str:
    words = [
        t for t in token.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i
    ] + [token]
    words.sort(key=lambda t: t.i)
    run = [words[-1]]
    for word in reversed(words[:-1]):
        if word.i == run[0].i - 1:
            run.insert(0, word)
    return " ".join(t.text for t in run)


def _full_person_name(doc: Doc, surname: str) -> str:
    """The longest PERSON name in the document ending in ``surname`` ("Kirby" -> "John Kirby")."""
    best = surname
    for ent in doc.ents:
        if (
            ent.label_ == "PERSON"
            and ent[-1].text == surname.split()[-1]
            and len(ent.text) > len(best)
        ):
            best = ent.text
    return best


def _who(
    item: _Found,
    text: str,
    res: Resources,
    actors: ActorIndex | None,
    set_up: dict[str, str],
    earlier: list[tuple[int, _Speaker]],
) -> _Speaker:
    head = item.head
    assert head is not None  # agentless attributions never reach here
    doc = head.doc
    if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl":
        # "Witkoff, who suggested ...": the speaker is the noun the clause modifies.
        antecedent = head.head.head
        stand_in = _Found(
            antecedent, _noun_phrase(antecedent), item.cue_tokens, item.cue, item.content
        )
        return _who(stand_in, text, res, actors, set_up, earlier)
    span = _span_of(item.source)
    words = _DETERMINERS.sub("", text[span.start : span.end])
    within = actors.within(words) if actors is not None else None
    side = within.side if within is not None else None
    if head.pos_ == "PRON":
        wanted = "named" if head.lower_ in PRONOUNS_PERSON else "group"
        for _, speaker in reversed(earlier):
            if (speaker.kind == "named") == (wanted == "named"):
                return speaker
        label = {"named": {"PERSON"}, "group": {"ORG", "GPE", "NORP"}}[wanted]
        for ent in reversed([e for e in doc.ents if e.end_char <= head.idx and e.label_ in label]):
            found = actors.within(ent.text) if actors is not None else None
            name = found.name if found is not None else ent.text
            kind = "named" if wanted == "named" else "organisation"
            return _Speaker(name, kind, found.side if found else None)
        return _Speaker(None, "unnamed", None)
    exact = actors.exact(words) if actors is not None else None
    if exact is not None:
        return _Speaker(exact.name, _KIND_OF_ACTOR[exact.kind], exact.side)
    lemma = head.lemma_.lower()
    if lemma in res.speaker_kind or head.lower_ in res.speaker_kind:
        described = (
            set_up.get(lemma)
            if head.pos_ == "NOUN" and words.lower().split()[0:1] == [head.lower_]
            else None
        )
        if described is not None and not any(
            t.dep_ in {"amod", "compound", "nummod"} for t in head.children
        ):
            resolved = actors.within(described) if actors is not None else None
            return _Speaker(
                resolved.name if resolved else described,
                "organisation",
                resolved.side if resolved else side,
            )
        return _Speaker(words, "unnamed", side)
    # "the envoy, Steve Witkoff": the name in apposition is the speaker.
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    person = named if named is not None else head
    entity = next((e for e in doc.ents if e.start <= person.i < e.end), None)
    surname = _name_of(person)
    known_person = person.pos_ == "PROPN" and _full_person_name(doc, surname) != surname
    if (entity is not None and entity.label_ == "PERSON") or known_person:
        # The name without its title ("Senator Jane Smith" -> "Jane Smith"), in its longest form.
        bare = entity.text if entity is not None and entity.label_ == "PERSON" else surname
        if within is not None and within.kind == "person" and bare.split()[-1] in within.name:
            name = within.name
        else:
            name = _full_person_name(doc, bare)
        return _Speaker(name, "named", side)
    if head.pos_ == "PROPN" or head.ent_type_ in {"ORG", "GPE", "NORP", "FAC"}:
        return _Speaker(words, "organisation", side)
    described = set_up.get(lemma)
    if described is not None:
        resolved = actors.within(described) if actors is not None else None
        return _Speaker(
            resolved.name if resolved else described,
            "organisation",
            resolved.side if resolved else side,
        )
    return _Speaker(words, "unnamed", side)


def extract(
    doc: Doc,
    *,
    text: str,
    quotes: Sequence[Quote],
    res: Resources,
    actors: ActorIndex | None = None,
) -> tuple[Attribution, ...]:
    """Every attribution in a parsed article; ``doc`` offsets are offsets into ``text``."""
    set_up = _set_up_names(doc)
    earlier: list[tuple[int, _Speaker]] = []
    result = []
    for item in find(doc, text, quotes, res):
        cue_span = _span_of(item.cue_tokens)
        source: Evidence | None = None
        if item.head is None:
            speaker = _Speaker(None, "unnamed", None)
            count = None
        else:
            source_span = _trim(text, _span_of(item.source))
            if source_span is None:
                continue
            source = Evidence(text[source_span.start : source_span.end], source_span)
            speaker = _who(item, text, res, actors, set_up, earlier)
            earlier.append((source_span.start, speaker))
            count = next(
                (
                    t.text
                    for t in item.head.children
                    if t.dep_ == "nummod" or (t.dep_ == "amod" and t.lower_ in _NUMBER_WORDS)
                ),
                None,
            )
        sentence = item.cue_tokens[0].sent.text.lower()
        anonymous = any(marker in sentence for marker in res.anonymity)
        result.append(
            Attribution(
                source=source,
                speaker=speaker.name,
                kind=speaker.kind,
                side=speaker.side,
                cue=Evidence(text[cue_span.start : cue_span.end], cue_span),
                content=Evidence(text[item.content.start : item.content.end], item.content),
                direct=_quoted_share(item.content, quotes) >= 0.5,
                connotation=item.cue.connotation,
                cue_kind=item.cue.kind,
                anonymous=anonymous,
                count=count,
                rule=item.cue.rule,
            )
        )
    return tuple(result)
