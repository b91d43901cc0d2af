"""A disk cache of each document's findings, stage by stage.

Researchers re-run framing many times while they tune one lexicon.  The parse cache
(``framing.nlp``) already spares the parse; this cache spares the stages the edit does not touch:
each stage's result for one document is stored under a key made of everything the stage reads,
the framing version, the parser's fingerprint, the file's text, the article regions that page
chrome left, and a fingerprint of the stage's own settings (its lexicon rows with their file
and line, the story config).  Editing ``loaded.tsv`` then re-runs loaded wording and nothing
else; editing ``chrome.tsv`` changes the article regions and so re-runs every stage that they
change.

Results are stored as JSON (never pickle) written by :func:`dumps` and read back by
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
import time
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_HINTS: dict[type, dict[str, Any]] = {}


# Per type: its field names when it is a dataclass, else None (looked up once per type, not for
# every value: writing an article's loaded wording made a million calls).
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _names(kind: type) -> tuple[str, ...] | None:
    if kind not in _FIELDS:
        _FIELDS[kind] = (
            tuple(f.name for f in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind)
            else None
        )
    return _FIELDS[kind]


def _fields_of(value: object) -> dict[str, Any]:
    """``json.dumps``'s ``default``: a record as its fields by name, left to json to encode."""
    names = _names(type(value))
    if names is None:
        raise TypeError(f"{type(value).__name__} is not a record framing can store")
    return {name: getattr(value, name) for name in names}


def dumps(value: object) -> str:
    """A record (or tuple, str, number, None) as compact JSON, dataclasses as objects by field
    name, in one pass of json's C encoder, which calls back only for records (building the JSON
    values in Python first was most of the time of storing a stage)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_fields_of)


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _fail(message: str) -> Any:
    raise ValueError(message)


def _primitive(kind: type) -> Callable[[Any], Any]:
    def read(data: Any) -> Any:
        if kind is float:
            if isinstance(data, bool) or not isinstance(data, int | float):
                _fail(f"expected a number, got {data!r}")
        elif not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
            _fail(f"expected {kind.__name__}, got {data!r}")
        return data  # numbers keep the type JSON gives them: 0 and 0.0 come back as written

    return read


def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function from JSON to ``kind``, built once per type: reading a cached article calls it
    for every value, so the type hints are looked at once, not each time."""
    if kind in _DECODERS:
        return _DECODERS[kind]
    origin = typing.get_origin(kind)
    read: Callable[[Any], Any]
    if kind is Any:
        read = lambda data: data  # noqa: E731
    elif origin in (types.UnionType, typing.Union):
        options = [_decoder(o) for o in typing.get_args(kind) if o is not type(None)]
        optional = type(None) in typing.get_args(kind)

        def read(data: Any) -> Any:
            if data is None and optional:
                return None
            for option in options:
                try:
                    return option(data)
                except (ValueError, TypeError, KeyError):
                    continue
            return _fail(f"no type of {kind} fits {data!r}")

    elif origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def read(data: Any) -> Any:
                if not isinstance(data, list):
                    _fail(f"expected a list for {kind}, got {type(data).__name__}")
                return tuple(item(v) for v in data)

        else:
            items = [_decoder(a) for a in args]

            def read(data: Any) -> Any:
                if not isinstance(data, list) or len(data) != len(items):
                    _fail(f"expected {len(items)} items for {kind}, got {data!r}")
                return tuple(f(v) for f, v in zip(items, data, strict=True))

    elif isinstance(kind, type) and dataclasses.is_dataclass(kind):
        _DECODERS[kind] = lambda data: _DECODERS[kind](data)  # a record holding itself
        hints = typing.get_type_hints(kind)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind)]
        names = {name for name, _ in fields}
        cls = kind

        def read(data: Any) -> Any:
            if not isinstance(data, dict) or data.keys() != names:
                _fail(f"expected the fields of {cls.__name__}, got {data!r}"[:200])
            # positionally, in field order: no keyword dict to build for every record read
            return cls(*[f(data[name]) for name, f in fields])

    elif kind in (str, int, float, bool):
        read = _primitive(kind)
    else:
        read = lambda data: data  # noqa: E731
    _DECODERS[kind] = read
    return read


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that :func:`dumps` wrote as ``data``; ValueError when it is not."""
    return _decoder(kind)(data)


def _order(item: Any) -> tuple[str, str]:
    """A total order over canonical values: strings (most keys) by themselves, others by JSON."""
    head = item[0] if isinstance(item, list) and item else item
    if isinstance(head, str):
        return ("s", head) if head is item else ("s", head + "\0" + json.dumps(item))
    return ("j", json.dumps(item))


def fingerprint(value: object) -> str:
    """A stable digest of settings: mappings and sets in sorted order, so the same lexicons give
    the same digest in every process (Python salts the order of sets of strings per process)."""

    def canonical(item: object) -> Any:
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            return [type(item).__name__] + [
                canonical(getattr(item, f.name)) for f in dataclasses.fields(item)
            ]
        if isinstance(item, Mapping):
            return sorted(([canonical(k), canonical(v)] for k, v in item.items()), key=_order)
        if isinstance(item, set | frozenset):
            return sorted((canonical(v) for v in item), key=_order)
        if isinstance(item, tuple | list):
            return [canonical(v) for v in item]
        if item is None or isinstance(item, str | int | float | bool):
            return item
        return repr(item)

    text = json.dumps(canonical(value), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Store:
    """Stage results on disk: ``get_or_make(stage, key, kind, make)``."""

    @classmethod
    def under(cls, cache: Path | None) -> Store:
        """The stage cache inside the cache folder ``cache`` (None: no cache), kept apart for
        each version of framing's code."""
        return cls(cache / f"results-{code_print()}" if cache is not None else None)

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        # Seconds spent running each stage (its misses), for the benchmark's time per stage.
        self.seconds: dict[str, float] = {}

    def _path(self, stage: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / stage / key[:2] / f"{key}.json"

    def has(self, stage: str, key: str) -> bool:
        path = self._path(stage, key)
        return path is not None and path.is_file()

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
        began = time.perf_counter()
        value = make()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - began
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    # dumps, not dump: only the one-shot encoder is the C one (5x faster)
                    out.write(dumps(value))
                os.replace(temporary, path)
            except OSError:
                pass  # the cache only saves time: a read-only folder costs time, not results
        return value


_CODE: list[str] = []


def code_print() -> str:
    """A digest of framing's own source files: results made by other code are never read."""
    if not _CODE:
        digest = hashlib.sha256()
        package = Path(__file__).parent.parent  # the whole framing package
        for path in sorted(package.rglob("*.py")):
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
        _CODE.append(digest.hexdigest()[:16])
    return _CODE[0]


def key(*parts: str) -> str:
    """One key from the parts that decide a stage's result."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
