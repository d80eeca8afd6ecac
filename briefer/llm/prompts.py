"""Jinja2 prompt templates → chat messages.

The templates ship inside the wheel (the top-level ``prompts/`` folder is the package
``briefer.prompts``). ``--prompts DIR`` puts a folder of the user's in front of them: a template
found there wins, the others still come from the package, so overriding one prompt means
copying one file.

    system.j2         the system message of a chunk call
    chunk.j2          the user message of a chunk call: the chunk's text between <article> tags
    reduce_system.j2  the system message of the reduce call
    reduce.j2         the user message of the reduce call: the notes taken on every chunk
    retry.j2          the message that shows the model why its reply could not be used
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..errors import ConfigError
from ..models import Chunk, Document
from ..tokenizer import count_tokens
from .schema import ChunkReply, ReduceReply, strict_schema

TEMPLATES = ("system.j2", "chunk.j2", "reduce_system.j2", "reduce.j2", "retry.j2")

Messages = list[dict[str, str]]


def _packaged(name: str) -> str | None:
    try:
        return resources.files("briefer.prompts").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


@dataclass(frozen=True)
class ReduceNotes:
    """What the reduce call is told about one chunk."""

    summary: str
    actors: list[str]


class Prompts:
    """The prompt templates, from ``directory`` where it has them and from the package otherwise."""

    def __init__(self, directory: Path | None = None) -> None:
        if directory is not None and not Path(directory).is_dir():
            raise ConfigError(f"the prompts folder {directory} does not exist (check --prompts or BRIEFER_PROMPTS)")
        self.directory = Path(directory) if directory is not None else None
        loaders: list[jinja2.BaseLoader] = []
        if self.directory is not None:
            loaders.append(jinja2.FileSystemLoader(str(self.directory)))
        loaders.append(jinja2.FunctionLoader(_packaged))
        self._env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,  # a misspelt variable fails loudly instead of vanishing
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._sources = {name: self._source(name) for name in TEMPLATES}
        self.hash = hashlib.sha256(
            json.dumps(self._sources, sort_keys=True).encode("utf-8")
        ).hexdigest()[:16]

    def _source(self, name: str) -> str:
        try:
            source, _, _ = self._env.loader.get_source(self._env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            raise ConfigError(f"the prompt template {name} is missing: reinstall briefer") from None
        return source

    def origin(self, name: str) -> str:
        """Return where the template ``name`` comes from: the user's folder or the package."""
        if self.directory is not None and (self.directory / name).is_file():
            return str(self.directory / name)
        return f"briefer.prompts/{name}"

    def render(self, name: str, **context: Any) -> str:
        """Return the template ``name`` rendered with ``context``."""
        try:
            return self._env.get_template(name).render(**context).strip()
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(f"prompt template {self.origin(name)}, line {exc.lineno}: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            raise ConfigError(f"prompt template {self.origin(name)}: {exc.message}") from None

    def chunk_messages(self, document: Document, chunk: Chunk, total: int, mode: str) -> Messages:
        """Return the system and user messages of the call for one chunk."""
        schema = json.dumps(strict_schema(ChunkReply), indent=1)
        return [
            {"role": "system", "content": self.render("system.j2", mode=mode, schema=schema)},
            {
                "role": "user",
                "content": self.render(
                    "chunk.j2", text=chunk.text, title=document.title, part=chunk.index + 1, total=total
                ),
            },
        ]

    def reduce_messages(self, document: Document, notes: Sequence[ReduceNotes], mode: str) -> Messages:
        """Return the system and user messages of the reduce call."""
        schema = json.dumps(strict_schema(ReduceReply), indent=1)
        return [
            {"role": "system", "content": self.render("reduce_system.j2", mode=mode, schema=schema)},
            {"role": "user", "content": self.render("reduce.j2", title=document.title, parts=list(notes))},
        ]

    def retry_message(self, error: str) -> str:
        """Return the message that tells the model why its last reply was refused."""
        return self.render("retry.j2", error=error)


@dataclass(frozen=True)
class PlannedCall:
    """A call the backend would make, as the dry run shows it."""

    label: str
    messages: Messages
    tokens: int


def message_tokens(messages: Messages, encoding: str) -> int:
    """Return the tokens of a call's messages: their text plus a few per message for the framing."""
    return sum(_count(m["content"], encoding) + 4 for m in messages)


@functools.lru_cache(maxsize=64)
def _count(text: str, encoding: str) -> int:
    # Every call of a run sends the same system message: count it once.
    return count_tokens(text, encoding)


def plan_calls(
    document: Document, chunks: Sequence[Chunk], prompts: Prompts, *, mode: str, reduce: bool, encoding: str
) -> list[PlannedCall]:
    """Return the calls briefing ``document`` takes when every reply is usable at once.

    The reduce call's input is the chunk replies, unknown before the calls are made: it is shown
    with a placeholder per chunk, so its token count is a lower bound; whether it is made at all
    depends on those replies too (see ``needs_reduce`` in backends/openai.py).
    """
    total = len(chunks)
    calls = []
    for chunk in chunks:
        messages = prompts.chunk_messages(document, chunk, total, mode)
        label = f"chunk {chunk.index + 1} of {total} (characters {chunk.start}-{chunk.end}, {chunk.tokens} tokens of text)"
        calls.append(PlannedCall(label, messages, message_tokens(messages, encoding)))
    if total > 1 and reduce:
        notes = [ReduceNotes(summary=f"<the summary the model gives for part {i + 1}>", actors=[]) for i in range(total)]
        messages = prompts.reduce_messages(document, notes, mode)
        label = "reduce, if the chunk replies need it (placeholders stand for them)"
        calls.append(PlannedCall(label, messages, message_tokens(messages, encoding)))
    return calls
