"""The README's Python session runs as written (on a copy of the samples)."""

from __future__ import annotations

import contextlib
import io
import re
import shutil

import pytest
from support import ROOT, SEEDS


def _session() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From Python") :]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found  # a precondition: the README shows a session
    return found.group(1)


def test_the_readme_python_session_runs(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_session(), "README.md", "exec"), {})
    printed = out.getvalue()
    # the attributions it walks, and the two tables it builds
    assert " | organisation | " in printed
    assert "World Israel News" in printed
    assert "emotive" in printed and "unnamed" in printed
    assert (tmp_path / "seeds-csv" / "attributions.csv").is_file()
