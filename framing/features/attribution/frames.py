"""Frames beyond a cue with its subject and complement: "according to X" wherever it stands,
a negated report ("has not said", "declined to comment"), a quoted label ("what X called the
'vanity project'")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.features.attribution.cues import Cue, Resources, cue_for
from framing.features.attribution.found import Found
from framing.features.attribution.syntax import bounds_phrase, span_of, trim_span
from framing.nlp import Doc, Token, sentence_of, token_list
from framing.quotes import Quote
from framing.records import Span

NOUNISH = {"NOUN", "PROPN", "PRON"}
# "The mayor seems to have left", "the video appears to show": the outlet's own hedge, no one's
# report (the reader's gold for the BASIL stories does not count them); "X appeared to suggest
# that ..." is X's report, found at "suggest".
RAISING = {"seem", "appear"}
# What a defendant pleads: a plea in court is an act, not a report ("pleaded guilty to fraud");
# "pleaded with lawmakers to act" is one.
COURT_PLEAS = ("guilty", "not guilty", "innocent", "no contest", "nolo contendere", "the fifth")
# "declined to say", "refused to comment", "failed to explain": the source kept the report back.
REFUSALS = {"decline", "refuse", "fail"}
# Naming verbs: "called X 'Y'" attributes the quoted label, "Y", to the subject.
NAMING = {"call", "dub", "label", "brand", "name", "term", "describe", "characterize"}


def according_to(token: Token, text: str) -> tuple[Token, list[Token], Span] | None:
    """ "According to X, ...", "..., according to X" and "..., according to X, ...": X is the
    source, the content is the clause the phrase stands in (head, source words, content)."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    sent = sentence_of(token)
    # The source: what follows "to" up to the first comma, dash, bracket or line break (the
    # parser sometimes hangs the whole clause on the object: "According to X, the move reeks").
    source: list[Token] = []
    for t in token_list(doc)[to.i + 1 : sent.end]:
        if t.text in {",", ";", ":"} or bounds_phrase(t) or (t.is_space and "\n" in t.text):
            break
        source.append(t)
    while source and (source[-1].is_punct or source[-1].is_space):
        source.pop()
    if not source:
        return None
    objects = [c for c in to.children if c.dep_ in {"pobj", "pcomp"} and c in source]
    nouns = [t for t in source if t.pos_ in NOUNISH]
    head = next((o for o in objects if o.pos_ in NOUNISH), None) or (nouns[0] if nouns else None)
    if head is None:
        return None
    words = [t for t in token_list(doc)[sent.start : sent.end] if not t.is_space]
    before = [t for t in words if t.i < token.i]
    after = [t for t in words if t.i > source[-1].i]
    clause_before = [t for t in before if not t.is_punct and t.dep_ != "cc"]
    clause_after = [t for t in after if not t.is_punct]
    verbless = not any(t.pos_ in {"VERB", "AUX"} for t in clause_before)
    if clause_before and clause_after and verbless:
        # Between a subject and its verb ("The talks, according to officials, will resume"):
        # the clause around it.
        content = trim_span(text, span_of(words))
    elif clause_before:
        # after a clause, with another after it ("..., according to the union, while the board
        # said ..."): the clause before it
        content = trim_span(text, span_of(before))
    elif clause_after:
        content = trim_span(text, span_of(after))
    else:
        return None
    return (head, source, content) if content is not None else None


def is_negated(cue: Token) -> bool:
    """A report the source did not make: "has not said", "never commented", "did not respond"."""
    return any(c.dep_ == "neg" for c in cue.children)


def refusal(token: Token, res: Resources) -> tuple[Token, Cue, list[Token]] | None:
    """ "declined to say whether ...", "refused to comment", "has yet to explain why ...": the
    speech verb the source held back (the verb, its cue, the words of the cue)."""
    held_back = token.lemma_ in REFUSALS or (
        token.lemma_ in {"have", "be"} and any(c.lower_ == "yet" for c in token.children)
    )
    if not held_back:
        return None
    for child in token.children:
        if child.dep_ != "xcomp" or child.i < token.i:
            continue
        match = cue_for(child, res)
        if match is not None and match[0].kind == "speech":
            return child, match[0], [token, *token.doc[token.i + 1 : child.i + 1]]
    return None


def quoted_label(verb: Token, text: str, quotes: Sequence[Quote]) -> Span | None:
    """ "called the plan a 'vanity project'", "what Ruiz called the president's 'vanity
    project'": the quotation inside the naming verb's object is the label it attributes."""
    if verb.lemma_ not in NAMING:
        return None
    parts = [
        c
        for c in verb.children
        if c.dep_ in {"dobj", "oprd", "attr", "ccomp", "xcomp", "prep"} and c.i > verb.i
    ]
    if not parts:
        return None
    start = verb.idx + len(verb.text)
    last = max(p.right_edge for p in parts)
    end = min(last.idx + len(last.text) + 2, len(text))
    for quote in quotes:
        if start <= quote.outer.start and quote.outer.end <= end + 1:
            return quote.span
    # a label in straight single quotes, which are not taken for quotations elsewhere (an
    # apostrophe is one too): the quote mark stands after a blank and before a letter
    match = _STRAIGHT_LABEL.search(text, start, end)
    return Span(match.start(1), match.end(1)) if match is not None else None


_STRAIGHT_LABEL = re.compile(r"(?<![\w'])'(\w[^'\n]{0,80}?)'(?!\w)")


# '"...," ― Carla Sanchez' at the end of a line: a quotation signed with its speaker's name (an
# epigraph, a reader's comment, an embedded post), the name capitalised and short.
_BLANK = "[ \\t\\u00a0]"
_SIGNATURE_TEXT = (
    _BLANK + r"*([\u2015\u2014\u2013]|--)" + _BLANK + "*"
    r"([A-Z][\w.'\u2019-]*(?:"
    + _BLANK
    + r"+[A-Z][\w.'\u2019-]*){0,5})"
    + _BLANK
    + r"*(?:\([^)\n]*\)[^\n]*)?\.?"
    + _BLANK
    + "*$"
)
_SIGNATURE = re.compile(_SIGNATURE_TEXT, re.MULTILINE)
# the same line when the quotation was not taken for one (opened with a closing mark: ”Fear.)
_SIGNED_LINE = re.compile(
    r"^" + _BLANK + r"*[\u201c\u201d\"]([^\n]+?)[\u201d\"]" + _SIGNATURE_TEXT, re.MULTILINE
)


def signed_quotes(text: str, quotes: Sequence[Quote]) -> list[tuple[Quote, Span, Span]]:
    """Each double quotation followed by a dash and a name closing its line: (the quotation,
    the dash, the name)."""
    found = []
    for quote in quotes:
        if quote.kind != "double":
            continue
        match = _SIGNATURE.match(text, quote.outer.end)
        if match is not None:
            found.append((quote, Span(*match.span(1)), Span(*match.span(2))))
    for match in _SIGNED_LINE.finditer(text):
        inner = Span(*match.span(1))
        if any(q.span.overlaps(inner) for q, _, _ in found):
            continue
        quote = Quote(inner, Span(inner.start - 1, inner.end + 1), "double")
        found.append((quote, Span(*match.span(2)), Span(*match.span(3))))
    return found


def by_agent(verb: Token, text: str) -> tuple[Token, Span] | None:
    """ "the laws proposed by Nixon", "Charter schools remain popular, promoted by both
    parties": a participle with its agent cites the agent; what it proposed or promoted is the
    noun the participle modifies, or the subject of the clause it hangs on."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"acl", "advcl"}:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if not objects:
        return None
    if verb.dep_ == "acl":
        said = [t for t in verb.head.subtree if t.i <= verb.head.i]
    else:
        subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        said = list(subject.subtree) if subject is not None else []
    content = trim_span(text, span_of(said)) if said else None
    return (objects[0], content) if content is not None else None


def not_a_report(item: Found, doc: Doc, text: str) -> bool:
    """Mis-parses and acts a cue's shape lets through: a plea in court ("pleads guilty"); a
    possessor as the source of a verb ("told NBC's 'Today' show": "show" read as a verb); a
    content that is only a time ("his statement on Friday afternoon"); the reporter's request
    for comment; a person as the whole object of a speech verb, or a thing a person shows."""
    verb = item.cue_tokens[0]
    content = text[item.content.start : item.content.end].lower()
    if verb.lemma_ == "plead":
        after = text[verb.idx + len(verb.text) :].lstrip().lower()
        if after.startswith(COURT_PLEAS) or content.startswith(COURT_PLEAS):
            return True
    if content in _REQUESTS and not item.negated:
        return True  # "a message seeking comment": the reporter's request, no one's report
    if verb.pos_ == "VERB" and item.source and item.source[-1].tag_ == "POS":
        return True
    words = doc.char_span(item.content.start, item.content.end, alignment_mode="expand")
    if words is None:
        return False
    telling = [t for t in words if not (t.is_punct or t.pos_ in {"ADP", "DET", "CCONJ"})]
    if telling and all(t.ent_type_ in {"DATE", "TIME"} for t in telling):
        return True
    # "challenging Sen. Claire McCaskill", "has shown a certificate": a person challenged is the
    # target, a thing shown by a person is displayed; neither is what anyone said
    named = [t for t in telling if t.ent_type_ != "PERSON" and not _title(t)]
    shown = verb.lemma_ == "show" and item.head is not None and item.head.ent_type_ == "PERSON"
    only_person = not named and item.cue.kind == "speech"
    return bool(telling) and (only_person or (shown and words.root.pos_ == "NOUN"))


def _title(token: Token) -> bool:
    """A title word before a name: "Sen.", "Democratic Missouri Sen." (capitalised, in the
    name's compound)."""
    return token.text[:1].isupper() and token.dep_ in {"compound", "amod"}


# What a reporter asks for, as the whole content of a cue ("a telephone message seeking comment",
# "requests for comment"); refused ("declined to comment") it is a negated report, and kept.
_REQUESTS = {"comment", "a comment", "comments", "an interview"}


def channel(content: list[Token]) -> bool:
    """ "speaking on ABC News", "appearing on 'Meet the Press'": the words name where the source
    spoke, not what it said."""
    first = content[0]
    return first.lower_ == "on" and any(
        c.dep_ == "pobj" and c.pos_ == "PROPN" for c in first.children
    )


_TRANSCRIPT = re.compile(
    r"^[ \t]*[\"\u201c]?([A-Z][A-Z.'\- ]{1,40}[A-Z.]):[ \t]+(\S.*)$", re.MULTILINE
)


def transcripts(doc: Doc, text: str, res: Resources) -> list[Found]:
    """Interview transcripts: a paragraph opened by a speaker's name in capitals and a colon
    ("SMITH: We never ...") is that speaker's, however many sentences it runs."""
    cue = next((c for p, c in res.cues.get(":", []) if p is None), None)
    found: list[Found] = []
    if cue is None:
        return found
    turns = list(_TRANSCRIPT.finditer(text))
    if len(turns) < 2:
        # one line "UPDATE: ..." or "CORRECTION: ..." is an editor's label; a transcript has
        # turns
        return found
    for match in turns:
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        colon = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        if name is None or colon is None or not name.text.strip() or len(name) > 6:
            continue
        content = trim_span(text, Span(match.start(2), match.end(2)))
        if content is not None:
            found.append(Found(name.root, list(name), list(colon), cue, content))
    return found
