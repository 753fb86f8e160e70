"""The ledger: every transition durable before update returns; concurrent ones share writes."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from reconciler.ledger import Ledger
from reconciler.model import CreativeState, State
from reconciler.state import with_next_serial


class SlowStore:
    """Records every write; each write takes a while, like an fsync."""

    def __init__(self, delay: float = 0.02) -> None:
        self.delay = delay
        self.writes: list[State] = []
        self.on_disk: State | None = None
        self.lock = threading.Lock()

    def write(self, state: State, *, expected_serial: int | None) -> State:
        with self.lock:
            assert (self.on_disk.serial if self.on_disk else None) == expected_serial
            time.sleep(self.delay)
            self.on_disk = with_next_serial(self.on_disk, state)
            self.writes.append(self.on_disk)
            return self.on_disk


def add(address: str):
    def transition(state: State) -> State:
        entry = CreativeState(fingerprint="sha256:" + "0" * 64, spec={}, source="a.yaml")
        return replace(state, creatives={**state.creatives, address: entry})

    return transition


def test_update_returns_after_the_write_that_covers_it():
    store = SlowStore(delay=0)
    ledger = Ledger(store, State(lineage="l"), exists=False)
    after = ledger.update(add("a"))
    assert store.on_disk is not None
    assert "a" in store.on_disk.creatives
    assert after.serial == 1
    ledger.update(add("b"))
    assert store.on_disk.serial == 2


def test_an_update_that_changes_nothing_writes_nothing():
    store = SlowStore(delay=0)
    ledger = Ledger(store, State(lineage="l"), exists=False)
    ledger.update(add("a"))
    ledger.update(lambda s: s)
    assert len(store.writes) == 1


def test_concurrent_updates_are_all_durable_with_fewer_writes():
    store = SlowStore(delay=0.02)
    ledger = Ledger(store, State(lineage="l"), exists=False)
    seen: dict[str, bool] = {}

    def worker(name: str) -> None:
        ledger.update(add(name))
        # The moment update returns, the transition must be on disk.
        assert store.on_disk is not None
        seen[name] = name in store.on_disk.creatives

    threads = [threading.Thread(target=worker, args=(f"c{i}",)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(seen.values())
    assert len(seen) == 16
    assert set(store.on_disk.creatives) == {f"c{i}" for i in range(16)}
    assert len(store.writes) < 16
