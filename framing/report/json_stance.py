"""The JSON of each document's stance toward its actors: every mention with its score, class,
rule cues and evidence words (see CONTRACT.md)."""

from __future__ import annotations

from typing import Any

from framing.records import ActorMention, ActorStance, EvidenceWord, Span, StanceCue
from framing.report.rounding import number


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _cue(cue: StanceCue) -> dict[str, Any]:
    return {"text": cue.text, **_span(cue.span), "valence": number(cue.valence), "rule": cue.rule}


def _word(e: EvidenceWord) -> dict[str, Any]:
    return {"text": e.text, **_span(e.span), "weight": number(e.weight)}


def _mention(m: ActorMention) -> dict[str, Any]:
    return {
        **_span(m.span),
        "score": number(m.score),
        "model": number(m.model),
        "label": m.label,
        "quoted": m.quoted,
        "speaker": m.speaker,
        "role": m.role,
        "cues": [_cue(c) for c in m.cues],
        "evidence": [_word(e) for e in m.evidence],
    }


def stance(items: tuple[ActorStance, ...]) -> dict[str, Any]:
    return {
        s.actor: {
            "score": number(s.score),
            "label": s.label,
            "mentions": [_mention(m) for m in s.details],
            "quoted_score": number(s.quoted_score),
            "side": s.side,
            "kind": s.kind,
            "names": list(s.names),
            "found": s.found,
        }
        for s in items
    }
