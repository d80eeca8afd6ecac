"""The errors briefer raises on purpose, split by who has to act.

    BrieferError                      every expected failure; the CLI prints its message on one line
    ├── UsageError          (exit 2)  the command line is wrong: a flag, a missing argument
    ├── ConfigError         (exit 2)  a setting is wrong or missing: config file, environment, backend name
    ├── InputError          (exit 3)  one input cannot be briefed: unreadable, binary, empty, not found
    │   └── FetchError      (exit 3)  a URL could not be fetched
    └── BackendError        (exit 3)  the backend failed on an article (server down, reply unusable)

The exit code lives on the class, so the CLI handles every error in one place. An InputError or a
BackendError concerns one article: with several inputs the CLI reports it, goes on with the rest,
and exits 1 when some articles were briefed and 3 when none were. Anything that is not a
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
