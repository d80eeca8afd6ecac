"""Many inputs → many briefings, one failure at a time: a bad input is reported and skipped.

The exit code tells the caller how it went: 0 all briefed, 1 some failed (the others written),
3 none could be briefed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .backends import Backend
from .errors import BrieferError, ConfigError
from .models import Briefing
from .pipeline import brief_article
from .rendering import render_json, render_jsonl, render_markdown
from .settings import Settings
from .sinks import AtomicFile, Stdout
from .sources import iter_inputs, read_article

Reporter = Callable[[BrieferError], None]

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_BRIEFED = 0, 1, 3


class InternalError(BrieferError):
    """A bug met while briefing one input; reported like any failure so the batch goes on."""

    exit_code = 3


def run_batch(
    names: Iterable[str],
    *,
    settings: Settings,
    backend: Backend,
    format: str,
    output: Path | None,
    report: Reporter,
    stdin: BinaryIO | None = None,
    debug: bool = False,
) -> int:
    """Brief every input and write the results; return the exit code."""
    sink = AtomicFile(output) if output else Stdout()
    pretty = output is None and sys.stdout.isatty()
    briefed = failed = 0
    collected: list[Briefing] = []  # only --format json needs them all, to write one document
    try:
        for item in iter_inputs(names):
            try:
                briefing = brief_article(read_article(item, stdin=stdin), backend=backend, settings=settings)
            except ConfigError:
                raise  # a refused key or an unknown model would fail every next article the same way
            except BrieferError as exc:
                failed += 1
                report(exc if exc.source else _with_source(exc, item.name))
                continue
            except Exception as exc:
                if debug:
                    raise
                failed += 1
                report(InternalError(
                    f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                    source=item.name,
                ))
                continue
            briefed += 1
            if format == "jsonl":
                sink.write(render_jsonl(briefing))
            elif format == "markdown":
                sink.write(("\n---\n\n" if briefed > 1 else "") + render_markdown(briefing))
            else:
                collected.append(briefing)
        if collected:
            sink.write(render_json(collected, pretty=pretty, as_list=briefed + failed > 1))
        if briefed:
            sink.commit()
    finally:
        sink.close()
    if failed == 0:
        return EXIT_OK
    return EXIT_SOME_FAILED if briefed else EXIT_NONE_BRIEFED


def _with_source(exc: BrieferError, name: str) -> BrieferError:
    exc.source = name
    return exc
