"""Attribution: who is quoted or cited, with which cue, saying what, and from which side.

Rules on the dependency parse, in the spirit of the Gender Gap Tracker's quote extractor:

* a cue from ``lexicons/cues.tsv`` (a verb, or a noun such as "comments by X that ...") with a
  subject and a content: a clausal complement ("argue that ..."), an infinitive for intentions
  ("vowed to ..."), an object or prepositional phrase ("warn of famine", "accusing X of Y"), or an
  adjacent quotation ("'...,' said Lopez", "The union stated: '...'");
* participles and conjoined verbs take the subject of the verb they hang on ("The union rejected the
  offer, saying ..."), relative clauses the noun they modify ("Okafor, who suggested ...");
* "according to X" cites X for the rest of its sentence;
* a content inside or made of quotation marks is direct speech, extended to the whole quotation.

The source span stays on the words of the text; ``speaker`` is who they resolve to: pronouns to
the last fitting speaker or named entity, descriptions ("the group") to a story-config alias or to
the name the text gave them ("the rebel group Northern Front").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from framing.actors import parties as party
from framing.actors import people
from framing.actors.descriptions import descriptions
from framing.actors.index import ActorIndex
from framing.actors.people import Candidate
from framing.features.attribution.cues import (
    Resources,
    resources,
)
from framing.features.attribution.finders import (
    find,
)
from framing.features.attribution.speakers import (
    NUMBER_WORDS,
    Speaker,
    who,
)
from framing.features.attribution.syntax import (
    quoted_share,
    span_of,
    trim_span,
)
from framing.nlp import Doc, doc_text, sentence_bounds, sentence_of
from framing.quotes import Quote, QuotedRegions
from framing.records import Attribution, Evidence

__all__ = ["Resources", "extract", "resources"]


def extract(
    doc: Doc,
    *,
    text: str,
    quotes: Sequence[Quote],
    res: Resources,
    actors: ActorIndex | None = None,
    first_names: Mapping[str, str] = {},
    parties: party.Parties | None = None,
) -> tuple[Attribution, ...]:
    """Every attribution in a parsed article; ``doc`` offsets are offsets into ``text``.
    ``first_names``: the first names that tell a gender (``framing.actors.people``);
    ``parties``: the party words that tell a side the config does not (``framing.actors.parties``;
    None when the story config names the sides)."""
    described = descriptions(doc, first_names=first_names)
    members = party.people(doc, described, parties) if parties is not None else {}
    earlier: list[Candidate] = []  # the sources so far, for the pronouns after them
    regions = QuotedRegions(list(quotes))
    result = []
    for item in find(doc, text, quotes, res):
        cue_span = span_of(item.cue_tokens)
        source: Evidence | None = None
        inferred = False
        if item.head is None:
            speaker = Speaker(None, "unnamed", None)
            count = None
        else:
            source_span = trim_span(text, span_of(item.source))
            if source_span is None:
                continue
            source = Evidence(text[source_span.start : source_span.end], source_span)
            speaker = who(item, text, res, actors, described, earlier, regions.holds)
            candidate = (
                people.source(described, item.head, speaker.name, speaker.kind, speaker.side)
                if speaker.name is not None
                else None
            )
            if parties is not None and speaker.side is None and speaker.kind != "document":
                side = (
                    members.get(candidate.who) if candidate and candidate.who is not None else None
                )
                side = side or party.of_source(speaker.name, item.head, parties)
                if side is not None:
                    speaker, inferred = Speaker(speaker.name, speaker.kind, side), True
            if candidate is not None:
                earlier.append(candidate)  # with its config side: a pronoun infers its own
            count = next(
                (
                    t.text
                    for t in item.head.children
                    if t.dep_ == "nummod" or (t.dep_ == "amod" and t.lower_ in NUMBER_WORDS)
                ),
                None,
            )
        # sliced from the text, not ``Span.text``, which makes a Token object for every word
        start, end = sentence_bounds(sentence_of(item.cue_tokens[0]))
        sentence = doc_text(doc)[start:end].lower()
        anonymous = any(marker in sentence for marker in res.anonymity)
        result.append(
            Attribution(
                source=source,
                speaker=speaker.name,
                kind=speaker.kind,
                side=speaker.side,
                cue=Evidence(text[cue_span.start : cue_span.end], cue_span),
                content=Evidence(text[item.content.start : item.content.end], item.content),
                direct=quoted_share(item.content, quotes) >= 0.5,
                connotation=item.cue.connotation,
                cue_kind=item.cue.kind,
                anonymous=anonymous,
                count=count,
                rule=item.cue.rule,
                side_inferred=inferred,
                negated=item.negated,
            )
        )
    return tuple(result)
