"""URL → Article: one bounded GET with httpx, every way it can fail turned into one FetchError line.

httpx is imported only when the first URL is fetched, so `briefer --help` and briefing files never
pay for it. Proxies come from the standard environment variables (HTTP_PROXY, HTTPS_PROXY,
ALL_PROXY, NO_PROXY) through httpx's ``trust_env``.
"""

from __future__ import annotations

import errno
import socket
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .version import __version__
from .errors import FetchError
from .models import Article, InputFormat
from .sources import article_from_bytes, sniff_format

if TYPE_CHECKING:
    import httpx

DEFAULT_TIMEOUT = 60.0  # shared with backends that call a server, where a local model can be slow
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_USER_AGENT = f"briefer/{__version__} (news briefing tool)"
MAX_REDIRECTS = 10
# --timeout bounds each wait for the server; a whole page, redirects included, gets this many
# times as long, so a server that trickles a page (a byte now and then) cannot hold a run for ever.
DEADLINE_TIMEOUTS = 4

# What an article can be served as. Anything else (PDF, images, archives, JSON, feeds) is refused
# before its body is read, with the type named, rather than decoded into garbage.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
TEXT_TYPES = frozenset({"text/plain"})

# What a status means for the user, when it means more than its reason phrase.
STATUS_HINTS = {
    401: "the page needs a login",
    403: "the site refused access; it may block automated access (try --user-agent, or save the page and brief the file)",
    404: "the page does not exist (check the URL)",
    410: "the page is gone",
    429: "the site is rate-limiting requests: try again later or with fewer --jobs",
}


class Fetcher:
    """Fetches URLs as Articles with one reusable HTTP client, made on first use.

    ``client`` is any ``httpx.Client``; tests pass one with a ``MockTransport``. When omitted, the
    client is built from the timeout and user agent given here and closed by ``close()``.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = DEFAULT_USER_AGENT,
        client: httpx.Client | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._client = client
        self._owns_client = client is None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": self.user_agent},
                trust_env=True,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None and self._owns_client:
            self._client.close()
            self._client = None

    def fetch(self, url: str, *, id: str | None = None) -> Article:
        """Return the page at ``url`` as an Article; raise FetchError naming the URL if it cannot."""
        import httpx

        problem = _url_problem(url)
        if problem is not None:
            raise FetchError(problem, source=url)
        deadline = time.monotonic() + DEADLINE_TIMEOUTS * self.timeout
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(_status_message(response), source=url)
                format = _format_of(response, url)
                data = self._read_capped(response, url, deadline)
                charset = response.charset_encoding
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects: the site sends briefer in a loop", source=url) from None
        except httpx.TimeoutException as exc:
            phase = "connecting" if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)) else "waiting for the page"
            raise FetchError(
                f"timed out after {self.timeout:g}s {phase} (raise --timeout if the site is slow)", source=url
            ) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL: {exc}", source=url) from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"cannot fetch this URL: {exc}", source=url) from None
        except httpx.ConnectError as exc:
            proxy = _proxy_for(url) if self._owns_client else None  # a client given to us has its own
            raise FetchError(_connect_message(exc, url, proxy), source=url) from None
        except httpx.TransportError as exc:
            raise FetchError(f"network error: {_first_line(exc) or type(exc).__name__}", source=url) from None
        if format is None:
            format = sniff_format(data)
        return article_from_bytes(data, name=url, format=format, id=id, charset=charset)

    def _read_capped(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        """Return the body, refusing it as soon as it passes ``max_bytes`` (before, if declared)
        or the time left runs out."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(_too_large(int(declared), self.max_bytes), source=url)
        body = bytearray()
        # iter_bytes yields the decompressed body, so the cap also stops a compression bomb.
        for piece in response.iter_bytes():
            body += piece
            if len(body) > self.max_bytes:
                raise FetchError(_too_large(None, self.max_bytes), source=url)
            if time.monotonic() > deadline:
                raise FetchError(
                    f"the page took more than {DEADLINE_TIMEOUTS * self.timeout:g}s to arrive ({DEADLINE_TIMEOUTS} × "
                    "--timeout): the server sends it too slowly (raise --timeout if the site is slow)", source=url)
        return bytes(body)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _url_problem(url: str) -> str | None:
    """Return why ``url`` cannot be fetched as it is written, or None if it can be tried."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # a port that is no number, or out of range, raises here
    except ValueError as exc:
        return f"not a valid URL ({exc}): check how it is written"
    if not parts.hostname:
        return "not a valid URL (it names no host): check how it is written"
    return None


def _format_of(response: httpx.Response, url: str) -> InputFormat | None:
    """Return the article format the Content-Type announces (None: guess from the body)."""
    raw = response.headers.get("content-type", "")
    mime = raw.split(";", 1)[0].strip().lower()
    if not mime:
        return None
    if mime in HTML_TYPES:
        return "html"
    if mime in MARKDOWN_TYPES:
        return "markdown"
    if mime in TEXT_TYPES:
        return None  # plain text may well be Markdown: let the body tell
    raise FetchError(f"the server sent {mime}, not a web page: briefer reads HTML and plain text only", source=url)


def _status_message(response: httpx.Response) -> str:
    code = response.status_code
    reason = response.reason_phrase or ""
    hint = STATUS_HINTS.get(code) or ("the server failed; try again later" if code >= 500 else "the server refused the request")
    return f"HTTP {code} {reason}: {hint}".replace("  ", " ")


def _connect_message(exc: Exception, url: str, proxy: tuple[str, str] | None = None) -> str:
    """Return what went wrong connecting for ``url``: to its server, or to the ``proxy`` (address,
    and the variable that set it) that requests for it go through."""
    cause = _root_cause(exc)
    dns = isinstance(cause, socket.gaierror) or _looks_like_dns(str(exc))
    refused = isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED \
        or "refused" in str(exc).lower()
    text = _first_line(exc)
    if proxy is not None:
        address, variable = proxy
        try:
            address = urlsplit(address if "://" in address else f"http://{address}").netloc or address
        except ValueError:
            pass
        where = f"the proxy {address} (set by {variable})"
        if dns:
            return f"cannot resolve the host name of {where}: check {variable}"
        if refused:
            return f"connection refused by {where}: is the proxy up?"
        return f"cannot connect to {where}: {text or type(exc).__name__}"
    host = urlsplit(url).hostname or url
    if dns:
        return f"cannot resolve the host name {host} (DNS lookup failed: check the URL and your network)"
    if refused:
        port = urlsplit(url).port
        return f"connection refused by {f'{host}:{port}' if port else host}: is the server up?"
    if "certificate" in text.lower() or "ssl" in text.lower():
        return f"secure connection to {host} failed: {text}"
    return f"cannot connect to {host}: {text or type(exc).__name__}"


def _proxy_for(url: str) -> tuple[str, str] | None:
    """Return the proxy a request for ``url`` goes through, and the variable that set it; None if
    it goes straight to the server. The same settings httpx reads (``trust_env``)."""
    import urllib.request

    scheme, host = urlsplit(url).scheme.lower(), urlsplit(url).hostname or ""
    proxies = urllib.request.getproxies()
    if urllib.request.proxy_bypass(host):  # NO_PROXY
        return None
    for key in (scheme, "all"):
        if proxies.get(key):
            return proxies[key], f"{key.upper()}_PROXY"
    return None


def _root_cause(exc: BaseException) -> BaseException:
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        nxt = exc.__cause__ or exc.__context__
        if nxt is None:
            break
        exc = nxt
    return exc


def _looks_like_dns(text: str) -> bool:
    text = text.lower()
    return any(s in text for s in ("name or service not known", "nodename nor servname", "name resolution",
                                   "getaddrinfo failed", "no address associated"))


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else ""


def _too_large(size: int | None, cap: int) -> str:
    what = f"the page is {size:,} bytes, larger" if size is not None else "the page is larger"
    return f"{what} than --max-bytes ({cap:,} bytes): raise --max-bytes to brief it"
