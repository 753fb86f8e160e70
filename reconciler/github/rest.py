"""A small GitHub REST and GraphQL client on httpx; the transport is injected for tests."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from reconciler import __version__, redact
from reconciler.errors import GitHubError

API_VERSION = "2022-11-28"
USER_AGENT = f"videotok-reconciler/{__version__}"
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="next"')
#: Pages followed at most: 100 per page covers any pull request a person can read.
MAX_PAGES = 50


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
    ) -> None:
        redact.register(token)
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
        headers = {"Accept": accept} if accept else None
        try:
            return self._http.request(method, url, json=json, params=params, headers=headers)
        except httpx.HTTPError as exc:
            raise GitHubApiError(
                f"{method} {_shown(url)}: no answer from GitHub ({type(exc).__name__})"
            ) from exc


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
