"""The sandbox world's records, their JSON form, and the time-driven output lifecycle."""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reconciler.sandbox.contract import FAILED_ERROR, KeySpec

STATUS_QUEUED = "queued"
STATUS_PROCESSING = "processing"
STATUS_COMPLETED = "completed"
STATUS_FAILED = "failed"
MEDIA_EXTENSIONS = {"image": "png", "video": "mp4"}


@dataclass(frozen=True)
class Batch:
    """One accepted POST /generations: what it cost and which outputs it queued."""

    number: int
    workspace: str
    creator: str
    idempotency_key: str | None
    request_count: int
    credits_deducted: int
    created_at: float
    generation_ids: tuple[str, ...]


@dataclass(frozen=True)
class Generation:
    """One output. Its status is not stored: it follows from the clock (see `lifecycle`)."""

    id: str
    workspace: str
    creator: str
    batch: int
    type: str
    media: str
    created_at: float
    complete_after: float
    fate: str

    @property
    def extension(self) -> str:
        return MEDIA_EXTENSIONS[self.media]


@dataclass(frozen=True)
class Remembered:
    """The answer given under an idempotency key, replayed to a matching retry."""

    workspace: str
    key: str
    digest: str
    status: int
    body: dict[str, Any]


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, whole floats as integers: equal payloads, equal text."""
    return json.dumps(_whole(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _whole(value: Any) -> Any:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def payload_digest(body: dict[str, Any]) -> str:
    """What idempotency compares: the body without `idempotency_key`, canonical, hashed."""
    payload = {k: v for k, v in body.items() if k != "idempotency_key"}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _digest(seed: int, *parts: object) -> bytes:
    text = "|".join(["videotok-sandbox", str(seed), *map(str, parts)])
    return hashlib.sha256(text.encode("utf-8")).digest()


def default_key(seed: int) -> str:
    """The seeded test key: `vt_test_` + 32 hex digits, the same for the same seed."""
    return "vt_test_" + _digest(seed, "key").hex()[:32]


def generation_id(seed: int, number: int) -> str:
    """The `number`-th generation id of a sandbox seeded with `seed` (a version 4 UUID)."""
    return str(uuid.UUID(bytes=_digest(seed, "generation", number)[:16], version=4))


def fate(seed: int, generation: str, failure_rate: float) -> str:
    """`failed` for a `failure_rate` share of ids, decided by seed and id alone."""
    fraction = int.from_bytes(_digest(seed, "fate", generation)[:8], "big") / 2**64
    return STATUS_FAILED if fraction < failure_rate else STATUS_COMPLETED


def timestamp(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def lifecycle(generation: Generation, now: float) -> tuple[str, float]:
    """Status at `now` and when it last changed: queued, processing from a third, then fate."""
    elapsed = now - generation.created_at
    total = generation.complete_after
    if elapsed >= total:
        return generation.fate, generation.created_at + total
    if elapsed >= total / 3:
        return STATUS_PROCESSING, generation.created_at + total / 3
    return STATUS_QUEUED, generation.created_at


def generation_view(generation: Generation, now: float, root_url: str) -> dict[str, Any]:
    """The body of GET /generations/{id} at `now`."""
    status, changed = lifecycle(generation, now)
    url = None
    if status == STATUS_COMPLETED:
        url = f"{root_url}/_sandbox/files/{generation.id}.{generation.extension}"
    return {
        "object": "generation",
        "id": generation.id,
        "type": generation.type,
        "status": status,
        "url": url,
        "error": dict(FAILED_ERROR) if status == STATUS_FAILED else None,
        "created_at": timestamp(generation.created_at),
        "updated_at": timestamp(changed),
    }


def key_to_json(spec: KeySpec) -> dict[str, Any]:
    return {
        "label": spec.label,
        "key": spec.key,
        "workspace": spec.workspace,
        "scopes": sorted(spec.scopes),
    }


def key_from_json(data: dict[str, Any]) -> KeySpec:
    return KeySpec(
        label=str(data["label"]),
        key=str(data["key"]),
        workspace=str(data["workspace"]),
        scopes=frozenset(str(s) for s in data["scopes"]),
    )


def batch_to_json(batch: Batch) -> dict[str, Any]:
    return {
        "number": batch.number,
        "workspace": batch.workspace,
        "creator": batch.creator,
        "idempotency_key": batch.idempotency_key,
        "request_count": batch.request_count,
        "credits_deducted": batch.credits_deducted,
        "created_at": batch.created_at,
        "generation_ids": list(batch.generation_ids),
    }


def batch_from_json(data: dict[str, Any]) -> Batch:
    key = data["idempotency_key"]
    return Batch(
        number=int(data["number"]),
        workspace=str(data["workspace"]),
        creator=str(data["creator"]),
        idempotency_key=None if key is None else str(key),
        request_count=int(data["request_count"]),
        credits_deducted=int(data["credits_deducted"]),
        created_at=float(data["created_at"]),
        generation_ids=tuple(str(g) for g in data["generation_ids"]),
    )


def generation_to_json(generation: Generation) -> dict[str, Any]:
    return {
        "id": generation.id,
        "workspace": generation.workspace,
        "creator": generation.creator,
        "batch": generation.batch,
        "type": generation.type,
        "media": generation.media,
        "created_at": generation.created_at,
        "complete_after": generation.complete_after,
        "fate": generation.fate,
    }


def generation_from_json(data: dict[str, Any]) -> Generation:
    return Generation(
        id=str(data["id"]),
        workspace=str(data["workspace"]),
        creator=str(data["creator"]),
        batch=int(data["batch"]),
        type=str(data["type"]),
        media=str(data["media"]),
        created_at=float(data["created_at"]),
        complete_after=float(data["complete_after"]),
        fate=str(data["fate"]),
    )


def remembered_to_json(record: Remembered) -> dict[str, Any]:
    return {
        "workspace": record.workspace,
        "key": record.key,
        "digest": record.digest,
        "status": record.status,
        "body": record.body,
    }


def remembered_from_json(data: dict[str, Any]) -> Remembered:
    return Remembered(
        workspace=str(data["workspace"]),
        key=str(data["key"]),
        digest=str(data["digest"]),
        status=int(data["status"]),
        body=dict(data["body"]),
    )
