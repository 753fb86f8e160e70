"""The GitHub client: headers, pagination, errors, GraphQL, and the token kept secret."""

from __future__ import annotations

import httpx
import pytest

from reconciler.github.rest import GitHubApiError, GitHubClient
from reconciler.redact import redact
from tests.test_github_fake import REPO, TOKEN, FakeGitHub

GHE = "https://ghe.example/api/v3"


def make(handler, api: str = GHE) -> GitHubClient:
    return GitHubClient(
        TOKEN,
        api_url=api,
        graphql_url="https://ghe.example/api/graphql",
        transport=httpx.MockTransport(handler),
    )


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


def test_no_answer_is_an_error_of_ours():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with make(handler) as github, pytest.raises(GitHubApiError) as caught:
        github.request("GET", "/repos/acme/ads")
    assert caught.value.message == (
        "GET https://ghe.example/api/v3/repos/acme/ads: no answer from GitHub (ConnectError)"
    )
    assert caught.value.status is None


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
