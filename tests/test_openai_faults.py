"""The openai backend against a server that misbehaves in every way a real one does.

Each test asserts what the user sees: the briefing, its warnings and usage, or the one-line error
and the exit code.
"""

from __future__ import annotations

import json
import subprocess
import sys

import fault_server as fs
import pytest
from openai_fixtures import SEED, assert_exact_evidence, brief_cli, isolated, server  # noqa: F401

from briefer import brief_text, load_settings
from briefer.backends.openai import OpenAIBackend

TEXT = SEED.read_text(encoding="utf-8")


def _one_line(err: str) -> str:
    # A run of several inputs ends with its summary line ("briefer: briefed 1, failed 1"): not an error.
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("briefer: briefed ")]
    assert len(lines) == 1, err
    assert lines[0].startswith("briefer: error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_a_good_server_gives_a_verified_briefing_in_one_call(capsys, server):
    run = brief_cli(capsys, server, "--include-text")
    assert run.code == 0, run.err
    b = run.json()
    assert b["backend"] == {"name": "openai", "model": "fake"}
    assert b["positions"] and b["outcomes"] and b["actors"]
    assert_exact_evidence(b, b["text"])
    # The article fits one chunk: one call, no map-then-reduce.
    assert len(server.requests) == 1
    assert b["usage"]["calls"] == 1 and b["usage"]["retries"] == 0
    assert b["usage"]["stages"]["map"] == {"calls": 1, "prompt_tokens": 100, "completion_tokens": 50}
    assert server.requests[0]["response_format"]["type"] == "json_schema"


def test_the_key_is_read_from_the_variable_named_by_api_key_env(capsys, server, monkeypatch):
    monkeypatch.setenv("MY_LLM_KEY", "sk-test-123")
    run = brief_cli(capsys, server, "--api-key-env", "MY_LLM_KEY")
    assert run.code == 0, run.err
    headers = {k.lower(): v for k, v in server.headers[0].items()}
    assert headers["authorization"] == "Bearer sk-test-123"


def test_json_schema_refused_falls_back_to_json_object_and_remembers(capsys, server, tmp_path):
    server.default = fs.llama_cpp_rejects_json_schema()
    other = tmp_path / "other.txt"
    other.write_text("Jane Smith said the plan will work. The council approved it.\n", encoding="utf-8")
    # One process: each worker process of a batch would find this out once for itself.
    run = brief_cli(capsys, server, "--jobs", "1", inputs=[str(SEED), str(other)])
    assert run.code == 0, run.err
    kinds = [(r.get("response_format") or {}).get("type") for r in server.requests]
    # Refused once, then JSON mode (with the schema, which llama.cpp turns into a grammar) for the rest.
    assert kinds == ["json_schema", "json_object", "json_object"]
    assert "schema" in server.requests[1]["response_format"]
    assert all(b["positions"] for b in run.json())


def test_the_refused_format_is_remembered_across_runs(capsys, server, tmp_path):
    server.default = fs.llama_cpp_rejects_json_schema()
    other = tmp_path / "other.txt"
    other.write_text("Jane Smith said the plan will work. The council approved it.\n", encoding="utf-8")
    assert brief_cli(capsys, server, "--jobs", "1").code == 0
    server.requests.clear()
    run = brief_cli(capsys, server, "--jobs", "1", inputs=[str(other)])  # a new article: not a cache hit
    assert run.code == 0, run.err
    assert [(r.get("response_format") or {}).get("type") for r in server.requests] == ["json_object"]
    run = brief_cli(capsys, server, "--no-cache", "--jobs", "1", inputs=[str(other)])
    assert (server.requests[-2].get("response_format") or {}).get("type") == "json_schema"  # --no-cache probes anew


def test_a_model_that_refuses_max_tokens_gets_max_completion_tokens_for_the_rest_of_the_run(capsys, server, tmp_path):
    server.default = fs.openai_rejects_max_tokens()
    other = tmp_path / "other.txt"
    other.write_text("Jane Smith said the plan will work. The council approved it.\n", encoding="utf-8")
    run = brief_cli(capsys, server, "--jobs", "1", "--max-output-tokens", "1500", inputs=[str(SEED), str(other)])
    assert run.code == 0, run.err
    limits = [{k: r[k] for k in ("max_tokens", "max_completion_tokens") if k in r} for r in server.requests]
    # Refused once, sent again at once under the newer name, which the next article uses from the start.
    assert limits == [{"max_tokens": 1500}, {"max_completion_tokens": 1500}, {"max_completion_tokens": 1500}]
    first, second = run.json()
    assert first["positions"] and second["positions"]
    assert first["usage"]["calls"] == 2 and first["usage"]["retries"] == 0
    assert second["usage"]["calls"] == 1


def test_a_max_tokens_value_refused_is_not_sent_again_under_the_other_name(capsys, server):
    server.default = fs.status(400, "max_tokens is too large: 50000. This model supports at most 16384 completion tokens")
    run = brief_cli(capsys, server, "--max-output-tokens", "50000")
    assert run.code == 3
    assert "max_tokens is too large" in _one_line(run.err)
    assert len(server.requests) == 1 and "max_completion_tokens" not in server.requests[0]


def test_no_response_format_at_all_falls_back_to_instructions(capsys, server):
    def refuse_any_format(h, body):
        if body.get("response_format"):
            fs.status(400, "response_format is not supported")(h, body)
        else:
            fs.ok()(h, body)

    server.default = refuse_any_format
    run = brief_cli(capsys, server)
    assert run.code == 0, run.err
    last = server.requests[-1]
    assert "response_format" not in last
    assert '"open_questions"' in last["messages"][0]["content"]  # the schema is in the system prompt


def test_a_reply_slower_than_the_timeout_is_retried_then_reported(capsys, server):
    server.default = fs.slow(1.0)
    run = brief_cli(capsys, server, "--timeout", "0.2", "--max-retries", "1")
    assert run.code == 3
    line = _one_line(run.err)
    assert "did not answer within 0.2 s" in line and "--timeout" in line
    assert len(server.requests) == 2  # the call and one retry


def test_a_slow_reply_once_is_retried_and_counted(capsys, server):
    server.script = [fs.slow(1.0)]
    run = brief_cli(capsys, server, "--timeout", "0.3")
    assert run.code == 0, run.err
    assert run.json()["usage"]["retries"] == 1
    assert run.json()["usage"]["calls"] == 2


def test_429_retry_after_is_honoured(server):
    server.script = [fs.status(429, "slow down", headers={"Retry-After": "7"})]
    waits: list[float] = []
    settings = load_settings({"backend": "openai", "base_url": server.url, "model": "fake", "cache": False})
    backend = OpenAIBackend(settings=settings, sleep=waits.append)
    b = brief_text(TEXT, settings=settings, backend=backend)
    assert waits == [7.0]  # the server's word, not our backoff
    assert b.usage is not None and b.usage.retries == 1 and b.positions


def test_backoff_grows_exponentially_with_jitter(server):
    server.script = [fs.status(503), fs.status(503), fs.status(503)]
    waits: list[float] = []
    settings = load_settings(
        {"backend": "openai", "base_url": server.url, "model": "fake", "cache": False, "retry_backoff": 1.0}
    )
    brief_text(TEXT, settings=settings, backend=OpenAIBackend(settings=settings, sleep=waits.append))
    assert len(waits) == 3
    for n, w in enumerate(waits):
        assert 2**n / 2 <= w <= 2**n  # half fixed, half random


def test_429_past_the_retries_says_to_try_later(capsys, server):
    server.default = fs.status(429, "Rate limit reached", headers={"Retry-After": "0"})
    run = brief_cli(capsys, server, "--max-retries", "2")
    assert run.code == 3
    line = _one_line(run.err)
    assert "429 rate limit" in line and "try again later" in line
    assert len(server.requests) == 3


def test_500_then_success_gives_the_briefing(capsys, server):
    server.script = [fs.status(500, "boom")]
    run = brief_cli(capsys, server)
    assert run.code == 0, run.err
    assert run.json()["usage"]["retries"] == 1 and run.json()["positions"]


def test_malformed_json_is_re_asked_with_the_error_shown(capsys, server):
    server.script = [fs.ok("Sure! Here is the briefing: {actors: [Trump")]
    run = brief_cli(capsys, server)
    assert run.code == 0, run.err
    assert len(server.requests) == 2
    followup = server.requests[1]["messages"]
    assert followup[-2] == {"role": "assistant", "content": "Sure! Here is the briefing: {actors: [Trump"}
    assert "not valid JSON" in followup[-1]["content"]
    assert run.json()["usage"]["retries"] == 1


def test_json_failing_the_schema_is_re_asked_then_reported(capsys, server):
    server.default = fs.ok({"summary": "x", "actors": "Donald Trump"})
    run = brief_cli(capsys, server, "--max-retries", "2")
    assert run.code == 3
    line = _one_line(run.err)
    assert "no usable reply after 3 attempt(s)" in line and "actors" in line
    assert "does not match the schema" in server.requests[1]["messages"][-1]["content"]


def test_a_reply_cut_off_by_the_length_limit_splits_the_text(capsys, server):
    def cut_when_long(h, body):
        text = fs.article_of(body) or ""
        (fs.length() if len(text) > 1500 else fs.ok())(h, body)

    server.default = cut_when_long
    run = brief_cli(capsys, server, "--include-text")
    assert run.code == 0, run.err
    pieces = [fs.article_of(r) for r in server.requests]
    # Cut once, then each half (together the whole text, split between sentences) asked on its own.
    assert len(pieces) == 3 and len(pieces[0]) > 1500
    assert pieces[1] + pieces[2] == pieces[0] and pieces[1].rstrip().endswith(".")
    b = run.json()
    assert_exact_evidence(b, b["text"])
    # Findings of both halves made it into the briefing, with spans in the whole text.
    starts = [e["start"] for item in b["outcomes"] for e in item["evidence"]]
    assert min(starts) < len(pieces[1]) <= max(starts)


def test_quotes_not_in_the_article_are_dropped_and_counted(capsys, server):
    def inventing(body):
        found = fs.fake_findings(body)
        found["outcomes"].append({"text": "a deal", "quote": "The two leaders signed a peace treaty."})
        found["positions"].append({"actor": "Donald Trump", "text": "x", "quote": "Trump said he loves Alaska."})
        return found

    server.default = fs.ok(inventing)
    run = brief_cli(capsys, server, "--include-text")
    assert run.code == 0, run.err
    b = run.json()
    assert "dropped 2 item(s) whose quote the model gave is not in the article" in b["warnings"]
    quotes = [e["quote"] for s in ("positions", "outcomes") for i in b[s] for e in i["evidence"]]
    assert "The two leaders signed a peace treaty." not in quotes
    assert_exact_evidence(b, b["text"])


def test_quotes_of_picture_captions_are_dropped(capsys, server, tmp_path):
    article = tmp_path / "rally.txt"
    article.write_text(
        "Police arrested six people after a rally in Leeds on Saturday. Abase Hussen, left, took his daughter "
        "Amira, right, to a demonstration when she was aged just 13 The council said the march had not been "
        "approved.\n",
        encoding="utf-8",
    )

    def quoting_the_caption(body):
        found = fs.fake_findings(body)
        found["outcomes"] = [
            {"text": "arrests", "quote": "Police arrested six people after a rally in Leeds on Saturday."},
            {"text": "a rally", "quote": "Abase Hussen, left, took his daughter Amira, right, to a demonstration"},
        ]
        return found

    server.default = fs.ok(quoting_the_caption)
    run = brief_cli(capsys, server, inputs=[str(article)])
    assert run.code == 0, run.err
    b = run.json()
    assert [o["text"] for o in b["outcomes"]] == ["arrests"]
    assert any(w.endswith("item(s) quoting a picture caption, not the article's prose") for w in b["warnings"])
    quotes = [e["quote"] for s in ("positions", "outcomes", "open_questions") for i in b[s] for e in i["evidence"]]
    assert quotes and not any("left, took" in q for q in quotes)


def test_keep_unverified_keeps_invented_quotes_flagged(capsys, server):
    def inventing(body):
        found = fs.fake_findings(body)
        found["outcomes"].append({"text": "a deal", "quote": "The two leaders signed a peace treaty."})
        return found

    server.default = fs.ok(inventing)
    run = brief_cli(capsys, server, "--keep-unverified")
    b = run.json()
    kept = [e for i in b["outcomes"] for e in i["evidence"] if e.get("verified") is False]
    assert [e["quote"] for e in kept] == ["The two leaders signed a peace treaty."]
    assert any("--keep-unverified" in w for w in b["warnings"])
    markdown = brief_cli(capsys, server, "--keep-unverified", "-f", "markdown").out
    assert "> The two leaders signed a peace treaty. <sub>(not found in the article)</sub>" in markdown


def test_a_position_of_an_actor_the_article_never_names_is_dropped(capsys, server):
    def foreign_speaker(body):
        found = fs.fake_findings(body)
        found["positions"].append({"actor": "Joe Biden", "text": "x", "quote": found["outcomes"][0]["quote"]})
        return found

    server.default = fs.ok(foreign_speaker)
    b = brief_cli(capsys, server).json()
    names = {a["name"] for a in b["actors"]}
    assert all(p["actor"] in names for p in b["positions"])
    assert "Joe Biden" not in {p["actor"] for p in b["positions"]}
    assert any("Joe Biden" in w for w in b["warnings"])


def test_a_dropped_connection_is_retried(capsys, server):
    server.script = [fs.drop()]
    run = brief_cli(capsys, server)
    assert run.code == 0, run.err
    assert run.json()["usage"]["retries"] == 1


def test_a_connection_dropped_every_time_is_one_line(capsys, server):
    server.default = fs.drop()
    run = brief_cli(capsys, server, "--max-retries", "1")
    assert run.code == 3
    assert "cannot reach the server at" in _one_line(run.err)


def test_a_reply_that_is_not_a_chat_completion_is_reported(capsys, server):
    server.default = fs.garbage_body()
    run = brief_cli(capsys, server, "--max-retries", "0")
    assert run.code == 3
    assert "not an OpenAI chat completion" in _one_line(run.err)


def test_an_unreachable_server_is_one_line(capsys, isolated):
    with fs.FaultServer() as s:
        url = s.url
    run = brief_cli(capsys, type("S", (), {"url": url})(), "--max-retries", "0")
    assert run.code == 3
    line = _one_line(run.err)
    assert f"cannot reach the server at {url}" in line and "--base-url" in line


@pytest.mark.parametrize("code", [401, 403])
def test_a_refused_key_stops_with_exit_2(capsys, server, tmp_path, code):
    server.default = fs.status(code, "Incorrect API key provided")
    second = tmp_path / "b.txt"
    second.write_text("Jane Smith said so.\n", encoding="utf-8")
    run = brief_cli(capsys, server, "--jobs", "1", inputs=[str(SEED), str(second)])
    assert run.code == 2
    line = _one_line(run.err)
    assert "refused the API key" in line and "BRIEFER_API_KEY" in line
    assert len(server.requests) == 1  # the second article was not tried with the same bad key


def test_an_unknown_model_is_one_line(capsys, server):
    server.default = fs.status(404, "The model `fake` does not exist")
    run = brief_cli(capsys, server)
    assert run.code == 2
    line = _one_line(run.err)
    assert "has no model 'fake'" in line and "--model" in line


def test_one_failing_article_does_not_stop_the_batch(capsys, server, tmp_path):
    def fail_on_marker(h, body):
        (fs.status(500, "boom") if "POISON" in (fs.article_of(body) or "") else fs.ok())(h, body)

    server.default = fail_on_marker
    bad = tmp_path / "bad.txt"
    bad.write_text("Jane Smith said POISON is here.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = brief_cli(capsys, server, "--max-retries", "1", "-f", "jsonl", "-o", str(out), inputs=[str(bad), str(SEED)])
    assert run.code == 1
    assert "bad.txt" in _one_line(run.err)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["name"].endswith("alaska-summit.txt")


def test_the_token_budget_stops_before_it_is_exceeded(capsys, server):
    run = brief_cli(capsys, server, "--max-tokens-total", "500")
    assert run.code == 3
    line = _one_line(run.err)
    assert "--max-tokens-total 500" in line
    assert server.requests == []  # stopped before the call, not after


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_the_token_budget_holds_for_the_whole_run_whatever_the_jobs(capsys, server, tmp_path, jobs):
    # Each call reserves its prompt and its whole output allowance (2,048) before it is sent, and
    # takes 2,800 tokens: a budget of 4,000 has room for one call, in one process or in three.
    server.default = fs.ok(prompt_tokens=800, completion_tokens=2000)
    run = brief_cli(capsys, server, "--no-cache", "--max-tokens-total", "4000", "--jobs", jobs, "-f", "jsonl",
                    inputs=_three_articles(tmp_path))
    assert run.code == 1, run.err  # some briefed, some not
    assert len(server.requests) == 1
    briefings = [json.loads(line) for line in run.out.splitlines()]
    assert len(briefings) == 1
    used = sum(b["usage"]["prompt_tokens"] + b["usage"]["completion_tokens"] for b in briefings)
    assert used == 2800
    errors = [line for line in run.err.splitlines() if line.startswith("briefer: error: ")]
    assert len(errors) == 2 and all("--max-tokens-total 4000 leaves" in e for e in errors), run.err
    assert run.err.splitlines()[-1] == "briefer: briefed 1, failed 2 (see above)"


def test_the_token_budget_allows_what_fits(capsys, server):
    run = brief_cli(capsys, server, "--max-tokens-total", "20000")
    assert run.code == 0, run.err


def test_a_second_run_is_answered_from_the_cache(capsys, server):
    first = brief_cli(capsys, server)
    second = brief_cli(capsys, server)
    assert len(server.requests) == 1
    assert second.json()["usage"]["calls"] == 0 and second.json()["usage"]["cached_calls"] == 1
    assert second.json()["positions"] == first.json()["positions"]
    brief_cli(capsys, server, "--no-cache")
    assert len(server.requests) == 2
    # Above temperature 0 a reply is one sample among many: never replayed.
    brief_cli(capsys, server, "--temperature", "0.7")
    brief_cli(capsys, server, "--temperature", "0.7")
    assert len(server.requests) == 4


def test_long_articles_are_briefed_chunk_by_chunk_concurrently_then_reduced(capsys, server):
    server.latency = 0.3
    run = brief_cli(capsys, server, "--max-chunk-tokens", "150", "--concurrency", "2", "--include-text")
    assert run.code == 0, run.err
    b = run.json()
    chunks = b["source"]["chunks"]
    assert chunks >= 4
    chunk_calls = [r for r in server.requests if fs.article_of(r) is not None]
    reduce_calls = [r for r in server.requests if fs.article_of(r) is None]
    assert len(chunk_calls) == chunks and len(reduce_calls) == 1
    assert server.max_inflight == 2  # as many at once as --concurrency, never more
    assert b["summary"] == "One summary of every part."
    assert b["usage"]["stages"]["reduce"]["calls"] == 1
    assert_exact_evidence(b, b["text"])
    # Actors named in several chunks are one actor in the briefing.
    names = [a["name"] for a in b["actors"]]
    assert len(names) == len(set(names))


def _first_sentence_summary(body):
    found = fs.fake_findings(body)
    if fs.article_of(body) is not None:
        found["summary"] = found["summary"].split(". ")[0].rstrip(".") + "."
    return found


@pytest.mark.parametrize("sentences, reduce_calls", [("3", 1), ("20", 0), ("0", 0)])
def test_the_reduce_call_is_made_only_when_the_chunk_summaries_do_not_fit(capsys, server, sentences, reduce_calls):
    # A headline, and a one-sentence summary per chunk: condensing is needed only when there are
    # more chunk summaries than --summary-sentences asks for (and none when no summary is wanted).
    server.default = fs.ok(_first_sentence_summary)
    # One chunk at a time, so the server sees them in the article's order.
    run = brief_cli(capsys, server, "--max-chunk-tokens", "150", "--concurrency", "1", "--summary-sentences", sentences)
    assert run.code == 0, run.err
    b = run.json()
    assert b["source"]["chunks"] > 3
    chunk_summaries = [_first_sentence_summary(r)["summary"] for r in server.requests if fs.article_of(r) is not None]
    assert len(chunk_summaries) == b["source"]["chunks"]
    assert len(server.requests) == len(chunk_summaries) + reduce_calls
    assert b["usage"]["stages"].get("reduce", {}).get("calls", 0) == reduce_calls
    assert b["title"] == "Alaska Summit: Symbolic Gains, Ukraine Crisis Remains Unresolved"
    if reduce_calls:
        assert b["summary"] == "One summary of every part."
    elif sentences == "0":
        assert b["summary"] == ""
    else:
        assert b["summary"] == " ".join(chunk_summaries)  # every part, in the article's order


def test_an_article_without_a_headline_gets_one_from_the_reduce_call(capsys, server, tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(
        "\n\n".join(
            f"The council heard from {who} on Monday about the harbour plan and its costs. {who} said the plan "
            f"would change the waterfront for good. The debate went on late into the evening at the town hall."
            for who in ("Jane Smith", "John Brown", "Mary Jones", "Peter Green", "Anna White", "Paul Black")
        )
        + "\n",
        encoding="utf-8",
    )
    server.default = fs.ok(_first_sentence_summary)
    run = brief_cli(capsys, server, "--max-chunk-tokens", "100", "--summary-sentences", "20", inputs=[str(article)])
    assert run.code == 0, run.err
    b = run.json()
    assert b["source"]["chunks"] > 1
    # The chunks' summaries fit: the reduce call was made for the missing title.
    assert [fs.article_of(r) is None for r in server.requests].count(True) == 1
    assert b["title"] == "A headline for the whole article"
    assert not any("no headline" in w for w in b["warnings"])
    run = brief_cli(capsys, server, "--max-chunk-tokens", "100", "--no-reduce", inputs=[str(article)])
    assert any("no headline" in w for w in run.json()["warnings"])  # --no-reduce: the first sentence stands in


def test_no_reduce_keeps_the_chunk_summaries(capsys, server):
    run = brief_cli(capsys, server, "--max-chunk-tokens", "150", "--no-reduce")
    assert all(fs.article_of(r) is not None for r in server.requests)
    assert run.json()["summary"] != "One summary of every part."


def _three_articles(tmp_path) -> list[str]:
    names = []
    for who in ("Jane Smith", "John Brown", "Mary Jones"):
        path = tmp_path / f"{who.split()[0].lower()}.txt"
        path.write_text(f"{who} said the plan will work. The council approved it on Monday.\n", encoding="utf-8")
        names.append(str(path))
    return names


@pytest.mark.parametrize(
    "fault, jobs, output, message",
    [
        (fs.status(401, "Incorrect API key provided"), ["--jobs", "3"], None, "refused the API key"),
        (fs.status(401, "Incorrect API key provided"), [], None, "refused the API key"),  # the default: one per core
        (fs.status(403, "Forbidden"), ["--jobs", "3"], "out", "refused the API key"),
        (fs.status(404, "The model `fake` does not exist"), ["--jobs", "3"], "out", "has no model 'fake'"),
    ],
    ids=["401-jsonl", "401-default-jobs", "403-dir", "404-dir"],
)
def test_a_refused_key_or_unknown_model_in_worker_processes_is_one_line(server, tmp_path, fault, jobs, output, message):
    # A process of its own: what went wrong here was printed while the interpreter shut down.
    server.default = fault
    argv = [sys.executable, "-m", "briefer", "brief", *_three_articles(tmp_path), "--backend", "openai",
            "--base-url", server.url, "--model", "fake", "--no-cache", "-f", "jsonl", *jobs]
    if output is not None:
        argv += ["-o", f"{tmp_path / output}/"]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefer: error: ") and message in lines[0], r.stderr
    assert r.stdout == ""
    if output is not None:
        assert list((tmp_path / output).iterdir()) == []  # no file, not even a temporary one
