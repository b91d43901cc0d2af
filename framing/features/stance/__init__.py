"""Stance toward an actor: the valence of what a sentence says about one mention.

Not the valence of the whole sentence: "X praised Y's critics" is good for X's critics and bad
for Y.  Each mention gets features from the parse around it:

- the words near the mention in the dependency tree, weighted by how near (``w:`` one or two arcs
  away, ``f:`` further), with VADER valences summed by distance (``v1``..``v3``, ``vall``);
  a word under a negation ("did not kill") counts with its valence flipped;
- the mention's grammatical role and what governs it (``dep:nsubj``, ``gov:nsubj:reject``) and
  the governor's valence by role, so "Y rejected" and "rejected Y" differ;
- its modifiers ("brutal", "embattled") and their valence;
- harm roles from ``lexicons/harm.tsv``: doer of a harm verb (aggressor) or harmed (victim);
- whether it is the speaker of a report verb (most mentions of speakers are neutral).

A multinomial logistic regression over these features gives P(negative), P(neutral),
P(positive); the mention's score is P(positive) - P(negative), in [-1, 1].  Its weights are the
plain table ``lexicons/stance_model.tsv``, trained on NewsMTSC (MIT-style licence) by
``scripts/train_stance.py``, so a user can read and edit every weight.  The words that pushed a
mention's score most are kept as its evidence, each with the feature that gave its weight.
"""

from framing.features.stance.cues import cues, explicit, frame_cues, naming_cues
from framing.features.stance.model import (
    AGGRESSOR,
    CLASSES,
    INTERCEPT,
    MODEL_CUE,
    NEUTRAL_BAND,
    VICTIM,
    Resources,
    adjusted,
    features,
    judged,
    judged_from,
    label,
    predict,
    probabilities,
    pushes,
    resources,
    role,
    score,
)

__all__ = [
    "AGGRESSOR",
    "CLASSES",
    "INTERCEPT",
    "MODEL_CUE",
    "NEUTRAL_BAND",
    "VICTIM",
    "Resources",
    "adjusted",
    "cues",
    "explicit",
    "features",
    "frame_cues",
    "judged",
    "judged_from",
    "label",
    "naming_cues",
    "predict",
    "probabilities",
    "pushes",
    "resources",
    "role",
    "score",
]
