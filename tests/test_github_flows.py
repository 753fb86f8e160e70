"""A pull request's whole life, offline: fake GitHub on an httpx transport, the real sandbox."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from reconciler import catalog
from reconciler.api import RetryPolicy, VideotokClient
from reconciler.errors import ManifestError
from reconciler.github.apply_flow import github_apply
from reconciler.github.comment import Marker, parse_marker, salt
from reconciler.github.env import GitHubEnv
from reconciler.github.flows import Options, Step, github_plan
from reconciler.github.rest import GitHubClient
from tests.test_github_fake import BOT, REPO, TOKEN, FakeGitHub

DATA = Path(__file__).parent / "data" / "github"
PR_URL = f"https://github.com/{REPO}/pull/7"
OPENED = "pull_request_opened.json"
SYNC = "pull_request_synchronize.json"
MANIFEST = """\
creatives:
  hero:
    type: static_ad
    template_slug: product-shoot
    prompt: {prompt}
    aspect_ratio: "1:1"
    resolution: 1K
  teaser:
    type: video_ad
    template_slug: motion-graphics
    prompt: A fast teaser.
    duration: 8
    quality_tier: high
    aspect_ratio: "9:16"
"""


def parse_outputs(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT as the runner reads it: `name=value` and `name<<DELIM` … `DELIM`."""
    found: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line:
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, i + 1)
            found[name] = "\n".join(lines[i + 1 : end])
            i = end + 1
        else:
            if "=" in line:
                name, value = line.split("=", 1)
                found[name] = value
            i += 1
    return found


@dataclasses.dataclass
class World:
    tmp: Path
    fake: FakeGitHub
    sandbox: Any
    lines: list[str] = dataclasses.field(default_factory=list)
    steps: int = 0
    retry: RetryPolicy = dataclasses.field(default_factory=RetryPolicy)

    def manifest(self, prompt: str = "A bright ad.") -> None:
        path = self.tmp / "creatives" / "ads.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(MANIFEST.format(prompt=prompt), encoding="utf-8")

    def videotok(self) -> VideotokClient:
        return VideotokClient(self.sandbox.base_url, self.sandbox.api_key, retry=self.retry)

    def step(self, event: str, fixture: str, *, sha: str, ref: str, **options: Any) -> Step:
        self.steps += 1
        payload = json.loads((DATA / fixture).read_text())
        event_path = self.tmp / "runner" / f"event-{self.steps}.json"
        event_path.parent.mkdir(exist_ok=True)
        event_path.write_text(json.dumps(payload))
        env = GitHubEnv(
            repository=REPO,
            event_name=event,
            event_path=str(event_path),
            sha=sha,
            ref=ref,
            api_url=self.fake.api,
            graphql_url=self.fake.graphql_url,
            run_id="42",
            workspace=str(self.tmp),
            output_path=str(self.tmp / "runner" / f"output-{self.steps}"),
            summary_path=str(self.tmp / "runner" / f"summary-{self.steps}"),
        )
        settings = Options(root=self.tmp, poll_interval=0.05, timeout=20, **options)
        github = GitHubClient(
            TOKEN,
            api_url=self.fake.api,
            graphql_url=self.fake.graphql_url,
            transport=self.fake.transport(),
        )

        def fetch() -> catalog.Catalog:
            with self.videotok() as client:
                return catalog.parse(client.list_models(), client.list_assets())

        return Step(env, settings, github, self.lines.append, fallback_catalog=fetch)

    def plan(self, fixture: str = OPENED, **options: Any) -> int:
        sha = "9" * 40
        return github_plan(
            self.step("pull_request", fixture, sha=sha, ref="refs/pull/7/merge", **options)
        )

    def apply(self, sha: str, **options: Any) -> int:
        step = self.step("push", "push_main.json", sha=sha, ref="refs/heads/main", **options)
        return github_apply(step, self.videotok)

    def outputs(self) -> dict[str, str]:
        return parse_outputs((self.tmp / "runner" / f"output-{self.steps}").read_text())

    def summary(self) -> str:
        path = self.tmp / "runner" / f"summary-{self.steps}"
        return path.read_text() if path.exists() else ""

    def state_text(self) -> str:
        return (self.tmp / "creatives.state.json").read_text()


def make_world(tmp_path: Path, sandbox: Any) -> World:
    """A workspace with a manifest, a fake GitHub with main and PR #7, and a sandbox."""
    fake = FakeGitHub()
    fake.push("main", {"README.md": "# ads\n"}, "initial")
    fake.open_pull(7)
    world = World(tmp_path, fake, sandbox)
    world.manifest()
    return world


@pytest.fixture
def world(tmp_path, inprocess_sandbox):
    return make_world(tmp_path, inprocess_sandbox(complete_after=0.0))


def history(fake: FakeGitHub, since: str) -> list[str]:
    """Commits on main after `since`, oldest first."""
    found, oid = [], fake.branches["main"]
    while oid != since:
        found.append(oid)
        oid = fake.parents[oid]
    return found[::-1]


def test_a_pull_request_from_first_plan_to_applied(world):
    fake = world.fake
    assert world.plan() == 0
    [comment] = fake.comments_on(7)
    out = world.outputs()
    assert comment.user == BOT
    assert out["failure-reason"] == ""
    assert out["changes"] == "true"
    assert out["counts"] == (
        '{"create":2,"regenerate":0,"add_outputs":0,"resubmit":0,"move":0,"forget":0,'
        '"outputs":2,"unknown_credits":0}'
    )
    assert out["summary"].startswith("Plan: 2 to create, 0 to regenerate,")
    assert out["comment-url"] == f"{PR_URL}#issuecomment-{comment.id}"
    reviewed = out["plan-hash"]
    assert parse_marker(comment.body) == Marker("", reviewed, salt(reviewed, PR_URL), "planned")
    assert comment.body.startswith(
        f'<!-- videotok-reconciler {{"v":1,"label":"","plan_hash":"{reviewed}",'
    )
    assert "## Creatives plan" in comment.body
    assert comment.body.endswith(
        "<sub>Plan of `a1b2c3d` · [full plan in the job summary]"
        f"(https://github.com/{REPO}/actions/runs/42)</sub>\n"
    )
    assert world.summary().startswith("## Creatives plan\n")

    # The pull request is updated: the same comment is edited in place, found on page 2.
    fake.page_size = 2
    for text in ("LGTM", "one question", "ship it"):
        fake.add_comment(7, "alice", text)
    world.manifest("A brighter ad.")
    assert world.plan(SYNC) == 0
    assert [c.id for c in fake.comments_on(7) if c.user == BOT] == [comment.id]
    reviewed = world.outputs()["plan-hash"]
    assert parse_marker(comment.body).plan_hash == reviewed
    assert "<sub>Plan of `b2c3d4e`" in comment.body
    assert fake.count("PATCH", r"/issues/comments/") == 1

    merged = fake.merge(7)
    assert world.apply(merged, wait=True) == 0
    out = world.outputs()
    assert out["failure-reason"] == ""
    assert out["plan-hash"] == reviewed
    assert out["applied"].startswith("Apply complete: 2 created,")
    assert world.sandbox.stats()["batches"] == 2
    commits = history(fake, merged)
    assert out["state-commit"] == commits[-1]
    assert all("[skip ci]" in fake.messages[c] for c in commits)
    assert fake.messages[commits[0]] == "creatives: record the state after applying #7 [skip ci]"
    assert fake.trees[commits[-1]]["creatives.state.json"] == world.state_text()
    assert '"status": "completed"' in world.state_text()
    marker = parse_marker(comment.body)
    assert marker.state == "applied"
    assert marker.plan_hash == reviewed
    assert (
        f"**Applied** in [`{commits[-1][:7]}`](https://github.com/{REPO}/commit/" in comment.body
    )
    assert "<img src=" in comment.body
    assert "[▶ video](" in comment.body
    assert "Apply complete: 2 created" in world.summary()

    # Everything GitHub and the runner saw is free of both secrets.
    seen = [c.body for c in fake.comments] + world.lines
    seen += [t for tree in fake.trees.values() for t in tree.values()]
    seen += [p.read_text() for p in (world.tmp / "runner").iterdir()]
    for text in seen:
        assert TOKEN not in text
        assert world.sandbox.api_key not in text

    # A re-run of the same push starts from the committed state and does nothing.
    (world.tmp / "creatives.state.json").unlink()
    assert world.apply(merged) == 0
    assert world.sandbox.stats()["batches"] == 2
    assert world.lines[-1] == "Already applied: #7."


def test_a_fork_gets_the_summary_only_and_succeeds(world):
    world.fake.open_pull(7, fork=True)
    assert world.plan("pull_request_fork.json") == 0
    assert world.fake.requests == []
    assert world.outputs()["changes"] == "true"
    assert world.summary().endswith(
        "\n_No pull-request comment: this pull request comes from a fork, whose token cannot "
        "comment._\n"
    )


def test_a_refused_comment_degrades_to_the_summary(world):
    world.fake.read_only = True
    assert world.plan() == 0
    assert (
        "::warning title=No plan comment::POST /repos/acme/ads/issues/7/comments: HTTP 403: "
        "Resource not accessible by integration (the token needs pull-requests: write)"
    ) in world.lines
    assert "_No pull-request comment: POST /repos/acme/ads/issues/7/comments: HTTP 403" in (
        world.summary()
    )


def test_invalid_manifests_are_annotated_and_the_comment_approves_nothing(world):
    (world.tmp / "creatives" / "ads.yaml").write_text(
        "creatives:\n  hero:\n    type: static_ad\n    template_slug: product-shoot\n"
        "    prompt: x\n    colour: red\n"
    )
    with pytest.raises(ManifestError):
        world.plan()
    [annotation] = [line for line in world.lines if line.startswith("::error ")]
    assert annotation.startswith(
        "::error file=creatives/ads.yaml,line=6,col=5,title=Invalid manifest%3A "
    )
    assert world.outputs()["failure-reason"] == "invalid-manifests"
    assert world.outputs()["plan-hash"] == ""
    [comment] = world.fake.comments_on(7)
    assert parse_marker(comment.body) == Marker("", "", "", "planned")
    assert "The manifests are invalid: see the annotations and the job summary." in comment.body
    assert "**1 problem found in the manifests.**" in world.summary()


def test_each_label_keeps_its_own_comment(world):
    assert world.plan(label="staging") == 0
    assert world.plan(label="production") == 0
    world.manifest("Another prompt.")
    assert world.plan(label="staging") == 0
    staging, production = world.fake.comments_on(7)
    assert parse_marker(staging.body).label == "staging"
    assert parse_marker(production.body).label == "production"
    assert "## Creatives plan (staging)" in staging.body
    assert "Another prompt." not in production.body
    assert world.fake.count("PATCH", r"/issues/comments/") == 1


def test_comment_mode_new_and_off(world):
    assert world.plan(comment_mode="new") == 0
    assert world.plan(comment_mode="new") == 0
    assert len(world.fake.comments_on(7)) == 2
    assert world.plan(comment_mode="off") == 0
    assert len(world.fake.comments_on(7)) == 2
    assert world.outputs()["comment-url"] == ""
