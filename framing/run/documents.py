"""The per-document stage: clean text in, every finding of one article out.

``build`` runs it over a run's articles: each stage (loaded wording, attribution, actors with
their stance and the harms they do or suffer, numbers, labels, style) is read from the stage
cache (``framing.run.cache``) when its key is there, and run on the parse otherwise; an article is
parsed, or its parse loaded, only when some stage needs it.  ``framing.pipeline`` composes this
with reading, cleaning and the comparison; ``framing.run.cluster`` runs it on a Dask cluster.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing import __version__, clean, config, corpus, lexicons, quotes
from framing.actors import index as actor_index
from framing.actors import people, score, stage
from framing.actors.stage import Pending
from framing.errors import ModelError
from framing.features import agency, attribution, labels, quantities, stance, style, wording
from framing.features.stance import learned
from framing.nlp import Doc, Parser, release
from framing.records import (
    Attribution,
    Cleaned,
    Document,
    LabelMention,
    LoadedTerm,
    Quantity,
    Source,
    Span,
    loaded_density,
)
from framing.run import cache as results
from framing.run import timing


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs besides the articles."""

    story: config.StoryConfig
    actors: actor_index.ActorIndex | None
    attribution: attribution.Resources
    chrome: clean.Rules
    wording: wording.Resources
    labels: labels.LabelTable
    stance: stance.Resources
    agency: agency.Resources
    quantities: quantities.Resources
    people: people.Resources
    # the learned mention model ("accurate", the default) or the rules-only one ("fast")
    accurate: bool = True


def load_settings(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    fast: bool = False,
) -> Settings:
    found = config.find(list(paths), config_path)
    story = config.load(found, shown=corpus.display(found)) if found else config.EMPTY
    loaded = lexicons.load(lexicon_dir)
    if not fast and not learned.available():
        raise ModelError(
            f"the learned stance model is missing: expected {', '.join(learned.FILES)} in "
            f"{learned.MODEL_DIR}; reinstall framing, or run with --fast (the rules-only model)"
        )
    return Settings(
        story=story,
        actors=actor_index.actor_index(story) if story.actors else None,
        attribution=attribution.resources(loaded),
        chrome=clean.chrome_rules(loaded),
        wording=wording.resources(loaded),
        labels=labels.resources(loaded),
        stance=stance.resources(loaded),
        agency=agency.resources(loaded),
        quantities=quantities.resources(loaded),
        people=people.resources(loaded),
        accurate=not fast,
    )


# One article's findings, and its actors waiting for the links across articles.
Built = tuple[Document, Pending]


def _true_to(text: str, words: str, span: Span) -> bool:
    """Evidence is the words of the file: a finding whose words came out otherwise (a phrase
    that ran into blanked page chrome) is dropped rather than shown with the wrong words."""
    return text[span.start : span.end] == words


_Wording = tuple[tuple[LoadedTerm, ...], int, tuple[tuple[Span, float], ...]]
# What each cached stage reads besides the article: the fingerprint of these settings is part of
# its key (see framing.run.cache), so an edit to one lexicon re-runs only the stages that read it.
STAGES = ("wording", "attribution", "actors", "quantities", "labels", "style")
# Each stage's rule revision, part of its key: the cache is keyed by settings, not code, so a
# change to a stage's findings bumps its number here.
REVISIONS = {
    "wording": "2", "attribution": "3", "actors": "1", "quantities": "15", "labels": "3",
    "style": "1",
}  # fmt: skip


def _stage_prints(settings: Settings) -> dict[str, str]:
    # the actors stage reads the speakers attribution found, so it reads what attribution reads,
    # and its rules
    heard = results.fingerprint(
        (settings.attribution, settings.story, settings.people, REVISIONS["attribution"])
    )
    return {
        "wording": results.fingerprint(settings.wording),
        "attribution": heard,
        "actors": results.key(
            heard,
            results.fingerprint((settings.stance, settings.agency)),
            learned.fingerprint() if settings.accurate else "fast",
        ),
        "quantities": results.fingerprint(settings.quantities),
        "labels": results.fingerprint(settings.labels),
        "style": "",
    }


def _stage_keys(
    source: Source, cleaned: Cleaned, prints: dict[str, str], base: str
) -> dict[str, str]:
    article = results.key(base, source.text, repr(cleaned.article), repr(cleaned.title_span))
    return {stage: results.key(article, stage, REVISIONS[stage], prints[stage]) for stage in STAGES}


def _document(
    source: Source,
    cleaned: Cleaned,
    settings: Settings,
    parse: Callable[[], Doc],
    *,
    store: results.Store,
    keys: dict[str, str],
    parse_title: Callable[[str], Doc],
) -> Built:
    """One article's findings; each stage read from ``store`` when its key is there, else run
    on the parse (``parse()`` loads it only when some stage needs it)."""
    resolved = corpus.resolve_meta(source, settings.story.meta_for(source.id), cleaned)
    article_text = "\n\n".join(source.text[r.start : r.end] for r in cleaned.article)
    found_quotes = quotes.find_quotes(source.text, cleaned.article)
    regions = quotes.QuotedRegions(found_quotes)

    def run_wording() -> _Wording:
        parsed = parse()
        loaded = wording.extract(
            parsed,
            text=source.text,
            quotes=found_quotes,
            res=settings.wording,
            title_span=cleaned.title_span,
        )
        voice = wording.voice_words(parsed, found_quotes)
        return loaded, voice, wording.sentence_scores(parsed, loaded)

    def run_attribution() -> tuple[Attribution, ...]:
        return attribution.extract(
            parse(),
            text=source.text,
            quotes=found_quotes,
            res=settings.attribution,
            actors=settings.actors,
            first_names=settings.people.first_names,
            # a story config that names the sides wins: no side is inferred beside them
            parties=None if settings.story.sides else settings.people.parties,
        )

    loaded, voice, sentences = store.get_or_make("wording", keys["wording"], _Wording, run_wording)
    title = resolved.title
    apart = bool(title) and (
        cleaned.title_span is None
        or " ".join(source.text[cleaned.title_span.start : cleaned.title_span.end].split())
        != " ".join((title or "").split())
    )

    def run_headline() -> tuple[LoadedTerm, ...]:
        # a title given apart from the text is read as the text is, with its own parse
        assert title is not None
        whole = (Span(0, len(title)),)
        return wording.extract(
            parse_title(title),
            text=title,
            quotes=quotes.find_quotes(title, whole),
            res=settings.wording,
            title_span=whole[0],
        )

    headline = (
        store.get_or_make(
            "headline", results.key(keys["wording"], title or ""), tuple[LoadedTerm, ...],
            run_headline,
        )
        if apart
        else ()
    )  # fmt: skip
    found = store.get_or_make(
        "attribution", keys["attribution"], tuple[Attribution, ...], run_attribution
    )
    loaded = wording.reported(
        loaded,
        paraphrases=[
            a.content.span
            for a in found
            if not a.direct and a.speaker is not None and a.kind in {"named", "organisation"}
        ],
        said=[a.content.span for a in found if a.source is not None],
    )
    # made here, not in the wording stage: what a source says is known only now
    density = loaded_density(loaded, voice)

    def run_actors() -> stage.Stored:
        grouped, scored, harms, tone = score.find_actors(
            parse(),
            index=settings.actors,
            agency_res=settings.agency,
            stance_res=settings.stance,
            regions=regions,
            found=found,
            first_names=settings.people.first_names,
            accurate=settings.accurate,
        )
        kept = tuple(
            h
            for h in harms
            if all(
                _true_to(source.text, e.text, e.span)
                for e in (h.trigger, h.doer_text, h.harmed_text)
                if e
            )
        )
        return stage.stored(grouped, scored, kept, tone)

    def run_quantities() -> tuple[Quantity, ...]:
        return tuple(
            q
            for q in quantities.extract(parse(), res=settings.quantities, quoted=regions)
            if _true_to(source.text, q.text, q.span)
        )

    def run_labels() -> tuple[LabelMention, ...]:
        return labels.extract(parse(), text=source.text, quotes=found_quotes, table=settings.labels)

    def run_style() -> tuple[tuple[str, float], ...]:
        return style.readability(parse(), article_text)

    record = store.get_or_make("actors", keys["actors"], stage.Stored, run_actors)
    document = Document(
        id=source.id,
        path=source.origin,
        outlet=resolved.outlet,
        outlet_from=resolved.outlet_from,
        title=resolved.title,
        date=resolved.date,
        url=resolved.url,
        author=resolved.author,
        text=source.text,
        article=cleaned.article,
        chrome=cleaned.chrome,
        word_count=clean.count_words(source.text, cleaned.article),
        attributions=found,
        harms=record.harms,
        quantities=store.get_or_make(
            "quantities", keys["quantities"], tuple[Quantity, ...], run_quantities
        ),
        loaded_terms=loaded,
        labels=store.get_or_make("labels", keys["labels"], tuple[LabelMention, ...], run_labels),
        readability=store.get_or_make(
            "style", keys["style"], tuple[tuple[str, float], ...], run_style
        ),
        voice_words=voice,
        loaded_density=density,
        loaded_sentences=learned.loaded_sentences(
            sentences,
            dict(record.tone) if settings.accurate else None,
            quoted=regions.share,
        ),
        headline_terms=headline,
    )
    return document, stage.pending(record)


_PRINTS: dict[int, tuple[Settings, dict[str, str]]] = {}


def _prints_of(settings: Settings) -> dict[str, str]:
    """The stage fingerprints of ``settings``, made once per Settings object (a Dask worker
    reuses the one it was sent for every batch)."""
    known = _PRINTS.get(id(settings))
    if known is None or known[0] is not settings:
        known = (settings, _stage_prints(settings))
        _PRINTS.clear()  # one run's settings at a time
        _PRINTS[id(settings)] = known
    return known[1]


def _plan(
    items: Sequence[tuple[Source, Cleaned]], settings: Settings, parser: Parser
) -> tuple[results.Store, list[dict[str, str]], list[int]]:
    """The stage cache, each article's stage keys, and the articles with some stage not in the
    cache (the ones to parse)."""
    store = results.Store.under(parser.cache)
    prints = _prints_of(settings)
    base = results.key(__version__, parser.fingerprint)
    keys = [_stage_keys(source, found, prints, base) for source, found in items]
    needed = [i for i, k in enumerate(keys) if not all(store.has(st, k[st]) for st in STAGES)]
    return store, keys, needed


def pending(
    items: Sequence[tuple[Source, Cleaned]], settings: Settings, parser: Parser
) -> list[int]:
    """The positions in ``items`` of the articles that ``build`` would parse."""
    return _plan(items, settings, parser)[2]


def build(
    items: Sequence[tuple[Source, Cleaned]],
    settings: Settings,
    parser: Parser,
    *,
    progress: Callable[[int, int], None] | None = None,
    timings: dict[str, float] | None = None,
) -> list[Built]:
    """Each article's findings, in order.  Stages are read from the stage cache where they can
    be (``framing.run.cache``); only articles with a stage to run are parsed or loaded, one at a
    time, and each parse is dropped once its article is done.  ``timings`` gets the seconds
    spent parsing (or loading parses) and running each stage added to it."""
    return list(iter_build(items, settings, parser, progress=progress, timings=timings))


def iter_build(
    items: Sequence[tuple[Source, Cleaned]],
    settings: Settings,
    parser: Parser,
    *,
    progress: Callable[[int, int], None] | None = None,
    timings: dict[str, float] | None = None,
) -> Iterator[Built]:
    """``build`` one article at a time (``timings`` is added to once all have come)."""
    store, keys, needed = _plan(items, settings, parser)

    def masked(i: int) -> str:  # the text the parser sees: made only for articles it parses
        return clean.mask(items[i][0].text, items[i][1].article)

    stream = parser.iter_parse([masked(i) for i in needed], progress=progress)
    wanted = set(needed)
    parsing = 0.0
    for i, (source, found) in enumerate(items):
        began = time.perf_counter()
        parsed: list[Doc] = [next(stream)] if i in wanted else []
        parsing += time.perf_counter() - began

        def parse(i: int = i, parsed: list[Doc] = parsed) -> Doc:
            if not parsed:  # a stored result vanished since it was looked for
                parsed.append(parser.parse([masked(i)])[0])
            return parsed[0]

        document = _document(
            source,
            found,
            settings,
            parse,
            store=store,
            keys=keys[i],
            parse_title=lambda title: parser.parse([title])[0],
        )
        for doc in parsed:
            release(doc)  # freed now, not at the next full collection
        yield document
    timing.add(timings, {"parse": parsing, **store.seconds})


def build_counted(
    items: Sequence[tuple[Source, Cleaned]],
    settings: Settings,
    parser: Parser,
    *,
    timings: dict[str, float] | None = None,
) -> tuple[list[Built], tuple[int, int, int]]:
    """``build`` on a worker's parser, and what it parsed for these items (documents parsed,
    from the cache, tokens parsed), for the caller's ``ParseStats.add``."""
    before = parser.stats.counts()
    built = build(items, settings, parser, timings=timings)
    after = parser.stats.counts()
    return built, (after[0] - before[0], after[1] - before[1], after[2] - before[2])
