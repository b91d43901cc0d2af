"""Labels across outlets: for each referent, the labels each document gives it.

One row per referent that at least one document names, listing only the documents that name it,
each with its labels as labels.toml lists them ("rebels" for "Kurdish rebels"), sorted and
without repeats, so that the table is the same bytes on every run.  Labels inside quotations
are the speakers' words, not the outlet's choice, so they are left out unless ``quoted=True``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from framing.lexicons import normalize
from framing.records import Document, LabelRow


def table(documents: Iterable[Document], *, quoted: bool = False) -> tuple[LabelRow, ...]:
    """The LabelRows of ``documents``, sorted by referent and, within a row, by document id."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc in documents:
        for mention in doc.labels:
            if mention.quoted and not quoted:
                continue
            # A mention made without labels.toml (older records) still shows its own words.
            found[mention.referent][doc.id].add(mention.label or normalize(mention.text))
    return tuple(
        LabelRow(
            referent,
            tuple((doc_id, tuple(sorted(labels))) for doc_id, labels in sorted(by_doc.items())),
        )
        for referent, by_doc in sorted(found.items())
    )
