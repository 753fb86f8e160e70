"""The state lock: an OS lock (flock) on a file, recording who holds it for whoever waits.

The OS releases a flock when its process exits, however it exits (kill -9 included), so a
local state is never left locked by a dead run; the record in the file only tells others
who holds it.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from reconciler import __version__
from reconciler.errors import LockError

#: How often a waiting lock() tries again.
POLL_SECONDS = 0.1
#: How long lock() waits for a fresh holder to record its details before reporting without them.
RECORD_RETRIES = 10
RECORD_WAIT_SECONDS = 0.02


@dataclass(frozen=True)
class LockInfo:
    """Who holds the state lock; `with storage.lock(...) as info:` releases it on exit."""

    id: str
    who: str
    pid: int
    operation: str
    created: str
    version: str
    release: Callable[[str], None] | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "who": self.who,
            "pid": self.pid,
            "operation": self.operation,
            "created": self.created,
            "version": self.version,
        }

    @classmethod
    def from_json(cls, data: Any) -> LockInfo | None:
        """Tolerant: a record that is missing, partial or garbled gives None."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                id=str(data["id"]),
                who=str(data["who"]),
                pid=int(data["pid"]),
                operation=str(data["operation"]),
                created=str(data["created"]),
                version=str(data["version"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def describe(self) -> str:
        """The indented block Terraform users know from a held lock."""
        rows = [
            ("ID", self.id),
            ("Who", self.who),
            ("PID", str(self.pid)),
            ("Operation", self.operation),
            ("Created", self.created),
            ("Version", self.version),
        ]
        return "\n".join(f"  {name + ':':<11}{value}" for name, value in rows)

    def __enter__(self) -> LockInfo:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.release is not None:
            self.release(self.id)


def utc_now() -> datetime:
    return datetime.now(UTC)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # containers often run as a uid without a passwd entry
        return str(os.getuid())


class FileLock:
    """The lock on one file; one holder per process at a time."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        hostname: Callable[[], str] = socket.gethostname,
        user: Callable[[], str] = current_user,
        pid: Callable[[], int] = os.getpid,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._clock = clock
        self._hostname = hostname
        self._user = user
        self._pid = pid
        self._new_id = new_id
        self._sleep = sleep
        self._monotonic = monotonic
        self._fd: int | None = None
        self._held: LockInfo | None = None

    def _open_lock_file(self) -> int:
        try:
            # Python opens descriptors non-inheritable, so a program we start never keeps the
            # lock alive after we exit; a forked child (reconciler.forked) closes its copy.
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise LockError(
                f"cannot open the lock file {self.path}: {exc.strerror}",
                hint="The lock file sits beside the state file; check that directory.",
            ) from exc

    def _recorded_holder(self) -> LockInfo | None:
        try:
            raw = self.path.read_text(encoding="utf-8")
            return LockInfo.from_json(json.loads(raw))
        except (OSError, ValueError):
            return None

    def lock(self, operation: str, timeout: float) -> LockInfo:
        if self._held is not None:
            raise LockError(f"this run already holds the state lock (ID {self._held.id})")
        fd = self._open_lock_file()
        deadline = self._monotonic() + max(timeout, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                remaining = deadline - self._monotonic()
                if remaining <= 0:
                    os.close(fd)
                    raise self._held_error(timeout) from None
                self._sleep(min(POLL_SECONDS, remaining))
        info = LockInfo(
            id=self._new_id(),
            who=f"{self._user()}@{self._hostname()}",
            pid=self._pid(),
            operation=operation,
            created=self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            version=__version__,
        )
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(info.to_json(), sort_keys=True) + "\n").encode(), 0)
        except OSError as exc:
            os.close(fd)
            raise LockError(f"cannot record the lock in {self.path}: {exc.strerror}") from exc
        self._fd = fd
        self._held = replace(info, release=self.unlock)
        return self._held

    def _held_error(self, timeout: float) -> LockError:
        holder = self._recorded_holder()
        # A holder writes its details just after taking the lock: give it a moment to.
        for _ in range(RECORD_RETRIES):
            if holder is not None:
                break
            self._sleep(RECORD_WAIT_SECONDS)
            holder = self._recorded_holder()
        waited = f" after waiting {timeout:g}s" if timeout > 0 else ""
        details = (
            holder.describe() if holder else "  (the holder has not recorded its details yet)"
        )
        return LockError(
            f"cannot acquire the state lock{waited}: {self.path} is held.\n{details}",
            holder=holder.to_json() if holder else None,
            hint="Wait for that run to finish, or use --lock-timeout (e.g. 2m) to wait for it. "
            "A local lock is an OS lock: it is released the moment its process exits, even "
            "by kill -9, so `creatives force-unlock ID` is only for backends that cannot "
            "know that.",
        )

    def unlock(self, lock_id: str) -> None:
        if self._held is None or self._fd is None:
            raise LockError(f"cannot unlock {lock_id}: this run holds no state lock")
        if lock_id != self._held.id:
            raise LockError(
                f"cannot unlock {lock_id}: this run holds the state lock {self._held.id}"
            )
        fd, self._fd, self._held = self._fd, None, None
        try:
            # Emptied first: the file is kept (deleting a flock'd file races with waiters
            # that opened it), and an empty file means "not locked".
            os.ftruncate(fd, 0)
        finally:
            os.close(fd)  # closing the descriptor releases the flock

    def force_unlock(self, lock_id: str) -> LockInfo:
        holder = self._recorded_holder()
        if holder is None:
            raise LockError(
                f"no lock is recorded in {self.path}; nothing to unlock",
                hint="The state is not locked.",
            )
        if holder.id != lock_id:
            raise LockError(
                f"lock ID {lock_id} does not match the current lock ID {holder.id}; "
                "nothing was changed",
                hint=f"The current lock:\n{holder.describe()}",
            )
        fd = self._open_lock_file()
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LockError(
                    f"lock {lock_id} is held by a running process (PID {holder.pid} on "
                    f"{holder.who}); force-unlock cannot release an OS lock that is alive",
                    holder=holder.to_json(),
                    hint="Let that run finish, or stop it: its lock goes with it.",
                ) from None
            # We hold the OS lock now, so the record is stale: its process is gone.
            os.ftruncate(fd, 0)
        finally:
            os.close(fd)
        return holder
