"""What a named entity of the parse is not, as an actor (``not_an_actor``): a fragment of a title
("State" in "Secretary of State", "Defense" in "Defense Secretary Leon Panetta"), of an address
("Palo Alto, Calif.", "Pennsylvania Avenue") or of a party tag ("(R-Ky.)", "R-Ariz.", "(D., N.Y.)"),
a state's abbreviation, a common word that opens a sentence or a quotation ("Justice will be done",
"Turnout is the name of the game"), a common noun the tagger took for a person with the name before
it ("Potomac jiu-jitsu"), or the abbreviation of a material ("PVC pipes").  Also the kind a title
gives a name (``kind_of``: "Mr Urban" is a person; "the F.B.I." a body, not a place) and what a
courtesy title tells of a person's gender (``gender``: "Mr. Lopez" is not "Maria Lopez").

The word lists are English news usage (the AP stylebook's state abbreviations and courtesy
titles, the portfolios of US and UK cabinet departments and of congressional committees), not
tuned to any corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.actors.names import HONORIFIC_GENDER
from framing.nlp import Span, Token

# The AP stylebook's abbreviations of US states, as written after a city or in a party tag
# ("Palo Alto, Calif.", "R-Ky."), dots and letters only, lower case.  "D.C." is the District of
# Columbia as a place of its own too ("D.C. police"), so it is only a fragment in a tag or address.
STATES = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "nh",
    "nj", "nm", "ny", "nc", "nd", "okla", "ore", "pa", "ri", "sc", "sd", "tenn", "tex", "vt",
    "va", "wash", "wis", "wva", "wyo",
}  # fmt: skip
# The two-letter postal codes, a state only inside a party tag or after a city ("R-KY", "(D-CA)").
POSTAL = {
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia",
    "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
    "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
    "wv", "wi", "wy",
}  # fmt: skip
# A party's letter in a tag: "R-Ky.", "(D., N.Y.)", "I-Vt."
PARTY_LETTERS = {"r", "d", "i", "r.", "d.", "i."}
# The fields of cabinet departments and ministries and of parliamentary committees: in a title
# ("Secretary of State", "Defense Secretary", "Senate Armed Services Chairman") they name no actor.
PORTFOLIOS = {
    "state", "defense", "defence", "treasury", "justice", "interior", "commerce", "labor",
    "labour", "energy", "education", "agriculture", "transportation", "transport", "health",
    "homeland security", "veterans affairs", "foreign affairs", "home affairs", "foreign",
    "home", "finance", "housing", "housing and urban development", "health and human services",
    "armed services", "intelligence", "judiciary", "communications", "press", "war", "navy",
    "environment", "trade", "culture", "economy", "budget", "appropriations", "ways and means",
    "foreign relations", "oversight",
}  # fmt: skip
# Titles a portfolio stands before, or that stand before "of" and a portfolio.
TITLES = {
    "secretary", "minister", "director", "chairman", "chairwoman", "chair", "spokesman",
    "spokeswoman", "spokesperson", "adviser", "advisor", "undersecretary", "chief", "head",
    "official", "officials", "committee", "ranking", "member", "secretary-general", "czar",
}  # fmt: skip
# Words that make a place before them part of an address ("Pennsylvania Avenue").
STREETS = {
    "avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane",
    "ln", "place", "pl", "way", "court", "ct", "parkway", "pkwy", "highway", "hwy", "terrace",
}  # fmt: skip
# Abbreviations of materials and substances the tagger calls organisations ("PVC", "TNT").
# Suffixes of company names (the common US and UK legal forms), named alone by a parse that cut
# the name before them.
COMPANY_SUFFIXES = {"llc", "inc", "corp", "ltd", "plc", "llp", "lp", "co"}
MATERIALS = {
    "pvc", "pet", "hdpe", "ldpe", "abs", "mdf", "tnt", "rdx", "petn", "anfo", "pcb", "pcbs",
    "pfas", "pfoa", "pfos", "bpa", "cfc", "cfcs", "hfc", "hfcs", "ddt", "lng", "lpg", "cng",
    "co2", "nox", "pm2.5", "msg", "thc", "cbd", "lsd", "mdma", "hcl", "naoh", "uranium-235",
}  # fmt: skip
# Honorifics and titles whose entity is a person's ("Mr Urban", "Lord Sugar", "Sen. Thune"); the
# words names.py does not know are dropped from a person's name ("Pres Obama", "Representative
# Bruce Braley").
PERSONAL = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "sen", "rep", "gov",
    "gen", "col", "lt", "sgt", "capt", "pres", "adm", "maj", "cpl", "pvt", "cmdr", "supt", "amb",
    "atty", "prof", "hon", "det", "insp", "sens", "reps", "representative", "congressman",
    "congresswoman", "assemblyman", "assemblywoman", "councilman", "councilwoman", "councilor",
    "councillor", "commissioner", "sheriff", "superintendent", "vice", "deputy", "acting",
    "former", "attorney",
}  # fmt: skip
# Place initials; a tagged place in other initials is a body ("F.B.I.", "NRA", "IRGC").
PLACE_INITIALS = {"us", "usa", "uk", "uae", "ussr", "dc", "nyc", "prc", "drc", "rok", "dprk", "gb"}
# Words of a name that may be written in lower case ("Jean de la Fontaine", "Abu Bakr al-Baghdadi").
PARTICLES = {
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al", "el",
    "bin", "ibn", "bint", "y", "e", "dos", "das", "des", "of", "the", "and", "for", "on", "in",
    "at", "&", "a", "an", "to",
}  # fmt: skip

_LETTERS = re.compile(r"[^a-z0-9.]")


def _plain(text: str) -> str:
    """Lower case without dots, spaces or hyphens: "N.Y." -> "ny", "W.Va." -> "wva"."""
    return _LETTERS.sub("", text.lower()).replace(".", "")


def _word(token: Token) -> str:
    return token.text.lower().rstrip(".")


def not_an_actor(ent: Span, tokens: Sequence[Token], lowered: frozenset[str]) -> str | None:
    """Why the entity ``ent`` names no actor, or None when it may.  ``tokens``: the Doc's tokens;
    ``lowered``: the words the document writes in lower case inside a sentence (a capitalised
    word opening a sentence that the document also writes so is a common word)."""
    first, last = ent.start, ent.end - 1
    before = _previous(tokens, first)
    after = _next(tokens, last)
    plain = _plain(ent.text)
    if _in_party_tag(tokens, first, last, before):
        return "party tag"
    dotted = "." in ent.text
    dotted = dotted or (after is not None and after.text == ".")  # "Ky ." in tokenised text
    if plain in STATES and dotted:
        return "state abbreviation"
    if plain == "dc" and before is not None and before.text == ",":
        return "address"  # "Washington, D.C."
    if plain in MATERIALS:
        return "material"
    prefix = re.match(r"([a-z]+)-", ent.text)
    if prefix and prefix.group(1) not in PARTICLES:
        return "stance word"  # "anti-Semitism", "pro-Israel": a stance, not who holds it
    if plain in COMPANY_SUFFIXES:
        return "company suffix"  # "Granny Sayz, L.L.C.": the suffix of the name before it
    if len(ent) == 1 and ent[0].tag_ == "JJ" and plain.endswith("al"):
        # "Congressional office", "Judicial ethics": an institution's adjective names no group
        # of people, as "Israeli" or "Republican" does
        return "adjective"
    if ent.label_ == "PERSON" and len(ent) > 1 and _plain(ent[0].text) in STATES | {"dc"}:
        return "address"  # "in Washington, D.C. Jackson's wife": a place run into a name
    street = after is not None and _word(after) in STREETS and after.text[:1].isupper()
    if ent.label_ in {"GPE", "ORG", "FAC"} and street:
        return "address"
    if _in_title(ent, tokens, before, after) or _titles_a_person(ent, TITLED_BY):
        return "title"
    if ent.label_ == "NORP" and ent.root.dep_ == "appos" and ent.root.head.ent_type_ == "PERSON":
        return "party tag"  # "Domenic Recchia, a Democrat,": the person's party, as "(D-N.Y.)"
    if ent.label_ == "NORP" and _describes_one_person(ent):
        return "a person's tag"
    if ent.label_ == "PERSON" and _common_head(ent):
        return "common noun"
    if len(ent) == 1 and _opens(tokens, first) and ent.text.lower() in lowered:
        return "common word"
    if any(t.tag_.startswith("VB") for t in ent):
        # a headline's words run together: "N.A.A.C.P. Challenges Tea Party" names no one
        return "headline words"
    return None


# Roles of one person that a party or a nationality may describe ("an Israeli businessman", "the
# only Republican member", "the former Democratic representative"): the words are that person's
# tag, not a mention of the party or the people.  Curated by the framing authors from the person
# nouns of US and UK political copy; plural heads stay mentions of the group ("Republican
# senators" are Republicans acting).
ONE_PERSON = {
    "member", "representative", "nominee", "candidate", "senator", "congressman",
    "congresswoman", "lawmaker", "legislator", "governor", "mayor", "president", "leader",
    "official", "businessman", "businesswoman", "rabbi", "priest", "imam", "cleric", "activist",
    "strategist", "operative", "consultant", "donor", "judge", "lawyer", "attorney",
    "prosecutor", "chairman", "chairwoman", "delegate", "diplomat", "minister", "ambassador",
    "soldier", "officer", "man", "woman", "citizen", "national", "politician", "spokesman",
    "spokeswoman", "aide", "adviser", "advisor", "incumbent", "challenger", "contender",
}  # fmt: skip


def _describes_one_person(ent: Span) -> bool:
    """ "an Israeli businessman", "the 2008 Republican vice presidential nominee" (an adjective
    on one person's role) and "the Illinois Democrat" (one person named by party)."""
    root = ent.root
    if root.dep_ in {"amod", "compound"}:
        head = root.head
        return head.tag_ == "NN" and head.lemma_.lower() in ONE_PERSON and head.i > root.i
    determined = any(c.lower_ in {"the", "a", "an"} and c.dep_ == "det" for c in root.children)
    return root.tag_ in {"NN", "NNP"} and root.lemma_.lower() == root.lower_ and determined


# The entity kinds a person's title may begin with and name no actor: "U.S. District Judge Ann
# Reed", "Missouri Sen. Tom Hale", "Republican Rep. Tom Hale" (the party as a tag would give it);
# a body there is an actor: "NAACP President Ben Jealous".
TITLED_BY = {"GPE", "NORP"}


def _titles_a_person(ent: Span, labels: set[str]) -> bool:
    """Whether ``ent`` opens the title of a person named right after it: its words hang, through
    title words, on a person's name."""
    if ent.label_ not in labels:
        return False
    # "the United States attorney's office": the parse may hang "the" outside the name's words
    head = ent.root if ent.root.dep_ != "det" else ent[-1]
    for _ in range(4):
        if head.dep_ not in {"compound", "nmod"} or head.head.i <= head.i:
            return False
        head = head.head
        if head.ent_type_ == "PERSON" and head.i >= ent.end:
            return True
        if head.i == ent.end and _word(head) in PERSONAL | {"judge", "senator"}:
            return True  # "the U.S. attorney's office", "U.S. Rep. Tom Hale"
    return False


def _previous(tokens: Sequence[Token], i: int) -> Token | None:
    i -= 1
    while i >= 0 and tokens[i].is_space:
        i -= 1
    return tokens[i] if i >= 0 else None


def _next(tokens: Sequence[Token], i: int) -> Token | None:
    i += 1
    while i < len(tokens) and tokens[i].is_space:
        i += 1
    return tokens[i] if i < len(tokens) else None


def _in_party_tag(tokens: Sequence[Token], first: int, last: int, before: Token | None) -> bool:
    """ "R-Ky." (tokens R, -, Ky.), "(D., N.Y.)", "(R, Utah)", "D-Calif.", or the letter itself."""
    text = tokens[first].text.lower()
    if text in PARTY_LETTERS and _tag_follows(tokens, last):
        return True
    if re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]+", tokens[first].text):
        return True
    if before is not None and before.text in {"-", ","}:
        party = _previous(tokens, before.i)
        if party is not None and party.text.lower() in PARTY_LETTERS:
            opened = _previous(tokens, party.i)
            return before.text == "-" or (opened is not None and opened.text in {"(", "["})
    return False


def _tag_follows(tokens: Sequence[Token], i: int) -> bool:
    """A party letter followed by "-" or ", " and a state: "R-Ky.", "D., N.Y."."""
    sep = _next(tokens, i)
    return (
        sep is not None
        and sep.text in {"-", ","}
        and ((state := _next(tokens, sep.i)) is not None and state.text[:1].isupper())
    )


def _in_title(
    ent: Span, tokens: Sequence[Token], before: Token | None, after: Token | None
) -> bool:
    """A portfolio in a title: "Secretary of State", "secretary of Defense", "Defense Secretary
    Leon Panetta", "the DNC Communications Director", "Senate Armed Services Chairman"."""
    named = [_word(t) for t in ent if not t.is_space]
    # the whole name, or its last one or two words in a body's name ("DNC Communications")
    ends = {" ".join(named[-2:]), named[-1]} if len(named) > 1 and ent.label_ == "ORG" else set()
    portfolio = " ".join(named) in PORTFOLIOS or bool(ends & PORTFOLIOS)
    if not portfolio:
        return False
    if after is not None and _word(after) in TITLES:
        return True
    if before is not None and before.lower_ == "the":
        before = _previous(tokens, before.i)
    if before is not None and before.lower_ in {"of", "for"}:
        title = _previous(tokens, before.i)
        return title is not None and _word(title) in TITLES | {"department", "ministry", "office"}
    return False


def _common_head(ent: Span) -> bool:
    """A person's name never ends in a lower-case word but a particle: "Potomac jiu-jitsu" is a
    kind of jiu-jitsu, not a person ("Kim Jong-un" ends in "Jong-un", "Bashar al-Assad" in a
    particle and a name)."""
    written = ent.text.split()
    last = written[-1] if written else ""
    return (
        len(written) > 1
        and last[:1].islower()
        and last.replace("-", "").isalpha()
        and last.split("-")[0] not in PARTICLES  # "Bashar al-Assad"
        and not any(part[:1].isupper() for part in last.split("-"))
    )


def _opens(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence or a quotation (after any quotation marks)."""
    i -= 1
    while i >= 0 and (tokens[i].is_space or tokens[i].is_quote or tokens[i].text in {"(", "["}):
        if tokens[i].is_quote:
            return True
        i -= 1
    return i < 0 or tokens[i + 1].is_sent_start or tokens[i].text in {".", "!", "?", ":", "\u2014"}


def lowered_words(tokens: Sequence[Token]) -> frozenset[str]:
    """The words a document writes in lower case and never with a capital inside a sentence:
    common words ("justice", "turnout"), not names ("House", written "house" too)."""
    lower = {t.text for t in tokens if t.is_alpha and t.text.islower()}
    named = {
        t.lower_
        for t in tokens
        if t.is_alpha and t.text[:1].isupper() and t.i > 0 and not _opens(tokens, t.i)
    }
    return frozenset(lower - named)


def kind_of(ent: Span, tokens: Sequence[Token], kind: str) -> str:
    """The kind of an entity as titles tell it: a name after a personal honorific is a person
    ("Mr Urban", "Lord Sugar"); a place in initials other than a place's is a body ("the
    F.B.I.", "NRA")."""
    if kind == "person":
        return kind
    before = _previous(tokens, ent.start)
    if (
        before is not None
        and before.text[:1].isupper()
        and _word(before) in PERSONAL
        and (
            before.text.endswith(".") or _word(before) in HONORIFIC_GENDER or _word(before) == "dr"
        )
        and all(t.text[:1].isupper() for t in ent if t.is_alpha)
    ):
        return "person"
    if kind == "place":
        compact = ent.text.replace(".", "")
        initials = compact.isupper() and compact.isalpha() and 2 <= len(compact) <= 5
        if initials and compact.lower() not in PLACE_INITIALS | POSTAL:
            return "organisation"
    return kind
