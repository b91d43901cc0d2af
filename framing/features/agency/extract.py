"""Agency, the extraction: each harm term of ``lexicons/harm.tsv`` found in the parse (single
words and phrases), classified by voice with its doer and harmed (see ``framing.features.agency``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from framing.features.agency.context import in_words, is_inanimate, is_time
from framing.lexicons import CUES, HARM, Lexicons
from framing.nlp import Doc, Token, sentence_bounds, sentence_of, token_list
from framing.quotes import QuotedRegions
from framing.records import Evidence, Harm, Span

PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj"}
POSSESSORS = {"poss", "compound", "amod", "nmod"}
RELATIVE_TAGS = {"WP", "WDT"}  # who, which, that as the parse tags a relative pronoun


# A verb with a particle is another verb ("shelled out cash", "kicked off", "fired back"), unless
# the particle only completes the harm ("shot down", "burned down", "blew up") or is part of the
# term ("gun down").
COMPLETING_PARTICLES = {"down", "up"}
# The dependencies that hold the other words of a verb phrase ("opened fire", "gunned down",
# "beaten to death", "struck by gunfire", "took them hostage", "were taken hostage").
PHRASE_DEPS = {"dobj", "obj", "prt", "prep", "agent", "pobj", "oprd", "acomp", "advmod", "dative"}
# Where the harmed of a phrase whose object is part of it stands: "opened fire on the crowd", "set
# fire to the building".
HARMED_PREPOSITIONS = {"on", "at", "upon", "to", "into", "against"}


@dataclass(frozen=True, slots=True)
class Resources:
    verbs: Mapping[str, str]  # lemma -> where (file:line)
    undergo: Mapping[str, str]
    nouns: Mapping[str, str]
    means: frozenset[str]
    # Terms of several words, by the word the parse hangs the others from: a verb phrase's first
    # word ("open" of "open fire"), a noun phrase's last ("toll" of "death toll"); each entry
    # (pos, the other words in order, where), the longest first.
    phrases: Mapping[str, tuple[tuple[str, tuple[str, ...], str], ...]]
    # the rows (file:line) of kind detention: lawful custody, reported but no aggression
    custody: frozenset[str] = frozenset()
    # the harm nouns and means, single words and a phrase's head ("toll"): things, never anyone
    things: frozenset[str] = frozenset()
    # the speech cues of lexicons/cues.tsv: a harm word among them ("attack") also has a
    # sense in words, and a participle among them ("saying") makes its context speech
    speech_cues: frozenset[str] = frozenset()


def resources(lexicons: Lexicons) -> Resources:
    table = lexicons[HARM.name]
    by_pos: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "means": {}, "undergo": {}}
    phrases: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    custody = frozenset(table.where(r) for r in table.rows if r.text(HARM, "kind") == "detention")
    for row in table.rows:
        term, pos = row.text(HARM, "term").lower(), row.text(HARM, "pos")
        # "hostage-taking" is two words to the parse, as "hostage taking" is
        words = term.replace("-", " ").split()
        if len(words) == 1:
            by_pos[pos][term] = table.where(row)
        elif pos in {"verb", "undergo"}:
            phrases.setdefault(words[0], []).append((pos, tuple(words[1:]), table.where(row)))
        else:
            phrases.setdefault(words[-1], []).append((pos, tuple(words[:-1]), table.where(row)))
    return Resources(
        by_pos["verb"],
        by_pos["undergo"],
        by_pos["noun"],
        frozenset(by_pos["means"]),
        {key: tuple(sorted(found, key=lambda f: -len(f[1]))) for key, found in phrases.items()},
        custody,
        frozenset(by_pos["noun"]) | frozenset(by_pos["means"]) | _noun_heads(phrases),
        frozenset(
            cue
            for cue, row in lexicons[CUES.name].column("cue")
            if row.text(CUES, "kind") == "speech"
        ),
    )


def _noun_heads(phrases: Mapping[str, list[tuple[str, tuple[str, ...], str]]]) -> frozenset[str]:
    return frozenset(
        k for k, found in phrases.items() if any(p in {"noun", "means"} for p, _, _ in found)
    )


def in_stance(harms: tuple[Harm, ...], *, res: Resources) -> tuple[Harm, ...]:
    """The harms whose doer stance casts as an aggressor and whose harmed as a victim: all but
    lawful custody ("police arrested the gunman" makes neither), see ``lexicons/harm.tsv``."""
    return tuple(h for h in harms if h.rule not in res.custody)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _verb_phrase(token: Token, rest: tuple[str, ...]) -> list[Token] | None:
    """The tokens of ``rest`` hanging from the verb ``token`` in order, each from the verb or the
    word before it ("opened fire", "beaten to death", "struck by gunfire"), or None."""
    found: list[Token] = []
    for word in rest:
        heads = [token, *found[-1:]]
        match = next(
            (
                c
                for head in heads
                for c in head.children
                if c.dep_ in PHRASE_DEPS and word in {_lemma(c), c.lower_} and c not in found
            ),
            None,
        )
        if match is None:
            return None
        found.append(match)
    return found


def _noun_phrase(token: Token, rest: tuple[str, ...]) -> list[Token] | None:
    """The modifiers of the noun ``token`` that spell ``rest`` before it ("death toll", "air
    strike", "hostage-taking"), or None."""
    lefts = [t for t in token.lefts if t.dep_ in {"compound", "amod", "nmod"}]
    words = [t for t in lefts if t.is_alpha][-len(rest) :]
    if len(words) == len(rest) and all(
        word in {_lemma(t), t.lower_} for word, t in zip(rest, words, strict=True)
    ):
        return words
    return None


def _other_particle(token: Token, phrase: list[Token]) -> bool:
    """A particle that makes the verb another verb: "shelled out", "kicked off", "fired back"."""
    return any(
        (c.dep_ == "prt" and c not in phrase and c.lower_ not in COMPLETING_PARTICLES)
        or (c.dep_ == "advmod" and c.lower_ == "back")  # the parse's "fired back" is an adverb
        for c in token.children
    )


def term_at(token: Token, res: Resources) -> tuple[str, str, list[Token]] | None:
    """(pos, where, the other words of a phrase) of the harm term whose head word is ``token``,
    the longest phrase first; None for most words."""
    lemma = _lemma(token)
    is_verb, is_noun = token.pos_ == "VERB", token.pos_ == "NOUN"
    for pos, rest, where in res.phrases.get(lemma, ()):
        if pos in {"verb", "undergo"} and is_verb:
            words = _verb_phrase(token, rest)
            if words is not None and not _other_particle(token, words):
                return pos, where, words
        elif pos in {"noun", "means"} and is_noun:
            words = _noun_phrase(token, rest)
            if words is not None:
                return pos, where, words
    if is_verb and lemma in res.undergo:
        prt = any(c.dep_ == "prt" for c in token.children)  # "died down" is no death
        return None if prt else ("undergo", res.undergo[lemma], [])
    if is_verb and lemma in res.verbs:
        return None if _other_particle(token, []) else ("verb", res.verbs[lemma], [])
    if is_noun and lemma in res.nouns:
        return "noun", res.nouns[lemma], []
    if is_noun and lemma in res.means:
        return "means", "", []
    return None


def _evidence(tokens: list[Token]) -> Evidence:
    last = max(tokens, key=lambda t: t.i)
    # Keep only the words after the last line break: a phrase never runs into page chrome,
    # which the parse sees as blanks where the file has other text.
    breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
    if breaks:
        tokens = [t for t in tokens if t.i > max(breaks)]
    tokens = [t for t in tokens if not t.is_space] or [last]
    start = min(t.idx for t in tokens)
    first = min(tokens, key=lambda t: t.i)
    # the tokens' own text, not Doc.text, which joins the whole document each time it is read
    words = first.doc[first.i : last.i + 1].text
    return Evidence(words, Span(start, start + len(words)))


def _phrase(token: Token) -> list[Token]:
    """The noun phrase of ``token`` without clauses hanging from it, for short evidence."""
    left = [t for t in token.lefts if t.dep_ not in {"punct", "cc"}]
    first = min([token, *(t for child in left for t in child.subtree)], key=lambda t: t.i)
    return list(token.doc[first.i : token.i + 1])


def _actor_in(token: Token, actor_at: Callable[[int], str | None]) -> tuple[str, Token] | None:
    """The actor named in the phrase of ``token``: the head word first, then its possessors and
    modifiers ("the group's attack", "Ruritanian strikes", "strikes by the army")."""
    name = actor_at(token.i)
    if name:
        return name, token
    for child in token.children:
        if child.dep_ in POSSESSORS:
            # the possessor's own word first: "the army's gunfire" is done by "the army", not "the"
            for t in (child, *child.subtree):
                found = actor_at(t.i)
                if found:
                    return found, t
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            for pobj in child.children:
                found = actor_at(pobj.i)
                if found:
                    return found, pobj
    return None


def _subject(token: Token) -> Token | None:
    """The doer of an active harm verb: its subject, or the subject of the verb it completes
    ("tried to kill", "fired and killed"), or of the verb whose participle it is ("dispersed the
    crowd, killing two": the troops who dispersed it did the killing)."""
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    participle = token.dep_ == "advcl" and token.tag_ == "VBG"
    if subject is None and (token.dep_ in {"xcomp", "conj"} or participle):
        subject = next((c for c in token.head.children if c.dep_ in SUBJECTS), None)
    return _antecedent(subject, token)


def _antecedent(word: Token | None, verb: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the gunman who shot two" is the gunman's shot,
    "villagers who were killed" the villagers' death."""
    if word is not None and word.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        return verb.head
    return word


def _harmed_of(token: Token, phrase: list[Token]) -> Token | None:
    """The harmed of an active harm verb: its object, or for a phrase whose object is part of it,
    the object of "on", "at", "to" ("opened fire on the crowd", "set fire to the building") or the
    noun the parse hung on the phrase's own ("took three aid workers hostage")."""
    harmed = next((c for c in token.children if c.dep_ in OBJECTS and c not in phrase), None)
    if harmed is not None or not phrase:
        return harmed
    for head in (token, *phrase):
        for child in (head, *head.children):
            if child.dep_ == "prep" and child.lower_ in HARMED_PREPOSITIONS:
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj not in phrase:
                    return pobj  # "opened fire on the crowd", "fired on the crowd"
    return next((c for w in phrase for c in w.children if c.dep_ == "compound"), None)


def _verb(
    token: Token,
    phrase: list[Token],
    rule: str,
    res: Resources,
    actor_at: Callable[[int], str | None],
) -> tuple[str, Token | None, Token | None, str] | None:
    children = list(token.children)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
    passive = passive_subject is not None or any(c.dep_ == "auxpass" for c in children)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        passive, passive_subject = True, token.head  # "30,000 people killed"
    has_have = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    if not passive and token.tag_ == "VBN" and not has_have:
        # "with 30,000 people already killed": a participle with a subject and no "have"
        # is a reduced passive, its subject the harmed
        passive_subject = next((c for c in children if c.dep_ in SUBJECTS), None)
        passive = passive_subject is not None
    if passive:
        by = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
        harmed = _antecedent(passive_subject, token)
        if by is None or is_time(by):
            return "agentless", None, harmed, rule  # "were arrested by midday" names no doer
        voice, doer = _named(by, "passive-by", res, actor_at)
        return voice, doer, harmed, rule
    subject = _subject(token)
    harmed = _harmed_of(token, phrase)
    if subject is None:
        return None  # "to kill" with no one to do it: an intention, not a shown harm
    if is_time(subject):
        # "hours of shelling killed": the shelling did; "the week killed": no one named
        subject = next((p for c in subject.children if c.lower_ == "of" for p in c.children), None)
        if subject is None:
            return "agentless", None, harmed, rule
    voice, doer = _named(subject, "active", res, actor_at)
    return voice, doer, harmed, rule


def _named(
    doer: Token, voice: str, res: Resources, actor_at: Callable[[int], str | None]
) -> tuple[str, Token]:
    """(voice, doer token) of a harm done by ``doer``.  A thing that harms (a harm noun or means
    of the lexicon, or an inanimate cause: "gunfire", "the attack", "a storm") is the harm of the
    actor inside it ("the army's gunfire", "Northland's attack"), and with none inside it names
    no doer: "killed by gunfire" and "airstrikes killed" are ``inanimate``."""
    if actor_at(doer.i) is None and is_inanimate(doer, harm_words=res.things):
        inside = _actor_in(doer, actor_at)
        if inside is not None:
            return voice, inside[1]
        # "his stun gun", "their fires": someone's, though no actor
        owner = next((c for c in doer.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        return ("inanimate", doer) if owner is None else (voice, owner)
    return voice, doer


def _classify(
    token: Token,
    term: tuple[str, str, list[Token]],
    res: Resources,
    actor_at: Callable[[int], str | None],
) -> tuple[str, Token | None, Token | None, str] | None:
    """(voice, doer token, harmed token, rule) for one harm term, or None when it is no harm."""
    pos, rule, phrase = term
    if pos in {"verb", "noun"} and in_words(token, speech_cues=res.speech_cues):
        return None  # "attacked the plan in a speech", "killed the bill": words, not violence
    if pos == "undergo":
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        harmed = subject if subject is not None else (token.head if token.dep_ == "acl" else None)
        return "intransitive", None, harmed, rule
    if pos == "verb":
        return _verb(token, phrase, rule, res, actor_at)
    # "the attack killed", "killed by gunfire": counted once, at the verb
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else token.head
    by_or_subject = token.dep_ in SUBJECTS or verb is not token.head
    head = term_at(verb, res) if verb is not token else None
    if by_or_subject and head is not None and head[0] == "verb":
        return None
    inside = _actor_in(token, actor_at)
    harmed = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "on", "against"}:
            harmed = next((p for p in child.children if p.dep_ == "pobj"), None)
    if rule in res.custody and harmed is None:
        # "the gunman's arrest": the one held, never the one holding ("the army's detention of
        # villagers", with its "of", keeps the army as the doer)
        return "nominal", None, inside[1] if inside else None, rule
    return "nominal", inside[1] if inside else None, harmed, rule


def extract(
    doc: Doc,
    *,
    res: Resources,
    quoted: QuotedRegions,
    actor_at: Callable[[int], str | None],
) -> tuple[Harm, ...]:
    """Every harm verb and noun in the parsed article, with its voice, doer and harmed."""
    tokens = token_list(doc)

    def actor_of(i: int) -> str | None:  # a time is never an actor ("Monday's attack")
        return None if is_time(tokens[i]) else actor_at(i)

    terms = {t.i: term for t in tokens if t.is_alpha and (term := term_at(t, res)) is not None}
    # the other words of a phrase are no harm words of their own ("beaten to death")
    inside_phrase = {w.i for _, _, phrase in terms.values() for w in phrase}
    found = []
    for token in tokens:
        if token.i not in terms or token.i in inside_phrase:
            continue
        result = _classify(token, terms[token.i], res, actor_of)
        if result is None:
            continue
        voice, doer, harmed, rule = result
        # a time is never a doer nor harmed: "opened fire on Friday", "the attack on Monday"
        doer = None if doer is not None and is_time(doer) else doer
        harmed = None if harmed is not None and is_time(harmed) else harmed
        sent = sentence_of(token)
        phrase = terms[token.i][2]
        trigger = (
            _evidence([token, *phrase])
            if phrase
            else Evidence(token.text, Span(token.idx, token.idx + len(token.text)))
        )
        doer_text = _evidence(_phrase(doer)) if doer is not None else None
        harmed_text = _evidence(_phrase(harmed)) if harmed is not None else None
        doer_actor = _actor_in(doer, actor_of) if doer is not None else None
        harmed_actor = _actor_in(harmed, actor_of) if harmed is not None else None
        found.append(
            Harm(
                trigger=trigger,
                voice=voice,
                doer=doer_actor[0] if doer_actor else None,
                doer_text=doer_text,
                harmed=harmed_actor[0] if harmed_actor else None,
                harmed_text=harmed_text,
                sentence=Span(*sentence_bounds(sent)),
                quoted=quoted.contains(trigger.span),
                rule=rule,
            )
        )
    return tuple(found)
