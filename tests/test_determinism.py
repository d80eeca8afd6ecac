"""The extractive backend is deterministic: the same input gives the same bytes, whatever Python's
hash seed (set and dict iteration orders must never reach the output)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _inputs() -> list[str]:
    found = sorted(str(p) for p in (ROOT / "seeds").iterdir())
    found += sorted(str(p) for p in (ROOT / "tests" / "data").iterdir() if p.suffix in {".txt", ".md", ".html"})
    gold = ROOT.parent / "shared" / "dev-gold"
    if gold.is_dir():  # more and harder articles when the team's data is beside the repository
        found += sorted(str(p) for p in gold.iterdir() if p.suffix in {".txt", ".html"})
    return found


def _brief_all(seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    r = subprocess.run([sys.executable, "-m", "briefer", "brief", *_inputs(), "-f", "jsonl", "--jobs", "1",
                        "--include-text"], capture_output=True, env=env, timeout=300)
    assert r.returncode in (0, 1), r.stderr  # a test page may be refused; it must be refused alike
    return r.stdout + r.stderr


def test_same_output_under_different_hash_seeds():
    assert _brief_all("1") == _brief_all("2")
