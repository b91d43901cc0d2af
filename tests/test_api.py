"""The public API: what ``framing.__all__`` names, and that ``import framing`` stays light."""

from __future__ import annotations

import subprocess
import sys

import framing


def test_every_public_name_resolves_and_all_lists_them() -> None:
    names = set(framing.__all__)
    assert {"analyze", "write_report", "Lexicons", "Document", "Analysis"} <= names
    for name in names:
        assert getattr(framing, name) is not None, name
    assert framing.write_report.__module__ == "framing.pipeline"
    assert framing.load_lexicons.__module__ == "framing.lexicons.files"


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        framing.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected an AttributeError")


def test_importing_framing_loads_neither_spacy_nor_the_pipeline() -> None:
    code = "import sys, framing; print('spacy' in sys.modules, 'framing.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_package_is_typed() -> None:
    from importlib.resources import files

    assert files("framing").joinpath("py.typed").is_file()
