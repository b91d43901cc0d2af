"""Small measures shared by the evaluation scripts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """ROC-AUC, or NaN when only one class is present."""
    from sklearn.metrics import roc_auc_score

    if len(set(labels)) < 2:
        return float("nan")
    return float(roc_auc_score([int(label) for label in labels], list(scores)))


@dataclass(frozen=True)
class Counts:
    """Flags against gold, counted from both sides (a flag may cover several gold items, or a
    gold item several flags): precision = flagged_hits / flagged, recall = gold_hits / gold."""

    flagged: int = 0
    flagged_hits: int = 0  # flags that match gold
    gold: int = 0
    gold_hits: int = 0  # gold items that some flag matches

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.flagged + other.flagged,
            self.flagged_hits + other.flagged_hits,
            self.gold + other.gold,
            self.gold_hits + other.gold_hits,
        )

    @property
    def precision(self) -> float:
        return self.flagged_hits / self.flagged if self.flagged else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.gold if self.gold else 0.0
