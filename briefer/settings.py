"""Settings: flags > environment > config file > defaults, gathered once into one object.

This is the only module that reads environment variables. A flag the user left unset is passed as
None and so does not override the environment or the config file. Every value remembers where it
came from (`Settings.source_of`), which `briefer config show` prints and error messages name.

The config file is TOML, at the platform's user config folder (``briefer config show`` prints the
path) or wherever ``--config`` / ``BRIEFER_CONFIG`` says. Top-level keys apply to every run; a
``[profiles.NAME]`` table applies over them when ``--profile NAME`` (or ``BRIEFER_PROFILE``, or a
top-level ``profile = "NAME"``) selects it::

    backend = "openai"
    model = "gpt-4o-mini"

    [profiles.local]
    base_url = "http://127.0.0.1:8080/v1"
    model = "qwen2.5"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SecretStr, ValidationError

from .chunking import DEFAULT_MAX_CHUNK_TOKENS, MIN_CHUNK_TOKENS
from .errors import ConfigError
from .fetching import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT
from .merging import DEFAULT_SUMMARY_SENTENCES
from .tokenizer import DEFAULT_ENCODING

ENV_PREFIX = "BRIEFER_"
APP_NAME = "briefer"

# The precedence of the sources, strongest first: the one place it is written down.
PRECEDENCE = ("flag", "env", "file", "default")

StructuredOutput = Literal["auto", "json_schema", "json_object", "instructions"]


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

    # --- the openai backend (any OpenAI-compatible chat API) ---------------------------------
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = None
    api_key_env: str | None = Field(default=None, min_length=1)
    azure_endpoint: str | None = None
    api_version: str | None = None
    azure_deployment: str | None = None
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_output_tokens: int = Field(default=2048, ge=16)
    concurrency: int = Field(default=4, ge=1, le=64)
    max_retries: int = Field(default=3, ge=0, le=20)
    # Seconds before the first retry, doubled at each next one (with jitter).
    retry_backoff: float = Field(default=1.0, ge=0)
    structured_output: StructuredOutput = "auto"
    prompts: Path | None = None
    keep_unverified: bool = False
    max_tokens_total: int | None = Field(default=None, ge=1)
    cache: bool = True
    cache_dir: Path | None = None
    reduce: bool = True
    reduce_max_tokens: int = Field(default=1024, ge=16)

    _sources: dict[str, str] = PrivateAttr(default_factory=dict)
    _config_file: Path | None = PrivateAttr(default=None)
    _profile: str | None = PrivateAttr(default=None)

    def source_of(self, key: str) -> str:
        """Return where the value of ``key`` came from: 'default', 'flag --x', 'env X', 'file P'."""
        return self._sources.get(key, "default")

    @property
    def config_file(self) -> Path | None:
        """The config file that was read, if any."""
        return self._config_file

    @property
    def profile(self) -> str | None:
        """The config file profile in effect, if any."""
        return self._profile

    @property
    def cache_enabled(self) -> bool:
        """Whether responses are cached: asked for, and only at temperature 0 where a reply is reusable."""
        return self.cache and self.temperature == 0


# Environment variables each setting is read from, first found wins. Every setting also has its
# BRIEFER_<NAME> variable (added below); these are the standard names other tools use.
ENV_ALIASES: dict[str, tuple[str, ...]] = {
    "base_url": ("OPENAI_BASE_URL",),
    "api_key": ("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY"),
    "azure_endpoint": ("AZURE_OPENAI_ENDPOINT",),
    "api_version": ("OPENAI_API_VERSION",),
}
_NOT_FROM_ENV = {"backend_options"}
ENV_VARS: dict[str, tuple[str, ...]] = {
    key: (ENV_PREFIX + key.upper(), *ENV_ALIASES.get(key, ()))
    for key in Settings.model_fields
    if key not in _NOT_FROM_ENV
}
CONFIG_ENV = "BRIEFER_CONFIG"
PROFILE_ENV = "BRIEFER_PROFILE"
# Settings that name a file or folder: in a config file, relative to the file's own folder.
_PATH_KEYS = {"prompts", "cache_dir"}


def flag_name(key: str) -> str:
    """Return the command-line flag of a setting."""
    return "--" + key.replace("_", "-")


def default_config_path() -> Path:
    """Return where briefer looks for its config file when none is named."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_cache_dir() -> Path:
    """Return the folder of briefer's response cache when none is named."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def load_settings(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    *,
    default_config: Path | None = None,
) -> Settings:
    """Return the effective settings: flags over environment over config file over defaults.

    ``flags`` may also hold ``config`` (a path) and ``profile`` (a name), which pick the file and
    the profile rather than being settings themselves.
    """
    env = os.environ if env is None else env
    flags = dict(flags or {})
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}

    config_file, explicit = _config_path(flags.pop("config", None), env, default_config)
    profile_flag = flags.pop("profile", None)
    table = _read_config(config_file, explicit)
    profile, profile_source = _pick_profile(profile_flag, env, table, config_file)

    def put(key: str, value: Any, source: str) -> None:
        values[key] = value
        sources[key] = source

    # Weakest first: each layer overwrites what the one before it set.
    if table is not None and config_file is not None:
        top = {k: v for k, v in table.items() if k not in ("profiles", "profile")}
        _check_keys(top, config_file, None)
        for key, value in top.items():
            put(key, _file_value(key, value, config_file), f"file {config_file}")
        if profile is not None:
            section = table["profiles"][profile]
            _check_keys(section, config_file, profile)
            for key, value in section.items():
                put(key, _file_value(key, value, config_file), f"file {config_file} [profiles.{profile}]")
    for key, names in ENV_VARS.items():
        for var in names:
            if env.get(var):
                put(key, env[var], f"env {var}")
                break
    for key, value in flags.items():
        if value is not None:
            put(key, value, f"flag {flag_name(key)}")

    # A named variable holds the key; it counts at the level where it was named.
    if values.get("api_key_env"):
        var = values["api_key_env"]
        if not env.get(var):
            raise ConfigError(
                f"api_key_env names the variable {var} (from {sources['api_key_env']}), but {var} is not set: "
                f"export {var}=... or name another variable"
            )
        named_at = PRECEDENCE.index(sources["api_key_env"].split()[0])
        key_at = PRECEDENCE.index(sources["api_key"].split()[0]) if "api_key" in sources else len(PRECEDENCE)
        if named_at <= key_at:
            put("api_key", env[var], f"env {var}")

    try:
        settings = Settings(**values)
    except ValidationError as exc:
        raise _config_error(exc, values, sources) from None
    settings._sources = sources
    settings._config_file = config_file if table is not None else None
    settings._profile = profile
    if profile is not None:
        settings._sources["profile"] = profile_source
    return settings


# --- internals ----------------------------------------------------------------------------------


def _config_path(flag: Any, env: Mapping[str, str], default: Path | None) -> tuple[Path | None, str | None]:
    """Return the config file to read and, when the user named it, how they named it."""
    if flag is not None:
        return Path(flag).expanduser(), "--config"
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser(), CONFIG_ENV
    return (default if default is not None else default_config_path()), None


def _read_config(path: Path | None, explicit: str | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"config file {path} not found (named by {explicit})") from None
        return None  # no config file at the default place is the normal case
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"config file {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def _pick_profile(
    flag: Any, env: Mapping[str, str], table: dict[str, Any] | None, path: Path | None
) -> tuple[str | None, str]:
    if flag is not None:
        name, source = str(flag), "flag --profile"
    elif env.get(PROFILE_ENV):
        name, source = env[PROFILE_ENV], f"env {PROFILE_ENV}"
    elif table is not None and isinstance(table.get("profile"), str):
        name, source = table["profile"], f"file {path}"
    else:
        return None, "default"
    if table is None:
        raise ConfigError(f"profile {name!r} asked for (by {source}), but there is no config file at {path}")
    profiles = table.get("profiles", {})
    if not isinstance(profiles, dict) or not isinstance(profiles.get(name), dict):
        known = ", ".join(sorted(profiles)) if isinstance(profiles, dict) and profiles else "none"
        raise ConfigError(f"config file {path} has no profile {name!r} (asked for by {source}); profiles: {known}")
    return name, source


def _check_keys(table: Mapping[str, Any], path: Path, profile: str | None) -> None:
    where = f" in [profiles.{profile}]" if profile else ""
    for key in table:
        if key not in Settings.model_fields:
            known = ", ".join(k for k in Settings.model_fields)
            raise ConfigError(f"config file {path}: unknown key {key!r}{where}; known keys: {known}")


def _file_value(key: str, value: Any, path: Path) -> Any:
    if key in _PATH_KEYS and isinstance(value, str):
        p = Path(value).expanduser()
        return p if p.is_absolute() else path.parent / p
    return value


def _config_error(exc: ValidationError, values: Mapping[str, Any], sources: Mapping[str, str]) -> ConfigError:
    err = exc.errors()[0]
    key = str(err["loc"][0]) if err["loc"] else "?"
    source = sources.get(key, "default")
    value = values.get(key)
    shown = "****" if key == "api_key" else repr(value)
    kind, _, origin = source.partition(" ")
    if kind == "file":
        path, _, section = origin.partition(" ")
        where = f" in {section}" if section else ""
        return ConfigError(f"config file {path}: key {key!r}{where} = {shown} is invalid: {err['msg']}")
    if kind == "env":
        return ConfigError(f"environment variable {origin} = {shown} is invalid for {key}: {err['msg']}")
    if kind == "flag":
        return ConfigError(f"{origin} {shown} is invalid: {err['msg']}")
    return ConfigError(f"invalid {key}: {err['msg']}")
