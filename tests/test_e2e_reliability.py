"""The promises under stress: SIGKILL at random moments, injected faults, overlapping runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from tests.cli import creatives, duplicates, write
from tests.trials import crash_trials, fault_trials, trial_manifest

CI_CRASH_TRIALS = 6


def check(outcome):
    assert outcome.problems == []
    assert (outcome.duplicates, outcome.lost, outcome.unconverged) == (0, 0, 0)


def test_sigkill_at_random_moments_never_pays_twice_nor_loses(tmp_path, sandbox_server):
    server = sandbox_server("--latency", "40", "--complete-after", "1")
    outcome = crash_trials(
        tmp_path, server.url, server.api_key, server.stats, trials=CI_CRASH_TRIALS, window=1.5
    )
    check(outcome)
    assert outcome.kills >= CI_CRASH_TRIALS


@pytest.mark.slow
def test_fifty_crash_trials(tmp_path, sandbox_server):
    server = sandbox_server("--latency", "40", "--complete-after", "1")
    outcome = crash_trials(tmp_path, server.url, server.api_key, server.stats, trials=50)
    check(outcome)


def test_faults_converge_to_exactly_the_desired_outputs(tmp_path, sandbox_server):
    server = sandbox_server(
        "--fail-rate", "0.3", "--rate-limit", "20", "--drop-after-commit", "0.05", "--seed", "3"
    )
    outcome = fault_trials(tmp_path, server.url, server.api_key, server.stats, trials=2)
    check(outcome)
    stats = server.stats()
    assert stats["outputs"] == 2 * 12  # each trial manifest wants 12 outputs


def test_two_applies_at_once_one_waits_for_nobody_and_fails_naming_the_holder(
    tmp_path, sandbox_server
):
    server = sandbox_server("--latency", "300")
    write(tmp_path / "creatives" / "ads.yaml", trial_manifest("overlap"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOTOK_")}
    env.update(VIDEOTOK_API_URL=server.url, VIDEOTOK_API_KEY=server.api_key)
    first = subprocess.Popen(
        [sys.executable, "-m", "reconciler", "apply", "--auto-approve"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = tmp_path / "creatives.state.json.lock"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (lock.exists() and lock.read_text().strip()):
        time.sleep(0.05)
    second = creatives("apply", "--auto-approve", cwd=tmp_path, url=server.url, key=server.api_key)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, out + err
    assert second.code == 1
    assert "is held" in second.stderr
    assert re.search(r"Operation:\s+apply", second.stderr)
    assert re.search(rf"PID:\s+{first.pid}\b", second.stderr)
    assert duplicates(server.stats()) == {}
    assert server.stats()["outputs"] == 12
