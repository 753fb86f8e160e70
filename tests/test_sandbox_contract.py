"""The sandbox's API contract, driven over HTTP against a real `creatives sandbox` process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx

from reconciler.sandbox.contract import OTHER_WORKSPACE_KEY, READ_ONLY_KEY, WRITE_ONLY_KEY
from tests.conftest import SandboxProcess

Start = Callable[..., SandboxProcess]

STATIC = {
    "type": "static_ad",
    "template_slug": "product-shoot",
    "prompt": "Premium ad for a collagen drink.",
    "aspect_ratio": "1:1",
    "resolution": "1K",
    "brand_kit_id": 42,
    "request_count": 2,
}


def post(
    server: SandboxProcess, body: Any, *, key: str | None = None, idem: str | None = None
) -> httpx.Response:
    headers = server.headers(key)
    if idem is not None:
        headers["Idempotency-Key"] = idem
    return server.client.post(f"{server.url}/generations", json=body, headers=headers)


def error_of(response: httpx.Response) -> dict[str, Any]:
    assert set(response.json()) == {"error"}
    error: dict[str, Any] = response.json()["error"]
    assert set(error) == {"code", "message", "retryable", "context"}
    return error


def test_missing_bearer_is_unauthorized(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = server.client.post(f"{server.url}/generations", json=STATIC)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert error_of(response) == {
        "code": "unauthorized",
        "message": "Missing API key: send the header 'Authorization: Bearer <key>'.",
        "retryable": False,
        "context": {},
    }


def test_unknown_key_is_invalid_and_never_echoed(sandbox_server: Start) -> None:
    server = sandbox_server()
    bogus = "vt_test_" + "f" * 32
    response = server.client.get(f"{server.url}/models", headers=server.headers(bogus))
    assert response.status_code == 401
    assert error_of(response)["code"] == "invalid_api_key"
    assert bogus not in response.text


def test_read_only_key_cannot_post(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = post(server, STATIC, key=READ_ONLY_KEY.key)
    assert response.status_code == 403
    error = error_of(response)
    assert error["code"] == "forbidden"
    assert error["retryable"] is False
    assert error["context"] == {
        "required_scope": "generations:write",
        "granted_scopes": ["generations:read"],
    }
    assert server.stats()["batches"] == 0


def test_write_only_key_reads_its_own_generations_only(sandbox_server: Start) -> None:
    server = sandbox_server()
    mine = post(server, STATIC, key=WRITE_ONLY_KEY.key).json()["generations"][0]["id"]
    theirs = post(server, STATIC).json()["generations"][0]["id"]
    headers = server.headers(WRITE_ONLY_KEY.key)

    own = server.client.get(f"{server.url}/generations/{mine}", headers=headers)
    assert own.status_code == 200
    assert own.json()["id"] == mine
    other = server.client.get(f"{server.url}/generations/{theirs}", headers=headers)
    assert other.status_code == 403
    assert error_of(other)["context"]["required_scope"] == "generations:read"
    models = server.client.get(f"{server.url}/models", headers=headers)
    assert models.status_code == 403
    read = server.client.get(
        f"{server.url}/generations/{mine}", headers=server.headers(READ_ONLY_KEY.key)
    )
    assert read.status_code == 200


def test_another_workspace_sees_not_found(sandbox_server: Start) -> None:
    server = sandbox_server()
    generation = post(server, STATIC).json()["generations"][0]["id"]
    response = server.client.get(
        f"{server.url}/generations/{generation}",
        headers=server.headers(OTHER_WORKSPACE_KEY.key),
    )
    assert response.status_code == 404
    assert error_of(response) == {
        "code": "not_found",
        "message": f"No generation '{generation}' in this workspace.",
        "retryable": False,
        "context": {"resource": "generation", "id": generation},
    }


def test_bad_request_names_the_field_and_queues_nothing(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = post(server, {**STATIC, "template_slug": "product-shot"}, idem="k-bad")
    assert response.status_code == 400
    assert error_of(response) == {
        "code": "bad_request",
        "message": "template_slug: 'product-shot' is not a static_ads template "
        "(allowed: product-shoot, lifestyle-flatlay).",
        "retryable": False,
        "context": {
            "field": "template_slug",
            "reason": "not_allowed",
            "allowed": ["product-shoot", "lifestyle-flatlay"],
            "value": "product-shot",
        },
    }
    unknown = post(server, {**STATIC, "colour": "red"})
    assert error_of(unknown)["context"]["field"] == "colour"
    assert error_of(unknown)["context"]["reason"] == "unknown_field"
    # A refused request is not remembered: the same key works once the body is fixed.
    assert post(server, STATIC, idem="k-bad").status_code == 200
    assert server.stats()["batches"] == 1


def test_replay_returns_the_original_answer_and_charges_once(sandbox_server: Start) -> None:
    server = sandbox_server()
    first = post(server, STATIC, idem="crv1-replay")
    again = post(server, STATIC, idem="crv1-replay")
    in_body = post(server, {**STATIC, "idempotency_key": "crv1-replay"})

    assert first.status_code == again.status_code == in_body.status_code == 200
    assert again.content == first.content
    assert in_body.content == first.content
    batch = first.json()
    assert batch["object"] == "generation_batch"
    assert batch["status"] == "queued"
    assert batch["credits_deducted"] == 200
    assert batch["remaining_credits"] == 100_000 - 200
    assert [g["status"] for g in batch["generations"]] == ["queued", "queued"]
    assert {g["type"] for g in batch["generations"]} == {"static_ad"}
    stats = server.stats()
    assert stats["batches"] == 1
    assert stats["outputs"] == 2
    ids = [g["id"] for g in batch["generations"]]
    assert stats["by_idempotency_key"] == {
        "crv1-replay": {"batches": 1, "outputs": 2, "generation_ids": ids}
    }
    assert stats["credits"] == 100_000 - 200


def test_posts_without_a_key_are_not_idempotent(sandbox_server: Start) -> None:
    server = sandbox_server()
    assert post(server, STATIC).status_code == 200
    assert post(server, STATIC).status_code == 200
    stats = server.stats()
    assert (stats["batches"], stats["credits"], stats["by_idempotency_key"]) == (2, 99_600, {})


def test_same_key_different_payload_conflicts(sandbox_server: Start) -> None:
    server = sandbox_server()
    assert post(server, STATIC, idem="k1").status_code == 200
    response = post(server, {**STATIC, "request_count": 3}, idem="k1")
    assert response.status_code == 409
    assert error_of(response) == {
        "code": "idempotency_conflict",
        "message": "This idempotency key was already used with a different payload.",
        "retryable": False,
        "context": {"reason": "payload_mismatch", "idempotency_key": "k1"},
    }
    assert server.stats()["batches"] == 1


def test_key_still_processing_conflicts(sandbox_server: Start) -> None:
    server = sandbox_server("--latency", "600")
    answers: list[httpx.Response] = []

    def send() -> None:
        answers.append(post(server, STATIC, idem="k-slow"))

    first = threading.Thread(target=send)
    first.start()
    threading.Event().wait(0.25)  # the first request now holds the key, inside its latency
    send()
    first.join()

    # Both answers come after their latency, so they may arrive in either order.
    accepted, conflict = sorted(answers, key=lambda r: r.status_code)
    assert (accepted.status_code, conflict.status_code) == (200, 409)
    assert error_of(conflict)["context"] == {"reason": "processing", "idempotency_key": "k-slow"}
    assert post(server, STATIC, idem="k-slow").content == accepted.content
    assert server.stats()["batches"] == 1


def test_insufficient_credits_queues_nothing(sandbox_server: Start) -> None:
    server = sandbox_server("--credits", "250")
    assert post(server, STATIC, idem="a").status_code == 200  # 200 of 250
    response = post(server, STATIC, idem="b")
    assert response.status_code == 402
    assert error_of(response) == {
        "code": "insufficient_credits",
        "message": "This batch needs 200 credits; the workspace has 50.",
        "retryable": False,
        "context": {"credits_required": 200, "credits_available": 50},
    }
    stats = server.stats()
    assert (stats["batches"], stats["credits"]) == (1, 50)
    # Topped up, the same key goes through: a 402 is not remembered.
    server.set_credits(1000)
    assert post(server, STATIC, idem="b").json()["remaining_credits"] == 800


def test_catalog_and_assets_shapes(sandbox_server: Start) -> None:
    server = sandbox_server()
    headers = server.headers(READ_ONLY_KEY.key)
    models = server.client.get(f"{server.url}/models", headers=headers).json()
    assets = server.client.get(f"{server.url}/assets", headers=headers).json()
    assert models["object"] == "catalog"
    assert [t["slug"] for t in models["static_ads"]] == ["product-shoot", "lifestyle-flatlay"]
    assert models["video_ads"][0]["quality_tiers"][0] == {
        "id": "high",
        "durations": [4, 8, 12],
        "credits_per_second": 25,
    }
    veo = next(m for m in models["ai_models"] if m["slug"] == "veo")
    assert veo["variants"][0]["id"] == "first-frame-last-frame"
    assert [p["id"] for p in models["presets"]] == ["egor", "minimal"]
    assert models["quality_tiers"] == [
        {"id": "high", "name": "High"},
        {"id": "low", "name": "Low"},
    ]
    assert assets["object"] == "assets"
    assert [k["id"] for k in assets["brand_kits"]] == [42, 7]
    assert [a["id"] for a in assets["avatars"]] == ["avatar_123", "avatar_456"]
    assert len(assets["reference_inspirations"]) == 2


def test_unknown_endpoint_is_not_found(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = server.client.delete(f"{server.url}/generations", headers=server.headers())
    assert response.status_code == 404
    assert error_of(response)["message"] == "No such endpoint: DELETE /api/v1/generations."


def test_malformed_idempotency_keys_are_bad_requests(sandbox_server: Start) -> None:
    server = sandbox_server()
    for key in ["", "has space", "x" * 256]:
        response = post(server, {**STATIC, "idempotency_key": key})
        assert response.status_code == 400, key
        assert error_of(response)["context"]["field"] == "idempotency_key"
    header = post(server, STATIC, idem="tab\tinside")
    assert error_of(header)["message"] == (
        "Idempotency-Key: must be 1 to 255 printable ASCII characters."
    )
