"""The whole life of a manifest against the real sandbox server and the real command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli import (
    accepted_ids,
    creatives,
    duplicates,
    plan_json,
    read_state,
    state_ids,
    write,
)

MANIFEST = """\
creatives:
  hero:
    type: static_ad
    template_slug: product-shoot
    prompt: {prompt}
    aspect_ratio: "1:1"
    resolution: 1K
    request_count: {count}
{extra}"""

TEASER = """\
  teaser:
    type: video_ad
    template_slug: motion-graphics
    prompt: A fast teaser.
    duration: 8
    quality_tier: high
    matrix:
      aspect_ratio: ["9:16", "1:1"]
"""


def changes(data):
    return [
        (c["action"], c["address"], c["moved_from"])
        for c in data["changes"]
        if c["action"] != "no-op"
    ]


def manifest(tmp: Path, prompt="A bright ad.", count=1, extra=TEASER, name="hero") -> None:
    text = MANIFEST.format(prompt=prompt, count=count, extra=extra).replace("hero:", f"{name}:")
    write(tmp / "creatives" / "ads.yaml", text)


@pytest.fixture
def world(tmp_path, sandbox_server):
    server = sandbox_server("--complete-after", "0.3", "--seed", "7")
    run = creatives("catalog", "pull", cwd=tmp_path, url=server.url, key=server.api_key)
    assert run.code == 0, run.output

    def cli(*args: str, **kw):
        return creatives(*args, cwd=tmp_path, url=server.url, key=server.api_key, **kw)

    return tmp_path, server, cli


def test_full_cycle(world):
    tmp, server, cli = world
    manifest(tmp)
    run = cli("apply", "--auto-approve")
    assert run.code == 0, run.output
    assert "Apply complete: 3 created, 0 regenerated" in run.stdout
    assert server.stats()["batches"] == 3
    state_file = tmp / "creatives.state.json"

    # Nothing changed: the plan says so, and --detailed-exitcode agrees.
    run = cli("plan", "--detailed-exitcode")
    assert run.code == 0, run.output
    assert "No changes. Creatives match the manifests." in run.stdout

    # An edited prompt regenerates, with the field diff.
    manifest(tmp, prompt="A darker ad.")
    run = cli("plan", "--detailed-exitcode")
    assert run.code == 2, run.output
    assert "-/+ hero" in run.stdout
    assert '"A bright ad." -> "A darker ad."' in run.stdout
    assert cli("apply", "--auto-approve").code == 0
    assert server.stats()["batches"] == 4
    assert len(read_state(state_file).creatives["hero"].retired) == 1

    # A rename is a move: state only, no API call.
    manifest(tmp, prompt="A darker ad.", name="champion")
    data = plan_json(tmp)
    assert [changes(data)] == [[("move", "champion", "hero")]]
    assert data["summary"]["credits"] == 0
    run = cli("apply", "--auto-approve")
    assert run.code == 0, run.output
    assert server.stats()["batches"] == 4

    # Raising request_count adds only the difference.
    manifest(tmp, prompt="A darker ad.", name="champion", count=3)
    data = plan_json(tmp)
    [change] = [c for c in data["changes"] if c["action"] != "no-op"]
    assert change["action"] == "add_outputs"
    assert change["batch"]["request_count"] == 2
    assert cli("apply", "--auto-approve").code == 0
    stats = server.stats()
    assert stats["by_idempotency_key"][change["batch"]["idempotency_key"]]["outputs"] == 2

    # Everything accepted so far is in state, retired history included.
    assert accepted_ids(server.stats()) == state_ids(state_file)
    teaser_ids = {
        g.id
        for a, e in read_state(state_file).creatives.items()
        if a.startswith("teaser[")
        for g in e.generations
    }
    assert len(teaser_ids) == 2

    # A deleted creative is forgotten: state only.
    manifest(tmp, prompt="A darker ad.", name="champion", count=3, extra="")
    data = plan_json(tmp)
    assert sorted(
        (c["action"], c["address"]) for c in data["changes"] if c["action"] != "no-op"
    ) == [
        ("forget", "teaser[1:1]"),
        ("forget", "teaser[9:16]"),
    ]
    assert cli("apply", "--auto-approve").code == 0
    assert server.stats()["batches"] == 5
    assert sorted(read_state(state_file).creatives) == ["champion"]

    # Never paid twice; the only accepted outputs state no longer holds are the forgotten ones.
    stats = server.stats()
    assert duplicates(stats) == {}
    assert accepted_ids(stats) - state_ids(state_file) == teaser_ids
    assert cli("plan", "--detailed-exitcode").code == 0


def test_apply_wait_prints_the_asset_table_and_status_agrees(world):
    tmp, _server, cli = world
    manifest(tmp)
    run = cli("apply", "--auto-approve", "--wait", "--timeout", "30s")
    assert run.code == 0, run.output
    assert re.search(
        r"^hero\s+completed\s+http://127\.0\.0\.1:\d+/_sandbox/files/", run.stdout, re.M
    )
    assert "3 outputs: 3 completed." in run.stdout
    run = cli("status", "--format", "json")
    assert run.code == 0, run.output
    assert '"completed": 3' in run.stdout


def test_failed_outputs_are_reported_and_not_retried_until_revision(tmp_path, sandbox_server):
    server = sandbox_server("--complete-after", "0.2", "--failure-rate", "1")

    def cli(*args: str):
        return creatives(*args, cwd=tmp_path, url=server.url, key=server.api_key)

    manifest(tmp_path, extra="")
    run = cli("apply", "--auto-approve", "--wait", "--timeout", "20s")
    # Outputs this run queued failed: CI must not go green on it.
    assert run.code == 1, run.output
    assert "1 output(s) queued by this run failed; they are not retried." in run.stderr
    run = cli("plan", "--detailed-exitcode")
    assert run.code == 0, run.output
    assert "1 output failed and is not retried" in run.stdout
    assert server.stats()["batches"] == 1
    write(
        tmp_path / "creatives" / "ads.yaml",
        (tmp_path / "creatives" / "ads.yaml").read_text() + "    revision: 1\n",
    )
    run = cli("apply", "--auto-approve")
    assert run.code == 0, run.output
    assert "1 regenerated" in run.stdout
    assert server.stats()["batches"] == 2


def test_insufficient_credits_part_way_keeps_what_was_queued(world):
    tmp, server, cli = world
    manifest(tmp)
    # hero costs 100, each teaser 200: room for the first one or two only.
    server.set_credits(250)
    run = cli("apply", "--auto-approve", "--parallelism", "1")
    assert run.code == 1, run.output
    assert "insufficient_credits" in run.stdout
    assert "credits required" in run.stdout
    assert "skipped (credits)" in run.stdout
    stats = server.stats()
    assert stats["batches"] >= 1
    assert accepted_ids(stats) <= state_ids(tmp / "creatives.state.json")
    # The refused batch left no pending record: the next plan creates it, nothing to resubmit.
    data = plan_json(tmp)
    assert {a for a, _, _ in changes(data)} == {"create"}
    server.set_credits(10_000)
    assert cli("apply", "--auto-approve").code == 0
    assert duplicates(server.stats()) == {}
    assert cli("plan", "--detailed-exitcode").code == 0


def test_max_credits_below_the_estimate_refuses_before_any_post(world):
    tmp, server, cli = world
    manifest(tmp)
    run = cli("apply", "--auto-approve", "--max-credits", "100")
    assert run.code == 1
    assert "estimated at 500 credits, above --max-credits 100" in run.stderr
    assert server.stats()["batches"] == 0
    assert not (tmp / "creatives.state.json").exists()


def test_apply_refuses_without_a_terminal_or_auto_approve(world):
    tmp, server, cli = world
    manifest(tmp)
    run = cli("apply")
    assert run.code == 1
    assert "apply needs confirmation" in run.stderr
    assert server.stats()["batches"] == 0


def test_saved_plan_applies_exactly_and_refuses_when_stale(world):
    tmp, server, cli = world
    manifest(tmp)
    assert cli("plan", "-out", "plan.json").code == 0
    manifest(tmp, prompt="Changed after review.")
    run = cli("apply", "plan.json", "--auto-approve")
    assert run.code == 1
    assert "saved plan plan.json is stale: the manifests changed." in run.stderr
    assert server.stats()["batches"] == 0
    manifest(tmp)
    run = cli("apply", "plan.json")  # a saved plan is confirmed too; here nobody can
    assert run.code == 1
    assert "apply needs confirmation" in run.stderr
    assert server.stats()["batches"] == 0
    run = cli("apply", "plan.json", "--auto-approve")
    assert run.code == 0, run.output
    assert server.stats()["batches"] == 3
    run = cli("apply", "plan.json", "--auto-approve")
    assert run.code == 1
    assert "the state's serial changed" in run.stderr


def test_state_import_adopts_existing_generations(world):
    tmp, server, cli = world
    manifest(tmp, extra="")
    made = server.client.post(
        f"{server.url}/generations",
        headers=server.headers(),
        json={"type": "static_ad", "template_slug": "product-shoot", "prompt": "Old one."},
    )
    assert made.status_code == 200, made.text
    generation_id = made.json()["generations"][0]["id"]

    run = cli("state", "import", "hero", "no-such-id")
    assert run.code == 1
    assert "generation no-such-id was not found by the API" in run.stderr
    run = cli("state", "import", "heroo", generation_id)
    assert run.code == 1
    assert 'Did you mean "hero"?' in run.stderr

    video = server.client.post(
        f"{server.url}/generations",
        headers=server.headers(),
        json={
            "type": "video_ad",
            "template_slug": "motion-graphics",
            "prompt": "A video.",
            "duration": 8,
            "quality_tier": "low",
        },
    )
    assert video.status_code == 200, video.text
    video_id = video.json()["generations"][0]["id"]
    run = cli("state", "import", "hero", generation_id, video_id)
    assert run.code == 1
    assert (
        f"generation {video_id} is a video_ad, but hero is a static_ad; nothing was imported"
        in run.stderr
    )
    assert not (tmp / "creatives.state.json").exists()

    run = cli("state", "import", "hero", generation_id)
    assert run.code == 0, run.output
    assert run.stdout == "Imported 1 generation as hero.\n"
    assert [
        g.id for g in read_state(tmp / "creatives.state.json").creatives["hero"].generations
    ] == [generation_id]
    run = cli("plan", "--detailed-exitcode")
    assert run.code == 0, run.output
    run = cli("state", "import", "hero", generation_id)
    assert run.code == 1
    assert "hero is already in state" in run.stderr
