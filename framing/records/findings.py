"""Records of what one article holds: attributions, loaded terms, labels, stance, harms,
numbers, and the Document that carries them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from framing.records.text import ChromeRegion, Span


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Evidence | None
    speaker: str | None
    kind: str  # named | organisation | unnamed
    side: str | None
    cue: Evidence
    content: Evidence
    direct: bool
    connotation: str = "neutral"  # of the cue: neutral | distancing | endorsing | loaded
    cue_kind: str = "speech"  # speech | thought | intention | evidence
    anonymous: bool = False  # "on condition of anonymity", "anonymous sources"
    count: str | None = None  # "two" in "two sources"
    rule: str = ""  # the lexicon line of the cue
    side_inferred: bool = False  # the side is the party the text tags the speaker with
    # "has not said", "declined to say", "did not comment": a report the source did not make
    negated: bool = False


# The categories a reader calls loaded (emotive, pejorative and sensational words, intensifiers,
# euphemisms, scare quotes): only these count toward "loaded terms per 1,000 words".  Hedges and
# boosters ("reportedly", "in fact") mark how sure the outlet sounds, not how it colours: they are
# certainty markers, counted apart.  Plain judgement words ("major", "failed") are a weak layer:
# on the PTC dev half 7% of them fall on a span annotators marked loaded (25% of the loaded
# categories'), so they feed a sentence's score but are never counted as loaded terms.
COUNTED = frozenset(
    {"emotive", "pejorative", "sensational", "intensifier", "euphemism", "scare-quote"}
)
CERTAINTY = frozenset({"hedge", "booster"})


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    text: str
    span: Span
    category: str
    weight: float
    quoted: bool = False  # inside a direct quote: the speaker's words, not the outlet's
    rule: str = ""
    phrase: Span | None = None  # the words the term colours: "brutal dictator" for "brutal"
    # counts toward the outlet's loaded wording: a loaded category (COUNTED) in its loaded
    # sense, not a certainty marker or a plain judgement word
    counted: bool = False
    # the story's topic vocabulary: every outlet uses it alike (compare.topic); not counted
    topic: bool = False
    # inside indirect speech that paraphrases a named source ("Dennis said there was no proof of
    # racist behaviour"): the source's word more than the outlet's; not counted
    reported: bool = False
    headline: bool = False  # in the title


def loaded_density(terms: Sequence[LoadedTerm], words: int) -> tuple[tuple[str, float], ...]:
    """Per category, the outlet's own loaded terms per 1,000 words of its own voice: a term of a
    loaded category only when it counts (not one used in another sense, reported or the story's
    topic); the other categories (certainty markers, judgement words) whenever outside quotes."""
    counts: Counter[str] = Counter(
        t.category for t in terms if not t.quoted and (t.counted or t.category not in COUNTED)
    )
    return tuple(sorted((c, 1000 * n / words if words else 0.0) for c, n in counts.items()))


@dataclass(frozen=True, slots=True)
class LabelMention:
    referent: str
    text: str  # the words in the text, with a group name before the label ("Kurdish rebels")
    span: Span
    connotation: str = ""  # of the label: negative | neutral | positive | euphemistic
    quoted: bool = False  # inside a direct quote: the speaker's label, not the outlet's
    rule: str = ""  # the labels.toml line of the label
    label: str = ""  # the label as labels.toml lists it: "rebels" for "a Kurdish rebel"
    # the referent is a whole class (labels.toml ``whole``): any two outlets' labels of it name
    # the same people; otherwise only a group name they share ties them ("Kurdish")
    whole: bool = False


@dataclass(frozen=True, slots=True)
class StanceCue:
    """One thing said about an actor at one mention: the words, their valence and the rule."""

    text: str
    span: Span
    valence: float  # in [-1, 1]
    rule: str  # the lexicon line or the name of the rule ("blame frame", "harm doer", ...)


@dataclass(frozen=True, slots=True)
class EvidenceWord:
    """A content word that moved a mention's score, and how far (its part in the score's logit
    gap for the learned model, its weight for the rules-only one); positive pushes up."""

    text: str
    span: Span
    weight: float


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    score: float  # valence of what is said about the actor here, in [-1, 1]; 0 when nothing
    quoted: bool = False  # inside a direct quote: the speaker's stance, not the outlet's
    speaker: str | None = None  # who speaks, when quoted and known
    role: str = ""  # agent | patient | other, in the clause around the mention
    cues: tuple[StanceCue, ...] = ()
    label: str = "neutral"  # negative | neutral | positive: the most probable class
    model: float = 0.0  # the stance model's part of the score, before the rule cues
    evidence: tuple[EvidenceWord, ...] = ()  # at most three, strongest first


@dataclass(frozen=True, slots=True)
class ActorStance:
    """One document's stance toward one actor.

    ``score`` is the outlet's own voice (mentions outside quotes), ``quoted_score`` that of the
    quoted speakers; both are the mean score of that voice's mentions, pressed toward -1 by their
    explicit negative cues (``framing.actors.stances.document_score``), in [-1, 1]."""

    actor: str  # one name for the actor across every document of the run
    score: float
    mentions: tuple[Span, ...]
    side: str | None = None
    kind: str = ""  # person | organisation | place | group
    names: tuple[str, ...] = ()  # how this document names the actor, first seen first
    quoted_score: float | None = None
    found: bool = False  # found in the text rather than listed in the story config
    details: tuple[ActorMention, ...] = ()
    label: str = "neutral"  # the own-voice mentions' majority class; neutral on a tie


@dataclass(frozen=True, slots=True)
class OutletStance:
    """One outlet's stance toward one actor, over the outlet's documents of a story."""

    outlet: str
    actor: str
    # the documents' own-voice scores weighted by their own-voice mentions; None: none
    score: float | None
    label: str  # the class of ``score`` (stance.label): the class follows from the score
    mentions: int  # own-voice mentions
    names: tuple[str, ...]  # how the outlet names the actor, in the order first seen
    kind: str = ""  # person | organisation | group | place
    # the standard error of the mean own-voice mention score: how far noise alone moves it
    error: float = 0.0


@dataclass(frozen=True, slots=True)
class Harm:
    """One harm verb or noun and who is shown doing it to whom (agency)."""

    trigger: Evidence  # "killed", "strike", "deaths"
    voice: str  # active | passive-by | agentless | intransitive | nominal | inanimate
    doer: str | None  # the actor shown doing the harm, when one is named
    doer_text: Evidence | None  # the words naming the doer ("airstrikes" for inanimate)
    harmed: str | None  # the actor shown harmed, when one is named
    harmed_text: Evidence | None
    sentence: Span
    quoted: bool = False
    rule: str = ""  # the harm lexicon line


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    span: Span
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    about: str | None
    event: str | None = None  # the event class (killed, released, held) from facts.tsv
    counted: str | None = None  # the lemma of what is counted (hostage, magnitude)
    base: float | None = None  # the whole of a percentage or of a part ("three of the seven")
    sentence: Span | None = None
    quoted: bool = False
    # a term of something proposed ("the rebels would release 12 soldiers", "the plan included a
    # 45-day truce"): what an offer or a demand says, not what happened
    proposed: bool = False
    # the year its clause is dated to ("In 2009, 31 people were killed"): a past event's figure
    # an article gives as background
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One analysed article: metadata, where the article lies, and every finding."""

    id: str
    path: str
    outlet: str
    outlet_from: str  # metadata | config | byline | file
    title: str | None
    date: str | None
    url: str | None
    author: str | None
    text: str
    article: tuple[Span, ...]
    chrome: tuple[ChromeRegion, ...]
    word_count: int
    attributions: tuple[Attribution, ...] = ()
    loaded_terms: tuple[LoadedTerm, ...] = ()
    labels: tuple[LabelMention, ...] = ()
    stance: tuple[ActorStance, ...] = ()
    harms: tuple[Harm, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    readability: tuple[tuple[str, float], ...] = ()
    voice_words: int = 0  # words in the outlet's own voice (outside quotations)
    loaded_density: tuple[tuple[str, float], ...] = ()  # category -> own terms per 1,000 words
    loaded_sentences: tuple[tuple[Span, float], ...] = ()  # each sentence's own loaded score
    # the loaded terms of a title given apart from the text (front matter, a record's field, a
    # page's title tag), offsets into ``title``; a title inside the text has its terms in
    # ``loaded_terms``, marked ``headline``
    headline_terms: tuple[LoadedTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """The loaded score of one text scored on its own (see pipeline.score_sentences)."""

    # the outlet's own voice, as a report's loaded_sentences: with the learned model the lexicon
    # score combined with P(subjective) (framing.features.stance.learned.combine), else ``lexicon``
    score: float
    score_all: float  # the weights of every term, quoted speech included
    terms: tuple[LoadedTerm, ...]
    lexicon: float = 0.0  # the weights of the terms outside quotations
