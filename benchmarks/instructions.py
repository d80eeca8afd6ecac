"""Machine instructions per article on the extractive path, counted by valgrind's callgrind.

    python benchmarks/instructions.py [--dir DIR]

Articles per second (benchmarks/throughput.py) move with whatever else the machine runs: on a
shared machine the same code has measured anywhere from 115 to 200. The count of instructions
does not: with address-space randomisation off and a fixed hash seed it repeats to within a few
hundred instructions per article, so it tells whether a change made the path cheaper. It is a
proxy, not the target (cache misses and branch mispredictions are not counted).

The script re-runs itself under ``setarch -R valgrind --tool=callgrind``: the child briefs every
corpus article once to warm up (imports, lexicons, tiktoken's tables), then twice more inside
``itertools.starmap``, and callgrind counts only what runs inside that call. Needs valgrind and
setarch (Debian: ``apt-get install valgrind``); skips with a message without them.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from summary import find_shared  # (a sibling script, not a package)

ROUNDS = 2


def articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".ref.txt"))


def child(folder: Path) -> None:
    """Run under callgrind: warm up, then brief every article ROUNDS times inside starmap."""
    import briefer
    from briefer.rendering import render_json

    settings = briefer.load_settings({"backend": "extractive"}, env={})
    backend = briefer.load_backend("extractive", settings=settings)

    def one(path: Path) -> int:
        return len(render_json([briefer.brief(path, settings=settings, backend=backend)]))

    paths = articles(folder)
    for p in paths:
        one(p)
    sum(itertools.starmap(one, [(p,) for p in paths * ROUNDS]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=find_shared() / "corpus" / "summaries")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.dir)
        return 0
    if not args.dir.is_dir():
        print(f"skipped: {args.dir} not found (the corpus lives in ../shared)")
        return 0
    if not (shutil.which("valgrind") and shutil.which("setarch")):
        print("skipped: valgrind and setarch are needed (Debian: apt-get install valgrind)")
        return 0
    n = len(articles(args.dir)) * ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [
            "setarch", "-R", "valgrind", "--tool=callgrind", "--toggle-collect=starmap_next",
            f"--callgrind-out-file={out}", sys.executable, __file__, "--child", "--dir", str(args.dir),
        ]
        run = subprocess.run(cmd, check=False, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", run.stderr)
        if run.returncode != 0 or not found:
            print(run.stderr[-2000:], file=sys.stderr)
            print("callgrind run failed", file=sys.stderr)
            return 1
    total = int(found.group(1))
    print(f"{n} briefings ({n // ROUNDS} articles x {ROUNDS}), {total:,} instructions")
    print(f"instructions per article: {total / n / 1e6:.2f}M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
