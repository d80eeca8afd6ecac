"""What the user sees of a batch on stderr: a live progress bar on a terminal, a summary line at the end.

Used by the CLI only (the library never prints). rich is imported when a bar is actually drawn, so
cron jobs and pipes, whose stderr is not a terminal, never load it. The bar is redrawn from the
main thread as results arrive (no refresh thread), so worker processes are forked from a process
that has no threads.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from .batch import Counts

REDRAW_EVERY = 0.1  # seconds: often enough to look live, rarely enough to cost nothing


class BatchDisplay:
    """Progress (count, rate, ETA, failures) while a batch runs; the summary line when it ends."""

    def __init__(self, *, live: bool, stream: TextIO | None = None) -> None:
        self.live = live
        self.stream = stream
        self._progress: Any = None
        self._task: Any = None
        self._last = 0.0
        self._started = 0.0

    def update(self, counts: Counts) -> None:
        if not self.live:
            return
        now = time.monotonic()
        if self._progress is None:
            self._start(counts)
        elif now - self._last < REDRAW_EVERY:
            return
        self._last = now
        self._show(counts)
        self._progress.refresh()

    def finish(self, counts: Counts) -> None:
        if self._progress is not None:
            self._show(counts)
            self._progress.stop()
            self._progress = None
        if counts.output_closed:
            return
        if counts.done > 1 or counts.skipped or counts.interrupted:
            out = self.stream or sys.stderr
            out.write(f"briefer: {counts.summary()}\n")
            out.flush()

    def _start(self, counts: Counts) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream or sys.stderr)
        self._progress = Progress(
            TextColumn("briefing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=console,
            auto_refresh=False,  # no refresh thread: see the module docstring
            redirect_stdout=False,  # stdout carries the results, never the bar
            redirect_stderr=True,  # error lines print above the bar instead of through it
            speed_estimate_period=30,
        )
        self._task = self._progress.add_task("briefing", total=counts.total, failed=0, rate="")
        self._started = time.monotonic()
        self._progress.start()

    def _show(self, counts: Counts) -> None:
        elapsed = time.monotonic() - self._started
        rate = f"{counts.done / elapsed:.1f}/s" if elapsed > 0 and counts.done else ""
        self._progress.update(self._task, completed=counts.done, total=counts.total, failed=counts.failed, rate=rate)
