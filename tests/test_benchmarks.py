"""The benchmark scripts say what they measure: `--help` gives the whole first paragraph of each
one's docstring, never a sentence cut at the end of a line."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parent.parent / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_help_describes_the_benchmark_in_whole_sentences(script):
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")))
    first_paragraph = " ".join(doc.split("\n\n")[0].split())
    r = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert first_paragraph in " ".join(r.stdout.split())
