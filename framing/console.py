"""What the command line prints besides results: a usage error or a framing error as one
``Error: ...`` line, warnings, progress and timings.  Only typer's public API is used: the
exceptions of its parser are told apart by their attributes (``ctx``, ``option_name``,
``possibilities``) and, for the one raised when a command is run with no arguments, by its class
name, as typer itself does (``typer.rich_utils``), so that no private module is imported.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import typer
import typer.core

from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.nlp import ParseStats

T = TypeVar("T")


class OneLineErrors(typer.core.TyperGroup):
    """The top-level group: a usage error is one ``Error: ...`` line on stderr and exit code 2,
    instead of click's usage text and typer's boxed panel; ``--help`` is unchanged."""

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: object,
    ) -> object:
        main = super().main
        if not standalone_mode:
            return main(args, prog_name, complete_var, False, **extra)  # type: ignore[arg-type]
        try:
            result = main(args, prog_name, complete_var, False, **extra)  # type: ignore[arg-type]
        except typer.TyperException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # its message is the help
                if exc.format_message():  # without rich; with it, typer has printed it already
                    typer.echo(exc.format_message(), err=True)
                sys.exit(exc.exit_code)
            argv = sys.argv[1:] if args is None else list(args)
            where = self._command_path(exc, prog_name or "framing", argv)
            typer.echo(f"Error: {usage_message(exc, where)}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Error: aborted", err=True)
            sys.exit(1)
        # Without standalone mode, click returns the code of a typer.Exit (or the command's None).
        sys.exit(result if isinstance(result, int) else 0)

    def _command_path(self, exc: typer.TyperException, prog_name: str, argv: list[str]) -> str:
        """The command the error is in: from click's context, or, where the option parser gave
        none (``--out`` without its value), the command names at the start of the arguments."""
        ctx: Any = getattr(exc, "ctx", None)  # a usage error knows its command's context
        if ctx is not None:
            return str(ctx.command_path)
        path, command = [prog_name], cast(object, self)
        for arg in argv:
            if not isinstance(command, typer.core.TyperGroup) or arg not in command.commands:
                break
            path.append(arg)
            command = command.commands[arg]
        return " ".join(path)


def usage_message(exc: typer.TyperException, command_path: str) -> str:
    """Click's message on one line, with where to find help: ``No such option: --bogus (try
    'framing report --help')``."""
    message = exc.format_message()
    if hasattr(exc, "possibilities"):  # no such option
        unknown: Any = exc  # its attributes are not on TyperException
        # typer's suggestions match on the leading dashes too ('--bogus': '--out'): match the names.
        bare = {option.lstrip("-"): option for option in unknown.possibilities or ()}
        close = difflib.get_close_matches(unknown.option_name.lstrip("-"), sorted(bare), cutoff=0.6)
        message = exc.message
        if close:
            message += f"; did you mean {' or '.join(bare[name] for name in close)}?"
    message = one_line(" ".join(message.splitlines())).rstrip(".")
    return f"{message} (try '{one_line(command_path)} --help')"


# Progress is for long runs only: below this many documents to parse, stay quiet.
PROGRESS_MIN_DOCUMENTS = 50


# Control characters and line separators, which a file name or a quoted line may hold: shown as
# escapes, so that a message stays on one line and cannot move the terminal's cursor.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def run(action: Callable[[], T]) -> T:
    """Call ``action``; turn a FramingError into one line on stderr and exit code 1."""
    try:
        return action()
    except FramingError as exc:
        typer.echo(f"Error: {one_line(str(exc))}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("Error: interrupted; no report was changed", err=True)
        raise typer.Exit(130) from None


def progress() -> Callable[[int, int], None]:
    last = [0.0]

    def show(done: int, total: int) -> None:
        if total < PROGRESS_MIN_DOCUMENTS:
            return
        now = time.monotonic()
        if done == total or now - last[0] > 2:
            last[0] = now
            typer.echo(f"parsed {done}/{total} documents", err=True)

    return show


def warn(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        typer.echo(f"Warning: {one_line(warning)}", err=True)


def stats(s: ParseStats, started: float) -> None:
    typer.echo(
        f"parsed {s.parsed} documents ({s.words_parsed} tokens), {s.cached} from the cache, "
        f"in {time.monotonic() - started:.2f} s",
        err=True,
    )
