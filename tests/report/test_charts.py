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


def test_odd_outlet_names_draw_without_a_warning(seeds_analysis) -> None:
    """No glyph for CJK or emoji, a control character, mathtext, matplotlib's '_' label prefix:
    the charts draw them all and warn about none (a warning would reach the CLI's stderr)."""
    import warnings
    from dataclasses import replace

    names = ["\u65b0\u534e\u793e", "\U0001f4f0 \x1b[31m", "a $\\frac{$ b", "_hidden", "\u202eevil"]
    docs = tuple(
        replace(doc, outlet=name)
        for doc, name in zip(seeds_analysis.documents, names, strict=False)
    )
    profiles = tuple(
        replace(p, outlet=name) for p, name in zip(seeds_analysis.sources, names, strict=False)
    )
    odd = replace(seeds_analysis, documents=docs, sources=profiles)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svgs = charts.render(odd)
    assert sorted(svgs) == ["chart-loaded.svg", "chart-sources.svg"]
    assert (
        "\x1b" not in svgs["chart-sources.svg"] and "<!-- _hidden -->" in svgs["chart-loaded.svg"]
    )
