"""The library API: what `import briefer` promises, and the schema contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import briefer
from briefer.rendering import to_dict

ROOT = Path(__file__).resolve().parent.parent


def test_public_api_is_pinned():
    assert sorted(briefer.__all__) == sorted([
        "SCHEMA_VERSION", "ENTRY_POINT_GROUP", "Actor", "Article", "Backend", "BackendError", "BackendInfo",
        "BrieferError", "Briefing", "Chunk", "ConfigError", "Document", "Draft", "Evidence", "FetchError",
        "InputError", "Item", "Position", "Settings", "Source", "SummarySentence", "UsageError", "__version__",
        "available_backends", "brief", "brief_article", "brief_text", "load_backend", "load_settings",
    ])
    for name in briefer.__all__:
        assert hasattr(briefer, name), name


def test_committed_schema_matches_the_model():
    committed = json.loads((ROOT / "docs" / "briefing.schema.json").read_text(encoding="utf-8"))
    assert committed == briefer.Briefing.model_json_schema(), (
        "docs/briefing.schema.json is stale: run `briefer schema > docs/briefing.schema.json`"
    )


def test_output_validates_against_the_schema(seed):
    schema = briefer.Briefing.model_json_schema()
    doc = to_dict(briefer.brief(seed))
    jsonschema.validate(doc, schema)
    assert briefer.ENTRY_POINT_GROUP == "briefer.backends"


def test_brief_text_from_a_string():
    b = briefer.brief_text("# Vote Delayed\n\nThe council delayed its vote, Mayor Ann Lee said on Monday.\n",
                           format="markdown")
    assert b.title == "Vote Delayed"
    assert b.source.name == "<text>"


def test_errors_carry_exit_codes():
    assert briefer.UsageError("x").exit_code == 2
    assert briefer.ConfigError("x").exit_code == 2
    assert briefer.InputError("x").exit_code == 3
    assert issubclass(briefer.FetchError, briefer.InputError)
