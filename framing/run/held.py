"""One article's findings held between the per-document stage and the comparison.

A run of thousands of articles keeps every article's findings until its story is compared and
written, and as Python objects they weigh about 170 KB an article (5,000 articles: 1.5 GB in
framing's process, most of it the stance of each mention with its cues).  So a large run holds
each article packed instead: its findings pickled and compressed (about 13 KB an article,
measured on 200 ABP articles: 41 KB pickled, 12.7 KB after zlib level 1), beside what linking
actors and finding stories read (the article's text and metadata, its actor groups), and
unpacks one story's articles at a time.  The bytes never leave the run: pickle is safe here,
unlike in the disk caches, which store JSON and DocBins.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, replace

from framing.actors.find import Group
from framing.records import Document
from framing.run.documents import Built

# zlib level 1: level 6 packs 10% smaller at twice the time (0.74 against 0.31 ms an article).
LEVEL = 1


@dataclass(frozen=True, slots=True)
class Held:
    """One article: what linking and grouping read, and its findings (``load``)."""

    document: Document  # its text and metadata; the findings left out
    groups: tuple[Group, ...]  # its actor groups, for linking actors across articles
    named: tuple[int, ...]  # the groups its mentions name (every one it scores)
    packed: bytes | None  # the findings, pickled and compressed; else kept as they are in
    built: Built | None

    def load(self) -> Built:
        """The article's findings and pending actors, as ``framing.run.documents.build`` gave them."""
        if self.built is not None:
            return self.built
        assert self.packed is not None
        found: Built = pickle.loads(zlib.decompress(self.packed))
        return found


def light(document: Document) -> Document:
    """``document`` without its findings: the text and metadata that grouping and the index
    read."""
    return replace(
        document,
        attributions=(),
        loaded_terms=(),
        labels=(),
        stance=(),
        harms=(),
        quantities=(),
        readability=(),
        loaded_density=(),
        loaded_sentences=(),
    )


def hold(built: Built, *, pack: bool) -> Held:
    """``built`` held: packed when ``pack``, else as it is (small runs: packing costs about
    2 ms an article and loading it back 3 ms)."""
    document, pending = built
    named = tuple(sorted({group for group, _, _ in pending.mentions}))
    if not pack:
        return Held(light(document), tuple(pending.groups), named, None, built)
    blob = zlib.compress(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL), LEVEL)
    return Held(light(document), tuple(pending.groups), named, blob, None)
