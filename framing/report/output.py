"""Write a report folder atomically: everything goes to a temporary folder beside the target,
which then replaces the target in one rename.  A run that fails or is interrupted before that
rename leaves the earlier report exactly as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from framing.errors import OutputError
from framing.records import REPORT_MARKER

# Only a folder holding framing.json is taken for an earlier report: an index.md alone could be
# anybody's documentation folder, and a report replaces the folder whole.
MARKER = REPORT_MARKER

# A file's text, or a function that gives it in pieces (written as they come, never held whole).
Content = str | Callable[[], Iterable[str]]


def _check_target(out: Path) -> None:
    for ancestor in out.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise OutputError(
                    f"expected a folder for the report, but {ancestor} is a file; "
                    "choose another --out",
                    path=str(out),
                )
            break
    if out.exists() and not out.is_dir():
        raise OutputError(
            "expected a folder for the report, got a file; choose another --out", path=str(out)
        )
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(
            "the folder has files in it that framing did not write (no framing.json), and a report replaces the whole folder; choose an empty or new --out",
            path=str(out),
        )


@contextlib.contextmanager
def _interrupt_after() -> Iterator[None]:
    """Hold Ctrl-C back while the old report and the new one change places, so that the folder
    is always one whole report.  The swap takes microseconds; a Ctrl-C that lands in it finds
    the run finished, and is dropped."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _swap(staging: Path, out: Path, parent: Path) -> None:
    """Put ``staging`` in the place of ``out``; on any failure ``out`` is as it was."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=parent))
    os.rename(out, retired / out.name)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired / out.name, out)
        shutil.rmtree(retired, ignore_errors=True)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _safe(name: str) -> bool:
    """A file name, or up to two folders and a file name ("story/index.md", a story's page;
    "story/articles/a.html", an article's page in it), with no part that is empty, hidden, a
    parent reference or a path of its own."""
    parts = name.split("/")
    return 0 < len(parts) <= 3 and all(
        part and Path(part).name == part and not part.startswith(".") and "\\" not in part
        for part in parts
    )


def write_report(out: Path, files: Mapping[str, Content]) -> None:
    """Replace the folder ``out`` with exactly ``files`` (name -> text or a function giving it
    in pieces, a name being a file or ``folder/file``), all or nothing."""
    _check_target(out)
    for name in files:
        if not _safe(name):
            raise OutputError(f"refusing to write a report file named {name!r}", path=str(out))
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    except OSError as exc:
        raise OutputError(
            f"cannot create the report folder ({exc.strerror})", path=str(out)
        ) from None
    try:
        for name, text in sorted(files.items()):
            if "/" in name:
                (staging / name).parent.mkdir(mode=0o755, parents=True, exist_ok=True)
            with open(staging / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(text() if callable(text) else (text,))
        os.chmod(staging, 0o755)
        with _interrupt_after():
            _swap(staging, out, parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the report ({exc.strerror})", path=str(out)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
