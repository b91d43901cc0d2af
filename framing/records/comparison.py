"""Records of the comparison across articles: facts and omissions, claims and quotes,
vocabulary, labels, sources, the Analysis of a run and its Stories."""

from __future__ import annotations

from dataclasses import dataclass, field

from framing.records.findings import Document, OutletStance
from framing.records.text import Rejected, Span


@dataclass(frozen=True, slots=True)
class FactValue:
    doc: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    text: str
    span: Span


# The bases (``Fact.basis``) that tie a fact's figures firmly enough for a report to say they
# conflict.  Tied only by what they count, two figures are too often two things: of 30 such
# conflicts that "What differs" said on SEESAW's dev stories, read beside the articles, 25 set
# two different things against each other (the kind: "12 senators" on a committee against "four
# senators" who drafted a bill, "30 states" with a law against "22 states" that sued).
TIED = frozenset({"event", "label", "name"})
# Units of shares and leads: "45%" and "a 4-point lead" are parts of a whole the article may
# not name, so their rows are the ones a reader's audit of poll stories found mixing candidates
# and races (README, facts); they are never said to conflict or to be left out.
SHARES = frozenset({"percent", "point", "margin of error"})


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    what: str
    unit: str | None
    values: tuple[FactValue, ...]
    status: str  # agree | conflict | single
    note: str | None = None  # why values may differ: the reporting dates differ, or are unknown
    # what ties every value to one fact: "event" (one harm or action, "killed"), "label" (one
    # labelled referent, "hostages"), "name" (a rare name beside amounts of money, "at Harbour Motors"),
    # "counted" (one counted word, "dockworkers"), "unit" (one unit other than people: money, a
    # length of time), else "words" (the words around them: "three other nurses" and "three
    # council members", both people)
    basis: str = "words"
    # a value is a term of something proposed (``Quantity.proposed``): two outlets' terms differ
    # when they report two offers (two mediators' plans), so such a fact is
    # never said to conflict
    proposed: bool = False

    @property
    def tied(self) -> bool:
        """Firmly one fact, whose differing figures a report may call a conflict: its basis is
        in TIED and none of its values is a term of something proposed."""
        return self.basis in TIED and not self.proposed


@dataclass(frozen=True, slots=True)
class Omission:
    """A fact (``fact``, its id) most documents report and ``doc`` does not."""

    doc: str
    what: str
    covered_by: tuple[str, ...]
    fact: str = ""
    # why framing cannot be sure the document leaves the fact out ("" when it can): the row's
    # figures may be two things, or the document may give the figure in words framing does not
    # read as that figure
    doubt: str = ""

    @property
    def sure(self) -> bool:
        return not self.doubt


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
    side_inferred: bool = False  # the side is the party the text tags them with


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
    inferred_sides: tuple[str, ...] = ()  # sides told by party tags in the text, not a config


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
    # which mention model ran: "accurate" (the learned one) or "fast" (rules only, --fast)
    pipeline: str = "accurate"


@dataclass(frozen=True, slots=True)
class Story:
    """Documents of a run that report one story, and the comparison among them alone."""

    id: str  # a file name: its number (largest story first) and its key words
    title: str  # the headline of its earliest document, else its key words
    terms: tuple[str, ...]  # the words that weigh most in its documents (TF-IDF)
    analysis: Analysis  # its documents and their comparison
