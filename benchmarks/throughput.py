"""Articles per second of the extractive path, against sumy's LexRank on the same articles.

    python benchmarks/throughput.py [--dir DIR] [--rounds N] [--profile]

One process, warm: every round reads each article of ../shared/corpus/summaries from disk, cleans
it, chunks it, runs the extractive backend, merges and renders the briefing as JSON — the whole
path of ``briefer brief --format json`` minus process start. LexRank (sumy) then summarises the
same articles in the same run, from the same sentences (briefer's splitter; sumy's needs NLTK data
that cannot be downloaded). ``--profile`` prints where the extractive path spends its time
(cProfile, sorted by cumulative time). Target: at least 200 articles per second.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
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
    ap.add_argument("--rounds", type=int, default=5, help="passes over the corpus (default 5)")
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
    # machine runs meanwhile. Both are printed.
    n = len(good) * args.rounds
    cpu, wall = time.process_time(), time.perf_counter()
    briefer_path(good * args.rounds)
    ours_cpu, ours_wall = n / (time.process_time() - cpu), n / (time.perf_counter() - wall)
    cpu, wall = time.process_time(), time.perf_counter()
    lexrank_path(good * args.rounds)
    theirs_cpu, theirs_wall = n / (time.process_time() - cpu), n / (time.perf_counter() - wall)
    print(f"{'articles/s':40} {'CPU time':>10} {'wall clock':>11}")
    print(f"{'briefer (read, clean, chunk, analyse, JSON)':40} {ours_cpu:10.1f} {ours_wall:11.1f}")
    print(f"{'sumy LexRank (read, split, rank)':40} {theirs_cpu:10.1f} {theirs_wall:11.1f}")
    print(f"ratio briefer / LexRank: {ours_cpu / theirs_cpu:.2f}x (CPU), {ours_wall / theirs_wall:.2f}x (wall)")
    print("target: >= 200 articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
