"""The command line: each command parses its options, calls one library function, and prints.

Exit codes: 0 ok, 1 a framing error (one ``Error: ...`` line on stderr, no traceback), 2 bad
usage (one ``Error: ...`` line too), 130 interrupted.
"""

from __future__ import annotations

import contextlib
import enum
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from framing import __version__, bad_input, console, lexicons
from framing.console import OneLineErrors

# The pipeline is imported inside each command's action, not here: spaCy and scikit-learn take
# seconds to import, and a Ctrl-C meanwhile is then reported like any other.
if TYPE_CHECKING:
    from framing.nlp import ParseStats
    from framing.records import Analysis


app = typer.Typer(
    cls=OneLineErrors,
    help="Show how different news outlets cover the same story.\n\n"
    "Example: framing report seeds --out reports",
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
)
lexicon_app = typer.Typer(
    help="Inspect, copy and validate the lexicon files.\n\n"
    "Example: framing lexicon init my-lexicons && framing lexicon check my-lexicons",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)
app.add_typer(lexicon_app, name="lexicon")

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Article files or folders (.txt, .md, .html, .jsonl, .jsonl.gz).", metavar="PATHS"
    ),
]
LexiconsOpt = Annotated[
    Path | None,
    typer.Option(
        "--lexicons", help="A folder of edited lexicon files (see 'framing lexicon init')."
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Story config; default: framing.toml in the article folder."),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Parse and extract again instead of using the caches.")
]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Print what was parsed and how long it took.")
]


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Show how different news outlets cover the same story.

    Example: framing report seeds --out reports
    """


class OutputFormat(enum.StrEnum):
    md = "md"
    json = "json"
    csv = "csv"
    html = "html"
    all = "all"


class Stories(enum.StrEnum):
    auto = "auto"
    one = "one"


class OnBad(enum.StrEnum):
    stop = "stop"
    skip = "skip"


FastOpt = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="The rules-only stance model (lexicons/stance_model.tsv) instead of the learned "
        "one: quicker on a large corpus, less accurate; framing.json records which ran.",
    ),
]
OnBadOpt = Annotated[
    OnBad,
    typer.Option(
        "--on-bad",
        help="stop: an article file or .jsonl record that cannot be read stops the run (exit 1); "
        "skip: leave it out, with one 'Warning: ...; left out' line, and report the rest.",
    ),
]


def _left_out(analysis: Analysis) -> tuple[str, ...]:
    """A warning for each input that --on-bad skip left out: what Error: would have said."""
    return tuple(f"{bad_input.message(r)}; left out" for r in analysis.rejected)


class EngineName(enum.StrEnum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        help="local: this process; dask: parse, extract and compare on a Dask cluster "
        "(a local one unless --scheduler names one).",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Address of a running Dask scheduler (tcp://host:8786), with --engine dask.",
        metavar="ADDRESS",
    ),
]


def _engine(name: EngineName, scheduler: str | None) -> contextlib.AbstractContextManager[Any]:
    """The engine to run on, as a context that closes it: none for the local engine."""
    if scheduler is not None and name is not EngineName.dask:
        raise typer.BadParameter("needs --engine dask", param_hint="'--scheduler'")
    if name is EngineName.local:
        return contextlib.nullcontext()
    from framing.run.cluster import DaskEngine

    return DaskEngine(scheduler=scheduler)


JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Processes that parse and extract; 0: every core (few articles: one process).",
    ),
]
StoriesOpt = Annotated[
    Stories,
    typer.Option(
        "--stories",
        help="auto: group the articles into stories and compare within each; "
        "one: compare every article with every other.",
    ),
]


@app.command()
def report(
    paths: PathsArg = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Report folder (replaced whole).")
    ] = Path("reports"),
    lexicon_dir: LexiconsOpt = None,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    verbose: VerboseOpt = False,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="md: markdown; json: framing.json only; csv: tables; html: pages with every "
            "finding marked in the article; all: md, csv and html.",
        ),
    ] = OutputFormat.md,
    stories: StoriesOpt = Stories.auto,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    jobs: JobsOpt = 0,
    on_bad: OnBadOpt = OnBad.stop,
    fast: FastOpt = False,
) -> None:
    """Write index.md, one markdown file per outlet, and framing.json (or with --format html,
    index.html, a page per outlet and a page per article with its findings marked).

    With no paths, reads seeds/ and writes reports/. framing.json is always written. Articles
    of several stories: index.md lists the stories, each story's report is in its own folder.

    Example: framing report seeds --out reports --format html
    """
    started = time.monotonic()

    def action() -> tuple[Analysis, ParseStats, list[str]]:
        from framing import pipeline

        with _engine(engine, scheduler) as running:
            analysis, parser, files = pipeline.report(
                paths or [Path("seeds")],
                out=out,
                config_path=config,
                lexicon_dir=lexicon_dir,
                use_cache=not no_cache,
                progress=console.progress(),
                output_format=output_format.value,
                stories=stories.value,
                engine=running,
                jobs=jobs,
                on_bad=on_bad.value,
                fast=fast,
            )
        return analysis, parser.stats if parser else running.stats, files

    analysis, stats, files = console.run(action)
    console.warn(analysis.warnings + _left_out(analysis))
    if verbose:
        console.stats(stats, started)
    plural = "s" if len(files) != 1 else ""
    found = f", {len(analysis.stories)} stories" if analysis.stories else ""
    typer.echo(
        f"wrote {len(files)} file{plural} to {out}/ ({len(analysis.documents)} documents{found})"
    )


AnalyzePaths = Annotated[
    list[Path], typer.Argument(help="Article files or folders.", metavar="PATHS")
]
ExplainPath = Annotated[
    Path, typer.Argument(help="One article file (.txt, .md, .html, or .jsonl).", metavar="FILE")
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the full JSON object (see CONTRACT.md).")
]


@app.command()
def analyze(
    paths: AnalyzePaths,
    as_json: JsonOpt = False,
    lexicon_dir: LexiconsOpt = None,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    verbose: VerboseOpt = False,
    stories: StoriesOpt = Stories.auto,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    jobs: JobsOpt = 0,
    on_bad: OnBadOpt = OnBad.stop,
    fast: FastOpt = False,
) -> None:
    """Analyse articles and print the findings (the JSON object with --json).

    Example: framing analyze seeds --json > framing.json
    """
    from framing.report import json as json_report

    started = time.monotonic()

    def action() -> tuple[Analysis, ParseStats]:
        from framing import pipeline

        with _engine(engine, scheduler) as running:
            analysis, parser = pipeline.analyze(
                paths,
                config_path=config,
                lexicon_dir=lexicon_dir,
                use_cache=not no_cache,
                progress=console.progress(),
                stories=stories.value,
                engine=running,
                jobs=jobs,
                on_bad=on_bad.value,
                fast=fast,
            )
        return analysis, parser.stats if parser else running.stats

    analysis, stats = console.run(action)
    console.warn(analysis.warnings + _left_out(analysis))
    if verbose:
        console.stats(stats, started)
    if as_json:
        sys.stdout.write(json_report.dumps(analysis))
        return
    for doc in analysis.documents:
        typer.echo(
            f"{doc.id}\t{doc.outlet}\t{doc.word_count} words\t{len(doc.chrome)} chrome lines"
        )


# The British spelling, as the same command.
app.command(name="analyse", hidden=True)(analyze)


@app.command()
def explain(
    path: ExplainPath,
    lexicon_dir: LexiconsOpt = None,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    fast: FastOpt = False,
) -> None:
    """Show one article with every finding marked in place and the lexicon line or rule behind
    it, to see why a word was flagged while tuning lexicons, and the words that moved each
    mention's stance.

    Example: framing explain seeds/003_8b577698342439a5.txt --lexicons my-lexicons | less
    """

    def action() -> str:
        from framing import pipeline

        return pipeline.explain(
            path, config_path=config, lexicon_dir=lexicon_dir, use_cache=not no_cache, fast=fast
        )

    text = console.run(action)
    sys.stdout.write(text)


@lexicon_app.command("init")
def lexicon_init(
    folder: Annotated[Path, typer.Argument(help="New or empty folder for the editable copy.")],
) -> None:
    """Write an editable copy of the default lexicons.

    Example: framing lexicon init my-lexicons && framing report --lexicons my-lexicons
    """
    written = console.run(lambda: lexicons.init(folder))
    typer.echo(f"wrote {len(written)} lexicon files to {folder}/")


@lexicon_app.command("check")
def lexicon_check(
    folder: Annotated[
        Path | None, typer.Argument(help="Folder to validate; default: the shipped lexicons.")
    ] = None,
) -> None:
    """Validate lexicon files; exit 1 at the first error, naming file:line. Then list each term
    whose loaded.tsv category contradicts its connotation as a label in labels.toml.

    Example: framing lexicon check my-lexicons
    """
    results = console.run(lambda: lexicons.check(folder))
    for path, count in results:
        typer.echo(f"ok\t{path}\t{count} {'entry' if count == 1 else 'entries'}")
    for conflict in console.run(lambda: lexicons.conflicts(lexicons.load(folder))):
        typer.echo(f"conflict\t{conflict}")


@lexicon_app.command("list")
def lexicon_list(lexicon_dir: LexiconsOpt = None) -> None:
    """List the lexicon files in use, what each holds, and its number of entries.

    Example: framing lexicon list --lexicons my-lexicons
    """
    loaded = console.run(lambda: lexicons.load(lexicon_dir))
    for _, table in sorted(loaded.tables.items()):
        typer.echo(f"{table.path}\t{len(table.rows)} entries\t{table.spec.about}")


def main() -> None:
    app(prog_name="framing")
