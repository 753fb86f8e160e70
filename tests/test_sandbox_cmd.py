"""`creatives sandbox`: start-up lines, flags, signals, quiet and verbose logging."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from reconciler.cli import cli
from tests.conftest import SandboxProcess

Start = Callable[..., SandboxProcess]
STATIC = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "A drink."}


def test_startup_prints_url_key_and_extra_keys(sandbox_server: Start) -> None:
    server = sandbox_server("--seed", "11")
    url, key = server.stdout_lines
    assert re.fullmatch(r"Videotok sandbox listening on http://127\.0\.0\.1:\d+/api/v1", url)
    assert re.fullmatch(r"Test API key: vt_test_[0-9a-f]{32}", key)
    assert server.more_stdout() == [
        "Extra key (read-only; generations:read): vt_test_00000000000000000000000000000001",
        "Extra key (write-only; generations:write): vt_test_00000000000000000000000000000002",
        "Extra key (other-workspace; generations:read, generations:write): "
        "vt_test_00000000000000000000000000000003",
    ]
    assert server.stop(signal.SIGINT) == 0
    assert server.stderr() == (
        "Data is kept in memory only (use --data FILE to keep it). Stop with Ctrl-C.\n"
        "Sandbox stopped.\n"
    )


def test_sigterm_exits_cleanly_with_data_saved(sandbox_server: Start, tmp_path: Path) -> None:
    data = tmp_path / "sandbox.json"
    server = sandbox_server("--data", str(data))
    server.client.post(f"{server.url}/generations", json=STATIC, headers=server.headers())
    assert server.stop(signal.SIGTERM) == 0
    saved = json.loads(data.read_text())
    assert len(saved["batches"]) == 1
    assert saved["credits"]["ws_default"] == 99_900


def test_flags_become_the_fault_settings(sandbox_server: Start) -> None:
    server = sandbox_server(
        "--latency", "5", "--fail-rate", "0.25", "--rate-limit", "50/s",
        "--drop-after-commit", "0.5", "--complete-after", "0.3", "--failure-rate", "0.1",
    )  # fmt: skip
    assert server.client.get(f"{server.root}/_sandbox/faults").json() == {
        "latency_ms": 5,
        "fail_rate": 0.25,
        "rate_limit": 50,
        "drop_after_commit": 0.5,
        "failure_rate": 0.1,
        "complete_after": 0.3,
    }
    plain = sandbox_server("--rate-limit", "7")
    assert plain.client.get(f"{plain.root}/_sandbox/faults").json()["rate_limit"] == 7


def test_quiet_by_default_and_verbose_never_logs_keys(sandbox_server: Start) -> None:
    quiet = sandbox_server()
    verbose = sandbox_server("--verbose")
    for server in (quiet, verbose):
        server.client.get(f"{server.url}/models", headers=server.headers())
        server.client.post(f"{server.url}/generations", json=STATIC, headers=server.headers())
        server.stop()
    assert "models" not in quiet.stderr()
    log = verbose.stderr()
    assert 'sandbox: "GET /api/v1/models" 200\n' in log
    assert 'sandbox: "POST /api/v1/generations" 200\n' in log
    assert verbose.api_key not in log
    assert "Bearer" not in log


def test_a_bad_rate_limit_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["sandbox", "--rate-limit", "fast"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--rate-limit': 'fast' is not a rate: write N or N/s, e.g. 5/s."
        in result.output
    )
    zero = CliRunner().invoke(cli, ["sandbox", "--rate-limit", "0/s"])
    assert zero.exit_code == 2
    assert "'0/s' must be above 0 requests per second." in zero.output


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "reconciler", "sandbox", "--port", str(port)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: The sandbox cannot listen on 127.0.0.1:{port}: Address already in use.\n"
        "Pick another --port, or 0 for any free port.\n"
    )


def test_an_unreadable_data_file_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "sandbox.json"
    data.write_text("{oops")
    result = subprocess.run(
        [sys.executable, "-m", "reconciler", "sandbox", "--port", "0", "--data", str(data)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: The sandbox data file {data} is not readable")
    assert data.read_text() == "{oops"
