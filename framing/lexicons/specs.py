"""What each lexicon file holds: its columns and key (``TableSpec``), the rows read from it
(``Table``, ``Row``), the registry of files framing knows (``SPECS``), and ``normalize``, the
one folding of text every lexicon lookup uses.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass


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
    columns=(
        Column("term"),
        Column("kind", "choice", ("person", "group", "document", "statement", "anonymity")),
    ),
    key=("term",),
    about="words that make a source unnamed (officials, critics, sources) and anonymity markers",
)

FIRST_NAMES = TableSpec(
    name="first_names.tsv",
    columns=(Column("name"), Column("gender", "choice", ("male", "female"))),
    key=("name",),
    about="the gender a first name tells (1990 US Census), for he/she and shared surnames",
)

PARTIES = TableSpec(
    name="parties.tsv",
    columns=(Column("term"), Column("side"), Column("use", "choice", ("tag", "member", "body"))),
    key=("term", "use"),
    about="the party a text ties a speaker to (party tags, 'a Democrat'), for sides without a config",
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
    # a fixed phrase whose words are not loaded in it (a weapon category, a legal standard):
    # matched so that its words are not flagged, and never reported itself
    "fixed",
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
        Column(
            "kind", "choice", ("event", "person", "time", "unit", "score", "margin", "proposal")
        ),
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
        FIRST_NAMES,
        PARTIES,
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
# the context cues that tell two referents apart.  framing.lexicons.toml reads it into the same
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
        # holds a label but names something else ("sanctions regime"); "whole": the referent is a
        # whole class, one in any story (its phrase "yes")
        Column("entry", "choice", ("label", "cued label", "cue", "not", "whole")),
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


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Fold case, compatibility forms (no-break spaces, curly quotes) and runs of spaces.
    Cached: features normalise the same few thousand lemmas over and over."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.lower().split())
