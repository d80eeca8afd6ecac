#!/usr/bin/env python3
"""Cold start: wall time and peak RSS of `briefer --help` and of briefing the sample, plus the
modules `--help` imports.

    python benchmarks/startup.py [--runs 5]

Each run is a fresh process (`python -m briefer ...`), so every import and the tokenizer load are
paid each time, as a user's shell pays them. Peak RSS is the child's own maximum resident set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "alaska-summit.txt"
HEAVY = ("openai", "httpx", "trafilatura", "tiktoken", "rich")


def measure(args: list[str]) -> tuple[float, float]:
    """Return (wall seconds, peak RSS in MiB) of one run of `python -m briefer ARGS`."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefer", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"briefer {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def imported_by(args: list[str]) -> set[str]:
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefer", *args], capture_output=True, text=True)
    mods = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return mods


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    print(f"python {sys.version.split()[0]}, {runs} runs each, median (min-max)")
    print(f"{'command':<46} {'wall s':>18} {'peak RSS MiB':>14}")
    for label, args in (("briefer --help", ["--help"]),
                        (f"briefer brief {SEED.relative_to(ROOT)}", ["brief", str(SEED)]),
                        (f"briefer brief {SEED.relative_to(ROOT)} -f json", ["brief", str(SEED), "-f", "json"])):
        measure(args)  # warm the OS file cache, as a second run in a session would be
        samples = [measure(args) for _ in range(runs)]
        walls = [w for w, _ in samples]
        rss = max(r for _, r in samples)
        print(f"{label:<46} {statistics.median(walls):>7.3f} ({min(walls):.3f}-{max(walls):.3f}) {rss:>14.1f}")
    for label, args in (("--help", ["--help"]), ("brief (extractive, .txt)", ["brief", str(SEED)])):
        mods = imported_by(args)
        heavy = [m for m in HEAVY if m in mods]
        print(f"heavy modules imported by {label}: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
