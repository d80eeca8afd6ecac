"""Setting the openai backend up: what a user sees when something is missing, Azure, the dry run."""

from __future__ import annotations

import sys

from openai_fixtures import SEED, isolated, server  # noqa: F401

from briefer.cli import main


def _err(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefer: error: "), err
    return err


def test_without_the_openai_package_the_error_says_how_to_install_it(capsys, isolated, monkeypatch):
    monkeypatch.setitem(sys.modules, "openai", None)  # what `import openai` meets when it is not installed
    code = main(["brief", str(SEED), "--backend", "openai", "--model", "m", "--base-url", "http://127.0.0.1:9/v1"])
    assert code == 2
    assert "pip install 'briefer[openai]'" in _err(capsys)


def test_a_missing_model_names_the_flag_and_the_variable(capsys, isolated):
    assert main(["brief", str(SEED), "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1"]) == 2
    err = _err(capsys)
    assert "--model" in err and "BRIEFER_MODEL" in err


def test_a_missing_key_for_openai_names_the_variables_and_the_flag(capsys, isolated):
    assert main(["brief", str(SEED), "--backend", "openai", "--model", "gpt-4o-mini"]) == 2
    err = _err(capsys)
    assert "no API key for https://api.openai.com/v1" in err
    assert "BRIEFER_API_KEY" in err and "OPENAI_API_KEY" in err and "--api-key-env" in err


def test_azure_goes_through_the_azure_client(capsys, server, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-key-1")
    endpoint = server.url.removesuffix("/v1")
    code = main(
        ["brief", str(SEED), "--backend", "openai", "-f", "json", "--azure-endpoint", endpoint,
         "--azure-deployment", "briefs", "--api-version", "2024-10-21"]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert server.paths[0] == "/openai/deployments/briefs/chat/completions?api-version=2024-10-21"
    headers = {k.lower(): v for k, v in server.headers[0].items()}
    assert headers["api-key"] == "azure-key-1"
    assert '"model": "briefs"' in out.out.replace('"model":"briefs"', '"model": "briefs"')


def test_a_missing_key_for_azure_names_azures_variable(capsys, isolated):
    code = main(["brief", str(SEED), "--backend", "openai", "--azure-endpoint", "https://x.openai.azure.com",
                 "--azure-deployment", "d", "--api-version", "2024-10-21"])
    assert code == 2
    err = _err(capsys)
    assert "no API key for Azure OpenAI at https://x.openai.azure.com" in err
    assert "AZURE_OPENAI_API_KEY" in err and "--api-key-env" in err


def test_a_key_azure_refuses_names_azures_variable(capsys, server, monkeypatch):
    import fault_server as fs

    server.default = fs.status(401, "Access denied due to invalid subscription key")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "wrong")
    code = main(["brief", str(SEED), "--backend", "openai", "--azure-endpoint", server.url.removesuffix("/v1"),
                 "--azure-deployment", "d", "--api-version", "2024-10-21"])
    assert code == 2
    err = _err(capsys)
    assert "refused the API key (401 Access denied" in err and "AZURE_OPENAI_API_KEY" in err


def test_azure_without_an_api_version_says_which_to_set(capsys, isolated, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    code = main(["brief", str(SEED), "--backend", "openai", "--azure-endpoint", "https://x.openai.azure.com",
                 "--azure-deployment", "d"])
    assert code == 2
    assert "--api-version" in _err(capsys)


def test_backends_lists_openai(capsys):
    assert main(["backends"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("openai"))
    assert "OpenAI-compatible" in line


def test_prompts_show_is_a_dry_run_with_tokens_and_calls(capsys, isolated):
    # No server, no key, no model: showing prompts needs none of them.
    assert main(["prompts", "show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "--- system ---" in out and "--- user ---" in out
    assert "U.S. President Donald Trump and Russian President Vladimir Putin" in out  # the article is in the prompt
    assert "Leave a Reply" not in out  # cleaned first, like a real run
    last = out.strip().splitlines()[-1]
    assert last.startswith("=== 1 call(s), ") and "prompt tokens" in last


def test_prompts_show_counts_the_calls_of_a_long_article(capsys, isolated):
    assert main(["prompts", "show", str(SEED), "--max-chunk-tokens", "150"]) == 0
    out = capsys.readouterr().out
    chunk_calls = out.count("=== call ") - 1  # the last call shown is the reduce call
    assert "reduce, if the chunk replies need it (placeholders stand for them)" in out
    assert out.strip().splitlines()[-1].startswith(f"=== {chunk_calls + 1} call(s), ")
    assert main(["prompts", "show", str(SEED), "--max-chunk-tokens", "150", "--no-reduce"]) == 0
    assert "reduce" not in capsys.readouterr().out.split("=== call")[-1]


def test_a_prompts_folder_overrides_only_the_templates_it_has(capsys, isolated, server):
    folder = isolated / "my-prompts"
    folder.mkdir()
    (folder / "system.j2").write_text("You brief news for a pirate radio. {{ mode }}", encoding="utf-8")
    assert main(["prompts", "show", str(SEED), "--prompts", str(folder), "--structured-output", "json_object"]) == 0
    out = capsys.readouterr().out
    assert "You brief news for a pirate radio. json_object" in out
    assert "<article>" in out  # chunk.j2 still comes from the package
    code = main(["brief", str(SEED), "--backend", "openai", "--base-url", server.url, "--model", "m",
                 "--prompts", str(folder)])
    assert code == 0
    assert server.requests[0]["messages"][0]["content"].startswith("You brief news for a pirate radio.")


def test_a_broken_template_is_named(capsys, isolated):
    folder = isolated / "p"
    folder.mkdir()
    (folder / "chunk.j2").write_text("{{ text ", encoding="utf-8")
    assert main(["prompts", "show", str(SEED), "--prompts", str(folder)]) == 2
    assert f"prompt template {folder / 'chunk.j2'}, line 1" in _err(capsys)
