"""The story config: what framing knows about one story, in a file the user edits.

``framing.toml`` beside the articles (or ``--config FILE``) names the sides of the story, its
actors with their aliases and side, and metadata for documents whose text does not tell it::

    [sides]
    labour = "the union and its members"
    management = "the company and its executives"

    [[actors]]
    name = "United Auto Workers"
    side = "labour"
    kind = "organisation"          # person | organisation | place | group
    aliases = ["UAW", "the union"]

    [documents.article_017]
    outlet = "Example Gazette"

All of it is optional; without a config framing finds actors itself and reports no sides.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.corpus import printable
from framing.errors import ConfigError, not_utf8
from framing.lexicons import normalize
from framing.records import Meta

CONFIG_NAME = "framing.toml"
ACTOR_KINDS = ("person", "organisation", "place", "group")
_TOP_KEYS = {"story", "sides", "actors", "documents"}


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str | None
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryConfig:
    path: str | None
    title: str | None
    sides: tuple[tuple[str, str], ...]  # (key, description)
    actors: tuple[Actor, ...]
    documents: tuple[tuple[str, Meta], ...]

    def meta_for(self, doc_id: str) -> Meta:
        return dict(self.documents).get(doc_id, Meta())


EMPTY = StoryConfig(path=None, title=None, sides=(), actors=(), documents=())


def _line_of(text: str, needle: str | re.Pattern[str], start: int = 1) -> int | None:
    """The first line from ``start`` mentioning ``needle``: tomllib gives values without positions.

    Lines are counted as TOML counts them, at newlines only.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and (
            needle.search(line) if isinstance(needle, re.Pattern) else needle in line
        ):
            return number
    return None


def _table_line(text: str, header: str, nth: int = 0) -> int:
    """The line of the ``nth`` table header ``[header]`` or ``[[header]]``; 1 when absent."""
    pattern = re.compile(r"^\s*\[\[?\s*" + header + r"\s*\]")
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if pattern.search(line)]
    return lines[nth] if nth < len(lines) else 1


def _fail(
    message: str,
    *,
    path: str,
    text: str,
    needle: str | None = None,
    pattern: re.Pattern[str] | None = None,
    start: int = 1,
) -> ConfigError:
    """An error at the line of ``pattern`` (from line ``start``), else of ``needle``."""
    line = _line_of(text, pattern, start) if pattern else None
    if line is None and needle:
        line = _line_of(text, needle, start) or _line_of(text, needle)
    return ConfigError(message, path=path, line=line)


def _one_line(value: Any) -> Any:
    """Every string of the parsed TOML (keys too) on one line, its control characters as spaces,
    as front matter is read: a name or outlet from here reaches reports and the terminal."""
    if isinstance(value, str):
        return " ".join(printable(value).split())
    if isinstance(value, dict):
        return {_one_line(k): _one_line(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    return value


def parse(text: str, *, path: str) -> StoryConfig:
    try:
        data = _one_line(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        reason = message[: match.start()].strip() if match else message
        raise ConfigError(
            f"expected valid TOML, got an error: {reason}", path=path, line=line
        ) from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _fail(
            f"unknown section {unknown[0]!r}; expected one of {', '.join(sorted(_TOP_KEYS))}",
            path=path,
            text=text,
            needle=unknown[0],
            pattern=re.compile(rf"^\s*(\[\[?\s*)?[\"']?{re.escape(unknown[0])}[\"']?\s*[\]=.]"),
        )
    story = data.get("story", {})
    title = story.get("title") if isinstance(story, dict) else None

    sides_raw = data.get("sides", {})
    if not isinstance(sides_raw, dict) or not all(isinstance(v, str) for v in sides_raw.values()):
        raise _fail(
            "expected [sides] to map each side key to a description string",
            path=path,
            text=text,
            needle="[sides]",
        )
    sides = tuple(sorted(sides_raw.items()))

    actors: list[Actor] = []
    seen_alias: dict[str, str] = {}
    raw_actors = data.get("actors", [])
    if not isinstance(raw_actors, list):
        raise _fail("expected [[actors]] tables", path=path, text=text, needle="actors")
    for number, raw in enumerate(raw_actors):
        table = _table_line(text, "actors", number)
        name = raw.get("name") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise _fail(
                "an [[actors]] entry has no 'name'",
                path=path,
                text=text,
                needle="[[actors]]",
                start=table,
            )
        assert isinstance(raw, dict)
        needle = f'"{name}"'
        if any(normalize(a.name) == normalize(name) for a in actors):
            raise _fail(
                f"actor {name!r} is defined twice; merge the two [[actors]] entries",
                path=path,
                text=text,
                needle=needle,
                start=table,
            )
        side = raw.get("side")
        if side is not None and side not in sides_raw:
            raise _fail(
                f"actor {name!r} has side {side!r}, which is not in [sides]; expected one of "
                f"{', '.join(sorted(sides_raw)) or '(none defined)'}",
                path=path,
                text=text,
                needle=needle,
                start=table,
            )
        kind = raw.get("kind", "organisation")
        if kind not in ACTOR_KINDS:
            raise _fail(
                f"actor {name!r} has kind {kind!r}; expected one of {', '.join(ACTOR_KINDS)}",
                path=path,
                text=text,
                needle=needle,
                start=table,
            )
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _fail(
                f"actor {name!r}: expected 'aliases' to be a list of strings",
                path=path,
                text=text,
                needle=needle,
                start=table,
            )
        for alias in [name, *aliases]:
            key = normalize(alias)
            if key in seen_alias and seen_alias[key] != name:
                raise _fail(
                    f"alias {alias!r} is given to both {seen_alias[key]!r} and {name!r}; "
                    "keep it under one actor",
                    path=path,
                    text=text,
                    needle=f'"{alias}"',
                    start=table,
                )
            seen_alias[key] = name
        actors.append(Actor(name.strip(), side, kind, tuple(aliases)))

    documents: list[tuple[str, Meta]] = []
    raw_docs = data.get("documents", {})
    if not isinstance(raw_docs, dict):
        raise _fail("expected [documents.<id>] tables", path=path, text=text, needle="documents")
    for doc_id, values in sorted(raw_docs.items()):
        if not isinstance(values, dict):
            raise _fail(
                f"expected [documents.{doc_id}] to be a table", path=path, text=text, needle=doc_id
            )
        extra = sorted(set(values) - {"outlet", "title", "date", "url", "author"})
        if extra:
            raise _fail(
                f"[documents.{doc_id}] has unknown key {extra[0]!r}; expected outlet, title, "
                "date, url or author",
                path=path,
                text=text,
                needle=extra[0],
                pattern=re.compile(rf"^\s*[\"']?{re.escape(extra[0])}[\"']?\s*="),
                start=_table_line(text, rf"documents\s*\.\s*[\"']?{re.escape(doc_id)}[\"']?"),
            )
        documents.append(
            (doc_id, Meta(**{k: (str(v) if v is not None else None) for k, v in values.items()}))
        )
    return StoryConfig(path, title, sides, tuple(actors), tuple(documents))


def load(path: Path, *, shown: str | None = None) -> StoryConfig:
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(not_utf8(exc), path=shown) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the story config ({exc.strerror})", path=shown) from None
    return parse(text, path=shown)


def find(paths: list[Path], explicit: Path | None) -> Path | None:
    """The config to use: ``--config FILE``, else ``framing.toml`` in the first article folder."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(
                "no such story config file; check the --config path", path=str(explicit)
            )
        return explicit
    for path in paths[:1]:
        folder = path if path.is_dir() else path.parent
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None
