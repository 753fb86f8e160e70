"""The state during a run: held in memory, every change on disk before `update` returns."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Protocol

from reconciler.model import State


class Writer(Protocol):
    def write(self, state: State, *, expected_serial: int | None) -> State: ...


class Ledger:
    """Serialises state transitions from many workers, with group commit.

    Write-ahead depends on `update` returning only once the transition is durable. Workers
    that arrive while a write is under way are covered together by the next write, so a
    run with many workers pays for far fewer writes than it makes transitions.
    """

    def __init__(self, storage: Writer, state: State, *, exists: bool) -> None:
        self._storage = storage
        self._state = state
        self._serial: int | None = state.serial if exists else None
        self._cond = threading.Condition()
        self._made = 0  # transitions applied in memory
        self._durable = 0  # transitions known to be on disk
        self._writing = False

    @property
    def state(self) -> State:
        with self._cond:
            return self._state

    def update(self, transition: Callable[[State], State]) -> State:
        with self._cond:
            new = transition(self._state)
            # Transitions return the very same object when they change nothing; comparing
            # whole states here would cost a deep walk of every creative on every step.
            if new is self._state and self._serial is not None:
                return self._state
            self._state = new
            self._made += 1
            mine = self._made
            while self._durable < mine:
                if self._writing:
                    self._cond.wait()
                    continue
                self._write_locked()
            return self._state

    def _write_locked(self) -> None:
        self._writing = True
        covered, snapshot, expected = self._made, self._state, self._serial
        self._cond.release()
        try:
            written = self._storage.write(snapshot, expected_serial=expected)
        finally:
            self._cond.acquire()
            self._writing = False
            self._cond.notify_all()
        self._serial = written.serial
        self._durable = covered
        self._state = dataclasses.replace(self._state, serial=written.serial)
