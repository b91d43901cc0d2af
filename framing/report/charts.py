"""SVG charts beside the markdown, drawn with matplotlib (the only module that imports it).

Deterministic bytes: the Agg-free SVG backend, a fixed hash salt for element ids, no date in the
metadata, text as paths (so no font is needed to view them), and matplotlib pinned in
pyproject.toml, since another version may draw the same chart with other bytes.  Charts read the
records only; their numbers are the ones the tables next to them show.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter

import matplotlib

matplotlib.use("svg")

from matplotlib import pyplot as plt
from matplotlib.figure import Figure

from framing.records import Analysis
from framing.report.wording import outlet_documents, own_density, too_few_words

STYLE = {
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Colour-blind-safe palette (Okabe and Ito 2008), cycled for sides.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


# Control characters, line separators and unpaired surrogates, which no label should draw.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    # The font has no glyph for some scripts and symbols an outlet or side name may hold (CJK,
    # emoji): matplotlib draws an empty box and warns on stderr once per character.  The box is
    # the answer; the warnings would break the CLI's rule that only warnings of its own reach
    # stderr, so they are silenced here, where the text is drawn.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _label(name: str, limit: int = 28) -> str:
    """A name as chart text: one line, no control characters, shortened, and with each ``$``
    escaped so matplotlib draws it rather than reading mathtext (``$\\frac{$`` would raise)."""
    name = " ".join(_CONTROL.sub(" ", name).split())
    short = name if len(name) <= limit else name[: limit - 1] + "\u2026"
    return short.replace("$", r"\$")


def sources_by_side(analysis: Analysis) -> str | None:
    """Stacked bars: each outlet's attributions by the side of the source."""
    profiles = sorted(analysis.sources, key=lambda p: p.outlet)
    if not profiles:
        return None
    totals: Counter[str] = Counter()
    for p in profiles:
        totals.update(dict(p.sides))
    sides = sorted(totals, key=lambda s: (-totals[s], s))
    inferred = {side for p in profiles for side in p.inferred_sides}
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7, 0.45 * len(profiles) + 1.2))
        left = [0.0] * len(profiles)
        bars = []
        for k, side in enumerate(sides):
            values = [float(dict(p.sides).get(side, 0)) for p in profiles]
            bars.append(
                axes.barh(
                    [_label(p.outlet) for p in profiles],
                    values,
                    left=left,
                    color=PALETTE[k % len(PALETTE)],
                    label=_label(f"{side} (inferred)" if side in inferred else side),
                )
            )
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.invert_yaxis()
        axes.set_xlabel("attributions (sources cited)")
        axes.set_title("Sources heard, by side", loc="left")
        if bars:
            # Handles and labels given, so a side named "_x" is not dropped as matplotlib's
            # private-label convention would, and no bars means no legend (and no warning).
            labels = [_label(f"{s} (inferred)" if s in inferred else s) for s in sides]
            axes.legend(bars, labels, frameon=False, fontsize=8, loc="lower right")
        return _svg(figure)


def loaded_density(analysis: Analysis) -> str | None:
    """Bars: each outlet's loaded terms per 1,000 words of its own voice."""
    docs = outlet_documents(analysis)
    outlets = list(docs)
    if not outlets:
        return None
    values = [own_density(docs[o]) for o in outlets]
    # an outlet with too few words of its own is named with its count (see too_few_words)
    few = {o: too_few_words(docs[o]) for o in outlets}
    labels = [_label(o) + (f" ({few[o]} words)" if few[o] else "") for o in outlets]
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7, 0.45 * len(outlets) + 1.0))
        axes.barh(labels, values, color=PALETTE[0])
        axes.invert_yaxis()
        axes.set_xlabel("loaded terms per 1,000 words of the outlet's own voice")
        axes.set_title("Loaded wording", loc="left")
        return _svg(figure)


def render(analysis: Analysis) -> dict[str, str]:
    """The chart files of a report, by file name (only charts with something to show)."""
    charts = {
        "chart-sources.svg": sources_by_side(analysis),
        "chart-loaded.svg": loaded_density(analysis),
    }
    return {name: svg for name, svg in charts.items() if svg}
