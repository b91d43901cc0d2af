"""A story config's actors found in text by name or alias (``ActorIndex``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.actors.names import bare
from framing.config import Actor, StoryConfig


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Find a story's actors in text by name or alias.

    An alias with a capital letter ("US", "Health Ministry") matches only as written, so "US"
    never matches the pronoun "us"; an all-lower-case alias ("the group") matches in any case.
    A leading "the" is optional either way.
    """

    patterns: tuple[tuple[re.Pattern[str], Actor], ...]

    def mentions(self, text: str) -> list[tuple[int, int, Actor]]:
        """Non-overlapping mentions, longest first where two compete, in text order."""
        found = [
            (m.start(), m.end(), actor)
            for pattern, actor in self.patterns
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result: list[tuple[int, int, Actor]] = []
        for start, end, actor in found:
            if result and start < result[-1][1]:
                continue
            result.append((start, end, actor))
        return result

    def within(self, text: str) -> Actor | None:
        """The actor of the longest mention inside ``text``."""
        found = self.mentions(text)
        if not found:
            return None
        return max(found, key=lambda f: (f[1] - f[0], -f[0]))[2]

    def exact(self, text: str) -> Actor | None:
        """The actor that ``text`` names in full (a determiner and possessive aside)."""
        trimmed = bare(text, description=True)
        for start, end, actor in self.mentions(trimmed):
            if start == 0 and end == len(trimmed):
                return actor
        return None


def actor_index(story: StoryConfig) -> ActorIndex:
    patterns = []
    for actor in story.actors:
        for alias in (actor.name, *actor.aliases):
            bare = re.sub(r"^(the|The)\s+", "", alias.strip())
            if not bare:
                continue
            body = r"\s+".join(re.escape(w) for w in bare.split())
            flags = 0 if any(c.isupper() for c in bare) else re.IGNORECASE
            pattern = re.compile(r"(?<![\w-])(?:(?:the|The)\s+)?" + body + r"(?![\w-])", flags)
            patterns.append((pattern, actor))
    return ActorIndex(tuple(patterns))
