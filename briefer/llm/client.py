"""One chat call to an OpenAI-compatible server, made resilient, with its failures in plain words.

The ``openai`` package does the HTTP (and Azure's URL scheme and auth); its own retries are off
because ours count in `usage`, honour ``Retry-After`` and take a configurable backoff. Every
failure leaves this module as a `BrieferError` that says what to do: a refused key or an unknown
model as a ConfigError (the user must act), a server that stays down or slow as a BackendError.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import (
    AuthenticationFailed,
    BackendError,
    ConfigError,
    MissingSetting,
    ModelNotFound,
    ServerFailed,
    ServerTimeout,
    ServerUnreachable,
)
from ..settings import ENV_VARS, Settings
from .prompts import message_tokens
from .retries import MAX_RETRY_AFTER, RETRYABLE_STATUS, backoff_delay, retry_after
from .usage import TokenBudget, UsageMeter

OPENAI_BASE_URL = "https://api.openai.com/v1"
INSTALL_HINT = "the openai backend needs the openai package: pip install 'briefer[openai]'"

Messages = list[dict[str, str]]


@dataclass(frozen=True)
class Reply:
    """What came back from one successful call."""

    content: str | None
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int


class FormatUnsupported(Exception):
    """The server refused the ``response_format`` asked for; a simpler one may do."""


def require_openai() -> Any:
    """Return the openai module, or raise a ConfigError that says how to install it."""
    try:
        import openai
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    return openai


def endpoint_of(settings: Settings) -> str:
    """Return the server a run talks to, as shown in messages."""
    return settings.azure_endpoint or settings.base_url or OPENAI_BASE_URL


def model_of(settings: Settings) -> str:
    """Return the model name sent with each call, or raise MissingSetting naming how to set it."""
    model = settings.model or settings.azure_deployment
    if not model:
        raise MissingSetting(
            f"no model given for {endpoint_of(settings)}: pass --model NAME, set {ENV_VARS['model'][0]}, "
            "or put model = \"NAME\" in the config file (see `briefer config show`)"
        )
    return model


def _key_hint(*, azure: bool = False) -> str:
    """Return how to give the key: the variables its users know first (Azure's own for Azure)."""
    briefer, openai, azure_var = ENV_VARS["api_key"]
    names = f"{azure_var} or {briefer}" if azure else f"{briefer} or {openai}"
    return f"set {names}, or name the variable that holds it with --api-key-env VAR"


def build_openai_client(settings: Settings) -> Any:
    """Return an ``openai`` client for the settings: Azure's when an Azure endpoint is set."""
    openai = require_openai()
    key = settings.api_key.get_secret_value() if settings.api_key is not None else None
    common: dict[str, Any] = {"timeout": settings.timeout, "max_retries": 0}
    if settings.azure_endpoint:
        if not settings.api_version:
            raise MissingSetting(
                f"Azure OpenAI needs an API version: pass --api-version (e.g. 2024-10-21) or set {ENV_VARS['api_version'][-1]}"
            )
        if not key:
            raise MissingSetting(f"no API key for Azure OpenAI at {settings.azure_endpoint}: {_key_hint(azure=True)}")
        return openai.AzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            azure_deployment=settings.azure_deployment,
            api_version=settings.api_version,
            api_key=key,
            **common,
        )
    if not key:
        if settings.base_url is None:
            raise MissingSetting(
                f"no API key for {OPENAI_BASE_URL}: {_key_hint()} (or point --base-url at a server that needs none)"
            )
        key = "no-key"  # local servers take any key, but the openai package insists on one
    return openai.OpenAI(base_url=settings.base_url or OPENAI_BASE_URL, api_key=key, **common)


class ChatClient:
    """Sends chat completions with retries; counts every request in the article's `UsageMeter`."""

    def __init__(
        self,
        settings: Settings,
        *,
        openai_client: Any = None,
        budget: TokenBudget | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self.model = model_of(settings)
        self.endpoint = endpoint_of(settings)
        self._openai = require_openai()
        self._client = openai_client if openai_client is not None else build_openai_client(settings)
        self.budget = budget or TokenBudget(settings.max_tokens_total)
        # The name the output limit is sent under. "max_tokens" is the one every OpenAI-compatible
        # server knows; OpenAI's newer models (the o-series, GPT-5) refuse it for
        # "max_completion_tokens", and the first refusal switches the rest of the run over.
        self.limit_param = "max_tokens"
        self._sleep = sleep
        self._rand = rand

    def complete(
        self,
        messages: Messages,
        *,
        response_format: dict[str, Any] | None,
        max_tokens: int,
        stage: str,
        meter: UsageMeter,
    ) -> Reply:
        """Return the server's reply to ``messages``, retrying what is worth retrying."""
        openai = self._openai
        s = self.settings
        worst_case = message_tokens(messages, s.encoding) + max_tokens
        request: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": s.temperature,
            self.limit_param: max_tokens,
        }
        if response_format is not None:
            request["response_format"] = response_format
        retries = 0
        while True:
            self.budget.reserve(worst_case)
            wait: float | None = None
            try:
                resp = self._client.chat.completions.create(**request)
            except openai.APIStatusError as exc:
                self.budget.settle(worst_case, 0)
                meter.call(stage)
                if "max_tokens" in request and _refuses_max_tokens(exc):
                    # Not a retry: the same request under the limit's newer name, sent at once.
                    self.limit_param = "max_completion_tokens"
                    request[self.limit_param] = request.pop("max_tokens")
                    continue
                failure, wait = self._status_failure(exc, response_format)
            except openai.APITimeoutError:
                self.budget.settle(worst_case, 0)
                meter.call(stage)
                failure = ServerTimeout(
                    f"the server at {self.endpoint} did not answer within {s.timeout:g} s "
                    f"({retries + 1} attempt(s)): raise --timeout, or check that the server is not overloaded"
                )
            except openai.APIConnectionError as exc:
                self.budget.settle(worst_case, 0)
                meter.call(stage)
                failure = ServerUnreachable(
                    f"cannot reach the server at {self.endpoint} ({_cause(exc)}; {retries + 1} attempt(s)): "
                    "check --base-url and that the server is running"
                )
            except (openai.APIResponseValidationError, ValueError) as exc:
                self.budget.settle(worst_case, 0)
                meter.call(stage)
                failure = ServerFailed(
                    f"the server at {self.endpoint} sent a reply that is not an OpenAI chat completion "
                    f"({type(exc).__name__}; {retries + 1} attempt(s)): check --base-url"
                )
            else:
                return self._reply(resp, stage, meter, worst_case)
            retries += 1
            if retries > s.max_retries:
                raise failure
            if wait is not None and wait > MAX_RETRY_AFTER:
                raise ServerFailed(
                    f"the server at {self.endpoint} asks to wait {wait:.0f} s before trying again: try again later"
                )
            meter.retry()
            self._sleep(wait if wait is not None else backoff_delay(retries, s.retry_backoff, rand=self._rand))

    def _reply(self, resp: Any, stage: str, meter: UsageMeter, worst_case: int) -> Reply:
        usage = getattr(resp, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion = int(getattr(usage, "completion_tokens", 0) or 0)
        self.budget.settle(worst_case, prompt + completion if usage is not None else worst_case)
        meter.call(stage, prompt, completion)
        choices = getattr(resp, "choices", None) or []
        if not choices:
            return Reply(None, None, prompt, completion)
        choice = choices[0]
        message = getattr(choice, "message", None)
        return Reply(getattr(message, "content", None), getattr(choice, "finish_reason", None), prompt, completion)

    def _status_failure(self, exc: Any, response_format: dict[str, Any] | None) -> tuple[BackendError, float | None]:
        """Return the failure to raise if retries run out, and the wait the server asks for; or raise now."""
        status = exc.status_code
        detail = _detail(exc)
        if response_format is not None and status in (400, 422, 500) and _about_format(detail):
            raise FormatUnsupported(detail)
        if status in (401, 403):
            raise AuthenticationFailed(
                f"the server at {self.endpoint} refused the API key ({status} {detail}): "
                f"{_key_hint(azure=bool(self.settings.azure_endpoint))}"
            )
        if status == 404:
            if "model" in detail.lower():
                raise ModelNotFound(
                    f"the server at {self.endpoint} has no model {self.model!r} (404): check --model "
                    f"(the server lists its models at {self.endpoint.rstrip('/')}/models)"
                )
            raise ConfigError(
                f"the server at {self.endpoint} answered 404 Not Found to a chat completion: check --base-url "
                "(for OpenAI-compatible servers it usually ends in /v1)"
            )
        if status in RETRYABLE_STATUS:
            headers = getattr(getattr(exc, "response", None), "headers", None)
            what = "rate limit" if status == 429 else "server error"
            return ServerFailed(
                f"the server at {self.endpoint} kept failing ({status} {what}: {detail}) after "
                f"{self.settings.max_retries} retries: try again later or raise --max-retries"
            ), retry_after(headers)
        raise BackendError(f"the server at {self.endpoint} refused the request ({status}): {detail}")


def _refuses_max_tokens(exc: Any) -> bool:
    """Return whether the server refused the ``max_tokens`` parameter itself (not its value).

    OpenAI says: 400 {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported
    with this model. Use 'max_completion_tokens' instead.", "param": "max_tokens", "code":
    "unsupported_parameter"}}. A value refused ("max_tokens is too large") is not this: the same
    value under the other name would be refused too.
    """
    if exc.status_code not in (400, 422):
        return False
    body = getattr(exc, "body", None)
    err = body.get("error", body) if isinstance(body, dict) else None
    if isinstance(err, dict) and err.get("param") == "max_tokens" and err.get("code") == "unsupported_parameter":
        return True
    d = _detail(exc).lower()
    return "max_tokens" in d and ("unsupported" in d or "not supported" in d)


def _about_format(detail: str) -> bool:
    d = detail.lower()
    return "response_format" in d or "json_schema" in d or "json_object" in d


def _detail(exc: Any) -> str:
    body = getattr(exc, "body", None)
    message = None
    if isinstance(body, dict):
        err = body.get("error", body)
        message = err.get("message") if isinstance(err, dict) else str(err)
    message = message or getattr(exc, "message", None) or str(exc)
    return " ".join(str(message).split())[:300]


def _cause(exc: BaseException) -> str:
    # The openai package says "Connection error."; the reason is in the chain.
    inner = exc.__cause__ or exc.__context__
    while inner is not None and (inner.__cause__ or inner.__context__) is not None and not str(inner):
        inner = inner.__cause__ or inner.__context__
    text = " ".join(str(inner or exc).split())
    return text[:200] or type(inner or exc).__name__
