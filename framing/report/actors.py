"""Report sections on actors: stance toward each actor, and agency (who is shown doing harm)."""

from __future__ import annotations

from collections import Counter

from framing.records import Analysis, Document, Harm, OutletStance
from framing.report.text import escape, excerpt, fmt, ref, table

MAX_ACTORS = 12  # rows of the index's stance table (see _actor_rows)
HIDDEN = ("agentless", "intransitive", "inanimate")
VOICES = ("active", "passive-by", "agentless", "intransitive", "inanimate", "nominal")

STANCE_NOTE = (
    "Stance: the mean score of the actor's mentions in the outlet's own words, pressed toward "
    "-1 by the explicit negative cues among them (blame frames, doer of a harm, hostile naming "
    "words), from -1 (negative) to 1 (positive), with its class (neutral between -0.3 and 0.3) "
    "and the number of mentions; an outlet's stance is shown when it names the actor at least "
    "twice in its own words, and a place only when the text makes it act. "
    "A mention's score is {model} plus blame and credit frames (`lexicons/frames.tsv`), harm "
    "roles (`lexicons/harm.tsv`: doer of a harm is cast as aggressor, the harmed as victim) and "
    "valenced words naming the actor (`lexicons/valence.tsv`, VADER). On NewsMTSC sentences "
    "held out from training the mention class agrees with readers at about {agree} macro-F1: "
    "read single scores with care, and patterns across many mentions with more trust. "
    "Mentions inside quotations are the speakers' and are left out."
)
# Which model scored the mentions (Analysis.pipeline), and its macro-F1 on NewsMTSC devtest_mt
# (evaluation/newsmtsc.py: 0.746 learned, 0.625 rules only).
MODELS = {
    "accurate": ("a learned model's (MiniLM-L6 fine-tuned on NewsMTSC, `framing/models/stance`)", "0.75"),
    "fast": ("the rules-only model's of `--fast` (`lexicons/stance_model.tsv`, trained on NewsMTSC)", "0.63"),
}  # fmt: skip


def stance_note(pipeline: str) -> str:
    """The stance note for the mention model that ran."""
    model, agree = MODELS.get(pipeline, MODELS["accurate"])
    return STANCE_NOTE.format(model=model, agree=agree)


AGENCY_NOTE = (
    "Agency: each harm verb or noun of `lexicons/harm.tsv` and how the sentence presents it. "
    '*Active*: a named doer does it; *passive-by*: done "by" a named doer; *agentless*: '
    'passive with no doer ("were killed"); *intransitive*: the harmed as subject ("died"); '
    '*inanimate*: a weapon or event as the doer ("airstrikes killed"); *nominal*: a noun '
    '("the death toll"). Hidden doer: agentless, intransitive and inanimate, as a share of the '
    "verbs. Quoted speech is left out."
)


# Which actors come first in the index: people and bodies before groups, places last.
KIND_ORDER = {"person": 0, "organisation": 0, "group": 1, "place": 2}


def _actor_rows(analysis: Analysis) -> list[str]:
    """The actors some outlet takes a stance toward, by importance: people and organisations
    before groups and places, then by own-voice mentions summed across outlets (so the story's
    central actor comes first), then by name."""
    mentions: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for st in analysis.outlet_stances:
        mentions[st.actor] += st.mentions
        kinds[st.actor] = st.kind
    ranked = sorted(mentions, key=lambda a: (KIND_ORDER.get(kinds[a], 1), -mentions[a], a))
    return ranked[:MAX_ACTORS]


def stance_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    outlets = sorted(slugs)
    pooled = {(st.outlet, st.actor): st for st in analysis.outlet_stances}
    rows = []
    for actor in _actor_rows(analysis):
        cells = []
        for outlet in outlets:
            found = pooled.get((outlet, actor))
            if found is None:  # (an outlet stance has two mentions or more: stances.by_outlet)
                cells.append("\u2014")
                continue
            shown = ", ".join(escape(n) for n in found.names[:3])
            score = found.score or 0.0
            cells.append(f"{fmt(score, 2)} {found.label[:3]} ({found.mentions}; {shown})")
        rows.append([escape(actor), *cells])
    header = ["Actor", *(f"[{escape(o)}]({slugs[o]}.md)" for o in outlets)]
    return table(header, rows)


def stance_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Stance toward actors", "", stance_note(analysis.pipeline), ""]
    if not any(d.stance for d in analysis.documents):
        return [*lines, "No actors found.", ""]
    lines += stance_table(analysis, slugs)
    return [*lines, ""]


def _own_harms(docs: list[Document]) -> list[tuple[Document, Harm]]:
    return [(d, h) for d in docs for h in d.harms if not h.quoted]


def _top(names: Counter[str], limit: int = 3) -> str:
    ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return ", ".join(f"{escape(n)} ({c})" for n, c in ranked) or "\u2014"


def agency_table(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    rows = []
    for outlet in sorted(slugs):
        harms = [h for _, h in _own_harms([d for d in analysis.documents if d.outlet == outlet])]
        voices = Counter(h.voice for h in harms)
        verbs = sum(voices[v] for v in VOICES if v != "nominal")
        hidden = sum(voices[v] for v in HIDDEN)
        share = f"{100 * hidden / verbs:.0f}%" if verbs else "\u2014"
        rows.append(
            [
                f"[{escape(outlet)}]({slugs[outlet]}.md)",
                *(str(voices[v]) for v in VOICES),
                share,
                _top(Counter(h.doer for h in harms if h.doer)),
                _top(Counter(h.harmed for h in harms if h.harmed)),
            ]
        )
    header = ["Outlet", *VOICES, "Hidden doer", "Shown harming", "Shown harmed"]
    return table(header, rows)


def agency_section(analysis: Analysis, slugs: dict[str, str]) -> list[str]:
    lines = ["## Agency: who is shown doing harm", "", AGENCY_NOTE, ""]
    lines += agency_table(analysis, slugs)
    return [*lines, ""]


def outlet_stance_section(
    stances: list[OutletStance],
    docs: list[Document],
    out_dir: str,
    limit: int = 8,
    *,
    pipeline: str = "accurate",
) -> list[str]:
    """The outlet's stance toward its most mentioned actors (``stances``, the outlet's), each
    with its strongest mentions in ``docs`` (the outlet's documents); ``pipeline`` the mention
    model that ran."""
    lines = ["## Stance toward actors", "", stance_note(pipeline), ""]
    rows = []
    for pooled in sorted(stances, key=lambda st: (-st.mentions, st.actor))[:limit]:
        actor, count, names = pooled.actor, pooled.mentions, pooled.names
        score, label = pooled.score or 0.0, pooled.label
        pairs = [(doc, st) for doc in docs for st in doc.stance if st.actor == actor]
        strongest = sorted(
            ((abs(m.score), doc, m) for doc, st in pairs for m in st.details if not m.quoted),
            key=lambda item: (-item[0], item[1].id, item[2].span.start),
        )[:2]
        evidence = []
        for _, doc, m in strongest:
            cues = ", ".join(f"{escape(c.text)} ({fmt(c.valence, 2)})" for c in m.cues[:3])
            evidence.append(f"{ref(doc, m.span, out_dir=out_dir)} {fmt(m.score, 2)}: {cues}")
        rows.append(
            [
                escape(actor),
                f"{fmt(score, 2)} {label}",
                str(count),
                ", ".join(escape(n) for n in names[:4]),
                "; ".join(evidence),
            ]
        )
    if not rows:
        return [*lines, "No actors found.", ""]
    lines += table(["Actor", "Stance", "Mentions", "Named as", "Strongest mentions"], rows)
    return [*lines, ""]


def outlet_agency_section(docs: list[Document], out_dir: str, limit: int = 10) -> list[str]:
    lines = ["## Agency", "", AGENCY_NOTE, ""]
    harms = _own_harms(docs)
    if not harms:
        return [*lines, "No harm verbs or nouns in the outlet's own words.", ""]
    rows = []
    # Hidden doers first: they are what a reader most easily misses.
    order = {v: i for i, v in enumerate((*HIDDEN, "active", "passive-by", "nominal"))}
    for doc, harm in sorted(
        harms, key=lambda dh: (order[dh[1].voice], dh[0].id, dh[1].trigger.span.start)
    )[:limit]:
        rows.append(
            [
                ref(doc, harm.trigger.span, out_dir=out_dir),
                escape(harm.voice),
                escape(harm.doer or (harm.doer_text.text if harm.doer_text else "\u2014")),
                escape(harm.harmed or (harm.harmed_text.text if harm.harmed_text else "\u2014")),
                excerpt(doc.text[harm.sentence.start : harm.sentence.end], 110),
            ]
        )
    lines += table(["Where", "Voice", "Doer", "Harmed", "Sentence"], rows)
    return [*lines, ""]
