"""Fixtures the openai backend's tests share: an isolated environment, the fault server, the CLI.

Imported by name into each test module (``from openai_fixtures import ...``) so the tests need
no conftest of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fault_server import FaultServer

from briefer.cli import main
from briefer.settings import CONFIG_ENV, ENV_VARS, PROFILE_ENV

SEED = Path(__file__).resolve().parent.parent / "seeds" / "alaska-summit.txt"


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Shield a test from the developer's environment, config file and cache; return tmp_path."""
    for names in ENV_VARS.values():
        for var in names:
            monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(config))
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "cache"))
    # Retries in tests wait milliseconds, not seconds.
    monkeypatch.setenv("BRIEFER_RETRY_BACKOFF", "0.01")
    return tmp_path


@pytest.fixture
def server(isolated: Path) -> Iterator[FaultServer]:
    with FaultServer() as s:
        yield s


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def brief_cli(capsys: pytest.CaptureFixture, server: FaultServer, *args: str, inputs: list[str] | None = None) -> Run:
    """Run `briefer brief` against the fault server; return the exit code, stdout and stderr."""
    argv = ["brief", *(inputs or [str(SEED)]), "--backend", "openai", "--base-url", server.url, "--model", "fake"]
    argv += ["-f", "json", *args]
    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def assert_exact_evidence(briefing: dict, text: str) -> None:
    """Every verified quote is the exact slice of the article text it claims to be."""
    for section in ("positions", "outcomes", "open_questions"):
        for item in briefing[section]:
            assert item["evidence"], item
            for e in item["evidence"]:
                if e.get("verified") is False:
                    continue
                assert text[e["start"] : e["end"]] == e["quote"], e
