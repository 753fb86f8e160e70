"""The sandbox's world: keys, credits, batches, outputs, idempotency records, under one lock."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reconciler.sandbox import records, store
from reconciler.sandbox.contract import (
    DEFAULT_CREDITS,
    DEFAULT_KEY_LABEL,
    DEFAULT_WORKSPACE,
    FIXED_KEYS,
    POST_STATUS,
    SCOPE_READ,
    SCOPE_WRITE,
    KeySpec,
    Rejection,
)
from reconciler.sandbox.validate import Order

Clock = Callable[[], float]


def new_world_data(seed: int, credits: int = DEFAULT_CREDITS) -> store.WorldData:
    """A fresh world: the seeded default key, the fixed keys, full balances, nothing queued."""
    default = KeySpec(
        DEFAULT_KEY_LABEL,
        records.default_key(seed),
        DEFAULT_WORKSPACE,
        frozenset({SCOPE_READ, SCOPE_WRITE}),
    )
    keys = (default, *FIXED_KEYS)
    return store.WorldData(
        keys=keys,
        credits={key.workspace: credits for key in keys},
        batches=(),
        generations=(),
        remembered=(),
        next_generation=0,
    )


class World:
    """All mutable sandbox data behind one lock; each mutation is saved before it answers.

    Several processes may share one data file (successive or overlapping `--sandbox` runs):
    a mutation takes an OS lock on the file, reloads it if another process changed it,
    applies itself and saves; reads reload a changed file first.
    """

    def __init__(
        self,
        data: store.WorldData,
        *,
        seed: int = 0,
        clock: Clock = time.time,
        path: Path | None = None,
    ) -> None:
        self._lock = threading.RLock()
        self._seed = seed
        self._clock = clock
        self._path = path
        self._signature = store.signature(path) if path is not None else None
        self._processing: dict[tuple[str, str], str] = {}
        self._use(data)

    def _use(self, data: store.WorldData) -> None:
        self._keys = {spec.key: spec for spec in data.keys}
        self._credits = dict(data.credits)
        self._batches = list(data.batches)
        self._generations = {g.id: g for g in data.generations}
        self._remembered = {(r.workspace, r.key): r for r in data.remembered}
        self._next_generation = data.next_generation

    @classmethod
    def open(
        cls,
        path: Path | None,
        *,
        seed: int = 0,
        credits: int | None = None,
        clock: Clock = time.time,
    ) -> World:
        """The world saved at `path` (or a new one); `credits`, when given, resets the balance."""
        if path is None:
            world = cls(new_world_data(seed), seed=seed, clock=clock)
        else:
            with store.locked(path):
                data = store.load(path)
                if data is None:
                    data = new_world_data(seed)
                    store.save(path, data)
                world = cls(data, seed=seed, clock=clock, path=path)
        if credits is not None:
            world.set_credits(credits)
        return world

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            self._sync()
            yield

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold both locks, start from the file's latest content, save if the body succeeds."""
        with self._lock:
            if self._path is None:
                yield
                return
            with store.locked(self._path):
                self._sync()
                yield
                store.save(self._path, self.snapshot())
                self._signature = store.signature(self._path)

    def _sync(self) -> None:
        if self._path is None:
            return
        current = store.signature(self._path)
        if current is not None and current != self._signature:
            data = store.load(self._path)
            if data is not None:
                self._use(data)
            self._signature = current

    def now(self) -> float:
        return self._clock()

    @property
    def default_key(self) -> KeySpec:
        with self._lock:
            return next(k for k in self._keys.values() if k.label == DEFAULT_KEY_LABEL)

    def api_keys(self) -> tuple[KeySpec, ...]:
        with self._lock:
            return tuple(self._keys.values())

    def authenticate(self, token: str) -> KeySpec | None:
        with self._reading():
            return self._keys.get(token)

    def credits(self, workspace: str = DEFAULT_WORKSPACE) -> int:
        with self._reading():
            return self._credits.get(workspace, 0)

    def set_credits(self, credits: int, workspace: str = DEFAULT_WORKSPACE) -> None:
        with self._writing():
            self._credits[workspace] = credits

    def begin(self, workspace: str, key: str, digest: str) -> tuple[int, dict[str, Any]] | None:
        """Claim `key` for a new request; or the answer to replay; or a 409 `Rejection`."""
        with self._reading():
            slot = (workspace, key)
            replay = self._replay(workspace, key, digest)
            if replay is not None:
                return replay
            claimed = self._processing.get(slot)
            if claimed is not None:
                if claimed != digest:
                    raise _mismatch(key)
                raise Rejection(
                    "idempotency_conflict",
                    "A request with this idempotency key is still being processed.",
                    {"reason": "processing", "idempotency_key": key},
                )
            self._processing[slot] = digest
            return None

    def _replay(self, workspace: str, key: str, digest: str) -> tuple[int, dict[str, Any]] | None:
        remembered = self._remembered.get((workspace, key))
        if remembered is None:
            return None
        if remembered.digest != digest:
            raise _mismatch(key)
        return remembered.status, remembered.body

    def release(self, workspace: str, key: str) -> None:
        """Free a claimed key whose request was refused: nothing is remembered for it."""
        with self._lock:
            self._processing.pop((workspace, key), None)

    def commit(
        self,
        caller: KeySpec,
        key: str | None,
        digest: str,
        order: Order,
        *,
        failure_rate: float,
        complete_after: float,
    ) -> tuple[int, dict[str, Any]]:
        """Deduct, queue and remember one batch, all or nothing; 402 `Rejection` if short.

        Another process sharing the data file may have answered the same key meanwhile:
        then its answer is replayed (or a mismatch refused) instead of queueing again.
        """
        with self._writing():
            workspace = caller.workspace
            if key is not None:
                self._processing.pop((workspace, key), None)
                replay = self._replay(workspace, key, digest)
                if replay is not None:
                    return replay
            available = self._credits.get(workspace, 0)
            required = order.total_price
            if required > available:
                raise Rejection(
                    "insufficient_credits",
                    f"This batch needs {required} credits; the workspace has {available}.",
                    {"credits_required": required, "credits_available": available},
                )
            now = self._clock()
            number = len(self._batches)
            outputs = []
            for _ in range(order.request_count):
                output_id = self._new_id()
                output = records.Generation(
                    id=output_id,
                    workspace=workspace,
                    creator=caller.label,
                    batch=number,
                    type=order.type,
                    media=order.media,
                    created_at=now,
                    complete_after=complete_after,
                    fate=records.fate(self._seed, output_id, failure_rate),
                )
                self._generations[output_id] = output
                outputs.append(output)
            self._credits[workspace] = available - required
            self._batches.append(
                records.Batch(
                    number=number,
                    workspace=workspace,
                    creator=caller.label,
                    idempotency_key=key,
                    request_count=order.request_count,
                    credits_deducted=required,
                    created_at=now,
                    generation_ids=tuple(o.id for o in outputs),
                )
            )
            body = {
                "object": "generation_batch",
                "status": "queued",
                "generations": [
                    {"object": "generation", "id": o.id, "type": o.type, "status": "queued"}
                    for o in outputs
                ],
                "credits_deducted": required,
                "remaining_credits": available - required,
            }
            if key is not None:
                self._remembered[(workspace, key)] = records.Remembered(
                    workspace, key, digest, POST_STATUS, body
                )
            return POST_STATUS, body

    def generation(self, generation_id: str) -> records.Generation | None:
        with self._reading():
            return self._generations.get(generation_id)

    def stats(self) -> dict[str, Any]:
        """Accepted batches and outputs, in total and per idempotency key; balances."""
        with self._reading():
            per_key: dict[str, Counter[str]] = {}
            ids: dict[str, list[str]] = {}
            for batch in self._batches:
                if batch.idempotency_key is not None:
                    counts = per_key.setdefault(batch.idempotency_key, Counter())
                    counts["batches"] += 1
                    counts["outputs"] += batch.request_count
                    ids.setdefault(batch.idempotency_key, []).extend(batch.generation_ids)
            return {
                "object": "sandbox_stats",
                "batches": len(self._batches),
                "outputs": sum(b.request_count for b in self._batches),
                "by_idempotency_key": {
                    key: {
                        "batches": c["batches"],
                        "outputs": c["outputs"],
                        "generation_ids": ids[key],
                    }
                    for key, c in sorted(per_key.items())
                },
                "credits": self._credits.get(DEFAULT_WORKSPACE, 0),
                "credits_by_workspace": dict(sorted(self._credits.items())),
                "credits_spent": sum(b.credits_deducted for b in self._batches),
            }

    def snapshot(self) -> store.WorldData:
        with self._lock:
            return store.WorldData(
                keys=tuple(self._keys.values()),
                credits=dict(self._credits),
                batches=tuple(self._batches),
                generations=tuple(self._generations.values()),
                remembered=tuple(self._remembered.values()),
                next_generation=self._next_generation,
            )

    def _new_id(self) -> str:
        while True:
            candidate = records.generation_id(self._seed, self._next_generation)
            self._next_generation += 1
            if candidate not in self._generations:
                return candidate


def _mismatch(key: str) -> Rejection:
    return Rejection(
        "idempotency_conflict",
        "This idempotency key was already used with a different payload.",
        {"reason": "payload_mismatch", "idempotency_key": key},
    )
