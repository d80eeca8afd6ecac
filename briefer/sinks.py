"""Where rendered briefings go: stdout as they finish, or a file written whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import UsageError


class AtomicFile:
    """A text file that appears at ``path`` only when ``commit()`` is called.

    Everything is written to a temporary file in the same directory (so the final rename is atomic
    on one filesystem); ``close()`` without ``commit()`` (an error, Ctrl-C) deletes it, and a
    previous version of ``path`` stays untouched.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        self._tmp = Path(tmp)
        self._file: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._done = False

    def write(self, text: str) -> None:
        self._file.write(text)

    def flush(self) -> None:
        self._file.flush()

    def commit(self) -> None:
        """Move the finished file into place."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        # mkstemp makes the file private (0600); give it the permissions a normal write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)
        os.replace(self._tmp, self.path)
        self._done = True

    def close(self) -> None:
        """Discard the file unless it was committed."""
        if not self._done:
            self._file.close()
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with AtomicFile(path) as f:
        f.write(text)
        f.commit()


class Stdout:
    """Standard output, flushed after every write so a pipe sees each result as it is done."""

    def write(self, text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    def commit(self) -> None:
        pass

    def close(self) -> None:
        pass
