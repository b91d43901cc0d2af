"""Read articles from files and folders, and settle each article's metadata.

Formats: ``.txt``; ``.md`` with optional front matter (``outlet``, ``title``, ``date``, ``url``,
``author``); ``.html``/``.htm`` through trafilatura; ``.jsonl`` and ``.jsonl.gz`` with one article
per line (``id``, ``outlet``, ``title``, ``date``, ``url``, ``author``, ``text``).  Text is UTF-8
with or without a byte-order mark (the mark is dropped, and offsets count from after it); other
bytes are read as cp1252, with a warning naming the file.

Size: an article is parsed whole, and the parser takes at most ``MAX_ARTICLE_CHARS`` characters
(spaCy's own limit; about 170,000 words, far beyond any news article).  A longer article is
refused with its file and line; a one-article file over ``MAX_FILE_BYTES`` is refused before it
is read.  ``.jsonl`` files are streamed a line at a time, so they may be of any size.

A file or record that cannot be read is an InputError; given a ``rejected`` list
(``framing.bad_input``, ``on_bad="skip"``), the readers list it there and go on instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing import bad_input, jsonl
from framing.errors import InputError
from framing.records import REPORT_INDEX, REPORT_MARKER, Cleaned, Meta, Rejected, Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".jsonl.gz")
META_FIELDS = ("outlet", "title", "date", "url", "author")
# spaCy refuses longer texts (nlp.max_length): its parser needs memory in proportion.
MAX_ARTICLE_CHARS = 1_000_000
# A .txt, .md or .html file is one article; a larger one is refused without reading it (an HTML
# page may be ten times its text).  The same bound applies to one line of a .jsonl file.
MAX_FILE_BYTES = 10_000_000


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in sorted(TEXT_SUFFIXES, key=len, reverse=True) if name.endswith(s)), "")


def _stem(path: Path) -> str:
    suffix = _suffix(path)
    return path.name[: len(path.name) - len(suffix)] if suffix else path.stem


def _file_id(path: Path) -> str:
    """A file's document id: its name without the suffix, as one printable line."""
    return _one_line(_stem(path)) or path.name


def display(path: Path) -> str:
    """A path as the user would recognise it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def decode(data: bytes, *, path: str, warnings: list[str]) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (a BOM is dropped), else cp1252 with a warning."""
    if b"\x00" in data[:8192]:
        raise InputError(
            "expected a text file, got binary data (a NUL byte); pass only article files",
            path=path,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read as cp1252"
        )
        return data.decode("cp1252", errors="replace"), "cp1252"


# Characters no article holds: control characters that are not white space (NUL, ESC) and
# unpaired surrogates (which a .jsonl string may escape).  They would reach the reports as raw
# bytes, or fail to be written at all; each is read as one character, so offsets stay true.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters as spaces and unpaired surrogates as U+FFFD."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))


def _one_line(value: str) -> str:
    return " ".join(printable(value).split())


def _source(
    doc_id: str,
    shown: str,
    text: str,
    meta: Meta,
    *,
    origin: str,
    encoding: str,
    line: int | None = None,
    body_start: int = 0,
) -> Source:
    """A Source of printable text and one-line metadata, or an InputError when the text is
    longer than the parser takes (``line``: of a .jsonl record)."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"expected an article of at most {MAX_ARTICLE_CHARS:,} characters (what the parser "
            f"takes), got {len(text):,}; split it into several articles",
            path=shown,
            line=line,
        )
    values = {k: _one_line(getattr(meta, k) or "") for k in META_FIELDS}
    return Source(
        id=doc_id,
        path=shown,
        text=printable(text),
        meta=Meta(**{k: v for k, v in values.items() if v}),
        body_start=body_start,
        origin=origin,
        encoding=encoding,
    )


def _clean_value(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


# Lines as editors and the reports' line links count them: at CR, LF or CRLF only (not at the
# form feeds and Unicode separators where str.splitlines also breaks).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def parse_front_matter(text: str, *, path: str) -> tuple[Meta, int]:
    """Read ``---`` delimited ``key: value`` front matter; return its metadata and body start."""
    lines = _LINE.findall(text)
    if not lines or lines[0].strip() != "---":
        return Meta(), 0
    values: dict[str, str] = {}
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line)
        stripped = line.strip()
        if stripped in {"---", "..."}:
            meta = Meta(**{k: values[k] or None for k in META_FIELDS if k in values})
            return meta, offset
        if not stripped or stripped.startswith("#"):
            continue
        key, colon, value = stripped.partition(":")
        if not colon or not key.strip() or " " in key.strip():
            raise InputError(
                f"expected a front matter line 'key: value', got {stripped[:60]!r}; "
                "fix the line or close the front matter with '---'",
                path=path,
                line=number,
            )
        values[key.strip().lower()] = _clean_value(value)
    raise InputError(
        "front matter opened with '---' is never closed; add a '---' line after it",
        path=path,
        line=1,
    )


def _read_html(data: bytes, path: Path, warnings: list[str]) -> Source:
    import trafilatura  # imported here only: HTML is the one format that needs it

    shown = display(path)
    html, encoding = decode(data, path=shown, warnings=warnings)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not printable(text).strip():
        raise InputError(
            "expected an article in the HTML page, found no main text; save the article as .txt",
            path=shown,
        )
    title = getattr(extracted, "title", None)
    meta = Meta(
        outlet=getattr(extracted, "sitename", None) or None,
        title=title or None,
        date=getattr(extracted, "date", None) or None,
        url=getattr(extracted, "url", None) or None,
        author=getattr(extracted, "author", None) or None,
    )
    return _source(_file_id(path), shown, text, meta, origin=shown, encoding=encoding)


def read_jsonl(
    path: Path, warnings: list[str], *, rejected: list[Rejected] | None = None
) -> Iterator[Source]:
    """Stream one Source per line of a ``.jsonl`` or ``.jsonl.gz`` file.  A bad line is an
    InputError; with ``rejected``, listed there, and reading goes on (read_file lists a file
    that cannot be read at all)."""
    shown, skip = display(path), rejected is not None
    for number, raw in jsonl.lines(path, limit=MAX_FILE_BYTES, shown=shown, read_on=skip):
        mine: list[str] = []  # a line's cp1252 warning is kept only if the line is
        try:
            if isinstance(raw, InputError):
                raise raw
            source = _record(path, shown, number, raw, mine, read_on=skip)
        except InputError as exc:
            bad_input.reject(exc, rejected)
            continue
        warnings.extend(mine)
        yield source


def _record(
    path: Path, shown: str, number: int, raw: bytes, warnings: list[str], *, read_on: bool
) -> Source:
    """The article on one line of a .jsonl file."""
    try:
        line, encoding = decode(raw, path=f"{shown}:{number}", warnings=warnings)
    except InputError as exc:  # the same message, its line apart for a Rejected
        raise InputError(exc.message, path=shown, line=number) from None
    record = jsonl.parse(line, shown=shown, number=number, read_on=read_on)
    text = record.get("text")
    if not isinstance(text, str) or not printable(text).strip():
        raise InputError(
            "expected a non-empty string field 'text', got "
            + ("none" if text is None else repr(text)[:40]),
            path=shown,
            line=number,
        )
    record_id = record.get("id")
    meta_values = {k: record.get(k) for k in META_FIELDS}
    for key, value in meta_values.items():
        if value is not None and not isinstance(value, str):
            meta_values[key] = str(value)
    return _source(
        _one_line("" if record_id is None else str(record_id)) or f"{_stem(path)}-{number}",
        shown,
        text,
        Meta(**meta_values),
        origin=f"{shown}:{number}",
        encoding=encoding,
        line=number,
    )


def read_file(
    path: Path, warnings: list[str], *, rejected: list[Rejected] | None = None
) -> Iterator[Source]:
    """Read one article file (or every record of a .jsonl file).  A file that cannot be read is
    an InputError; with ``rejected`` it is listed there instead (as is each bad .jsonl line)."""
    mine: list[str] = []  # a file's cp1252 warning is kept only if the file is
    try:
        if _suffix(path) in {".jsonl", ".jsonl.gz"}:
            yield from read_jsonl(path, warnings, rejected=rejected)
        else:
            yield _article(path, mine)
    except InputError as exc:
        bad_input.reject(exc, rejected)
    else:
        warnings.extend(mine)


def _article(path: Path, warnings: list[str]) -> Source:
    suffix = _suffix(path)
    shown = display(path)
    if not suffix:
        raise InputError(
            f"expected an article file ({', '.join(TEXT_SUFFIXES)}), got '{path.suffix or path.name}'",
            path=shown,
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"expected at most {MAX_FILE_BYTES:,} bytes for one article, got {size:,}; "
                "split it, or give one article per line in a .jsonl file",
                path=shown,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=shown) from None
    if suffix in {".html", ".htm"}:
        return _read_html(data, path, warnings)
    text, encoding = decode(data, path=shown, warnings=warnings)
    text = printable(text)
    meta, body_start = Meta(), 0
    if suffix in {".md", ".markdown"}:
        meta, body_start = parse_front_matter(text, path=shown)
    if not text[body_start:].strip():
        raise InputError("expected article text, got an empty file", path=shown)
    return _source(
        _file_id(path), shown, text, meta, origin=shown, encoding=encoding, body_start=body_start
    )


def _is_report(folder: Path) -> bool:
    """A folder holding both is a report framing wrote (see framing.report.output): its markdown
    pages are framing's own words, never articles, as when --out is inside the article folder."""
    return (folder / REPORT_MARKER).is_file() and (folder / REPORT_INDEX).is_file()


def find_files(paths: Iterable[Path], warnings: list[str] | None = None) -> list[Path]:
    """Expand folders (recursively, sorted, hidden entries and report folders skipped) into
    article files; a skipped report folder is named in ``warnings``."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            reports = sorted(m.parent for m in path.rglob(REPORT_MARKER) if _is_report(m.parent))
            for report in reports:
                if warnings is not None:
                    warnings.append(f"{display(report)}: skipped, a framing report, not articles")
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if (
                    child.is_file()
                    and _suffix(child)
                    and not any(p.startswith(".") for p in relative)
                    and not any(child.is_relative_to(r) for r in reports)
                ):
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return files


def read_paths(
    paths: Sequence[Path], warnings: list[str], *, rejected: list[Rejected] | None = None
) -> Iterator[Source]:
    """Every article under ``paths``, in a stable order; duplicate ids are an error.  With
    ``rejected`` (on_bad="skip"), each file or record that cannot be read, and each later
    duplicate, is listed there and left out."""
    skipped: list[str] = []
    files = find_files(paths, skipped)
    if not files:
        raise InputError(
            f"expected article files ({', '.join(TEXT_SUFFIXES)}), found none"
            + "".join(f" ({w})" for w in skipped),
            path=", ".join(str(p) for p in paths),
        )
    warnings.extend(skipped)
    seen: dict[str, str] = {}
    for path in files:
        for source in read_file(path, warnings, rejected=rejected):
            if source.id in seen:
                line = source.origin[len(source.path) + 1 :]  # a .jsonl record's: path:line
                again = InputError(
                    f"duplicate document id {source.id!r}, first read from {seen[source.id]}; "
                    "give each article a distinct file name or 'id'",
                    path=source.path,
                    line=int(line) if line else None,
                )
                bad_input.reject(again, rejected)
                continue
            seen[source.id] = source.origin
            yield source


@dataclass(frozen=True, slots=True)
class Resolved:
    outlet: str
    outlet_from: str  # metadata | config | byline | file
    title: str | None
    date: str | None
    url: str | None
    author: str | None


def resolve_meta(source: Source, configured: Meta, cleaned: Cleaned) -> Resolved:
    """Metadata precedence: the record or front matter, the story config, the byline, the file."""
    record = source.meta
    outlet_from = "file"
    outlet = source.id
    for value, origin in (
        (record.outlet, "metadata"),
        (configured.outlet, "config"),
        (cleaned.byline_outlet, "byline"),
    ):
        if value and value.strip():
            outlet, outlet_from = value.strip(), origin
            break
    return Resolved(
        outlet=outlet,
        outlet_from=outlet_from,
        title=record.title or configured.title or cleaned.title,
        date=record.date or configured.date,
        url=record.url or configured.url,
        author=record.author or configured.author or cleaned.byline_author,
    )
