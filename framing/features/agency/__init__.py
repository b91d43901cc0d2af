"""Agency: who a sentence shows doing harm, and where it hides the doer.

Each harm term of ``lexicons/harm.tsv`` in the article (a word, or a phrase whose words hang from
one another in the parse: "opened fire on", "were beaten to death") is classified from the parse:

- ``active``: a harm verb with a subject ("the army shelled the town"), also through a
  participle ("dispersed the crowd, killing two").  When the subject is an event, a weapon or
  another thing that harms (``agency.context``), the doer is the actor inside it ("the group's
  attack killed 20", "Ruritanian strikes killed 20"); when no actor is inside it, the doer is
  ``inanimate`` ("airstrikes killed 20", "a storm killed 20").
- ``passive-by``: passive with a "by" phrase ("were killed by soldiers"); "by" a thing with no
  actor inside is ``inanimate`` too ("killed by gunfire").
- ``agentless``: passive or participle with no doer ("20 people were killed", "30,000 killed").
- ``intransitive``: the harmed as subject of a verb that names no doer ("20 people died").
- ``nominal``: a harm noun ("the death toll", "the killings"), its doer only when attached
  ("the army's strikes", "strikes by the army").

Lawful custody (kind ``detention``: "police arrested the gunman") is reported, with the one held
as the harmed, but ``in_stance`` keeps it out of the aggressor and victim cues of stance.

Doers and harmed parties are actor mentions (the ``actor_at`` callback maps a token to the actor
it belongs to), so the comparison can count who each outlet shows harming whom.
"""

from framing.features.agency.extract import Resources, extract, in_stance, resources, term_at

__all__ = ["Resources", "extract", "in_stance", "resources", "term_at"]
