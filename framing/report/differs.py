"""'What differs': the few sentences that open an index, each written from the findings with the
strongest evidence and linked to it.

The kinds, in this order, each with its cap:
- figures that conflict (a fact whose outlets give different values) where one event, label or
  named payment ties them (``Fact.tied``), the facts most outlets report first;
- a label only one outlet uses, in its own voice, for the people others name too (a group name
  both give, or a whole class);
- an outlet that quotes no named person, or hears one side only (every named voice of one side)
  where others hear more;
- a fact most articles report and one leaves out.
Stance and loaded wording are not among them, and the section says why (NOT_COMPARED): read
against annotators and beside the articles, too few such sentences held.
A kind with nothing to say says so when fewer than MIN_SENTENCES sentences were found, so the
section never reads as if nothing was checked.  Sentences are plain English; nothing is said
that a finding does not support.
"""

from __future__ import annotations

import re

from framing.records import SHARES, Analysis, Document, Fact, FactValue, LabelMention
from framing.report.compare import left_out
from framing.report.summary import count, times
from framing.report.text import escape, ref

MIN_SENTENCES = 4
MAX_SENTENCES = 8
CONFLICTS, LABELS, SOURCES, OMISSIONS = 3, 2, 2, 2
# Why no sentence compares stance or loaded wording (NOT_COMPARED).  Stance:
# evaluation/stance_pairs.py, on SEESAW's train and valid stories (162 stories, dev): of the 101
# pairs of outlets whose stance toward one actor would have been said to differ (the classes
# differ, the scores are apart beyond noise), annotators gave the "more negative" article the
# lower value in 38, the same in 30 and the higher in 33; over all 635 pairs the share is no
# better (246 right).  Loaded wording: of 13 "uses the most loaded wording" sentences read beside
# SEESAW dev articles (two samples, before and after counting only words no other outlet uses),
# 5 rested on words a reader calls loaded; the others on literal uses the lexicon counts
# (a charge of lying counted as "lying", a plan "laid out", an impersonator called "fake").
NOT_COMPARED = (
    "Stance and loaded wording are not compared here: read against annotators and beside the "
    "articles, too few such sentences held (where framing's stance scores for two outlets "
    "differ beyond noise, annotators saw the same difference in about four pairs in ten). The "
    "tables below and each outlet's page give both, with the evidence of every term and mention."
)


def section(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    """The "What differs" section of an index: its heading and its sentences as a list."""
    found = sentences(analysis, slugs, out_dir)
    return ["## What differs", "", *(f"- {s}" for s in found), "", NOT_COMPARED, ""]


def sentences(analysis: Analysis, slugs: dict[str, str], out_dir: str) -> list[str]:
    docs = {d.id: d for d in analysis.documents}
    outlets = sorted({d.outlet for d in analysis.documents})
    if len(outlets) < 2:
        return ["Only one outlet is in this report: there is nothing to compare."]
    # each kind's sentence when it finds nothing says what was checked, and where the rows it
    # could not tie are (a bare "nothing differs" would be false where they do)
    no_figure = "No figure differs between the outlets."
    if any(f.status == "conflict" for f in analysis.facts):
        no_figure = (
            "No exact figure of one event, referent or named payment differs between the outlets "
            "(the facts table also lists figures that differ where framing cannot tell they are "
            "one fact: shares, poll leads, vague counts, terms of proposals and figures tied only "
            "by what they count)."
        )
    no_omission = "No outlet leaves out a fact most articles report."
    if analysis.omissions:
        no_omission = (
            'No outlet surely leaves out a figure most articles give ("What each outlet leaves '
            'out" lists the rows framing cannot tie to one fact).'
        )
    kinds = [
        (_conflicts(analysis, docs, out_dir), no_figure),
        (_labels(analysis, docs, out_dir), "No outlet alone uses a label for a shared referent."),
        (_sources(analysis, slugs, docs, out_dir), "No outlet that cites three sources or more quotes no named person, or only one party's people and organisations."),
        (_omissions(analysis, docs, out_dir), no_omission),
    ]  # fmt: skip
    found = [s for said, _ in kinds for s in said][:MAX_SENTENCES]
    for said, none in kinds:
        if len(found) >= MIN_SENTENCES:
            break
        if not said:
            found.append(none)
    return found


def _link(outlet: str, slugs: dict[str, str]) -> str:
    """The outlet's name, linked to its page."""
    return f"[{escape(outlet)}]({slugs[outlet]}.md)"


def _given(value: FactValue, docs: dict[str, Document], out_dir: str) -> str:
    """One outlet's figure, with its evidence: "Outlet 58 hostages ([doc:7](...))"."""
    doc = docs[value.doc]
    return f"{escape(doc.outlet)} {escape(value.text)} ({ref(doc, value.span, out_dir=out_dir)})"


def _conflicts(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    # shares and leads (percent, points) are left out: a reader's audit of poll stories found
    # most of their rows mixing candidates or races (README, facts); so are vague values
    # ("thousands"), whose rows are the weakest kind; and so are figures tied only by the word
    # they count, and the terms of proposals (``Fact.tied``)
    rows = [
        f
        for f in analysis.facts
        if f.status == "conflict"
        and f.unit not in SHARES
        and f.tied
        and all(v.value is not None for v in f.values)
    ]
    # strongest first: the most outlets giving an exact figure ("58 hostages", not "over 30,000"
    # or "tens of thousands"), then the most outlets
    rows.sort(
        key=lambda f: (
            -len({docs[v.doc].outlet for v in f.values if v.value is not None and not v.qualifier}),
            -len({docs[v.doc].outlet for v in f.values}),
            f.what,
            f.id,
        )
    )
    said = []
    for fact in rows:
        shown = _one_per_outlet(fact, docs)
        if len({_amount(v) for v in shown}) < 2:
            continue
        parts = [_given(v, docs, out_dir) for v in shown]
        said.append(f"**Figures differ** on {escape(fact.what)}: {_join(parts, 'against')}.")
        if len(said) == CONFLICTS:
            break
    return said


def _amount(value: FactValue) -> object:
    return value.value if value.value is not None else value.text


def _one_per_outlet(fact: Fact, docs: dict[str, Document]) -> list[FactValue]:
    """The first value each outlet gives, outlets in order."""
    first: dict[str, FactValue] = {}
    for v in sorted(fact.values, key=lambda v: (docs[v.doc].outlet, v.doc, v.span)):
        first.setdefault(docs[v.doc].outlet, v)
    return list(first.values())


def _join(parts: list[str], word: str) -> str:
    return f" {word} ".join([parts[0], "; ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def _labels(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    said = []
    for row in analysis.labels:
        # each outlet's own-voice mentions of the referent
        mentions: dict[str, list[tuple[Document, LabelMention]]] = {}
        for doc_id, _ in row.by_doc:
            doc = docs[doc_id]
            for m in doc.labels:
                if m.referent == row.referent and not m.quoted:
                    mentions.setdefault(doc.outlet, []).append((doc, m))
        if len(mentions) < 2:
            continue
        for outlet in sorted(mentions):
            mine = {m.label for _, m in mentions[outlet]}
            theirs = [m for o, found in mentions.items() if o != outlet for _, m in found]
            if mine & {m.label for m in theirs}:
                # it also uses the others' word for the referent: its own word is no substitute
                # and may name another group ("protesters" here, a "mob" around a candidate there)
                continue
            for label in sorted(mine):
                found = _tied(label, mentions[outlet], theirs)
                if found is None:
                    continue
                doc, mention, same = found
                said.append(
                    f"**Only {escape(outlet)}** calls {escape(row.referent)} "
                    f'"{escape(label)}" ({escape(mention.connotation)}, '
                    f"{ref(doc, mention.span, out_dir=out_dir)}); the others say "
                    f"{', '.join(chr(34) + escape(o) + chr(34) for o in same)}."
                )
    return said[:LABELS]


def _tied(
    label: str, mine: list[tuple[Document, LabelMention]], theirs: list[LabelMention]
) -> tuple[Document, LabelMention, list[str]] | None:
    """The outlet's first mention of ``label`` that is no neutral word (a neutral word of one's
    own is style, not a frame) and names the people the others' words name, with those words:
    any of theirs, for a whole class; else those with a group name the mention gives too
    ("Kurdish terrorists" and "Kurdish prisoners"), since "a terror group" in one article
    and "the gunman" in another are two referents (SEESAW dev stories, read beside the
    articles: 3 of 7 label sentences were so, before)."""
    for doc, mention in mine:
        if mention.label != label or mention.connotation == "neutral":
            continue
        same = sorted({m.label for m in theirs if mention.whole or _group(mention) & _group(m)})
        if same:
            return doc, mention, same
    return None


def _group(mention: LabelMention) -> set[str]:
    """The group name before a label ("Kurdish" in "Kurdish prisoners"), lower case."""
    label = {w.rstrip("s") for w in mention.label.lower().split()}
    return {w for w in mention.text.lower().split() if w.rstrip("s") not in label}


def _sources(
    analysis: Analysis, slugs: dict[str, str], docs: dict[str, Document], out_dir: str
) -> list[str]:
    said = []
    sided = {p.outlet: {s for s, n in p.sides if n and s != "unknown"} for p in analysis.sources}
    for profile in analysis.sources:
        link = _link(profile.outlet, slugs)
        kinds = dict(profile.kinds)
        if profile.attributions >= 3 and not kinds.get("named"):
            cited = [
                f"{_KINDS.get(kind, kind + 's')} {times(n)}"
                for kind, n in sorted(kinds.items())
                if n and kind != "named"
            ]
            said.append(f"**{link} quotes no named person**: it cites {_and(cited)}.")
        mine = sided[profile.outlet]
        wider = [o for o, s in sided.items() if o != profile.outlet and len(s) >= 2]
        # one side only when every person and organisation it cites is tagged with that side: a
        # voice with no party tag (a government office, a party member named only by a
        # title, the other party to a lawsuit) may be the other side (SEESAW dev stories,
        # read beside the articles: 5 of 8 "one side only" sentences were wrong while untagged
        # voices were let through)
        voices = [v for v in profile.speakers if v.kind in {"named", "organisation"}]
        if profile.attributions >= 3 and len(mine) == 1 and wider and voices:
            (side,) = mine
            if any(v.side != side for v in voices):
                continue
            heard = [
                f"{escape(v.speaker)} ({ref(docs[v.doc], v.evidence, out_dir=out_dir)})"
                for v in voices[:3]
            ]
            more = f" and {count(len(voices) - 3, 'other')}" if len(voices) > 3 else ""
            said.append(
                f"**{link} hears one side only**: the people and organisations it quotes are all "
                f"{escape(side)} ({', '.join(heard)}{more}), where "
                f"{count(len(wider), 'other outlet')} {'hears' if len(wider) == 1 else 'hear'} "
                "two sides or more."
            )
    return said[:SOURCES]


_KINDS = {"organisation": "organisations", "unnamed": "unnamed sources", "document": "documents"}


def _and(parts: list[str]) -> str:
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def _omissions(analysis: Analysis, docs: dict[str, Document], out_dir: str) -> list[str]:
    total = len(analysis.documents)
    facts = {f.id: f for f in analysis.facts}
    said = []
    # only the omissions framing is sure of (``Omission.doubt``, compare/omissions) that the
    # outlet makes: none of its other articles gives the figure
    outlets = sorted({d.outlet for d in analysis.documents})
    made = [o for outlet in outlets for o in left_out(analysis, outlet)]
    unsure = {(docs[o.doc].outlet, o.fact) for o in made if not o.sure}
    seen = set()
    for omission in sorted(made, key=lambda o: (-len(o.covered_by), o.what, o.doc)):
        key = (docs[omission.doc].outlet, omission.fact)
        fact = facts.get(omission.fact)
        if fact is None or key in unsure or key in seen:
            continue  # an article of the outlet may give it; two that leave it out: one sentence
        seen.add(key)
        given = [_given(v, docs, out_dir) for v in _one_per_outlet(fact, docs)]
        what = f" ({escape(fact.what)})" if re.search(r"[a-z]{3}", fact.what.lower()) else ""
        said.append(
            f"**{escape(docs[omission.doc].outlet)} leaves out a figure** that "
            f"{len(omission.covered_by)} of the {total} articles give{what}: {'; '.join(given)}."
        )
    return said[:OMISSIONS]
