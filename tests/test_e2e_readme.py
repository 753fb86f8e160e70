"""README.md's main job, run as written (after the install step) on a copy of the examples."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import httpx

from tests.cli import creatives

ROOT = Path(__file__).resolve().parent.parent


def readme_main_job() -> list[list[str]]:
    """The `creatives` invocations of the README's first command, as argument lists."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.+?)\n```", text, re.S)
    assert first is not None
    steps = [shlex.split(part) for part in first.group(1).split("&&")]
    return [step[1:] for step in steps if step[0].endswith("bin/creatives")]


def test_readme_main_job_plans_applies_waits_and_then_has_nothing_to_do(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    steps = readme_main_job()
    assert [s[0] for s in steps] == ["plan", "apply"]
    results = [creatives(*step, cwd=tmp_path, timeout=120) for step in steps]
    for run in results:
        assert run.code == 0, run.output
    plan_out, apply_out = results[0].stdout, results[1].stdout
    assert "Plan: 12 to create, 0 to regenerate" in plan_out
    assert "13 outputs, 2,356 credits." in plan_out
    assert "Apply complete: 12 created" in apply_out
    assert "13 outputs: 13 completed." in apply_out
    urls = re.findall(r"http://127\.0\.0\.1:8765/_sandbox/files/\S+", apply_out)
    assert len(urls) == 13

    again = [creatives(*step, cwd=tmp_path, timeout=120) for step in steps]
    assert "No changes. Creatives match the manifests." in again[0].stdout
    assert "No changes. Creatives match the manifests." in again[1].stdout
    assert "Apply complete" not in again[1].stdout

    # The assets stay reachable: `creatives sandbox` on the same data serves them.
    from tests.conftest import launch_sandbox

    server = launch_sandbox(tmp_path, "--data", ".creatives/sandbox.json")
    try:
        name = urls[0].rsplit("/", 1)[1]
        response = httpx.get(f"{server.root}/_sandbox/files/{name}", timeout=10)
        assert response.status_code == 200
        assert len(response.content) > 0
    finally:
        server.stop()
