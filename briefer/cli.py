"""The command line: flags → Settings → pipeline → render → stdout; errors → one line on stderr.

Exit codes: 0 no input failed; 1 some failed, the rest written (or skipped as written before); 2
usage or configuration error; 3 every input failed. They live on the error classes (errors.py) and
are handled in `main`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Optional

import typer

from .cli_settings import config_app, prompts_app, with_settings_flags
from .errors import BrieferError, UsageError
from .sinks import OutputClosed

EXIT_OUTPUT_CLOSED = 141

app = typer.Typer(
    name="briefer",
    help="Turn news articles into structured, evidence-backed briefings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class InputListFormat(str, Enum):
    paths = "paths"
    jsonl = "jsonl"


class _State:
    debug = False


def _version(value: bool) -> None:
    if value:
        from .version import __version__

        typer.echo(f"briefer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Turn news articles into structured, evidence-backed briefings.

    Run `briefer brief FILE` to brief an article; `briefer brief --help` for the options.
    """
    _State.debug = debug


app.add_typer(config_app, name="config")
app.add_typer(prompts_app, name="prompts")


@app.command(no_args_is_help=True)
@with_settings_flags
def brief(
    inputs: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="INPUT",
            help="Article files (.txt, .md, .html), directories (searched recursively), http(s) URLs, "
            "or '-' for standard input.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format; jsonl streams one briefing per line.")
    ] = Format.markdown,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output", "-o", metavar="PATH",
            help="Write to this file (atomically: whole or not at all) instead of stdout; "
            "to a directory (DIR/ or an existing one): one file per article.",
        ),
    ] = None,
    backend: Annotated[
        Optional[str], typer.Option("--backend", "-b", help="Backend to use (see `briefer backends`). [default: extractive]")
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the cleaned article text to the JSON, to check evidence spans.")
    ] = False,
    summary_sentences: Annotated[
        Optional[int], typer.Option("--summary-sentences", min=0, help="Sentences in the summary. [default: 3]")
    ] = None,
    max_chunk_tokens: Annotated[
        Optional[int], typer.Option("--max-chunk-tokens", help="Token budget of one chunk. [default: 3000]")
    ] = None,
    option: Annotated[
        Optional[list[str]],
        typer.Option("--option", "-O", metavar="KEY=VALUE", help="An option for the backend; repeatable."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    # --- many inputs, URLs, pipelines (batch) ---------------------------------------------------
    inputs_from: Annotated[
        Optional[str],
        typer.Option("--inputs-from", metavar="FILE", help="Read inputs from FILE ('-': stdin), one path or URL a line."),
    ] = None,
    input_format: Annotated[
        InputListFormat,
        typer.Option("--input-format", help="paths: files, directories, URLs. jsonl: records "
                     '{"id":..., "text"|"html"|"markdown"|"url":...} from the inputs (default: stdin).'),
    ] = InputListFormat.paths,
    errors_jsonl: Annotated[
        bool, typer.Option("--errors-jsonl", help='With --format jsonl: also write failures as {"source", "error"} lines.')
    ] = False,
    skip_existing: Annotated[
        bool, typer.Option("--skip-existing", help="With -o DIR/: skip inputs whose file is already there.")
    ] = False,
    jobs: Annotated[
        Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes. [default: number of cores]")
    ] = None,
    unordered: Annotated[
        bool, typer.Option("--unordered", help="Write results as they finish instead of in input order.")
    ] = False,
    timeout: Annotated[
        Optional[float],
        typer.Option("--timeout", min=0.001, help="Seconds to wait for a server: a page being fetched, a model's "
                     "reply; a whole page gets 4 × this. [default: 60]"),
    ] = None,
    max_bytes: Annotated[
        Optional[int], typer.Option("--max-bytes", min=1, help="Largest page fetched from a URL. [default: 10000000]")
    ] = None,
    user_agent: Annotated[
        Optional[str], typer.Option("--user-agent", help="User-Agent header sent with URL requests.")
    ] = None,
    flags: Optional[dict] = None,
) -> None:
    """Brief one or more articles: title, summary, actors, positions, outcomes, open questions."""
    from functools import partial

    from .backends import load_backend
    from .batch import run_batch
    from .inputlists import InputPlan, count_inputs
    from .progress import BatchDisplay
    from .settings import load_settings

    _State.debug = _State.debug or debug
    settings = load_settings(
        {
            "backend": backend,
            "include_text": include_text or None,
            "summary_sentences": summary_sentences,
            "max_chunk_tokens": max_chunk_tokens,
            "backend_options": _parse_options(option) if option else None,
            "timeout": timeout,
            "max_bytes": max_bytes,
            "user_agent": user_agent,
            **(flags or {}),  # the shared settings flags (cli_settings.py): config, profile, model, base URL...
        }
    )
    jsonl_in = input_format is InputListFormat.jsonl
    plan = InputPlan(inputs or [], inputs_from=inputs_from, jsonl=jsonl_in)
    engine = load_backend(settings.backend, settings=settings)
    display = BatchDisplay(live=sys.stderr.isatty())
    # typer turns a KeyboardInterrupt into a bare exit 130: say what happened here instead.
    try:
        with _stop_on_sigterm():
            code = run_batch(
                plan.iterate(), settings=settings, backend=engine,
                backend_factory=partial(load_backend, settings.backend, settings=settings),
                format=format.value, output=output, report=_report, progress=display,
                jobs=jobs or _cores(), unordered=unordered, skip_existing=skip_existing, errors_jsonl=errors_jsonl,
                total=count_inputs(plan) if display.live else None, debug=_State.debug,
            )
    except Terminated:
        sys.stderr.write("briefer: terminated\n")
        code = 143
    except KeyboardInterrupt:
        sys.stderr.write("briefer: interrupted\n")
        code = 130
    raise typer.Exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a cron timeout, `kill`): stop as cleanly as on Ctrl-C."""


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    import signal

    def stop(signum: int, frame: object) -> None:
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@app.command()
def schema() -> None:
    """Print the JSON Schema of the briefing JSON."""
    from .models import Briefing

    typer.echo(json.dumps(Briefing.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def backends() -> None:
    """List the backends found: name, the package that provides it, and what it does."""
    from .backends import available_backends

    found = available_backends()
    if not found:
        raise BrieferError("no backends are installed: reinstall briefer")
    width = max(len(n) for n in found)
    origin_width = max(len(e.origin) for e in found.values())
    for name, entry in found.items():
        typer.echo(f"{name:<{width}}  {entry.origin:<{origin_width}}  {entry.description}")


def _parse_options(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--option takes KEY=VALUE, not {pair!r}")
        out[key.strip()] = value
    return out


def _report(error: BrieferError) -> None:
    """Print one failed input's error on its own line (with its traceback under --debug); the batch goes on."""
    if _State.debug:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    _print_error(error)


def _print_error(error: BaseException) -> None:
    message = " ".join(str(error).split())
    sys.stderr.write(f"briefer: error: {message}\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code. All expected errors end here, as one line on stderr."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="briefer", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except BrieferError as exc:
        if debug:
            raise
        _print_error(exc)
        return exc.exit_code
    except typer.TyperException as exc:  # the command line itself is wrong
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # type: ignore[attr-defined]
            return 2
        if debug:
            raise
        hint = ""
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            hint = f" (see '{ctx.command_path} --help')"
        _print_error(UsageError(exc.format_message() + hint))
        return getattr(exc, "exit_code", 2)
    except typer.Abort:
        sys.stderr.write("briefer: interrupted\n")
        return 130
    except Terminated:
        sys.stderr.write("briefer: terminated\n")
        return 143
    except KeyboardInterrupt:
        sys.stderr.write("briefer: interrupted\n")
        return 130
    except (OutputClosed, BrokenPipeError):
        # The reader of our stdout went away (`briefer ... | head`): stop quietly, with the status
        # a shell reports for any tool that writes into a closed pipe (128 + SIGPIPE).
        _silence_stdout()
        return EXIT_OUTPUT_CLOSED


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


