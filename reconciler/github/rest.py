"""A small GitHub REST and GraphQL client on httpx; the transport is injected for tests."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from reconciler import __version__, redact
from reconciler.errors import GitHubError
from reconciler.wire import retry_after

API_VERSION = "2022-11-28"
USER_AGENT = f"videotok-reconciler/{__version__}"
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')
#: Pages followed at most: 100 per page covers any pull request a person can read.
MAX_PAGES = 50
#: Tries of one call when GitHub is briefly unavailable or rate limits us.
ATTEMPTS = 4
#: The longest wait between two tries (a longer Retry-After is not waited for), and for all
#: of them together: a job has minutes, not hours.
MAX_WAIT_SECONDS = 60.0
TOTAL_WAIT_SECONDS = 120.0
#: Answers that say the request was not handled and may simply be sent again later.
_RETRY_ANY_METHOD = frozenset({429})
#: Answers after which a request may or may not have been handled: only reads are repeated.
_RETRY_READS = frozenset({500, 502, 503, 504})


class GitHubApiError(GitHubError):
    """GitHub answered with an error (`status` None: no answer, or a GraphQL error)."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        reason: str = "github-api",
        errors: tuple[Mapping[str, Any], ...] = (),
    ) -> None:
        super().__init__(message, reason=reason)
        self.status = status
        self.errors = errors


def path_part(text: str) -> str:
    """One segment of a URL path (a branch, a file path keeps its slashes)."""
    return quote(text, safe="/")


class GitHubClient:
    """Bearer-token calls to `api_url` and `graphql_url`; errors become GitHubApiError."""

    def __init__(
        self,
        token: str,
        *,
        api_url: str,
        graphql_url: str,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        attempts: int = ATTEMPTS,
    ) -> None:
        redact.register(token)
        self._sleep = sleep
        self._attempts = max(1, attempts)
        self.api_url = api_url.rstrip("/")
        self.graphql_url = graphql_url
        # The token lives only in this header: never an attribute, never a log line.
        self._http = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": API_VERSION,
                "User-Agent": USER_AGENT,
            },
        )

    def __repr__(self) -> str:
        return f"GitHubClient(api_url={self.api_url!r})"

    def __enter__(self) -> GitHubClient:
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

    # -- REST --------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        accept: str | None = None,
    ) -> Any:
        """`path` under the API URL; the decoded JSON answer (text for raw media types)."""
        response = self._send(
            method, f"{self.api_url}{path}", json=json, params=params, accept=accept
        )
        if accept is not None and "raw" in accept and response.status_code < 400:
            return response.text
        return _decode(response, method, path)

    def paginate(self, path: str, *, params: Mapping[str, str] | None = None) -> list[Any]:
        """Every item of a listing, following the `Link: rel="next"` header."""
        items: list[Any] = []
        url: str | None = f"{self.api_url}{path}"
        query: Mapping[str, str] | None = {"per_page": "100", **(params or {})}
        for _ in range(MAX_PAGES):
            if url is None:
                return items
            response = self._send("GET", url, params=query)
            page = _decode(response, "GET", path)
            if not isinstance(page, list):
                raise GitHubApiError(f"GET {path}: expected a list, got {type(page).__name__}")
            items.extend(page)
            url = _next_link(response.headers.get("link", ""))
            if url is not None and not url.startswith(self.api_url + "/"):
                # Never send the token to a host we were not configured with.
                raise GitHubApiError(f"GET {path}: the next page points outside {self.api_url}")
            query = None  # the next link carries its own query
        raise GitHubApiError(f"GET {path}: more than {MAX_PAGES} pages")

    # -- GraphQL -----------------------------------------------------------------------------

    def graphql(self, query: str, variables: Mapping[str, Any]) -> dict[str, Any]:
        """The `data` of a GraphQL answer; its `errors` raise GitHubApiError with them."""
        response = self._send(
            "POST", self.graphql_url, json={"query": query, "variables": dict(variables)}
        )
        body = _decode(response, "POST", "graphql")
        if not isinstance(body, dict):
            raise GitHubApiError("GraphQL: the answer is not a JSON object")
        errors = body.get("errors")
        if errors:
            found = (
                tuple(e for e in errors if isinstance(e, dict)) if isinstance(errors, list) else ()
            )
            text = "; ".join(str(e.get("message", e)) for e in found) or str(errors)
            raise GitHubApiError(f"GraphQL: {redact.redact(text)}", errors=found)
        data = body.get("data")
        return data if isinstance(data, dict) else {}

    # -- transport ---------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        accept: str | None = None,
    ) -> httpx.Response:
        """One call, tried again when GitHub says (or shows) it was not handled.

        Reads are repeated after a 5xx or no answer too. A write is repeated only when it
        surely was not handled (429, a secondary rate limit, no connection made): posting a
        comment twice, or a state commit after it went through, must not happen.
        """
        headers = {"Accept": accept} if accept else None
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._http.request(
                    method, url, json=json, params=params, headers=headers
                )
            except httpx.HTTPError as exc:
                unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                wait = _backoff(attempt) if method == "GET" or unsent else None
                if wait is None or not self._affordable(wait, attempt, waited):
                    raise GitHubApiError(
                        f"{method} {_shown(url)}: no answer from GitHub ({type(exc).__name__})"
                    ) from exc
            else:
                wait = _retry_delay(response, method, attempt)
                if wait is None or not self._affordable(wait, attempt, waited):
                    return response
            self._sleep(wait)
            waited += wait

    def _affordable(self, wait: float, attempt: int, waited: float) -> bool:
        """Whether to wait and try again: tries left, and a wait the job can afford."""
        return (
            attempt < self._attempts
            and wait <= MAX_WAIT_SECONDS
            and waited + wait <= TOTAL_WAIT_SECONDS
        )


def _retry_delay(response: httpx.Response, method: str, attempt: int) -> float | None:
    """Seconds to wait before sending again, or None when the answer is final."""
    status = response.status_code
    limited = status in _RETRY_ANY_METHOD or (status == 403 and _rate_limited(response))
    if not limited and not (method == "GET" and status in _RETRY_READS):
        return None
    after = _retry_after(response)
    return after if after is not None else _backoff(attempt)


def _rate_limited(response: httpx.Response) -> bool:
    """A 403 that is GitHub's (primary or secondary) rate limit, not a refusal."""
    if response.headers.get("x-ratelimit-remaining") == "0":
        return True
    if "retry-after" in response.headers:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    message = str(body.get("message", "")) if isinstance(body, dict) else ""
    return "rate limit" in message.lower()


def _retry_after(response: httpx.Response) -> float | None:
    """`Retry-After` (seconds or an HTTP date), else `x-ratelimit-reset` (epoch seconds)."""
    after = retry_after(response.headers, datetime.now(UTC))
    if after is not None:
        return after
    reset = response.headers.get("x-ratelimit-reset")
    if reset is not None and response.headers.get("x-ratelimit-remaining") == "0":
        try:
            return max(0.0, float(reset) - time.time())
        except ValueError:
            return None
    return None


def _backoff(attempt: int) -> float:
    """1, 2, 4... seconds, with jitter so that parallel jobs do not retry in step."""
    base = float(2 ** (attempt - 1))
    return base / 2 + random.uniform(0, base / 2)  # jitter, not a secret


def _shown(url: str) -> str:
    return url.split("?", 1)[0]


def _next_link(header: str) -> str | None:
    match = _NEXT.search(header)
    return match.group(1) if match else None


def _decode(response: httpx.Response, method: str, path: str) -> Any:
    if response.status_code >= 400:
        message = ""
        try:
            body = response.json()
            if isinstance(body, dict):
                message = str(body.get("message", ""))
        except ValueError:
            message = response.text[:200]
        detail = f": {redact.redact(message)}" if message else ""
        raise GitHubApiError(
            f"{method} {_shown(path)}: HTTP {response.status_code}{detail}",
            status=response.status_code,
        )
    if response.status_code == 204 or not response.content:
        return None
    try:
        return response.json()
    except ValueError as exc:
        raise GitHubApiError(f"{method} {_shown(path)}: the answer is not JSON") from exc
