"""Write a report folder atomically: everything goes to a temporary folder beside the target,
which then replaces the target in one rename.  A run that fails or is interrupted before that
rename leaves the earlier report exactly as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from framing.errors import OutputError

# Only a folder holding framing.json is taken for an earlier report: an index.md alone could be
# anybody's documentation folder, and a report replaces the folder whole.
MARKER = "framing.json"


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(
            "expected a folder for the report, got a file; choose another --out", path=str(out)
        )
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(
            "the folder has files in it that framing did not write (no framing.json), and a report replaces the whole folder; choose an empty or new --out",
            path=str(out),
        )


def write_report(out: Path, files: dict[str, str]) -> None:
    """Replace the folder ``out`` with exactly ``files`` (name -> text), all or nothing."""
    _check_target(out)
    for name in files:
        if not name or Path(name).name != name or name.startswith(".") or "\\" in name:
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
            with open(staging / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.chmod(staging, 0o755)
        if out.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=parent))
            os.rename(out, retired / out.name)
            try:
                os.rename(staging, out)
            except OSError:
                os.rename(retired / out.name, out)
                shutil.rmtree(retired, ignore_errors=True)
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the report ({exc.strerror})", path=str(out)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
