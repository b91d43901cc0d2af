"""The cue lexicon: which words attribute speech, thought, intention or evidence, and what
the parse must show around them.  Constants here are the dependency labels the rules rely on."""

from __future__ import annotations

from dataclasses import dataclass

from framing.lexicons import CUES, SPEAKERS, Lexicons
from framing.nlp import Token

# Dependents that belong in a source's words ("a member of the team", "officials on the side")
# and those that do not (a relative clause, the punctuation around an apposition).
SOURCE_RIGHT_DEPS = {
    "compound",
    "prep",
    "pobj",
    "appos",
    "acl",
    "amod",
    "nummod",
    "poss",
    "case",
    "conj",
    "cc",
    "punct",
}
CONTENT_OBJECT_DEPS = {"dobj", "prep", "attr", "oprd", "dative"}
NOUN_CUE_SOURCE_PREPS = {"by", "from", "of"}
# Punctuation that bounds a source's words on the left: the dash or bracket of a dateline
# ("LONDON (Reuters) - Officials said", told apart by framing.nlp.in_dateline), an aside in
# brackets, a line break.
PHRASE_BREAKS = {"-", "\u2013", "\u2014", "(", ")", "\n"}
SHORT_ANSWERS = {"so", "yes", "no", "when", "why", "how", "what", "nothing", "otherwise"}
LISTENER_VERBS = {
    "tell",
    "ask",
    "inform",
    "remind",
    "assure",
    "warn",
    "urge",
    "thank",
    "congratulate",
}
# "Asked why ..., the minister said": a participle of a verb of addressing is passive, and the
# subject of the clause is who was addressed, not who spoke.
ADDRESSED_VERBS = LISTENER_VERBS | {"press", "question", "quiz", "challenge", "prompt"}
# "spoke on condition of anonymity", "on the record", "on the phone": how, not what about.
MANNER_ON = {
    "condition",
    "record",
    "background",
    "behalf",
    "phone",
    "telephone",
    "television",
    "radio",
    "camera",
    "air",
    "stage",
}
# "writing for the Times", "spoke for five minutes": "for" after these is who or how long, not
# what was said.
ON_BEHALF = {"write", "speak", "report", "talk", "work"}
# Occasions, not speakers: "at a news conference announcing X" is the clause subject's.
EVENTS = {"conference", "meeting", "hearing", "interview", "speech", "rally", "event", "briefing"}
# "urged Stumpf to admit": the object of these verbs is the subject of their infinitive.
OBJECT_CONTROL = {"urge", "ask", "tell", "force", "press", "persuade", "encourage", "invite"}
# "was caught on camera saying", "was heard telling aides", "was quoted as saying": the subject of
# these passives is who says the participle's words.
PERCEIVED = {"catch", "hear", "overhear", "see", "film", "record", "tape", "videotape", "quote"}
# "made comments about", "issued a statement": a light verb whose subject speaks through a noun.
LIGHT_VERBS = {
    "make",
    "issue",
    "release",
    "give",
    "deliver",
    "offer",
    "post",
    "publish",
    "express",
    "voice",
    "raise",
    "draw",
}
# "X's criticism of Y", "her views on Y", "his support for Y": what the noun is about.
NOUN_CUE_CONTENT_PREPS = {"of", "on", "about", "for", "against", "to", "over"}
# Prepositional phrases of time and place are circumstances, not what was said.
CIRCUMSTANCE_PREPS = {"in", "at", "during", "on", "after", "before", "since", "until", "to", "with"}
# Subordinators of time: a clause they open after a cue ("spoke after the senators urged ...")
# says when, never what was said.  (Not "because" or "if": "told me, because the key is ...",
# "the advice: if a cop says ..." are often what was said.)
CIRCUMSTANCE_MARKS = {
    "after",
    "before",
    "since",
    "until",
    "till",
    "when",
    "whenever",
    "while",
    "once",
}
# How many words after its verb a cue's particle may stand ("called Friday for").
PARTICLE_REACH = 3
# How far a quotation may sit from its cue and still be its content: the ', ' or ': ' between them.
QUOTE_GAP = 4

# Verbs of aspect: what follows them is an activity going on, never what was said.
ASPECTUAL = {"continue", "keep", "start", "begin", "stop", "quit", "resume", "finish"}


@dataclass(frozen=True, slots=True)
class Cue:
    connotation: str
    kind: str
    frame: str  # clause | infinitive | object
    rule: str


@dataclass(frozen=True, slots=True)
class Resources:
    cues: dict[str, list[tuple[str | None, Cue]]]
    speaker_kind: dict[str, str]  # generic speaker lemma -> person | group
    anonymity: tuple[str, ...]


def resources(lexicons: Lexicons) -> Resources:
    cues: dict[str, list[tuple[str | None, Cue]]] = {}
    table = lexicons[CUES.name]
    for row in table.rows:
        words = row.text(CUES, "cue").split()
        particle = " ".join(words[1:]) or None
        cue = Cue(
            row.text(CUES, "connotation"),
            row.text(CUES, "kind"),
            row.text(CUES, "frame"),
            table.where(row),
        )
        cues.setdefault(words[0], []).append((particle, cue))
    for options in cues.values():
        options.sort(key=lambda item: item[0] is None)  # multi-word cues first
    speakers = lexicons[SPEAKERS.name]
    kinds = {row.text(SPEAKERS, "term"): row.text(SPEAKERS, "kind") for row in speakers.rows}
    anonymity = tuple(sorted(t for t, k in kinds.items() if k == "anonymity"))
    return Resources(cues, {t: k for t, k in kinds.items() if k != "anonymity"}, anonymity)


# The lemmatizer misreads some inflections ("hoped" -> "hop", "lambasted" -> "lambast"): a verb
# whose lemma is no cue is looked up again by the suffixes its tag says it has.
_SUFFIXES = {
    "VBD": (("ed", ""), ("d", ""), ("ied", "y")),
    "VBN": (("ed", ""), ("d", ""), ("ied", "y")),
    "VBZ": (("s", ""), ("es", ""), ("ies", "y")),
    "VBG": (("ing", ""), ("ing", "e")),
}


def _stems(token: Token) -> list[str]:
    word = token.lower_
    return [
        word[: -len(suffix)] + added
        for suffix, added in _SUFFIXES.get(token.tag_, ())
        if word.endswith(suffix) and len(word) > len(suffix) + 2
    ]


# Verbs of holding a view: their object "as" something is the view ("sees the deal as a gift");
# their object alone is what they perceive ("saw chaos"), no report.
VIEWS = {"see", "view", "regard", "perceive"}
# Participles that work as prepositions ("testified concerning the election"): about, not a report.
PREPOSITIONAL = {"concerning", "regarding", "considering", "including"}


def cue_for(token: Token, res: Resources) -> tuple[Cue, list[Token]] | None:
    if token.lower_ in PREPOSITIONAL:
        return None
    options = res.cues.get(token.lemma_.lower()) or res.cues.get(token.lower_)
    if not options:
        options = next((res.cues[s] for s in _stems(token) if s in res.cues), None)
    if not options:
        return None
    for particle, cue in options:
        if particle is None:
            return cue, [token]
        words = particle.split()
        nxt = token.doc[token.i + 1 : token.i + 1 + len(words)]
        if [t.lower_ for t in nxt] == words:
            return cue, [token, *nxt]
        # a one-word particle a few words on: "called Friday for releasing the videos"
        apart = next(
            (
                c
                for c in token.rights
                if len(words) == 1
                and c.lower_ == words[0]
                and c.dep_ in {"prep", "prt"}
                and c.i - token.i <= PARTICLE_REACH
            ),
            None,
        )
        if apart is not None:
            return cue, [token, apart]
    return None
