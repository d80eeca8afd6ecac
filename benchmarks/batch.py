#!/usr/bin/env python3
"""Batch scale: throughput with --jobs 1 and 2, peak memory of the whole run at 200 and 2,000
articles, and start-up (wall time and imports of `briefer --help` and of a one-article run).

    python benchmarks/batch.py [--articles 2000] [--runs 3] [--corpus ../shared/corpus/summaries]

The articles are ../shared/corpus/summaries/*.txt (the .ref.txt summaries left out), repeated to
the count asked, fed through `--inputs-from`. Each run is a fresh `python -m briefer` process.
Peak RSS is the largest sum, over the run, of the resident memory of briefer and all its worker
processes (sampled from /proc every 20 ms), so it counts the workers that `--jobs` adds.
Exits non-zero if the extractive path imports openai or httpx.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "summaries"
SEED = ROOT / "seeds" / "alaska-summit.txt"
FORBIDDEN = ("openai", "httpx")
SAMPLE_SECONDS = 0.02  # between two samples of the memory of the process tree


def articles() -> list[Path]:
    found = sorted(p for p in CORPUS.glob("*.txt") if not p.name.endswith(".ref.txt"))
    if not found:
        sys.exit(f"no articles in {CORPUS}: this benchmark needs ../shared")
    return found


def write_list(n: int, folder: Path) -> Path:
    pool = articles()
    listing = folder / f"inputs-{n}.txt"
    listing.write_text("".join(f"{pool[i % len(pool)]}\n" for i in range(n)), encoding="utf-8")
    return listing


def tree_memory_kib(root: int) -> tuple[int, int]:
    """Return (RSS, PSS) of ``root`` and all its descendants, in KiB.

    RSS counts the pages forked workers share with their parent once per process; PSS splits each
    shared page among its sharers, so it is what the run really costs the machine."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields["PPid"].strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        pss += _pss(pid)
        stack.extend(children.get(pid, []))
    return total, pss


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(args: list[str], *, sample: bool = False) -> tuple[float, float, float]:
    """Return (wall seconds, peak RSS, peak PSS of the process tree in MiB) of `python -m briefer ARGS`."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefer", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak = peak_pss = 0
    while True:
        # wait4, not poll: it also gives the CPU time, which includes the workers briefer reaped.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sample else 0)
        if pid:
            break
        rss, pss = tree_memory_kib(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_SECONDS)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        sys.exit(f"briefer {' '.join(args)} exited {proc.returncode}: {err.decode()[-500:]}")
    global LAST_CPU
    LAST_CPU = usage.ru_utime + usage.ru_stime
    return wall, peak / 1024, peak_pss / 1024


LAST_CPU = 0.0  # CPU seconds (user + system) of the last run, workers included


def imported_by(args: list[str]) -> set[str]:
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefer", *args], capture_output=True, text=True)
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in r.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def main() -> None:
    global CORPUS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3, help="runs of each start-up command")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of article .txt files")
    opts = ap.parse_args()
    CORPUS = opts.corpus
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, corpus: {len(articles())} articles from {CORPUS}")
    # Other work on the machine takes cores from --jobs 2: the load average says how much.
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = write_list(opts.articles, folder)

        print(f"\n## Throughput: {opts.articles} articles, --format jsonl to /dev/null,"
              f" best of {opts.runs} interleaved runs (the machine is shared: the best run is the least disturbed)")
        walls: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(opts.runs):
            for jobs in (1, 2):
                wall, _, _ = run(["brief", "--inputs-from", str(big), "-f", "jsonl", "--jobs", str(jobs)])
                walls[jobs].append(wall)
                cpus[jobs].append(LAST_CPU)
        rates = {}
        for jobs in (1, 2):
            best = min(walls[jobs])
            rates[jobs] = opts.articles / best
            print(f"--jobs {jobs}: best {best:6.2f} s  {rates[jobs]:6.1f} articles/s   (median {statistics.median(walls[jobs]):.2f} s;"
                  f" CPU {min(cpus[jobs]):.2f} s, workers included)")
        print(f"speed-up --jobs 2 over --jobs 1: {rates[2] / rates[1]:.2f}x"
              " (load average now {:.2f})".format(os.getloadavg()[0]))
        out_dir = folder / "out"
        wall, _, _ = run(["brief", "--inputs-from", str(big), "-f", "json", "-o", f"{out_dir}/", "--jobs", "2"])
        # A file is named after its input, and the list repeats the corpus: each of its files is
        # written again every time its article comes round.
        print(f"--jobs 2 -o DIR/ (one .json file per input): {wall:.2f} s  {opts.articles / wall:.1f} articles/s,"
              f" {opts.articles} writes to {len(list(out_dir.iterdir()))} files")

        print(f"\n## Peak memory of the whole run (briefer + workers), sampled every {SAMPLE_SECONDS * 1000:.0f} ms")
        for n in (opts.articles // 10, opts.articles):
            listing = write_list(n, folder)
            for jobs in (1, 2):
                for fmt in ("jsonl", "json"):
                    _, rss, pss = run(["brief", "--inputs-from", str(listing), "-f", fmt, "--jobs", str(jobs)],
                                      sample=True)
                    print(f"{n:>6} articles --jobs {jobs} -f {fmt:<5}: peak RSS {rss:6.1f} MiB, peak PSS {pss:6.1f} MiB")

    print(f"\n## Start-up, median of {opts.runs} runs (min-max)")
    for label, args in (("briefer --help", ["--help"]),
                        (f"briefer brief {SEED.relative_to(ROOT)}", ["brief", str(SEED)])):
        run(args)  # warm the file cache
        walls = [run(args)[0] for _ in range(opts.runs)]
        print(f"{label:<40} {statistics.median(walls):.3f} s ({min(walls):.3f}-{max(walls):.3f})")
    bad = []
    for label, args in (("--help", ["--help"]), ("brief (extractive, one .txt)", ["brief", str(SEED)])):
        mods = imported_by(args)
        found = [m for m in FORBIDDEN if m in mods]
        print(f"imports of {label}: {len(mods)} top-level packages; openai/httpx imported: {', '.join(found) or 'no'}")
        bad += [f"{label} imports {m}" for m in found]
    if bad:
        sys.exit("FAIL: " + "; ".join(bad))
    print("OK: the extractive path imports neither openai nor httpx")


if __name__ == "__main__":
    main()
