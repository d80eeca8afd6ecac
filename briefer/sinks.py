"""Where rendered briefings go: stdout as they finish, a file written whole or not at all, or a
directory of one file per article, each written whole or not at all."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO
from urllib.parse import unquote, urlsplit

from .errors import UsageError


class AtomicFile:
    """A text file that appears at ``path`` only when ``commit()`` is called.

    Everything is written to a temporary file in the same directory (so the final rename is atomic
    on one filesystem); ``close()`` without ``commit()`` (an error, Ctrl-C) deletes it, and a
    previous version of ``path`` stays untouched. ``durable`` forces the data to disk before the
    rename, so that even a power cut cannot leave ``path`` empty.
    """

    def __init__(self, path: Path, *, durable: bool = True) -> None:
        self.path = path
        self.durable = durable
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
        if self.durable:
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


def write_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` to ``path`` whole or not at all (see `AtomicFile`)."""
    with AtomicFile(path, durable=durable) as f:
        f.write(text)
        f.commit()


class OutputClosed(Exception):
    """The reader of standard output went away (`briefer ... | head`): there is no one to write for.

    Not an OSError on purpose: typer turns a BrokenPipeError into exit 1 before the CLI sees it.
    """


class Stdout:
    """Standard output, flushed after every write so a pipe sees each result as it is done."""

    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed() from None

    def commit(self) -> None:
        pass

    def close(self) -> None:
        pass


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back Ctrl-C (and SIGTERM) until the block is done, then raise KeyboardInterrupt.

    A write of one result (a line on stdout, a file moved into place) then either happens whole or
    not at all: an interruption lands between two results, never inside one.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread; nothing to hold back there
        return
    caught: list[int] = []
    # A handler installed from C (getsignal() is None) cannot be put back from Python: leave it be.
    held = [sig for sig in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(sig) is not None]
    previous = {sig: signal.signal(sig, lambda n, _f: caught.append(n)) for sig in held}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            # Hand the signal to whatever handled it before (the default turns SIGINT into
            # KeyboardInterrupt; the CLI's turns SIGTERM into its own clean stop).
            signal.raise_signal(caught[0])


def is_directory_target(output: str | os.PathLike[str]) -> bool:
    """Return whether ``-o`` names a directory: a trailing slash, or a directory that exists."""
    text = os.fspath(output)
    return text.endswith(("/", os.sep)) or Path(text).is_dir()


# Names Windows reserves whatever the extension; a file called so cannot be opened there.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_STEM = 80


def safe_stem(text: str) -> str:
    """Return ``text`` as a file name stem any filesystem accepts: ASCII letters, digits, '._-'."""
    stem = _UNSAFE.sub("-", text).strip("-._")[:MAX_STEM].strip("-._")
    if not stem:
        return "article"
    return f"_{stem}" if stem.lower() in _RESERVED else stem


def stem_for(name: str, *, url: bool = False, id: str | None = None, data: bytes | None = None) -> str:
    """Return the stem of the file an input's briefing goes to: a function of the input alone.

    It never depends on the other inputs of a run or on their order, so a re-run with
    ``--skip-existing`` finds exactly the files it wrote before. An id that is a safe, lower-case
    file name already (``a-1041``) is the stem as it is: ids are the caller's unique keys. Any other
    input gets a readable part (its id made safe, its file name, its URL's last path segment,
    ``stdin``) and 8 hex digits of the SHA-256 of what identifies it: its id, its path as given,
    its URL, or, for text that has no name of its own (standard input, a record without an id),
    the text itself. Two inputs share a file only if they are the same input.
    """
    if id:
        readable = safe_stem(id)
        if readable == id and id == id.lower():  # upper case would clash on macOS and Windows
            return id
        key = id.encode("utf-8", "surrogatepass")
    elif url:
        readable = _url_stem(name)
        key = name.encode("utf-8", "surrogatepass")
    elif data is not None:
        where = name.rpartition(":")[0] or name  # a record is named <file>:<line>
        readable = "stdin" if where in ("-", "stdin") else safe_stem(Path(where).stem)
        key = data
    else:
        readable = safe_stem(Path(name).stem)
        key = os.path.normpath(name).encode("utf-8", "surrogatepass")
    return f"{readable}-{hashlib.sha256(key).hexdigest()[:8]}"


def _url_stem(url: str) -> str:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # not a valid URL; fetching it reports that
        return "page"
    segment = next((p for p in reversed(unquote(parts.path).split("/")) if p), "")
    return safe_stem(Path(segment).stem if segment else host or "page")


class OutputDirectory:
    """A directory that receives one file per article, each written atomically, named by
    `stem_for`.

    The files are not forced to disk one by one: an fsync per file kept the main process waiting
    for the disk a fifth to a third of a batch, with the workers idle. A reader or a crash of briefer
    still never sees half a file (the rename is atomic); only a power cut can leave the files of the
    last seconds empty, and `written` counts an empty file as not written, so the next
    ``--skip-existing`` run briefs those again.
    """

    def __init__(self, path: Path, suffix: str) -> None:
        self.path = path
        self.suffix = suffix
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the output directory {path}: {exc.strerror or exc}") from None

    def target(self, name: str, *, url: bool = False, id: str | None = None, data: bytes | None = None) -> Path:
        """Return the file this input's briefing goes to, the same in every run."""
        return self.path / f"{stem_for(name, url=url, id=id, data=data)}{self.suffix}"

    def write(self, target: Path, text: str) -> None:
        write_atomic(target, text, durable=False)

    @staticmethod
    def written(target: Path) -> bool:
        """Return whether a run has written ``target`` already (a briefing is never empty)."""
        try:
            return target.stat().st_size > 0
        except OSError:
            return False
