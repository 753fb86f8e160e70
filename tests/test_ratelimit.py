"""Tests for reconciler.ratelimit: steady pace, shared pause on 429, AIMD recovery."""

from __future__ import annotations

import threading

import pytest

from reconciler.ratelimit import RateLimiter


class FakeTime:
    """A clock that only moves when someone sleeps; thread-safe."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def limiter(time: FakeTime, rate: float | None = None, **kwargs: float) -> RateLimiter:
    return RateLimiter(rate, clock=time.clock, sleep=time.sleep, **kwargs)


def test_unlimited_never_waits() -> None:
    time = FakeTime()
    limit = limiter(time)
    assert [limit.acquire() for _ in range(5)] == [0.0] * 5
    assert time.sleeps == []
    assert limit.rate is None


def test_steady_rate_spaces_requests() -> None:
    time = FakeTime()
    limit = limiter(time, 2.0)
    assert [limit.acquire() for _ in range(4)] == [0.0, 0.5, 0.5, 0.5]
    assert time.now == 1.5


def test_burst_allows_that_many_at_once_then_the_rate() -> None:
    time = FakeTime()
    limit = limiter(time, 4.0, burst=3.0)
    assert [limit.acquire() for _ in range(4)] == [0.0, 0.0, 0.0, 0.25]


def test_idle_time_refills_the_bucket_up_to_burst_only() -> None:
    time = FakeTime()
    limit = limiter(time, 1.0, burst=2.0)
    limit.acquire()
    limit.acquire()
    time.now += 100.0
    assert [limit.acquire() for _ in range(3)] == [0.0, 0.0, 1.0]


def test_pause_makes_the_next_request_wait_and_halves_the_rate() -> None:
    time = FakeTime()
    limit = limiter(time, 8.0)
    limit.acquire()
    limit.pause(5.0)
    assert limit.paused_until == 5.0
    assert limit.rate == 4.0
    # One request may go when the pause ends, the next follows at the lowered rate.
    assert limit.acquire() == 5.0
    assert limit.acquire() == 0.25


def test_pause_is_never_shortened_and_cuts_the_rate_once_per_pause() -> None:
    time = FakeTime()
    limit = limiter(time, 8.0)
    limit.pause(10.0)
    limit.pause(3.0)  # the same 429 burst, reported by another worker
    limit.pause(12.0)
    assert limit.paused_until == 12.0
    assert limit.rate == 4.0
    time.now = 12.0
    limit.pause(1.0)  # a new 429 after the pause: a new cut
    assert limit.rate == 2.0


def test_without_a_rate_the_cut_starts_from_the_observed_pace() -> None:
    time = FakeTime()
    limit = limiter(time)
    for _ in range(5):
        limit.acquire()
        time.now += 0.25  # 4 requests per second over 1.25 s
    limit.pause(1.0)
    assert limit.rate == 2.0


def test_a_burst_of_first_requests_counts_over_at_least_a_second() -> None:
    time = FakeTime()
    limit = limiter(time)
    for _ in range(6):
        limit.acquire()
    limit.pause(1.0)
    assert limit.rate == 3.0


def test_without_a_rate_or_observations_the_cut_starts_from_the_fallback() -> None:
    time = FakeTime()
    limit = limiter(time, fallback_rate=3.0)
    limit.pause(0.0)
    assert limit.rate == 1.5


def test_old_observations_are_not_the_current_pace() -> None:
    time = FakeTime()
    limit = limiter(time, fallback_rate=3.0)
    for _ in range(5):
        limit.acquire()
        time.now += 0.25
    time.now += 60.0
    limit.acquire()
    limit.pause(0.0)
    assert limit.rate == 0.5  # one request in the last second; counting the old ones gives 0.2


def test_rate_never_drops_below_the_floor() -> None:
    time = FakeTime()
    limit = limiter(time, 1.0, min_rate=0.4)
    for _ in range(3):
        limit.pause(0.0)
    assert limit.rate == 0.4


def test_success_recovers_additively_up_to_the_ceiling() -> None:
    time = FakeTime()
    limit = limiter(time, 8.0, increase=1.0)
    limit.pause(0.0)
    assert limit.rate == 4.0
    limit.success()
    assert limit.rate == 4.25  # + increase / rate
    for _ in range(100):
        limit.success()
    assert limit.rate == 8.0


def test_success_while_unlimited_stays_unlimited() -> None:
    limit = limiter(FakeTime())
    limit.success()
    assert limit.rate is None


@pytest.mark.parametrize(("rate", "burst"), [(0.0, 1.0), (-1.0, 1.0), (1.0, 0.5)])
def test_rejects_nonsense_settings(rate: float, burst: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        RateLimiter(rate, burst=burst)


def test_a_pause_holds_every_worker_thread() -> None:
    workers = 4
    time = FakeTime()
    arrived = threading.Barrier(workers, timeout=10)
    first_sleeps: list[float] = []
    released_at: list[float] = []
    lock = threading.Lock()
    local = threading.local()

    def sleep(seconds: float) -> None:
        if not getattr(local, "slept", False):
            local.slept = True
            # Time stands still until every worker has been told to wait for the pause.
            arrived.wait()
            with lock:
                first_sleeps.append(seconds)
        time.sleep(seconds)

    limit = RateLimiter(clock=time.clock, sleep=sleep)
    limit.pause(5.0)

    def worker() -> None:
        limit.acquire()
        with lock:
            released_at.append(time.clock())

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert first_sleeps == [5.0] * workers
    assert len(released_at) == workers
    assert min(released_at) >= 5.0


def test_a_steady_rate_is_shared_by_threads() -> None:
    time = FakeTime()
    limit = limiter(time, 10.0)
    granted: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            limit.acquire()
            with lock:
                granted.append(time.clock())

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(granted) == 20
    # The fake clock only moves by sleeping, so 20 grants at 10/s need 1.9 s of sleeping.
    assert time.now >= 1.9 - 1e-9
