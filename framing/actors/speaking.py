"""Sources as actors: a person attribution found speaking whose name the tagger did not tag.

"Masipa said", '"No," Coburn said' (tagged a product): the small model leaves many surnames
untagged, above all at the start of a sentence, and a name that speaks is someone's.  Read
beside the first 350 ABP articles (dev), 9 of the 11 actors this added were people; the two
others were a company the tagger left untagged ("Facebook says").
"""

from __future__ import annotations

from framing.actors.names import HONORIFICS, bare, person_words
from framing.nlp import Doc

# The entity types find reads (junk may have dropped some on purpose), and dates and times.
TYPED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME"}
# The parts of speech of a name's words, a period ("Jr.") and a hyphen among them.
NAME_TAGS = {"PROPN", "NOUN", "PUNCT"}
# How abstract nouns end, which name nobody ("Populism", "Extraversion").
ABSTRACT = ("ism", "ion", "ity", "ness", "ment", "ship", "ence", "ance")


def name(
    doc: Doc, text: str, start: int, end: int, *, kind: str, common: frozenset[str]
) -> str | None:
    """The name of a person in an attribution's source the tagger did not tag ("Masipa said",
    '"No," Coburn said', tagged a product), or None.  Attribution calls a person it found by
    name "named"; one capitalised word it could not type ("organisation" or "unnamed") is a
    person only when it is a proper noun or stands inside the sentence, is no abstract noun,
    and the source speaks ("according to Vice" is a publication): a body that speaks is tagged
    as one ("Google") or named in more words ("the Justice Department").  An "unnamed" source
    (a common noun to attribution) only when the tagger took it for another kind of name
    ("Coburn", a product).  Never a pronoun, a title alone ("Mr"), initials ("LN:"), a date, a
    word the text also writes in lower case or in the name of a body or place (``common``), or
    a name in a tagged entity (junk left those out on purpose)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.pos_ not in NAME_TAGS or t.ent_type_ in TYPED for t in span):
        return None  # "He said", "Even Abrams"
    form = bare(text[start:end])
    names = person_words(form)
    words = form.split()
    if not names or names[-1] in HONORIFICS or names[-1] in common:
        return None
    if not all(w[:1].isupper() for w in words) or len({w.isupper() for w in words}) > 1:
        return None  # "Trump MORE": page chrome run into a name
    if all(w.isupper() and len(w.strip(".")) <= 3 for w in words):
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper() and after.pos_ == "VERB":
        return None  # a line in title case ("Employers Said They Added ...")
    if kind == "named":
        return form
    word = span[0]
    if kind == "unnamed" and not word.ent_type_:
        return None  # "Officials say": a common noun
    if len(span) != 1 or word.text.isupper() or (word.is_sent_start and word.pos_ != "PROPN"):
        return None  # "Investigators said": a capital that only opens the sentence; "MORE said"
    return None if word.lower_.endswith(ABSTRACT) else form
