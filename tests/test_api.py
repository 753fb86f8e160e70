"""Tests for reconciler.api: requests, retries, backoff, typed errors, and a key kept secret."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from reconciler import __version__
from reconciler.api import RetryPolicy, VideotokClient
from reconciler.errors import ApiError
from reconciler.model import Generation
from reconciler.ratelimit import RateLimiter

BASE = "https://videotok.test/api/v1"
KEY = "vt_test_Sup3rSecretKey0123456789"
IDEM = "crv1-0123456789abcdef0123456789abcdef01234567"
PAYLOAD = {"type": "static_ad", "prompt": "Premium ad for a collagen drink.", "request_count": 2}
BATCH = {
    "object": "generation_batch",
    "status": "queued",
    "generations": [{"id": "g-1", "status": "queued"}, {"id": "g-2", "status": "queued"}],
    "credits_deducted": 200,
    "remaining_credits": 45000,
}
NOW = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)

Step = httpx.Response | type[httpx.TransportError]


class FakeTime:
    """Monotonic clock that moves only when the client sleeps (or a request takes time)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Server:
    """Answers each request with the next scripted step; records every request."""

    def __init__(self, *steps: Step, took: float = 0.0, time: FakeTime | None = None) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.took = took
        self.time = time

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.time is not None:
            self.time.now += self.took
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if isinstance(step, httpx.Response):
            return step
        raise step("simulated failure", request=request)


def error(status: int, code: str, message: str, **extra: Any) -> httpx.Response:
    headers = extra.pop("headers", {})
    body = {"error": {"code": code, "message": message, **extra}}
    return httpx.Response(status, json=body, headers=headers)


def make_client(
    server: Server,
    time: FakeTime,
    *,
    uniform: float = 0.5,
    retry: RetryPolicy | None = None,
    limiter: RateLimiter | None = None,
    base_url: str = BASE,
    sleep: Callable[[float], None] | None = None,
    **kwargs: Any,
) -> VideotokClient:
    server.time = time
    return VideotokClient(
        base_url,
        KEY,
        transport=httpx.MockTransport(server),
        retry=retry or RetryPolicy(),
        limiter=limiter,
        sleep=sleep or time.sleep,
        clock=time.clock,
        random=lambda: uniform,
        utcnow=lambda: NOW,
        **kwargs,
    )


def post(client: VideotokClient) -> Any:
    return client.create_generations(PAYLOAD, IDEM)


def raised(call: Callable[[], object]) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call()
    return caught.value


# --- requests --------------------------------------------------------------------------------


@pytest.mark.parametrize("base_url", [BASE, BASE + "/"])
def test_create_generations_sends_the_documented_request(base_url: str) -> None:
    time = FakeTime()
    server = Server(httpx.Response(201, json=BATCH))
    with make_client(server, time, base_url=base_url) as client:
        result = post(client)
    (request,) = server.requests
    assert request.method == "POST"
    assert str(request.url) == "https://videotok.test/api/v1/generations"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["Idempotency-Key"] == IDEM
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert json.loads(request.content) == PAYLOAD  # no idempotency_key added to the body
    assert result.generations == (Generation(id="g-1"), Generation(id="g-2"))
    assert (result.credits_deducted, result.remaining_credits) == (200, 45000)
    assert time.sleeps == []


def test_user_agent_carries_the_version_and_can_be_replaced() -> None:
    server = Server(httpx.Response(200, json={"static_ads": []}))
    with make_client(server, FakeTime()) as client:
        client.list_models()
    with make_client(server, FakeTime(), user_agent="custom/1") as client:
        client.list_models()
    agents = [r.headers["User-Agent"] for r in server.requests]
    assert agents == [f"videotok-reconciler/{__version__} (+python-httpx)", "custom/1"]


def test_get_generation_quotes_the_id_into_the_path() -> None:
    body = {"id": "a/b", "status": "completed", "url": "https://cdn/x.png"}
    server = Server(httpx.Response(200, json=body))
    with make_client(server, FakeTime()) as client:
        generation = client.get_generation("a/b")
    assert server.requests[0].url.raw_path == b"/api/v1/generations/a%2Fb"
    assert "Idempotency-Key" not in server.requests[0].headers
    assert generation == Generation(id="a/b", status="completed", url="https://cdn/x.png")


def test_models_and_assets_come_back_as_raw_objects() -> None:
    server = Server(httpx.Response(200, json={"static_ads": [{"slug": "p", "new": 1}]}))
    with make_client(server, FakeTime()) as client:
        assert client.list_models() == {"static_ads": [{"slug": "p", "new": 1}]}
        assert client.list_assets() == {"static_ads": [{"slug": "p", "new": 1}]}
    assert [r.url.path for r in server.requests] == ["/api/v1/models", "/api/v1/assets"]


def test_a_list_where_an_object_belongs_is_a_clear_error() -> None:
    server = Server(httpx.Response(200, json=[1, 2]))
    with make_client(server, FakeTime()) as client:
        err = raised(client.list_assets)
    assert err.code == "unexpected_response"
    assert err.status == 200
    assert err.message == "Videotok answered a JSON list where an object was expected: [1, 2]"


# --- retries ---------------------------------------------------------------------------------


def test_5xx_is_retried_with_full_jitter_and_the_same_key() -> None:
    time = FakeTime()
    server = Server(
        error(503, "server_error", "busy"),
        error(500, "server_error", "oops"),
        httpx.Response(201, json=BATCH),
    )
    with make_client(server, time, uniform=0.5) as client:
        result = post(client)
    assert time.sleeps == [0.25, 0.5]  # 0.5 * min(20, 0.5 * 2**n) for n = 0, 1
    assert [r.headers["Idempotency-Key"] for r in server.requests] == [IDEM] * 3
    assert len({r.content for r in server.requests}) == 1
    assert len(result.generations) == 2


def test_attempts_are_bounded_and_the_last_error_says_what_to_do() -> None:
    time = FakeTime()
    server = Server(error(503, "server_error", "first"), error(502, "server_error", "last"))
    with make_client(server, time, uniform=1.0) as client:
        err = raised(lambda: post(client))
    assert len(server.requests) == 6
    assert time.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]
    assert err.render() == (
        "Videotok API error server_error (HTTP 502): last\n"
        "Gave up after 6 attempts over 15.5 s; the batch may or may not have been accepted: "
        "re-run apply, the same idempotency key makes that safe."
    )


def test_backoff_is_capped() -> None:
    time = FakeTime()
    server = Server(error(503, "server_error", "busy"))
    policy = RetryPolicy(max_attempts=6, base=1.0, cap=3.0, max_elapsed=1000.0)
    with make_client(server, time, uniform=1.0, retry=policy) as client:
        raised(client.list_models)
    assert time.sleeps == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_total_time_is_bounded_including_time_spent_waiting_for_answers() -> None:
    time = FakeTime()
    server = Server(error(503, "server_error", "busy"), took=5.0)
    policy = RetryPolicy(max_attempts=10, base=10.0, cap=100.0, max_elapsed=60.0)
    with make_client(server, time, uniform=1.0, retry=policy) as client:
        err = raised(client.list_models)
    # 5 s answer, 10 s wait, 5 s answer, 20 s wait, 5 s answer: 45 s; a 40 s wait would pass 60.
    assert time.sleeps == [10.0, 20.0]
    assert len(server.requests) == 3
    assert err.hint == (
        "Gave up after 3 attempts over 45.0 s (waiting 40.0 s more would pass the 60 s limit); "
        "try again later."
    )


def test_retry_after_seconds_is_honoured_as_a_minimum() -> None:
    time = FakeTime()
    server = Server(
        error(429, "rate_limited", "slow down", headers={"Retry-After": "7"}),
        error(429, "rate_limited", "slow down", headers={"Retry-After": "0"}),
        httpx.Response(201, json=BATCH),
    )
    with make_client(server, time, uniform=0.5) as client:
        post(client)
    assert time.sleeps == [7.0, 0.5]  # the server's 7 s; then the backoff, longer than 0 s


def test_retry_after_http_date_is_honoured() -> None:
    time = FakeTime()
    in_twelve_seconds = {"Retry-After": "Wed, 01 Jan 2025 12:00:12 GMT"}
    server = Server(
        error(503, "server_error", "maintenance", headers=in_twelve_seconds),
        httpx.Response(200, json={"id": "g-1", "status": "processing"}),
    )
    with make_client(server, time) as client:
        assert client.get_generation("g-1").status == "processing"
    assert time.sleeps == [12.0]


def test_a_retry_after_beyond_the_time_budget_gives_up_at_once() -> None:
    time = FakeTime()
    server = Server(error(429, "rate_limited", "quota", headers={"Retry-After": "600"}))
    with make_client(server, time) as client:
        err = raised(lambda: post(client))
    assert time.sleeps == []
    assert err.code == "rate_limited"
    assert err.hint == (
        "Gave up after 1 attempt over 0.0 s (waiting 600.0 s more would pass the 120 s limit); "
        "the batch may or may not have been accepted: re-run apply, the same idempotency key "
        "makes that safe."
    )


def test_a_429_pauses_every_worker_sharing_the_limiter() -> None:
    time = FakeTime()
    limiter = RateLimiter(8.0, clock=time.clock, sleep=time.sleep)
    other_worker_waited: list[float] = []

    def sleep(seconds: float) -> None:
        # While this worker backs off, another worker of the run asks to send.
        other_worker_waited.append(limiter.acquire())
        time.sleep(seconds)

    server = Server(
        error(429, "rate_limited", "slow down", headers={"Retry-After": "3"}),
        httpx.Response(201, json=BATCH),
    )
    with make_client(server, time, limiter=limiter, sleep=sleep) as client:
        post(client)
    assert other_worker_waited == [3.0]
    assert time.sleeps == [3.0, 3.0]  # the other worker's pause, then this worker's back-off
    assert limiter.rate == 4.0 + 0.1 / 4.0  # halved on the 429, then one success


def test_409_still_processing_is_retried_with_the_same_key() -> None:
    time = FakeTime()
    server = Server(
        error(409, "idempotency_conflict", "still processing", context={"reason": "processing"}),
        error(409, "idempotency_conflict", "A request with this key is in progress"),
        httpx.Response(200, json=BATCH),
    )
    with make_client(server, time, uniform=1.0) as client:
        result = post(client)
    assert time.sleeps == [0.5, 1.0]
    assert [r.headers["Idempotency-Key"] for r in server.requests] == [IDEM] * 3
    assert result.credits_deducted == 200


def test_409_different_payload_is_raised_at_once() -> None:
    time = FakeTime()
    server = Server(
        error(409, "idempotency_conflict", "Key reused", context={"reason": "payload_mismatch"})
    )
    with make_client(server, time) as client:
        err = raised(lambda: post(client))
    assert len(server.requests) == 1
    assert time.sleeps == []
    assert err.render() == (
        "Videotok API error idempotency_conflict (HTTP 409): Key reused "
        "[reason=payload_mismatch]\n"
        "This idempotency key was already used with a different payload (did a manifest change "
        "mid-run, or did two keys collide?); nothing new was queued."
    )


@pytest.mark.parametrize(
    ("response", "code", "hint"),
    [
        (
            error(400, "bad_request", "prompt is required", context={"field": "prompt"}),
            "bad_request",
            None,
        ),
        (
            error(401, "invalid_api_key", "expired"),
            "invalid_api_key",
            "Set VIDEOTOK_API_KEY to a valid workspace API key: "
            "this one is missing, invalid or expired.",
        ),
        (
            error(403, "forbidden", "scope", context={"required_scope": "generations:write"}),
            "forbidden",
            "The API key lacks the generations:write scope this call needs: "
            "use a key that has it.",
        ),
        (
            error(
                402,
                "insufficient_credits",
                "Not enough credits",
                context={"credits_required": 300, "credits_available": 120},
            ),
            "insufficient_credits",
            "Required 300 credits, available 120: add credits to the workspace or queue fewer "
            "outputs.",
        ),
        (
            error(402, "payment_required", "upgrade"),
            "payment_required",
            "The Videotok workspace must be on a paid plan to use the API.",
        ),
        (
            error(409, "idempotency_conflict", "conflict"),
            "idempotency_conflict",
            "The API refused the idempotency key without saying why; nothing new was queued.",
        ),
        (
            error(404, "not_found", "no route"),
            "not_found",
            "Check VIDEOTOK_API_URL: the server has no such endpoint.",
        ),
    ],
    ids=["400", "401", "403", "402-credits", "402-plan", "409-unknown", "404"],
)
def test_client_errors_are_never_retried(response: httpx.Response, code: str, hint: str) -> None:
    time = FakeTime()
    server = Server(response)
    with make_client(server, time) as client:
        err = raised(lambda: post(client))
    assert len(server.requests) == 1
    assert time.sleeps == []
    assert (err.code, err.status, err.retryable, err.hint) == (
        code,
        response.status_code,
        False,
        hint,
    )


def test_the_error_envelope_becomes_the_error_fields() -> None:
    context = {"field": "template_slug"}
    server = Server(
        error(400, "bad_request", "Unknown template", retryable=False, context=context)
    )
    with make_client(server, FakeTime()) as client:
        err = raised(lambda: post(client))
    assert err.render() == (
        "Videotok API error bad_request (HTTP 400): Unknown template [field=template_slug]"
    )
    assert err.context == {"field": "template_slug"}


def test_403_names_the_default_scope_per_method_and_404_of_a_generation() -> None:
    server = Server(error(403, "forbidden", "no scope"))
    with make_client(server, FakeTime()) as client:
        assert raised(client.list_models).hint == (
            "The API key lacks the generations:read scope this call needs: use a key that has it."
        )
    server = Server(error(404, "not_found", "no such generation"))
    with make_client(server, FakeTime()) as client:
        assert raised(lambda: client.get_generation("g-9")).hint == (
            "It is not in this API key's workspace (wrong workspace or key?)."
        )


def test_a_5xx_the_server_calls_final_is_not_retried() -> None:
    server = Server(error(503, "maintenance", "read only", retryable=False))
    with make_client(server, FakeTime()) as client:
        assert raised(client.list_models).code == "maintenance"
    assert len(server.requests) == 1


# --- transport failures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError],
)
def test_connection_failures_are_retried_with_the_same_key(
    failure: type[httpx.TransportError],
) -> None:
    time = FakeTime()
    server = Server(failure, httpx.Response(201, json=BATCH))
    with make_client(server, time) as client:
        assert len(post(client).generations) == 2
    assert time.sleeps == [0.25]
    assert [r.headers["Idempotency-Key"] for r in server.requests] == [IDEM, IDEM]


def test_a_dropped_connection_is_translated_after_the_last_attempt() -> None:
    time = FakeTime()
    server = Server(httpx.RemoteProtocolError)
    with make_client(server, time, retry=RetryPolicy(max_attempts=2)) as client:
        err = raised(lambda: post(client))
    assert (err.code, err.status, err.retryable) == ("connection_error", None, True)
    assert isinstance(err.__cause__, httpx.RemoteProtocolError)
    assert err.render() == (
        "Videotok API error connection_error (no response): The connection to videotok.test "
        "failed during POST /generations: simulated failure\n"
        "Gave up after 2 attempts over 0.2 s; the batch may or may not have been accepted: "
        "re-run apply, the same idempotency key makes that safe."
    )


@pytest.mark.parametrize("failure", [httpx.ReadTimeout, httpx.ConnectTimeout, httpx.PoolTimeout])
def test_timeouts_are_translated_and_retried(failure: type[httpx.TransportError]) -> None:
    time = FakeTime()
    server = Server(failure)
    with make_client(server, time, timeout=12.0, retry=RetryPolicy(max_attempts=3)) as client:
        err = raised(lambda: client.get_generation("g-1"))
    assert len(server.requests) == 3
    assert (err.code, err.status, err.retryable) == ("timeout", None, True)
    assert isinstance(err.__cause__, failure)
    assert err.message == (
        f"No answer from Videotok to GET /generations/g-1 within 12 s ({failure.__name__})."
    )
    assert err.hint == "Gave up after 3 attempts over 0.8 s; try again later."


# --- answers that cannot be read -------------------------------------------------------------


def test_a_2xx_that_is_not_json_keeps_the_batch_pending() -> None:
    server = Server(httpx.Response(201, text="<html>Created</html>"))
    with make_client(server, FakeTime()) as client:
        err = raised(lambda: post(client))
    assert len(server.requests) == 1
    assert err.render() == (
        "Videotok API error unexpected_response (HTTP 201): Videotok answered HTTP 201 with a "
        "body that is not JSON: <html>Created</html>\n"
        "The API answered HTTP 201, so the batch was probably accepted; it stays pending and "
        "re-running apply replays it with the same idempotency key. If this persists, the "
        "API's answer format has changed: please report it."
    )


def test_a_2xx_without_generations_is_a_clear_error() -> None:
    server = Server(httpx.Response(201, json={"status": "queued"}))
    with make_client(server, FakeTime()) as client:
        err = raised(lambda: post(client))
    assert err.code == "unexpected_response"
    assert err.status == 201
    assert err.message == (
        "Videotok answered in a shape this version does not understand: no `generations` list "
        '(nor `data` / `items`). Response: {"status": "queued"}'
    )


# --- the key stays secret --------------------------------------------------------------------


def test_the_key_never_shows_in_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    time = FakeTime()
    server = Server(
        error(503, "server_error", f"upstream rejected Bearer {KEY}"),
        httpx.RemoteProtocolError,
        error(401, "invalid_api_key", f"Key {KEY} is expired", context={"key": KEY}),
    )
    client = make_client(server, time)
    err = raised(lambda: post(client))
    client.close()
    assert KEY not in repr(client)
    assert repr(client) == "VideotokClient(base_url='https://videotok.test/api/v1')"
    assert KEY not in str(err)
    assert KEY not in err.render()
    assert err.render() == (
        "Videotok API error invalid_api_key (HTTP 401): Key *** is expired [key=***]\n"
        "Set VIDEOTOK_API_KEY to a valid workspace API key: this one is missing, invalid or "
        "expired."
    )
    assert KEY not in caplog.text
    assert [r.getMessage() for r in caplog.records if r.name == "reconciler.api"] == [
        "POST /generations -> 503 (attempt 1/6, 0.00 s)",
        "POST /generations: retrying in 0.25 s",
        "POST /generations -> connection_error (attempt 2/6, 0.00 s)",
        "POST /generations: retrying in 0.50 s",
        "POST /generations -> 401 (attempt 3/6, 0.00 s)",
    ]


@pytest.mark.parametrize(
    ("key", "code", "message"),
    [
        (
            KEY + "\n",
            "invalid_api_key",
            "The Videotok API key contains whitespace or a line break, so it cannot be sent.",
        ),
        (
            "vt_test_ab cd",
            "invalid_api_key",
            "The Videotok API key contains whitespace or a line break, so it cannot be sent.",
        ),
        (
            "vt_test_clé",
            "invalid_api_key",
            "The Videotok API key contains characters that are not printable ASCII.",
        ),
        ("", "unauthorized", "No Videotok API key was given."),
    ],
)
def test_unusable_keys_are_refused_without_echoing_them(key: str, code: str, message: str) -> None:
    err = raised(lambda: VideotokClient(BASE, key))
    assert (err.code, err.message) == (code, message)
    if key.strip():
        assert key.strip() not in err.render()


@pytest.mark.parametrize("base_url", ["videotok.app/api/v1", "ftp://videotok.app", "https://"])
def test_unusable_base_urls_are_refused(base_url: str) -> None:
    err = raised(lambda: VideotokClient(base_url, KEY))
    assert err.code == "invalid_base_url"
    assert err.message == f"The Videotok API URL {base_url!r} is not an http(s) URL."
    assert err.hint == "Set VIDEOTOK_API_URL to something like https://videotok.app/api/v1."
