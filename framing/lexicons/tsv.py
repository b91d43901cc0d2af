"""Read one TSV lexicon, strict about every line (see ``framing.lexicons``)."""

from __future__ import annotations

import re

from framing.errors import LexiconError
from framing.lexicons.specs import Row, Table, TableSpec, normalize


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
