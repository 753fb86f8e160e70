"""Polling outputs until they are done: concurrent, rate limited, recorded in state."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from reconciler import transitions
from reconciler.errors import ApiError
from reconciler.ledger import Ledger
from reconciler.model import PHASE_SUBMITTED, STATUS_MISSING, Generation, State

#: How many generation updates are gathered before one state write.
_WRITE_EVERY = 50


class Poller(Protocol):
    def get_generation(self, generation_id: str) -> Generation: ...


@dataclass(frozen=True)
class Row:
    address: str
    batch: int
    id: str
    status: str
    url: str | None
    error: str | None


def rows(state: State) -> list[Row]:
    """Every output of the current batches, sorted by address, batch and id."""
    found = []
    for address, entry in sorted(state.creatives.items()):
        for batch in entry.batches:
            for gen in batch.generations:
                error = None
                if gen.error:
                    error = str(gen.error.get("message") or gen.error.get("code") or gen.error)
                found.append(Row(address, batch.number, gen.id, gen.status, gen.url, error))
    return found


def waiting(state: State, *, missing: bool = False) -> list[tuple[str, str]]:
    """(address, generation id) of every submitted output not finished yet, retired included.

    With `missing`, outputs the API could not find are included too: a poll with the right
    key brings them back, but waiting for them would never end.
    """
    return [
        (address, gen.id)
        for address, entry in sorted(state.creatives.items())
        for batch in (*entry.batches, *entry.retired)
        if batch.phase == PHASE_SUBMITTED
        for gen in batch.generations
        if not gen.terminal or (missing and gen.status == STATUS_MISSING)
    ]


@dataclass(frozen=True)
class Pass:
    """One polling pass: how many were asked, how many changed, and the errors met."""

    polled: int
    changed: int
    errors: tuple[str, ...]


def refresh(
    ledger: Ledger,
    client: Poller,
    *,
    now: Callable[[], str],
    parallelism: int = 8,
) -> Pass:
    """Poll every output not yet finished once and record what changed.

    A key the API refuses (401/403) stops the pass: every answer would be the same.
    """
    targets = waiting(ledger.state, missing=True)
    if not targets:
        return Pass(0, 0, ())
    errors: list[str] = []

    def poll(target: tuple[str, str]) -> tuple[str, Generation | None]:
        address, gen_id = target
        try:
            return address, client.get_generation(gen_id)
        except ApiError as exc:
            if exc.status == 404:
                # Wrong workspace or key, or gone: keep the record, never delete it.
                return address, Generation(id=gen_id, status=STATUS_MISSING, updated_at=now())
            if exc.status in (401, 403):
                raise
            errors.append(f"{address} {gen_id}: {exc.render()}")
            return address, None

    before = {
        g.id: g
        for e in ledger.state.creatives.values()
        for b in (*e.batches, *e.retired)
        for g in b.generations
    }
    updates: dict[str, list[Generation]] = {}
    changed = 0
    workers = max(1, min(parallelism, len(targets)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="status") as pool:
        for count, (address, gen) in enumerate(pool.map(poll, targets), start=1):
            if gen is not None and _differs(before.get(gen.id), gen):
                updates.setdefault(address, []).append(gen)
                changed += 1
            if count % _WRITE_EVERY == 0:
                _flush(ledger, updates)
    _flush(ledger, updates)
    return Pass(len(targets), changed, tuple(errors))


def _differs(old: Generation | None, new: Generation) -> bool:
    if old is None:
        return True
    return (old.status, old.url, old.error) != (new.status, new.url, new.error)


def _flush(ledger: Ledger, updates: dict[str, list[Generation]]) -> None:
    if not updates:
        return
    batch = dict(updates)
    updates.clear()

    def apply_all(state: State) -> State:
        for address, gens in batch.items():
            if address in state.creatives:
                state = transitions.update_generations(state, address, gens)
        return state

    ledger.update(apply_all)


def wait(
    ledger: Ledger,
    client: Poller,
    *,
    now: Callable[[], str],
    timeout: float,
    interval: float = 2.0,
    parallelism: int = 8,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    on_pass: Callable[[Pass, int], None] = lambda _p, _left: None,
) -> bool:
    """Poll until every output is terminal (True) or `timeout` seconds pass (False)."""
    deadline = clock() + timeout
    while True:
        result = refresh(ledger, client, now=now, parallelism=parallelism)
        left = len(waiting(ledger.state))
        on_pass(result, left)
        if not left:
            return True
        remaining = deadline - clock()
        if remaining <= 0:
            return False
        sleep(min(interval, remaining))
