"""Fault injection: unit tests of the injector, then each fault against a real sandbox."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from reconciler.sandbox.contract import Rejection
from reconciler.sandbox.faults import FaultInjector, Faults
from tests.conftest import SandboxProcess

Start = Callable[..., SandboxProcess]
STATIC = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "A drink."}


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rate_limit_refills_and_says_when_to_retry() -> None:
    clock = FakeMonotonic()
    injector = FaultInjector(Faults(rate_limit=2), seed=0, monotonic=clock)
    injector.admit()
    injector.admit()
    with pytest.raises(Rejection) as refused:
        injector.admit()
    assert refused.value.status == 429
    assert refused.value.headers == (("Retry-After", "1"),)
    assert refused.value.envelope()["error"]["retryable"] is True
    assert refused.value.message == "Too many requests: the limit is 2 per second."
    clock.now += 0.5  # one token back
    injector.admit()
    with pytest.raises(Rejection):
        injector.admit()


def test_slow_rate_limit_asks_for_a_longer_wait() -> None:
    clock = FakeMonotonic()
    injector = FaultInjector(Faults(rate_limit=0.25), seed=0, monotonic=clock)
    injector.admit()
    with pytest.raises(Rejection) as refused:
        injector.admit()
    assert refused.value.headers == (("Retry-After", "4"),)
    assert refused.value.context == {"retry_after": 4}


def test_fail_rate_draws_are_deterministic_per_seed() -> None:
    def outcomes(seed: int) -> list[str]:
        injector = FaultInjector(Faults(fail_rate=0.5), seed=seed)
        results = []
        for _ in range(40):
            try:
                injector.admit()
            except Rejection as rejection:
                results.append(rejection.code)
            else:
                results.append("ok")
        return results

    assert outcomes(3) == outcomes(3)
    assert outcomes(3) != outcomes(4)
    assert set(outcomes(3)) == {"ok", "server_error"}
    assert 5 < outcomes(3).count("server_error") < 35


def test_rates_zero_and_one_are_never_and_always() -> None:
    never = FaultInjector(Faults(), seed=0)
    always = FaultInjector(Faults(fail_rate=1, drop_after_commit=1), seed=0)
    assert not any(never.drop_answer() for _ in range(50))
    assert all(always.drop_answer() for _ in range(50))
    with pytest.raises(Rejection) as refused:
        always.admit()
    assert refused.value.envelope() == {
        "error": {
            "code": "server_error",
            "message": "Injected server error (sandbox fail rate).",
            "retryable": True,
            "context": {},
        }
    }


def test_latency_sleeps_the_configured_milliseconds() -> None:
    slept: list[float] = []
    injector = FaultInjector(Faults(latency_ms=250), seed=0, sleep=slept.append)
    injector.delay()
    injector.update({"latency_ms": 0})
    injector.delay()
    assert slept == [0.25]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"fail_rate": 1.5}, "fail_rate", "fail_rate: must be from 0 to 1."),
        ({"latency_ms": -1}, "latency_ms", "latency_ms: must be 0 or more."),
        ({"rate_limit": 0}, "rate_limit", "rate_limit: must be above 0."),
        ({"failure_rate": "high"}, "failure_rate", "failure_rate: must be a number."),
        ({"drop_after_commit": True}, "drop_after_commit", "drop_after_commit: must be a number."),
        ({"speed": 2}, "speed", "speed: not a fault setting."),
    ],
)
def test_invalid_settings_are_refused(
    changes: dict[str, object], field: str, message: str
) -> None:
    injector = FaultInjector(Faults(), seed=0)
    with pytest.raises(Rejection) as refused:
        injector.update(changes)
    assert (refused.value.code, refused.value.context["field"]) == ("bad_request", field)
    assert refused.value.message == message
    assert injector.faults == Faults()


def test_fail_rate_one_answers_500_and_queues_nothing(sandbox_server: Start) -> None:
    server = sandbox_server("--fail-rate", "1")
    response = server.client.post(
        f"{server.url}/generations", json=STATIC, headers=server.headers()
    )
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert response.json()["error"]["retryable"] is True
    stats = server.stats()
    assert (stats["batches"], stats["credits"]) == (0, 100_000)
    assert stats["requests_by_status"] == {"500": 1}


def test_rate_limit_answers_429_with_retry_after(sandbox_server: Start) -> None:
    server = sandbox_server("--rate-limit", "2/s")
    url, headers = f"{server.url}/models", server.headers()
    answers = [server.client.get(url, headers=headers) for _ in range(6)]
    limited = [a for a in answers if a.status_code == 429]
    assert limited, [a.status_code for a in answers]
    assert limited[0].headers["Retry-After"] == "1"
    assert limited[0].json()["error"]["code"] == "rate_limited"
    assert limited[0].json()["error"]["retryable"] is True
    time.sleep(int(limited[0].headers["Retry-After"]))
    assert server.client.get(url, headers=headers).status_code == 200


def test_dropped_answer_then_retry_replays(sandbox_server: Start) -> None:
    server = sandbox_server("--drop-after-commit", "1")
    headers = server.headers(**{"Idempotency-Key": "crv1-dropped"})
    with pytest.raises(httpx.RemoteProtocolError):
        server.client.post(f"{server.url}/generations", json=STATIC, headers=headers)
    committed = server.stats()
    assert (committed["batches"], committed["credits"]) == (1, 99_900)

    retry = server.client.post(f"{server.url}/generations", json=STATIC, headers=headers)
    assert retry.status_code == 200
    assert retry.json()["credits_deducted"] == 100
    stats = server.stats()
    record = stats["by_idempotency_key"]["crv1-dropped"]
    assert (record["batches"], record["outputs"]) == (1, 1)
    assert list(stats["by_idempotency_key"]) == ["crv1-dropped"]
    assert (stats["batches"], stats["credits"]) == (1, 99_900)
    assert stats["requests_by_status"] == {"200": 1, "dropped": 1}


def test_faults_change_at_run_time(sandbox_server: Start) -> None:
    server = sandbox_server()
    assert server.set_faults(fail_rate=1)["fail_rate"] == 1
    url, headers = f"{server.url}/models", server.headers()
    assert server.client.get(url, headers=headers).status_code == 500
    settings = server.set_faults(fail_rate=0, latency_ms=150)
    assert settings == {
        "latency_ms": 150,
        "fail_rate": 0,
        "rate_limit": None,
        "drop_after_commit": 0,
        "failure_rate": 0,
        "complete_after": 3,
    }
    started = time.monotonic()
    assert server.client.get(url, headers=headers).status_code == 200
    assert time.monotonic() - started >= 0.15
    refused = server.client.post(f"{server.root}/_sandbox/faults", json={"fail_rate": 2})
    assert refused.status_code == 400
    assert refused.json()["error"]["context"]["field"] == "fail_rate"
