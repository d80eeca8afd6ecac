"""Inputs → Articles: files, directories, standard input, URLs (fetched by fetching.py).

This module and the backends are the only places that touch the outside world. Reading is lazy:
``iter_inputs`` names what there is to read, ``read_article`` reads one, so a bad file fails on its
own and a directory of thousands is never held in memory at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError
from .models import Article, InputFormat

if TYPE_CHECKING:
    from .fetching import Fetcher

SUFFIXES: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One thing to read: a file path, standard input, a URL, or content already in hand."""

    name: str
    path: Path | None = None
    id: str | None = None
    url: str | None = None
    data: bytes | None = None  # content already read (a JSON Lines record, stdin read ahead)
    format: InputFormat | None = None


_stdin: tuple[object, BinaryIO] | None = None


def standard_input() -> BinaryIO:
    """Return standard input as a binary stream of briefer's own, the same one for the whole run.

    Not ``sys.stdin.buffer``: a batch reads its inputs in a thread, and a thread blocked reading a
    stream holds that stream's lock. A forked worker closes ``sys.stdin`` (multiprocessing does, as
    it starts), and so does Python as it exits; either would wait for that lock for ever, or abort.
    """
    global _stdin
    if _stdin is None or _stdin[0] is not sys.stdin:
        try:
            stream: BinaryIO = open(sys.stdin.fileno(), "rb", closefd=False)
        except (AttributeError, OSError, ValueError):  # no real standard input (a test harness's)
            stream = sys.stdin.buffer
        _stdin = (sys.stdin, stream)
    return _stdin[1]


def is_url(name: str) -> bool:
    """Return whether an input name is a web address briefer fetches (http or https)."""
    return name[:8].lower().startswith(("http://", "https://"))


def iter_inputs(names: Iterable[str]) -> Iterator[Input]:
    """Yield every input the names stand for: files as given, directories walked in sorted order.

    A name that does not exist is still yielded, so that reading it reports the error in its turn.
    """
    for name in names:
        if name == STDIN:
            yield Input(STDIN)
            continue
        if is_url(name):
            yield Input(name, url=name)
            continue
        path = Path(name)
        if path.is_dir():
            found = False
            for sub in _walk(path):
                found = True
                yield Input(str(sub), sub)
            if not found:
                yield Input(name, path)  # reading it says the directory holds no articles
        else:
            yield Input(name, path)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            p = Path(dirpath, f)
            if p.suffix.lower() in SUFFIXES and not f.startswith("."):
                yield p


def read_article(item: Input, stdin: BinaryIO | None = None, format: InputFormat | None = None,
                 *, fetcher: Fetcher | None = None) -> Article:
    """Return the article an input holds, decoded; raise InputError naming the input if it cannot."""
    if item.url is not None:
        if fetcher is None:
            from .fetching import Fetcher

            with Fetcher() as default:
                return default.fetch(item.url, id=item.id)
        return fetcher.fetch(item.url, id=item.id)
    if item.data is not None:
        data = item.data
        fmt = format or item.format or sniff_format(data)
    elif item.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        fmt = format or sniff_format(data)
    else:
        data = _read_file(item)
        fmt = format or SUFFIXES.get(item.path.suffix.lower()) or sniff_format(data)
    return article_from_bytes(data, name=item.name, format=fmt, id=item.id)


def article_from_bytes(data: bytes, *, name: str, format: InputFormat, id: str | None = None,
                       charset: str | None = None) -> Article:
    """Return an Article from raw bytes: decoded, checked for being text and not empty."""
    if not data:
        raise InputError("the article is empty (0 bytes)", source=name)
    text = decode(data, name=name, charset=charset)
    if not text.strip():
        raise InputError("the article is empty: it holds only white space", source=name)
    return Article(name=name, id=id, content=text, format=format, sha256=hashlib.sha256(data).hexdigest())


def _read_file(item: Input) -> bytes:
    path = item.path
    assert path is not None
    try:
        if path.is_dir():
            raise InputError(
                f"no articles in this directory (looked for {', '.join(sorted(SUFFIXES))})", source=item.name
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory", source=item.name) from None
    except PermissionError:
        raise InputError("permission denied", source=item.name) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=item.name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=item.name) from None


def decode(data: bytes, *, name: str, charset: str | None = None) -> str:
    """Return bytes as text: UTF-8 (with or without BOM) first, a declared charset, then detection."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("this is a binary file, not an article (expected text, Markdown or HTML)", source=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for candidate in filter(None, [charset, _declared_charset(data)]):
        # Browsers read a page labelled latin-1 or ASCII as windows-1252 (WHATWG), and so do we:
        # its curly quotes and dashes would otherwise become control characters.
        if candidate.lower().replace("_", "-") in _READ_AS_CP1252:
            candidate = "cp1252"
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding: this looks like a binary file, not an article", source=name)
    # Detection is unsure on short texts and ranks look-alike code pages (cp1006, iso8859_10) above
    # windows-1252, the commonest legacy encoding of English news; keep it when it reads as well.
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos + 0.05:
        return str(western)
    return str(best)


_READ_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


_HTML_SNIFF = re.compile(rb"<(!doctype html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)
_MD_SNIFF = re.compile(rb"^(#{1,6} \S|\s*[-*] \S|```)|\]\([^)\s]+\)", re.MULTILINE)


def sniff_format(data: bytes) -> InputFormat:
    """Guess the format of input that has no file name to go by (standard input)."""
    head = data[:4096]
    if _HTML_SNIFF.search(head):
        return "html"
    if _MD_SNIFF.search(head):
        return "markdown"
    return "text"
