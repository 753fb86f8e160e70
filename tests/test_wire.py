"""Tests for reconciler.wire: tolerant reading of Videotok's answers, and clear failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from reconciler import redact, wire
from reconciler.errors import ApiError
from reconciler.model import Generation

DOCUMENTED_BATCH = {
    "object": "generation_batch",
    "status": "queued",
    "generations": [
        {"object": "generation", "id": "g-1", "type": "static_ad", "status": "queued"},
        {"object": "generation", "id": "g-2", "type": "static_ad", "status": "queued"},
    ],
    "credits_deducted": 200,
    "remaining_credits": 45000,
    "batch_note": "kept",
}


def test_parse_batch_reads_the_assumed_shape_and_keeps_unknown_fields() -> None:
    result = wire.parse_batch(DOCUMENTED_BATCH)
    assert result == wire.BatchResult(
        generations=(Generation(id="g-1"), Generation(id="g-2")),
        credits_deducted=200,
        remaining_credits=45000,
        status="queued",
        raw=DOCUMENTED_BATCH,
    )
    assert result.raw["batch_note"] == "kept"


@pytest.mark.parametrize(
    "body",
    [
        {"data": [{"id": "g-1"}], "credits_charged": 100},
        {"items": [{"generation_id": "g-1"}], "credits": 100},
        {"data": {"generations": [{"id": "g-1"}], "credits_deducted": 100}},
        {"id": "g-1", "status": "queued", "credits_deducted": 100},
        {"generations": ["g-1"], "credits_deducted": "100"},
        {"generations": [{"id": "g-1"}], "credits_deducted": 100.0},
        {"generation": {"id": "g-1"}, "credits": 100},
        {"data": {"generations": [{"id": "g-1"}]}, "credits_deducted": 100},
    ],
    ids=[
        "data",
        "items",
        "nested-data",
        "single",
        "bare-ids",
        "float-credits",
        "single-wrapped",
        "credits-outside-data",
    ],
)
def test_parse_batch_tolerates_variants(body: dict[str, Any]) -> None:
    result = wire.parse_batch(body)
    assert result.generations == (Generation(id="g-1"),)
    assert result.credits_deducted == 100


def test_parse_batch_accepts_a_bare_list_and_numeric_ids() -> None:
    result = wire.parse_batch([{"id": 17, "status": "RUNNING"}])
    assert result.generations == (Generation(id="17", status="processing"),)
    assert result.credits_deducted is None
    assert result.raw == {"generations": [{"id": 17, "status": "RUNNING"}]}


def test_parse_batch_reads_unreadable_credits_as_unknown_not_as_a_failure() -> None:
    result = wire.parse_batch({"generations": [{"id": "g-1"}], "credits_deducted": "lots"})
    assert result.credits_deducted is None
    assert result.remaining_credits is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"ok": True},
            "Videotok answered in a shape this version does not understand: no `generations` "
            'list (nor `data` / `items`). Response: {"ok": true}',
        ),
        (
            {"generations": []},
            "Videotok answered in a shape this version does not understand: the `generations` "
            'list is empty. Response: {"generations": []}',
        ),
        (
            {"generations": [{"status": "queued"}]},
            "Videotok answered in a shape this version does not understand: a generation has "
            'no `id` (or `generation_id`). Response: {"generations": [{"status": "queued"}]}',
        ),
        (
            {"generations": [3.5]},
            "Videotok answered in a shape this version does not understand: a generation is a "
            'float, not an object. Response: {"generations": [3.5]}',
        ),
        (
            "accepted",
            "Videotok answered in a shape this version does not understand: expected a JSON "
            "object, got str. Response: accepted",
        ),
    ],
)
def test_parse_batch_fails_clearly_on_garbage(body: object, message: str) -> None:
    with pytest.raises(ApiError) as caught:
        wire.parse_batch(body)
    assert caught.value.code == "unexpected_response"
    assert caught.value.message == message
    assert caught.value.retryable is False


def test_unexpected_response_excerpt_is_truncated_and_redacted() -> None:
    redact.register("vt_test_wire_secret_key")
    body = {"token": "vt_test_wire_secret_key", "padding": "x" * 500}
    with pytest.raises(ApiError) as caught:
        wire.parse_batch(body)
    assert "vt_test_wire_secret_key" not in caught.value.message
    excerpt = caught.value.message.split("Response: ", 1)[1]
    assert excerpt.startswith('{"padding": "xxx')
    assert len(excerpt) == wire.EXCERPT_LIMIT
    assert excerpt.endswith("…")
    assert "***" in wire.excerpt(body, limit=1000)


def test_parse_generation_reads_the_assumed_shape() -> None:
    body = {
        "object": "generation",
        "id": "g-1",
        "type": "video_ad",
        "status": "completed",
        "url": "https://cdn.example/g-1.mp4",
        "error": None,
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:01:00Z",
    }
    assert wire.parse_generation(body) == Generation(
        id="g-1",
        status="completed",
        url="https://cdn.example/g-1.mp4",
        error=None,
        updated_at="2025-01-01T00:01:00Z",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("succeeded", "completed"),
        ("SUCCESS", "completed"),
        ("Done", "completed"),
        ("error", "failed"),
        ("errored", "failed"),
        ("pending", "queued"),
        ("in_queue", "queued"),
        ("running", "processing"),
        ("in-progress", "processing"),
        ("In Progress", "processing"),
        ("Frobnicating", "frobnicating"),
    ],
)
def test_status_synonyms(raw: str, expected: str) -> None:
    assert wire.parse_generation({"id": "g", "status": raw}).status == expected


@pytest.mark.parametrize(
    "body",
    [
        {"id": "g", "asset_url": "https://a/x.png"},
        {"id": "g", "output_url": "https://a/x.png"},
        {"id": "g", "result": {"url": "https://a/x.png"}},
        {"generation": {"id": "g", "url": "https://a/x.png"}},
        {"data": {"generation_id": "g", "url": "https://a/x.png"}},
    ],
    ids=["asset_url", "output_url", "result.url", "wrapped-generation", "wrapped-data"],
)
def test_parse_generation_url_variants(body: dict[str, Any]) -> None:
    assert wire.parse_generation(body) == Generation(id="g", url="https://a/x.png")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ({"code": "nsfw", "message": "Blocked"}, {"code": "nsfw", "message": "Blocked"}),
        (
            {"type": "timeout", "detail": "Took too long"},
            {"code": "timeout", "message": "Took too long"},
        ),
        ("GPU exploded", {"code": "generation_failed", "message": "GPU exploded"}),
        ({"message": "no code"}, {"code": "generation_failed", "message": "no code"}),
    ],
)
def test_parse_generation_error_variants(error: object, expected: dict[str, str]) -> None:
    generation = wire.parse_generation({"id": "g", "status": "failed", "error": error})
    assert generation.status == "failed"
    assert generation.error == expected


def test_parse_generation_without_id_fails_clearly() -> None:
    with pytest.raises(ApiError) as caught:
        wire.parse_generation({"status": "completed"})
    assert caught.value.message == (
        "Videotok answered in a shape this version does not understand: a generation has no "
        '`id` (or `generation_id`). Response: {"status": "completed"}'
    )


def test_parse_error_reads_the_documented_envelope() -> None:
    body = (
        b'{"error": {"code": "insufficient_credits", "message": "Not enough credits.",'
        b' "retryable": false, "context": {"credits_required": 300, "credits_available": 120}}}'
    )
    err = wire.parse_error(402, body, httpx.Headers({"X-Request-Id": "req-9"}))
    assert (err.code, err.message, err.status, err.retryable) == (
        "insufficient_credits",
        "Not enough credits.",
        402,
        False,
    )
    assert err.context == {
        "credits_required": 300,
        "credits_available": 120,
        "request_id": "req-9",
    }


@pytest.mark.parametrize(
    ("status", "body", "code", "message", "retryable"),
    [
        (400, b'{"code": "bad_request", "message": "prompt is required"}', "bad_request",
         "prompt is required", False),
        (404, b'{"message": "No such generation"}', "not_found", "No such generation", False),
        (422, b'{"detail": "type is invalid"}', "http_422", "type is invalid", False),
        (401, b'{"error": "invalid key"}', "unauthorized", "invalid key", False),
        (429, b"Too Many Requests", "rate_limited", "Too Many Requests", True),
        (502, b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
         "server_error", "502 Bad Gateway", True),
        (503, b"<html><body><h1>Service down</h1>\n<p>Back soon</p></body></html>",
         "server_error", "Service down Back soon", True),
        (500, b"", "server_error", "HTTP 500 with no explanation in the body.", True),
        (409, {"error": {"code": "idempotency_conflict", "message": "busy"}},
         "idempotency_conflict", "busy", False),
        (503, b'{"error": {"code": "maintenance", "message": "m", "retryable": false}}',
         "maintenance", "m", False),
        (403, b"\xff\xfe not utf-8", "forbidden", "�� not utf-8", False),
    ],
)  # fmt: skip
def test_parse_error_tolerates_variants(
    status: int, body: object, code: str, message: str, retryable: bool
) -> None:
    err = wire.parse_error(status, body, {})
    assert (err.code, err.message, err.status, err.retryable) == (code, message, status, retryable)


def test_parse_error_redacts_secrets_the_server_echoes() -> None:
    redact.register("vt_test_echoed_secret")
    body = (
        b'{"error": {"code": "invalid_api_key", "message": "Key vt_test_echoed_secret expired",'
        b' "context": {"key": "vt_test_echoed_secret"}}}'
    )
    err = wire.parse_error(401, body, {})
    assert err.message == "Key *** expired"
    assert err.context == {"key": "***"}


@pytest.mark.parametrize(
    ("message", "context", "expected"),
    [
        ("conflict", {"reason": "processing"}, "processing"),
        ("conflict", {"reason": "in_progress"}, "processing"),
        ("conflict", {"reason": "payload_mismatch"}, "payload_mismatch"),
        ("conflict", {"reason": "different_payload"}, "payload_mismatch"),
        ("A request with this key is still processing.", {}, "processing"),
        ("Request in progress", {}, "processing"),
        ("Key reused with a different payload", {}, "payload_mismatch"),
        ("Request body does not match the original request", {}, "payload_mismatch"),
        ("Idempotency conflict", {"reason": "weird"}, "unknown"),
        ("Idempotency conflict", {}, "unknown"),
    ],
)
def test_conflict_reason(message: str, context: dict[str, str], expected: str) -> None:
    err = ApiError("idempotency_conflict", message, status=409, context=context)
    assert wire.conflict_reason(err) == expected


NOW = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7.0),
        (" 2.5 ", 2.5),
        ("0", 0.0),
        ("-3", 0.0),
        ("Wed, 01 Jan 2025 12:00:30 GMT", 30.0),
        ("Wed, 01 Jan 2025 11:59:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        ("nan", None),
    ],
)
def test_retry_after(value: str, expected: float | None) -> None:
    assert wire.retry_after(httpx.Headers({"Retry-After": value}), NOW) == expected


def test_retry_after_absent_and_case_insensitive_on_plain_dicts() -> None:
    assert wire.retry_after({}, NOW) is None
    assert wire.retry_after({"RETRY-AFTER": "4"}, NOW) == 4.0


def test_retry_after_http_date_against_other_time_zones() -> None:
    paris = timezone(timedelta(hours=1))
    now = datetime(2025, 1, 1, 13, 0, 0, tzinfo=paris)  # 12:00 UTC
    assert wire.retry_after({"Retry-After": "Wed, 01 Jan 2025 12:00:10 GMT"}, now) == 10.0
    naive_utc = datetime(2025, 1, 1, 12, 0, 0)  # a naive time is taken as UTC
    assert wire.retry_after({"Retry-After": "Wed, 01 Jan 2025 12:00:10 GMT"}, naive_utc) == 10.0


def test_the_type_of_a_generation_is_read_plain_or_wrapped():
    generation_type = wire.generation_type
    assert generation_type({"id": "g", "type": "video_ad"}) == "video_ad"
    assert generation_type({"generation": {"id": "g", "type": "ugc_ad"}}) == "ugc_ad"
    assert generation_type({"data": {"id": "g", "type": "ai_model"}}) == "ai_model"
    assert generation_type({"id": "g"}) is None
    assert generation_type({"id": "g", "type": 3}) is None
    assert generation_type(["g"]) is None
