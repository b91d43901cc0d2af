"""Formatting shared by the markdown sections: escaping, excerpts, links, tables, numbers.

Article text is escaped before it goes into a report: it cannot open a link, a tag or a table
cell.  Numbers have fixed formats so the bytes are the same on every machine.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from framing.records import Document, Span

EXCERPT_CHARS = 90
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
RESERVED_SLUGS = {"index", "framing"}


# C0 and C1 control characters (NUL, ESC, CSI: terminal escapes), unpaired surrogates (which
# cannot be written as UTF-8), and the bidirectional embeddings, overrides and isolates, which
# would reorder the rest of a line as a viewer shows it.  Line breaks and tabs are among them:
# an escaped text is one line.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Make article text inert in markdown: HTML-escaped, markdown syntax backslashed, one line,
    and each control character a space."""
    text = " ".join(_UNSAFE.sub(" ", text).split())
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return escape(text)


def slug(name: str) -> str:
    """A file name for an outlet: ASCII, lower case, no path separators, never empty."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-")
    if not value:
        value = "outlet"
    if value in RESERVED_SLUGS:
        value = f"outlet-{value}"
    return value


def outlet_slugs(documents: Iterable[Document]) -> dict[str, str]:
    """One distinct slug per outlet, stable: outlets are taken in sorted order."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for outlet in sorted({d.outlet for d in documents}):
        base = slug(outlet)
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        result[outlet] = candidate
    return result


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def file_link(doc: Document, *, out_dir: str) -> str:
    """The article file as a link target from a page in ``out_dir``: relative, URL-quoted."""
    target = os.path.relpath(doc.path, out_dir) if not os.path.isabs(doc.path) else doc.path
    return quote(target.replace(os.sep, "/"))


def ref(doc: Document, span: Span, *, out_dir: str) -> str:
    """A link to the line of the file holding ``span`` (GitHub and most viewers honour #L)."""
    line = line_of(doc.text, span.start)
    label = escape(f"{doc.id}:{line}")
    return f"[{label}]({file_link(doc, out_dir=out_dir)}#L{line})"


def fmt(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
