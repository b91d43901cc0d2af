"""Charts: SVG files that render on GitHub, the same bytes every run."""

from __future__ import annotations

from framing.report import charts


def test_charts_are_svg_and_the_same_bytes_twice(seeds_analysis) -> None:
    first, second = charts.render(seeds_analysis), charts.render(seeds_analysis)
    assert sorted(first) == ["chart-loaded.svg", "chart-sources.svg"]
    assert first == second
    for svg in first.values():
        assert svg.startswith("<?xml") and "<svg" in svg and "<dc:date>" not in svg


def test_an_outlet_name_cannot_inject_markup(seeds_analysis) -> None:
    from dataclasses import replace

    doc = replace(seeds_analysis.documents[0], outlet='<script>alert("x")</script>')
    svg = charts.loaded_density(replace(seeds_analysis, documents=(doc,)))
    assert svg is not None and "<script>" not in svg
