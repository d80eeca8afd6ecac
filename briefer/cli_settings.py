"""The settings flags every command shares, and the commands that show settings and prompts.

    briefer config show           the effective settings, each with where it came from
    briefer prompts show FILE     the prompts briefing FILE would send: a dry run, no call made

The flags are declared once here and added to a command by `with_settings_flags`, which passes
them on as one ``flags`` dict (None for a flag not given, so it does not override the
environment or the config file).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer


class StructuredOutputChoice(str, Enum):
    auto = "auto"
    json_schema = "json_schema"
    json_object = "json_object"
    instructions = "instructions"


def _opt(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, show_default=False, **kw)


# name → type annotation; None means "not given". Defaults live in settings.Settings, not here.
SETTINGS_FLAGS: dict[str, Any] = {
    "config": Annotated[Optional[Path], _opt("--config", help="Read this config file instead of the default one.")],
    "profile": Annotated[Optional[str], _opt("--profile", help="Use the [profiles.NAME] table of the config file.")],
    "backend": Annotated[Optional[str], _opt("--backend", "-b", help="Backend to use (see `briefer backends`).")],
    "max_chunk_tokens": Annotated[Optional[int], _opt("--max-chunk-tokens", help="Token budget of one chunk.")],
    "model": Annotated[Optional[str], _opt("--model", "-m", help="Model name (openai backend).")],
    "base_url": Annotated[
        Optional[str], _opt("--base-url", help="OpenAI-compatible API URL, e.g. http://127.0.0.1:8080/v1.")
    ],
    "api_key_env": Annotated[
        Optional[str], _opt("--api-key-env", metavar="VAR", help="Read the API key from this environment variable.")
    ],
    "azure_endpoint": Annotated[Optional[str], _opt("--azure-endpoint", help="Azure OpenAI endpoint URL.")],
    "api_version": Annotated[Optional[str], _opt("--api-version", help="Azure OpenAI API version.")],
    "azure_deployment": Annotated[Optional[str], _opt("--azure-deployment", help="Azure OpenAI deployment name.")],
    "temperature": Annotated[Optional[float], _opt("--temperature", help="Sampling temperature. [default: 0]")],
    "max_output_tokens": Annotated[
        Optional[int], _opt("--max-output-tokens", help="Output token limit of one chunk call. [default: 2048]")
    ],
    "timeout": Annotated[Optional[float], _opt("--timeout", help="Seconds to wait for a server. [default: 60]")],
    "concurrency": Annotated[Optional[int], _opt("--concurrency", help="Chunk calls at a time. [default: 4]")],
    "max_retries": Annotated[
        Optional[int], _opt("--max-retries", help="Retries of a failed call, and re-asks of a bad reply. [default: 3]")
    ],
    "retry_backoff": Annotated[
        Optional[float], _opt("--retry-backoff", help="Seconds before the first retry, doubled after. [default: 1]")
    ],
    "structured_output": Annotated[
        Optional[StructuredOutputChoice],
        _opt("--structured-output", help="Response format; auto tries json_schema, json_object, instructions."),
    ],
    "prompts": Annotated[Optional[Path], _opt("--prompts", metavar="DIR", help="Prompt templates that override the built-in ones.")],
    "keep_unverified": Annotated[
        Optional[bool],
        _opt("--keep-unverified/--drop-unverified", help='Keep items whose quote is not in the article, flagged "verified": false.'),
    ],
    "max_tokens_total": Annotated[
        Optional[int], _opt("--max-tokens-total", help="Stop before the run could use more tokens than this.")
    ],
    "cache": Annotated[Optional[bool], _opt("--cache/--no-cache", help="Reuse replies at temperature 0. [default: on]")],
    "cache_dir": Annotated[Optional[Path], _opt("--cache-dir", metavar="DIR", help="Folder of the response cache.")],
    "reduce": Annotated[
        Optional[bool], _opt("--reduce/--no-reduce", help="One more call to summarise a long article. [default: on]")
    ],
    "reduce_max_tokens": Annotated[
        Optional[int], _opt("--reduce-max-tokens", help="Output token limit of the reduce call. [default: 1024]")
    ],
}


def with_settings_flags(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the settings flags the command does not declare itself; pass their values as ``flags``."""
    sig = inspect.signature(func, eval_str=True)  # the commands are written with postponed annotations
    own = set(sig.parameters)
    added = [name for name in SETTINGS_FLAGS if name not in own]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        flags = {}
        for name in added:
            value = kwargs.pop(name, None)
            flags[name] = value.value if isinstance(value, Enum) else value
        return func(*args, flags=flags, **kwargs)

    params = [p for p in sig.parameters.values() if p.name != "flags"]
    params += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=SETTINGS_FLAGS[name])
        for name in added
    ]
    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


config_app = typer.Typer(help="Show the effective settings.", no_args_is_help=True, add_completion=False)
prompts_app = typer.Typer(help="Show the prompts the openai backend sends.", no_args_is_help=True, add_completion=False)


@config_app.command("show")
@with_settings_flags
def config_show(flags: dict[str, Any]) -> None:
    """Print the effective settings and where each comes from (flag, environment, config file, default)."""
    from .settings import default_config_path, load_settings

    settings = load_settings(flags)
    rows: list[tuple[str, str, str]] = []
    path = settings.config_file
    if path is None:
        named = flags.get("config")
        path_text = f"{named or default_config_path()} (none there)"
    else:
        path_text = str(path)
    rows.append(("config file", path_text, ""))
    rows.append(("profile", settings.profile or "(none)", settings.source_of("profile") if settings.profile else ""))
    for key in type(settings).model_fields:
        value = getattr(settings, key)
        if key == "cache_dir" and value is None:
            from .settings import default_cache_dir

            shown = str(default_cache_dir())
        elif key == "api_key":
            shown = "(set, redacted)" if value is not None else "(unset)"
        elif value is None:
            shown = "(unset)"
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = str(value)
        rows.append((key, shown, settings.source_of(key)))
    width = max(len(r[0]) for r in rows)
    vwidth = min(48, max(len(r[1]) for r in rows))
    for key, shown, source in rows:
        typer.echo(f"{key:<{width}}  {shown:<{vwidth}}  {source}".rstrip())


@prompts_app.command("show")
@with_settings_flags
def prompts_show(
    input: Annotated[str, typer.Argument(metavar="INPUT", help="An article file, or '-' for standard input.")],
    flags: dict[str, Any],
) -> None:
    """Print the prompts briefing INPUT would send, their token count and the number of calls. Calls nothing."""
    from .chunking import chunk_text
    from .cleaning import clean
    from .llm.prompts import Prompts, plan_calls
    from .settings import load_settings
    from .sources import Input, read_article

    settings = load_settings(flags)
    article = read_article(Input(input, None if input == "-" else Path(input)))
    document = clean(article)
    chunks = chunk_text(document.text, settings.max_chunk_tokens, settings.encoding)
    mode = "json_schema" if settings.structured_output == "auto" else settings.structured_output
    calls = plan_calls(
        document, chunks, Prompts(settings.prompts), mode=mode, reduce=settings.reduce, encoding=settings.encoding
    )
    for n, call in enumerate(calls, 1):
        typer.echo(f"=== call {n} of {len(calls)}: {call.label}; {call.tokens} prompt tokens ===")
        for message in call.messages:
            typer.echo(f"--- {message['role']} ---")
            typer.echo(message["content"])
        typer.echo("")
    total = sum(c.tokens for c in calls)
    typer.echo(
        f"=== {len(calls)} call(s), {total} prompt tokens in all, up to {settings.max_output_tokens} output tokens "
        f"per chunk call (tokenizer {settings.encoding}; response format {mode}) ==="
    )
