"""framing: how different news outlets cover the same story.

The library in three calls (the command line calls the same functions)::

    from pathlib import Path
    import framing

    analysis, _ = framing.analyze([Path("seeds")])
    for doc in analysis.documents:
        for a in doc.attributions:
            print(doc.outlet, a.speaker, a.kind, doc.text[a.cue.span.start : a.cue.span.end])
    framing.write_report([Path("seeds")], out=Path("reports"))

Every finding is a frozen record (``framing.records``) with character offsets into the text
as read.  ``framing.report`` is the package that renders records, so the function that writes a
report folder is ``write_report`` here (``framing.pipeline.report``).

The functions are imported on first use, so ``import framing`` stays light: spaCy and
scikit-learn load only when an analysis runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The records are plain dataclasses, cheap to import: they come at once.
from framing.records import (
    ActorMention,
    ActorStance,
    Analysis,
    Attribution,
    ChromeRegion,
    Claim,
    ClaimText,
    Cleaned,
    DistinctiveWord,
    Document,
    Evidence,
    Exclusive,
    Fact,
    FactValue,
    Harm,
    LabelMention,
    LabelRow,
    LoadedTerm,
    Meta,
    Omission,
    OutletStance,
    Quantity,
    Rejected,
    SentenceScore,
    SharedQuote,
    Source,
    SourceProfile,
    Span,
    SpeakerCount,
    StanceCue,
    Story,
    Vocabulary,
)

__version__ = "0.1.0"

# Each public function and class beside the records, and the module it comes from (as name
# there, when it differs): imported on first use.
_WHERE: dict[str, tuple[str, str]] = {
    "analyze": ("framing.pipeline", "analyze"),
    "analyze_stories": ("framing.pipeline", "analyze_stories"),
    "write_report": ("framing.pipeline", "report"),
    "explain": ("framing.pipeline", "explain"),
    "score_sentences": ("framing.pipeline", "score_sentences"),
    "score_mentions": ("framing.actors.score", "score_mentions"),
    "Lexicons": ("framing.lexicons", "Lexicons"),
    "load_lexicons": ("framing.lexicons", "load"),
    "Parser": ("framing.nlp", "Parser"),
    "FramingError": ("framing.errors", "FramingError"),
}

__all__ = [
    "ActorMention",
    "ActorStance",
    "Analysis",
    "Attribution",
    "ChromeRegion",
    "Claim",
    "ClaimText",
    "Cleaned",
    "DistinctiveWord",
    "Document",
    "Evidence",
    "Exclusive",
    "Fact",
    "FactValue",
    "FramingError",
    "Harm",
    "LabelMention",
    "LabelRow",
    "Lexicons",
    "LoadedTerm",
    "Meta",
    "Omission",
    "OutletStance",
    "Parser",
    "Quantity",
    "Rejected",
    "SentenceScore",
    "SharedQuote",
    "Source",
    "SourceProfile",
    "Span",
    "SpeakerCount",
    "StanceCue",
    "Story",
    "Vocabulary",
    "__version__",
    "analyze",
    "analyze_stories",
    "explain",
    "load_lexicons",
    "score_mentions",
    "score_sentences",
    "write_report",
]

if TYPE_CHECKING:
    from framing.actors.score import score_mentions
    from framing.errors import FramingError
    from framing.lexicons import Lexicons
    from framing.lexicons import load as load_lexicons
    from framing.nlp import Parser
    from framing.pipeline import analyze, analyze_stories, explain, score_sentences
    from framing.pipeline import report as write_report


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
