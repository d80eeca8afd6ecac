"""Inputs read ahead in a thread, so that waiting for the next one never holds back a result.

A scraper that pipes records into briefer sends them when it has them; reading the next one can
block for minutes. The main thread of a batch must meanwhile hand out work and write what is
finished, so the inputs are read by a thread of their own into a short queue. The main thread
takes them without blocking, and waits on ``fileno()`` (with the workers' pipes) for the next.
"""

from __future__ import annotations

import queue
import signal
import socket
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import wait
from typing import Generic, TypeVar

T = TypeVar("T")

_END = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class ReadAhead(Generic[T]):
    """The items of an iterator, read by a daemon thread up to ``ahead`` items before they are taken."""

    def __init__(self, items: Iterator[T], *, ahead: int) -> None:
        self._items = items
        self._queue: queue.Queue[object] = queue.Queue(maxsize=ahead)
        # One byte is written per item put, so the main thread can wait for items with select().
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._stop = threading.Event()
        self.ended = False  # every item has been taken
        # A daemon: it may be blocked reading standard input when the run stops, and nothing must
        # wait for it then.
        self._thread = threading.Thread(target=self._read, name="briefer-inputs", daemon=True)
        self._thread.start()

    def fileno(self) -> int:
        """Return a descriptor that is readable when an item may be there to take."""
        return self._wake_r.fileno()

    def take(self) -> T | None:
        """Return the next item if it has been read, else None (``ended`` tells whether for good).

        Raise what reading raised, in its turn.
        """
        while True:
            try:
                if not self._wake_r.recv(4096):
                    break
            except OSError:  # nothing to drain (BlockingIOError), or closed
                break
        try:
            item = self._queue.get_nowait()
        except queue.Empty:
            return None
        if item is _END:
            self.ended = True
            return None
        if isinstance(item, _Failed):
            self.ended = True
            raise item.error
        return item  # type: ignore[return-value]

    def get(self, timeout: float | None = None) -> T | None:
        """Return the next item, waiting for it up to ``timeout`` seconds; None if none came or
        there are no more. Ctrl-C interrupts the wait."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            item = self.take()
            if item is not None or self.ended:
                return item
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return None
            wait([self], left)

    def close(self) -> None:
        """Stop reading. The thread ends at its next item (or with the process, if the source
        never gives one)."""
        self._stop.set()
        self._wake_r.close()

    def _read(self) -> None:
        if hasattr(signal, "pthread_sigmask"):
            # Signals go to the main thread, which decides how to stop; see also workers.Pool._start.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            for item in self._items:
                if not self._put(item):
                    return
        except BaseException as exc:  # raised in the main thread, where the run can report it
            self._put(_Failed(exc))
        else:
            self._put(_END)
        finally:
            self._wake_w.close()

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
            except queue.Full:
                continue
            try:
                self._wake_w.send(b"\0")
            except OSError:  # full (the main thread has wake-ups to read already) or closed
                pass
            return True
        return False
