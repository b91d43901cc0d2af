"""Fuzz ``framing analyze`` with random and mutated inputs, in-process, and count the outcomes.

    python scripts/fuzz.py [-n 10000] [--batch 100] [--seed 0] [--keep DIR] [--errors]
                           [--on-bad skip]

Each input is one file: a sample article from ``seeds/`` with bytes flipped, cut short, control
characters, NUL bytes, odd Unicode, markup, numbers or quote marks spliced in, or a line made
huge; a ``.md`` with random front matter; a ``.jsonl`` (sometimes gzipped) of random records and
broken lines; an HTML page; random bytes; or a mutated story config (``framing.toml``, passed with
``--config`` beside a plain article).

Inputs are written in batches to a temporary folder and run through the CLI (``framing analyze
FILES --json``) in this process, with one loaded spaCy pipeline and a parse cache in the
temporary folder.  Files that framing refuses are each run alone, so every input gets its own
outcome:

- ok: analysed, exit 0, and the JSON parses with every quoted span equal to its offsets;
- clean: exit 1 with exactly one line ``Error: <file>[:line]: ...`` naming the input;
- crash: anything else: an exception, another exit code, a traceback or a second line on
  stderr;
- offsets: exit 0, but a span in the JSON whose text is not ``text[start:end]``.

The first few crashes and offsets failures are printed with their traceback, and their inputs
are copied to ``--keep``; ``--errors`` also counts the refusals by message.  The same seed
gives the same inputs.

A batch that fails is split in halves until the failing input is alone (the parse cache makes
the reruns cheap).  The exit code is 1 when anything crashed or gave wrong offsets.

With ``--on-bad skip``, the inputs are run together with ``--on-bad skip``, and bad ones must
be left out rather than refused: clean is then an input with a record or more left out (each
named by one ``Warning: ...; left out`` line and in the JSON's ``rejected``), or one of a
batch with nothing left to read (one ``Error:`` line); exit 0 with stderr lines other than
warnings, a warning that ``rejected`` does not hold, or a rejected path that is no input of
the batch, is a crash.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CONFIG = ROOT / "seeds" / "framing.toml"
SHOWN_CRASHES = 3
OUTCOMES = ("ok", "clean", "crash", "offsets")
CONFIG_LINES = ["[x]", 'a = "b"', "[[actors]]", 'side = "us"', 'aliases = ["Hamas"]', "name = 3"]

CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[2J", "\x7f", "\x85", "\r", "\t"]
UNICODE = [
    "\u0301", "\u200b", "\u200d", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff",
    "\U0001f600", "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u00a0",
    "\ufb01", "\u2163", "\u00bd", "\u0660\u0661", "\U000e0001", "\uff21",
]  # fmt: skip
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''"]
MARKUP = [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](http://e/x.png)", "| a | b |",
    "# heading", "<img src=x onerror=alert(1)>", "`code`", "*em*", "\\", "&amp;", "<!--", "]]>",
    "---", "...", "    indented", "> quote", "{{template}}", "%s%n", "${jndi:x}",
]  # fmt: skip
NUMBERS = [
    "1,2,3", "9" * 60, "tens of", "50/50", "31-24", "$1e9", "3.5.6", "-0", "0.000001", "1e309",
    "a million million", "several hundred thousand", "nearly over 5", "12th", "1,000,000,000,000",
    "½", "٣", "two-thirds", "100%", "-5 people", "and of -", "US$334 million", "k", "3 m",
]  # fmt: skip
WORDS = [
    "said", "told", "according to", "claimed", "killed", "released", "prisoners", "terrorists",
    "hostages", "Hamas", "Israel", "officials", "brutal", "By Staff", "Read more", "(AFP) -",
    "WASHINGTON", "he", "they", "the group", "was killed by", "died", "Photo: AP", "\u00a9",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Input:
    kind: str
    name: str  # file name inside the batch folder
    data: bytes


class Generator:
    """Random and mutated inputs from the sample articles, reproducible from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
        self.config = CONFIG.read_text(encoding="utf-8")

    # --- pieces ---------------------------------------------------------------------------

    def excerpt(self) -> str:
        """A few hundred words of one sample article, from a random line."""
        text = self.rng.choice(self.seeds)
        lines = text.splitlines(keepends=True)
        start = self.rng.randrange(len(lines))
        return "".join(lines[start : start + self.rng.randint(1, 12)]) or text[:800]

    def splice(self, text: str) -> str:
        rng = self.rng
        for _ in range(rng.randint(1, 8)):
            pool = rng.choice([CONTROL, UNICODE, QUOTES, MARKUP, NUMBERS, WORDS])
            piece = rng.choice(pool)
            if rng.random() < 0.2:
                piece = "".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 6)))
            at = rng.randint(0, len(text))
            text = text[:at] + piece + text[at:]
        return text

    def huge_line(self, text: str) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return text.replace("\n", " ") * rng.randint(1, 4)
        filler = rng.choice(["a", "word ", "\u201c", "-", "1", ". ", "\u0301"])
        at = rng.randint(0, len(text))
        return text[:at] + filler * rng.randint(2_000, 20_000) + text[at:]

    def mutate_bytes(self, data: bytes) -> bytes:
        rng = self.rng
        buffer = bytearray(data)
        choice = rng.random()
        if choice < 0.4 and buffer:
            for _ in range(rng.randint(1, 10)):
                buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
        elif choice < 0.7:
            buffer = buffer[: rng.randint(0, len(buffer))]
        elif choice < 0.85:
            at = rng.randint(0, len(buffer))
            buffer[at:at] = rng.choice(
                [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xe9", b"\xc3", b"\xed\xa0\x80"]
            )
        else:
            buffer = bytearray(b"\xef\xbb\xbf") + buffer
        return bytes(buffer)

    def text(self) -> str:
        text = self.excerpt()
        if self.rng.random() < 0.8:
            text = self.splice(text)
        if self.rng.random() < 0.05:
            text = self.huge_line(text)
        return text

    def encode(self, text: str) -> bytes:
        data = text.encode("utf-8", "surrogatepass")
        return self.mutate_bytes(data) if self.rng.random() < 0.3 else data

    def front_matter(self) -> str:
        rng = self.rng
        keys = ["outlet", "title", "date", "url", "author", "Outlet", "x", "two words", ""]
        values = ["Gazette", '"Quoted"', "'single'", "", ":", "a: b", *MARKUP[:4], *UNICODE[:5]]
        lines = [
            f"{rng.choice(keys)}{rng.choice([': ', ':', ' ', ''])}{rng.choice(values)}"
            for _ in range(rng.randint(0, 5))
        ]
        lines += rng.sample(["# c", "", "---", "...", "\t"], rng.randint(0, 2))
        opener = rng.choice(["---", "---", "--- ", "----"])
        closer = rng.choice(["---", "...", "", "---"])
        newline = rng.choice(["\n", "\r\n", "\r"])
        return newline.join([opener, *lines, closer]) + newline

    def record(self) -> str:
        rng = self.rng
        if rng.random() < 0.1:
            return rng.choice(["{not json", "[1, 2]", "null", '"text"', "{}", "{" * 50, "\x00"])
        fields: dict[str, object] = {}
        for key in ("id", "outlet", "title", "date", "url", "author", "text", "extra"):
            if key == "text" and rng.random() < 0.8:
                fields[key] = self.text()
            elif rng.random() < 0.5:
                odd = [rng.randint(-5, 10**20), None, [1, "a"], {"a": 1}, True, 1.5e300, "", " "]
                fields[key] = rng.choice([self.text(), self.text(), "\ud800", *UNICODE, *odd])
        line = json.dumps(fields, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.05:
            line = line[: rng.randint(0, len(line))]
        return line

    def html(self) -> str:
        rng = self.rng
        paragraphs = "".join(f"<p>{p}</p>" for p in self.text().split("\n") if p.strip())
        title = rng.choice(["", "<title>Talks | Gazette</title>", "<title><script>x</script>"])
        body = rng.choice(
            [
                f"<article><h1>Headline</h1>{paragraphs}</article>",
                f"<div>{paragraphs}",
                paragraphs,
                f"<nav><a href='/'>Home</a></nav><main>{paragraphs}</main><footer>(c)</footer>",
                f"<script>{paragraphs}</script>",
            ]
        )
        return f"<html><head>{title}</head><body>{body}</body></html>"

    def config_text(self) -> str:
        rng = self.rng
        lines = self.config.splitlines()
        for _ in range(rng.randint(1, 2)):
            at = rng.randrange(len(lines))
            action = rng.random()
            if action < 0.4:
                del lines[at]
            elif action < 0.6:
                lines.insert(at, lines[rng.randrange(len(lines))])
            elif action < 0.7:
                lines[at] = self.splice(lines[at])
            else:
                lines.insert(at, rng.choice(CONFIG_LINES))
        return "\n".join(lines) + "\n"

    # --- inputs ---------------------------------------------------------------------------

    def empty(self) -> tuple[str, bytes]:
        suffix = self.rng.choice([".txt", ".md", ".jsonl"])
        return suffix, self.rng.choice([b"", b" \n", b"\n\n\t", b"\xef\xbb\xbf", b"---\n---\n"])

    def make(self, index: int) -> Input:
        rng = self.rng
        kinds: dict[str, tuple[float, Callable[[], tuple[str, bytes]]]] = {
            "txt": (0.35, lambda: (".txt", self.encode(self.text()))),
            "md": (0.15, lambda: (".md", self.encode(self.front_matter() + self.text()))),
            "jsonl": (0.15, lambda: (".jsonl", self.encode(self.jsonl_text()))),
            "jsonl.gz": (0.05, self.gzipped),
            "html": (0.1, lambda: (".html", self.encode(self.html()))),
            "bytes": (0.1, lambda: (".txt", rng.randbytes(rng.randint(0, 600)))),
            "config": (0.05, lambda: (".toml", self.encode(self.config_text()))),
            "empty": (0.05, self.empty),
        }
        (kind,) = rng.choices(list(kinds), weights=[w for w, _ in kinds.values()])
        suffix, data = kinds[kind][1]()
        return Input(kind, f"{index:05d}{suffix}", data)

    def jsonl_text(self) -> str:
        lines = [self.record() for _ in range(self.rng.randint(1, 4))]
        if self.rng.random() < 0.2:
            lines.insert(self.rng.randint(0, len(lines)), "")
        return "\n".join(lines) + self.rng.choice(["\n", "", "\r\n"])

    def gzipped(self) -> tuple[str, bytes]:
        data = gzip.compress(self.jsonl_text().encode("utf-8", "surrogatepass"), mtime=0)
        if self.rng.random() < 0.3:
            data = self.mutate_bytes(data)
        return ".jsonl.gz", data


# --- running ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    outcomes: Counter[str]
    by_kind: Counter[tuple[str, str]]
    crashes: list[str]
    keep: Path
    errors: Counter[str]

    def add(self, item: Input, outcome: str, folder: Path, detail: str = "") -> None:
        self.outcomes[outcome] += 1
        self.by_kind[(item.kind, outcome)] += 1
        if outcome == "clean":
            # The message without the file, its line and quoted values: what kind of refusal.
            message = detail.split(": ", 2)[-1]
            self.errors[re.sub(r"'[^']*'|\([^)]*\)|(?<![\w-])\d[\d,]*", "_", message)[:90]] += 1
        if outcome in {"crash", "offsets"}:
            self.keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / item.name, self.keep / item.name)
            if len(self.crashes) < SHOWN_CRASHES:
                self.crashes.append(
                    f"--- {outcome}: {item.kind} input {self.keep / item.name}\n{detail}"
                )


def _spans_hold(node: object, text: str) -> bool:
    """Every dict below ``node`` with start, end and text quotes ``text[start:end]``."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= set(node) and isinstance(node["text"], str):
            start, end = node["start"], node["end"]
            if not (0 <= start <= end <= len(text)) or text[start:end] != node["text"]:
                return False
        return all(_spans_hold(v, text) for k, v in node.items() if k != "text")
    if isinstance(node, list):
        return all(_spans_hold(v, text) for v in node)
    return True


class Runner:
    def __init__(self, tally: Tally, on_bad: str = "stop") -> None:
        from typer.testing import CliRunner

        from framing import cli
        from framing.nlp import Parser

        parser = Parser.create()
        Parser.create = classmethod(lambda cls, **options: parser)  # type: ignore[method-assign,assignment]
        self.app = cli.app
        self.cli = CliRunner()
        self.tally = tally
        self.skip = on_bad == "skip"
        self.rejected: dict[str, str] = {}  # what the last run left out: path, first reason

    def invoke(self, args: list[str]) -> tuple[str, str]:
        """Run the CLI; return its outcome (ok, clean, crash, offsets) and what went wrong."""
        result = self.cli.invoke(self.app, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            detail = "".join(traceback.format_exception(*result.exc_info))  # type: ignore[misc]
            return "crash", f"framing {' '.join(args)}\n{detail}"
        stderr = result.stderr
        if "Traceback" in stderr or result.exit_code not in (0, 1):
            return "crash", f"exit {result.exit_code}; stderr:\n{stderr}"
        errors = [line for line in stderr.splitlines() if not line.startswith("Warning: ")]
        left_out = [line for line in stderr.splitlines() if line.endswith("; left out")]
        if self.skip and result.exit_code == 1 and "got none (" in stderr and len(errors) == 1:
            return "clean", errors[0]  # every input of the run was left out
        if result.exit_code == 1:
            if len(errors) == 1 and errors[0].startswith("Error: ") and stderr.endswith("\n"):
                return "clean", errors[0]
            return "crash", f"exit 1 with stderr not one 'Error:' line:\n{stderr}"
        if errors:
            return "crash", f"exit 0 with stderr:\n{stderr}"
        if "--json" in args:
            data = json.loads(result.stdout)
            rejected = data.get("rejected", [])
            self.rejected = {}
            for r in rejected:
                self.rejected.setdefault(r["path"], r["reason"])
            if self.skip and len(left_out) != len(rejected):
                return "crash", f"{len(left_out)} 'left out' warnings, {len(rejected)} rejected"
            if not set(self.rejected) <= set(args):
                return "crash", f"a rejected path is no input: {sorted(self.rejected)}"
            for doc in data["documents"]:
                if not _spans_hold({k: v for k, v in doc.items() if k != "text"}, doc["text"]):
                    return "offsets", f"{doc['id']}: a span's text is not text[start:end]"
        return "ok", ""

    def group(self, items: list[Input], folder: Path) -> None:
        """Analyse ``items`` together; split a failing group until each failure is alone."""
        if not items:
            return
        args = ["analyze", *(str(folder / i.name) for i in items), "--json"]
        if self.skip:
            args += ["--on-bad", "skip"]
        outcome, detail = self.invoke(args)
        if outcome == "ok":
            for item in items:
                path = str(folder / item.name)
                if path in self.rejected:  # counted by its reason, as a refusal is
                    self.tally.add(item, "clean", folder, f"Warning: {path}: {self.rejected[path]}")
                else:
                    self.tally.add(item, "ok", folder)
        elif self.skip and outcome == "clean":
            for item in items:
                self.tally.add(item, outcome, folder, detail)
        elif len(items) == 1:
            if outcome == "clean" and items[0].name not in detail:
                outcome, detail = "crash", f"the error does not name the input: {detail}"
            self.tally.add(items[0], outcome, folder, detail)
        else:
            half = len(items) // 2
            self.group(items[:half], folder)
            self.group(items[half:], folder)

    def batch(self, items: list[Input], folder: Path) -> None:
        from framing import corpus
        from framing.errors import FramingError
        from framing.records import Rejected

        plain = folder / "plain.txt"
        plain.write_text("The council voted on Tuesday to extend the library's hours.\n")
        readable: list[list[Input]] = [[]]
        ids: list[set[str]] = [set()]
        for item in items:
            (folder / item.name).write_bytes(item.data)
        for item in items:
            path = folder / item.name
            if item.kind == "config":
                outcome, detail = self.invoke(["analyze", str(plain), "--config", str(path)])
                if outcome == "clean" and item.name not in detail:
                    outcome, detail = "crash", f"the error does not name the config: {detail}"
                self.tally.add(item, outcome, folder, detail)
                continue
            try:
                rejected: list[Rejected] | None = [] if self.skip else None
                found = {s.id for s in corpus.read_paths([path], [], rejected=rejected)}
            except FramingError:
                # Refused while reading: the CLI must say so in one line naming the file.
                outcome, detail = self.invoke(["analyze", str(path)])
                if outcome == "ok":
                    outcome, detail = "crash", "read_paths refused it, the CLI did not"
                elif outcome == "clean" and item.name not in detail:
                    outcome, detail = "crash", f"the error does not name the input: {detail}"
                self.tally.add(item, outcome, folder, detail)
                continue
            except Exception:
                self.tally.add(item, "crash", folder, traceback.format_exc())
                continue
            # Files whose ids another file already has go to another group: a duplicate id
            # across files is an error of the run, not of the file.
            slot = next((n for n, taken in enumerate(ids) if not taken & found), None)
            if slot is None:
                readable.append([])
                ids.append(set())
                slot = len(ids) - 1
            readable[slot].append(item)
            ids[slot] |= found
        for group in readable:
            self.group(group, folder)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("-n", type=int, default=10_000, help="number of inputs (10000)")
    options.add_argument("--batch", type=int, default=100, help="inputs per analyze run (100)")
    options.add_argument("--seed", type=int, default=0, help="random seed (0)")
    options.add_argument("--keep", type=Path, default=Path("fuzz-crashes"), help="crash inputs")
    options.add_argument("--errors", action="store_true", help="also count the kinds of refusal")
    options.add_argument(
        "--on-bad", choices=["stop", "skip"], default="stop", help="run with --on-bad (stop)"
    )
    args = options.parse_args(argv)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="framing-fuzz-") as temporary:
        os.environ["FRAMING_CACHE_DIR"] = str(Path(temporary) / "cache")
        tally = Tally(Counter(), Counter(), [], args.keep, Counter())
        runner = Runner(tally, args.on_bad)
        generator = Generator(args.seed)
        for first in range(0, args.n, args.batch):
            folder = Path(temporary) / f"batch-{first:05d}"
            folder.mkdir()
            items = [generator.make(i) for i in range(first, min(first + args.batch, args.n))]
            runner.batch(items, folder)
            shutil.rmtree(folder)
            done = sum(tally.outcomes.values())
            print(
                f"  {done}/{args.n} inputs, {tally.outcomes['crash']} crashes, "
                f"{tally.outcomes['offsets']} offsets failures, "
                f"{time.monotonic() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    elapsed = time.monotonic() - started

    for shown in tally.crashes:
        print(shown)
    total = sum(tally.outcomes.values())
    mode = " --on-bad skip" if args.on_bad == "skip" else ""
    print(f"framing analyze{mode} fuzz: {total} inputs (seed {args.seed}), {elapsed:.0f} s")
    kinds = sorted({kind for kind, _ in tally.by_kind})
    print(f"  {'kind':<10}" + "".join(f"{o:>9}" for o in OUTCOMES))
    for kind in kinds:
        print(f"  {kind:<10}" + "".join(f"{tally.by_kind[(kind, o)]:>9}" for o in OUTCOMES))
    print(f"  {'all':<10}" + "".join(f"{tally.outcomes[o]:>9}" for o in OUTCOMES))
    if args.errors:
        print("refusals (exit 1), by message:")
        for message, count in tally.errors.most_common():
            print(f"  {count:>6}  {message}")
    failed = tally.outcomes["crash"] + tally.outcomes["offsets"]
    if failed:
        print(f"crash and offsets inputs copied to {args.keep}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
