"""In-process rate limiting (GCRA: one timestamp per key, bursts up to ``limit``).

Each instance limits on its own; behind a load balancer with N instances the
effective limit is at most N times as high, which is acceptable for login and
write throttling (noted for operators in the README).
"""

import math
import time
from collections.abc import Callable

from mungmo.platform.errors import RateLimited


class RateLimiter:
    def __init__(
        self,
        limit: int,
        period_seconds: float,
        *,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._interval = period_seconds / limit
        self._tolerance = period_seconds - self._interval
        self._now = now
        self._arrivals: dict[str, float] = {}
        self._next_prune = 0.0

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may act again (0 when it may act now)."""
        now = self._now()
        tat = max(self._arrivals.get(key, now), now)
        return max(0.0, tat - now - self._tolerance)

    def check(self, key: str) -> None:
        wait = self.retry_after(key)
        if wait > 0:
            raise RateLimited(math.ceil(wait))

    def hit(self, key: str) -> None:
        """Counts one action; raises ``RateLimited`` when over the limit."""
        self.check(key)
        now = self._now()
        self._arrivals[key] = max(self._arrivals.get(key, now), now) + self._interval
        self._prune(now)

    def reset(self, key: str) -> None:
        self._arrivals.pop(key, None)

    def _prune(self, now: float) -> None:
        if now < self._next_prune:
            return
        self._next_prune = now + 60
        for key in [k for k, tat in self._arrivals.items() if tat <= now]:
            del self._arrivals[key]
