"""Briefing URLs, against a real HTTP server on 127.0.0.1 that the tests start (no other network)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import httpx
import pytest
from webserver import serve

from briefer.cli import main
from briefer.errors import FetchError
from briefer.fetching import Fetcher

PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(scope="module")
def web():
    with serve() as base:
        yield base


@pytest.fixture(autouse=True)
def no_proxy_from_the_developer(monkeypatch):
    # The developer's own proxy settings must not route the loopback server elsewhere.
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("briefer: error: ")
    return lines[0]


def test_a_saved_page_is_briefed_from_its_url(web, capsys):
    url = f"{web}/article.html"
    code, out, err = run(["brief", url, "-f", "json", "--include-text"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["title"] == "Harbor strike halts shipping as talks collapse"
    assert doc["source"]["name"] == url
    assert "Maria Lopez" in doc["text"]
    assert "Cookie settings" not in doc["text"] and "All rights reserved" not in doc["text"]


def test_a_redirect_chain_is_followed(web, capsys):
    code, out, err = run(["brief", f"{web}/redirect/3", "-f", "json"], capsys)
    assert code == 0, err
    assert json.loads(out)["title"] == "Harbor strike halts shipping as talks collapse"


def test_a_redirect_loop_is_one_line(web, capsys):
    code, _, err = run(["brief", f"{web}/loop"], capsys)
    assert code == 3
    line = one_error(err)
    assert f"{web}/loop" in line and "redirects" in line


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", ["HTTP 404", "does not exist"]),
        ("/forbidden", ["HTTP 403", "may block automated access"]),
        ("/broken", ["HTTP 500"]),
    ],
)
def test_http_errors_are_one_line_naming_the_url(web, capsys, path, words):
    code, out, err = run(["brief", web + path], capsys)
    assert code == 3 and out == ""
    line = one_error(err)
    assert web + path in line
    for w in words:
        assert w in line


def test_a_slow_server_times_out(web, capsys):
    code, _, err = run(["brief", f"{web}/slow?delay=5", "--timeout", "0.3"], capsys)
    assert code == 3
    line = one_error(err)
    assert "timed out after 0.3s" in line and "--timeout" in line


def test_a_page_trickled_a_byte_at_a_time_is_cut_off_at_four_timeouts(web, capsys):
    start = time.monotonic()
    code, _, err = run(["brief", f"{web}/trickle?every=0.1", "--timeout", "0.5"], capsys)
    took = time.monotonic() - start
    assert code == 3
    assert one_error(err) == (f"briefer: error: {web}/trickle?every=0.1: the page took more than 2s to arrive "
                              "(4 × --timeout): the server sends it too slowly (raise --timeout if the site is slow)")
    assert 2 <= took < 6  # the server would go on for 10 s


def test_an_endless_body_is_cut_off_at_max_bytes(web, capsys):
    code, _, err = run(["brief", f"{web}/endless", "--max-bytes", "300000"], capsys)
    assert code == 3
    line = one_error(err)
    assert f"{web}/endless" in line and "larger than --max-bytes (300,000 bytes)" in line


def test_a_declared_size_over_the_cap_is_refused_before_reading(web):
    with Fetcher(max_bytes=1_000_000, timeout=2) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(f"{web}/huge-declared")
    assert "50,000,000 bytes" in str(info.value)


@pytest.mark.parametrize(("path", "mime"), [("/doc.pdf", "application/pdf"), ("/photo.png", "image/png")])
def test_binaries_are_refused_naming_url_and_type(web, capsys, path, mime):
    code, _, err = run(["brief", web + path], capsys)
    assert code == 3
    line = one_error(err)
    assert web + path in line and mime in line and "HTML and plain text" in line


def test_charset_from_a_meta_tag(web, capsys):
    code, out, err = run(["brief", f"{web}/latin1.html", "-f", "json", "--include-text"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert "Café" in doc["title"]
    assert "Renée Dubois" in doc["text"] and "déjà vu" in doc["text"]


def test_charset_from_the_content_type_header(web, capsys):
    code, out, err = run(["brief", f"{web}/header-charset.txt", "-f", "json", "--include-text"], capsys)
    assert code == 0, err
    assert "Zoë Müller" in json.loads(out)["text"]


def test_a_page_without_content_type_is_sniffed(web):
    with Fetcher(timeout=5) as fetcher:
        article = fetcher.fetch(f"{web}/no-type")
    assert article.format == "html"


def test_plain_text_pages_are_briefed(web, capsys):
    code, out, err = run(["brief", f"{web}/plain.txt", "-f", "json"], capsys)
    assert code == 0, err
    assert json.loads(out)["title"] == "Council approves bridge repair plan"


def test_the_user_agent_is_configurable(web, capsys):
    code, out, _ = run(["brief", f"{web}/ua", "-f", "json", "--include-text", "--user-agent", "NewsDesk/2.0"], capsys)
    assert code == 0
    assert "NewsDesk/2.0" in json.loads(out)["text"]
    code, out, _ = run(["brief", f"{web}/ua", "-f", "json", "--include-text"], capsys)
    assert "briefer/" in json.loads(out)["text"]


def test_a_refused_connection_is_one_line(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # nothing listens on the port any more
    code, _, err = run(["brief", f"http://127.0.0.1:{port}/story"], capsys)
    assert code == 3
    line = one_error(err)
    assert "connection refused" in line and f"127.0.0.1:{port}" in line


@pytest.mark.parametrize(("url", "why"), [
    ("http://[bad/x", "Invalid IPv6 URL"),
    ("http://news.example:99999/x", "Port out of range"),
    ("https:///x", "it names no host"),
])
@pytest.mark.parametrize("output", [[], ["-o", "DIR/"]])
def test_a_malformed_url_is_one_line_naming_it(capsys, tmp_path, url, why, output):
    code, out, err = run(["brief", url, *[str(tmp_path) + "/" if a == "DIR/" else a for a in output]], capsys)
    assert code == 3 and out == ""
    assert one_error(err).startswith(f"briefer: error: {url}: not a valid URL ({why}")


def test_a_dns_failure_is_one_line():
    # A real lookup would leave the machine, so the resolver's failure is played by a transport.
    def unresolvable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from socket.gaierror(
            -2, "Name or service not known"
        )

    client = httpx.Client(transport=httpx.MockTransport(unresolvable))
    with pytest.raises(FetchError) as info:
        Fetcher(client=client).fetch("https://no-such-host.invalid/story")
    assert str(info.value).startswith("https://no-such-host.invalid/story: cannot resolve the host name no-such-host.invalid")


def test_the_fetcher_takes_a_client_for_tests():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/markdown"}, content=b"# Title\n\nBody text here.\n")

    article = Fetcher(client=httpx.Client(transport=httpx.MockTransport(handler))).fetch("https://x.test/a", id="7")
    assert (article.format, article.id, article.name) == ("markdown", "7", "https://x.test/a")


def test_proxies_come_from_the_environment(web, monkeypatch, capsys):
    monkeypatch.setenv("HTTP_PROXY", web)  # the test server answers absolute-form requests as a proxy
    code, out, err = run(["brief", "http://news.example/story", "-f", "json", "--include-text"], capsys)
    assert code == 0, err
    assert "Fetched http://news.example/story via the proxy" in json.loads(out)["text"]


def test_a_refused_proxy_is_named_as_the_proxy(monkeypatch, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")  # nothing listens there
    code, _, err = run(["brief", "http://news.example/story"], capsys)
    assert code == 3
    assert one_error(err) == (f"briefer: error: http://news.example/story: connection refused by the proxy "
                              f"127.0.0.1:{port} (set by HTTP_PROXY): is the proxy up?")


def test_timeout_and_limits_come_from_the_environment_too(web, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFER_MAX_BYTES", "1000")
    code, _, err = run(["brief", f"{web}/article.html"], capsys)
    assert code == 3 and "--max-bytes (1,000 bytes)" in err


@pytest.mark.parametrize("args", [["--help"], ["brief", "SEED"]])
def test_the_extractive_path_never_imports_httpx_or_openai(seed, args):
    argv = [str(seed) if a == "SEED" else a for a in args]
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefer", *argv], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in r.stderr.splitlines()
                if line.startswith("import time:") and "|" in line}
    assert "briefer" in imported
    assert "httpx" not in imported and "openai" not in imported


def test_the_library_briefs_a_url_too(web):
    import briefer

    b = briefer.brief(f"{web}/article.html")
    assert b.title == "Harbor strike halts shipping as talks collapse" and b.source.name == f"{web}/article.html"
    with pytest.raises(FetchError):
        briefer.brief(f"{web}/missing")
