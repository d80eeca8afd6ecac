"""A real HTTP server on 127.0.0.1 for the tests: saved pages, redirects, errors, slow and endless
responses, binaries. Every handler stops by itself (bounded sleeps, bounded bodies)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAGES = Path(__file__).resolve().parent / "pages"

LATIN1_PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Café owners protest</title></head>
<body><article><h1>Café owners protest new terrace fees</h1>
<p>Owners of cafés in the old town protested on Tuesday against a new fee on terraces, which the council approved last month.</p>
<p>"The fee is déjà vu: the council tried this in 2019 and failed," said Renée Dubois, who runs a café near the cathedral.</p>
<p>The mayor said the fee would fund street repairs. It is unclear whether the council will reconsider the plan before summer.</p>
</article></body></html>"""

HEADER_CHARSET_TEXT = """Zoë Müller named harbour director

The port board named Zoë Müller as its new director on Friday, ending a search that lasted eight months.

"Our priority is the strike," Müller said. The board approved her contract unanimously.
"""

PLAIN_TEXT = """Council approves bridge repair plan

The city council approved a plan on Wednesday to repair the old river bridge, closing it to trucks for six months.

"The bridge is safe for cars, but heavy traffic must stop," said Jonas Berg, the city engineer. It is not yet clear where the trucks will go.
"""

MAX_SLEEP = 10.0  # a slow endpoint never holds a thread longer than this
ENDLESS_CAP = 256 * 1024 * 1024  # nor does an endless one send more than this


class Handler(BaseHTTPRequestHandler):
    server_version = "TestPages/1.0"

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        if self.path.startswith("http://"):  # absolute form: we are being used as a proxy
            return self._send(200, "text/html; charset=utf-8", _page("Via proxy", f"Fetched {self.path} via the proxy."))
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        path = url.path
        if path == "/article.html":
            return self._send(200, "text/html; charset=utf-8", (PAGES / "harbor-strike.html").read_bytes())
        if path == "/latin1.html":
            return self._send(200, "text/html", LATIN1_PAGE.encode("cp1252"))
        if path == "/header-charset.txt":
            return self._send(200, "text/plain; charset=iso-8859-1", HEADER_CHARSET_TEXT.encode("latin-1"))
        if path == "/plain.txt":
            return self._send(200, "text/plain", PLAIN_TEXT.encode())
        if path == "/no-type":
            return self._send(200, None, (PAGES / "harbor-strike.html").read_bytes())
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            return self._redirect("/article.html" if n <= 0 else f"/redirect/{n - 1}")
        if path == "/loop":
            return self._redirect("/loop")
        if path == "/missing":
            return self._send(404, "text/html", b"<h1>Not Found</h1>")
        if path == "/forbidden":
            return self._send(403, "text/html", b"<h1>Forbidden</h1>")
        if path == "/broken":
            return self._send(500, "text/html", b"<h1>Internal Server Error</h1>")
        if path == "/slow":
            time.sleep(min(float(query.get("delay", ["5"])[0]), MAX_SLEEP))
            return self._send(200, "text/plain", PLAIN_TEXT.encode())
        if path == "/endless":
            return self._endless()
        if path == "/trickle":  # a byte now and then: every wait is short, the whole page never ends
            return self._trickle(float(query.get("every", ["0.2"])[0]))
        if path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            return  # the body never comes: the client must refuse from the header alone
        if path == "/doc.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        if path == "/photo.png":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        if path == "/ua":
            agent = self.headers.get("User-Agent", "")
            return self._send(200, "text/plain", f"Agent report\n\nThe request came with the agent {agent} today.\n".encode())
        return self._send(404, "text/html", b"<h1>Not Found</h1>")

    def _send(self, status: int, ctype: str | None, body: bytes) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()  # no length: the body ends when the connection does
        chunk = b"<p>" + b"more words " * 6000 + b"</p>\n"
        sent, deadline = 0, time.monotonic() + MAX_SLEEP
        try:
            self.wfile.write(b"<html><body>")
            while sent < ENDLESS_CAP and time.monotonic() < deadline:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up, as it should


    def _trickle(self, every: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        deadline = time.monotonic() + MAX_SLEEP
        try:
            self.wfile.write(b"<html><body><p>")
            while time.monotonic() < deadline:
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(every)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _page(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>".encode()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up (a timeout, a size cap) leaves the handler writing to a closed
        # socket: expected here, and a traceback on stderr would land in some other test's output.
        pass


@contextmanager
def serve() -> Iterator[str]:
    """Run the server on a free port of 127.0.0.1; yield its base URL."""
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
