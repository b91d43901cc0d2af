"""A disk cache of each document's findings, stage by stage.

Researchers re-run framing many times while they tune one lexicon.  The parse cache
(``framing.nlp``) already spares the parse; this cache spares the stages the edit does not touch:
each stage's result for one document is stored under a key made of everything the stage reads,
the framing version, the parser's fingerprint, the file's text, the article regions that page
chrome left, and a fingerprint of the stage's own settings (its lexicon rows with their file
and line, the story config).  Editing ``loaded.tsv`` then re-runs loaded wording and nothing
else; editing ``chrome.tsv`` changes the article regions and so re-runs every stage that they
change.

Results are stored as JSON (never pickle) written by :func:`encode` and read back by
:func:`decode`, which rebuilds the frozen records from their type hints; a file that cannot be
read back is a miss, never an error.  The cache lives beside the parses, in
``<cache folder>/results-<version>/``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_HINTS: dict[type, dict[str, Any]] = {}


def encode(value: object) -> Any:
    """A JSON value for a record (or tuple, str, number, None): dataclasses by field name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    return value


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that :func:`encode` gave ``data``; ValueError when it is not.
    Numbers keep the type JSON gives them, so 0 and 0.0 come back as they were written."""
    if kind is Any:
        return data
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return decode(option, data)
            except (ValueError, TypeError, KeyError) as error:
                errors.append(error)
        raise ValueError(f"no type of {kind} fits {data!r}: {errors}")
    if origin is tuple:
        if not isinstance(data, list):
            raise ValueError(f"expected a list for {kind}, got {type(data).__name__}")
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {kind}, got {len(data)}")
        return tuple(decode(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {kind.__name__}")
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        if set(data) != names:
            raise ValueError(f"fields of {kind.__name__} differ: {sorted(set(data) ^ names)}")
        return kind(**{name: decode(hints[name], value) for name, value in data.items()})
    if kind is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise ValueError(f"expected a number, got {data!r}")
        return data
    if kind in (str, int, bool) and not isinstance(data, kind):
        raise ValueError(f"expected {kind.__name__}, got {data!r}")
    if kind is int and isinstance(data, bool):
        raise ValueError(f"expected int, got {data!r}")
    return data


def fingerprint(value: object) -> str:
    """A stable digest of settings: mappings and sets in sorted order, so the same lexicons give
    the same digest in every process (Python salts the order of sets of strings per process)."""

    def canonical(item: object) -> Any:
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            return [type(item).__name__] + [
                canonical(getattr(item, f.name)) for f in dataclasses.fields(item)
            ]
        if isinstance(item, Mapping):
            return sorted(([canonical(k), canonical(v)] for k, v in item.items()), key=repr)
        if isinstance(item, set | frozenset):
            return sorted((canonical(v) for v in item), key=repr)
        if isinstance(item, tuple | list):
            return [canonical(v) for v in item]
        if item is None or isinstance(item, str | int | float | bool):
            return item
        return repr(item)

    text = json.dumps(canonical(value), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    """Stage results on disk: ``get_or_make(stage, key, kind, make)``."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, stage: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / stage / key[:2] / f"{key}.json"

    def get_or_make(self, stage: str, key: str, kind: Any, make: Callable[[], T]) -> T:
        """The stored result of ``stage`` for ``key``, read back as ``kind``; else ``make()``,
        stored for next time."""
        path = self._path(stage, key)
        if path is not None and path.is_file():
            try:
                value: T = decode(kind, json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
                pass  # a truncated or older file: make it again
            else:
                self.hits += 1
                return value
        self.misses += 1
        value = make()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(encode(value), out, ensure_ascii=False, separators=(",", ":"))
                os.replace(temporary, path)
            except OSError:
                pass  # the cache only saves time: a read-only folder costs time, not results
        return value


def key(*parts: str) -> str:
    """One key from the parts that decide a stage's result."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
