"""Pure state transitions: how each step of apply changes the state, as values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reconciler import keys
from reconciler.errors import StateError
from reconciler.model import (
    PHASE_PENDING,
    PHASE_SUBMITTED,
    Action,
    Batch,
    Change,
    Creative,
    CreativeState,
    Generation,
    State,
)


def _with(state: State, address: str, entry: CreativeState | None) -> State:
    creatives = dict(state.creatives)
    if entry is None:
        creatives.pop(address, None)
    else:
        creatives[address] = entry
    return replace(state, creatives=creatives)


def _entry(state: State, address: str) -> CreativeState:
    try:
        return state.creatives[address]
    except KeyError:
        raise StateError(f"state has no creative at {address}") from None


def move(state: State, old: str, new: str, source: str | None = None) -> State:
    if new in state.creatives:
        raise StateError(f"cannot move {old} to {new}: {new} is already in state")
    entry = _entry(state, old)
    if source is not None:
        entry = replace(entry, source=source)
    return _with(_with(state, old, None), new, entry)


def forget(state: State, address: str) -> State:
    _entry(state, address)
    return _with(state, address, None)


def write_ahead(state: State, change: Change) -> State:
    """Record the change's batch as `pending` before its POST is sent."""
    batch = change.batch
    if batch is None or change.action not in (
        Action.CREATE,
        Action.REGENERATE,
        Action.ADD_OUTPUTS,
        Action.RESUBMIT,
    ):
        raise StateError(f"{change.action} of {change.address} sends no batch")
    pending = Batch(batch.number, batch.idempotency_key, batch.request_count, PHASE_PENDING)
    current = state.creatives.get(change.address)
    if change.action == Action.RESUBMIT:
        if current is None or not any(b.number == batch.number for b in current.pending):
            raise StateError(f"{change.address} has no pending batch {batch.number} to resubmit")
        return state
    if change.action == Action.CREATE or current is None:
        entry = CreativeState(
            fingerprint=change.fingerprint or "",
            spec=dict(change.after or {}),
            source=change.source or "",
            revision=change.revision,
            batches=(pending,),
        )
    elif change.action == Action.REGENERATE:
        retired = tuple(replace(b, fingerprint=current.fingerprint) for b in current.batches)
        entry = replace(
            current,
            fingerprint=change.fingerprint or current.fingerprint,
            spec=dict(change.after or {}),
            source=change.source or current.source,
            revision=change.revision,
            batches=(pending,),
            retired=current.retired + retired,
        )
    else:
        entry = replace(
            current, source=change.source or current.source, batches=(*current.batches, pending)
        )
    return _with(state, change.address, entry)


def _replace_batch(state: State, address: str, number: int, batch: Batch | None) -> State:
    entry = _entry(state, address)
    batches: list[Batch] = []
    for existing in entry.batches:
        if existing.number == number:
            if batch is not None:
                batches.append(batch)
        else:
            batches.append(existing)
    if batch is None and not batches and not entry.retired:
        return _with(state, address, None)
    return _with(state, address, replace(entry, batches=tuple(batches)))


def _find(state: State, address: str, number: int) -> Batch:
    for batch in _entry(state, address).batches:
        if batch.number == number:
            return batch
    raise StateError(f"state has no batch {number} for {address}")


def record_submitted(
    state: State,
    address: str,
    number: int,
    generations: Sequence[Generation],
    *,
    credits_deducted: int | None,
    submitted_at: str,
) -> State:
    """The API accepted the batch: keep its generation ids, whatever happens next."""
    batch = replace(
        _find(state, address, number),
        phase=PHASE_SUBMITTED,
        generations=tuple(generations),
        credits_deducted=credits_deducted,
        submitted_at=submitted_at,
    )
    return _replace_batch(state, address, number, batch)


def drop_pending(state: State, address: str, number: int) -> State:
    """The API refused the batch (nothing was queued): forget the write-ahead record."""
    if _find(state, address, number).phase != PHASE_PENDING:
        raise StateError(f"batch {number} of {address} was accepted; it cannot be dropped")
    return _replace_batch(state, address, number, None)


def restore(state: State, address: str, entry: CreativeState | None) -> State:
    """Put an address back as it was (None: not in state) after the API refused a batch."""
    return _with(state, address, entry)


def update_generations(state: State, address: str, updates: Sequence[Generation]) -> State:
    """Newer statuses for outputs already recorded (from polling); unknown ids are ignored."""
    by_id = {g.id: g for g in updates}
    entry = _entry(state, address)

    def renew(batches: tuple[Batch, ...]) -> tuple[Batch, ...]:
        return tuple(
            replace(b, generations=tuple(by_id.get(g.id, g) for g in b.generations))
            for b in batches
        )

    return _with(
        state, address, replace(entry, batches=renew(entry.batches), retired=renew(entry.retired))
    )


def adopt(
    state: State, creative: Creative, generations: Sequence[Generation], *, submitted_at: str
) -> State:
    """Record generations made outside this state (`creatives state import`) as batch 0.

    The batch's key follows the usual scheme so later batches number on from it; it was
    never sent, and nothing ever sends a submitted batch again.
    """
    if creative.address in state.creatives:
        raise StateError(
            f"{creative.address} is already in state; remove it first with "
            f"`creatives state rm {creative.address}` to import other generations"
        )
    wanted = {g.id for g in generations}
    for address, entry in state.creatives.items():
        for held in (*entry.batches, *entry.retired):
            for generation in held.generations:
                if generation.id in wanted:
                    raise StateError(
                        f"generation {generation.id} is already recorded under {address}"
                    )
    batch = Batch(
        number=0,
        idempotency_key=keys.idempotency_key(state.lineage, creative.fingerprint, 0),
        request_count=len(generations),
        phase=PHASE_SUBMITTED,
        submitted_at=submitted_at,
        generations=tuple(generations),
    )
    entry = CreativeState(
        fingerprint=creative.fingerprint,
        spec=dict(creative.spec),
        source=creative.location.file,
        revision=creative.revision,
        batches=(batch,),
    )
    return _with(state, creative.address, entry)
