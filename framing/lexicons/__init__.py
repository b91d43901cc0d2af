"""Plain-text lexicons that users edit.

A TSV lexicon looks like this::

    # chrome.tsv: phrases that mark page chrome
    # source: curated by the framing authors
    phrase	kind
    skip to main content	line

Lines starting with ``#`` and blank lines are ignored; the first other line is the header and must
name the columns in order.  Every mistake is a LexiconError that reads
``lexicons/chrome.tsv:14: expected 2 tab-separated fields (phrase, kind), got 1``.  A duplicate key
is an error, never a silent overwrite (VADER's loader keeps the last of two weights without a word,
which is the behaviour we refuse).  ``labels.toml`` is read by ``toml`` into the same ``Table``.

Defaults live in the top-level ``lexicons/`` folder of a checkout, installed as the package data
``framing/default_lexicons``; ``--lexicons DIR`` overlays an edited copy file by file.

``specs``: what each file holds; ``tsv`` and ``toml``: the two readers; ``files``: load, check and
copy a folder.
"""

from framing.lexicons.files import (
    Lexicons,
    check,
    conflicts,
    default_dir,
    init,
    load,
    read_table,
)
from framing.lexicons.specs import (
    CHROME,
    CUES,
    FACTS,
    FIRST_NAMES,
    FRAMES,
    HARM,
    LABEL_CONNOTATIONS,
    LABELS,
    LOADED,
    LOADED_CATEGORIES,
    NUMBERS,
    PARTIES,
    SPEAKERS,
    SPECS,
    STANCE_MODEL,
    TOML_SPECS,
    VALENCE,
    Column,
    Row,
    Table,
    TableSpec,
    normalize,
)
from framing.lexicons.tsv import parse_tsv

__all__ = [
    "CHROME",
    "CUES",
    "FACTS",
    "FIRST_NAMES",
    "FRAMES",
    "HARM",
    "LABELS",
    "LABEL_CONNOTATIONS",
    "LOADED",
    "LOADED_CATEGORIES",
    "NUMBERS",
    "PARTIES",
    "SPEAKERS",
    "SPECS",
    "STANCE_MODEL",
    "TOML_SPECS",
    "VALENCE",
    "Column",
    "Lexicons",
    "Row",
    "Table",
    "TableSpec",
    "check",
    "conflicts",
    "default_dir",
    "init",
    "load",
    "normalize",
    "parse_tsv",
    "read_table",
]
