"""Compose the stages: read, configure, clean, parse, extract, compare.

``analyze`` is what both ``framing analyze`` and ``framing report`` call; it returns records only,
and the report modules turn those into files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from framing import (
    __version__,
    bad_input,
    clean,
    corpus,
    lexicons,
    quotes,
)
from framing.actors import link, stances
from framing.compare import stories as story_table
from framing.features import wording
from framing.features.stance import learned
from framing.nlp import Parser, cache_dir
from framing.records import (
    Analysis,
    Document,
    SentenceScore,
    Span,
    Story,
)
from framing.run import cache as results
from framing.run import pool, timing
from framing.run.documents import Built, load_settings
from framing.run.held import Held, hold

if TYPE_CHECKING:
    from framing.run.cluster import DaskEngine

T = TypeVar("T")
R = TypeVar("R")


def analyze(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    stories: str = "auto",
    engine: DaskEngine | None = None,
    jobs: int = 0,
    timings: dict[str, float] | None = None,
    on_bad: str = "stop",
    fast: bool = False,
) -> tuple[Analysis, Parser | None]:
    """Analyse every article under ``paths``; return the Analysis and the parser used (none
    when an ``engine`` parsed them: its ``stats`` say what it parsed).

    ``jobs``: processes that parse and extract (0: every core; ``framing.run.pool``); a few articles
    are parsed here in any case (``framing.nlp.PARALLEL_MIN``).  ``timings``, when given, gets
    the seconds of each stage (those of the per-document stages summed over the processes).
    ``stories``: auto (group the documents into stories and compare within each) or one (compare
    every document with every other, as one story).  ``engine``: where the per-document stage
    and the per-story comparisons run (``framing.run.cluster.DaskEngine``); this process when None.
    The Analysis is the same either way.  ``on_bad``: stop (an article file or .jsonl record that
    cannot be read is an InputError) or skip (it is left out, and listed in the Analysis's
    ``rejected``; an InputError still when nothing is left).  ``fast``: the rules-only mention
    model instead of the learned one (``framing.features.stance.learned``)."""
    with timing.collector_held():
        found, compared, parser = analyze_stories(
            paths,
            pack=False,  # every finding is returned as records: packing them would only cost time
            config_path=config_path,
            lexicon_dir=lexicon_dir,
            parser=parser,
            use_cache=use_cache,
            progress=progress,
            stories=stories,
            engine=engine,
            jobs=jobs,
            timings=timings,
            on_bad=on_bad,
            fast=fast,
        )
        if compared is None:
            return found, parser
        every = story_table.combine(
            list(compared), version=__version__, warnings=found.warnings, rejected=found.rejected
        )
        return replace(every, pipeline=found.pipeline), parser


def analyze_stories(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    stories: str = "auto",
    engine: DaskEngine | None = None,
    jobs: int = 0,
    timings: dict[str, float] | None = None,
    pack: bool = True,
    on_bad: str = "stop",
    fast: bool = False,
) -> tuple[Analysis, Iterator[Story] | None, Parser | None]:
    """``analyze`` for a caller that takes a run of several stories one story at a time, as
    ``report`` does: (the Analysis, None, parser) for a run of one story; for several, (an
    outline: every document and story without their findings or comparisons, an iterator of
    the stories compared, in the outline's order, parser).  With ``pack``, each article's
    findings are held packed until its story comes (``framing.run.held``): a run of thousands of
    articles never holds them all as objects."""
    clock = timing.Clock(timings)
    warnings: list[str] = []
    rejected = bad_input.collector(on_bad)
    sources = sorted(corpus.read_paths(paths, warnings, rejected=rejected), key=lambda s: s.id)
    if rejected and not sources:
        raise bad_input.nothing_left(paths, rejected)
    left_out = tuple(rejected or ())
    settings = load_settings(paths, config_path=config_path, lexicon_dir=lexicon_dir, fast=fast)
    pipeline = "fast" if fast else "accurate"
    clock.lap("read")
    cleaned = [clean.find_article(s.text, settings.chrome, start=s.body_start) for s in sources]
    clock.lap("clean")
    work = list(zip(sources, cleaned, strict=True))
    if engine is not None:
        found = engine.documents(work, settings, use_cache=use_cache, progress=progress)
        held = [hold(b, pack=False) for b in found]
    else:
        # The pipeline loads last, so bad input is reported before the second it takes to load.
        parser = parser or Parser.create(use_cache=use_cache)
        cores = jobs or os.cpu_count() or 1
        held = pool.build(
            work, settings, parser, jobs=cores, progress=progress, timings=timings, pack=pack
        )
    clock.lap("documents")
    links = link.link([h.groups for h in held])
    clock.lap("link actors")
    grouped: tuple[Story, ...] = ()
    if stories == "auto":
        named = {
            h.document.id: {linked[g].name for g in h.named}
            for h, linked in zip(held, links, strict=True)
        }
        grouped = _group([h.document for h in held], named, parser, use_cache=use_cache)
    clock.lap("stories")
    run = engine.map if engine else _here
    if len(grouped) < 2:
        documents = stances.link_documents([h.load() for h in held], links)
        compare = partial(
            story_table.compare, version=__version__, warnings=tuple(warnings), rejected=left_out
        )
        single = run(compare, [documents])[0]
        clock.lap("compare")
        return replace(single, pipeline=pipeline), None, parser
    outline = story_table.combine(
        grouped, version=__version__, warnings=tuple(warnings), rejected=left_out
    )
    return replace(outline, pipeline=pipeline), _compared(grouped, held, run, clock), parser


def _group(
    documents: Sequence[Document],
    named: dict[str, set[str]],
    parser: Parser | None,
    *,
    use_cache: bool,
) -> tuple[Story, ...]:
    """``story_table.group``, its partition kept in the stage cache under a key of everything
    it reads: a re-run after a lexicon edit groups the same articles again in no time (a second
    on 1,000 articles)."""
    folder = parser.cache if parser is not None else cache_dir() if use_cache else None
    store = results.Store.under(folder)
    key = results.key(
        __version__, "stories", story_table.RULES, *story_table.read_by_partition(documents, named)
    )
    parts = store.get_or_make(
        "stories",
        key,
        tuple[story_table.Part, ...],
        lambda: story_table.partition(documents, actors=named),
    )
    return story_table.assemble(documents, parts)


def _compared(
    grouped: Sequence[Story],
    held: Sequence[Held],
    run: Callable[..., list[Any]],
    clock: timing.Clock,
) -> Iterator[Story]:
    """Each story with its comparison, one at a time (on an engine, all at once).  Actors are
    linked again within each story, so a story's names and comparison are what a run on its
    articles alone gives, whatever else the corpus holds."""
    by_id = {h.document.id: h for h in held}
    if run is not _here:
        every = [[by_id[d.id].load() for d in s.analysis.documents] for s in grouped]
        done = run(_story, every)
        clock.lap("compare")
        yield from (replace(s, analysis=a) for s, a in zip(grouped, done, strict=True))
        return
    for story in grouped:
        analysis = _story([by_id[d.id].load() for d in story.analysis.documents])
        clock.lap("compare")
        yield replace(story, analysis=analysis)


def _here(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [function(item) for item in items]


def _story(built: Sequence[Built]) -> Analysis:
    """One story's documents, their actors linked among them alone, and their comparison."""
    return story_table.compare(stances.link_documents(built), version=__version__)


def report(
    paths: Sequence[Path],
    *,
    out: Path,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    output_format: str = "md",
    stories: str = "auto",
    engine: DaskEngine | None = None,
    jobs: int = 0,
    on_bad: str = "stop",
    fast: bool = False,
) -> tuple[Analysis, Parser | None, list[str]]:
    """Analyse ``paths`` and write the report folder ``out`` atomically; return the outline of
    the run (``analyze_stories``: the Analysis itself for a run of one story) and the file
    names.

    ``output_format``: md (markdown and framing.json), json (framing.json only), csv (one CSV
    table per kind of finding, and framing.json), html (``framing.report.html``, and
    framing.json) or all (markdown, CSV and HTML); ``stories``, ``engine``, ``jobs`` and
    ``on_bad`` as for ``analyze``.  The layout
    of a run of several stories is in ``framing.report.stories``."""
    from framing.report import stories as story_report
    from framing.report.output import write_report

    analysis, compared, parser = analyze_stories(
        paths,
        config_path=config_path,
        lexicon_dir=lexicon_dir,
        parser=parser,
        use_cache=use_cache,
        progress=progress,
        stories=stories,
        engine=engine,
        jobs=jobs,
        on_bad=on_bad,
        fast=fast,
    )
    if compared is not None and output_format in {"csv", "all"}:
        # the CSV tables are built over every article at once
        analysis = story_table.combine(
            list(compared),
            version=__version__,
            warnings=analysis.warnings,
            rejected=analysis.rejected,
        )
        compared = None
    if compared is None:
        files = story_report.files(analysis, out_dir=str(out), output_format=output_format)
    else:
        files = story_report.files_by_story(
            analysis, compared, out_dir=str(out), output_format=output_format
        )
    write_report(out, files)
    return analysis, parser, sorted(files)


def explain(
    path: Path,
    *,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    fast: bool = False,
) -> str:
    """One article file (every record of a .jsonl) with each finding marked in place and the
    lexicon line or rule behind it, as plain text."""
    from framing.report import explain as explain_report

    analysis, _ = analyze(
        [path],
        config_path=config_path,
        lexicon_dir=lexicon_dir,
        parser=parser,
        use_cache=use_cache,
        stories="one",
        fast=fast,
    )
    return "\n".join(explain_report.render(doc) for doc in analysis.documents)


def score_sentences(
    texts: Sequence[str],
    *,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    fast: bool = False,
) -> list[SentenceScore]:
    """The loaded score of each text taken whole (a sentence or a short passage), as a report
    scores an article's sentences, for the evaluation scripts and for users scoring their own
    sentences; no page chrome is removed.  ``fast``: the lexicon score alone, as ``--fast``."""
    loaded = lexicons.load(lexicon_dir)
    res = wording.resources(loaded)
    parser = parser or Parser.create()
    reads = [None] * len(texts) if fast else learned.judge([(text, ()) for text in texts])
    results = []
    for text, doc, read in zip(texts, parser.iter_parse(list(texts)), reads, strict=True):
        found = quotes.find_quotes(text, (Span(0, len(text)),))
        terms = wording.extract(doc, text=text, quotes=found, res=res)
        lexicon = sum(t.weight for t in terms if not t.quoted)
        whole = Span(0, len(text))
        results.append(
            SentenceScore(
                score=learned.loaded_sentences(
                    [(whole, lexicon)],
                    None if read is None else {whole: read.subjective},
                    quoted=quotes.QuotedRegions(found).share,
                )[0][1],
                score_all=sum(t.weight for t in terms),
                terms=terms,
                lexicon=lexicon,
            )
        )
    return results
