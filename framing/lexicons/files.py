"""Load the lexicon folder: the shipped files, overlaid file by file by an edited copy
(``--lexicons DIR``); check a folder; write an editable copy (``framing lexicon init``).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from framing.errors import LexiconError, not_utf8
from framing.lexicons import toml
from framing.lexicons.specs import (
    CHROME,
    DEFAULT_LABEL,
    LABELS,
    LOADED,
    SPECS,
    TOML_SPECS,
    Table,
    TableSpec,
)
from framing.lexicons.tsv import parse_tsv


def default_dir() -> Path:
    """The shipped lexicons: package data when installed, else the checkout's ``lexicons/``."""
    packaged = Path(__file__).parent.parent / "default_lexicons"
    if (packaged / CHROME.name).is_file():
        return packaged
    checkout = Path(__file__).parent.parent.parent / "lexicons"
    if (checkout / CHROME.name).is_file():
        return checkout
    raise LexiconError(
        "the default lexicons are missing from the installation; reinstall framing "
        "(pip install --force-reinstall framing) or pass --lexicons DIR"
    )


def _display(path: Path) -> str:
    """Paths in messages: relative to the working folder when under it, as users typed them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_table(path: Path, spec: TableSpec) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(not_utf8(exc), path=_display(path)) from None
    except OSError as exc:
        raise LexiconError(f"cannot read the file ({exc.strerror})", path=_display(path)) from None
    if spec.name in TOML_SPECS:
        return toml.parse(text, spec, path=_display(path))
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


# What a loaded.tsv category says of a word's connotation, against the labels.toml connotations
# it contradicts: a pejorative word is no neutral or sympathetic label; a euphemism is one; an
# emotive or sensational word is no neutral label.  Intensifiers, hedges, boosters and plain
# judgement words say nothing of a label.
CONTRADICTS = {
    "pejorative": {"neutral", "positive", "euphemistic"},
    "euphemism": {"neutral", "negative", "positive"},
    "emotive": {"neutral"},
    "sensational": {"neutral"},
}


def conflicts(lexicons: Lexicons) -> list[str]:
    """Terms whose ``loaded.tsv`` category contradicts their connotation as a label in
    ``labels.toml`` (CONTRADICTS), each as ``file:line: ...`` naming both places."""
    loaded, labels = lexicons[LOADED.name], lexicons[LABELS.name]
    by_term = {
        " ".join(row.text(LOADED, "term").lower().split()): row for row in loaded.rows
    }  # fmt: skip
    found = []
    for row in labels.rows:
        if row.text(LABELS, "entry") not in {"label", "cued label"}:
            continue
        phrase = " ".join(row.text(LABELS, "phrase").lower().split())
        term = by_term.get(phrase)
        if term is None:
            continue
        category = term.text(LOADED, "category")
        connotation = row.text(LABELS, "connotation")
        if connotation in CONTRADICTS.get(category, set()):
            found.append(
                f'{loaded.where(term)}: "{phrase}" is {category} here but a {connotation} label '
                f'at {labels.where(row)} (referent "{row.text(LABELS, "referent")}"); make '
                "the two agree"
            )
    return found


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
