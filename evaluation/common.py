"""Small measures shared by the evaluation scripts."""

from __future__ import annotations

from collections.abc import Sequence


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """ROC-AUC, or NaN when only one class is present."""
    from sklearn.metrics import roc_auc_score

    if len(set(labels)) < 2:
        return float("nan")
    return float(roc_auc_score([int(label) for label in labels], list(scores)))
