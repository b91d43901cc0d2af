"""The sense rules of loaded wording: a term of a loaded category counts only in its loaded sense,
read from the parse (an intensifier that boosts a loaded word, a catenative verb's plain sense,
the name of an offence, what an accusation says)."""

from __future__ import annotations

from dataclasses import replace

from framing.nlp import Token
from framing.records import COUNTED, LoadedTerm

# Words that make a term the name of an offence: "murder charges", "one count of conspiracy",
# "convicted of assault" (the legal vocabulary of news copy).
# and of an inquiry into one: "a corruption investigation", "a fraud probe", "the murder case".
OFFENCE_HEADS = {
    "charge", "count", "conviction", "indictment", "trial", "investigation", "probe", "inquiry",
    "case",
}  # fmt: skip
# Words whose "of" holds an accusation's content: "charges of racism", "claims of bias",
# "accused the group of tolerating bigotry".  The word is the accuser's, as in a paraphrase.
ACCUSATIONS = {"accusation", "allegation", "charge", "claim", "suspicion", "accuse", "suspect"}
# Adverbs that make the outlet report an allegation: "for allegedly lying under oath".
ALLEGED = {"allegedly", "reportedly", "purportedly", "supposedly"}
# Plain degree words: the maximizers and the commonest boosters of Quirk et al., A Comprehensive
# Grammar of the English Language (1985, 8.104-8.111), with "very", "really" and "truly".  They
# colour only a word that is loaded itself ("very brutal", not "very different"); other
# intensifiers judge by themselves ("painfully slow", "blatantly false", "merely a gesture").
DEGREE = {
    "absolutely", "altogether", "completely", "entirely", "extremely", "fully", "perfectly",
    "quite", "thoroughly", "totally", "utterly", "very", "really", "truly", "highly", "deeply",
    "greatly", "enormously", "immensely", "so", "too", "much", "far", "badly", "severely",
}  # fmt: skip
# Verbs whose use before an infinitive reports an outcome or an intent, not a manner: "failed
# to veto", "threatened to pull out" (where "scrambling to salvage" keeps its colour).
CATENATIVE = {"fail", "threaten", "refuse", "decline", "struggle", "neglect"}
OFFENCE_VERBS = {"charge", "convict", "indict", "acquit", "plead", "sentence", "try", "guilty"}


def senses(terms: list[LoadedTerm], words: list[list[Token]]) -> list[LoadedTerm]:
    """The lexicon's terms, each ``counted`` when its category is loaded and it is used in its
    loaded sense (``_uncounted``) in the outlet's own words, and ``reported`` when it is what an
    accusation or an allegation says (``_alleged``)."""
    covered = {
        t.i for term, matched in zip(terms, words, strict=True) if term.category in COUNTED
        for t in matched
    }  # fmt: skip
    result = []
    for term, matched in zip(terms, words, strict=True):
        loaded = term.category in COUNTED
        # what an accusation or an allegation says: the accuser's word, reported like a
        # paraphrase of its source
        said = loaded and _alleged(matched[-1])
        counted = loaded and not said and not _uncounted(term, matched, covered)
        result.append(replace(term, counted=counted, reported=said or term.reported))
    return result


def _alleged(head: Token) -> bool:
    """Whether ``head`` lies in what an accusation or an allegation says ("charges of racism",
    "allegedly lying")."""
    return any(c.lower_ in ALLEGED for c in (*head.children, *head.head.children)) or _accused(head)


def _uncounted(term: LoadedTerm, matched: list[Token], covered: set[int]) -> bool:
    """Whether a term of a loaded category is used in another sense: an intensifier that boosts
    no loaded word ("a very different way", where "very brutal" counts: a plain degree word
    (DEGREE) colours only a word that is loaded itself; ``covered`` holds the words of the
    loaded terms); a verb that only leads an infinitive ("failed to join", "threatening to pull
    out": the plain sense of a catenative verb, CATENATIVE); the name of an offence ("murder
    charges", "a count of conspiracy", "convicted of assault", "a corruption investigation": a
    legal term, not the outlet's word); or a noun a modifier makes a kind ("sexual abuse", "the
    Las Vegas massacre")."""
    head = matched[-1]
    if head.lemma_.lower() in CATENATIVE and any(
        c.dep_ == "xcomp" and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children)
        for c in head.children
    ):
        return True
    if term.category == "intensifier" and head.lower_ in DEGREE:
        boosted = head.head if head.head.i != head.i else None
        following = next((t for t in head.doc[head.i + 1 : head.i + 3] if t.is_alpha), None)
        return not any(t is not None and t.i in covered for t in (boosted, following))
    if head.head.lemma_.lower() in OFFENCE_HEADS and head.dep_ in {"compound", "amod", "nmod"}:
        return True
    if head.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.i < head.i and _names_a_kind(c, term.category)
        for c in head.children
    ):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in {"of", "with", "to"}:
        # "charged with", "convicted of", "pleaded guilty to", "a count of"
        governor = head.head.head
        if head.head.lower_ == "to" and governor.lemma_.lower() not in {"plead", "guilty"}:
            return False
        if governor.pos_ in {"NOUN", "PROPN"}:
            return governor.lemma_.lower() == "count"
        return governor.lemma_.lower() in OFFENCE_VERBS
    return False


# Modifiers that make a loaded noun the name of a kind of offence, illness or event ("sexual
# abuse", "aggravated assault", "bubonic plague", "natural disasters"): the legal, medical and
# insurance categories news copy reports in, not a judgement.
CLASSIFIERS = {
    "sexual", "sex", "child", "domestic", "physical", "aggravated", "criminal", "clerical",
    "elder", "spousal", "drug", "substance", "bubonic", "pneumonic", "septicemic", "natural",
}  # fmt: skip
# A place or a date before an emotive noun names one event: "the Las Vegas massacre", "the 1
# October massacre".  Not a people, a party or a person ("Islamic jihad", "the Obama regime"),
# and never before a pejorative word for people ("Vatican henchmen"): those judge.
NAMED_KINDS = {"GPE", "LOC", "FAC", "EVENT", "DATE"}


def _names_a_kind(modifier: Token, category: str) -> bool:
    """A modifier that makes its noun a category (CLASSIFIERS) or, for an emotive noun, one
    event named by its place or date (NAMED_KINDS)."""
    return modifier.lower_ in CLASSIFIERS or (
        category == "emotive" and modifier.ent_type_ in NAMED_KINDS
    )


def _accused(token: Token) -> bool:
    """Whether ``token`` lies in what an accusation says, within a few steps up the parse: the
    object of "of" after an accusation (ACCUSATIONS), or of a verb that is ("accused them of
    tolerating bigotry")."""
    for _ in range(4):
        if token.dep_ not in {"pobj", "pcomp", "dobj", "amod", "advmod", "compound", "conj"}:
            return False
        parent = token.head
        if parent.i == token.i:
            return False
        # (the parser may hang "of" on the accused: "accused [the group of ...]")
        governor = parent.head.head if parent.head.dep_ == "dobj" else parent.head
        if parent.lower_ == "of" and ACCUSATIONS & {
            parent.head.lemma_.lower(),
            governor.lemma_.lower(),
        }:
            return True
        token = parent
    return False
