"""Every error framing raises on purpose.

The CLI turns a FramingError into one line on stderr (``Error: <message>``) and exit code 1;
anything else is a bug.  Messages name the object (file and line where there is one), what was
expected, what was received, and the fix, in that order where it fits.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class: a problem with the user's input, settings or environment."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(FramingError):
    """An article file or record that cannot be read or makes no sense."""


class ConfigError(FramingError):
    """A story config (framing.toml) that is malformed."""


class LexiconError(FramingError):
    """A lexicon file with a malformed line, an unknown category or a duplicate term."""


class ModelError(FramingError):
    """The spaCy pipeline is missing or cannot be loaded."""


class OutputError(FramingError):
    """The report folder cannot be written."""


class EngineError(FramingError):
    """The dask engine is not installed, or its cluster cannot be reached."""


def not_utf8(exc: UnicodeDecodeError) -> str:
    """The message for a settings file that is not UTF-8, at the first bad byte."""
    return (
        f"expected UTF-8 text, got a byte 0x{exc.object[exc.start]:02x} at offset {exc.start}; "
        "save the file as UTF-8"
    )
