"""Backends turn chunks of an article into findings; all of them, built-in or not, are plugins.

A backend is any class, registered under the entry-point group ``briefer.backends``, that
implements `Backend`. briefer's own ``extractive`` and ``openai`` backends are registered in its
``pyproject.toml`` exactly as a third-party package would register its own, so the interface is
proven sufficient by the built-ins themselves::

    [project.entry-points."briefer.backends"]
    mybackend = "my_package.module:MyBackend"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..errors import ConfigError
from ..models import Chunk, Document, Draft

ENTRY_POINT_GROUP = "briefer.backends"


@runtime_checkable
class Backend(Protocol):
    """What a backend implements.

    ``brief`` gets the cleaned document and its chunks and returns one `Draft` per chunk, with
    evidence offsets relative to that chunk's text. How the chunks are processed (one by one,
    concurrently, with context from their neighbours) is the backend's business.
    """

    name: ClassVar[str]
    description: ClassVar[str]

    def brief(self, document: Document, chunks: Sequence[Chunk]) -> list[Draft]: ...

    @property
    def model(self) -> str | None:
        """The model behind the backend, if any; reported in ``briefing.backend.model``."""
        ...


@dataclass(frozen=True)
class BackendEntry:
    name: str
    origin: str  # the distribution that registers it, e.g. "briefer 0.1.0"
    target: str  # "module:attr"
    entry_point: EntryPoint

    @property
    def description(self) -> str:
        """The backend's one-line description; loads the backend's module to read it."""
        try:
            cls = self.entry_point.load()
        except Exception as exc:  # a broken plugin must not break the listing of the others
            return f"(cannot be loaded: {type(exc).__name__}: {exc})"
        doc = getattr(cls, "description", None) or (cls.__doc__ or "").strip().splitlines()[0:1]
        return doc if isinstance(doc, str) else (doc[0] if doc else "")


def available_backends() -> dict[str, BackendEntry]:
    """Return the registered backends by name, without importing any of them."""
    found: dict[str, BackendEntry] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in found:
            continue  # the first registration wins, as importlib orders distributions on sys.path
        dist = getattr(ep, "dist", None)
        origin = f"{dist.name} {dist.version}" if dist is not None else "unknown"
        found[ep.name] = BackendEntry(ep.name, origin, ep.value, ep)
    return dict(sorted(found.items()))


def load_backend(name: str, **options: Any) -> Backend:
    """Return an instance of the backend registered as ``name``, built with ``options``."""
    backends = available_backends()
    entry = backends.get(name)
    if entry is None:
        names = ", ".join(backends) or "none installed"
        raise ConfigError(f"unknown backend {name!r}: available backends are {names} (see `briefer backends`)")
    try:
        cls = entry.entry_point.load()
    except Exception as exc:
        raise ConfigError(
            f"backend {name!r} ({entry.origin}) cannot be loaded: {type(exc).__name__}: {exc}"
        ) from exc
    backend = cls(**options)
    if not isinstance(backend, Backend):
        raise ConfigError(f"backend {name!r} ({entry.target}) does not implement briefer's Backend interface")
    return backend
