"""The whole pipeline on odd text: every extractor must return, never raise or hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import pipeline
from framing.errors import FramingError

SEED_TEXT = (
    Path(__file__).resolve().parent.parent / "seeds" / "003_8b577698342439a5.txt"
).read_text(encoding="utf-8")
PIECES = st.sampled_from(
    [
        "\u201c", "\u201d", '"', "\u2018", "\u2019", ":", " - ", "(AFP) -", "\n", "\n\n", ",",
        "said", "told", "according to", "He", "they", "Officials", "Smith", "who", "claimed",
        "the group", "terrorists", "prisoners", "brutal", "?", "By Staff", "Read more", "\u00a9",
        "was believed to", "As Reuters reported,", "WASHINGTON", "50/50", "the", ".",
    ]
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(PIECES, min_size=1, max_size=60),
    cut=st.integers(min_value=0, max_value=len(SEED_TEXT)),
)
def test_analyze_survives_odd_text(parser, tmp_path_factory, words: list[str], cut: int) -> None:
    folder = tmp_path_factory.mktemp("odd")
    # Invented fragments, and a real article cut at a random place with fragments spliced in.
    (folder / "a.txt").write_text(" ".join(words), encoding="utf-8")
    (folder / "b.txt").write_text(
        SEED_TEXT[:cut] + " ".join(words) + SEED_TEXT[cut:], encoding="utf-8"
    )
    try:
        analysis, _ = pipeline.analyze([folder], parser=parser)
    except FramingError:
        return  # an empty or unreadable file is reported, not a crash
    for doc in analysis.documents:
        for a in doc.attributions:
            assert doc.text[a.content.span.start : a.content.span.end] == a.content.text
        for t in doc.loaded_terms:
            assert doc.text[t.span.start : t.span.end] == t.text
        for label in doc.labels:
            assert doc.text[label.span.start : label.span.end] == label.text
