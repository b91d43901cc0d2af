"""The local engine on every core: worker processes that parse and extract.

spaCy's own ``nlp.pipe(n_process=N)`` parses in N workers but sends every Doc back to this
process, which then ran every feature alone: with two cores, a third busy process, and the cold
run took 1.6-2.2x the bare pipeline.  Here each worker loads the pipeline once, then parses and
extracts a batch of articles at a time (``framing.run.documents.build``, the function the one-process
run and the Dask engine call) and sends back only the findings, so extraction runs on every core
and no parse crosses between processes.  Results come back in the order of the articles, so the
output is the same bytes as a one-process run.

Workers are forked where the system can (Linux, as spaCy's own ``n_process`` does), so a
script that calls ``framing.pipeline.analyze`` needs no ``if __name__ == "__main__"`` guard, and
they share the pipeline already loaded here; elsewhere they are spawned.  Starting them costs a
second or two, so fewer than ``framing.nlp.PARALLEL_MIN`` articles to parse are parsed here.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from framing import nlp
from framing.errors import FramingError
from framing.nlp import Parser, load_model
from framing.records import Cleaned, Source
from framing.run import documents, timing
from framing.run.documents import Settings
from framing.run.held import Held, hold

# Articles per task: small, so that the two workers finish together and each holds few parses
# (one long article's parse can take tens of megabytes).
BATCH = 4

_Task = Sequence[tuple[Source, Cleaned]]
_Result = tuple[list[Held], tuple[int, int, int], dict[str, float]]

# Runs of this many articles or more hold each article's findings packed when asked
# (``framing.run.held``): below it, the few megabytes saved are not worth the 5 ms an article of
# packing and unpacking.
PACK_MIN = 128

# A worker's own settings and parser, and whether it packs what it sends, set by ``_start``.
_WORKER: list[tuple[Settings, Parser, bool]] = []


# The pipeline this process loaded, while forked workers start: they use it as they find it
# (its pages shared with this process) rather than load it again, a second or two each.
_INHERITED: list[Parser] = []


def _start(
    settings: Settings, model: str | None, cache: Path | None, fingerprint: str, pack: bool
) -> None:
    # A forked worker inherits the collector held back in ``build`` (loading the pipeline turns
    # it back on too, but that is spaCy's business, not something to rely on).
    gc.enable()
    nlp = _INHERITED[0].nlp if _INHERITED else load_model(model)
    parser = Parser(nlp, cache, 1, model=model)
    if parser.fingerprint != fingerprint:  # another pipeline installed under the same name
        raise FramingError(
            f"a worker process loaded another spaCy pipeline ({parser.fingerprint}, expected "
            f"{fingerprint}); run with --jobs 1"
        )
    _WORKER.append((settings, parser, pack))


def _work(batch: _Task) -> _Result:
    settings, parser, pack = _WORKER[0]
    timings: dict[str, float] = {}
    built, counts = documents.build_counted(batch, settings, parser, timings=timings)
    # packed here, on the worker's core: the main process keeps the bytes until the article's
    # story is compared, and unpickling the records there costs 3 ms an article
    return [hold(b, pack=pack) for b in built], counts, timings


def build(
    items: Sequence[tuple[Source, Cleaned]],
    settings: Settings,
    parser: Parser,
    *,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
    timings: dict[str, float] | None = None,
    minimum: int | None = None,
    pack: bool = False,
) -> list[Held]:
    """``framing.run.documents.build`` on ``jobs`` worker processes when there are at least
    ``minimum`` (default ``PARALLEL_MIN``) articles to parse, in this process otherwise; the
    same findings either way, held (``framing.run.held``): packed when ``pack`` and there are
    PACK_MIN articles or more.  ``parser`` names the pipeline and the cache the workers use,
    and its ``stats`` count what they parsed."""
    pack = pack and len(items) >= PACK_MIN
    needed = documents.pending(items, settings, parser) if jobs > 1 else []
    if len(needed) < max(nlp.parser.PARALLEL_MIN if minimum is None else minimum, 1):
        found = documents.iter_build(items, settings, parser, progress=progress, timings=timings)
        return [hold(b, pack=pack) for b in found]
    built: dict[int, Held] = {}
    wanted = set(needed)
    rest = [i for i in range(len(items)) if i not in wanted]
    # Articles with every stage cached need no parse: they are read from the cache here.
    cached = documents.iter_build([items[i] for i in rest], settings, parser, timings=timings)
    built.update(zip(rest, (hold(b, pack=pack) for b in cached), strict=True))
    batches = [needed[i : i + BATCH] for i in range(0, len(needed), BATCH)]
    # The findings arriving here are acyclic records, millions of objects on a large run: the
    # collector's full collections would take from the workers' time on a machine with as many
    # cores as workers.  Collection is held back until all have arrived.
    with timing.collector_paused():
        done = 0
        for batch, (found_batch, stats, spent) in zip(
            batches, _run(items, batches, settings, parser, jobs, pack), strict=True
        ):
            built.update(zip(batch, found_batch, strict=True))
            parser.stats.add(stats)
            timing.add(timings, spent)
            done += len(batch)
            if progress is not None:
                progress(done, len(needed))
    return [built[i] for i in range(len(items))]


def _run(
    items: Sequence[tuple[Source, Cleaned]],
    batches: list[list[int]],
    settings: Settings,
    parser: Parser,
    jobs: int,
    pack: bool,
) -> Iterator[_Result]:
    methods = multiprocessing.get_all_start_methods()
    forked = "fork" in methods
    context = multiprocessing.get_context("fork" if forked else "spawn")
    arguments = (settings, parser.model, parser.cache, parser.fingerprint, pack)
    _INHERITED[:] = [parser] if forked else []
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(batches)),
            mp_context=context,
            initializer=_start,
            initargs=arguments,
        ) as pool:
            # map submits every batch at once; the articles themselves are small next to a parse
            yield from pool.map(_work, ([items[i] for i in batch] for batch in batches))
    except BrokenProcessPool:
        raise FramingError(
            "a worker process failed to start or stopped (out of memory, or killed); run with "
            "--jobs 1, or on fewer articles at a time"
        ) from None
    finally:
        _INHERITED.clear()
