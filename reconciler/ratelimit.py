"""A rate limiter shared by every worker of a run: steady pace, shared pause, AIMD on 429."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

#: Seconds of recent requests used to estimate the pace the server just refused.
OBSERVATION_WINDOW = 10.0


class RateLimiter:
    """Paces requests across threads and backs off together when the server says 429.

    - `rate` (requests per second, None for no limit) is the ceiling; a token bucket of `burst`
      tokens enforces the current rate.
    - `pause(seconds)` (on a 429): every caller of `acquire` waits until that moment, and the
      current rate is cut by `decrease` (multiplicative), once per pause however many workers
      report the same 429 burst. With no rate set, the cut starts from the pace observed over
      the last `OBSERVATION_WINDOW` seconds (or `fallback_rate` when none was seen).
    - `success()` (on any other answer) raises the rate by about `increase` requests per second
      for every second of successful traffic (additive), up to the ceiling, so a run settles just
      under a server's limit instead of hammering it.
    """

    def __init__(
        self,
        rate: float | None = None,
        *,
        burst: float = 1.0,
        min_rate: float = 0.2,
        fallback_rate: float = 1.0,
        decrease: float = 0.5,
        increase: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate is not None and not rate > 0:
            raise ValueError("rate must be positive (or None for no limit)")
        if not burst >= 1:
            raise ValueError("burst must be at least 1")
        self._ceiling = rate
        self._rate = rate
        self._burst = burst
        self._min_rate = min_rate
        self._fallback_rate = fallback_rate
        self._decrease = decrease
        self._increase = increase
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tokens = burst
        self._updated = clock()
        self._paused_until = -math.inf
        # Enough to measure a fast pace over the whole window, not just its last moments.
        self._recent: deque[float] = deque(maxlen=4096)

    @property
    def rate(self) -> float | None:
        """The current pace in requests per second; None while unlimited."""
        with self._lock:
            return self._rate

    @property
    def paused_until(self) -> float:
        """Clock time before which no worker sends; -inf when never paused."""
        with self._lock:
            return self._paused_until

    def acquire(self) -> float:
        """Block until this caller may send a request; return the seconds spent waiting."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                wait = self._reserve(now)
                if wait <= 0:
                    self._recent.append(now)
                    return waited
            # Sleep outside the lock, then look again: a pause may have begun meanwhile.
            self._sleep(wait)
            waited += wait

    def pause(self, seconds: float) -> None:
        """Stop every worker for `seconds` from now and slow the pace (the server said 429)."""
        with self._lock:
            now = self._clock()
            already_paused = now < self._paused_until
            self._paused_until = max(self._paused_until, now + max(0.0, seconds))
            # Tokens do not pile up during the pause: exactly one request may go when it ends.
            self._tokens = 1.0
            self._updated = max(self._updated, self._paused_until)
            if not already_paused:
                self._slow_down(now)

    def success(self) -> None:
        """Record an answer that was not a 429: creep back towards the ceiling."""
        with self._lock:
            if self._rate is None:
                return
            raised = self._rate + self._increase / self._rate
            if self._ceiling is not None:
                raised = min(raised, self._ceiling)
            self._rate = raised

    def _reserve(self, now: float) -> float:
        if now < self._paused_until:
            return self._paused_until - now
        if self._rate is None:
            return 0.0
        self._refill(now)
        # The tolerance absorbs float rounding: waits of 1e-17 s would never end on a fake clock.
        if self._tokens >= 1.0 - 1e-9:
            self._tokens = max(0.0, self._tokens - 1.0)
            return 0.0
        return (1.0 - self._tokens) / self._rate

    def _refill(self, now: float) -> None:
        if self._rate is not None and now > self._updated:
            self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = max(self._updated, now)

    def _slow_down(self, now: float) -> None:
        current = self._rate or self._observed_rate(now) or self._fallback_rate
        slowed = max(self._min_rate, current * self._decrease)
        if self._ceiling is not None:
            slowed = min(slowed, self._ceiling)
        self._rate = slowed

    def _observed_rate(self, now: float) -> float | None:
        recent = [t for t in self._recent if now - t <= OBSERVATION_WINDOW]
        if not recent:
            return None
        # At least a second of span: a burst of simultaneous first requests is no pace at all.
        return len(recent) / max(1.0, now - recent[0])
