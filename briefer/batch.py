"""Many inputs → many briefings, streamed: one failure at a time, a bounded window in flight.

Inputs are read lazily and results written as they come, so memory stays flat however long the
list: at most a small window of inputs is in flight (``4 × jobs``), and no list of results is
kept. With ``jobs > 1`` the articles are briefed in worker processes, each building its backend
once; results are still written in input order unless ``unordered``. A bad input is reported and
skipped. The exit code tells the caller how it went: 0 all briefed, 1 some failed (the others
written), 3 none could be briefed.
"""

from __future__ import annotations

import functools
import multiprocessing
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from .backends import Backend, load_backend
from .errors import BrieferError, InputError, UsageError
from .pipeline import brief_article
from .rendering import render_jsonl, render_markdown, to_dict
from .settings import Settings
from .sinks import AtomicFile, OutputDirectory, Stdout, is_directory_target, uninterrupted
from .sources import Input, iter_inputs, read_article

if TYPE_CHECKING:
    from .fetching import Fetcher
    from .models import Briefing

Reporter = Callable[[BrieferError], None]

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_BRIEFED = 0, 1, 3
WINDOW_PER_JOB = 4  # inputs in flight per worker: enough to keep both busy, few enough to stay flat


class InternalError(BrieferError):
    """A bug met while briefing one input; reported like any failure so the batch goes on."""

    exit_code = 3


@dataclass
class Counts:
    """How a batch is going; what progress displays and the closing summary show."""

    briefed: int = 0
    failed: int = 0
    skipped: int = 0
    total: int | None = None  # None when the inputs are a stream that cannot be counted ahead
    interrupted: bool = False

    @property
    def done(self) -> int:
        return self.briefed + self.failed + self.skipped

    @property
    def exit_code(self) -> int:
        if self.failed == 0:
            return EXIT_OK
        return EXIT_SOME_FAILED if self.briefed else EXIT_NONE_BRIEFED

    def summary(self) -> str:
        """Return the one-line account of the run, e.g. ``briefed 1980, failed 20 (see above)``."""
        text = f"briefed {self.briefed}, failed {self.failed}"
        if self.failed:
            text += " (see above)"
        if self.skipped:
            text += f", skipped {self.skipped} already written"
        return text


class Progress(Protocol):
    """Told about the batch as it goes; the CLI draws a progress bar and prints the summary."""

    def update(self, counts: Counts) -> None: ...

    def finish(self, counts: Counts) -> None: ...


@dataclass(frozen=True)
class _Job:
    """Everything a worker needs to brief an input and render it; set up once per worker."""

    settings: Settings
    format: str
    pretty: bool
    debug: bool
    backend_factory: Callable[[], Backend] | None = None
    backend: Backend | None = None
    fetcher: Fetcher | None = None


@dataclass
class _Outcome:
    """One input's result, as the writer gets it: rendered text, an error, or skipped."""

    index: int
    label: str
    id: str | None = None
    text: str | None = None
    error: BrieferError | None = None
    target: Path | None = None
    skipped: bool = False


class _Worker:
    """Briefs inputs one at a time with a backend and an HTTP fetcher built on first need."""

    def __init__(self, job: _Job, *, in_process: bool) -> None:
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

    def run(self, index: int, item: Input, target: Path | None) -> _Outcome:
        outcome = _Outcome(index, _label(item), id=item.id, target=target)
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


def run_batch(
    names: Iterable[str | Input | InputError],
    *,
    settings: Settings,
    backend: Backend | None = None,
    backend_factory: Callable[[], Backend] | None = None,
    format: str,
    output: str | Path | None,
    report: Reporter,
    progress: Progress | None = None,
    jobs: int = 1,
    unordered: bool = False,
    skip_existing: bool = False,
    errors_jsonl: bool = False,
    total: int | None = None,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
    debug: bool = False,
) -> int:
    """Brief every input and write the results; return the exit code.

    ``names`` may be paths, URLs, '-', or prepared inputs (and the errors of inputs that could not
    even be listed, reported in their turn). ``output`` is a file (written whole, only if something
    was briefed), a directory (trailing slash, or one that exists: one file per article), or None
    for stdout. ``backend`` is used in this process; workers build their own with
    ``backend_factory`` (by default: load ``settings.backend``).
    """
    directory = output is not None and is_directory_target(output)
    if skip_existing and not directory:
        raise UsageError("--skip-existing needs an output directory: -o DIR/")
    if errors_jsonl and (format != "jsonl" or directory):
        raise UsageError("--errors-jsonl needs --format jsonl written to stdout or one file")
    pretty = (output is None and sys.stdout.isatty()) or (directory and format == "json")
    job = _Job(settings=settings, format=format, pretty=pretty, debug=debug,
               backend_factory=backend_factory, backend=backend, fetcher=fetcher)
    out_dir = OutputDirectory(Path(output), ".md" if format == "markdown" else ".json") if directory else None
    sink = None if directory else (AtomicFile(Path(output)) if output is not None else Stdout())
    writer = _Writer(sink, out_dir, format=format, pretty=pretty, errors_jsonl=errors_jsonl, report=report)
    counts = Counts(total=total)
    progress = progress or _Silent()
    local = _Worker(job, in_process=True)
    prepared = _prepare(names, out_dir, skip_existing=skip_existing, stdin=stdin)
    try:
        first = [x for _, x in zip(range(2), prepared)]  # one input never pays for starting workers
        work = _chain(first, prepared)
        if jobs > 1 and len(first) > 1:
            outcomes = _parallel(work, job, jobs=jobs, unordered=unordered, tick=lambda: progress.update(counts))
        else:
            outcomes = (x if isinstance(x, _Outcome) else local.run(*x) for x in work)
        for outcome in outcomes:
            writer.write(outcome, counts)
            progress.update(counts)
        writer.commit(counts)
    except KeyboardInterrupt:
        counts.interrupted = True
        raise
    finally:
        writer.close()
        if fetcher is None and local._fetcher is not None:
            local._fetcher.close()
        progress.finish(counts)
    return counts.exit_code


class _Silent:
    def update(self, counts: Counts) -> None:
        pass

    def finish(self, counts: Counts) -> None:
        pass


# --- before the work: number the inputs, name their files, skip what is done -------------------

_Task = tuple[int, Input, "Path | None"]


def _prepare(names: Iterable[str | Input | InputError], out_dir: OutputDirectory | None, *,
             skip_existing: bool, stdin: BinaryIO | None) -> Iterator[_Task | _Outcome]:
    """Yield each input as a task for a worker, or as an outcome already known (error, skipped)."""
    for index, item in enumerate(_expand(names)):
        if isinstance(item, InputError):
            yield _Outcome(index, item.source or "?", id=getattr(item, "record_id", None), error=item)
            continue
        if item.path is None and item.url is None and item.data is None:
            # Standard input is read here: worker processes have none.
            stream = stdin if stdin is not None else sys.stdin.buffer
            item = Input(item.name, id=item.id, data=stream.read(), format=item.format)
        target = None
        if out_dir is not None:
            target = out_dir.target(item.name, url=item.url is not None, id=item.id)
            if skip_existing and target.exists():
                yield _Outcome(index, _label(item), id=item.id, target=target, skipped=True)
                continue
        yield (index, item, target)


def _expand(names: Iterable[str | Input | InputError]) -> Iterator[Input | InputError]:
    for name in names:
        if isinstance(name, str):
            yield from iter_inputs([name])
        else:
            yield name


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _label(item: Input) -> str:
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


# --- the work in worker processes ---------------------------------------------------------------

_worker: _Worker | None = None


def _start_worker(job: _Job) -> None:
    """Set up one worker process: its backend is built on its first article, then reused."""
    global _worker
    # Ctrl-C reaches the whole process group; the main process alone decides how to stop, so a
    # worker never dies mid-article with a traceback of its own. SIGTERM stays deadly: it is how
    # the main process ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = _Worker(job, in_process=False)


def _work(index: int, item: Input, target: Path | None) -> _Outcome:
    assert _worker is not None, "the worker process was not set up"
    return _worker.run(index, item, target)


def _pool(job: _Job, jobs: int) -> ProcessPoolExecutor:
    # fork starts a worker in milliseconds with briefer already imported. It is taken before any
    # thread exists in this process (progress is redrawn from the main thread), so it is safe.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods and sys.platform == "linux" else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(job,))


def _parallel(work: Iterator[_Task | _Outcome], job: _Job, *, jobs: int, unordered: bool,
              tick: Callable[[], None]) -> Iterator[_Outcome]:
    """Yield outcomes as workers finish them, in input order unless ``unordered``.

    At most ``WINDOW_PER_JOB × jobs`` inputs are in flight or waiting for their turn to be
    written, so a slow input holds back the reading of new ones instead of piling up results.
    A worker that dies (a crash in a parser, the OOM killer) takes the pool with it; the inputs
    that were in flight are then retried one at a time, so only the one that kills its worker again
    is reported failed.
    """
    window = WINDOW_PER_JOB * jobs
    executor = _pool(job, jobs)
    pending: dict[Future[_Outcome], tuple[_Task, bool]] = {}  # future → (task, run alone?)
    suspects: deque[_Task] = deque()
    ready: dict[int, _Outcome] = {}
    next_index = 0
    exhausted = False
    try:
        while True:
            if suspects:
                if not pending:
                    task = suspects.popleft()
                    pending[executor.submit(_work, *task)] = (task, True)
            else:
                while not exhausted and len(pending) + len(ready) < window:
                    task = next(work, None)
                    if task is None:
                        exhausted = True
                    elif isinstance(task, _Outcome):
                        ready[task.index] = task
                    else:
                        pending[executor.submit(_work, *task)] = (task, False)
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
                task, alone = pending.pop(future)
                try:
                    ready[task[0]] = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        ready[task[0]] = _failed(task, "the worker process briefing it died (a crash, or out of memory)")
                    else:
                        suspects.append(task)
                except Exception as exc:  # e.g. a result that could not be sent back
                    ready[task[0]] = _failed(task, f"internal error in a worker: {type(exc).__name__}: {exc}")
            if broken:
                for future, (task, _alone) in list(pending.items()):
                    if future.done() and future.exception() is None:
                        ready[task[0]] = future.result()
                    else:
                        suspects.append(task)
                pending.clear()
                suspects = deque(sorted(suspects, key=lambda t: t[0]))
                executor.shutdown(wait=True)
                executor = _pool(job, jobs)
            tick()
    finally:
        _stop(executor, pending)


def _failed(task: _Task, message: str) -> _Outcome:
    _, item, target = task
    return _Outcome(task[0], _label(item), id=item.id, target=target, error=InternalError(message, source=_label(item)))


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


# --- the writer: the one place where results reach stdout, a file or a directory ----------------


class _Writer:
    """Writes outcomes in the order given; each result whole, never interrupted halfway."""

    def __init__(self, sink: AtomicFile | Stdout | None, out_dir: OutputDirectory | None, *, format: str,
                 pretty: bool, errors_jsonl: bool, report: Reporter) -> None:
        self.sink, self.out_dir = sink, out_dir
        self.format, self.pretty, self.errors_jsonl, self.report = format, pretty, errors_jsonl, report
        self.seen = 0  # inputs accounted for, briefed or not
        self.written = False
        # --format json gives one object for one input and an array for several: the first briefing
        # is held until a second input shows which.
        self._held: str | None = None
        self._array_items = 0

    def write(self, o: _Outcome, counts: Counts) -> None:
        self.seen += 1
        if o.skipped:
            counts.skipped += 1
            return
        if o.error is not None:
            counts.failed += 1
            self.report(o.error)
            if self.errors_jsonl:
                self._emit(_error_line(o))
            self._release_held()
            return
        assert o.text is not None
        counts.briefed += 1
        if self.out_dir is not None:
            assert o.target is not None
            with uninterrupted():
                self.out_dir.write(o.target, o.text)
        elif self.format == "json":
            self._release_held()
            if self.seen >= 2:
                self._array_item(o.text)
            else:
                self._held = o.text
        elif self.format == "markdown":
            self._emit(("\n---\n\n" if counts.briefed > 1 else "") + o.text)
        else:
            self._emit(o.text)

    def _release_held(self) -> None:
        if self._held is not None and self.seen >= 2:
            held, self._held = self._held, None
            self._array_item(held)

    def _array_item(self, text: str) -> None:
        if self.pretty:
            text = "\n".join("  " + line for line in text.splitlines())
            self._emit(("[\n" if not self._array_items else ",\n") + text)
        else:
            self._emit(("[" if not self._array_items else ", ") + text)
        self._array_items += 1

    def _emit(self, text: str) -> None:
        assert self.sink is not None
        with uninterrupted():
            self.sink.write(text)
        self.written = True

    def commit(self, counts: Counts) -> None:
        """Finish the output (close the JSON array) and move a file into place if there is one."""
        if self.sink is None:
            return
        if self._array_items:
            self._emit("\n]\n" if self.pretty else "]\n")
        elif self._held is not None:
            self._emit(self._held + "\n")
        if counts.briefed or (self.written and self.errors_jsonl):
            with uninterrupted():
                self.sink.commit()

    def close(self) -> None:
        if self.sink is not None:
            self.sink.close()


def _error_line(o: _Outcome) -> str:
    import json

    record: dict[str, str] = {"source": o.label}
    if o.id is not None:
        record["id"] = o.id
    assert o.error is not None
    record["error"] = " ".join(o.error.message.split())
    return json.dumps(record, ensure_ascii=False) + "\n"
