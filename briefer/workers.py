"""Briefing inputs one at a time, in this process or in a pool of worker processes.

A worker builds its backend (and its HTTP client) on its first input and keeps it. Each worker
process has a pipe of its own, whose other end only the main process holds: the main process hands
a worker one group of inputs at a time and reads back their results, so it knows at every moment
which inputs each worker holds. A worker that dies takes only its own inputs down with it, and
stopping never waits on a pipe: busy workers are killed and their pipes dropped.
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
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import TYPE_CHECKING

from .backends import Backend, load_backend
from .errors import BrieferError
from .pipeline import brief_article
from .rendering import render_jsonl, render_markdown, to_dict
from .settings import Settings
from .sources import Input, read_article

if TYPE_CHECKING:
    from .fetching import Fetcher
    from .models import Briefing
    from .readahead import ReadAhead

WINDOW_PER_JOB = 4  # tasks in flight per worker: enough to keep them busy, few enough to stay flat
# Inputs that take a millisecond each are sent to workers in groups, so the cost of a round trip
# between processes (a fraction of a millisecond) is paid per group, not per input. Slow inputs
# (a network backend) go one by one, so no worker sits on a queue of them while another idles.
TASK_SECONDS = 0.02
MAX_GROUP = 16
STOP_SECONDS = 5.0  # how long idle workers get to close their clients and exit at the end of a run
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# fork starts a worker in milliseconds with briefer already imported, and shares what the backend
# holds for the whole run (the token budget). Elsewhere fork is unsafe (macOS) or absent (Windows).
START_METHOD = "fork" if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods() else None

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


# --- the worker process --------------------------------------------------------------------------


def _serve(conn: Connection, job: Job, inherited: list[Connection]) -> None:
    """Brief the groups of inputs the main process sends on ``conn``, until it closes its end."""
    for other in inherited:  # the main process's ends of the pipes, which fork copied here too
        other.close()
    # Ctrl-C reaches the whole process group; the main process alone decides how to stop, so a
    # worker never dies mid-article with a traceback of its own. SIGTERM gets its default back (the
    # main process's handler stops the main process): a `kill` of a worker ends it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked while the process started
    worker = Worker(job, in_process=False)
    try:
        while True:
            try:
                tasks: list[Task] = conn.recv()
            except (EOFError, OSError):
                return  # the main process is done with this worker, or gone
            outcomes = [worker.run(*task) for task in tasks]
            try:
                payload = ForkingPickler.dumps(outcomes)
            except Exception as exc:  # e.g. a plugin put something unpicklable in an outcome
                message = f"internal error: its result could not be sent back: {type(exc).__name__}: {exc}"
                payload = ForkingPickler.dumps([_failed(task, message) for task in tasks])
            try:
                conn.send_bytes(payload)
            except OSError:
                return
    finally:
        worker.close()


# --- the pool, driven by the main process --------------------------------------------------------


@dataclass
class _Slot:
    """A worker process, the main process's end of its pipe, and the group of inputs it holds."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    tasks: list[Task] | None = None  # None: idle
    alone: bool = False  # the group is one input retried on its own after its worker died


class Pool:
    """Up to ``size`` worker processes, each started when there is work it can take."""

    def __init__(self, job: Job, size: int) -> None:
        self.job = job
        self.size = size
        self._slots: list[_Slot] = []
        self._warm = True
        self._context = multiprocessing.get_context(START_METHOD)

    @property
    def busy(self) -> list[Connection]:
        """Return the pipes of the workers that hold work: each becomes readable with its results."""
        return [slot.conn for slot in self._slots if slot.tasks is not None]

    def idle(self) -> _Slot | None:
        """Return a worker with nothing to do, started if need be; None when every one is busy."""
        for slot in self._slots:
            if slot.tasks is None:
                return slot
        return self._start() if len(self._slots) < self.size else None

    def give(self, slot: _Slot, tasks: list[Task], *, alone: bool) -> bool:
        """Send a group of inputs to an idle worker; False if the worker turns out to be dead."""
        slot.tasks, slot.alone = tasks, alone
        try:
            slot.conn.send(tasks)  # never blocks for long: an idle worker is waiting to read
        except OSError:
            self._drop(slot)
            return False
        return True

    def collect(self, conn: Connection) -> tuple[list[Task], bool, list[Outcome] | None]:
        """Return the group the worker on ``conn`` held, whether it was alone, and its outcomes:
        None if the worker died before sending them all."""
        slot = next(s for s in self._slots if s.conn is conn)
        tasks, alone = slot.tasks or [], slot.alone
        try:
            outcomes: list[Outcome] = conn.recv()
        except (EOFError, OSError):  # died: the message is missing or cut short
            self._drop(slot)
            return tasks, alone, None
        except Exception as exc:  # whole, but it cannot be rebuilt here
            message = f"internal error in a worker: {type(exc).__name__}: {exc}"
            outcomes = [_failed(task, message) for task in tasks]
        slot.tasks = None
        return tasks, alone, outcomes

    def close(self) -> None:
        """Stop every worker: a busy one at once (Ctrl-C, an error), an idle one by closing its pipe.

        Nothing here waits without a limit, and nothing holds signals back: the workers are killed
        first, so a second Ctrl-C that cuts the rest short leaves none of them running.
        """
        slots, self._slots = self._slots, []
        for slot in slots:
            if slot.tasks is not None:
                slot.process.kill()
        for slot in slots:
            slot.conn.close()
        deadline = time.monotonic() + STOP_SECONDS
        for slot in slots:
            slot.process.join(max(0.0, deadline - time.monotonic()))
            if slot.process.exitcode is None:
                slot.process.kill()
                slot.process.join(1.0)

    def _start(self) -> _Slot:
        if self._warm:
            _warm(self.job)
            self._warm = False
        ours, theirs = self._context.Pipe()
        # A forked worker gets a copy of every pipe end the main process holds; it must close them,
        # or the main process closing its end would never read as end of file to the worker.
        inherited = [ours, *(slot.conn for slot in self._slots)] if self._context.get_start_method() == "fork" else []
        process = self._context.Process(target=_serve, args=(theirs, self.job, inherited), name="briefer-worker",
                                        daemon=True)
        # A Ctrl-C that lands while the process forks would run the handler inside the fork hooks
        # (logging's), which swallow the KeyboardInterrupt: hold it until the worker is on the list,
        # then it is raised here like anywhere else. The worker inherits the mask and lifts it
        # once it ignores Ctrl-C.
        with _signals_blocked():
            try:
                process.start()
            except BaseException:
                ours.close()
                raise
            finally:
                theirs.close()  # the worker's end is the worker's alone: its death reads as end of file
            slot = _Slot(process, ours)
            self._slots.append(slot)
        return slot

    def _drop(self, slot: _Slot) -> None:
        self._slots.remove(slot)
        slot.conn.close()
        slot.process.kill()  # it is dead or dying; make sure, then reap it
        slot.process.join(1.0)


@contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back from this thread for the block; one that came is delivered after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def run_parallel(head: list[Task | Outcome], inputs: ReadAhead[Task | Outcome], job: Job, *, jobs: int,
                 unordered: bool, tick: Callable[[], None]) -> Iterator[Outcome]:
    """Yield the outcomes of ``head`` and then of ``inputs`` as workers finish them, in input order
    unless ``unordered``; each as soon as it is ready and its turn has come.

    At most ``WINDOW_PER_JOB × jobs`` groups of inputs are waiting for a worker, in a worker, or
    waiting for their turn to be written, so a slow input holds back the reading of new ones instead
    of piling up results. Waiting for the next input never holds back a result: the main thread
    waits for inputs and for results in one place. A worker that dies (a crash in a parser, the OOM
    killer) takes only the group it held; those inputs are retried one by one, each alone in a
    worker, so only the one that kills its worker again is reported failed.
    """
    pool = Pool(job, jobs)
    queued: deque[Task | Outcome] = deque(head)
    waiting: deque[Task] = deque()  # read, not yet given to a worker
    suspects: deque[Task] = deque()  # held by a worker that died: each is retried alone
    ready: dict[int, Outcome] = {}
    in_flight = 0
    next_index = 0
    seconds_per_input: float | None = None

    def died(tasks: list[Task], alone: bool) -> None:
        if alone:
            ready[tasks[0][0]] = _failed(tasks[0], "the worker process briefing it died (a crash, or out of memory)")
        else:
            suspects.extend(tasks)

    try:
        while True:
            group = 1 if not seconds_per_input else max(1, min(MAX_GROUP, int(TASK_SECONDS / seconds_per_input)))
            starved = False  # room for more inputs, and none read yet
            while len(waiting) + in_flight + len(ready) < WINDOW_PER_JOB * jobs * group:
                task = queued.popleft() if queued else inputs.take()
                if task is None:
                    starved = not inputs.ended
                    break
                if isinstance(task, Outcome):
                    ready[task.index] = task
                else:
                    waiting.append(task)
            # Work is handed out before results are written, so no worker idles while they are.
            while suspects or waiting:
                slot = pool.idle()
                if slot is None:
                    break
                if suspects:
                    tasks, alone = [suspects.popleft()], True
                else:
                    tasks, alone = [waiting.popleft() for _ in range(min(group, len(waiting)))], False
                if pool.give(slot, tasks, alone=alone):
                    in_flight += len(tasks)
                else:  # the worker was dead already; as good as dying on them, and retried the same
                    died(tasks, alone)
            if unordered:
                for index in list(ready):
                    yield ready.pop(index)
            else:
                while next_index in ready:
                    yield ready.pop(next_index)
                    next_index += 1
            if inputs.ended and not (queued or waiting or suspects or in_flight or ready):
                return
            for conn in wait([*pool.busy, *([inputs] if starved else [])], timeout=0.25):
                if conn is inputs:
                    continue  # taken at the top of the loop
                tasks, alone, outcomes = pool.collect(conn)  # type: ignore[arg-type]
                in_flight -= len(tasks)
                if outcomes is None:
                    died(tasks, alone)
                    continue
                for outcome in outcomes:
                    ready[outcome.index] = outcome
                mean = sum(o.seconds for o in outcomes) / len(outcomes)
                seconds_per_input = mean if seconds_per_input is None else 0.8 * seconds_per_input + 0.2 * mean
            if suspects:
                suspects = deque(sorted(suspects, key=lambda t: t[0]))
            tick()
    finally:
        pool.close()


def _warm(job: Job) -> None:
    """Load here, once, what every worker needs (the tokenizer's vocabulary), so forked workers
    share it instead of each paying a quarter of a second to load its own."""
    from .tokenizer import get_encoding

    get_encoding(job.settings.encoding)


def _failed(task: Task, message: str) -> Outcome:
    _, item, target = task
    return Outcome(task[0], label_of(item), id=item.id, target=target, error=InternalError(message, source=label_of(item)))
