"""The only module that knows the shapes of Videotok's answers, documented or assumed.

Everything below marked A is an assumption (the API docs do not publish it); keep every such
guess here so that it can be corrected in one place when the real answer is known.

- A `POST /generations` answers an object with the outputs under `generations`; tolerated too:
  `data` / `items` (a list, or an object holding one of these keys), a bare list, or a single
  generation object (bare or under `generation` / `data`). A list item may be an object or a
  bare id string. Credits may sit at the top or inside the `data` wrapper.
- A A generation's id is `id` or `generation_id` (a number becomes its decimal string).
- A Status strings are compared case-insensitively; synonyms are mapped onto the four states
  (`STATUS_SYNONYMS`). An unknown status is kept, lower-cased, and is never terminal. A missing
  status means `queued` (the batch was just accepted).
- A The asset URL is `url`, `asset_url`, `output_url`, or `url` inside `result` / `output` /
  `asset`.
- A A generation's error is null, a string, or an object with `code` and `message` (`type` /
  `detail` accepted as fallbacks); it is kept as `{code, message}`.
- A Credits spent are `credits_deducted`, `credits_charged` or `credits`; the balance after the
  call is `remaining_credits` or `credits_remaining`. Unreadable numbers mean unknown (None):
  the batch was accepted, and failing would lose its ids.
- D Errors come as `{"error": {"code", "message", "retryable", "context"}}`. A tolerated too: a
  bare `{"code", "message"}`, `{"message"}`, `{"detail"}`, `{"error": "text"}`, plain text or
  HTML; a missing code is derived from the HTTP status (`STATUS_CODES`), a missing `retryable`
  is true for 429 and 5xx.
- A 409 `idempotency_conflict` has two documented causes and no documented way to tell them
  apart: `context.reason` is read first, then the message text (`conflict_reason`).
- D `Retry-After` is delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Literal

from reconciler.errors import ApiError
from reconciler.model import (
    STATUS_COMPLETED,
    STATUS_FAILED,
    STATUS_PROCESSING,
    STATUS_QUEUED,
    Generation,
)
from reconciler.redact import redact

STATUS_SYNONYMS: Mapping[str, str] = {
    **dict.fromkeys(("queued", "pending", "in_queue", "waiting", "created"), STATUS_QUEUED),
    **dict.fromkeys(("processing", "running", "in_progress", "started"), STATUS_PROCESSING),
    **dict.fromkeys(("completed", "complete", "succeeded", "success", "done"), STATUS_COMPLETED),
    **dict.fromkeys(("failed", "failure", "error", "errored", "cancelled"), STATUS_FAILED),
}

STATUS_CODES: Mapping[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    402: "payment_required",
    403: "forbidden",
    404: "not_found",
    409: "idempotency_conflict",
    429: "rate_limited",
}

_LIST_KEYS = ("generations", "data", "items", "generation")
_ID_KEYS = ("id", "generation_id")
_URL_KEYS = ("url", "asset_url", "output_url")
_URL_CONTAINERS = ("result", "output", "asset")
_CREDIT_KEYS = ("credits_deducted", "credits_charged", "credits")
_REMAINING_KEYS = ("remaining_credits", "credits_remaining")
_PROCESSING_WORDS = ("processing", "in_progress", "in progress", "still", "pending", "running")
_MISMATCH_WORDS = ("mismatch", "different", "does not match", "doesn't match", "not match")
EXCERPT_LIMIT = 200
MESSAGE_LIMIT = 500


@dataclass(frozen=True)
class BatchResult:
    """What `POST /generations` answered: one generation per output, credits when stated."""

    generations: tuple[Generation, ...]
    credits_deducted: int | None
    remaining_credits: int | None
    status: str | None
    raw: Mapping[str, Any]


def excerpt(body: object, limit: int = EXCERPT_LIMIT) -> str:
    """A short, redacted, single-line rendering of a body for error messages."""
    if isinstance(body, bytes):
        text = body.decode("utf-8", errors="replace")
    elif isinstance(body, str):
        text = body
    else:
        try:
            text = json.dumps(body, ensure_ascii=False, sort_keys=True, default=str)
        except ValueError:
            text = repr(body)
    text = redact(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unexpected(what: str, body: object) -> ApiError:
    return ApiError(
        "unexpected_response",
        f"Videotok answered in a shape this version does not understand: {what}. "
        f"Response: {excerpt(body)}",
    )


def normalise_status(value: object) -> str | None:
    """Map a status string onto queued/processing/completed/failed; None when absent."""
    if not isinstance(value, str) or not value.strip():
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    return STATUS_SYNONYMS.get(key, key)


def _first(body: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if body.get(key) is not None:
            return body[key]
    return None


def _to_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _url(body: Mapping[str, Any]) -> str | None:
    found = _first(body, _URL_KEYS)
    if found is None:
        for container in _URL_CONTAINERS:
            inner = body.get(container)
            if isinstance(inner, Mapping) and isinstance(inner.get("url"), str):
                found = inner["url"]
                break
    return found if isinstance(found, str) and found else None


def _error(value: object) -> Mapping[str, Any] | None:
    if value is None or value is False or value == "":
        return None
    if isinstance(value, Mapping):
        code = _first(value, ("code", "type"))
        message = _first(value, ("message", "detail"))
        return {
            "code": str(code) if code is not None else "generation_failed",
            "message": redact(str(message)) if message is not None else "",
        }
    return {"code": "generation_failed", "message": redact(str(value))}


def _generation(item: object, whole: object) -> Generation:
    if isinstance(item, str | int) and not isinstance(item, bool):
        return Generation(id=str(item))
    if not isinstance(item, Mapping):
        raise _unexpected(f"a generation is a {type(item).__name__}, not an object", whole)
    gen_id = _first(item, _ID_KEYS)
    if isinstance(gen_id, bool) or not isinstance(gen_id, str | int) or gen_id == "":
        raise _unexpected("a generation has no `id` (or `generation_id`)", whole)
    updated = item.get("updated_at")
    return Generation(
        id=str(gen_id),
        status=normalise_status(item.get("status")) or STATUS_QUEUED,
        url=_url(item),
        error=_error(item.get("error")),
        updated_at=updated if isinstance(updated, str) else None,
    )


def _generation_list(body: Mapping[str, Any]) -> list[Any] | None:
    for key in _LIST_KEYS:
        value = body.get(key)
        if isinstance(value, list):
            return value
        if isinstance(value, Mapping):
            nested = _generation_list(value)
            if nested is not None:
                return nested
            if _first(value, _ID_KEYS) is not None:
                return [value]
    if _first(body, _ID_KEYS) is not None:
        return [body]
    return None


def parse_batch(body: object) -> BatchResult:
    """Read a `POST /generations` answer; raise ApiError `unexpected_response` if it has no ids."""
    raw: Mapping[str, Any]
    if isinstance(body, list):
        raw = {"generations": body}
    elif isinstance(body, Mapping):
        raw = body
    else:
        raise _unexpected(f"expected a JSON object, got {type(body).__name__}", body)
    items = _generation_list(raw)
    if items is None:
        raise _unexpected("no `generations` list (nor `data` / `items`)", body)
    if not items:
        raise _unexpected("the `generations` list is empty", body)
    data = raw.get("data")
    # Credits may sit beside the list or inside a `data` wrapper with it.
    sources = (raw, data) if isinstance(data, Mapping) else (raw,)

    def number(keys: tuple[str, ...]) -> int | None:
        found = next((v for v in (_first(m, keys) for m in sources) if v is not None), None)
        return _to_int(found)

    return BatchResult(
        generations=tuple(_generation(item, body) for item in items),
        credits_deducted=number(_CREDIT_KEYS),
        remaining_credits=number(_REMAINING_KEYS),
        status=normalise_status(raw.get("status")),
        raw=raw,
    )


def parse_generation(body: object) -> Generation:
    """Read a `GET /generations/{id}` answer (possibly wrapped in `generation` or `data`)."""
    if not isinstance(body, Mapping):
        raise _unexpected(f"expected a JSON object, got {type(body).__name__}", body)
    item: Mapping[str, Any] = body
    if _first(body, _ID_KEYS) is None:
        for key in ("generation", "data"):
            if isinstance(body.get(key), Mapping):
                item = body[key]
                break
    return _generation(item, body)


def generation_type(body: object) -> str | None:
    """The `type` of a `GET /generations/{id}` answer (`static_ad`...), None when absent."""
    if not isinstance(body, Mapping):
        return None
    for item in (body, body.get("generation"), body.get("data")):
        if isinstance(item, Mapping) and isinstance(item.get("type"), str):
            return str(item["type"])
    return None


def _decode(body: bytes | object) -> object:
    if not isinstance(body, bytes | str):
        return body
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    try:
        return json.loads(text)
    except ValueError:
        return text


def _plain_text(text: str) -> str:
    """Readable text from a plain or HTML error page (the title says most)."""
    title = re.search(r"<title[^>]*>(.*?)</title>", text, flags=re.IGNORECASE | re.DOTALL)
    if title and title.group(1).strip():
        text = title.group(1)
    else:
        text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", text, flags=re.I | re.S)
        text = re.sub(r"<[^>]+>", " ", text)
    return excerpt(text)


def _redact_tree(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {str(k): _redact_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_tree(v) for v in value]
    return value


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value


def parse_error(status: int, body: bytes | object, headers: Mapping[str, str]) -> ApiError:
    """Turn a non-2xx answer into ApiError, whatever shape its body has."""
    decoded = _decode(body)
    fields: Mapping[str, Any] = {}
    message: str | None = None
    if isinstance(decoded, Mapping):
        inner = decoded.get("error")
        fields = inner if isinstance(inner, Mapping) else decoded
        text = _first(fields, ("message", "detail"))
        if text is None and isinstance(inner, str):
            text = inner
        message = excerpt(text, MESSAGE_LIMIT) if text is not None else None
    elif isinstance(decoded, str):
        message = _plain_text(decoded)
    code = fields.get("code") if isinstance(fields.get("code"), str) else None
    retryable = fields.get("retryable")
    context = fields.get("context")
    context = dict(context) if isinstance(context, Mapping) else {}
    request_id = _header(headers, "x-request-id") or _header(headers, "request-id")
    if request_id and "request_id" not in context:
        context["request_id"] = request_id
    fallback = STATUS_CODES.get(status, "server_error" if status >= 500 else f"http_{status}")
    return ApiError(
        code or fallback,
        message or f"HTTP {status} with no explanation in the body.",
        status=status,
        retryable=retryable if isinstance(retryable, bool) else status == 429 or status >= 500,
        context=_redact_tree(context),
    )


def conflict_reason(err: ApiError) -> Literal["processing", "payload_mismatch", "unknown"]:
    """Which of the two documented causes of a 409 `idempotency_conflict` this one is."""
    reason = err.context.get("reason")
    for text in (reason if isinstance(reason, str) else "", err.message):
        lowered = text.lower()
        if any(word in lowered for word in _MISMATCH_WORDS):
            return "payload_mismatch"
        if any(word in lowered for word in _PROCESSING_WORDS):
            return "processing"
    return "unknown"


def retry_after(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds to wait from a `Retry-After` header (seconds or HTTP date), never negative."""
    value = _header(headers, "retry-after")
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
