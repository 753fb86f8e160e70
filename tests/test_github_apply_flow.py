"""github apply: refusals, approvals, the state commit under concurrency, and re-runs."""

from __future__ import annotations

import httpx
import pytest

from reconciler import catalog
from reconciler.api import RetryPolicy
from reconciler.errors import ApplyError, GitHubError
from reconciler.github.apply_flow import github_apply
from reconciler.github.comment import Marker, parse_marker
from tests.test_github_fake import BOT, REPO
from tests.test_github_flows import OPENED, PR_URL, history, make_world


@pytest.fixture
def world(tmp_path, inprocess_sandbox):
    return make_world(tmp_path, inprocess_sandbox(complete_after=0.0))


def test_a_manifest_changed_after_review_is_refused_and_nothing_is_queued(world):
    assert world.plan() == 0
    merged = world.fake.merge(7)
    world.manifest("Not what was reviewed.")
    with pytest.raises(GitHubError) as caught:
        world.apply(merged)
    assert caught.value.reason == "plan-changed"
    assert world.outputs()["failure-reason"] == "plan-changed"
    assert world.sandbox.stats()["batches"] == 0
    assert world.fake.branches["main"] == merged
    assert (
        "**Refused (plan-changed):** the plan changed since it was reviewed in &#35;&#8288;7"
        in (world.summary())
    )
    assert parse_marker(world.fake.comments_on(7)[0].body).state == "planned"


def test_a_marker_written_by_someone_else_is_ignored(world):
    assert world.plan(comment_mode="off") == 0
    wanted = world.outputs()["plan-hash"]
    forged = Marker.for_plan("", wanted, PR_URL).render()
    theirs = world.fake.add_comment(7, "mallory", forged + "\nlooks approved to me")
    merged = world.fake.merge(7)
    with pytest.raises(GitHubError) as caught:
        world.apply(merged)
    assert caught.value.reason == "no-approved-plan"
    assert caught.value.message == (
        "no reviewed plan: #7 has no plan comment by github-actions[bot]. Nothing was queued."
    )
    assert world.sandbox.stats()["batches"] == 0
    # Planning again leaves their comment alone and writes our own.
    assert world.plan() == 0
    assert theirs.body.startswith(forged)
    assert [c.user for c in world.fake.comments_on(7)] == ["mallory", BOT]


def test_a_marker_copied_from_another_pull_request_approves_nothing(world):
    assert world.plan(comment_mode="off") == 0
    wanted = world.outputs()["plan-hash"]
    other = Marker.for_plan("", wanted, f"https://github.com/{REPO}/pull/8").render()
    world.fake.add_comment(7, BOT, other + "\ncopied")
    merged = world.fake.merge(7)
    with pytest.raises(GitHubError) as caught:
        world.apply(merged)
    assert caught.value.reason == "no-approved-plan"
    assert world.sandbox.stats()["batches"] == 0
    assert (
        "::warning title=Plan comment ignored::the plan comment on #7 records no valid plan "
        "for this pull request"
    ) in world.lines


def test_without_a_required_approval_a_direct_push_applies(world):
    merged = world.fake.push("main", {"creatives/ads.yaml": "direct"}, "direct push")
    with pytest.raises(GitHubError) as caught:
        world.apply(merged)
    assert caught.value.reason == "no-approved-plan"
    assert world.apply(merged, require_approved_plan=False) == 0
    assert world.sandbox.stats()["batches"] == 2
    assert world.outputs()["state-commit"] == world.fake.branches["main"]


def test_a_head_moved_during_the_commit_is_retried_on_the_new_head(world):
    fake = world.fake
    assert world.plan() == 0
    merged = fake.merge(7)
    moved: list[str] = []
    fake.before_commit = lambda: moved.append(fake.push("main", {"README.md": "new"}, "other"))
    assert world.apply(merged) == 0
    [state_commit] = history(fake, moved[0])
    assert fake.parents[moved[0]] == merged
    assert world.outputs()["state-commit"] == state_commit
    assert fake.trees[state_commit]["README.md"] == "new"
    assert fake.trees[state_commit]["creatives.state.json"] == world.state_text()
    assert (
        f"main moved to {moved[0][:7]} during the commit; its creatives.state.json is "
        "unchanged, so the commit is retried on top of it."
    ) in world.lines


def test_a_state_changed_during_the_commit_is_a_conflict_and_is_printed(world):
    fake = world.fake
    assert world.plan() == 0
    merged = fake.merge(7)
    fake.before_commit = lambda: fake.push("main", {"creatives.state.json": "{}"}, "other")
    with pytest.raises(GitHubError) as caught:
        world.apply(merged)
    assert caught.value.reason == "state-conflict"
    assert world.outputs()["failure-reason"] == "state-conflict"
    assert world.sandbox.stats()["batches"] == 2
    start = world.lines.index("::group::State not committed (creatives.state.json)")
    stop, text, resume, end = world.lines[start + 1 : start + 5]
    assert stop.startswith("::stop-commands::")
    assert resume == f"::{stop.removeprefix('::stop-commands::')}::"
    assert text == world.state_text().rstrip("\n")
    assert end == "::endgroup::"


def test_apply_refuses_pull_request_events(world):
    step = world.step("pull_request", OPENED, sha="9" * 40, ref="refs/pull/7/merge")
    with pytest.raises(GitHubError) as caught:
        github_apply(step, world.videotok)
    assert caught.value.reason == "wrong-event"
    assert caught.value.message == (
        "github apply runs on a push to a branch, not on pull_request (refs/pull/7/merge). "
        "Nothing was queued."
    )
    assert world.outputs()["failure-reason"] == "wrong-event"
    assert world.fake.requests == []
    assert world.sandbox.stats()["batches"] == 0


def test_batches_left_pending_are_finished_by_a_re_run_without_paying_twice(world):
    assert world.plan() == 0
    merged = world.fake.merge(7)
    with world.videotok() as client:  # prices stay readable while POSTs fail
        found = catalog.parse(client.list_models(), client.list_assets())
    (world.tmp / ".creatives").mkdir()
    (world.tmp / ".creatives" / "catalog.json").write_text(catalog.dumps(found, source="test"))
    faults = f"{world.sandbox.root_url}/_sandbox/faults"
    httpx.post(faults, json={"fail_rate": 1.0}).raise_for_status()
    world.retry = RetryPolicy(max_attempts=1)
    with pytest.raises(ApplyError):
        world.apply(merged)
    assert world.outputs()["failure-reason"] == "apply-failed"
    committed = world.fake.trees[world.fake.branches["main"]]["creatives.state.json"]
    assert committed.count('"phase": "pending"') == 2
    assert world.outputs()["applied"].startswith("Apply complete: 0 created,")
    assert parse_marker(world.fake.comments_on(7)[0].body).state == "applied"

    # The re-run checks out the merge commit again; the state comes from the branch.
    httpx.post(faults, json={"fail_rate": 0.0}).raise_for_status()
    (world.tmp / "creatives.state.json").unlink()
    assert world.apply(merged) == 0
    assert "Resubmitting the batches the earlier apply left pending (same keys)." in world.lines
    stats = world.sandbox.stats()
    assert stats["batches"] == 2
    assert all(v["batches"] == 1 for v in stats["by_idempotency_key"].values())
    assert '"phase": "pending"' not in world.state_text()


def test_apply_refuses_a_push_to_another_branch_than_the_default(world):
    step = world.step("push", "push_main.json", sha="9" * 40, ref="refs/heads/feature")
    with pytest.raises(GitHubError) as caught:
        github_apply(step, world.videotok)
    assert caught.value.reason == "wrong-event"
    assert caught.value.message == (
        "github apply runs on a push to the default branch (main), not to feature. "
        "Nothing was queued."
    )
    assert world.outputs()["failure-reason"] == "wrong-event"
    assert world.fake.requests == []
    assert world.sandbox.stats()["batches"] == 0


def test_without_the_default_branch_in_the_payload_github_is_asked(world):
    step = world.step("push", "push_main_sparse.json", sha="9" * 40, ref="refs/heads/feature")
    with pytest.raises(GitHubError) as caught:
        github_apply(step, world.videotok)
    assert caught.value.message == (
        "github apply runs on a push to the default branch (main), not to feature. "
        "Nothing was queued."
    )
    assert world.fake.requests == [("GET", f"/repos/{REPO}")]
    assert world.sandbox.stats()["batches"] == 0
