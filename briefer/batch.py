"""Many inputs → many briefings, streamed: one failure at a time, a bounded window in flight.

Inputs are read lazily and results written as they come, so memory stays flat however long the
list: at most a small window of inputs is in flight (``4 × jobs``), and no list of results is
kept. With ``jobs > 1`` the articles are briefed in worker processes, each building its backend
once; results are still written in input order unless ``unordered``. A bad input is reported and
skipped. The exit code tells the caller how it went: 0 none failed, 1 some failed (the others
written, or skipped as written before), 3 every input failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from .backends import Backend
from .errors import BrieferError, ConfigError, InputError, UsageError
from .settings import Settings
from .sinks import AtomicFile, OutputClosed, OutputDirectory, Stdout, is_directory_target, uninterrupted
from .readahead import ReadAhead
from .sources import Input, iter_inputs, standard_input
from .workers import InternalError, Job, Outcome, Task, Worker, label_of, run_parallel

if TYPE_CHECKING:
    from .fetching import Fetcher

Reporter = Callable[[BrieferError], None]

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_BRIEFED = 0, 1, 3
READ_AHEAD = 32  # inputs read and waiting for the main thread to take them
ALONE_WAIT = 0.5  # seconds a first input waits for a second before workers are started for it anyway

__all__ = ["Counts", "InternalError", "Progress", "run_batch"]


@dataclass
class Counts:
    """How a batch is going; what progress displays and the closing summary show."""

    briefed: int = 0
    failed: int = 0
    skipped: int = 0
    total: int | None = None  # None when the inputs are a stream that cannot be counted ahead
    interrupted: bool = False
    output_closed: bool = False  # the reader of stdout went away: stop quietly

    @property
    def done(self) -> int:
        return self.briefed + self.failed + self.skipped

    @property
    def exit_code(self) -> int:
        if self.failed == 0:
            return EXIT_OK
        # An input skipped as written by an earlier run is done, as much as one briefed now.
        return EXIT_SOME_FAILED if self.briefed or self.skipped else EXIT_NONE_BRIEFED

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
    for stdout. ``backend`` is used in this process and, inherited when they are forked, in the
    worker processes, so what it holds for the whole run (the openai backend's token budget) is
    shared by them; without it, each worker builds its own with ``backend_factory`` (by default:
    load ``settings.backend``).
    """
    directory = output is not None and is_directory_target(output)
    if skip_existing and not directory:
        raise UsageError("--skip-existing needs an output directory: -o DIR/")
    if errors_jsonl and (format != "jsonl" or directory):
        raise UsageError("--errors-jsonl needs --format jsonl written to stdout or one file")
    pretty = (output is None and sys.stdout.isatty()) or (directory and format == "json")
    job = Job(settings=settings, format=format, pretty=pretty, debug=debug,
              backend_factory=backend_factory, backend=backend, fetcher=fetcher)
    out_dir = OutputDirectory(Path(output), ".md" if format == "markdown" else ".json") if directory else None
    sink = None if directory else (AtomicFile(Path(output)) if output is not None else Stdout())
    writer = _Writer(sink, out_dir, format=format, pretty=pretty, errors_jsonl=errors_jsonl, report=report)
    counts = Counts(total=total)
    progress = progress or _Silent()
    local = Worker(job, in_process=True)
    prepared = _prepare(names, out_dir, skip_existing=skip_existing, stdin=stdin)
    inputs: ReadAhead[Task | Outcome] | None = None
    try:
        if jobs > 1:
            inputs = ReadAhead(prepared, ahead=READ_AHEAD)
            outcomes = _briefed(inputs, job, local, jobs=jobs, unordered=unordered,
                                tick=lambda: progress.update(counts))
        else:  # read one input, brief it, write it: a slow source holds back nothing already done
            outcomes = (x if isinstance(x, Outcome) else local.run(*x) for x in prepared)
        # Closed here, not whenever the garbage collector gets to it: an error that stops the run
        # (a refused key) must stop the workers now. A pool shut down as the interpreter exits
        # finds its pipes already closed and prints a traceback under the one-line error.
        with closing(outcomes):
            for outcome in outcomes:
                writer.write(outcome, counts)
                progress.update(counts)
        writer.commit(counts)
    except KeyboardInterrupt:
        counts.interrupted = True
        raise
    except OutputClosed:
        counts.output_closed = True
        raise
    finally:
        if inputs is not None:
            inputs.close()
        writer.close()
        local.close()
        progress.finish(counts)
    return counts.exit_code


class _Silent:
    def update(self, counts: Counts) -> None:
        pass

    def finish(self, counts: Counts) -> None:
        pass


# --- before the work: number the inputs, name their files, skip what is done -------------------

def _prepare(names: Iterable[str | Input | InputError], out_dir: OutputDirectory | None, *,
             skip_existing: bool, stdin: BinaryIO | None) -> Iterator[Task | Outcome]:
    """Yield each input as a task for a worker, or as an outcome already known (error, skipped)."""
    for index, item in enumerate(_expand(names)):
        if isinstance(item, InputError):
            yield Outcome(index, item.source or "?", id=getattr(item, "record_id", None), error=item)
            continue
        if item.path is None and item.url is None and item.data is None:
            # Standard input is read here: worker processes have none.
            stream = stdin if stdin is not None else standard_input()
            item = Input(item.name, id=item.id, data=stream.read(), format=item.format)
        target = None
        if out_dir is not None:
            target = out_dir.target(item.name, url=item.url is not None, id=item.id, data=item.data)
            if skip_existing and out_dir.written(target):
                yield Outcome(index, label_of(item), id=item.id, target=target, skipped=True)
                continue
        yield (index, item, target)


def _briefed(inputs: ReadAhead[Task | Outcome], job: Job, local: Worker, **kw: Any) -> Iterator[Outcome]:
    """Yield the outcome of every input: briefed by worker processes, unless there is only one."""
    first = inputs.get()
    # A single input never pays for starting workers. A first input waits for a second only a
    # moment, so records that come slowly (a scraper on stdin) are briefed as they come.
    second = inputs.get(timeout=ALONE_WAIT) if first is not None else None
    if second is None and inputs.ended:
        if first is not None:
            yield first if isinstance(first, Outcome) else local.run(*first)
        return
    head = [x for x in (first, second) if x is not None]
    yield from run_parallel(head, inputs, job, **kw)


def _expand(names: Iterable[str | Input | InputError]) -> Iterator[Input | InputError]:
    for name in names:
        if isinstance(name, str):
            yield from iter_inputs([name])
        else:
            yield name


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

    def write(self, o: Outcome, counts: Counts) -> None:
        self.seen += 1
        if o.skipped:
            counts.skipped += 1
            return
        if isinstance(o.error, ConfigError):
            raise o.error  # a refused key or an unknown model would fail every next article the same way
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


def _error_line(o: Outcome) -> str:
    import json

    record: dict[str, str] = {"source": o.label}
    if o.id is not None:
        record["id"] = o.id
    assert o.error is not None
    record["error"] = " ".join(o.error.message.split())
    return json.dumps(record, ensure_ascii=False) + "\n"
