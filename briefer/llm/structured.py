"""Getting a reply of the right shape: the best response format the server takes, and re-asking.

Formats, best first (``--structured-output auto`` tries them in this order and keeps the first
the server accepts for the rest of the run):

    json_schema    OpenAI's strict structured output: the server guarantees the schema
    json_object    JSON mode; the schema goes along too, which llama.cpp turns into a grammar
    instructions   no response_format at all: the schema is in the system prompt

A reply that is not valid JSON or does not match the schema is shown back to the model with the
error, up to --max-retries times. A reply cut off by the output limit is not re-asked (it would be
cut again): the caller splits the text instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import BackendError, UnusableReply
from .client import ChatClient, FormatUnsupported, Messages
from .prompts import Prompts
from .schema import ReplyError, grammar_schema, parse_reply, strict_schema
from .usage import UsageMeter

MODES = ("json_schema", "json_object", "instructions")

R = TypeVar("R", bound=BaseModel)


class Truncated(Exception):
    """The reply was cut off by the output token limit."""


class ModeState:
    """The response format in use, shared by all calls of a backend, lowered when refused."""

    def __init__(self, setting: str = "auto") -> None:
        self.order = list(MODES) if setting == "auto" else [setting]
        self._index = 0
        # A fixed mode needs no probing; "auto" is settled by the first reply the server accepts.
        self.settled = setting != "auto"
        self._lock = threading.Lock()

    @property
    def current(self) -> str:
        return self.order[self._index]

    def lower(self, refused: str) -> bool:
        """Move past the refused mode; return False when there is nothing simpler left."""
        with self._lock:
            if self.current != refused:
                return True  # another call already moved on
            if self._index + 1 >= len(self.order):
                return False
            self._index += 1
            return True

    def settle(self) -> None:
        self.settled = True

    def resume(self, mode: str) -> None:
        """Start from a mode this server was found to take before (remembered across runs)."""
        with self._lock:
            if not self.settled and mode in self.order:
                self._index = self.order.index(mode)
                self.settled = True


def response_format(mode: str, reply_model: type[BaseModel]) -> dict[str, Any] | None:
    """Return the ``response_format`` of a request in ``mode``."""
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": reply_model.__name__, "strict": True, "schema": strict_schema(reply_model)},
        }
    if mode == "json_object":
        return {"type": "json_object", "schema": grammar_schema(reply_model)}
    return None


def ask(
    client: ChatClient,
    build: Callable[[str], Messages],
    reply_model: type[R],
    *,
    modes: ModeState,
    prompts: Prompts,
    max_tokens: int,
    max_reasks: int,
    stage: str,
    meter: UsageMeter,
) -> R:
    """Return the model's reply to the messages ``build(mode)`` makes, parsed into ``reply_model``.

    Raises Truncated when the reply hits the output limit, UnusableReply when it is still not
    usable after ``max_reasks`` re-asks.
    """
    reasks = 0
    followup: Messages = []
    last_error = ""
    while True:
        mode = modes.current
        try:
            reply = client.complete(
                build(mode) + followup,
                response_format=response_format(mode, reply_model),
                max_tokens=max_tokens,
                stage=stage,
                meter=meter,
            )
        except FormatUnsupported as exc:
            if not modes.lower(mode):
                raise BackendError(
                    f"the server at {client.endpoint} refuses the response format {mode!r} ({exc}): "
                    "use --structured-output auto"
                ) from None
            continue
        modes.settle()
        if reply.finish_reason == "length":
            raise Truncated(f"the reply hit the output limit of {max_tokens} tokens")
        try:
            return parse_reply(reply.content, reply_model)  # type: ignore[return-value]
        except ReplyError as exc:
            last_error = str(exc)
        reasks += 1
        if reasks > max_reasks:
            raise UnusableReply(
                f"the model {client.model!r} gave no usable reply after {reasks} attempt(s): {last_error}; "
                "try a stronger model, or raise --max-retries"
            )
        meter.retry()
        followup = [
            {"role": "assistant", "content": (reply.content or "")[:4000]},
            {"role": "user", "content": prompts.retry_message(last_error)},
        ]
