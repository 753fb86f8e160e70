"""action.yml run step by step as a runner would: bash, each step's env resolved from inputs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconciler import catalog
from reconciler.api import VideotokClient
from reconciler.github.comment import parse_marker
from tests.test_github_fake import REPO, TOKEN, FakeGitHub, serve
from tests.test_github_flows import DATA, MANIFEST, parse_outputs

ROOT = Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def load_action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def resolve(text: Any, contexts: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        value: Any = contexts
        path = match.group(1).split(".")
        for part in path:
            if part not in value and path[0] == "steps":
                return ""  # an output a step did not set is empty, as on GitHub
            value = value[part]
        return str(value)

    return EXPRESSION.sub(one, str(text))


@dataclass
class Ran:
    codes: list[int] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)

    def log(self) -> str:
        return "\n".join(self.logs)


class Runner:
    """Plays the GitHub runner for one job: its variables, its files, one bash per step."""

    def __init__(self, workspace: Path, fake: FakeGitHub) -> None:
        self.workspace = workspace
        self.fake = fake
        self.temp = workspace.parent / "runner-temp"
        self.temp.mkdir(exist_ok=True)
        self.runs = 0

    def run(self, event: str, fixture: str, *, sha: str, ref: str, **inputs: str) -> Ran:
        self.runs += 1
        event_path = self.temp / f"event-{self.runs}.json"
        event_path.write_text((DATA / fixture).read_text())
        keep = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("GITHUB_", "VIDEOTOK_", "CREATIVES_", "RUNNER_"))
        }
        base = {
            **keep,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_EVENT_NAME": event,
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_SHA": sha,
            "GITHUB_REF": ref,
            "GITHUB_API_URL": self.fake.api,
            "GITHUB_GRAPHQL_URL": self.fake.graphql_url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_RUN_ID": "42",
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_ACTION_PATH": str(ROOT),
            "RUNNER_TEMP": str(self.temp),
            # The tool is importable from this interpreter: skip building the venv.
            "CREATIVES_ACTION_SKIP_INSTALL": "1",
        }
        action = load_action()
        contexts: dict[str, Any] = {
            "github": {"action_path": str(ROOT), "token": TOKEN},
            "steps": {},
        }
        values = {k: resolve(v.get("default", ""), contexts) for k, v in action["inputs"].items()}
        unknown = set(inputs) - set(values)
        assert not unknown, f"not inputs of action.yml: {unknown}"
        contexts["inputs"] = {**values, **inputs}
        ran = Ran()
        for number, step in enumerate(action["runs"]["steps"]):
            output = self.temp / f"output-{self.runs}-{number}"
            summary = self.temp / f"summary-{self.runs}-{number}"
            output.touch()
            summary.touch()
            script = self.temp / f"step-{self.runs}-{number}.sh"
            script.write_text(step["run"])
            env = {
                **base,
                "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(summary),
                **{k: resolve(v, contexts) for k, v in step.get("env", {}).items()},
            }
            done = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                cwd=self.workspace,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            ran.codes.append(done.returncode)
            ran.logs += [done.stdout, done.stderr]
            ran.files += [output.read_text(), summary.read_text()]
            if "id" in step:
                contexts["steps"][step["id"]] = {"outputs": parse_outputs(output.read_text())}
            if done.returncode != 0:
                break
        ran.outputs = {k: resolve(v["value"], contexts) for k, v in action["outputs"].items()}
        return ran


@pytest.fixture
def runner(tmp_path, inprocess_sandbox):
    workspace = tmp_path / "workspace"
    (workspace / "creatives").mkdir(parents=True)
    (workspace / "creatives" / "ads.yaml").write_text(MANIFEST.format(prompt="A bright ad."))
    sandbox = inprocess_sandbox(complete_after=0.0)
    with VideotokClient(sandbox.base_url, sandbox.api_key) as client:
        found = catalog.parse(client.list_models(), client.list_assets())
    (workspace / ".creatives").mkdir()
    (workspace / ".creatives" / "catalog.json").write_text(catalog.dumps(found, source="test"))
    fake = FakeGitHub()
    fake.push("main", {"README.md": "# ads\n"}, "initial")
    fake.open_pull(7)
    with serve(fake):
        yield Runner(workspace, fake), sandbox


def test_the_action_plans_a_pull_request_and_applies_it_on_merge(runner):
    actions, sandbox = runner
    fake = actions.fake
    plan = actions.run(
        "pull_request", "pull_request_opened.json", sha="9" * 40, ref="refs/pull/7/merge"
    )
    assert plan.codes == [0, 0, 0], plan.log()
    assert plan.outputs["changes"] == "true"
    assert plan.outputs["failure-reason"] == ""
    assert plan.outputs["credits"] == "300"
    assert json.loads(plan.outputs["counts"])["create"] == 2
    [comment] = fake.comments_on(7)
    assert (
        plan.outputs["comment-url"]
        == f"https://github.com/{REPO}/pull/7#issuecomment-{comment.id}"
    )
    assert parse_marker(comment.body).plan_hash == plan.outputs["plan-hash"]
    assert "## Creatives plan" in plan.files[-1]  # the run step's job summary

    merged = fake.merge(7)
    applied = actions.run(
        "push",
        "push_main.json",
        sha=merged,
        ref="refs/heads/main",
        command="apply",
        **{
            "api-url": sandbox.base_url,
            "api-key": sandbox.api_key,
            "max-credits": "1000",
            "wait": "true",
        },
    )
    assert applied.codes == [0, 0, 0], applied.log()
    assert applied.outputs["failure-reason"] == ""
    assert applied.outputs["plan-hash"] == plan.outputs["plan-hash"]
    assert applied.outputs["state-commit"] == fake.branches["main"]
    assert applied.outputs["applied"].startswith("Apply complete: 2 created,")
    assert sandbox.stats()["batches"] == 2
    state = (actions.workspace / "creatives.state.json").read_text()
    assert fake.trees[fake.branches["main"]]["creatives.state.json"] == state
    assert parse_marker(comment.body).state == "applied"
    assert "<img src=" in comment.body

    # The key was masked first thing; after that, neither secret appears anywhere.
    assert f"::add-mask::{sandbox.api_key}" in applied.logs[0]
    everything = [*plan.logs, *applied.logs, *plan.files, *applied.files]
    everything += [c.body for c in fake.comments]
    everything += [t for tree in fake.trees.values() for t in tree.values()]
    everything += [
        p.read_text(errors="replace") for p in actions.workspace.rglob("*") if p.is_file()
    ]
    for text in everything:
        shown = "\n".join(x for x in text.split("\n") if not x.startswith("::add-mask::"))
        assert TOKEN not in shown
        assert sandbox.api_key not in shown


def test_apply_on_a_pull_request_fails_with_a_reason(runner):
    actions, sandbox = runner
    ran = actions.run(
        "pull_request",
        "pull_request_opened.json",
        sha="9" * 40,
        ref="refs/pull/7/merge",
        command="apply",
    )
    assert ran.codes == [0, 0, 1]
    assert ran.outputs["failure-reason"] == "wrong-event"
    assert "Error: github apply runs on a push to a branch, not on pull_request" in ran.log()
    assert sandbox.stats()["batches"] == 0


def test_a_bad_command_input_is_refused_before_running_anything(runner):
    actions, _ = runner
    ran = actions.run(
        "pull_request", "pull_request_opened.json", sha="9" * 40, ref="x", command="destroy"
    )
    assert ran.codes == [0, 0, 2]
    assert "::error title=Invalid input::command must be plan or apply" in ran.log()


def test_the_real_install_path_checks_the_python_version(tmp_path):
    old = tmp_path / "python-too-old"
    old.write_text("#!/bin/sh\nexit 1\n")
    old.chmod(0o755)
    [install] = [s for s in load_action()["runs"]["steps"] if s.get("id") == "install"]
    script = tmp_path / "install.sh"
    script.write_text(install["run"])
    env = {
        "PATH": os.environ["PATH"],
        "PYTHON": str(old),
        "ACTION_PATH": str(ROOT),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "out"),
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"::error title=Python 3.11+ needed::{old} is older than 3.11")
    assert not (tmp_path / "videotok-reconciler-venv").exists()


def test_inputs_reach_scripts_only_through_env():
    action = load_action()
    assert action["runs"]["using"] == "composite"
    used: set[str] = set()
    for step in action["runs"]["steps"]:
        assert "uses" not in step
        assert step["shell"] == "bash"
        assert "${{" not in step["run"]
        for value in step.get("env", {}).values():
            used |= set(re.findall(r"inputs\.([a-z-]+)", str(value)))
    assert used == set(action["inputs"])
