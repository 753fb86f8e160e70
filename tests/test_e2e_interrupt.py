"""Ctrl-C during apply: in-flight requests finish, state is written, exit 130, nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.cli import accepted_ids, creatives, duplicates, state_ids, write
from tests.trials import trial_manifest


def test_ctrl_c_finishes_in_flight_writes_state_and_exits_130(tmp_path, sandbox_server):
    server = sandbox_server("--latency", "400")
    write(tmp_path / "creatives" / "ads.yaml", trial_manifest("interrupt"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOTOK_")}
    env.update(VIDEOTOK_API_URL=server.url, VIDEOTOK_API_KEY=server.api_key)
    process = subprocess.Popen(
        [sys.executable, "-m", "reconciler", "apply", "--auto-approve", "--parallelism", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    state_file = tmp_path / "creatives.state.json"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not state_file.exists():
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, out + err
    assert "Interrupted: finishing the requests in flight" in err
    assert "Apply interrupted:" in out
    assert "skipped (interrupted)" in out
    stats = server.stats()
    assert 0 < stats["batches"] < 6
    assert accepted_ids(stats) <= state_ids(state_file)
    # A new run picks up exactly what is left.
    run = creatives("apply", "--auto-approve", cwd=tmp_path, url=server.url, key=server.api_key)
    assert run.code == 0, run.output
    assert duplicates(server.stats()) == {}
    assert server.stats()["batches"] == 6
