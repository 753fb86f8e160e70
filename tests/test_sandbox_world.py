"""The sandbox world in-process: credits, idempotency, lifecycle and persistence, no HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconciler.sandbox import records
from reconciler.sandbox.contract import DEFAULT_WORKSPACE, FIXED_KEYS, Rejection
from reconciler.sandbox.store import SandboxDataError
from reconciler.sandbox.validate import Order
from reconciler.sandbox.world import World, new_world_data

T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z
ORDER = Order(type="static_ad", request_count=2, unit_price=100, media="image")


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def world(path: Path | None = None, *, seed: int = 0, credits: int | None = None) -> World:
    return World.open(path, seed=seed, credits=credits, clock=FakeClock())


def commit(
    w: World, key: str | None = None, order: Order = ORDER, **kw: float
) -> dict[str, object]:
    settings = {"failure_rate": 0.0, "complete_after": 3.0, **kw}
    _, body = w.commit(w.default_key, key, "digest", order, **settings)
    return body


def test_a_new_world_has_the_seeded_key_and_the_fixed_ones() -> None:
    w = world(seed=5)
    assert w.default_key.key == records.default_key(5)
    assert w.default_key.key != records.default_key(6)
    assert w.api_keys()[1:] == FIXED_KEYS
    assert w.credits() == 100_000


def test_commit_deducts_then_queues_and_answers_the_batch() -> None:
    w = world()
    body = commit(w, "k")
    ids = [records.generation_id(0, 0), records.generation_id(0, 1)]
    assert body == {
        "object": "generation_batch",
        "status": "queued",
        "generations": [
            {"object": "generation", "id": i, "type": "static_ad", "status": "queued"} for i in ids
        ],
        "credits_deducted": 200,
        "remaining_credits": 99_800,
    }
    assert w.credits() == 99_800
    assert w.stats()["by_idempotency_key"] == {
        "k": {"batches": 1, "outputs": 2, "generation_ids": ids}
    }


def test_short_of_credits_changes_nothing() -> None:
    w = world(credits=199)
    with pytest.raises(Rejection) as refused:
        commit(w)
    assert refused.value.status == 402
    assert refused.value.context == {"credits_required": 200, "credits_available": 199}
    assert (w.credits(), w.stats()["batches"], w.generation(records.generation_id(0, 0))) == (
        199,
        0,
        None,
    )


def test_begin_claims_replays_and_conflicts() -> None:
    w = world()
    assert w.begin(DEFAULT_WORKSPACE, "k", "d1") is None
    with pytest.raises(Rejection) as busy:
        w.begin(DEFAULT_WORKSPACE, "k", "d1")
    assert busy.value.context == {"reason": "processing", "idempotency_key": "k"}
    with pytest.raises(Rejection) as other:
        w.begin(DEFAULT_WORKSPACE, "k", "d2")
    assert other.value.context["reason"] == "payload_mismatch"
    _, body = w.commit(w.default_key, "k", "d1", ORDER, failure_rate=0, complete_after=3)
    assert w.begin(DEFAULT_WORKSPACE, "k", "d1") == (200, body)
    # Keys belong to a workspace: another workspace may use the same text.
    assert w.begin("ws_other", "k", "d2") is None


def test_a_released_claim_is_forgotten() -> None:
    w = world()
    assert w.begin(DEFAULT_WORKSPACE, "k", "d1") is None
    w.release(DEFAULT_WORKSPACE, "k")
    assert w.begin(DEFAULT_WORKSPACE, "k", "d2") is None


def test_lifecycle_follows_the_clock() -> None:
    generation = records.Generation(
        id="g",
        workspace=DEFAULT_WORKSPACE,
        creator="default",
        batch=0,
        type="video_ad",
        media="video",
        created_at=T0,
        complete_after=3.0,
        fate="failed",
    )
    assert records.lifecycle(generation, T0 + 0.99) == ("queued", T0)
    assert records.lifecycle(generation, T0 + 1.0) == ("processing", T0 + 1.0)
    assert records.lifecycle(generation, T0 + 3.0) == ("failed", T0 + 3.0)
    view = records.generation_view(generation, T0 + 5, "http://127.0.0.1:1")
    assert view == {
        "object": "generation",
        "id": "g",
        "type": "video_ad",
        "status": "failed",
        "url": None,
        "error": {
            "code": "generation_failed",
            "message": "The sandbox failed this generation on purpose (failure rate).",
        },
        "created_at": "2026-01-01T00:00:00.000Z",
        "updated_at": "2026-01-01T00:00:03.000Z",
    }
    done = records.generation_view(
        records.Generation(**{**generation.__dict__, "fate": "completed"}), T0 + 5, "http://h:1"
    )
    assert done["url"] == "http://h:1/_sandbox/files/g.mp4"


def test_fate_is_decided_by_seed_and_id() -> None:
    ids = [records.generation_id(1, n) for n in range(400)]
    assert {records.fate(1, i, 0.0) for i in ids} == {"completed"}
    assert {records.fate(1, i, 1.0) for i in ids} == {"failed"}
    half = [records.fate(1, i, 0.5) for i in ids]
    assert half == [records.fate(1, i, 0.5) for i in ids]
    assert 150 < half.count("failed") < 250


def test_payload_digest_ignores_the_key_and_number_spelling() -> None:
    base = {"type": "static_ad", "request_count": 2, "prompt": "p"}
    same = {"prompt": "p", "request_count": 2.0, "type": "static_ad", "idempotency_key": "k"}
    assert records.payload_digest(base) == records.payload_digest(same)
    assert records.payload_digest(base) != records.payload_digest({**base, "request_count": 3})


def test_the_world_round_trips_through_its_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "sandbox.json"
    first = world(path, seed=3)
    commit(first, "k")
    reopened = world(path, seed=4)
    assert reopened.snapshot() == first.snapshot()
    assert reopened.default_key.key == records.default_key(3)
    assert sorted(p.name for p in path.parent.iterdir()) == ["sandbox.json", "sandbox.json.lock"]
    assert json.loads(path.read_text())["format"] == "videotok-sandbox"
    # New ids continue after the saved ones instead of starting over.
    body = commit(reopened)
    assert body["generations"][0]["id"] == records.generation_id(4, 2)  # type: ignore[index]


def test_worlds_sharing_a_file_see_each_others_batches(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.json"
    first, second = world(path), world(path)
    assert first.begin(DEFAULT_WORKSPACE, "k", "d") is None
    assert second.begin(DEFAULT_WORKSPACE, "k", "d") is None  # claims are per process
    _, body = first.commit(first.default_key, "k", "d", ORDER, failure_rate=0, complete_after=3)
    # The second one replays what the first answered instead of charging again.
    again = second.commit(second.default_key, "k", "d", ORDER, failure_rate=0, complete_after=3)
    assert again == (200, body)
    assert second.begin(DEFAULT_WORKSPACE, "k", "d") == (200, body)
    with pytest.raises(Rejection) as refused:
        second.begin(DEFAULT_WORKSPACE, "k", "other")
    assert refused.value.context["reason"] == "payload_mismatch"
    fresh = commit(second)
    assert fresh["remaining_credits"] == 99_600
    assert first.stats()["batches"] == second.stats()["batches"] == 2
    assert first.generation(fresh["generations"][0]["id"]) is not None  # type: ignore[index]


def test_an_unreadable_data_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.json"
    path.write_text('{"not": "ours"}')
    with pytest.raises(SandboxDataError) as refused:
        world(path)
    assert refused.value.message == (
        f"The sandbox data file {path} is not readable sandbox data (not a sandbox data file)."
    )
    assert path.read_text() == '{"not": "ours"}'


def test_a_newer_data_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.json"
    data = new_world_data(0).to_json() | {"version": 2}
    path.write_text(json.dumps(data))
    with pytest.raises(SandboxDataError) as refused:
        world(path)
    assert refused.value.message == (
        f"The sandbox data file {path} has version 2; this sandbox reads version 1."
    )
