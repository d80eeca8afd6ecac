#!/usr/bin/env python3
"""Record the openai backend's cassettes against a running model server (see record-cassettes).

    record_cassettes.py --base-url http://127.0.0.1:8765/v1 [--model NAME] [--only NAME ...]

Each case (tests/cassette_support.py) is briefed once with the network on and every request
and reply written to cassettes/openai/<name>.yaml, secrets filtered. cassettes/openai/index.json
says what was recorded: the model, the settings, and per case the article's sha256, the outcome
and the calls, so the replay tests know what to expect and notice a changed article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from cassette_support import (  # noqa: E402
    CASSETTES,
    MODEL,
    RUN_SETTINGS,
    dev_gold_cases,
    fingerprint,
    make_vcr,
    seed_cases,
)

from briefer import BrieferError, brief, load_settings  # noqa: E402
from briefer.settings import ENV_VARS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="the OpenAI-compatible server to record against")
    parser.add_argument("--model", default=MODEL, help=f"model name to ask for [default: {MODEL}]")
    parser.add_argument("--dev-gold", type=Path, default=None, help="folder of dev-gold articles [default: ../shared/dev-gold]")
    parser.add_argument("--only", action="append", default=[], help="record only this case (repeatable)")
    args = parser.parse_args()

    cases = seed_cases() + (dev_gold_cases(args.dev_gold) if args.dev_gold else dev_gold_cases())
    if args.only:
        cases = [c for c in cases if c.name in args.only]
    CASSETTES.mkdir(parents=True, exist_ok=True)
    index_path = CASSETTES / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    if index.get("model") != args.model or index.get("settings") != RUN_SETTINGS:
        index = {"model": args.model, "settings": RUN_SETTINGS, "cases": {}}
    # A real provider's key comes from the usual variables; nothing else of the environment counts.
    env = {var: os.environ[var] for var in ENV_VARS["api_key"] if os.environ.get(var)}
    no_config = Path(tempfile.mkdtemp()) / "none.toml"  # the recorder's own config file must not count
    recorder = make_vcr("all")
    for case in cases:
        case.cassette.unlink(missing_ok=True)
        settings = load_settings(
            {**case.run_settings(args.base_url), "model": args.model}, env, default_config=no_config
        )
        started = time.monotonic()
        with recorder.use_cassette(str(case.cassette)) as cassette:
            try:
                b = brief(case.article, settings=settings)
                outcome, usage = "ok", b.usage.model_dump() if b.usage else None
            except BrieferError as exc:
                outcome, usage = f"error: {exc}", None
            except Exception as exc:  # a bug, not the model: say so and go on with the other cases
                print(f"{case.name}: not recorded, {type(exc).__name__}: {exc}", flush=True)
                case.cassette.unlink(missing_ok=True)
                continue
        seconds = time.monotonic() - started
        index["cases"][case.name] = {
            "article": case.article.name,
            "sha256": hashlib.sha256(case.article.read_bytes()).hexdigest(),
            "fingerprint": fingerprint(case, settings),
            "settings": case.settings,
            "outcome": outcome,
            "requests": len(cassette),
            "usage": usage,
        }
        index_path.write_text(json.dumps(index, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{case.name}: {outcome[:100]}; {len(cassette)} request(s), {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
