"""When to try a call again and how long to wait first. Pure: the caller sleeps.

Waits grow exponentially with "equal jitter" (half the wait fixed, half random), so many clients
that failed together do not come back together. A server that says how long to wait
(``Retry-After``, or OpenAI's ``retry-after-ms``) is taken at its word, up to `MAX_RETRY_AFTER`.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping

# Statuses worth trying again: the request was fine, the server was not (yet).
RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
# Longest wait between retries we make up ourselves.
MAX_BACKOFF = 30.0
# Longest wait a server may ask for; past it we give up rather than hang the run.
MAX_RETRY_AFTER = 120.0


def backoff_delay(retry: int, base: float, *, rand: Callable[[], float] = random.random, cap: float = MAX_BACKOFF) -> float:
    """Return the seconds to wait before retry number ``retry`` (1 for the first)."""
    full = min(cap, base * 2 ** (retry - 1))
    return full / 2 + rand() * full / 2


def retry_after(headers: Mapping[str, str] | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Return the wait the server asks for in seconds, or None when it asks for none."""
    if not headers:
        return None
    lower = {k.lower(): v for k, v in headers.items()}
    ms = lower.get("retry-after-ms")
    if ms is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = lower.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:  # the other form the header may take: an HTTP date
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now())
