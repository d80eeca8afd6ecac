"""briefer: turn news articles into structured, evidence-backed briefings.

    >>> import briefer
    >>> b = briefer.brief("seeds/alaska-summit.txt")
    >>> b.title, [a.name for a in b.actors][:2]

The public API is exactly ``__all__``; a test pins it. Names are imported on first use: the CLI
lives inside this package, and `briefer --help` should not pay for pydantic models, the pipeline
and package metadata it never touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where each public name lives.
_EXPORTS = {
    "SCHEMA_VERSION": "models",
    "Actor": "models",
    "Article": "models",
    "BackendInfo": "models",
    "Briefing": "models",
    "Chunk": "models",
    "Document": "models",
    "Draft": "models",
    "Evidence": "models",
    "Item": "models",
    "Position": "models",
    "Source": "models",
    "SummarySentence": "models",
    "ENTRY_POINT_GROUP": "backends",
    "Backend": "backends",
    "available_backends": "backends",
    "load_backend": "backends",
    "BackendError": "errors",
    "BrieferError": "errors",
    "ConfigError": "errors",
    "FetchError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
    "brief": "pipeline",
    "brief_article": "pipeline",
    "brief_text": "pipeline",
    "Settings": "settings",
    "load_settings": "settings",
    "__version__": "version",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # what static tools and editors see
    from .backends import ENTRY_POINT_GROUP, Backend, available_backends, load_backend
    from .errors import BackendError, BrieferError, ConfigError, FetchError, InputError, UsageError
    from .models import (
        SCHEMA_VERSION,
        Actor,
        Article,
        BackendInfo,
        Briefing,
        Chunk,
        Document,
        Draft,
        Evidence,
        Item,
        Position,
        Source,
        SummarySentence,
    )
    from .pipeline import brief, brief_article, brief_text
    from .settings import Settings, load_settings
    from .version import __version__
