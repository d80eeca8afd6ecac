"""brief(): the whole journey of an article, top to bottom.

    read → clean → chunk → backend → merge          (render is the caller's: see rendering.py)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .backends import Backend, load_backend
from .chunking import chunk_text
from .cleaning import clean
from .merging import merge
from .models import Article, BackendInfo, Briefing, InputFormat
from .settings import Settings, load_settings
from .sources import Input, article_from_bytes, is_url, read_article

if TYPE_CHECKING:
    from .fetching import Fetcher


def brief(
    source: str | Path | Article,
    *,
    settings: Settings | None = None,
    backend: Backend | None = None,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
) -> Briefing:
    """Return the briefing of one article: a file path, a URL, '-' for standard input, or an Article."""
    settings = settings or load_settings()
    backend = backend or load_backend(settings.backend, settings=settings)
    if isinstance(source, Article):
        article = source
    else:
        name = str(source)
        if is_url(name):
            article = _fetch(name, settings, fetcher)
        else:
            article = read_article(Input(name, None if name == "-" else Path(name)), stdin=stdin)
    return brief_article(article, backend=backend, settings=settings)


def _fetch(url: str, settings: Settings, fetcher: Fetcher | None) -> Article:
    if fetcher is not None:
        return fetcher.fetch(url)
    from .fetching import Fetcher

    with Fetcher(timeout=settings.timeout, max_bytes=settings.max_bytes, user_agent=settings.user_agent) as own:
        return own.fetch(url)


def brief_text(
    text: str,
    *,
    name: str = "<text>",
    format: InputFormat = "text",
    settings: Settings | None = None,
    backend: Backend | None = None,
) -> Briefing:
    """Return the briefing of an article given as a string (plain text, Markdown or HTML)."""
    article = article_from_bytes(text.encode("utf-8"), name=name, format=format)
    return brief(article, settings=settings, backend=backend)


def brief_article(article: Article, *, backend: Backend, settings: Settings) -> Briefing:
    """Return the briefing of an article already read: clean → chunk → backend → merge."""
    document = clean(article)
    chunks = chunk_text(document.text, settings.max_chunk_tokens, settings.encoding)
    drafts = backend.brief(document, chunks)
    return merge(
        document,
        chunks,
        drafts,
        backend=BackendInfo(name=backend.name, model=backend.model),
        summary_sentences=settings.summary_sentences,
        include_text=settings.include_text,
    )
