"""briefer: turn news articles into structured, evidence-backed briefings.

    >>> import briefer
    >>> b = briefer.brief("seeds/alaska-summit.txt")
    >>> b.title, [a.name for a in b.actors][:2]

The public API is exactly ``__all__``; a test pins it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

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

__all__ = [
    "SCHEMA_VERSION",
    "ENTRY_POINT_GROUP",
    "Actor",
    "Article",
    "Backend",
    "BackendError",
    "BackendInfo",
    "BrieferError",
    "Briefing",
    "Chunk",
    "ConfigError",
    "Document",
    "Draft",
    "Evidence",
    "FetchError",
    "InputError",
    "Item",
    "Position",
    "Settings",
    "Source",
    "SummarySentence",
    "UsageError",
    "__version__",
    "available_backends",
    "brief",
    "brief_article",
    "brief_text",
    "load_backend",
    "load_settings",
]
