"""The ``.jsonl`` format: a file's lines, streamed one at a time, each parsed into a JSON object.

``framing.corpus`` turns each object into an article; this module knows only the format, and says
what is wrong with a line as an InputError naming it.  Whether a bad line stops the reading is
the caller's choice (``read_on``): the messages say how far the reading went.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from framing.errors import InputError

_JSON_TYPES = {"list": "list", "str": "string", "int": "number", "float": "number"}
_JSON_TYPES |= {"bool": "true or false", "NoneType": "null"}
_STOPPED = "; the lines before it were read, none after"


def lines(
    path: Path, *, limit: int, shown: str, read_on: bool = False
) -> Iterator[tuple[int, bytes | InputError]]:
    """Each line of a (gzipped) file that is not blank, with its number, never holding more
    than ``limit`` bytes.

    A longer line is given as the InputError that refuses it; with ``read_on``, the rest of it
    is then read away a piece at a time and the next line follows.  A file that cannot be read
    (or whose gzip stream breaks) raises InputError."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            number = 0
            while raw := handle.readline(limit + 1):
                number += 1
                if len(raw) <= limit:
                    if raw.strip():  # a blank line is no record, but it is counted
                        yield number, raw
                    continue
                yield (
                    number,
                    InputError(
                        f"expected a line of at most {limit:,} bytes (one article), got a longer one"
                        + ("" if read_on else _STOPPED),
                        path=shown,
                        line=number,
                    ),
                )
                # Only a caller that reads on comes back here: the line's end is the next start.
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read the file ({exc})", path=shown) from None


def parse(line: str, *, shown: str, number: int, read_on: bool = False) -> dict[str, Any]:
    """The JSON object on one line, else an InputError naming the line (with ``read_on``, the
    message of invalid JSON does not say that reading stopped there)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            # some of json's messages end in "at" ("Invalid control character at")
            f"expected a JSON object, got invalid JSON ({exc.msg.removesuffix(' at')} at column "
            f"{exc.colno})" + ("" if read_on else _STOPPED),
            path=shown,
            line=number,
        ) from None
    except RecursionError:  # '[[[[...' thousands deep: the decoder recurses once a level
        raise InputError(
            "expected a JSON object, got JSON nested too deep to read"
            + ("" if read_on else _STOPPED),
            path=shown,
            line=number,
        ) from None
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object, got a JSON {_JSON_TYPES[type(record).__name__]}",
            path=shown,
            line=number,
        )
    return record
