"""Put one component's stub in place when Python starts, for ``scripts/stub_check.py``.

That script puts this folder on ``PYTHONPATH`` and names the component in ``FRAMING_STUB``, so
every Python process of the test run, the tests' own subprocesses and workers included, runs
this file first.  Without ``FRAMING_STUB`` it does nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _install() -> None:
    name = os.environ.get("FRAMING_STUB")
    if not name:
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        import stub_check
    finally:
        sys.path.pop(0)
    stub_check.install(name)


_install()
