"""The command line: flags → Settings → pipeline → render → stdout; errors → one line on stderr.

Exit codes: 0 all inputs briefed; 1 some failed, the rest written; 2 usage or configuration error;
3 nothing could be briefed. They live on the error classes (errors.py) and are handled in `main`.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .cli_settings import config_app, prompts_app, with_settings_flags
from .errors import BrieferError, InputError, UsageError

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


class _State:
    debug = False


def _version(value: bool) -> None:
    if value:
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
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Article files (.txt, .md, .html), directories (searched recursively) or '-' for standard input.",
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.markdown,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write to this file (atomically: whole or not at all) instead of stdout."),
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
    flags: Optional[dict] = None,
) -> None:
    """Brief one or more articles: title, summary, actors, positions, outcomes, open questions."""
    from .backends import load_backend
    from .batch import run_batch
    from .settings import load_settings

    _State.debug = _State.debug or debug
    settings = load_settings(
        {
            "backend": backend,
            "include_text": include_text or None,
            "summary_sentences": summary_sentences,
            "max_chunk_tokens": max_chunk_tokens,
            "backend_options": _parse_options(option) if option else None,
            **(flags or {}),  # the shared settings flags (cli_settings.py): model, base URL, timeout...
        }
    )
    engine = load_backend(settings.backend, settings=settings)
    code = run_batch(
        inputs, settings=settings, backend=engine, format=format.value, output=output, report=_report,
        debug=_State.debug,
    )
    raise typer.Exit(code)


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
    """Print one failed input's error on its own line; the batch goes on."""
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
    except KeyboardInterrupt:
        sys.stderr.write("briefer: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader of our stdout went away (`briefer ... | head`): not an error worth a traceback.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
