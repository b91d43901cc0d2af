"""What a reader must find in reports/index.md alone (the reports issue's acceptance)."""

from __future__ import annotations

import re

import pytest
from support import ROOT

INDEX = ROOT / "reports" / "index.md"


@pytest.fixture(scope="module")
def index() -> str:
    return INDEX.read_text(encoding="utf-8")


def _row(index: str, section: str, first_cell: str) -> list[str]:
    part = index.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    header = next(line for line in part.splitlines() if line.startswith("| "))
    row = next(line for line in part.splitlines() if line.startswith(f"| {first_cell}"))
    names = [c.strip() for c in header.strip("|").split("|")]
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    return [f"{n}={c}" for n, c in zip(names, cells, strict=False)]


@pytest.mark.parametrize("outlet", [r"[Unknown blog \(000\)]", r"[Unknown outlet \(004\)]"])
def test_outlets_quoting_no_named_person(index: str, outlet: str) -> None:
    assert "Named people=0 (0%)" in _row(index, "Sources heard", outlet)


def test_terrorists_against_prisoners_and_detainees(index: str) -> None:
    row = " ".join(_row(index, "Labels for the same referent", "people held by a state"))
    assert re.search(
        r"World Israel News\]\(world-israel-news.md\)=terrorists \(negative, \[003", row
    )
    assert "Unknown blog \\(000\\)](unknown-blog-000.md)=detainees" in row
    assert "Unknown outlet \\(001\\)](unknown-outlet-001.md)=prisoners" in row


@pytest.mark.parametrize(
    ("fact", "values"),
    [
        ("hostages held", ["60 hostages", "58 hostages"]),
        ("Palestinians killed", ["over 30,000", "over 54,000"]),
        ("length of the ceasefire, in days", ["50-day", "60-day"]),
        ("Palestinians released", ["2,000", "1,100", "700"]),
    ],
)
def test_conflicting_numbers_with_links_to_their_sentences(index: str, fact: str, values) -> None:
    row = " ".join(_row(index, "Facts across outlets", fact)).replace("\\-", "-")
    assert "Status=**conflict**" in row
    for value in values:
        assert re.search(
            re.escape(value) + r"[^|]*\]\(\.\./seeds/\d{3}_[0-9a-f]+\.txt#L\d+\)", row
        ), value
