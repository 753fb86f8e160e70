"""The in-process API: `start_sandbox(SandboxConfig) -> RunningSandbox`, on a real socket."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from reconciler.sandbox import RunningSandbox, SandboxConfig, SandboxError, start_sandbox

Start = Callable[..., RunningSandbox]
STATIC = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "A drink."}


def auth(running: RunningSandbox, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {running.api_key}", **extra}


def test_running_sandbox_reports_where_and_how_to_call_it() -> None:
    with start_sandbox(SandboxConfig(seed=3)) as running:
        assert running.base_url == f"http://127.0.0.1:{running.port}/api/v1"
        assert running.root_url == f"http://127.0.0.1:{running.port}"
        assert running.api_key.startswith("vt_test_")
        assert [k.label for k in running.api_keys()] == [
            "default",
            "read-only",
            "write-only",
            "other-workspace",
        ]
        answer = httpx.post(f"{running.base_url}/generations", json=STATIC, headers=auth(running))
        assert answer.status_code == 200
        assert running.stats()["batches"] == 1
    running.shutdown()  # a second shutdown is harmless
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{running.base_url}/models", headers=auth(running))


def test_concurrent_retries_of_one_key_queue_one_batch(inprocess_sandbox: Start) -> None:
    running = inprocess_sandbox(latency_ms=100)
    statuses: list[int] = []
    lock = threading.Lock()

    def send() -> None:
        response = httpx.post(
            f"{running.base_url}/generations",
            json=STATIC,
            headers=auth(running, **{"Idempotency-Key": "same"}),
            timeout=10,
        )
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(statuses) <= {200, 409}
    assert 200 in statuses
    stats = running.stats()
    assert (stats["batches"], stats["credits"]) == (1, 99_900)


def test_two_sandboxes_on_one_data_file_never_charge_twice(
    inprocess_sandbox: Start, tmp_path: Path
) -> None:
    data = tmp_path / ".creatives" / "sandbox.json"
    first, second = inprocess_sandbox(data=data), inprocess_sandbox(data=data)
    assert first.api_key == second.api_key
    headers = auth(first, **{"Idempotency-Key": "crv1-shared"})
    original = httpx.post(f"{first.base_url}/generations", json=STATIC, headers=headers)
    replay = httpx.post(f"{second.base_url}/generations", json=STATIC, headers=headers)
    assert replay.content == original.content
    generation = original.json()["generations"][0]["id"]
    seen = httpx.get(f"{second.base_url}/generations/{generation}", headers=auth(second))
    assert seen.status_code == 200
    assert second.stats()["batches"] == 1


def test_verbose_logs_one_line_per_request_to_the_given_stream(inprocess_sandbox: Start) -> None:
    log = io.StringIO()
    running = inprocess_sandbox(verbose=True, log=log)
    httpx.get(f"{running.base_url}/models", headers=auth(running))
    httpx.get(f"{running.root_url}/_sandbox/stats")
    assert log.getvalue() == (
        'sandbox: "GET /api/v1/models" 200\nsandbox: "GET /_sandbox/stats" 200\n'
    )


def test_invalid_settings_do_not_start() -> None:
    with pytest.raises(SandboxError) as refused:
        start_sandbox(SandboxConfig(fail_rate=2))
    assert refused.value.message == "Invalid sandbox setting: fail_rate: must be from 0 to 1."


def test_control_endpoints_refuse_bad_bodies(inprocess_sandbox: Start) -> None:
    running = inprocess_sandbox()
    credits = httpx.post(f"{running.root_url}/_sandbox/credits", json={"credits": -1})
    assert credits.status_code == 400
    assert credits.json()["error"]["context"]["field"] == "credits"
    faults = httpx.post(f"{running.root_url}/_sandbox/faults", content=b"[1]")
    assert faults.status_code == 400
    missing = httpx.get(f"{running.root_url}/_sandbox/nothing")
    assert missing.status_code == 404
    other = httpx.post(
        f"{running.root_url}/_sandbox/credits", json={"credits": 5, "workspace": "ws_other"}
    )
    assert other.json() == {"workspace": "ws_other", "credits": 5}
    assert running.stats()["credits_by_workspace"] == {"ws_default": 100_000, "ws_other": 5}
