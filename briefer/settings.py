"""Settings: flags > BRIEFER_* environment > config file > defaults, gathered once into one object.

This is the only module that reads environment variables. A flag the user left unset is passed as
None and so does not override the environment or the config file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .chunking import DEFAULT_MAX_CHUNK_TOKENS, MIN_CHUNK_TOKENS
from .errors import ConfigError
from .fetching import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT
from .merging import DEFAULT_SUMMARY_SENTENCES
from .tokenizer import DEFAULT_ENCODING

ENV_PREFIX = "BRIEFER_"


class Settings(BaseModel):
    """Everything that shapes a run, whichever source it came from."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    backend: str = "extractive"
    max_chunk_tokens: int = Field(default=DEFAULT_MAX_CHUNK_TOKENS, ge=MIN_CHUNK_TOKENS)
    encoding: str = DEFAULT_ENCODING
    summary_sentences: int = Field(default=DEFAULT_SUMMARY_SENTENCES, ge=0, le=50)
    include_text: bool = False
    backend_options: dict[str, str] = Field(default_factory=dict)
    # Network. `timeout` (seconds) is shared: URL fetching (connect, read) and backends calling a server.
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0)
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, ge=1)
    user_agent: str = Field(default=DEFAULT_USER_AGENT, min_length=1)


# Environment variables each setting can be read from, first found wins.
ENV_VARS: dict[str, tuple[str, ...]] = {
    "backend": ("BRIEFER_BACKEND",),
    "max_chunk_tokens": ("BRIEFER_MAX_CHUNK_TOKENS",),
    "encoding": ("BRIEFER_ENCODING",),
    "summary_sentences": ("BRIEFER_SUMMARY_SENTENCES",),
    "timeout": ("BRIEFER_TIMEOUT",),
    "max_bytes": ("BRIEFER_MAX_BYTES",),
    "user_agent": ("BRIEFER_USER_AGENT",),
}


def load_settings(flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Return the effective settings: flags over environment over defaults."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key, names in ENV_VARS.items():
        for var in names:
            if env.get(var):
                values[key] = env[var]
                sources[key] = var
                break
    for key, value in (flags or {}).items():
        if value is not None:
            values[key] = value
            sources[key] = "flag"
    try:
        return Settings(**values)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else "?"
        where = sources.get(key, "settings")
        raise ConfigError(f"invalid {key} (from {where}): {err['msg']}") from None
