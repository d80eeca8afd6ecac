"""Briefing inputs one at a time, in this process or in a pool of worker processes.

A worker builds its backend (and its HTTP client) on its first input and keeps it. The pool keeps
a bounded window of inputs in flight; a worker that dies takes only its own input down with it.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .backends import Backend, load_backend
from .errors import BrieferError
from .pipeline import brief_article
from .rendering import render_jsonl, render_markdown, to_dict
from .settings import Settings
from .sinks import uninterrupted
from .sources import Input, read_article

if TYPE_CHECKING:
    from .fetching import Fetcher
    from .models import Briefing

WINDOW_PER_JOB = 4  # tasks in flight per worker: enough to keep them busy, few enough to stay flat
# Inputs that take a millisecond each are sent to workers in groups, so the cost of a round trip
# between processes (a fraction of a millisecond) is paid per group, not per input. Slow inputs
# (a network backend) go one by one, so no worker sits on a queue of them while another idles.
TASK_SECONDS = 0.02
MAX_GROUP = 16

Task = tuple[int, Input, "Path | None"]


class InternalError(BrieferError):
    """A bug met while briefing one input; reported like any failure so the batch goes on."""

    exit_code = 3


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to brief an input and render it; set up once per worker."""

    settings: Settings
    format: str
    pretty: bool
    debug: bool
    backend_factory: Callable[[], Backend] | None = None
    backend: Backend | None = None
    fetcher: Fetcher | None = None


@dataclass
class Outcome:
    """One input's result, as the writer gets it: rendered text, an error, or skipped."""

    index: int
    label: str
    id: str | None = None
    text: str | None = None
    error: BrieferError | None = None
    target: Path | None = None
    skipped: bool = False
    seconds: float = 0.0  # time the worker spent on it


class Worker:
    """Briefs inputs one at a time with a backend and an HTTP fetcher built on first need."""

    def __init__(self, job: Job, *, in_process: bool) -> None:
        self.job = job
        self.in_process = in_process
        self._backend = job.backend
        self._fetcher = job.fetcher

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            factory = self.job.backend_factory or functools.partial(
                load_backend, self.job.settings.backend, settings=self.job.settings
            )
            self._backend = factory()
        return self._backend

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from .fetching import Fetcher

            s = self.job.settings
            self._fetcher = Fetcher(timeout=s.timeout, max_bytes=s.max_bytes, user_agent=s.user_agent)
        return self._fetcher

    def close(self) -> None:
        """Close the HTTP client this worker made (not one it was given)."""
        if self._fetcher is not None and self._fetcher is not self.job.fetcher:
            self._fetcher.close()

    def run(self, index: int, item: Input, target: Path | None) -> Outcome:
        start = time.perf_counter()
        outcome = self._run(index, item, target)
        outcome.seconds = time.perf_counter() - start
        return outcome

    def _run(self, index: int, item: Input, target: Path | None) -> Outcome:
        outcome = Outcome(index, label_of(item), id=item.id, target=target)
        try:
            article = read_article(item, fetcher=self.fetcher if item.url else None)
            outcome.text = self.render(brief_article(article, backend=self.backend, settings=self.job.settings))
        except BrieferError as exc:
            if not exc.source or exc.source == item.name:
                exc.source = outcome.label  # with the caller's id, when there is one
            outcome.error = exc if self.in_process else _portable(exc)
        except Exception as exc:
            if self.job.debug and self.in_process:
                raise
            detail = "".join(traceback.format_exception(exc)) if self.job.debug else ""
            outcome.error = InternalError(
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback){detail}",
                source=outcome.label,
            )
        return outcome

    def render(self, briefing: Briefing) -> str:
        if self.job.format == "jsonl":
            return render_jsonl(briefing)
        if self.job.format == "markdown":
            return render_markdown(briefing)
        import json

        return json.dumps(to_dict(briefing), ensure_ascii=False, indent=2 if self.job.pretty else None)


def label_of(item: Input) -> str:
    """Return how errors name an input: its name, with the caller's id when that adds something."""
    if item.id is not None and item.id not in item.name:
        return f"{item.name} (id {item.id})"
    return item.name


def _portable(exc: BrieferError) -> BrieferError:
    """Return the error in a form that survives the trip back from a worker process."""
    if type(exc).__module__ == BrieferError.__module__:
        copy = type(exc)(exc.message, source=exc.source)
    else:  # a plugin's own error class may not rebuild from (message,): keep what the user reads
        copy = BrieferError(exc.message, source=exc.source)
        copy.exit_code = exc.exit_code
    return copy


_worker: Worker | None = None


def _start_worker(job: Job) -> None:
    """Set up one worker process: its backend is built on its first article, then reused."""
    global _worker
    # Ctrl-C reaches the whole process group; the main process alone decides how to stop, so a
    # worker never dies mid-article with a traceback of its own. SIGTERM stays deadly: it is how
    # the main process ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = Worker(job, in_process=False)


def _work(tasks: list[Task]) -> list[Outcome]:
    assert _worker is not None, "the worker process was not set up"
    return [_worker.run(*task) for task in tasks]


def _pool(job: Job, jobs: int) -> ProcessPoolExecutor:
    _warm(job)
    # fork starts a worker in milliseconds with briefer already imported. It is taken before any
    # thread exists in this process (progress is redrawn from the main thread), so it is safe.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(job,))


def run_parallel(work: Iterator[Task | Outcome], job: Job, *, jobs: int, unordered: bool,
                 tick: Callable[[], None]) -> Iterator[Outcome]:
    """Yield outcomes as workers finish them, in input order unless ``unordered``.

    At most ``WINDOW_PER_JOB × jobs`` groups of inputs are in flight or waiting for their turn to
    be written, so a slow input holds back the reading of new ones instead of piling up results.
    A worker that dies (a crash in a parser, the OOM killer) takes the pool with it; the inputs
    that were in flight are then retried one at a time, so only the one that kills its worker again
    is reported failed.
    """
    executor: ProcessPoolExecutor | None = None  # started with the first input to brief
    pending: dict[Future[list[Outcome]], tuple[list[Task], bool]] = {}  # future → (tasks, run alone?)
    in_flight = 0
    suspects: deque[Task] = deque()
    ready: dict[int, Outcome] = {}
    next_index = 0
    exhausted = False
    seconds_per_input: float | None = None
    try:
        while True:
            group = 1 if not seconds_per_input else max(1, min(MAX_GROUP, int(TASK_SECONDS / seconds_per_input)))
            if suspects:
                if not pending:
                    task = suspects.popleft()
                    executor = executor or _pool(job, jobs)
                    pending[executor.submit(_work, [task])] = ([task], True)
                    in_flight += 1
            else:
                while not exhausted and in_flight + len(ready) < WINDOW_PER_JOB * jobs * group:
                    tasks: list[Task] = []
                    while len(tasks) < group:
                        task = next(work, None)
                        if task is None:
                            exhausted = True
                            break
                        if isinstance(task, Outcome):
                            ready[task.index] = task
                        else:
                            tasks.append(task)
                    if tasks:
                        executor = executor or _pool(job, jobs)
                        pending[executor.submit(_work, tasks)] = (tasks, False)
                        in_flight += len(tasks)
            if unordered:
                for index in list(ready):
                    yield ready.pop(index)
            else:
                while next_index in ready:
                    yield ready.pop(next_index)
                    next_index += 1
            if not pending and not suspects:
                if exhausted and not ready:
                    return
                continue
            done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                tasks, alone = pending.pop(future)
                in_flight -= len(tasks)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        ready[tasks[0][0]] = _failed(tasks[0], "the worker process briefing it died (a crash, or out of memory)")
                    else:
                        suspects.extend(tasks)
                    continue
                except Exception as exc:  # e.g. a result that could not be sent back
                    for task in tasks:
                        ready[task[0]] = _failed(task, f"internal error in a worker: {type(exc).__name__}: {exc}")
                    continue
                for outcome in outcomes:
                    ready[outcome.index] = outcome
                mean = sum(o.seconds for o in outcomes) / len(outcomes)
                seconds_per_input = mean if seconds_per_input is None else 0.8 * seconds_per_input + 0.2 * mean
            if broken:
                for future, (tasks, _alone) in list(pending.items()):
                    if future.done() and future.exception() is None:
                        for outcome in future.result():
                            ready[outcome.index] = outcome
                    else:
                        suspects.extend(tasks)
                pending.clear()
                in_flight = 0
                suspects = deque(sorted(suspects, key=lambda t: t[0]))
                if executor is not None:
                    executor.shutdown(wait=True)
                executor = None
            tick()
    finally:
        if executor is not None:
            _stop(executor, pending)


def _warm(job: Job) -> None:
    """Load here, once, what every worker needs (the tokenizer's vocabulary), so forked workers
    share it instead of each paying a quarter of a second to load its own."""
    from .tokenizer import get_encoding

    get_encoding(job.settings.encoding)


def _failed(task: Task, message: str) -> Outcome:
    _, item, target = task
    return Outcome(task[0], label_of(item), id=item.id, target=target, error=InternalError(message, source=label_of(item)))


def _stop(executor: ProcessPoolExecutor, pending: dict) -> None:
    """Shut the workers down; when work is still pending (Ctrl-C, an error), end them at once."""
    with uninterrupted():  # a second Ctrl-C must not leave workers behind
        _stop_now(executor, pending)


def _stop_now(executor: ProcessPoolExecutor, pending: dict) -> None:
    if pending:
        for future in pending:
            future.cancel()
        terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
        else:
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)
