"""The GitHub client: headers, pagination, errors, GraphQL, and the token kept secret."""

from __future__ import annotations

import time

import httpx
import pytest

from reconciler.github.rest import GitHubApiError, GitHubClient
from reconciler.redact import redact
from tests.test_github_fake import REPO, TOKEN, FakeGitHub

GHE = "https://ghe.example/api/v3"


def make(handler, api: str = GHE, sleeps: list[float] | None = None) -> GitHubClient:
    return GitHubClient(
        TOKEN,
        api_url=api,
        graphql_url="https://ghe.example/api/graphql",
        transport=httpx.MockTransport(handler),
        sleep=(sleeps if sleeps is not None else []).append,
    )


def answers(*responses: httpx.Response | Exception):
    """A handler giving `responses` in turn, and the requests it saw."""
    seen: list[httpx.Request] = []
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, seen


def test_requests_carry_the_token_and_the_api_version():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True})

    with make(handler) as github:
        assert github.request("GET", "/repos/acme/ads") == {"ok": True}
    [request] = seen
    assert str(request.url) == "https://ghe.example/api/v3/repos/acme/ads"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["x-github-api-version"] == "2022-11-28"
    assert request.headers["accept"] == "application/vnd.github+json"
    assert redact(f"token {TOKEN}") == "token ***"
    assert TOKEN not in repr(github)


def test_listings_follow_the_link_header():
    fake = FakeGitHub(api=GHE, page_size=2)
    for i in range(5):
        fake.add_comment(7, "alice", f"c{i}")
    with make(fake.handle) as github:
        items = github.paginate(f"/repos/{REPO}/issues/7/comments")
    assert [i["body"] for i in items] == ["c0", "c1", "c2", "c3", "c4"]
    assert fake.count("GET", "/comments") == 3


def test_a_next_page_on_another_host_is_refused():
    def handler(request: httpx.Request) -> httpx.Response:
        link = '<https://evil.example/steal?page=2>; rel="next"'
        return httpx.Response(200, json=[1], headers={"Link": link})

    with make(handler) as github, pytest.raises(GitHubApiError, match="outside"):
        github.paginate("/repos/acme/ads/issues/7/comments")


def test_errors_name_the_call_and_the_status():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"message": "Resource not accessible by integration"})

    with make(handler) as github, pytest.raises(GitHubApiError) as caught:
        github.request("POST", "/repos/acme/ads/issues/7/comments", json={"body": "x"})
    assert caught.value.status == 403
    assert caught.value.message == (
        "POST /repos/acme/ads/issues/7/comments: HTTP 403: Resource not accessible by integration"
    )
    assert caught.value.reason == "github-api"


def test_no_answer_is_an_error_of_ours_after_a_few_tries():
    sleeps: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with make(handler, sleeps=sleeps) as github, pytest.raises(GitHubApiError) as caught:
        github.request("GET", "/repos/acme/ads")
    assert caught.value.message == (
        "GET https://ghe.example/api/v3/repos/acme/ads: no answer from GitHub (ConnectError)"
    )
    assert caught.value.status is None
    assert len(sleeps) == 3  # four tries, backing off
    assert 0.5 <= sleeps[0] <= 1 and 1 <= sleeps[1] <= 2 and 2 <= sleeps[2] <= 4


def test_reads_are_tried_again_after_a_server_error():
    sleeps: list[float] = []
    handler, seen = answers(
        httpx.Response(502), httpx.Response(503), httpx.Response(200, json={"ok": 1})
    )
    with make(handler, sleeps=sleeps) as github:
        assert github.request("GET", "/repos/acme/ads") == {"ok": 1}
    assert len(seen) == 3
    assert len(sleeps) == 2


def test_a_write_is_not_repeated_when_it_may_have_been_handled():
    # A comment posted twice, or a commit sent again after it went through, must not happen.
    for failure in (httpx.Response(502), httpx.ReadTimeout("slow")):
        handler, seen = answers(failure, httpx.Response(201, json={"id": 1}))
        with make(handler) as github, pytest.raises(GitHubApiError):
            github.request("POST", "/repos/acme/ads/issues/7/comments", json={"body": "x"})
        assert len(seen) == 1


def test_a_write_refused_by_a_rate_limit_waits_as_told_and_goes_again():
    sleeps: list[float] = []
    secondary = {"message": "You have exceeded a secondary rate limit. Please wait."}
    handler, seen = answers(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(403, json=secondary),
        httpx.Response(200, json={"data": {"ok": True}}),
    )
    with make(handler, sleeps=sleeps) as github:
        assert github.graphql("mutation { x }", {}) == {"ok": True}
    assert len(seen) == 3
    assert sleeps[0] == 3.0
    assert 1 <= sleeps[1] <= 2  # no Retry-After: backing off


def test_an_exhausted_primary_rate_limit_waits_for_its_reset():
    sleeps: list[float] = []
    reset = str(int(time.time()) + 5)
    limited = httpx.Response(
        403,
        json={"message": "API rate limit exceeded"},
        headers={"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset},
    )
    handler, seen = answers(limited, httpx.Response(200, json=[]))
    with make(handler, sleeps=sleeps) as github:
        assert github.request("GET", "/repos/acme/ads/pulls") == []
    assert len(seen) == 2
    assert 3 <= sleeps[0] <= 5


def test_a_refusal_or_a_wait_longer_than_a_job_can_afford_is_final():
    refused = httpx.Response(403, json={"message": "Resource not accessible by integration"})
    far = httpx.Response(429, headers={"Retry-After": "3600"})
    for answer in (refused, far):
        sleeps: list[float] = []
        handler, seen = answers(answer, httpx.Response(200, json={}))
        with make(handler, sleeps=sleeps) as github, pytest.raises(GitHubApiError):
            github.request("PATCH", "/repos/acme/ads/issues/comments/1", json={"body": "x"})
        assert len(seen) == 1
        assert sleeps == []


def test_graphql_errors_are_raised_with_their_details():
    def handler(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == "https://ghe.example/api/graphql"
        return httpx.Response(
            200, json={"errors": [{"type": "STALE_DATA", "message": "Expected branch"}]}
        )

    with make(handler) as github, pytest.raises(GitHubApiError) as caught:
        github.graphql("mutation { x }", {})
    assert caught.value.message == "GraphQL: Expected branch"
    assert caught.value.errors == ({"type": "STALE_DATA", "message": "Expected branch"},)


def test_raw_contents_come_back_as_text_and_errors_still_raise():
    fake = FakeGitHub(api=GHE)
    fake.push("main", {"creatives.state.json": "{}\n"})
    raw = "application/vnd.github.raw+json"
    with make(fake.handle) as github:
        text = github.request(
            "GET",
            f"/repos/{REPO}/contents/creatives.state.json",
            params={"ref": "main"},
            accept=raw,
        )
        assert text == "{}\n"
        with pytest.raises(GitHubApiError) as caught:
            github.request("GET", f"/repos/{REPO}/contents/nope.json", accept=raw)
    assert caught.value.status == 404


def test_retry_after_as_an_http_date_is_read_in_utc():
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    when = format_datetime(datetime.now(UTC) + timedelta(seconds=4)).replace("+0000", "-0000")
    sleeps: list[float] = []
    handler, seen = answers(
        httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200, json={})
    )
    with make(handler, sleeps=sleeps) as github:
        assert github.request("GET", "/repos/acme/ads") == {}
    assert len(seen) == 2
    assert 2 <= sleeps[0] <= 4
