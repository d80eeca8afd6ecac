"""The errors briefer raises on purpose, split by who has to act.

    BrieferError                      every expected failure; the CLI prints its message on one line
    ├── UsageError          (exit 2)  the command line is wrong: a flag, a missing argument
    ├── ConfigError         (exit 2)  a setting is wrong or missing: config file, environment, backend name
    │   ├── MissingSetting            a setting the backend needs is not set (model, API key)
    │   ├── AuthenticationFailed      the server refused the API key (401/403)
    │   └── ModelNotFound             the server does not know the model (404)
    ├── InputError          (exit 3)  one input cannot be briefed: unreadable, binary, empty, not found
    │   └── FetchError      (exit 3)  a URL could not be fetched
    └── BackendError        (exit 3)  the backend failed on an article (server down, reply unusable)
        ├── ServerUnreachable         no connection to the server, or it dropped it, after retries
        ├── ServerTimeout             the server did not answer within --timeout, after retries
        ├── ServerFailed              the server kept answering 429 or 5xx
        ├── UnusableReply             the model's reply stayed unusable after re-asking
        └── TokenBudgetExceeded       the next call would pass --max-tokens-total

The exit code lives on the class, so the CLI handles every error in one place. A ConfigError met
while briefing (a refused key, an unknown model) stops a batch: the next article would meet it too. An InputError or a
BackendError concerns one article: with several inputs the CLI reports it, goes on with the rest,
and exits 1 when some articles were briefed (or skipped as written before) and 3 when every one
failed. Anything that is not a
BrieferError is a bug and keeps its traceback (the CLI shows it with --debug).
"""

from __future__ import annotations


class BrieferError(Exception):
    """An expected failure whose message tells the user what to do next."""

    exit_code: int = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        if self.source and self.source not in self.message:
            return f"{self.source}: {self.message}"
        return self.message


class UsageError(BrieferError):
    """The command line asks for something briefer cannot do."""

    exit_code = 2


class ConfigError(BrieferError):
    """A setting is missing or invalid."""

    exit_code = 2


class InputError(BrieferError):
    """One input cannot be read or holds no article."""

    exit_code = 3


class FetchError(InputError):
    """A URL could not be fetched."""


class BackendError(BrieferError):
    """The backend could not produce a briefing for an article."""

    exit_code = 3


class MissingSetting(ConfigError):
    """A setting the backend needs has no value; the message names the flag and variable to set."""


class AuthenticationFailed(ConfigError):
    """The server refused the API key."""


class ModelNotFound(ConfigError):
    """The server does not serve the model asked for."""


class ServerUnreachable(BackendError):
    """The server could not be reached, or it dropped the connection, every time it was tried."""


class ServerTimeout(BackendError):
    """The server did not answer in time, every time it was tried."""


class ServerFailed(BackendError):
    """The server kept answering with an error (rate limit, server error)."""


class UnusableReply(BackendError):
    """The model's reply could not be used, even after re-asking."""


class TokenBudgetExceeded(BackendError):
    """The next call could take the run past --max-tokens-total."""
