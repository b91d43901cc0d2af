"""Numbers as the JSON and CSV reports write them: rounded to DECIMALS here and nowhere earlier,
so the bytes are the same on every machine."""

from __future__ import annotations

import math

DECIMALS = 4


def number(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    rounded = round(float(value), DECIMALS)
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return int(rounded)
    return rounded
