"""The whole pipeline on odd text: every extractor must return, never raise or hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing import pipeline
from framing.errors import FramingError
from framing.report import markdown

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
# found by hypothesis: a scare quote with spaces inside its marks was cited one character early
@example(words=["the", "\u201c", "Officials", "\u201d"], cut=0)
# and an "according to" closing a paragraph with no full stop made a backwards span (a crash)
@example(
    words=["Officials", "said", "the", "group", "claimed", ",", "according to", "the group", "\n\n",
           "WASHINGTON", "."],
    cut=0,
)  # fmt: skip
# and a relative clause ending the text read one token past it (a crash)
@example(words=["\u201c", "the group", "50/50", "the group", "said"], cut=0)
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


def _story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Harbour Herald\n\nThe union said the brutal lockout left 40 workers without pay. "
        "Officials rejected the claim on Monday.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Daily Tide\n\nPort officials said 42 workers were affected by the dispute.\n",
        encoding="utf-8",
    )
    return folder


def test_cached_findings_are_the_findings_of_a_fresh_run(parser, tmp_path: Path) -> None:
    from framing.nlp import Parser
    from framing.report import json as json_report

    folder = _story(tmp_path)
    first, _ = pipeline.analyze([folder], parser=parser)
    again, _ = pipeline.analyze([folder], parser=parser)  # every stage read from the cache
    fresh, _ = pipeline.analyze([folder], parser=Parser(parser.nlp, None))  # no cache at all
    assert json_report.dumps(first) == json_report.dumps(again) == json_report.dumps(fresh)


def test_a_lexicon_edit_reruns_only_the_stages_that_read_it(
    parser, tmp_path: Path, monkeypatch
) -> None:
    from framing import lexicons
    from framing.features import quantities

    folder, copy = _story(tmp_path), tmp_path / "lexicons"
    lexicons.init(copy)
    before, _ = pipeline.analyze([folder], parser=parser, lexicon_dir=copy)
    assert any(d.quantities for d in before.documents)  # numbers were found, to be kept
    with (copy / "loaded.tsv").open("a", encoding="utf-8") as handle:
        handle.write("lockout\temotive\t0.6\n")

    def not_again(*args, **kwargs):
        raise AssertionError("numbers were read again though no number lexicon changed")

    monkeypatch.setattr(quantities, "extract", not_again)
    after, _ = pipeline.analyze([folder], parser=parser, lexicon_dir=copy)
    terms = {t.text for d in after.documents for t in d.loaded_terms}
    assert "lockout" in terms and "lockout" not in {
        t.text for d in before.documents for t in d.loaded_terms
    }
    assert [d.quantities for d in after.documents] == [d.quantities for d in before.documents]


def test_sentence_evidence_starts_and_ends_in_the_article(parser, tmp_path: Path) -> None:
    """A sentence that opens the parse after masked front matter and page chrome begins with a
    blank token spanning them: its evidence must still start at the article's first word."""
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Strike\n---\nSkip to main content\n\n"
        "Police brutally killed 12 strikers on Monday.\n",
        encoding="utf-8",
    )
    analysis, _ = pipeline.analyze([path], parser=parser)
    (doc,) = analysis.documents
    sentences = [span for span, _ in doc.loaded_sentences]
    sentences += [q.sentence for q in doc.quantities] + [h.sentence for h in doc.harms]
    assert len(sentences) == 3
    for span in sentences:
        assert doc.text[span.start : span.end] == "Police brutally killed 12 strikers on Monday."


def test_attribution_content_stops_before_masked_chrome(parser, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Dock strike enters second week\n\n"
        "About 1,200 workers have joined the walkout, according to the union, while the board "
        "said 900 were on strike.\nRead more: Port strike timeline\n",
        encoding="utf-8",
    )
    analysis, _ = pipeline.analyze([path], parser=parser)
    (doc,) = analysis.documents
    found = {(a.cue.text, a.content.text) for a in doc.attributions if a.content}
    assert found == {
        ("according to", "About 1,200 workers have joined the walkout"),
        ("said", "900 were on strike"),
    }


def test_a_title_given_in_front_matter_is_read_for_loaded_words(parser, tmp_path: Path) -> None:
    front = "---\noutlet: Harbour Herald\ntitle: Brutal raid shocks the port\n---\n"
    body = "Police raided the port on Monday. Twelve people were held.\n"
    (tmp_path / "a.md").write_text(front + body, encoding="utf-8")
    analysis = pipeline.analyze([tmp_path / "a.md"], parser=parser)[0]
    (doc,) = analysis.documents
    found = [(t.text, t.headline, t.counted) for t in doc.headline_terms]
    assert ("Brutal", True, True) in found  # the title's word, offsets into the title
    (brutal,) = [t for t in doc.headline_terms if t.text == "Brutal"]
    assert doc.title is not None and doc.title[brutal.span.start : brutal.span.end] == "Brutal"
    assert not any(t.text == "Brutal" for t in doc.loaded_terms)  # not the body's
    page = markdown.render(analysis, out_dir="reports")
    assert "Brutal raid shocks the port: Brutal (emotive)" in page["harbour-herald.md"]


def test_a_loaded_word_in_a_named_sources_paraphrase_is_reported(parser, tmp_path: Path) -> None:
    text = (
        "Mayor Ann Reed said on Monday that the plan was a disgraceful betrayal of the port.\n\n"
        "The disgraceful plan was passed on Tuesday by the council.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    analysis = pipeline.analyze([tmp_path / "a.txt"], parser=parser)[0]
    (doc,) = analysis.documents
    found = [(t.span.start < text.index("\n"), t.reported, t.counted) for t in doc.loaded_terms
             if t.text.lower() == "disgraceful"]  # fmt: skip
    assert found == [(True, True, False), (False, False, True)]


def test_the_sentence_score_joins_the_model_and_fast_leaves_it_out(parser, tmp_path: Path) -> None:
    text = (
        "The brutal, shameful raid was a disgrace to the whole city.\n\n"
        "The council met on Tuesday at ten.\n\n"
        '"This raid was a shameful, brutal disgrace," the mayor said.\n'
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    scores = {}
    for fast in (False, True):
        (doc,) = pipeline.analyze([tmp_path / "a.txt"], parser=parser, fast=fast)[0].documents
        scores[fast] = {text[s.start : s.end][:9]: score for s, score in doc.loaded_sentences}
    loud, plain, quote = "The bruta", "The counc", '"This rai'
    assert set(scores[False]) >= {loud, plain}  # the precondition: both sentences scored
    # with the model: a rank mean in 0..1; a plain sentence still gets its tone's share
    assert 0 < scores[False][plain] < scores[False][loud] <= 1
    # a quotation with no word of the outlet's own scores 0 (the JSON leaves it out)
    assert scores[False][quote] == 0.0
    # --fast: the weights of the outlet's own terms, 0 for a sentence without one
    assert scores[True][loud] > 1 and scores[True][plain] == 0
