"""Compose the stages: read, configure, clean, parse, extract, compare.

``analyze`` is what both ``framing analyze`` and ``framing report`` call; it returns records only,
and the report modules turn those into files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing import __version__, clean, config, corpus, lexicons, quotes
from framing.compare import labels as label_table
from framing.compare import sources as source_profiles
from framing.features import attribution, labels, style, wording
from framing.nlp import Doc, Parser
from framing.records import Analysis, Cleaned, Document, SentenceScore, Source, Span

_NOT_NEWLINE = re.compile(r"[^\n]")


def mask(text: str, regions: tuple[Span, ...]) -> str:
    """Blank out everything outside ``regions``, keeping every offset and line break.

    The parser then sees only the article, yet its token offsets are offsets into the file.
    """
    pieces = []
    position = 0
    for region in regions:
        pieces.append(_NOT_NEWLINE.sub(" ", text[position : region.start]))
        pieces.append(text[region.start : region.end])
        position = region.end
    pieces.append(_NOT_NEWLINE.sub(" ", text[position:]))
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs besides the articles."""

    story: config.StoryConfig
    actors: config.ActorIndex | None
    attribution: attribution.Resources
    chrome: clean.Rules
    wording: wording.Resources
    labels: labels.LabelTable


def load_settings(
    paths: Sequence[Path], *, config_path: Path | None = None, lexicon_dir: Path | None = None
) -> Settings:
    found = config.find(list(paths), config_path)
    story = config.load(found, shown=corpus.display(found)) if found else config.EMPTY
    loaded = lexicons.load(lexicon_dir)
    return Settings(
        story=story,
        actors=config.actor_index(story) if story.actors else None,
        attribution=attribution.resources(loaded),
        chrome=clean.chrome_rules(loaded),
        wording=wording.resources(loaded),
        labels=labels.resources(loaded),
    )


def _document(source: Source, cleaned: Cleaned, settings: Settings, parsed: Doc) -> Document:
    resolved = corpus.resolve_meta(source, settings.story.meta_for(source.id), cleaned)
    article_text = "\n\n".join(source.text[r.start : r.end] for r in cleaned.article)
    found_quotes = quotes.find_quotes(source.text, cleaned.article)
    loaded = wording.extract(
        parsed,
        text=source.text,
        quotes=found_quotes,
        res=settings.wording,
        title_span=cleaned.title_span,
    )
    voice = wording.voice_words(parsed, found_quotes)
    return Document(
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
        attributions=attribution.extract(
            parsed,
            text=source.text,
            quotes=found_quotes,
            res=settings.attribution,
            actors=settings.actors,
        ),
        loaded_terms=loaded,
        labels=labels.extract(
            parsed,
            text=source.text,
            quotes=found_quotes,
            table=settings.labels,
        ),
        readability=style.readability(parsed, article_text),
        voice_words=voice,
        loaded_density=wording.density(loaded, voice),
        loaded_sentences=wording.sentence_scores(parsed, loaded),
    )


def analyze(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Analysis, Parser]:
    """Analyse every article under ``paths``; return the Analysis and the parser used."""
    warnings: list[str] = []
    sources = sorted(corpus.read_paths(paths, warnings), key=lambda s: s.id)
    settings = load_settings(paths, config_path=config_path, lexicon_dir=lexicon_dir)
    cleaned = [clean.find_article(s.text, settings.chrome, start=s.body_start) for s in sources]
    # The pipeline loads last, so bad input is reported before the second it takes to load.
    parser = parser or Parser.create(use_cache=use_cache)
    masked = [mask(s.text, c.article) for s, c in zip(sources, cleaned, strict=True)]
    documents = [
        _document(source, found, settings, parsed)
        for source, found, parsed in zip(
            sources, cleaned, parser.iter_parse(masked, progress=progress), strict=True
        )
    ]
    analysis = Analysis(
        framing_version=__version__,
        documents=tuple(documents),
        labels=label_table.table(documents),
        sources=source_profiles.profiles(documents),
        warnings=tuple(warnings),
    )
    return analysis, parser


def report(
    paths: Sequence[Path],
    *,
    out: Path,
    config_path: Path | None = None,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Analysis, Parser, list[str]]:
    """Analyse ``paths`` and write the report folder ``out`` atomically; return the file names."""
    from framing.report import json as json_report
    from framing.report import markdown
    from framing.report.output import write_report

    analysis, parser = analyze(
        paths,
        config_path=config_path,
        lexicon_dir=lexicon_dir,
        parser=parser,
        use_cache=use_cache,
        progress=progress,
    )
    files = markdown.render(analysis, out_dir=str(out))
    files["framing.json"] = json_report.dumps(analysis)
    write_report(out, files)
    return analysis, parser, sorted(files)


def score_sentences(
    texts: Sequence[str],
    *,
    lexicon_dir: Path | None = None,
    parser: Parser | None = None,
) -> list[SentenceScore]:
    """The loaded score of each text taken whole (a sentence or a short passage), for the
    evaluation scripts and for users scoring their own sentences; no page chrome is removed."""
    loaded = lexicons.load(lexicon_dir)
    res = wording.resources(loaded)
    parser = parser or Parser.create()
    results = []
    for text, doc in zip(texts, parser.iter_parse(list(texts)), strict=True):
        found = quotes.find_quotes(text, (Span(0, len(text)),))
        terms = wording.extract(doc, text=text, quotes=found, res=res)
        results.append(
            SentenceScore(
                score=sum(t.weight for t in terms if not t.quoted),
                score_all=sum(t.weight for t in terms),
                terms=terms,
            )
        )
    return results
