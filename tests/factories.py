"""Small builders of domain values for tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reconciler import keys
from reconciler.model import Action, Change, Creative, Generation, Location, State
from reconciler.transitions import forget, move, record_submitted, write_ahead

LINEAGE = "0123456789abcdef0123456789abcdef"


def creative(
    address: str,
    prompt: str = "A bright ad.",
    *,
    request_count: int = 1,
    revision: int = 0,
    file: str = "creatives/a.yaml",
    **fields: Any,
) -> Creative:
    spec = {"type": "static_ad", "template_slug": "product-shoot", "prompt": prompt, **fields}
    return Creative(
        address=address,
        spec=spec,
        fingerprint=keys.fingerprint(spec, revision),
        location=Location(file, 1, 1),
        request_count=request_count,
        revision=revision,
    )


def empty_state() -> State:
    return State(lineage=LINEAGE, serial=0, creatives={})


def generations_for(change: Change, status: str = "queued") -> list[Generation]:
    assert change.batch is not None
    return [
        Generation(id=f"{change.batch.idempotency_key}-{i}", status=status)
        for i in range(change.batch.request_count)
    ]


def apply_offline(state: State, changes: Sequence[Change], status: str = "queued") -> State:
    """Apply a plan to state the way apply does, with every batch accepted by a fake API."""
    for change in changes:
        if change.action == Action.MOVE and change.moved_from:
            state = move(state, change.moved_from, change.address, change.source)
        elif change.action == Action.FORGET:
            state = forget(state, change.address)
        elif change.batch is not None:
            state = write_ahead(state, change)
            state = record_submitted(
                state,
                change.address,
                change.batch.number,
                generations_for(change, status),
                credits_deducted=change.credits,
                submitted_at="2026-01-01T00:00:00Z",
            )
    return state
