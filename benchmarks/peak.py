"""Peak memory of a command and the processes it starts, sampled from /proc (Linux only).

Usage: python benchmarks/peak.py [--every 0.5] -- framing report corpus.jsonl --out r

Prints, once the command ends: its wall time, the peak resident size (RSS) of the command's own
process, the peak RSS of the largest process it started (a forked worker's RSS counts the pages
it still shares with its parent, so the figure is an upper bound), and the peak of the
proportional set size (PSS) summed over all of them, where each shared page is divided among
the processes sharing it: what the run costs the machine.  ``/usr/bin/time -v`` gives one
maximum over the whole tree and cannot say which process it was.

Figures, not tests; sampling every half second can miss a peak shorter than that.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def family(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children = [int(c) for c in task.read_text().split()]
        except OSError:
            continue
        for child in children:
            found += family(child)
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; zeros once it has gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    began = time.perf_counter()
    running = subprocess.Popen(command)
    own = largest = total = 0
    while running.poll() is None:
        pids = family(running.pid)
        sizes = {pid: memory_kb(pid) for pid in pids}
        own = max(own, sizes[running.pid][0])
        largest = max([largest] + [rss for pid, (rss, _) in sizes.items() if pid != running.pid])
        total = max(total, sum(pss for _, pss in sizes.values()))
        time.sleep(args.every)
    wall = time.perf_counter() - began
    print(
        f"exit {running.returncode}; wall {wall:.1f} s; peak RSS: the command {own / 1024:.0f} MB, "
        f"its largest child {largest / 1024:.0f} MB; peak PSS of all together "
        f"{total / 1024:.0f} MB",
        file=sys.stderr,
    )
    return running.returncode


if __name__ == "__main__":
    raise SystemExit(main())
