"""A third-party backend installed as a package appears in `briefer backends` and briefs with --backend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PLUGIN = '''
from briefer import Actor, Draft, Item
from briefer.evidence import make_evidence


class ShoutBackend:
    """Calls the first sentence of every chunk an outcome."""

    name = "shout"
    description = "a test plugin that calls the first line of each chunk an outcome"

    def __init__(self, settings=None):
        self.settings = settings

    @property
    def model(self):
        return "shout-1"

    def brief(self, document, chunks):
        drafts = []
        for c in chunks:
            end = c.text.find(".") + 1 or len(c.text)
            ev = make_evidence(c.text, 0, end)
            drafts.append(Draft(chunk=c.index, actors=[Actor(name="Shouter", kind="person")],
                                outcomes=[Item(text=ev.quote.upper(), evidence=[ev])]))
        return drafts
'''


@pytest.fixture
def site(tmp_path) -> Path:
    """A directory laid out like site-packages holding one installed distribution, `briefer-shout`."""
    site = tmp_path / "site"
    (site / "briefer_shout").mkdir(parents=True)
    (site / "briefer_shout" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "briefer_shout-1.2.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: briefer-shout\nVersion: 1.2.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [briefer.backends]
            shout = briefer_shout:ShoutBackend
            """
        ),
        encoding="utf-8",
    )
    return site


def _run(args, site: Path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), *sys.path]))
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_plugin_is_listed_with_its_distribution(site):
    r = _run(["backends"], site)
    assert r.returncode == 0, r.stderr
    lines = {line.split()[0]: line for line in r.stdout.splitlines()}
    assert "briefer-shout 1.2.0" in lines["shout"]
    assert "first line of each chunk" in lines["shout"]
    assert "extractive" in lines  # the built-in is found the same way


def test_plugin_briefs_with_backend_flag(site, seed):
    r = _run(["brief", str(seed), "--backend", "shout", "-f", "json"], site)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["backend"] == {"name": "shout", "model": "shout-1"}
    assert doc["outcomes"][0]["text"].startswith("IN A HIGH-PROFILE MEETING")
    assert doc["actors"][0]["name"] == "Shouter"


def test_broken_plugin_gives_one_line_error(site, seed):
    (site / "briefer_shout" / "__init__.py").write_text("raise ImportError('needs libshout')\n", encoding="utf-8")
    r = _run(["brief", str(seed), "--backend", "shout"], site)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "needs libshout" in r.stderr and "Traceback" not in r.stderr
    listing = _run(["backends"], site)
    assert listing.returncode == 0 and "cannot be loaded" in listing.stdout
