"""Attributions inside one another: a second report by the same source is cut out of the
first's content, and an attribution nested in another's content is dropped."""

from __future__ import annotations

from framing.features.attribution.found import Found
from framing.features.attribution.syntax import span_of, trim_span
from framing.nlp import Token
from framing.records import Span


def split_shared_source(found: list[Found], text: str) -> list[Found]:
    """ "Perdue said he did not believe it, arguing that ..." and "Merrill says Machado promised
    X and said she would stand up": the participle or conjoined verb took the first cue's
    subject, so it is a second report by the same source, not one nested in the first.  The
    first's content ends before it, and both are kept."""
    for item in found:
        if item.head is None:
            continue
        for other in found:
            if other is item or other.head is None:
                continue
            verb = other.cue_tokens[0]
            if not item.content.contains(span_of(other.cue_tokens)):
                continue
            shared = other.head is item.head and verb.dep_ in {"advcl", "conj"}
            if not shared and not _trailing_participle(item, other):
                continue
            other.head, other.source = item.head, item.source
            # the second report's clause starts at its verb's left edge; the comma or "and"
            # before it goes with neither
            start = verb.left_edge.i
            doc = verb.doc
            while start > 0 and (doc[start - 1].is_punct or doc[start - 1].dep_ == "cc"):
                start -= 1
            end = doc[start].idx
            if end <= item.content.start:
                continue
            cut = trim_span(text, Span(item.content.start, end))
            if cut is not None:
                item.content = cut
    return found


def _trailing_participle(item: Found, other: Found) -> bool:
    """ "X said A, arguing that B": a speech participle after a comma at the end of a report
    is the reporter's second report, wherever the parser hung it."""
    verb = other.cue_tokens[0]
    return (
        item.cue.kind == other.cue.kind == "speech"
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and _after_comma(verb)
        and item.content.contains(other.content)
    )


def _after_comma(verb: Token) -> bool:
    """A comma right before ``verb``, or before the closing quote mark before it ('used,"')."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_quote:
        i -= 1
    return i >= 0 and verb.doc[i].text == ","


def outermost(found: list[Found]) -> list[Found]:
    """Drop an attribution nested in another's content ("X said that Y wants Z" is X's claim):
    each word is attributed once, as PolNeAR annotates and as a reader counts sources."""
    kept = []
    for item in found:
        cue = span_of(item.cue_tokens)
        if any(
            other is not item
            and other.content.contains(cue)
            # '"...," Hale said, according to a video': the quotation is still Hale's; the
            # video is where the outlet has it from
            and not (_according(other) and item.head is not None and item.cue.kind == "speech")
            # each in the other's content ("X said Y, according to Z" with the phrase parsed
            # into Y): the one whose content starts first holds the other
            and not (
                item.content.contains(span_of(other.cue_tokens))
                and item.content.start <= other.content.start
            )
            for other in found
        ):
            continue
        kept.append(item)
    return kept


def _according(item: Found) -> bool:
    words = item.cue_tokens
    return len(words) == 2 and words[0].lower_ == "according" and words[1].lower_ == "to"
