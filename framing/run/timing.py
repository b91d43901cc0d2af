"""The clock of a run (seconds per stage, for ``--verbose`` and the benchmark) and Python's
cyclic garbage collector held back while a run makes its records."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator, Mapping


def add(timings: dict[str, float] | None, spent: Mapping[str, float]) -> None:
    """Add the seconds of each stage in ``spent`` to ``timings`` (None: nobody is counting)."""
    if timings is None:
        return
    for stage, seconds in spent.items():
        timings[stage] = timings.get(stage, 0.0) + seconds


class Clock:
    """Seconds since the last lap, added to ``timings`` under each lap's name."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        add(self.timings, {name: now - self.last})
        self.last = now


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector back inside the block, and turn it on again after it
    (as it was), whatever happens.  The records a run makes hold no reference cycles (reference
    counting frees them), and each full collection walks them all: on 1,000 articles that was
    4.6 of the 6.5 CPU seconds this process spent while the workers ran."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextlib.contextmanager
def collector_held() -> Iterator[None]:
    """Hold the collector back while ``analyze`` runs, then leave what the run made out of its
    later collections (``gc.freeze``): on 1,000 articles one full collection fell while the
    actors were linked and took a second of the 15 of a re-run.  A run that fails leaves the
    collector as it found it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    except BaseException:
        gc.enable()
        raise
    gc.freeze()
    gc.enable()
