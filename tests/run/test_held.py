"""An article's findings held packed come back as they were, and a run that packs them gives
the same framing.json as one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import DATA

from framing import clean, corpus, nlp, pipeline
from framing.run import documents as extract
from framing.run import held, pool

MIXED = DATA / "mixed_stories"


@pytest.fixture(scope="module")
def built(parser):
    paths = [MIXED]
    sources = sorted(corpus.read_paths(paths, []), key=lambda s: s.id)
    settings = extract.load_settings(paths)
    work = [(s, clean.find_article(s.text, settings.chrome, start=s.body_start)) for s in sources]
    return extract.build(work, settings, parser)


@pytest.mark.parametrize("pack", [True, False])
def test_held_findings_load_as_they_were(built, pack: bool) -> None:
    # attributions and mentions were found: the held document leaves them out
    assert any(item[0].attributions for item in built)
    assert any(item[1].mentions for item in built)
    for item in built:
        kept = held.hold(item, pack=pack)
        assert kept.load() == item
        assert (kept.packed is not None) == pack
        assert kept.document.id == item[0].id and kept.document.text == item[0].text
        assert kept.document.stance == () and kept.document.attributions == ()
        assert kept.named == tuple(sorted({g for g, _, _ in item[1].mentions}))


@pytest.mark.parametrize("jobs", [1, 2])
def test_packing_leaves_the_report_as_it_was(jobs: int, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(nlp.parser, "PARALLEL_MIN", 1)  # with 2 jobs, workers pack them
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pool, "PACK_MIN", 10**9)
    pipeline.report([MIXED], out=tmp_path / "plain", jobs=jobs)
    monkeypatch.setattr(pool, "PACK_MIN", 1)
    packed = []
    real = held.hold
    monkeypatch.setattr(pool, "hold", lambda b, pack: packed.append(pack) or real(b, pack=pack))
    monkeypatch.setattr(pipeline, "hold", pool.hold)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache2"))  # parsed again
    _, _, names = pipeline.report([MIXED], out=tmp_path / "packed", jobs=jobs)
    assert names
    for name in names:
        assert (tmp_path / "packed" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()
    if jobs == 1:  # (a worker's calls are in its own process)
        assert packed and all(packed)


def test_analyze_never_packs(parser, monkeypatch) -> None:
    monkeypatch.setattr(pool, "PACK_MIN", 1)
    seen = []
    real = held.hold
    monkeypatch.setattr(pool, "hold", lambda b, pack: seen.append(pack) or real(b, pack=pack))
    analysis, _ = pipeline.analyze([MIXED], parser=parser)
    assert len(analysis.stories) > 1 and seen and not any(seen)
