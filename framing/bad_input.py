"""What a run does with an article file or .jsonl record it cannot read (``on_bad``).

stop, the default: the InputError ends the run, as one ``Error:`` line.  skip: the input is left
out and listed as a Rejected, and the run goes on; the CLI prints one ``Warning: ...; left out``
line for each, and the reports list them.  A run that is left with no article at all is still
an error: there is nothing to compare, and an empty report would read as a clean one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing.errors import InputError
from framing.records import Rejected

ON_BAD = ("stop", "skip")


def collector(on_bad: str) -> list[Rejected] | None:
    """What the readers take as ``rejected``: a list to fill for skip, None for stop."""
    if on_bad not in ON_BAD:
        raise ValueError(f"on_bad: expected one of {', '.join(ON_BAD)}, got {on_bad!r}")
    return [] if on_bad == "skip" else None


def reject(exc: InputError, rejected: list[Rejected] | None) -> None:
    """Raise ``exc``, or with a collector, list it there so that reading goes on."""
    if rejected is None:
        raise exc
    rejected.append(Rejected(path=exc.path or "", line=exc.line, reason=exc.message))


def message(item: Rejected) -> str:
    """``path:line: reason``, as the InputError it stands for would print after ``Error:``."""
    return str(InputError(item.reason, path=item.path, line=item.line))


def nothing_left(paths: Sequence[Path], rejected: Sequence[Rejected]) -> InputError:
    """The error of a run whose every article was left out, naming the first."""
    return InputError(
        f"expected at least one article that can be read, got none ({len(rejected)} left out; "
        f"the first, {message(rejected[0])}); fix or remove them",
        path=", ".join(str(p) for p in paths),
    )
