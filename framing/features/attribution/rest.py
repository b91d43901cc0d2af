"""What follows a cue the parser left without a complement (``rest_of_sentence``): the words
after it in its sentence, when they hold what was said rather than when or how."""

from __future__ import annotations

from framing.features.attribution.cues import CIRCUMSTANCE_MARKS
from framing.features.attribution.syntax import span_of, trim_span
from framing.nlp import Token, sentence_of, token_list
from framing.records import Span

SUBJECTS = {"nsubj", "nsubjpass", "expl"}


def rest_of_sentence(
    text: str, cue: Token, source: list[Token], *, any_words: bool = False
) -> Span | None:
    """Fallback for a speech verb the parser gave no complement: what follows it in the sentence
    ("said his words 'amount to ...'"), after a listener ("told reporters"), if it holds a verb
    (``any_words``: whatever follows, as for a negated report: "did not respond to requests")."""
    sent = sentence_of(cue)
    start = cue.i + 1
    source_ids = {t.i for t in source}
    doc = cue.doc
    while start < sent.end and (
        (doc[start].dep_ in {"dobj", "dative", "prt", "advmod", "punct"} and doc[start].head == cue)
        or start in source_ids
    ):
        start = doc[start].right_edge.i + 1
    # a relative clause closed by a comma speaks only within it ("X, who testified in March
    # concerning Y, said ...": the main verb is not what he testified); without the comma the
    # parser may have left its complement outside ("the restaurant that they said was ...")
    closed = cue.right_edge.i + 1
    resumed = doc[closed + 1] if closed + 1 < sent.end else None
    closed_off = (
        cue.dep_ == "relcl"
        and resumed is not None  # (and so ``closed`` is inside the sentence)
        and doc[closed].text in {",", "--"}
        and resumed.pos_ in {"VERB", "AUX"}
        and resumed in cue.head.ancestors
    )
    end = closed if closed_off else sent.end
    rest = [t for t in token_list(doc)[start:end] if not t.is_space]
    # nor does it run into a clause with its own subject conjoined to the cue's ("certified X,
    # but Y demanded ...")
    joined = next(
        (
            t.left_edge.i
            for t in rest
            if t.head == cue
            and t.dep_ == "conj"
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        ),
        None,
    )
    if joined is not None:
        rest = [t for t in rest if t.i < joined and not (t.dep_ == "cc" and t.head == cue)]
        while rest and rest[-1].is_punct:
            rest.pop()
    # "spoke after the senators urged ...", "added his voice when ...": when, not what
    governed = next((c for c in cue.rights if c.dep_ == "dobj" and c.left_edge.i == start), None)
    after = governed.right_edge.i + 1 if governed is not None else start
    first = next((t for t in rest if t.i >= after and not t.is_punct), None)
    if first is not None and first.lower_ in CIRCUMSTANCE_MARKS:
        if first.dep_ in {"mark", "advmod"}:
            return None
        if first.dep_ == "prep":
            # "told reporters after the hearing it was a tough day": past a phrase of time, a
            # clause with its own subject is what was said; anything else is no content
            said = next((t for t in rest if t.i > first.i and t.dep_ in SUBJECTS), None)
            phrase = [t for t in rest if first.i < t.i < (said.i if said else first.i)]
            if said is None or any(t.pos_ in {"VERB", "AUX"} and t.dep_ != "pobj" for t in phrase):
                return None
            rest = [t for t in rest if t.i >= said.i]
    if any_words:
        return trim_span(text, span_of(rest)) if any(not t.is_punct for t in rest) else None
    if len(rest) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    return trim_span(text, span_of(rest))
