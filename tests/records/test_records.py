"""Records pickle to themselves (worker processes send them, ``framing.run.held`` packs them)."""

from __future__ import annotations

import pickle

from framing.records import ActorMention, Span, StanceCue


def test_a_record_pickles_to_an_equal_record() -> None:
    cue = StanceCue("slammed", Span(3, 10), -0.5, "frame: subject")
    mention = ActorMention(
        Span(0, 2), -0.25, quoted=True, speaker="a", role="agent", cues=(cue,), label="negative"
    )
    again = pickle.loads(pickle.dumps(mention, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == mention and again is not mention
    assert again.cues[0].span == Span(3, 10)


def test_a_record_pickled_stays_frozen() -> None:
    again = pickle.loads(pickle.dumps(Span(1, 4)))
    try:
        again.start = 2  # type: ignore[misc]  # the point of the test
    except AttributeError:
        return
    raise AssertionError("an unpickled Span could be changed")
