"""The response cache: a reply the model gave once for the same request is not asked for again.

Content-addressed: the key is a hash of everything that shapes the reply (server, model, prompt
templates, reply schema, options, the text itself), so a change to any of them misses the cache
instead of replaying a stale reply. Only replies that parsed and validated are stored. One sqlite
file in the user cache folder; safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from ..errors import ConfigError

FILENAME = "responses.sqlite"


def cache_key(**parts: Any) -> str:
    """Return the key of a request made of ``parts`` (any JSON-serialisable values)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResponseCache:
    """A sqlite table of replies by key; usable from several threads."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILENAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, created REAL NOT NULL, reply TEXT NOT NULL)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"the response cache at {self.path} cannot be opened ({exc}): set --cache-dir elsewhere or pass --no-cache"
            ) from None
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the reply stored under ``key``, or None."""
        with self._lock:
            row = self._db.execute("SELECT reply FROM responses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except json.JSONDecodeError:
            return None  # a damaged entry is a miss; the fresh reply will overwrite it
        return value if isinstance(value, dict) else None

    def put(self, key: str, reply: dict[str, Any]) -> None:
        """Store ``reply`` under ``key``."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, created, reply) VALUES (?, ?, ?)",
                (key, time.time(), json.dumps(reply, ensure_ascii=False)),
            )
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
