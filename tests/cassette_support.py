"""The cassettes of the openai backend: how they are recorded and replayed, and what they hold.

One place for the VCR configuration, so the recorder (scripts/record_cassettes.py), the tests and
the quality benchmark agree on it. Cassettes are recorded against a real model (see
scripts/record-cassettes) and replayed with record mode ``none``: a request the cassette does not
hold fails the test instead of reaching a network.

Requests match on method, path and body, so a change to a prompt template, the reply schema or
the settings below makes the old cassettes miss: re-record them then.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes" / "openai"


def _shared() -> Path:
    # ../shared of the repository; a git worktree nested one folder deeper finds it one level up.
    for parent in (ROOT.parent, ROOT.parent.parent):
        if (parent / "shared").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
SHARED_DEV_GOLD = SHARED / "dev-gold"
SEED = ROOT / "seeds" / "alaska-summit.txt"

# The model the cassettes were recorded with (scripts/record-cassettes serves it under this name).
MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"
# Replay never connects: any URL with the recorded path will do. Recording passes the real one.
REPLAY_BASE_URL = "http://127.0.0.1:8765/v1"

# The settings of every recorded run, besides the model and the URL. Part of what the requests
# hold, so replay must use the same.
RUN_SETTINGS: dict[str, Any] = {
    "backend": "openai",
    "model": MODEL,
    "cache": False,
    "timeout": 600.0,  # a 0.5B model on two CPU cores takes a minute or two per call
    "max_retries": 2,
    "concurrency": 2,
}

# Request headers a cassette keeps; everything else (the key above all) is never written.
KEEP_REQUEST_HEADERS = {"content-type", "accept"}
# The ones the issue names, filtered as well in case the list above ever grows.
SECRET_HEADERS = ["authorization", "api-key", "openai-organization", "openai-project", "cookie", "x-api-key"]
KEEP_RESPONSE_HEADERS = {"content-type"}


@dataclass(frozen=True)
class Case:
    """One recorded run: which article, under which cassette, with which extra settings."""

    name: str
    article: Path
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def cassette(self) -> Path:
        return CASSETTES / f"{self.name}.yaml"

    def run_settings(self, base_url: str = REPLAY_BASE_URL) -> dict[str, Any]:
        return {**RUN_SETTINGS, "base_url": base_url, **self.settings}


def seed_cases() -> list[Case]:
    """The cases that need only the repository: the sample article, whole and in chunks."""
    return [
        Case("alaska-summit", SEED),
        # Small chunks: the concurrent map step and the reduce call, with a real model.
        Case("alaska-summit-chunked", SEED, {"max_chunk_tokens": 200}),
    ]


def dev_gold_cases(folder: Path = SHARED_DEV_GOLD) -> list[Case]:
    """The dev-gold articles (empty when ../shared is not there, as in a user's clone)."""
    if not folder.is_dir():
        return []
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html") and not p.name.startswith("."))
    # The sample article is a dev-gold article too: its cassette is the seed's.
    return [Case(p.stem, p) for p in articles if p.stem != "alaska-summit"]


def fingerprint(case: Case, settings: Any) -> str:
    """Return a hash of what the recorded requests were made of: the article as cleaned and
    chunked, the prompts as rendered, the reply schemas and the request options.

    When it differs from the one recorded, the code now asks something else than the cassette
    holds (cleaning, chunking or a prompt changed): the cassette must be re-recorded.
    """
    from briefer.chunking import chunk_text
    from briefer.cleaning import clean
    from briefer.errors import InputError
    from briefer.llm.prompts import Prompts, plan_calls
    from briefer.llm.schema import ChunkReply, ReduceReply, grammar_schema, strict_schema
    from briefer.sources import Input, read_article

    try:
        document = clean(read_article(Input(str(case.article), case.article)))
    except InputError as exc:  # nothing is asked of the model then: the error is the fingerprint
        return "input error: " + hashlib.sha256(str(exc).encode("utf-8")).hexdigest()
    chunks = chunk_text(document.text, settings.max_chunk_tokens, settings.encoding)
    calls = plan_calls(document, chunks, Prompts(settings.prompts), mode="json_object", reduce=settings.reduce,
                       encoding=settings.encoding)
    parts = {
        "messages": [c.messages for c in calls],
        "schemas": [f(m) for f in (strict_schema, grammar_schema) for m in (ChunkReply, ReduceReply)],
        "options": [settings.temperature, settings.max_output_tokens, settings.reduce_max_tokens, settings.model],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def _scrub_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() not in KEEP_REQUEST_HEADERS:
            del request.headers[name]
    return request


def _scrub_response(response: dict) -> dict:
    response["headers"] = {k: v for k, v in response.get("headers", {}).items() if k.lower() in KEEP_RESPONSE_HEADERS}
    return response


def make_vcr(record_mode: str = "none") -> Any:
    """Return the VCR every cassette is recorded and replayed with."""
    import vcr

    return vcr.VCR(
        record_mode=record_mode,
        match_on=["method", "path", "body"],
        filter_headers=SECRET_HEADERS,
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
        serializer="yaml",
    )
