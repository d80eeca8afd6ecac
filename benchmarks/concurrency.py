#!/usr/bin/env python3
"""Chunks briefed concurrently: wall time against ceil(N / concurrency) * L.

Serves the fault-injecting server of the tests (tests/fault_server.py) with a fixed latency L per
reply, and briefs an article of N chunks at several --concurrency values. The backend is warmed
up first on a one-chunk article, so the response format is settled (a fresh backend sends its
first call alone to learn it) and what is measured is the steady state of a batch.

    python benchmarks/concurrency.py [--chunks 8] [--latency 0.5] [--concurrency 1 2 4 8]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fault_server import FaultServer  # noqa: E402

from briefer import Article, Chunk, Document, load_settings  # noqa: E402
from briefer.backends.openai import OpenAIBackend  # noqa: E402


def article(n: int) -> tuple[Document, list[Chunk]]:
    paragraphs = [f"Minister Anna Berg{i} said the plan number {i} will pass. The council approved plan {i}." for i in range(n)]
    text = "\n\n".join(paragraphs)
    chunks, pos = [], 0
    for i, p in enumerate(paragraphs):
        start = text.index(p, pos)
        chunks.append(Chunk(index=i, start=start, end=start + len(p), text=p, tokens=20))
        pos = start + len(p)
    doc = Document(article=Article(name="bench", content=text, format="text", sha256="0" * 64), title="Bench", text=text)
    return doc, chunks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8])
    args = parser.parse_args()
    doc, chunks = article(args.chunks)
    warm_doc, warm_chunks = article(1)
    print(f"N = {args.chunks} chunks, server latency L = {args.latency:.2f} s per reply, reduce off")
    print(f"{'concurrency':>11}  {'wall s':>7}  {'ceil(N/c)*L':>11}  {'ratio':>5}  {'max in flight':>13}")
    with FaultServer(latency=args.latency) as server:
        for c in args.concurrency:
            settings = load_settings(
                {"backend": "openai", "base_url": server.url, "model": "fake", "cache": False, "reduce": False,
                 "concurrency": c},
                {},
                default_config=ROOT / ".no-config.toml",
            )
            backend = OpenAIBackend(settings=settings)
            backend.brief(warm_doc, warm_chunks)
            server.max_inflight = 0
            started = time.perf_counter()
            drafts = backend.brief(doc, chunks)
            wall = time.perf_counter() - started
            assert len(drafts) == len(chunks)
            ideal = math.ceil(args.chunks / c) * args.latency
            print(f"{c:>11}  {wall:>7.2f}  {ideal:>11.2f}  {wall / ideal:>5.2f}  {server.max_inflight:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
