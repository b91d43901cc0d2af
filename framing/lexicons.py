"""Plain-text lexicons that users edit: one loader, strict about every line.

A TSV lexicon looks like this::

    # chrome.tsv: phrases that mark page chrome
    # source: curated by the framing authors
    phrase	kind
    skip to main content	line

Lines starting with ``#`` and blank lines are ignored; the first other line is the header and must
name the columns in order.  Every mistake is a LexiconError that reads
``lexicons/chrome.tsv:14: expected 2 tab-separated fields (phrase, kind), got 1``.  A duplicate key
is an error, never a silent overwrite (VADER's loader keeps the last of two weights without a word,
which is the behaviour we refuse).

Defaults live in the top-level ``lexicons/`` folder of a checkout, installed as the package data
``framing/lexicons``; ``--lexicons DIR`` overlays an edited copy file by file.
"""

from __future__ import annotations

import functools
import re
import shutil
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from framing.errors import LexiconError, not_utf8


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str = "text"  # text | float | choice
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSpec:
    """What one lexicon file holds: its columns, and which of them form the unique key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    about: str

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True, slots=True)
class Row:
    values: tuple[str | float, ...]
    line: int

    def text(self, spec: TableSpec, name: str) -> str:
        return str(self.values[spec.header.index(name)])

    def number(self, spec: TableSpec, name: str) -> float:
        value = self.values[spec.header.index(name)]
        assert isinstance(value, float)
        return value


@dataclass(frozen=True, slots=True)
class Table:
    spec: TableSpec
    path: str
    rows: tuple[Row, ...]

    def where(self, row: Row) -> str:
        """``file:line`` of a row, for evidence and explanations."""
        return f"{self.path}:{row.line}"

    def column(self, name: str) -> Iterator[tuple[str, Row]]:
        index = self.spec.header.index(name)
        for row in self.rows:
            yield str(row.values[index]), row


# The registry of lexicon files framing knows.  Later stages add their tables here.
CHROME = TableSpec(
    name="chrome.tsv",
    columns=(
        Column("phrase"),
        Column(
            "kind",
            "choice",
            ("line", "tail", "link", "credit", "byline", "outlet-suffix"),
        ),
    ),
    key=("phrase", "kind"),
    about="phrases that mark page chrome (navigation, teaser tails, links, credits, bylines)",
)

CUES = TableSpec(
    name="cues.tsv",
    columns=(
        Column("cue"),
        Column("connotation", "choice", ("neutral", "distancing", "endorsing", "loaded")),
        Column("kind", "choice", ("speech", "thought", "intention", "evidence")),
        Column("frame", "choice", ("clause", "infinitive", "object")),
    ),
    key=("cue",),
    about="attribution cues (said, claimed, confirmed, slammed) with connotation and kind",
)

SPEAKERS = TableSpec(
    name="speakers.tsv",
    columns=(Column("term"), Column("kind", "choice", ("person", "group", "anonymity"))),
    key=("term",),
    about="words that make a source unnamed (officials, critics, sources) and anonymity markers",
)

LOADED_CATEGORIES = (
    "emotive",  # charged words that carry feeling: shattered, brutal, desperate
    "intensifier",  # words that heighten: staggering, utterly, massive
    "pejorative",  # name-calling and derogatory labels: thugs, regime, extremist
    "euphemism",  # softening words: collateral damage, neutralise, enhanced interrogation
    "hedge",  # distance from a claim: reportedly, allegedly, apparently
    "booster",  # certainty: clearly, undeniably, of course
    "sensational",  # headline hype: shocking, here's what happens next, you won't believe
    "judgement",  # plain evaluative words, weakly weighted: major, failed, threatened, strong
)

LOADED = TableSpec(
    name="loaded.tsv",
    columns=(
        Column("term"),
        Column("category", "choice", LOADED_CATEGORIES),
        Column("weight", "float"),
    ),
    key=("term",),
    about="loaded wording: emotive, intensifying, pejorative, euphemistic, hedging, boosting, sensational terms",
)

VALENCE = TableSpec(
    name="valence.tsv",
    columns=(Column("term"), Column("valence", "float")),
    key=("term",),
    about="how positive or negative a word is (VADER), for stance toward actors",
)

HARM = TableSpec(
    name="harm.tsv",
    columns=(
        Column("term"),
        # verb: done by someone (kill); noun: the harm as a thing (deaths, toll); means: what
        # harms without being an actor (airstrikes, shells), an inanimate doer
        Column("pos", "choice", ("verb", "noun", "means", "undergo")),
        Column("kind", "choice", ("violence", "displacement", "deprivation", "detention")),
    ),
    key=("term", "pos"),
    about="harm verbs and nouns (kill, strike, displace, deaths) for agency: who is shown harming",
)

FRAMES = TableSpec(
    name="frames.tsv",
    columns=(
        Column("term"),
        Column("role", "choice", ("subject", "object", "possessor")),
        Column("valence", "float"),
    ),
    key=("term", "role"),
    about="blame and credit frames (Y rejected, blamed Y, Y's refusal, praised Y) for stance",
)

NUMBERS = TableSpec(
    name="numbers.tsv",
    columns=(
        Column("term"),
        Column("kind", "choice", ("number", "multiplier", "vague", "qualifier")),
        Column("value", "float"),
    ),
    key=("term", "kind"),
    about="number words (five, million, hundreds) and qualifiers (over, nearly, some)",
)

FACTS = TableSpec(
    name="facts.tsv",
    columns=(
        Column("term"),
        Column("kind", "choice", ("event", "person", "time", "unit")),
        Column("class"),
    ),
    key=("term", "kind"),
    about="what numbers count (people, days) and what happened (killed, released), to align facts",
)

STANCE_MODEL = TableSpec(
    name="stance_model.tsv",
    columns=(
        Column("feature"),
        Column("negative", "float"),
        Column("neutral", "float"),
        Column("positive", "float"),
    ),
    key=("feature",),
    about="weights of the stance classifier (trained on NewsMTSC by scripts/train_stance.py)",
)

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        CHROME,
        CUES,
        SPEAKERS,
        LOADED,
        VALENCE,
        HARM,
        FRAMES,
        STANCE_MODEL,
        NUMBERS,
        FACTS,
    )
}

# --- TOML lexicons ---------------------------------------------------------------------------
# labels.toml needs more shape than TSV rows: labels grouped under the referent they name, with
# the context cues that tell two referents apart.  framing.lexicon_toml reads it into the same
# Table (one Row per label, cue or 'not' phrase, with its line), so load, check, init, list and
# --lexicons treat it as they treat the TSV files.

LABEL_CONNOTATIONS = (
    "negative",  # hostile or delegitimising: terrorists, regime, illegal aliens, rioters
    "neutral",  # the plain term news style guides recommend: prisoners, government, protesters
    "positive",  # sympathetic or legitimising, often the referent's own term: freedom fighters
    "euphemistic",  # softens what is done by or to the referent: restructuring, collateral damage
)

LABELS = TableSpec(
    name="labels.toml",
    columns=(
        Column("referent"),
        # a label; a label that counts only with a cue nearby; a context cue; a phrase that
        # holds a label but names something else ("sanctions regime")
        Column("entry", "choice", ("label", "cued label", "cue", "not")),
        Column("phrase"),
        Column("connotation", "choice", LABEL_CONNOTATIONS),  # empty for cues and 'not'
    ),
    key=("referent", "entry", "phrase"),
    about="labels for the same referent (prisoners, detainees, terrorists) with connotation and context cues",
)

# Registered apart from the TSV tuple above, so that each kind of lexicon is added in one place.
TOML_SPECS: dict[str, TableSpec] = {LABELS.name: LABELS}
SPECS.update(TOML_SPECS)

# How evidence and listings name the shipped lexicon folder.
DEFAULT_LABEL = "lexicons"


def default_dir() -> Path:
    """The shipped lexicons: package data when installed, else the checkout's ``lexicons/``."""
    packaged = Path(__file__).parent / "default_lexicons"
    if (packaged / CHROME.name).is_file():
        return packaged
    checkout = Path(__file__).parent.parent / "lexicons"
    if (checkout / CHROME.name).is_file():
        return checkout
    raise LexiconError(
        "the default lexicons are missing from the installation; reinstall framing "
        "(pip install --force-reinstall framing) or pass --lexicons DIR"
    )


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Fold case, compatibility forms (no-break spaces, curly quotes) and runs of spaces.
    Cached: features normalise the same few thousand lemmas over and over."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.lower().split())


def _display(path: Path) -> str:
    """Paths in messages: relative to the working folder when under it, as users typed them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_tsv(text: str, spec: TableSpec, *, path: str) -> Table:
    """Parse one TSV lexicon; raise LexiconError naming ``path:line`` on the first problem."""
    rows: list[Row] = []
    seen: dict[tuple[str, ...], int] = {}
    header_seen = False
    expected = len(spec.columns)
    names = ", ".join(spec.header)
    # Lines break at CR, LF or CRLF only, as editors count them (str.splitlines also breaks at
    # form feeds and Unicode separators, which would put every later line number off).
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != expected:
            raise LexiconError(
                f"expected {expected} tab-separated fields ({names}), got {len(fields)}",
                path=path,
                line=number,
            )
        fields = [f.strip() for f in fields]
        if not header_seen:
            if tuple(f.lower() for f in fields) != spec.header:
                raise LexiconError(
                    f"expected the header line '{chr(9).join(spec.header)}', got "
                    f"'{chr(9).join(fields)}'",
                    path=path,
                    line=number,
                )
            header_seen = True
            continue
        values: list[str | float] = []
        for column, value in zip(spec.columns, fields, strict=True):
            if not value:
                raise LexiconError(f"the {column.name} field is empty", path=path, line=number)
            if column.kind == "float":
                try:
                    values.append(float(value))
                except ValueError:
                    raise LexiconError(
                        f"expected a number in the {column.name} field, got '{value}'",
                        path=path,
                        line=number,
                    ) from None
            elif column.kind == "choice":
                if value not in column.choices:
                    raise LexiconError(
                        f"unknown {column.name} '{value}'; expected one of "
                        f"{', '.join(column.choices)}",
                        path=path,
                        line=number,
                    )
                values.append(value)
            else:
                values.append(normalize(value))
        key = tuple(str(values[spec.header.index(k)]) for k in spec.key)
        if key in seen:
            raise LexiconError(
                f"duplicate entry {' / '.join(key)!r}, first given on line {seen[key]}; "
                "remove one of the two lines",
                path=path,
                line=number,
            )
        seen[key] = number
        rows.append(Row(tuple(values), number))
    if not header_seen:
        raise LexiconError(
            f"expected a header line naming the columns ({names}), got an empty file", path=path
        )
    return Table(spec, path, tuple(rows))


def read_table(path: Path, spec: TableSpec) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(not_utf8(exc), path=_display(path)) from None
    except OSError as exc:
        raise LexiconError(f"cannot read the file ({exc.strerror})", path=_display(path)) from None
    if spec.name in TOML_SPECS:
        # Imported here because the TOML reader builds on this module's Table and Row.
        from framing import lexicon_toml

        return lexicon_toml.parse(text, spec, path=_display(path))
    return parse_tsv(text, spec, path=_display(path))


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every lexicon table of one run, by file name."""

    tables: Mapping[str, Table]

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]


def _overlay_files(overlay: Path) -> dict[str, Path]:
    if not overlay.is_dir():
        raise LexiconError(
            "expected a folder of lexicon files, got no such folder; create one with "
            "'framing lexicon init DIR'",
            path=_display(overlay),
        )
    found: dict[str, Path] = {}
    for path in sorted(overlay.iterdir()):
        if path.name.startswith(".") or path.suffix not in {".tsv", ".toml"}:
            continue
        if path.name not in SPECS:
            raise LexiconError(
                f"unknown lexicon file; expected one of {', '.join(sorted(SPECS))}",
                path=_display(path),
            )
        found[path.name] = path
    return found


def load(overlay: Path | None = None) -> Lexicons:
    """Load every lexicon: the defaults, with files from ``overlay`` replacing their namesakes."""
    overlaid = _overlay_files(overlay) if overlay is not None else {}
    tables = {}
    for name in sorted(SPECS):
        if name in overlaid:
            tables[name] = read_table(overlaid[name], SPECS[name])
        else:
            # A shipped file is cited as ``lexicons/<name>`` wherever it is installed and whatever
            # the working folder, so that reports are the same bytes on every machine.
            table = read_table(default_dir() / name, SPECS[name])
            tables[name] = replace(table, path=f"{DEFAULT_LABEL}/{name}")
    return Lexicons(tables)


def check(folder: Path | None = None) -> list[tuple[str, int]]:
    """Validate a lexicon folder (default: the shipped one); return (file, entries) per file."""
    lexicons = load(folder)
    return [(table.path, len(table.rows)) for _, table in sorted(lexicons.tables.items())]


def init(target: Path) -> list[Path]:
    """Write an editable copy of the default lexicons into ``target``; never overwrite."""
    source = default_dir()
    if target.exists() and not target.is_dir():
        raise LexiconError(
            "expected an empty or new folder, got a file; choose another folder",
            path=_display(target),
        )
    if target.exists() and any(target.iterdir()):
        raise LexiconError(
            "expected an empty or new folder, got one with files in it; choose another folder",
            path=_display(target),
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name in sorted(SPECS):
            shutil.copyfile(source / name, target / name)
            written.append(target / name)
    except OSError as exc:
        raise LexiconError(
            f"cannot write the lexicon copy ({exc.strerror})", path=_display(target)
        ) from None
    return written
