"""The JSON object of ``framing analyze --json`` and ``framing.json`` (see CONTRACT.md).

Floats are rounded to 4 decimals here and nowhere earlier, so the bytes are the same on every
machine; keys keep the order of the contract.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from framing.records import (
    Analysis,
    Attribution,
    Claim,
    ClaimText,
    Document,
    Evidence,
    Exclusive,
    Fact,
    Harm,
    LabelMention,
    LabelRow,
    LoadedTerm,
    Omission,
    Quantity,
    SharedQuote,
    SourceProfile,
    Span,
    Story,
    Vocabulary,
)
from framing.report.json_stance import stance
from framing.report.rounding import number


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _evidence(item: Evidence | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"text": item.text, **_span(item.span)}


def _attribution(a: Attribution) -> dict[str, Any]:
    return {
        "source": _evidence(a.source),
        "speaker": a.speaker,
        "kind": a.kind,
        "side": a.side,
        "side_inferred": a.side_inferred,
        "cue": _evidence(a.cue),
        "content": _evidence(a.content),
        "direct": a.direct,
        "connotation": a.connotation,
        "cue_kind": a.cue_kind,
        "anonymous": a.anonymous,
        "count": a.count,
        "rule": a.rule,
        "negated": a.negated,
    }


def _loaded(term: LoadedTerm) -> dict[str, Any]:
    return {
        "text": term.text,
        **_span(term.span),
        "category": term.category,
        "weight": number(term.weight),
        "quoted": term.quoted,
        "rule": term.rule,
        "phrase": _span(term.phrase) if term.phrase else None,
        "counted": term.counted,
        "topic": term.topic,
        "reported": term.reported,
        "headline": term.headline,
    }


def _label(label: LabelMention) -> dict[str, Any]:
    return {
        "referent": label.referent,
        "text": label.text,
        **_span(label.span),
        "label": label.label,
        "connotation": label.connotation,
        "quoted": label.quoted,
        "rule": label.rule,
    }


def _harm(h: Harm) -> dict[str, Any]:
    return {
        "trigger": _evidence(h.trigger),
        "voice": h.voice,
        "doer": h.doer,
        "doer_text": _evidence(h.doer_text),
        "harmed": h.harmed,
        "harmed_text": _evidence(h.harmed_text),
        "sentence": _span(h.sentence),
        "quoted": h.quoted,
        "rule": h.rule,
    }


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        **_span(q.span),
        "value": number(q.value),
        "low": number(q.low),
        "high": number(q.high),
        "qualifier": q.qualifier,
        "unit": q.unit,
        "about": q.about,
        "event": q.event,
        "counted": q.counted,
        "base": number(q.base),
        "quoted": q.quoted,
        "year": q.year,
    }


def document(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "outlet": doc.outlet,
        "title": doc.title,
        "text": doc.text,
        "article": [_span(s) for s in doc.article],
        "word_count": doc.word_count,
        "attributions": [_attribution(a) for a in doc.attributions],
        "loaded_terms": [_loaded(t) for t in doc.loaded_terms],
        "labels": [_label(label) for label in doc.labels],
        "stance": stance(doc.stance),
        "quantities": [_quantity(q) for q in doc.quantities],
        "readability": {name: number(value) for name, value in doc.readability},
        "agency": [_harm(h) for h in doc.harms],
        "voice_words": doc.voice_words,
        "loaded_density": {name: number(value) for name, value in doc.loaded_density},
        "loaded_sentences": [
            {**_span(span), "score": number(score)} for span, score in doc.loaded_sentences if score
        ],
        # the loaded terms of a title given apart from the text, offsets into "title"
        "headline_terms": [_loaded(t) for t in doc.headline_terms],
        # Beyond the contract: where each value came from, for users who check the tool.
        "path": doc.path,
        "outlet_from": doc.outlet_from,
        "date": doc.date,
        "url": doc.url,
        "author": doc.author,
        "chrome": [
            {
                "kind": c.kind,
                "rule": c.rule,
                **_span(c.span),
                "text": doc.text[c.span.start : c.span.end],
            }
            for c in doc.chrome
        ],
    }


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "what": fact.what,
        "unit": fact.unit,
        "values": [
            {
                "doc": v.doc,
                "value": number(v.value),
                "low": number(v.low),
                "high": number(v.high),
                "qualifier": v.qualifier,
                "text": v.text,
                **_span(v.span),
            }
            for v in fact.values
        ],
        "status": fact.status,
        "note": fact.note,
        "basis": fact.basis,
        "proposed": fact.proposed,
    }


def _claim_text(c: ClaimText) -> dict[str, Any]:
    return {"doc": c.doc, "text": c.text, **_span(c.span)}


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "similarity": number(c.similarity),
        "shared_wording": c.shared_wording,
        "sentences": [_claim_text(t) for t in c.sentences],
    }


def _exclusive(e: Exclusive) -> dict[str, Any]:
    return {"doc": e.doc, "what": e.what, "kind": e.kind, "evidence": _claim_text(e.evidence)}


def _shared_quote(q: SharedQuote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "uses": [_claim_text(u) for u in q.uses]}


def _vocabulary(v: Vocabulary) -> dict[str, Any]:
    return {
        "outlet": v.outlet,
        "words": [
            {"word": w.word, "z": number(w.z), "count": w.count, "others": w.others}
            for w in v.words
        ],
    }


def _omission(o: Omission) -> dict[str, Any]:
    return {
        "doc": o.doc,
        "what": o.what,
        "covered_by": list(o.covered_by),
        # beyond the contract: the fact row, and why framing cannot be sure ("" when it can)
        "fact": o.fact,
        "sure": o.sure,
        "doubt": o.doubt,
    }


def _label_row(row: LabelRow) -> dict[str, Any]:
    return {"referent": row.referent, "by_doc": {doc: list(labels) for doc, labels in row.by_doc}}


def _profile(p: SourceProfile) -> dict[str, Any]:
    return {
        "outlet": p.outlet,
        "documents": list(p.documents),
        "attributions": p.attributions,
        "kinds": dict(p.kinds),
        "sides": dict(p.sides),
        "inferred_sides": list(p.inferred_sides),
        "side_words": dict(p.side_words),
        "connotations": dict(p.connotations),
        "direct": p.direct,
        "anonymous": p.anonymous,
        "unattributed": p.unattributed,
        "speakers": [
            {
                "speaker": s.speaker,
                "count": s.count,
                "kind": s.kind,
                "side": s.side,
                "side_inferred": s.side_inferred,
                "doc": s.doc,
                **_span(s.evidence),
            }
            for s in p.speakers
        ],
    }


def _comparison(analysis: Analysis) -> dict[str, Any]:
    return {
        "facts": [_fact(f) for f in analysis.facts],
        "omissions": [_omission(o) for o in analysis.omissions],
        "labels": [_label_row(r) for r in analysis.labels],
        # Beyond the contract: per-outlet summaries.
        "sources": [_profile(p) for p in analysis.sources],
        "claims": [_claim(c) for c in analysis.claims],
        "only_in_one_document": [_exclusive(e) for e in analysis.exclusives],
        "shared_quotes": [_shared_quote(q) for q in analysis.shared_quotes],
        "vocabulary": [_vocabulary(v) for v in analysis.vocabulary],
    }


def story(value: Story) -> dict[str, Any]:
    return {
        "id": value.id,
        "title": value.title,
        "terms": list(value.terms),
        "documents": [d.id for d in value.analysis.documents],
        **_comparison(value.analysis),
    }


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole run.  A run of several stories keeps the top-level comparison lists empty and
    gives each story its own under ``stories``; a run of one story has no ``stories`` key."""
    found: dict[str, Any] = {
        "framing_version": analysis.framing_version,
        "documents": [document(d) for d in sorted(analysis.documents, key=lambda d: d.id)],
        **_comparison(analysis),
    }
    if analysis.stories:
        found["stories"] = [story(s) for s in analysis.stories]
    found["pipeline"] = analysis.pipeline
    found["warnings"] = list(analysis.warnings)
    # the articles or records left out with --on-bad skip; always there, empty otherwise
    found["rejected"] = _rejected(analysis)
    return found


def _rejected(analysis: Analysis) -> list[dict[str, Any]]:
    return [{"path": r.path, "line": r.line, "reason": r.reason} for r in analysis.rejected]


# Stand-ins for the two long lists while the rest of the object is encoded (a NUL is always
# escaped inside a JSON string, so no real value encodes to these).
_DOCUMENTS = "\0documents"
_STORIES = "\0stories"


def chunks(
    analysis: Analysis,
    *,
    documents: Iterable[str] | None = None,
    stories: Iterable[str] | None = None,
) -> Iterator[str]:
    """``dumps`` in pieces, one document or story at a time: the same bytes, but a run of
    thousands of articles never holds the whole object (hundreds of megabytes as Python dicts).

    ``documents`` and ``stories``, when given, are those lists already encoded one item at a
    time (``item``), documents sorted by id: ``analysis`` then gives only the rest."""
    if documents is None:
        ordered = sorted(analysis.documents, key=lambda d: d.id)
        documents = (item(document(d)) for d in ordered)
    if stories is None:
        stories = (item(story(s)) for s in analysis.stories)
    top: dict[str, Any] = {
        "framing_version": analysis.framing_version,
        "documents": _DOCUMENTS,
        **_comparison(analysis),
    }
    if analysis.stories:
        top["stories"] = _STORIES
    top["pipeline"] = analysis.pipeline
    top["warnings"] = list(analysis.warnings)
    top["rejected"] = _rejected(analysis)
    text = json.dumps(top, ensure_ascii=False, indent=2)
    lists = {json.dumps(_DOCUMENTS): documents, json.dumps(_STORIES): stories}
    position = 0
    for hole, items in sorted(lists.items(), key=lambda pair: text.find(pair[0])):
        at = text.find(hole)
        if at < 0:
            continue
        yield text[position:at]
        yield from _items(items)
        position = at + len(hole)
    yield text[position:] + "\n"


def item(value: dict[str, Any]) -> str:
    """One item of a top-level list, encoded as ``json.dumps(..., indent=2)`` writes it there."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _items(items: Iterable[str]) -> Iterator[str]:
    """A top-level list of encoded items, one at a time."""
    first = True
    for encoded in items:
        yield ("[\n    " if first else ",\n    ") + encoded
        first = False
    yield "[]" if first else "\n  ]"


def dumps(analysis: Analysis) -> str:
    return "".join(chunks(analysis))
