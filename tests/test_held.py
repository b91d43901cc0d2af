"""An article's findings held packed come back as they were, and a run that packs them gives
the same framing.json as one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import clean, corpus, extract, held, pipeline, pool
from framing.report import json as json_report

MIXED = Path(__file__).resolve().parent / "data" / "mixed_stories"


@pytest.fixture(scope="module")
def built(parser):
    paths = [MIXED]
    sources = sorted(corpus.read_paths(paths, []), key=lambda s: s.id)
    settings = extract.load_settings(paths)
    work = [(s, clean.find_article(s.text, settings.chrome, start=s.body_start)) for s in sources]
    return extract.build(work, settings, parser)


@pytest.mark.parametrize("pack", [True, False])
def test_held_findings_load_as_they_were(built, pack: bool) -> None:
    for item in built:
        kept = held.hold(item, pack=pack)
        assert kept.load() == item
        assert (kept.packed is not None) == pack
        assert kept.document.id == item[0].id and kept.document.text == item[0].text
        assert kept.document.stance == () and kept.document.attributions == ()
        assert kept.named == tuple(sorted({g for g, _, _ in item[1].mentions}))


def test_packing_leaves_framing_json_as_it_was(parser, monkeypatch) -> None:
    monkeypatch.setattr(pool, "PACK_MIN", 10**9)
    plain, _ = pipeline.analyze([MIXED], parser=parser)
    monkeypatch.setattr(pool, "PACK_MIN", 1)
    packed, _ = pipeline.analyze([MIXED], parser=parser)
    assert len(packed.stories) > 1
    assert json_report.dumps(packed) == json_report.dumps(plain)
