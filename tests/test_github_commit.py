"""The state commit: compare-and-swap on the branch head, retried only when that is safe."""

from __future__ import annotations

import httpx
import pytest

from reconciler.errors import GitHubError
from reconciler.github.commit import (
    StateConflict,
    Target,
    commit_state,
    read_file,
    read_head,
)
from reconciler.github.rest import GitHubApiError, GitHubClient
from tests.test_github_fake import REPO, TOKEN, FakeGitHub

TARGET = Target(REPO, "main", "ops/creatives.state.json")


@pytest.fixture
def github():
    fake = FakeGitHub()
    with GitHubClient(
        TOKEN, api_url=fake.api, graphql_url=fake.graphql_url, transport=fake.transport()
    ) as client:
        yield fake, client


def test_the_commit_lands_on_the_expected_head(github):
    fake, client = github
    base = fake.push("main", {TARGET.path: "old\n"})
    assert read_head(client, TARGET) == base
    assert read_file(client, TARGET, base) == "old\n"
    assert read_file(client, Target(REPO, "main", "missing.json"), base) is None
    oid = commit_state(
        client,
        TARGET,
        "new ✓\n",
        headline="state [skip ci]",
        expected_head=base,
        base_text="old\n",
    )
    assert fake.branches["main"] == oid
    assert fake.parents[oid] == base
    assert fake.trees[oid] == {TARGET.path: "new ✓\n"}
    assert fake.messages[oid] == "state [skip ci]"


def test_a_moved_head_with_the_same_state_is_retried(github):
    fake, client = github
    base = fake.push("main", {TARGET.path: "old\n"})
    fake.before_commit = lambda: fake.push("main", {"README.md": "x"}, "unrelated")
    notes: list[str] = []
    oid = commit_state(
        client,
        TARGET,
        "new\n",
        headline="h",
        expected_head=base,
        base_text="old\n",
        on_retry=notes.append,
    )
    moved = fake.parents[oid]
    assert fake.parents[moved] == base
    assert fake.trees[oid] == {TARGET.path: "new\n", "README.md": "x"}
    assert notes == [
        f"main moved to {moved[:7]} during the commit; its ops/creatives.state.json is "
        "unchanged, so the commit is retried on top of it."
    ]


def test_a_moved_head_with_another_state_is_a_conflict(github):
    fake, client = github
    base = fake.push("main", {TARGET.path: "old\n"})
    fake.before_commit = lambda: fake.push("main", {TARGET.path: "theirs\n"}, "other apply")
    with pytest.raises(StateConflict) as caught:
        commit_state(client, TARGET, "ours\n", headline="h", expected_head=base, base_text="old\n")
    assert caught.value.reason == "state-conflict"
    assert caught.value.message.startswith(
        f"ops/creatives.state.json changed on main while this run applied (head {base[:7]} -> "
    )
    assert fake.trees[fake.branches["main"]][TARGET.path] == "theirs\n"


def test_an_error_that_is_not_a_move_is_raised_as_is(github):
    fake, client = github
    base = fake.push("main", {TARGET.path: "old\n"})
    with pytest.raises(GitHubApiError, match="no branch"):
        commit_state(
            client,
            Target(REPO, "gone", TARGET.path),
            "x",
            headline="h",
            expected_head=base,
            base_text=None,
        )


def test_a_branch_that_keeps_moving_gives_up():
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/graphql"):
            return httpx.Response(200, json={"errors": [{"message": "Expected branch"}]})
        if "/git/ref/" in request.url.path:
            calls["n"] += 1
            return httpx.Response(200, json={"object": {"sha": f"{calls['n']:040x}"}})
        return httpx.Response(404, json={"message": "Not Found"})

    transport = httpx.MockTransport(handler)
    with (
        GitHubClient(
            TOKEN,
            api_url="https://x.test",
            graphql_url="https://x.test/graphql",
            transport=transport,
        ) as client,
        pytest.raises(GitHubError) as caught,
    ):
        commit_state(client, TARGET, "x", headline="h", expected_head="0" * 40, base_text=None)
    assert caught.value.reason == "state-conflict"
    assert caught.value.message == (
        "main kept moving: the state could not be committed after 3 attempts."
    )
