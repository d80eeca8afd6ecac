"""Articles per second of the extractive path, against sumy's LexRank on the same articles.

    python benchmarks/throughput.py [--dir DIR] [--rounds N] [--profile]

One process, warm: every round reads each article of ../shared/corpus/summaries from disk, cleans
it, chunks it, runs the extractive backend, merges and renders the briefing as JSON — the whole
path of ``briefer brief --format json`` minus process start. LexRank (sumy) then summarises the
same articles, from the same sentences (briefer's splitter; sumy's needs NLTK data that cannot be
downloaded). Each round of each method is timed on its own; the median and the best round are
printed. ``--profile`` prints where the extractive path spends its time (cProfile, sorted by
cumulative time). Target: at least 200 articles per second.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from summary import find_shared, sumy_summary  # noqa: E402  (a sibling script, not a package)


def briefer_path(paths: list[Path]) -> int:
    """Brief every article the way the CLI does; return the bytes of JSON rendered."""
    import briefer
    from briefer.rendering import render_json

    settings = briefer.load_settings({"backend": "extractive"}, env={})
    backend = briefer.load_backend("extractive", settings=settings)
    size = 0
    for path in paths:
        briefing = briefer.brief(path, settings=settings, backend=backend)
        size += len(render_json([briefing]))
    return size


def lexrank_path(paths: list[Path]) -> int:
    from briefer.sentences import split_sentences

    chosen = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        chosen += len(sumy_summary([s.text for s in split_sentences(text)], "lexrank", 3))
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=find_shared() / "corpus" / "summaries")
    ap.add_argument("--rounds", type=int, default=9, help="passes over the corpus, each timed (default 9)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the extractive path")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        print(f"skipped: {args.dir} not found (the corpus lives in ../shared)")
        return 0
    import briefer

    paths = sorted(p for p in args.dir.glob("*.txt") if not p.name.endswith(".ref.txt"))
    good = []
    for p in paths:  # an article briefer refuses (an input error) would only time the error path
        try:
            briefer.brief(p, settings=briefer.load_settings({"backend": "extractive"}, env={}))
            good.append(p)
        except briefer.BrieferError as exc:
            print(f"left out: {exc}")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in good)
    print(f"{len(good)} articles, {words / max(1, len(good)):.0f} words each on average, {args.rounds} rounds")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        briefer_path(good * args.rounds)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue())
        return 0

    # CPU time of this process is what the code costs; wall time also counts whatever else the
    # machine runs meanwhile. On a shared machine even CPU time swings by a fifth from one minute to
    # the next (other tenants share the caches and the clock), so each round is timed on its own,
    # the two methods in turn, and both the median round and the best one are printed: the best
    # is the cost with the least interference (as timeit reports), the median what a busy machine
    # gives. The ratio compares like with like.
    n = len(good)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        ours.append(_timed(briefer_path, good, n))
        theirs.append(_timed(lexrank_path, good, n))
    print(f"{'articles/s, per round of ' + str(n):44} {'CPU median':>10} {'CPU best':>9} {'wall median':>11}")
    for label, rates in (("briefer (read, clean, chunk, analyse, JSON)", ours), ("sumy LexRank (read, split, rank)", theirs)):
        cpu = [c for c, _ in rates]
        wall = [w for _, w in rates]
        print(f"{label:44} {statistics.median(cpu):10.1f} {max(cpu):9.1f} {statistics.median(wall):11.1f}")
    med = statistics.median(c for c, _ in ours) / statistics.median(c for c, _ in theirs)
    best = max(c for c, _ in ours) / max(c for c, _ in theirs)
    print(f"ratio briefer / LexRank (CPU): {med:.2f}x median, {best:.2f}x best")
    print("target: >= 200 articles/s")
    return 0


def _timed(path, paths: list[Path], n: int) -> tuple[float, float]:
    """Return the articles per second of one pass, by CPU time and by wall clock."""
    cpu, wall = time.process_time(), time.perf_counter()
    path(paths)
    return n / (time.process_time() - cpu), n / (time.perf_counter() - wall)


if __name__ == "__main__":
    sys.exit(main())
