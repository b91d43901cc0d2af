"""One attribution as the finders see it: tokens of the parse, before it becomes a record."""

from __future__ import annotations

from dataclasses import dataclass

from framing.features.attribution.cues import Cue
from framing.nlp import Token
from framing.records import Span


@dataclass(slots=True)
class Found:
    head: Token | None  # None: an agentless passive ("is believed to"), unattributed
    source: list[Token]
    cue_tokens: list[Token]
    cue: Cue
    content: Span
    negated: bool = False  # a report the source did not make ("has not said")
