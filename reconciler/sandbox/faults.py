"""Fault settings and their injection: latency, 5xx rate, rate limit, dropped answers."""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from reconciler.sandbox.contract import Rejection, bad_request

DEFAULT_COMPLETE_AFTER = 3.0


@dataclass(frozen=True)
class Faults:
    """What the sandbox does wrong on purpose, and how fast outputs finish.

    Rates are probabilities in [0, 1]; `rate_limit` is requests per second over all API
    requests (None: unlimited); `failure_rate` and `complete_after` apply to new outputs.
    """

    latency_ms: float = 0.0
    fail_rate: float = 0.0
    rate_limit: float | None = None
    drop_after_commit: float = 0.0
    failure_rate: float = 0.0
    complete_after: float = DEFAULT_COMPLETE_AFTER

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def updated(self, changes: Mapping[str, Any]) -> Faults:
        """These settings with `changes` applied, or a 400 `Rejection` naming the bad field."""
        known = {f.name for f in fields(self)}
        values: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in known:
                raise bad_request(
                    name, "unknown_field", f"{name}: not a fault setting.", allowed=sorted(known)
                )
            values[name] = _setting(name, value)
        return replace(self, **values)


def _setting(name: str, value: Any) -> float | None:
    if name == "rate_limit" and value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_request(name, "invalid_type", f"{name}: must be a number.")
    number = float(value)
    is_rate = name in ("fail_rate", "drop_after_commit", "failure_rate")
    if number < 0 or (is_rate and number > 1) or (name == "rate_limit" and number == 0):
        limits = "from 0 to 1" if is_rate else "above 0" if name == "rate_limit" else "0 or more"
        raise bad_request(name, "out_of_range", f"{name}: must be {limits}.")
    return number


class FaultInjector:
    """Applies the current `Faults`: one seeded random stream and one token bucket, locked."""

    def __init__(
        self,
        faults: Faults,
        *,
        seed: int,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._lock = threading.Lock()
        self._faults = faults
        self._random = random.Random(f"videotok-sandbox|{seed}|faults")
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = 0.0
        self._refilled = monotonic()
        self._reset_bucket()

    @property
    def faults(self) -> Faults:
        with self._lock:
            return self._faults

    def update(self, changes: Mapping[str, Any]) -> Faults:
        with self._lock:
            self._faults = self._faults.updated(changes)
            self._reset_bucket()
            return self._faults

    def admit(self) -> None:
        """Raise the 429 or 500 an API request gets before anything else happens to it."""
        with self._lock:
            wait = self._take_token()
            if wait is not None:
                retry_after = max(1, math.ceil(wait))
                raise Rejection(
                    "rate_limited",
                    f"Too many requests: the limit is {self._faults.rate_limit:g} per second.",
                    {"retry_after": retry_after},
                    headers=(("Retry-After", str(retry_after)),),
                )
            if self._draw(self._faults.fail_rate):
                raise Rejection("server_error", "Injected server error (sandbox fail rate).")

    def delay(self) -> None:
        """Sleep the configured latency (outside the lock, so requests overlap)."""
        latency = self.faults.latency_ms
        if latency > 0:
            self._sleep(latency / 1000)

    def drop_answer(self) -> bool:
        """Whether to close the connection instead of answering a committed batch."""
        with self._lock:
            return self._draw(self._faults.drop_after_commit)

    def _draw(self, rate: float) -> bool:
        # No draw at 0 or 1: the stream then depends only on requests that could go either way.
        if rate <= 0:
            return False
        return rate >= 1 or self._random.random() < rate

    def _reset_bucket(self) -> None:
        limit = self._faults.rate_limit
        self._tokens = max(1.0, limit) if limit is not None else 0.0
        self._refilled = self._monotonic()

    def _take_token(self) -> float | None:
        """None when admitted; otherwise the seconds until a token is available."""
        limit = self._faults.rate_limit
        if limit is None:
            return None
        now = self._monotonic()
        capacity = max(1.0, limit)
        self._tokens = min(capacity, self._tokens + (now - self._refilled) * limit)
        self._refilled = now
        if self._tokens >= 1:
            self._tokens -= 1
            return None
        return (1 - self._tokens) / limit
