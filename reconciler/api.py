"""Videotok API client on httpx: auth, retries with backoff and jitter, rate limit, errors."""

from __future__ import annotations

import json
import logging
import random as _random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from reconciler import __version__, redact, wire
from reconciler.errors import ApiError
from reconciler.model import Generation
from reconciler.ratelimit import RateLimiter

log = logging.getLogger("reconciler.api")

T = TypeVar("T")

USER_AGENT = f"videotok-reconciler/{__version__} (+python-httpx)"


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on retrying one call: attempts in all, and seconds from the first send."""

    max_attempts: int = 6
    base: float = 0.5
    cap: float = 20.0
    max_elapsed: float = 120.0

    def backoff(self, retry: int, uniform: float) -> float:
        """Full jitter: `uniform` (0..1) times the ceiling of retry number `retry` (0-based)."""
        ceiling: float = min(self.cap, self.base * 2.0**retry)
        return uniform * ceiling


DEFAULT_RETRY = RetryPolicy()


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _check_api_key(api_key: str) -> None:
    """Refuse keys that cannot go into a header, without ever echoing them."""
    if not api_key:
        raise ApiError(
            "unauthorized",
            "No Videotok API key was given.",
            hint="Set VIDEOTOK_API_KEY to a workspace API key (or use --api-key-file).",
        )
    if any(ch.isspace() for ch in api_key):
        raise ApiError(
            "invalid_api_key",
            "The Videotok API key contains whitespace or a line break, so it cannot be sent.",
            hint="Remove the spaces or the trailing newline from VIDEOTOK_API_KEY or the key "
            "file (the key itself is not shown).",
        )
    if not (api_key.isascii() and api_key.isprintable()):
        raise ApiError(
            "invalid_api_key",
            "The Videotok API key contains characters that are not printable ASCII.",
            hint="Copy the key again from the Videotok workspace settings (it is not shown).",
        )


def _check_base_url(base_url: str) -> str:
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ApiError(
            "invalid_base_url",
            f"The Videotok API URL {base_url!r} is not an http(s) URL.",
            hint="Set VIDEOTOK_API_URL to something like https://videotok.app/api/v1.",
        )
    return base_url.rstrip("/")


class VideotokClient:
    """Synchronous and thread-safe: one client is shared by all workers of a run."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy = DEFAULT_RETRY,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        random: Callable[[], float] = _random.random,
        utcnow: Callable[[], datetime] = _utcnow,
        user_agent: str | None = None,
    ) -> None:
        redact.register(api_key)
        redact.register(api_key.strip())
        _check_api_key(api_key)
        self._base_url = _check_base_url(base_url)
        self._timeout = timeout
        self._retry = retry
        self._limiter = limiter
        self._sleep = sleep
        self._clock = clock
        self._random = random
        self._utcnow = utcnow
        # The key lives only in this header: never an attribute, never a log line.
        self._http = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={
                "Authorization": f"Bearer {api_key}",
                "User-Agent": user_agent or USER_AGENT,
                "Accept": "application/json",
            },
        )

    def __repr__(self) -> str:
        return f"VideotokClient(base_url={self._base_url!r})"

    def __enter__(self) -> VideotokClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def create_generations(
        self, payload: Mapping[str, Any], idempotency_key: str
    ) -> wire.BatchResult:
        """POST /generations; every retry carries the same `Idempotency-Key` header."""
        if (
            not idempotency_key
            or not idempotency_key.isascii()
            or not idempotency_key.isprintable()
        ):
            raise ValueError("idempotency_key must be non-empty printable ASCII")
        body = json.dumps(dict(payload), ensure_ascii=False, allow_nan=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Idempotency-Key": idempotency_key}
        return self._call("POST", "/generations", wire.parse_batch, content=body, headers=headers)

    def get_generation(self, generation_id: str) -> Generation:
        return self.lookup_generation(generation_id)[0]

    def lookup_generation(self, generation_id: str) -> tuple[Generation, str | None]:
        """GET /generations/{id}: the generation and its type (None if the answer omits it)."""
        if not generation_id:
            raise ValueError("generation_id must not be empty")
        path = "/generations/" + quote(generation_id, safe="")
        return self._call(
            "GET", path, lambda body: (wire.parse_generation(body), wire.generation_type(body))
        )

    def list_models(self) -> dict[str, Any]:
        """GET /models as raw JSON; the catalog module reads it."""
        return self._call("GET", "/models", _json_object)

    def list_assets(self) -> dict[str, Any]:
        """GET /assets as raw JSON; the catalog module reads it."""
        return self._call("GET", "/assets", _json_object)

    def _call(
        self,
        method: str,
        path: str,
        parse: Callable[[object], T],
        *,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> T:
        url = self._base_url + path
        policy = self._retry
        start = self._clock()
        attempt = 0
        while True:
            attempt += 1
            if self._limiter is not None:
                self._limiter.acquire()
            sent = self._clock()
            try:
                response = self._send(method, url, path, content, headers)
            except ApiError as err:
                error, response_headers = err, httpx.Headers()
                outcome = err.code
            else:
                outcome = str(response.status_code)
                if response.is_success:
                    self._log_attempt(method, path, outcome, attempt, sent)
                    if self._limiter is not None:
                        self._limiter.success()
                    return self._parse(response, method, parse)
                error = wire.parse_error(response.status_code, response.content, response.headers)
                response_headers = response.headers
                if self._limiter is not None and response.status_code != 429:
                    self._limiter.success()
            self._log_attempt(method, path, outcome, attempt, sent)
            if not _should_retry(error):
                error.hint = error.hint or _hint(error, method, path)
                raise error
            elapsed = self._clock() - start
            delay = policy.backoff(attempt - 1, self._random())
            asked = wire.retry_after(response_headers, self._utcnow())
            if asked is not None:
                delay = max(delay, asked)
            if error.status == 429 and self._limiter is not None:
                # Everyone waits, not just this worker: the limit is the workspace's.
                self._limiter.pause(delay)
            if attempt >= policy.max_attempts or elapsed + delay > policy.max_elapsed:
                error.hint = _give_up_hint(method, attempt, elapsed, delay, policy)
                raise error
            log.debug("%s %s: retrying in %.2f s", method, path, delay)
            self._sleep(delay)

    def _log_attempt(
        self, method: str, path: str, outcome: str, attempt: int, sent: float
    ) -> None:
        # Method, path, outcome and timing only: headers (the key) never reach a log record.
        log.debug(
            "%s %s -> %s (attempt %d/%d, %.2f s)",
            *(method, path, outcome, attempt, self._retry.max_attempts),
            self._clock() - sent,
        )

    def _send(
        self,
        method: str,
        url: str,
        path: str,
        content: bytes | None,
        headers: Mapping[str, str] | None,
    ) -> httpx.Response:
        """One HTTP exchange; every httpx exception becomes an ApiError here."""
        try:
            return self._http.request(method, url, content=content, headers=headers)
        except httpx.TimeoutException as exc:
            raise ApiError(
                "timeout",
                f"No answer from Videotok to {method} {path} within {self._timeout:g} s "
                f"({type(exc).__name__}).",
                retryable=True,
            ) from exc
        except httpx.TransportError as exc:
            raise ApiError(
                "connection_error",
                redact.redact(
                    f"The connection to {httpx.URL(url).host} failed during {method} {path}: "
                    f"{str(exc) or type(exc).__name__}"
                ),
                retryable=True,
            ) from exc
        except httpx.HTTPError as exc:
            raise ApiError(
                "unexpected_response",
                redact.redact(f"Could not read the answer to {method} {path}: {exc}"),
            ) from exc

    def _parse(self, response: httpx.Response, method: str, parse: Callable[[object], T]) -> T:
        try:
            try:
                body: object = response.json()
            except ValueError as exc:
                raise ApiError(
                    "unexpected_response",
                    f"Videotok answered HTTP {response.status_code} with a body that is not "
                    f"JSON: {wire.excerpt(response.content)}",
                ) from exc
            return parse(body)
        except ApiError as err:
            err.status = response.status_code
            err.hint = err.hint or _unreadable_hint(method, response.status_code)
            raise


def _json_object(body: object) -> dict[str, Any]:
    if not isinstance(body, Mapping):
        raise ApiError(
            "unexpected_response",
            f"Videotok answered a JSON {type(body).__name__} where an object was expected: "
            f"{wire.excerpt(body)}",
        )
    return dict(body)


def _should_retry(error: ApiError) -> bool:
    if error.status is None:
        return error.retryable
    if error.status == 409:
        return error.code == "idempotency_conflict" and wire.conflict_reason(error) == "processing"
    if error.status == 429:
        return True
    # A 5xx is retried unless the server says explicitly that retrying cannot help.
    return error.status >= 500 and error.retryable


def _give_up_hint(
    method: str, attempts: int, elapsed: float, delay: float, policy: RetryPolicy
) -> str:
    plural = "s" if attempts != 1 else ""
    text = f"Gave up after {attempts} attempt{plural} over {elapsed:.1f} s"
    if attempts < policy.max_attempts:
        text += f" (waiting {delay:.1f} s more would pass the {policy.max_elapsed:g} s limit)"
    if method == "POST":
        return (
            text + "; the batch may or may not have been accepted: re-run apply, "
            "the same idempotency key makes that safe."
        )
    return text + "; try again later."


def _unreadable_hint(method: str, status: int) -> str:
    if method == "POST":
        return (
            f"The API answered HTTP {status}, so the batch was probably accepted; it stays "
            "pending and re-running apply replays it with the same idempotency key. "
            "If this persists, the API's answer format has changed: please report it."
        )
    return "If this persists, the API's answer format has changed: please report it."


def _scope(error: ApiError, method: str) -> str:
    for key in ("required_scope", "missing_scope", "scope", "required_scopes"):
        value = error.context.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, list) and value:
            return ", ".join(str(v) for v in value)
    return "generations:write" if method == "POST" else "generations:read"


def _hint(error: ApiError, method: str, path: str) -> str | None:
    """What to do next, for the answers a user can act on."""
    if error.status == 401:
        return (
            "Set VIDEOTOK_API_KEY to a valid workspace API key: "
            "this one is missing, invalid or expired."
        )
    if error.status == 403:
        return (
            f"The API key lacks the {_scope(error, method)} scope this call needs: "
            "use a key that has it."
        )
    if error.status == 402:
        if error.code == "insufficient_credits":
            needed = error.context.get("credits_required")
            available = error.context.get("credits_available")
            if needed is not None and available is not None:
                return (
                    f"Required {needed} credits, available {available}: add credits to the "
                    "workspace or queue fewer outputs."
                )
            return "Add credits to the workspace or queue fewer outputs."
        return "The Videotok workspace must be on a paid plan to use the API."
    if error.status == 404:
        if path.startswith("/generations/"):
            return "It is not in this API key's workspace (wrong workspace or key?)."
        return "Check VIDEOTOK_API_URL: the server has no such endpoint."
    if error.status == 409:
        if wire.conflict_reason(error) == "payload_mismatch":
            return (
                "This idempotency key was already used with a different payload (did a "
                "manifest change mid-run, or did two keys collide?); nothing new was queued."
            )
        return "The API refused the idempotency key without saying why; nothing new was queued."
    return None
