#!/usr/bin/env python3
"""The openai backend's quality on ../shared/dev-gold, replayed from the cassettes (no model needed).

Replays every dev-gold cassette (recorded by scripts/record-cassettes against the model named in
cassettes/openai/index.json), writes each briefing to OUT/<id>.json, scores them with
../shared/tools/score_briefing.py and prints its macro figures, the evidence validity measured
here (every quote an exact slice of the cleaned text), and the calls and tokens per article.

    python benchmarks/openai_quality.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from cassette_support import (  # noqa: E402
    CASSETTES,
    SEED,
    SHARED,
    SHARED_DEV_GOLD,
    Case,
    dev_gold_cases,
    fingerprint,
    make_vcr,
)

from briefer import BrieferError, brief, load_settings  # noqa: E402
from briefer.rendering import render_json  # noqa: E402

SCORER = SHARED / "tools" / "score_briefing.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where to write the briefings [default: a temp dir]")
    args = parser.parse_args()
    if not SHARED_DEV_GOLD.is_dir() or not SCORER.exists():
        print("../shared/dev-gold or its scorer is not here: nothing to measure")
        return 0
    index = json.loads((CASSETTES / "index.json").read_text(encoding="utf-8"))
    out = args.out or Path(tempfile.mkdtemp(prefix="briefer-openai-"))
    out.mkdir(parents=True, exist_ok=True)
    cases = [Case("alaska-summit", SHARED_DEV_GOLD / "alaska-summit.txt")] + dev_gold_cases()
    quotes = exact = 0
    rows = []
    for case in cases:
        name = "alaska-summit" if case.article.stem == SEED.stem else case.name
        entry = index["cases"][name]
        flags = {**index["settings"], **entry["settings"], "base_url": "http://127.0.0.1:8765/v1", "include_text": True}
        settings = load_settings(flags, {}, default_config=out / "no-config.toml")
        if fingerprint(case, settings) != entry["fingerprint"]:
            rows.append((case.article.stem, None, "stale cassette (cleaning, chunking or prompts changed): re-record", entry))
            continue
        with make_vcr("none").use_cassette(str(CASSETTES / f"{name}.yaml")):
            try:
                b = brief(case.article, settings=settings)
            except BrieferError as exc:
                rows.append((case.article.stem, None, str(exc), entry))
                continue
        for section in (b.positions, b.outcomes, b.open_questions):
            for item in section:
                for e in item.evidence:
                    quotes += 1
                    exact += b.text[e.start : e.end] == e.quote
        (out / f"{case.article.stem}.json").write_text(render_json([b.model_copy(update={"text": None})]), encoding="utf-8")
        rows.append((case.article.stem, b, None, entry))

    print(f"model: {index['model']} (cassettes recorded with {json.dumps(index['settings'], sort_keys=True)})\n")
    print(f"{'article':<22} {'chunks':>6} {'calls':>5} {'retries':>7} {'prompt tok':>10} {'compl tok':>9} {'rec. s':>7}  warnings")
    calls = prompt = completion = 0
    ok = [r for r in rows if r[1] is not None]
    for stem, b, err, entry in rows:
        if b is None:
            print(f"{stem:<22} failed: {err}")
            continue
        u = b.usage
        calls, prompt, completion = calls + u.calls, prompt + u.prompt_tokens, completion + u.completion_tokens
        print(f"{stem:<22} {b.source.chunks:>6} {u.calls:>5} {u.retries:>7} {u.prompt_tokens:>10} {u.completion_tokens:>9} "
              f"{entry['usage']['wall_seconds']:>7.0f}  {'; '.join(b.warnings)[:90]}")
    if ok:
        print(f"{'mean per article':<22} {'':>6} {calls / len(ok):>5.1f} {'':>7} {prompt / len(ok):>10.0f} {completion / len(ok):>9.0f}")
    print(f"\nbriefed {len(ok)} of {len(rows)} articles; evidence quotes exact slices of the clean text: "
          f"{exact}/{quotes} = {exact / quotes if quotes else 1:.3f}\n")
    result = subprocess.run(
        [sys.executable, str(SCORER), "--dir", str(SHARED_DEV_GOLD), "--outputs", str(out)],
        capture_output=True, text=True, check=False,
    )
    print(result.stdout.rstrip())
    if result.returncode:
        print(result.stderr.rstrip())
    print(f"\nbriefings written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
