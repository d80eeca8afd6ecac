"""A fault-injecting OpenAI-compatible server on 127.0.0.1, for tests and the concurrency benchmark.

It answers ``POST /v1/chat/completions`` like a (very simple) model: it reads the article between
the <article> tags of the prompt and replies with actors, positions and outcomes quoted exactly
from it. Faults are scripted per request: ``server.script`` is a list of behaviours used one per
request in order, after which ``server.default`` answers. A behaviour is a function of the
request that writes the response:

    ok()                    a good reply (``content=`` overrides what the model says, the token
                            counts of its ``usage`` are ``prompt_tokens=`` and ``completion_tokens=``)
    status(429, headers={"Retry-After": "2"})
    slow(seconds, then)     wait, then behave as ``then`` (a client with a shorter timeout gives up)
    drop()                  close the connection without answering
    length()                a reply cut off: finish_reason "length"
    garbage_body()          a 200 whose body is not JSON at all

Every request is recorded in ``server.requests`` (the parsed JSON body), and the most requests
ever in flight at once in ``server.max_inflight``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = Callable[["_Handler", dict], None]

_ARTICLE = re.compile(r"<article>\n(.*?)\n</article>", re.DOTALL)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_NAME = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b")


def article_of(body: dict) -> str | None:
    """Return the article text a chunk request carries, or None (a reduce request carries none)."""
    for message in body.get("messages", []):
        m = _ARTICLE.search(message.get("content") or "")
        if m:
            return m.group(1)
    return None


def fake_findings(body: dict) -> dict:
    """Return what a diligent but simple model would answer: everything quoted from the article."""
    text = article_of(body)
    if text is None:  # the reduce call
        return {"title": "A headline for the whole article", "summary": "One summary of every part."}
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    speakers: list[str] = []
    positions = []
    for s in sentences:
        names = _NAME.findall(s)
        if names and re.search(r"\b(said|says|warned|told|according to)\b", s):
            speakers.append(names[0])
            positions.append({"actor": names[0], "text": s, "quote": s})
    names = list(dict.fromkeys(speakers))
    return {
        "title": None,
        "summary": " ".join(sentences[:2]),
        "actors": [{"name": n, "aliases": [n.split()[-1]], "kind": "person", "role": None} for n in names],
        "positions": positions,
        "outcomes": [{"text": s, "quote": s} for s in sentences[:1]],
        "open_questions": [{"text": s, "quote": s} for s in sentences[-1:]],
    }


def completion(content: str, finish_reason: str = "stop", prompt_tokens: int = 100, completion_tokens: int = 50) -> dict:
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


# --- behaviours ---------------------------------------------------------------------------------


def ok(
    content: str | Callable[[dict], Any] | None = None, *, prompt_tokens: int = 100, completion_tokens: int = 50
) -> Behaviour:
    """A good reply: ``content`` (a string, or a function of the request), else `fake_findings`;
    its usage reports the tokens given."""

    def run(h: _Handler, body: dict) -> None:
        c = content(body) if callable(content) else content
        if c is None:
            c = fake_findings(body)
        text = c if isinstance(c, str) else json.dumps(c)
        h.send_json(200, completion(text, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens))

    return run


def status(code: int, message: str = "fault", headers: dict[str, str] | None = None) -> Behaviour:
    def run(h: _Handler, body: dict) -> None:
        h.send_json(code, {"error": {"message": message, "type": "fault", "code": None}}, headers)

    return run


def slow(seconds: float, then: Behaviour | None = None) -> Behaviour:
    def run(h: _Handler, body: dict) -> None:
        time.sleep(seconds)
        (then or ok())(h, body)

    return run


def drop() -> Behaviour:
    def run(h: _Handler, body: dict) -> None:
        h.close_connection = True
        try:
            h.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    return run


def length(content: str = '{"title": null, "summary": "The article') -> Behaviour:
    def run(h: _Handler, body: dict) -> None:
        h.send_json(200, completion(content, finish_reason="length"))

    return run


def garbage_body() -> Behaviour:
    def run(h: _Handler, body: dict) -> None:
        data = b"<html>502 Bad Gateway</html>"
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return run


def openai_rejects_max_tokens(then: Behaviour | None = None) -> Behaviour:
    """What OpenAI's newer models (o-series, GPT-5) answer to ``max_tokens``: a 400 naming the other name."""

    def run(h: _Handler, body: dict) -> None:
        if "max_tokens" in body:
            error = {
                "message": "Unsupported parameter: 'max_tokens' is not supported with this model. "
                "Use 'max_completion_tokens' instead.",
                "type": "invalid_request_error",
                "param": "max_tokens",
                "code": "unsupported_parameter",
            }
            h.send_json(400, {"error": error})
        else:
            (then or ok())(h, body)

    return run


def llama_cpp_rejects_json_schema(then: Behaviour | None = None) -> Behaviour:
    """What llama-cpp-python's server does with a json_schema response format: a 500 naming it."""

    def run(h: _Handler, body: dict) -> None:
        if (body.get("response_format") or {}).get("type") == "json_schema":
            status(500, "response_format: Input should be 'text' or 'json_object'")(h, body)
        else:
            (then or ok())(h, body)

    return run


# --- the server ---------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without TCP_NODELAY the client's delayed ACK adds
    # some 40 ms to every reply, which the concurrency benchmark would count as our overhead.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass

    def send_json(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (a timeout test): nothing to answer

    def do_GET(self) -> None:
        self.send_json(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.loads(raw or b"{}")
        fault = self.server.fault
        with fault.lock:
            fault.requests.append(body)
            fault.paths.append(self.path)
            fault.headers.append(dict(self.headers))
            behaviour = fault.script.pop(0) if fault.script else fault.default
            fault.inflight += 1
            fault.max_inflight = max(fault.max_inflight, fault.inflight)
        try:
            if fault.latency:
                time.sleep(fault.latency)
            behaviour(self, body)
        finally:
            with fault.lock:
                fault.inflight -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fault: FaultServer


class FaultServer:
    """The server and its script; use as a context manager or call start() and stop()."""

    def __init__(self, default: Behaviour | None = None, latency: float = 0.0) -> None:
        self.default = default or ok()
        self.script: list[Behaviour] = []
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.paths: list[str] = []
        self.latency = latency
        self.inflight = 0
        self.max_inflight = 0
        self.lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fault = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
