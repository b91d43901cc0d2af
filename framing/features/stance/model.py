"""The stance model of a mention: its features from the parse, the logistic regression over
them, and the rule cues added to its probabilities (see ``framing.features.stance``)."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from framing.lexicons import FRAMES, HARM, STANCE_MODEL, VALENCE, Lexicons, normalize
from framing.nlp import Doc, Token, entities, sentences, token_list
from framing.nlp import heads as nlp_heads
from framing.records import StanceCue

CLASSES = ("negative", "neutral", "positive")
INTERCEPT = "(intercept)"
NEAR = 2  # arcs: words this close to the mention are "near" (w:), the rest "far" (f:)
FAR_WEIGHT = 3.0  # a far word counts 3/distance: 1 at three arcs, less further away
EVIDENCE = 3  # words kept as the evidence of one mention's score
SUBJECT_DEPS = {"nsubj", "csubj", "agent"}
OBJECT_DEPS = {"dobj", "nsubjpass", "pobj", "dative", "attr", "oprd"}
OTHER_NAMES = {"PERSON", "ORG", "GPE", "NORP"}
# A score within this band of zero is neutral (for the evaluation scripts and the report's
# "negative / neutral / positive" words): chosen on NewsMTSC train.jsonl, never on held-out data.
NEUTRAL_BAND = 0.3
# Rule cues added to the model's score (see pipeline): the doer of a harm in the outlet's own
# words is cast as aggressor, the harmed as victim.  Set a priori, not fitted: a shown harm weighs
# about as much as one strongly negative word near the name, being harmed half that, the other way.
AGGRESSOR = -0.5
VICTIM = 0.25
# The rule of a cue that is a word the model weighed, not an explicit rule (see ``explicit``).
MODEL_CUE = ": model feature "
SPEECH = {"say", "tell", "add", "state", "announce", "claim", "write", "note", "insist"}


@dataclass(frozen=True, slots=True)
class Resources:
    valence: Mapping[str, float]
    harm_verbs: frozenset[str]
    weights: Mapping[str, tuple[float, float, float]]
    intercept: tuple[float, float, float]
    frames: Mapping[tuple[str, str], tuple[float, str]]  # (lemma, role) -> (valence, where)
    where: Mapping[str, str]  # a valence term or a model feature -> its lexicon file:line


def resources(lexicons: Lexicons) -> Resources:
    valence = {
        row.text(VALENCE, "term").lower(): row.number(VALENCE, "valence")
        for row in lexicons[VALENCE.name].rows
    }
    where = {
        "valence:" + row.text(VALENCE, "term").lower(): lexicons[VALENCE.name].where(row)
        for row in lexicons[VALENCE.name].rows
    }
    model = lexicons[STANCE_MODEL.name]
    where.update({row.text(STANCE_MODEL, "feature"): model.where(row) for row in model.rows})
    harm = lexicons[HARM.name]
    verbs = frozenset(
        row.text(HARM, "term").lower()
        for row in harm.rows
        if row.text(HARM, "pos") == "verb" and " " not in row.text(HARM, "term")
    )
    weights: dict[str, tuple[float, float, float]] = {}
    for row in lexicons[STANCE_MODEL.name].rows:
        weights[row.text(STANCE_MODEL, "feature")] = (
            row.number(STANCE_MODEL, "negative"),
            row.number(STANCE_MODEL, "neutral"),
            row.number(STANCE_MODEL, "positive"),
        )
    intercept = weights.pop(INTERCEPT, (0.0, 0.0, 0.0))
    table = lexicons[FRAMES.name]
    frames = {
        (row.text(FRAMES, "term").lower(), row.text(FRAMES, "role")): (
            row.number(FRAMES, "valence"),
            table.where(row),
        )
        for row in table.rows
    }
    return Resources(valence, verbs, weights, intercept, frames, where)


@dataclass(frozen=True, slots=True)
class _Table:
    """Plain lists of what the features read of each token of one parse, built once per
    document: spaCy makes a new Token object on every ``doc[i]``, and reading the tree through
    them cost most of the time of scoring an article's mentions."""

    heads: list[int]
    children: list[list[int]]
    sent_start: list[int]
    sent_end: list[int]
    skip: list[bool]  # punctuation, space, number: no word feature
    lemma: list[str]  # normalised lemma
    valence: list[float]  # VADER valence, flipped under a negation
    names: list[tuple[int, int]]  # named entities of OTHER_NAMES kinds, token offsets
    # each phrase's distances (``_reach``): a name is every other mention's rival in its
    # sentence, and searching the tree again from it for each was a tenth of the features' time
    reached: dict[tuple[int, int], dict[int, int]] = field(default_factory=dict)


_TABLE = "framing_stance_table"


def table_of(doc: Doc, res: Resources) -> _Table:
    cached = doc.user_data.get(_TABLE)
    if cached is not None and cached[0] is res:
        return cached[1]
    heads = nlp_heads(doc)
    children: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    sent_start = [0] * len(heads)
    sent_end = [0] * len(heads)
    for sent in sentences(doc):
        for i in range(sent.start, sent.end):
            sent_start[i], sent_end[i] = sent.start, sent.end
    table = _Table(
        heads=heads,
        children=children,
        sent_start=sent_start,
        sent_end=sent_end,
        skip=[t.is_punct or t.is_space or t.like_num for t in token_list(doc)],
        lemma=[_lemma(t) for t in token_list(doc)],
        valence=[_valence(t, res) for t in token_list(doc)],
        names=[(e.start, e.end) for e in entities(doc) if e.label_ in OTHER_NAMES],
    )
    doc.user_data[_TABLE] = (res, table)
    return table


def head_of(table: _Table, start: int, end: int) -> int:
    """The token of ``start..end`` whose head lies outside it (the last, if several)."""
    heads = [
        i for i in range(start, end) if not (start <= table.heads[i] < end) or table.heads[i] == i
    ]
    return heads[-1] if heads else end - 1


def _reach(table: _Table, start: int, end: int) -> dict[int, int]:
    """``_distances`` from the phrase start..end, searched once per phrase (do not change it)."""
    found = table.reached.get((start, end))
    if found is None:
        found = _distances(table, head_of(table, start, end), start, end)
        table.reached[(start, end)] = found
    return found


def _distances(table: _Table, head: int, start: int, end: int) -> dict[int, int]:
    """Arcs from the mention to every token of its sentence (the tree taken as undirected)."""
    low, high = table.sent_start[head], table.sent_end[head]
    seen = {i: 0 for i in range(start, end)}
    queue = deque(range(start, end))
    while queue:
        token = queue.popleft()
        for other in (*table.children[token], table.heads[token]):
            if other in seen or not (low <= other < high):
                continue
            seen[other] = seen[token] + 1
            queue.append(other)
    return seen


def _lemma(token: Token) -> str:
    # The lexicon loader folds case and curly quotes in keys; feature names must fold the same way.
    return normalize(token.lemma_)


def _valence(token: Token, res: Resources) -> float:
    value = res.valence.get(token.lower_, res.valence.get(token.lemma_.lower(), 0.0))
    if value and any(child.dep_ == "neg" for child in token.children):
        return -value
    return value


def _ownership(
    table: _Table,
    head: int,
    start: int,
    end: int,
    distances: Mapping[int, int],
    found: dict[str, float],
) -> None:
    """Valence nearer this mention than any other name in the sentence (``vown``) and valence
    nearer another name (``vother``): with two people in a sentence, the praise usually belongs
    to the one it hangs from."""
    low, high = table.sent_start[head], table.sent_end[head]
    rivals = [
        _reach(table, s, e) for s, e in table.names if low <= s < high and (e <= start or s >= end)
    ]
    for index, distance in distances.items():
        if start <= index < end:
            continue
        value = table.valence[index]
        if not value:
            continue
        nearest_other = min((r.get(index, 99) for r in rivals), default=99)
        found["vown" if distance <= nearest_other else "vother"] += value


def features(
    doc: Doc, start: int, end: int, *, res: Resources
) -> tuple[dict[str, float], dict[str, int]]:
    """The features of the mention ``doc[start:end]`` (token indices), and for each word feature
    the token that gave it, for evidence."""
    table = table_of(doc, res)
    head_i = head_of(table, start, end)
    found: dict[str, float] = defaultdict(float)
    where: dict[str, int] = {}
    distances = _reach(table, start, end)
    for index, distance in distances.items():
        if start <= index < end or table.skip[index]:
            continue
        name = ("w:" if distance <= NEAR else "f:") + table.lemma[index]
        found[name] += 1.0 if distance <= NEAR else FAR_WEIGHT / distance
        where.setdefault(name, index)
        value = table.valence[index]
        if value:
            for limit in (1, 2, 3):
                if distance <= limit:
                    found[f"v{limit}"] += value
            found["vall"] += value / max(1, distance)
    _ownership(table, head_i, start, end, distances, found)
    head = doc[head_i]
    found[f"dep:{head.dep_}"] = 1.0
    governor = head.head
    role = head.dep_
    if role == "pobj" and governor.dep_ in {"prep", "agent"}:
        role = "by" if governor.dep_ == "agent" or governor.lower_ == "by" else "pobj"
        governor = governor.head
    if governor.i != head.i:
        name = f"gov:{role}:{table.lemma[governor.i]}"
        found[name] = 1.0
        where.setdefault(name, governor.i)
        found[f"govv:{role}"] = table.valence[governor.i]
        verb = governor.lemma_.lower()
        if verb in res.harm_verbs:
            aggressor = role in SUBJECT_DEPS or role == "by"
            found["harm:doer" if aggressor else "harm:harmed"] = 1.0
            where.setdefault("harm:doer" if aggressor else "harm:harmed", governor.i)
        if verb in SPEECH and role in SUBJECT_DEPS:
            found["speaker"] = 1.0
    inside = [t for t in doc[start:end] if t.i != head.i and t.pos_ in {"ADJ", "NOUN"}]
    for child in [*head.children, *inside]:
        # modifiers around the name ("embattled") and inside the words that name the actor
        # ("the terror group", "the brave rescuers")
        if child in inside or (
            child.dep_ in {"amod", "appos", "compound", "acl", "relcl"}
            and not (start <= child.i < end)
        ):
            name = f"mod:{table.lemma[child.i]}"
            found[name] = 1.0
            where.setdefault(name, child.i)
            found["vmod"] += table.valence[child.i]
    return dict(found), where


def probabilities(found: Mapping[str, float], res: Resources) -> tuple[float, float, float]:
    logits = list(res.intercept)
    for name, value in found.items():
        weight = res.weights.get(name)
        if weight is None:
            continue
        for k in range(3):
            logits[k] += weight[k] * value
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return (exps[0] / total, exps[1] / total, exps[2] / total)


def adjusted(
    found: Mapping[str, float], res: Resources, rules: Sequence[StanceCue] = ()
) -> tuple[float, float, float]:
    """The model's probabilities with the rule cues' valence added to P(positive) (or, when
    negative, to P(negative)), normalised again."""
    return _adjust(probabilities(found, res), rules)


def _adjust(
    probs: tuple[float, float, float], rules: Sequence[StanceCue]
) -> tuple[float, float, float]:
    negative, neutral, positive = probs
    for cue in rules:
        if cue.valence > 0:
            positive += cue.valence
        else:
            negative -= cue.valence
    total = negative + neutral + positive
    return (negative / total, neutral / total, positive / total)


def score(found: Mapping[str, float], res: Resources, rules: Sequence[StanceCue] = ()) -> float:
    """P(positive) - P(negative) after the rule cues, in [-1, 1]."""
    negative, _, positive = adjusted(found, res, rules)
    return positive - negative


def predict(found: Mapping[str, float], res: Resources, rules: Sequence[StanceCue] = ()) -> str:
    """The most probable class after the rule cues: negative, neutral or positive."""
    probs = adjusted(found, res, rules)
    return CLASSES[probs.index(max(probs))]


def judged(
    found: Mapping[str, float], res: Resources, rules: Sequence[StanceCue]
) -> tuple[float, str, float]:
    """``score`` and ``predict`` after the rule cues, and the model's own ``score`` without
    them, from one computation of the model's probabilities (three per mention otherwise)."""
    return judged_from(probabilities(found, res), rules)


def judged_from(
    probs: tuple[float, float, float], rules: Sequence[StanceCue]
) -> tuple[float, str, float]:
    """``judged`` for a model's probabilities (the learned model's, or the rules-only one's)."""
    after, model = _adjust(probs, rules), _adjust(probs, ())
    return after[2] - after[0], CLASSES[after.index(max(after))], model[2] - model[0]


def pushes(
    found: Mapping[str, float], where: Mapping[str, int], res: Resources
) -> dict[int, float]:
    """Each token's push on the rules-only model's positive-minus-negative logit gap: the
    weights of the features it gave (``where``), summed."""
    pushed: dict[int, float] = defaultdict(float)
    for name, index in where.items():
        weight = res.weights.get(name)
        if weight is not None:
            pushed[index] += (weight[2] - weight[0]) * found.get(name, 0.0)
    return {i: round(p, 3) for i, p in pushed.items()}


def role(found: Mapping[str, float]) -> str:
    """agent, patient or other: the mention's part in its clause, from its features."""
    if found.get("harm:doer") or any(f"dep:{d}" in found for d in SUBJECT_DEPS):
        return "agent"
    if found.get("harm:harmed") or any(f"dep:{d}" in found for d in OBJECT_DEPS):
        return "patient"
    return "other"


def label(value: float, *, band: float = NEUTRAL_BAND) -> str:
    """negative, neutral or positive for a score."""
    if value > band:
        return "positive"
    if value < -band:
        return "negative"
    return "neutral"
