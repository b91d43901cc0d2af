"""The records every stage passes on: frozen, slotted dataclasses holding tuples.

Offsets are Python ``str`` indexes (end exclusive) into ``Document.text``, the text as read, so
``text[span.start:span.end]`` is always the evidence.  Floats stay raw here; the reports format
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass

# The files that mark a folder as a framing report: the report replaces such a folder whole, and
# reading skips it (an earlier report inside an article folder is not articles).
REPORT_MARKER = "framing.json"
REPORT_INDEX = "index.md"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Span needs 0 <= start <= end, got ({self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Meta:
    """Article metadata; every field may be unknown."""

    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read from disk, before cleaning.

    ``body_start`` is where the article body begins (after front matter); ``origin`` names the file
    and, for a record in a .jsonl file, the line, for messages.
    """

    id: str
    path: str
    text: str
    meta: Meta = Meta()
    body_start: int = 0
    origin: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An article file or .jsonl record left out of a run (``on_bad="skip"``), and why."""

    path: str
    line: int | None  # the line of a .jsonl record; None for a whole file
    reason: str  # the refusal's message without its place, as ``Error:`` would give it


@dataclass(frozen=True, slots=True)
class ChromeRegion:
    """Text judged not to be the article, with the rule that said so."""

    span: Span
    kind: str  # navigation, tail, link, credit, caption, byline, repeated-title, pull-quote, ...
    rule: str  # lexicon file:line or the name of a layout rule


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Where the article lies inside a Source's text."""

    article: tuple[Span, ...]
    chrome: tuple[ChromeRegion, ...]
    title: str | None = None
    title_span: Span | None = None
    byline: str | None = None
    byline_span: Span | None = None
    byline_outlet: str | None = None  # "By World News Staff" names an outlet ...
    byline_author: str | None = None  # ... "By Jane Doe" a person


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


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    text: str
    span: Span
    category: str
    weight: float
    quoted: bool = False  # inside a direct quote: the speaker's words, not the outlet's
    rule: str = ""
    phrase: Span | None = None  # the words the term colours: "brutal dictator" for "brutal"


@dataclass(frozen=True, slots=True)
class LabelMention:
    referent: str
    text: str  # the words in the text, with a group name before the label ("Kurdish rebels")
    span: Span
    connotation: str = ""  # of the label: negative | neutral | positive | euphemistic
    quoted: bool = False  # inside a direct quote: the speaker's label, not the outlet's
    rule: str = ""  # the labels.toml line of the label
    label: str = ""  # the label as labels.toml lists it: "rebels" for "a Kurdish rebel"


@dataclass(frozen=True, slots=True)
class StanceCue:
    """One thing said about an actor at one mention: the words, their valence and the rule."""

    text: str
    span: Span
    valence: float  # in [-1, 1]
    rule: str  # the lexicon line or the name of the rule ("blame frame", "harm doer", ...)


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
    label: str  # the majority class of the own-voice mentions (see actors.stances.majority)
    mentions: int  # own-voice mentions
    names: tuple[str, ...]  # how the outlet names the actor, in the order first seen


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
    base: float | None = None  # for a percentage, the whole it is a share of
    sentence: Span | None = None
    quoted: bool = False


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


@dataclass(frozen=True, slots=True)
class FactValue:
    doc: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    what: str
    unit: str | None
    values: tuple[FactValue, ...]
    status: str  # agree | conflict | single
    note: str | None = None  # why values may differ: the reporting dates differ, or are unknown


@dataclass(frozen=True, slots=True)
class Omission:
    doc: str
    what: str
    covered_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimText:
    doc: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    """Sentences in different documents that report the same thing, each outlet's wording."""

    id: str
    sentences: tuple[ClaimText, ...]  # one per document, sorted by document
    similarity: float  # the weakest link in the group, cosine of TF-IDF plus shared actors
    shared_wording: bool = False  # near-identical text: wire copy or a reused passage


@dataclass(frozen=True, slots=True)
class Exclusive:
    """Something only one document reports: a fact or a claim no other document matches."""

    doc: str
    what: str
    kind: str  # fact | actor | claim
    evidence: ClaimText


@dataclass(frozen=True, slots=True)
class SharedQuote:
    """The same or a near-identical quotation in several documents."""

    text: str
    uses: tuple[ClaimText, ...]
    speaker: str | None


@dataclass(frozen=True, slots=True)
class DistinctiveWord:
    word: str
    z: float  # Fightin' Words z-score of the outlet against the rest
    count: int  # uses by this outlet
    others: int  # uses by the other outlets


@dataclass(frozen=True, slots=True)
class Vocabulary:
    outlet: str
    words: tuple[DistinctiveWord, ...]


@dataclass(frozen=True, slots=True)
class LabelRow:
    referent: str
    by_doc: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    speaker: str
    count: int
    kind: str
    side: str | None
    doc: str  # where the speaker is first cited ...
    evidence: Span  # ... and the cue that cites them


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """Who one outlet lets speak: counts of its attributions, sorted most frequent first."""

    outlet: str
    documents: tuple[str, ...]
    attributions: int
    kinds: tuple[tuple[str, int], ...]
    sides: tuple[tuple[str, int], ...]
    side_words: tuple[tuple[str, int], ...]  # words of attributed content, by side
    connotations: tuple[tuple[str, int], ...]
    direct: int
    anonymous: int
    unattributed: int  # "is believed to": claims the outlet attributes to no one
    speakers: tuple[SpeakerCount, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything one run found: the documents (sorted by id) and the comparison."""

    framing_version: str
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...] = ()
    omissions: tuple[Omission, ...] = ()
    labels: tuple[LabelRow, ...] = ()
    sources: tuple[SourceProfile, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    claims: tuple[Claim, ...] = ()
    exclusives: tuple[Exclusive, ...] = ()
    shared_quotes: tuple[SharedQuote, ...] = ()
    vocabulary: tuple[Vocabulary, ...] = ()
    outlet_stances: tuple[OutletStance, ...] = ()  # sorted by outlet, then actor
    # A run of several stories: each story's comparison, the fields above left empty (nothing
    # is compared across stories).  Empty when the run is one story.
    stories: tuple[Story, ...] = ()
    # What was left out unread with on_bad="skip"; empty when everything was read.
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Documents of a run that report one story, and the comparison among them alone."""

    id: str  # a file name: its number (largest story first) and its key words
    title: str  # the headline of its earliest document, else its key words
    terms: tuple[str, ...]  # the words that weigh most in its documents (TF-IDF)
    analysis: Analysis  # its documents and their comparison


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """The loaded score of one text scored on its own (see pipeline.score_sentences)."""

    score: float  # the outlet's own voice: terms outside quotations
    score_all: float  # every term, quoted speech included
    terms: tuple[LoadedTerm, ...]


def quick_pickle(cls: type) -> type:
    """Give a frozen, slotted dataclass a faster pickle: the dataclass's own ``__getstate__`` and
    ``__setstate__`` look up ``fields()`` for every object.  A large run sends each article's
    findings from its worker process as a pickle of about 850 records, and unpickling them took
    3.1 ms an article against 4.6 with the dataclass's own (200 ABP articles)."""
    names = tuple(f.name for f in fields(cls))
    setter = object.__setattr__

    def getstate(self: object) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in names])

    def setstate(self: object, state: tuple[object, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    setattr(cls, "__getstate__", getstate)  # noqa: B010 (a method of every record class)
    setattr(cls, "__setstate__", setstate)  # noqa: B010
    return cls


for _record in list(globals().values()):
    if isinstance(_record, type) and is_dataclass(_record) and _record.__module__ == __name__:
        quick_pickle(_record)
