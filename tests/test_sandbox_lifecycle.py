"""Outputs over time, their assets, persistence and determinism, against a real sandbox."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import SandboxProcess
from tests.test_sandbox_assets import decode_png

Start = Callable[..., SandboxProcess]

STATIC = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "A drink."}
VEO = {
    "type": "ai_model",
    "model_slug": "veo",
    "variant_id": "first-frame-last-frame",
    "prompt": "The can opens.",
    "aspect_ratio": "9:16",
    "duration": 8,
    "reference_image_urls": ["https://example.com/first.png", "https://example.com/last.png"],
}


def queue(server: SandboxProcess, body: dict[str, Any], idem: str | None = None) -> list[str]:
    headers = server.headers(**({"Idempotency-Key": idem} if idem else {}))
    response = server.client.post(f"{server.url}/generations", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return [g["id"] for g in response.json()["generations"]]


def show(server: SandboxProcess, generation: str) -> dict[str, Any]:
    response = server.client.get(
        f"{server.url}/generations/{generation}", headers=server.headers()
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def wait_terminal(server: SandboxProcess, generation: str) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while True:
        view = show(server, generation)
        if view["status"] in ("completed", "failed") or time.monotonic() > deadline:
            return view
        time.sleep(0.05)


def test_outputs_complete_with_a_fetchable_png(sandbox_server: Start) -> None:
    server = sandbox_server("--complete-after", "0.9")
    (generation,) = queue(server, STATIC)
    first = show(server, generation)
    assert set(first) == {
        "object",
        "id",
        "type",
        "status",
        "url",
        "error",
        "created_at",
        "updated_at",
    }
    assert (first["status"], first["url"], first["error"]) == ("queued", None, None)
    assert first["created_at"].endswith("Z")

    statuses = [first["status"]]
    deadline = time.monotonic() + 10
    while statuses[-1] != "completed" and time.monotonic() < deadline:
        time.sleep(0.05)
        statuses.append(show(server, generation)["status"])
    seen = list(dict.fromkeys(statuses))
    # Each poll may be slow on a busy machine, so a short phase can be missed; never reordered.
    assert seen in (["queued", "processing", "completed"], ["queued", "completed"])

    done = show(server, generation)
    assert done["url"] == f"{server.root}/_sandbox/files/{generation}.png"
    assert done["updated_at"] > done["created_at"]
    asset = server.client.get(done["url"])
    assert asset.status_code == 200
    assert asset.headers["Content-Type"] == "image/png"
    assert decode_png(asset.content)[:2] == (64, 64)


def test_video_outputs_are_served_as_mp4(sandbox_server: Start) -> None:
    server = sandbox_server("--complete-after", "0")
    (generation,) = queue(server, VEO)
    done = show(server, generation)
    assert done["status"] == "completed"
    assert done["type"] == "ai_model"
    assert done["url"].endswith(f"/_sandbox/files/{generation}.mp4")
    asset = server.client.get(done["url"])
    assert asset.headers["Content-Type"] == "video/mp4"
    assert asset.content[4:8] == b"ftyp"
    wrong = server.client.get(done["url"].replace(".mp4", ".png"))
    assert wrong.status_code == 404


def test_asset_is_not_served_before_completion(sandbox_server: Start) -> None:
    server = sandbox_server("--complete-after", "30")
    (generation,) = queue(server, STATIC)
    response = server.client.get(f"{server.root}/_sandbox/files/{generation}.png")
    assert response.status_code == 404
    assert response.json()["error"]["context"] == {"status": "queued"}


def test_failure_rate_one_fails_every_output(sandbox_server: Start) -> None:
    server = sandbox_server("--complete-after", "0", "--failure-rate", "1")
    generations = queue(server, {**STATIC, "request_count": 3})
    for generation in generations:
        view = show(server, generation)
        assert view["status"] == "failed"
        assert view["url"] is None
        assert view["error"] == {
            "code": "generation_failed",
            "message": "The sandbox failed this generation on purpose (failure rate).",
        }


def test_world_survives_a_restart(sandbox_server: Start, tmp_path: Path) -> None:
    data = tmp_path / "state" / "sandbox.json"
    first = sandbox_server("--data", str(data), "--complete-after", "0.2")
    generations = queue(first, {**STATIC, "request_count": 2}, idem="crv1-keep")
    original = first.client.post(
        f"{first.url}/generations",
        json={**STATIC, "request_count": 2},
        headers=first.headers(**{"Idempotency-Key": "crv1-keep"}),
    )
    assert first.stop(signal.SIGINT) == 0
    assert data.is_file()

    # Another seed: the saved world (its key included) wins over the new seed.
    second = sandbox_server("--data", str(data), "--seed", "99")
    assert second.api_key == first.api_key
    replay = second.client.post(
        f"{second.url}/generations",
        json={**STATIC, "request_count": 2},
        headers=second.headers(**{"Idempotency-Key": "crv1-keep"}),
    )
    assert replay.content == original.content
    stats = second.stats()
    assert stats["batches"] == 1
    assert stats["credits"] == 100_000 - 200
    record = stats["by_idempotency_key"]["crv1-keep"]
    assert (record["batches"], record["outputs"]) == (1, 2)
    assert list(stats["by_idempotency_key"]) == ["crv1-keep"]
    # The lifecycle went on from the saved timestamps, and new ids do not collide.
    assert wait_terminal(second, generations[0])["status"] == "completed"
    assert show(second, generations[0])["created_at"] < show(second, generations[0])["updated_at"]
    (fresh,) = queue(second, STATIC)
    assert fresh not in generations


def test_credits_flag_resets_a_saved_balance(sandbox_server: Start, tmp_path: Path) -> None:
    data = tmp_path / "sandbox.json"
    first = sandbox_server("--data", str(data))
    queue(first, STATIC)
    first.stop()
    assert sandbox_server("--data", str(data)).stats()["credits"] == 99_900
    assert sandbox_server("--data", str(data), "--credits", "500").stats()["credits"] == 500


def test_same_seed_same_key_ids_and_failures(sandbox_server: Start) -> None:
    args = ("--seed", "7", "--complete-after", "0", "--failure-rate", "0.5")
    runs = []
    for _ in range(2):
        server = sandbox_server(*args)
        generations = queue(server, {**STATIC, "request_count": 10})
        runs.append((server.api_key, [(g, show(server, g)["status"]) for g in generations]))
        server.stop()
    assert runs[0] == runs[1]
    statuses = [status for _, status in runs[0][1]]
    assert set(statuses) == {"completed", "failed"}  # 0.5 of 10 splits, with this seed
    other = sandbox_server("--seed", "8")
    assert other.api_key != runs[0][0]
    assert other.api_key.startswith("vt_test_")
    assert len(other.api_key) == len("vt_test_") + 32
