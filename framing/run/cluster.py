"""Where the per-document stage and the per-story comparisons run: on a Dask cluster.

``framing report --engine dask`` reads and cleans the articles here, then sends them in batches
of BATCH to the cluster's workers, which parse them (each worker loads the spaCy pipeline once
and uses its own parse cache) and extract every finding; actors are linked and stories found
here, and each story's comparison is sent back to the cluster.  Every step is the local
engine's own function, so ``framing.json`` is the same bytes either way.

The cluster is a ``distributed.LocalCluster`` on this machine (one single-threaded worker process
per core: parsing holds the GIL) unless ``scheduler`` names one already running
(``tcp://host:8786``); its workers need framing and the spaCy pipeline installed.  This is the
only module that imports dask, an optional dependency (``pip install 'framing[dask]'``), and it
imports it only when an engine is made.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from framing.errors import EngineError
from framing.nlp import Parser, ParseStats

if TYPE_CHECKING:
    from framing.records import Cleaned, Source
    from framing.run.documents import Built, Settings

BATCH = 16  # articles per task: a few seconds of parsing, so the workers stay evenly busy
CONNECT_SECONDS = 20  # how long to wait for a scheduler given with --scheduler
INSTALL_HINT = "pip install 'framing[dask]'"
LOOPBACK = "127.0.0.1"

T = TypeVar("T")
R = TypeVar("R")


# One parser per worker thread: a spaCy pipeline is not shared between threads.
_PARSERS: dict[tuple[int, bool], Parser] = {}


def _parser(use_cache: bool) -> Parser:
    key = (threading.get_ident(), use_cache)
    if key not in _PARSERS:
        _PARSERS[key] = Parser.create(use_cache=use_cache)
    return _PARSERS[key]


def _documents(
    batch: Sequence[tuple[Source, Cleaned]], shared: tuple[Settings, bool]
) -> tuple[list[Built], tuple[int, int, int]]:
    """On a worker: parse and extract one batch, as the local engine does each article; and
    what was parsed (documents parsed, from the cache, tokens parsed)."""
    from framing.run import documents

    settings, use_cache = shared
    return documents.build_counted(batch, settings, _parser(use_cache))


class DaskEngine:
    """A connection to a Dask cluster, started here or given by its scheduler's address; use
    it as a context manager, which closes what it started."""

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        processes: bool = True,
        batch: int = BATCH,
        timeout: float = CONNECT_SECONDS,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                f"the dask engine needs dask and distributed; install them with '{INSTALL_HINT}'"
            ) from None
        self.stats = ParseStats()
        self.batch = batch
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=processes,
                # The scheduler serves HTTP whatever is asked: on a free port of this machine
                # only, so that two runs do not contend for the usual one.
                dashboard_address=f"{LOOPBACK}:0",
                silence_logs=logging.ERROR,
            )
            self.client: Any = Client(self._cluster)
            return
        try:
            self.client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            message = " ".join(str(exc).split()) or type(exc).__name__
            raise EngineError(
                f"cannot reach the Dask scheduler ({message}); start it with 'dask scheduler' "
                "and give its address, such as tcp://host:8786",
                path=scheduler,
            ) from None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def documents(
        self,
        work: Sequence[tuple[Source, Cleaned]],
        settings: Settings,
        *,
        use_cache: bool,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Built]:
        """Every article's findings and pending actors, in the order of ``work``."""
        from distributed import as_completed

        batches = [list(work[i : i + self.batch]) for i in range(0, len(work), self.batch)]
        if not batches:
            return []
        # The settings (lexicons and their indexes) go to every worker once, not with each task.
        [shared] = self.client.scatter([(settings, use_cache)], broadcast=True, hash=False)
        futures = self.client.map(_documents, self._sent(batches), shared=shared, pure=False)
        size = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
        done = 0
        for future in as_completed(futures):
            done += size[future.key]
            if progress is not None:
                progress(done, len(work))
        built: list[Built] = []
        for found, counts in self.client.gather(futures):
            built += found
            self.stats.add(counts)
        return built

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``function`` of each item on the cluster, in the order of ``items``."""
        if not items:
            return []
        return list(self.client.gather(self.client.map(function, self._sent(items), pure=False)))

    def _sent(self, items: Sequence[Any]) -> list[Any]:
        """The items on the cluster already, one future each: a task graph that held the
        articles themselves would be megabytes (and Dask warns on stderr about it)."""
        return list(self.client.scatter(list(items), hash=False))
