"""Finding attributions: every cue with its source and content, by the rule that fits."""

from __future__ import annotations

from collections.abc import Sequence

from framing.features.attribution.cues import (
    ASPECTUAL,
    LIGHT_VERBS,
    NOUN_CUE_CONTENT_PREPS,
    NOUN_CUE_SOURCE_PREPS,
    Cue,
    Resources,
    cue_for,
)
from framing.features.attribution.found import Found
from framing.features.attribution.frames import (
    RAISING,
    according_to,
    by_agent,
    channel,
    is_negated,
    not_a_report,
    quoted_label,
    refusal,
    signed_quotes,
    transcripts,
)
from framing.features.attribution.nesting import outermost, split_shared_source
from framing.features.attribution.rest import rest_of_sentence
from framing.features.attribution.subjects import passive_of, preceding_noun, subject_of
from framing.features.attribution.syntax import (
    adjacent_quote,
    colon,
    content_of,
    covering_quote,
    left_phrase,
    noun_phrase,
    span_of,
    trim_span,
)
from framing.nlp import (
    Doc,
    Token,
    doc_text,
    in_dateline,
    in_headline,
    sentences,
    token_index,
    token_list,
)
from framing.quotes import Quote, QuotedRegions
from framing.records import Span


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
        source = subject_of(token.head)
    if source is None and token.dep_ == "attr" and token.head.lemma_ == "be":
        source = subject_of(token.head)  # "X is a staunch opponent of Y"
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


def _adjective(token: Token, cue: Cue, words: list[Token], text: str) -> Found | None:
    """ "Democrats are concerned that ...": the adjective of a copula with a subject."""
    if token.dep_ != "acomp":
        return None
    head = subject_of(token.head)
    content_tokens = content_of(token, words, cue.frame) or []
    if head is None or not content_tokens:
        return None
    content = trim_span(text, span_of(content_tokens))
    return Found(head, noun_phrase(head), words, cue, content) if content else None


def _noun(token: Token, cue: Cue, words: list[Token], text: str) -> Found | None:
    noun = _noun_cue(token, cue.frame)
    if noun is None:
        return None
    head, content_tokens = noun
    content = trim_span(text, span_of(content_tokens))
    return Found(head, noun_phrase(head), words, cue, content) if content else None


def _held_back(token: Token, verb: Token, cue: Cue, words: list[Token], text: str) -> Found | None:
    """ "The mayor declined to say how much it would cost": a negated report whose content is
    what the source would not say, or the refusal's own words ("declined to comment")."""
    subject = subject_of(token)
    if subject is None or subject.dep_ == "expl":
        return None
    source = noun_phrase(subject)
    content = None
    content_tokens = content_of(verb, [verb], cue.frame)
    if content_tokens:
        content = trim_span(text, span_of(content_tokens))
        cue_words = words
    if content is None:
        content = trim_span(text, span_of(list(verb.subtree)))
        cue_words = [token]
    if content is None:
        return None
    return Found(subject, source, cue_words, cue, content, negated=True)


# where the parser puts the speaker of '"...," said X' when it took the quotation for the subject
INVERTED = {"dobj", "attr", "npadvmod", "appos", "nsubj", "oprd", "dep"}


def _quoted(token: Token, quotes: Sequence[Quote]) -> bool:
    """Inside a quotation of speech; a word or two in quotation marks ('"birthers" have
    demanded') is a label the outlet quotes, and may be the subject."""
    text = doc_text(token.doc)
    return any(
        q.kind == "double"
        and q.span.start <= token.idx < q.span.end
        and len(text[q.span.start : q.span.end].split()) >= QUOTE_MIN_WORDS
        for q in quotes
    )


def _verb(
    token: Token,
    cue: Cue,
    words: list[Token],
    text: str,
    quotes: Sequence[Quote],
    res: Resources,
) -> Found | None:
    if token.lemma_ in RAISING:
        return None
    if (
        token.tag_ == "VBN"
        and token.dep_ == "acl"
        and all(c.dep_ != "agent" for c in token.children)
    ):
        # "a congressman expected to be indicted", "a plan intended to save money": the noun is
        # what the participle says something of, never who says it
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        passive = passive_of(token, text, words)
        if passive is None:
            return None
        agent, said = passive
        if agent is None and cue.kind == "intention":
            return None  # "the convention is intended to ...", "they were asked to ...": a plan
        return Found(agent, noun_phrase(agent) if agent is not None else [], words, cue, said)
    if (agentive := by_agent(token, text)) is not None:
        agent, said = agentive
        return Found(agent, noun_phrase(agent), words, cue, said)
    subject = subject_of(token)
    if subject is not None and (in_dateline(subject) or subject.ent_type_ in {"DATE", "TIME"}):
        # a dateline or a time read as the subject ("NEW YORK (AFP) - ... said", "Flynn said
        # Thursday"); "KANSAS CITY — Leaders of X accused": the apposition after the dash is
        subject = next(
            (c for c in subject.children if c.dep_ == "appos" and not in_dateline(c)), None
        )
    if subject is not None and _quoted(subject, quotes):
        # '"Full panic mode," said Leslie Wimes': words inside the quotation never speak it; the
        # speaker is the noun after the verb
        subject = next(
            (c for c in token.rights if c.pos_ in {"PROPN", "NOUN"} and c.dep_ in INVERTED),
            None,
        )
    fallback = subject is None and token.tag_ in {"VBD", "VBZ", "VBP"}
    if fallback:
        subject = preceding_noun(token)
        if subject is not None and in_dateline(subject):
            return None
    if subject is None or subject.dep_ == "expl" or subject.lower_ == "there":
        return None
    source = left_phrase(subject) if fallback else noun_phrase(subject)
    content: Span | None = None
    blocked = {t.i for t in source} | {t.i for t in words}
    content_tokens = [t for t in content_of(token, words, cue.frame) or [] if t.i not in blocked]
    if content_tokens and not channel(content_tokens):
        content = trim_span(text, span_of(content_tokens))
    if len(words) == 1 and (label := quoted_label(token, text, quotes)) is not None:
        content = label  # "called the plan a 'vanity project'": the quoted label is the content
    if content is None:
        # '"...," accusing X of Y': a quotation before a participle is the verb's before it
        quote = adjacent_quote(text, token, subject, quotes, after=token.tag_ == "VBG")
        content = quote.span if quote is not None else None
    negated = cue.kind == "speech" and is_negated(token)
    # "continued to stay away": a verb completed by an infinitive is not reporting what follows
    # ("suggested allowing X" is a report: a gerund is what was suggested, but for a verb of
    # aspect: "continued staying away")
    completed = any(
        c.dep_ == "xcomp" and c.i > token.i and (c.tag_ != "VBG" or token.lemma_ in ASPECTUAL)
        for c in token.children
    )
    # nor does a participle opening the sentence ("Writing for the Times, X noted that ...")
    completed = completed or (token.dep_ == "advcl" and token.i < token.head.i)
    if content is None and cue.kind == "speech" and not completed:
        content = rest_of_sentence(text, token, source, any_words=negated)
    if content is None and negated:
        # "The ministry did not comment.": what it did not say is the negated cue itself
        before = [c for c in token.children if c.dep_ in {"aux", "neg"} and c.i < token.i]
        content = trim_span(text, span_of([*before, token]))
    if content is None:
        return None
    return Found(subject, source, words, cue, content, negated=negated)


def find(doc: Doc, text: str, quotes: Sequence[Quote], res: Resources) -> list[Found]:
    """Every cue with a content (and, but for agentless passives, a source), in text order."""
    found: list[Found] = transcripts(doc, text, res)
    spoken = [Quote(f.content, f.content, "double") for f in found]
    quotes = [*quotes, *spoken]  # cues inside a transcript turn are the speaker's words
    quoted = QuotedRegions(quotes)
    taken: set[int] = set()
    according_cue = next((c for p, c in res.cues.get("according", []) if p == "to"), None)
    for token in token_list(doc):
        if token.is_space or token.i in taken:
            continue
        if quoted.contains(Span(token.idx, token.idx + len(token.text))):
            continue  # a reporting verb inside a quotation is the speaker's, not a new attribution
        if in_headline(doc, token.idx):
            continue
        item: Found | None = None
        according = according_to(token, text) if according_cue is not None else None
        held_back = refusal(token, res) if token.pos_ == "VERB" else None
        if according is not None and according_cue is not None:
            head, source, content = according
            item = Found(head, source, [token, doc[token.i + 1]], according_cue, content)
        elif held_back is not None:
            item = _held_back(token, *held_back, text)
        elif token.pos_ in {"VERB", "NOUN", "ADJ"} and (match := cue_for(token, res)):
            cue, words = match
            if token.pos_ == "ADJ":
                item = _adjective(token, cue, words, text)
            elif token.pos_ == "NOUN":
                item = _noun(token, cue, words, text)
            else:
                item = _verb(token, cue, words, text, quotes, res)
        if item is None or (item.source and span_of(item.source).contains(item.content)):
            continue  # a source that is its own content is a mis-parse, not an attribution
        if not_a_report(item, doc, text):
            continue
        covering = covering_quote(item.content, quotes)
        if covering is not None:
            item.content = covering.span
        found.append(item)
        taken.update(t.i for t in item.cue_tokens)
    _quotes_beside_verbs(doc, text, quotes, res, found)
    _signed(doc, text, quotes, res, found)
    colon_cue = next((c for p, c in res.cues.get(":", []) if p is None), None)
    if colon_cue is not None:
        for sent in sentences(doc):
            hit = colon(sent, text, res)
            if hit is None or any(f.content.overlaps(hit[2]) for f in found):
                continue
            head, source_tokens, content = hit
            colon_token = next(t for t in sent if t.text == ":" and t.i > head.i)
            found.append(Found(head, source_tokens, [colon_token], colon_cue, content))
    found.sort(key=lambda f: f.cue_tokens[0].i)
    return outermost(split_shared_source(found, text))


def _signed(
    doc: Doc, text: str, quotes: Sequence[Quote], res: Resources, found: list[Found]
) -> None:
    """'"...," ― Carla Sanchez': a quotation signed with a name is that person's words."""
    cue = next((c for p, c in res.cues.get(":", []) if p is None), BESIDE_QUOTE)
    for quote, dash, name in signed_quotes(text, quotes):
        # cues inside the signed words are the signer's (the quotation marks may not have been
        # taken for one: ”Fear. I am afraid ...” ― Edwin Monroy)
        found[:] = [f for f in found if not quote.span.contains(span_of(f.cue_tokens))]
        if any(f.content.overlaps(quote.span) for f in found):
            continue
        words = doc.char_span(name.start, name.end, alignment_mode="expand")
        mark = doc.char_span(dash.start, dash.end, alignment_mode="expand")
        if words is None or mark is None or not len(words) or not len(mark):
            continue
        found.append(Found(words.root, list(words), list(mark), cue, quote.span))


BESIDE_QUOTE = Cue("neutral", "speech", "clause", "rule:verb-beside-quote")
QUOTE_MIN_WORDS = 3  # shorter quoted phrases are more often titles or scare quotes than speech


def _token_at(doc: Doc, offset: int, step: int) -> Token | None:
    """The nearest token starting at or after (step 1), or ending at or before (step -1),
    ``offset`` that is neither space nor punctuation (a colon excepted)."""
    index = token_index(doc, offset) if step > 0 else token_index(doc, offset) - 1
    while 0 <= index < len(doc):
        token = doc[index]
        inside = token.idx >= offset if step > 0 else token.idx + len(token.text) <= offset
        if inside and not token.is_space and (not token.is_punct or token.text == ":"):
            return token
        index += step
    return None


def _quotes_beside_verbs(
    doc: Doc, text: str, quotes: Sequence[Quote], res: Resources, found: list[Found]
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
            if before.pos_ == "VERB" and (colon or cue_for(before, res) is not None):
                candidates.append(before)
            elif (
                colon
                and before.pos_ == "NOUN"
                and before.dep_ == "dobj"
                and before.head.pos_ == "VERB"
            ):
                candidates.append(before.head)  # "released the following statement:"
        claimed = {f.cue_tokens[0].i for f in found}
        for verb in candidates:
            if verb.i in claimed:
                continue  # 'Asked, "Is it you?" Reed replied, "No."': the verb has its words
            subject = subject_of(verb)
            if subject is None or subject.dep_ == "expl":
                continue
            match = cue_for(verb, res)
            cue = match[0] if match is not None else BESIDE_QUOTE
            found.append(Found(subject, noun_phrase(subject), [verb], cue, quote.span))
            break


# --- who the source is ---------------------------------------------------------------------------
