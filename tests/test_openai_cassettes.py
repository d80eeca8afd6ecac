"""The openai backend replaying a real model's replies, recorded in cassettes/ (never hand-written).

The model (Qwen2.5-Coder 0.5B on llama.cpp's server, see scripts/record-cassettes) is small: it
paraphrases and invents quotes, repeats itself, and its server refuses ``json_schema``. These
tests check that what reaches the user is still sound: every quote an exact span of the article,
every position's actor a listed actor, the format fallback taken, and the calls counted.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from cassette_support import CASSETTES, SEED, Case, dev_gold_cases, fingerprint, make_vcr, seed_cases
from openai_fixtures import assert_exact_evidence

from briefer import BrieferError, Briefing, brief, load_settings

INDEX_PATH = CASSETTES / "index.json"
INDEX = json.loads(INDEX_PATH.read_text(encoding="utf-8")) if INDEX_PATH.exists() else {"cases": {}}

KEY_LIKE = [
    re.compile(r"sk-[A-Za-z0-9_\-]{12,}"),  # OpenAI and most OpenAI-compatible providers
    re.compile(r"gsk_[A-Za-z0-9]{12,}"),  # Groq
    re.compile(r"(?i)bearer\s+[A-Za-z0-9._\-]{8,}"),
    re.compile(r"(?i)^\s*(authorization|api-key|openai-organization|openai-project|cookie|set-cookie|x-api-key):", re.M),
    re.compile(r"AKIA[0-9A-Z]{16}"),
    re.compile(r"eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}"),  # a JWT
    # Azure OpenAI: a bare 32-hex key (a 64-hex sha256 in index.json is not one, nor the hex a
    # server such as vLLM puts after "chatcmpl-"), and the 84-character keys Azure now issues,
    # which carry the signature JQQJ9 at a fixed place.
    re.compile(r"(?<![0-9A-Za-z_\-])[0-9a-fA-F]{32}(?![0-9A-Za-z_\-])"),
    re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{52}JQQJ9[9DH][0-9A-Za-z]{26}"),
]


def _key_like(text: str) -> str | None:
    """Return the first thing in ``text`` that looks like a key, or None."""
    for pattern in KEY_LIKE:
        m = pattern.search(text)
        if m is not None:
            return m.group(0)
    return None


def _replay(case: Case, tmp_path: Path, **extra) -> tuple[Briefing | None, BrieferError | None, object]:
    entry = INDEX["cases"].get(case.name)
    if entry is None or (entry["requests"] and not case.cassette.exists()):
        pytest.fail(f"no cassette for {case.name}: run scripts/record-cassettes")
    if hashlib.sha256(case.article.read_bytes()).hexdigest() != entry["sha256"]:
        pytest.skip(f"{case.article} changed since its cassette was recorded: run scripts/record-cassettes")
    flags = {**INDEX["settings"], **entry["settings"], "base_url": "http://127.0.0.1:8765/v1", **extra}
    settings = load_settings(flags, {}, default_config=tmp_path / "no-config.toml")
    if fingerprint(case, settings) != entry["fingerprint"]:
        # Fail, not skip: a skipped replay would let a change to cleaning, chunking or a prompt go
        # untested against the real model's replies until someone noticed.
        pytest.fail(
            f"the requests for {case.name} changed since its cassette was recorded (cleaning, chunking or a prompt "
            "changed): run scripts/record-cassettes"
        )
    with make_vcr("none").use_cassette(str(case.cassette)) as cassette:
        try:
            return brief(case.article, settings=settings), None, cassette
        except BrieferError as exc:
            return None, exc, cassette


def _check(b: Briefing) -> None:
    assert_exact_evidence(b.model_dump(mode="json"), b.text)
    names = {a.name for a in b.actors}
    assert all(p.actor in names for p in b.positions)
    assert all(e.verified is None for i in [*b.positions, *b.outcomes, *b.open_questions] for e in i.evidence)


def test_the_seed_replays_into_a_verified_briefing(tmp_path):
    case = seed_cases()[0]
    b, err, cassette = _replay(case, tmp_path, include_text=True)
    assert err is None, err
    assert cassette.all_played  # the run made exactly the recorded requests
    _check(b)
    assert b.backend.model == INDEX["model"] and b.title.startswith("Alaska Summit")
    assert b.usage.calls == len(cassette) == INDEX["cases"][case.name]["requests"]
    formats = [(json.loads(r.body).get("response_format") or {}).get("type") for r in cassette.requests]
    codes = [resp["status"]["code"] for resp in cassette.responses]
    assert formats[0] == "json_schema"  # the best format is asked for first
    if codes[0] != 200:
        # llama.cpp refuses json_schema (with a 500): the backend moved on to JSON mode at once,
        # without retrying the refusal, and never asked for json_schema again.
        assert formats[1] == "json_object" and "json_schema" not in formats[1:]
        assert b.usage.retries == INDEX["cases"][case.name]["usage"]["retries"]
    assert b.actors and (b.positions or b.outcomes)


def test_a_chunked_article_replays_map_calls_and_one_reduce(tmp_path):
    case = seed_cases()[1]
    b, err, cassette = _replay(case, tmp_path, include_text=True)
    assert err is None, err
    assert cassette.all_played
    _check(b)
    assert b.source.chunks >= 2
    assert b.usage.stages["reduce"].calls >= 1
    assert b.usage.stages["map"].calls >= b.source.chunks
    reduce_bodies = [json.loads(r.body) for r in cassette.requests if "<article>" not in r.body.decode()]
    assert reduce_bodies and "Notes on part 1 of" in reduce_bodies[-1]["messages"][1]["content"]


def test_a_rerun_makes_no_call_thanks_to_the_cache(tmp_path):
    case = seed_cases()[0]
    cache = {"cache": True, "cache_dir": tmp_path / "cache"}
    first, _, _ = _replay(case, tmp_path, **cache)
    settings = load_settings(
        {**INDEX["settings"], **cache, "base_url": "http://127.0.0.1:8765/v1"}, {}, default_config=tmp_path / "x"
    )
    # An empty cassette in record mode none: any request would fail the run.
    with make_vcr("none").use_cassette(str(tmp_path / "empty.yaml")) as cassette:
        again = brief(case.article, settings=settings)
    assert len(cassette) == 0
    assert again.usage.calls == 0 and again.usage.cached_calls == 1
    assert again.positions == first.positions and again.actors == first.actors


DEV_GOLD = dev_gold_cases()


@pytest.mark.skipif(not DEV_GOLD, reason="../shared/dev-gold is not here (a fresh clone): nothing to replay")
@pytest.mark.parametrize("case", DEV_GOLD, ids=[c.name for c in DEV_GOLD])
def test_dev_gold_articles_replay_with_every_quote_in_the_article(case, tmp_path):
    if case.name not in INDEX["cases"]:  # an article added to ../shared after the recording
        pytest.skip(f"no cassette recorded for {case.name}: run scripts/record-cassettes")
    b, err, cassette = _replay(case, tmp_path, include_text=True)
    recorded = INDEX["cases"][case.name]["outcome"]
    assert cassette.all_played
    if recorded != "ok":  # the model failed this article when recorded: the same one-line error again
        assert err is not None and f"error: {err}" == recorded
        return
    assert err is None, err
    _check(b)


def test_cassettes_hold_no_secret():
    files = sorted(CASSETTES.parent.rglob("*.yaml")) + sorted(CASSETTES.parent.rglob("*.json"))
    assert files, "no cassettes found"
    for path in files:
        found = _key_like(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name} holds something key-like: {found[:12]}…"


@pytest.mark.parametrize(
    "text",
    [
        "api-key: 1f0e3dad99908345f7439f8ffabdffc4\n",  # a header an older recorder let through
        '{"api_key": "1F0E3DAD99908345F7439F8FFABDFFC4"}',
        "https://r.openai.azure.com/openai/deployments/d/chat/completions?api-key=1f0e3dad99908345f7439f8ffabdffc4",
        "key 1f0e3dad99908345f7439f8ffabdffc4 left in a prompt",
        "AZURE_OPENAI_API_KEY=" + "a1B2c3D4e5" * 5 + "xy" + "JQQJ99" + "BACOGa1B2c3D4e5f6g7H8i9J0k",  # 84 characters
    ],
)
def test_the_secret_scan_catches_azure_keys(text):
    assert _key_like(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        '"sha256": "3ebfa653f264bbff1d645c83e3ad0101538a45dfa11e734ffab93405b5dbd5a6"',  # what index.json holds
        '"id": "chatcmpl-b0c689f8-feca-41c9-a224-4449fac89557"',  # llama.cpp
        '"id": "chatcmpl-1f0e3dad99908345f7439f8ffabdffc4"',  # vLLM
    ],
)
def test_the_secret_scan_lets_hashes_and_reply_ids_be(text):
    assert _key_like(text) is None


def test_cassettes_keep_only_harmless_headers():
    import yaml

    for path in sorted(CASSETTES.glob("*.yaml")):
        for interaction in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
            assert set(interaction["request"]["headers"]) <= {"accept", "content-type"}, path.name
            assert set(interaction["response"]["headers"]) <= {"content-type"}, path.name


def test_the_sample_article_has_its_cassette():
    assert SEED.exists() and (CASSETTES / "alaska-summit.yaml").exists()
