"""Settings come from flags > environment > config file > defaults, and say where they came from.

One test per adjacent pair of sources, as the precedence is a chain: if each link holds, the
whole order holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openai_fixtures import isolated  # noqa: F401

from briefer.cli import main
from briefer.errors import ConfigError
from briefer.settings import load_settings


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "briefer.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_flag_beats_the_environment(tmp_path):
    s = load_settings({"model": "from-flag"}, {"BRIEFER_MODEL": "from-env"}, default_config=tmp_path / "none.toml")
    assert s.model == "from-flag"
    assert s.source_of("model") == "flag --model"


def test_the_environment_beats_the_config_file(tmp_path):
    config = _config(tmp_path, 'model = "from-file"\ntimeout = 5\n')
    s = load_settings({}, {"BRIEFER_MODEL": "from-env", "BRIEFER_CONFIG": str(config)})
    assert s.model == "from-env"
    assert s.source_of("model") == "env BRIEFER_MODEL"
    assert s.timeout == 5 and s.source_of("timeout") == f"file {config}"


def test_the_config_file_beats_the_default(tmp_path):
    config = _config(tmp_path, "concurrency = 7\n")
    s = load_settings({}, {}, default_config=config)
    assert s.concurrency == 7 and s.source_of("concurrency") == f"file {config}"
    assert s.max_retries == 3 and s.source_of("max_retries") == "default"


def test_an_unset_flag_does_not_override_anything(tmp_path):
    s = load_settings({"model": None, "timeout": None}, {"BRIEFER_TIMEOUT": "9"}, default_config=tmp_path / "x")
    assert s.timeout == 9 and s.source_of("timeout") == "env BRIEFER_TIMEOUT"


def test_briefer_variables_beat_the_standard_openai_ones(tmp_path):
    env = {"OPENAI_BASE_URL": "http://openai-var/v1", "BRIEFER_BASE_URL": "http://briefer-var/v1"}
    s = load_settings({}, env, default_config=tmp_path / "x")
    assert s.base_url == "http://briefer-var/v1"
    s = load_settings({}, {"OPENAI_API_KEY": "sk-standard"}, default_config=tmp_path / "x")
    assert s.api_key.get_secret_value() == "sk-standard" and s.source_of("api_key") == "env OPENAI_API_KEY"


def test_a_profile_applies_over_the_top_level_of_the_file(tmp_path):
    config = _config(
        tmp_path,
        'backend = "openai"\nmodel = "gpt-4o-mini"\n\n'
        '[profiles.local]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "qwen"\n',
    )
    plain = load_settings({}, {}, default_config=config)
    assert plain.model == "gpt-4o-mini" and plain.base_url is None and plain.profile is None
    local = load_settings({"profile": "local"}, {}, default_config=config)
    assert (local.backend, local.model, local.base_url) == ("openai", "qwen", "http://127.0.0.1:8080/v1")
    assert local.source_of("model") == f"file {config} [profiles.local]"
    assert local.source_of("backend") == f"file {config}"
    # The environment still beats the profile: it is part of the file.
    env = load_settings({"profile": "local"}, {"BRIEFER_MODEL": "llama"}, default_config=config)
    assert env.model == "llama"
    assert load_settings({}, {"BRIEFER_PROFILE": "local"}, default_config=config).model == "qwen"


def test_an_unknown_profile_lists_the_known_ones(tmp_path):
    config = _config(tmp_path, "[profiles.local]\nmodel = 'x'\n[profiles.azure]\nmodel = 'y'\n")
    with pytest.raises(ConfigError, match=r"has no profile 'lcoal' \(asked for by flag --profile\); profiles: azure, local"):
        load_settings({"profile": "lcoal"}, {}, default_config=config)


def test_a_bad_value_in_the_file_names_the_file_the_key_and_what_is_expected(tmp_path):
    config = _config(tmp_path, '[profiles.local]\ntimeout = "soon"\n')
    with pytest.raises(ConfigError) as err:
        load_settings({"profile": "local"}, {}, default_config=config)
    message = str(err.value)
    assert str(config) in message and "'timeout'" in message and "[profiles.local]" in message
    assert "valid number" in message


def test_an_unknown_key_in_the_file_is_named(tmp_path):
    config = _config(tmp_path, 'modle = "gpt-4o"\n')
    with pytest.raises(ConfigError, match=r"unknown key 'modle'.*known keys: .*model"):
        load_settings({}, {}, default_config=config)


def test_a_file_that_is_not_toml_is_named(tmp_path):
    config = _config(tmp_path, "model = \n")
    with pytest.raises(ConfigError, match=f"config file {config} is not valid TOML"):
        load_settings({}, {}, default_config=config)


def test_a_named_config_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match=r"not found \(named by --config\)"):
        load_settings({"config": tmp_path / "missing.toml"}, {})
    # The default file is optional: most users have none.
    assert load_settings({}, {}, default_config=tmp_path / "missing.toml").config_file is None


def test_a_bad_value_in_the_environment_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match=r"BRIEFER_CONCURRENCY = 'many' is invalid for concurrency"):
        load_settings({}, {"BRIEFER_CONCURRENCY": "many"}, default_config=tmp_path / "x")


def test_relative_paths_in_the_file_are_relative_to_the_file(tmp_path):
    config = _config(tmp_path, 'prompts = "my-prompts"\n')
    assert load_settings({}, {}, default_config=config).prompts == tmp_path / "my-prompts"


def test_api_key_env_names_the_variable_that_holds_the_key(tmp_path):
    s = load_settings({"api_key_env": "GROQ_KEY"}, {"GROQ_KEY": "gsk-1", "OPENAI_API_KEY": "sk-2"}, default_config=tmp_path / "x")
    assert s.api_key.get_secret_value() == "gsk-1" and s.source_of("api_key") == "env GROQ_KEY"
    with pytest.raises(ConfigError, match=r"names the variable GROQ_KEY \(from flag --api-key-env\), but GROQ_KEY is not set"):
        load_settings({"api_key_env": "GROQ_KEY"}, {}, default_config=tmp_path / "x")


def test_config_show_gives_each_value_and_its_source_and_never_the_key(capsys, isolated, monkeypatch):
    config = isolated / "config.toml"
    config.write_text('model = "gpt-4o-mini"\n[profiles.local]\nbase_url = "http://127.0.0.1:8080/v1"\n', encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-do-not-print-4242")
    assert main(["config", "show", "--profile", "local", "--timeout", "12"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert "sk-secret" not in out and "4242" not in out
    assert "(set, redacted)" in rows["api_key"] and rows["api_key"].endswith("env OPENAI_API_KEY")
    assert "gpt-4o-mini" in rows["model"] and rows["model"].endswith(f"file {config}")
    assert rows["base_url"].endswith(f"file {config} [profiles.local]")
    assert rows["timeout"].endswith("flag --timeout") and "12.0" in rows["timeout"]
    assert rows["concurrency"].endswith("default")
    assert rows["profile"].endswith("flag --profile")


def test_config_show_reports_a_bad_config_on_one_line(capsys, isolated):
    (isolated / "config.toml").write_text("concurrency = 0\n", encoding="utf-8")
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "key 'concurrency'" in err and "greater than or equal to 1" in err
