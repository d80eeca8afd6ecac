"""Counting what the model costs: calls and tokens per stage for one article, and the run's budget."""

from __future__ import annotations

import multiprocessing
import threading
from typing import Any

from ..errors import TokenBudgetExceeded
from ..models import StageUsage, Usage

USED, RESERVED = 0, 1  # the slots of TokenBudget's shared counts


class UsageMeter:
    """Counts the calls of one article; shared by the threads that brief its chunks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stages: dict[str, StageUsage] = {}
        self._retries = 0
        self._cached = 0

    def call(self, stage: str, prompt_tokens: int = 0, completion_tokens: int = 0) -> None:
        """Count one request sent to the server, with the tokens its reply reports."""
        with self._lock:
            s = self._stages.get(stage, StageUsage())
            self._stages[stage] = StageUsage(
                calls=s.calls + 1,
                prompt_tokens=s.prompt_tokens + prompt_tokens,
                completion_tokens=s.completion_tokens + completion_tokens,
            )

    def retry(self) -> None:
        """Count one request that repeats an earlier one (server error, timeout, unusable reply)."""
        with self._lock:
            self._retries += 1

    def cached(self) -> None:
        """Count one call answered from the cache."""
        with self._lock:
            self._cached += 1

    def usage(self, wall_seconds: float) -> Usage:
        """Return the counts so far as the `Usage` of the briefing."""
        with self._lock:
            stages = dict(self._stages)
            return Usage(
                calls=sum(s.calls for s in stages.values()),
                cached_calls=self._cached,
                prompt_tokens=sum(s.prompt_tokens for s in stages.values()),
                completion_tokens=sum(s.completion_tokens for s in stages.values()),
                retries=self._retries,
                wall_seconds=round(wall_seconds, 3),
                stages=stages,
            )


class TokenBudget:
    """The run's --max-tokens-total: a call is sent only if its worst case still fits.

    The worst case of a call is its prompt plus its whole output allowance. Calls in flight hold
    their worst case until their reply says what they really took, so concurrent calls cannot
    overshoot together. The counts live in shared memory under a process-safe lock, so the worker
    processes of a batch, forked with the run's backend, draw on this one budget instead of each
    on a copy of its own: the budget is the run's, whatever --jobs is.
    """

    def __init__(self, total: int | None) -> None:
        self.total = total
        # Made only when there is a budget: a run without one never pays for shared memory.
        self._counts = multiprocessing.RawArray("q", 2) if total is not None else None  # used, reserved
        try:
            self._lock: Any = multiprocessing.Lock() if total is not None else None
        except OSError:  # a sandbox without POSIX semaphores runs no worker processes either
            self._lock = threading.Lock()

    @property
    def used(self) -> int:
        """Return the tokens the run's calls have taken so far, by what the server reported."""
        return self._counts[USED] if self._counts is not None else 0

    def reserve(self, tokens: int) -> None:
        """Hold ``tokens`` for a call about to be sent, or raise TokenBudgetExceeded."""
        if self.total is None:
            return
        counts = self._counts
        with self._lock:
            used, reserved = counts[USED], counts[RESERVED]
            if used + reserved + tokens > self.total:
                left = max(0, self.total - used - reserved)
                held = f", {reserved} held by calls in flight" if reserved else ""
                raise TokenBudgetExceeded(
                    f"stopped before a call that could take {tokens} tokens: --max-tokens-total {self.total} "
                    f"leaves {left} ({used} used{held}); raise --max-tokens-total or shorten --max-output-tokens"
                )
            counts[RESERVED] = reserved + tokens

    def settle(self, reserved: int, used: int) -> None:
        """Replace a call's reservation by what it really took."""
        if self.total is None:
            return
        counts = self._counts
        with self._lock:
            counts[RESERVED] -= reserved
            counts[USED] += used
