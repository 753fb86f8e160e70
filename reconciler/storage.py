"""Where state lives: the storage interface and the local-file backend (atomic write, lock)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import getpass
import hashlib
import json
import os
import secrets
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from reconciler import __version__
from reconciler import state as state_format
from reconciler.errors import LockError, StateError
from reconciler.model import State

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


class StateStorage(Protocol):
    """What the rest of the tool needs from a place that keeps state.

    Callers hold the lock around read-modify-write; `write` also compares serials, so a writer
    that forgot the lock still cannot silently overwrite someone else's change.
    """

    def read(self) -> State | None:
        """The current state, or None when there is none yet."""
        ...

    def write(self, state: State, *, expected_serial: int | None) -> State:
        """Replace the state if the stored serial is `expected_serial` (None: nothing stored).

        Returns the state as stored: serial + 1 when the content changed, untouched otherwise.
        """
        ...

    def lock(self, operation: str, timeout: float) -> LockInfo:
        """Take the lock, waiting up to `timeout` seconds (0: fail at once) for a holder."""
        ...

    def unlock(self, lock_id: str) -> None: ...

    def force_unlock(self, lock_id: str) -> LockInfo:
        """Clear a lock left by a run that is gone; returns the record that was cleared."""
        ...

    def describe(self) -> str: ...


def _now() -> datetime:
    return datetime.now(UTC)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # containers often run as a uid without a passwd entry
        return str(os.getuid())


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some filesystems cannot sync a directory; the rename still stands
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def _atomic_write(path: Path, data: bytes, mode: int | None) -> None:
    """Temp file beside `path`, fsync, rename over it, fsync the directory."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # 0o666 lets the umask decide, as any editor would, for a file that did not exist yet.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(path.parent)


def _keep_backup(path: Path, backup: Path) -> None:
    """Make `backup` the current version of `path`, by a hard link: no copy, no extra fsync.

    The linked inode is the durable file being replaced; os.replace of the new version then
    leaves it reachable only as the backup.
    """
    temp = backup.with_name(f".{backup.name}.{secrets.token_hex(4)}.tmp")
    try:
        os.link(path, temp)
    except OSError:
        # Filesystems without hard links: fall back to a copy.
        _atomic_write(backup, path.read_bytes(), path.stat().st_mode & 0o7777)
        return
    temp.replace(backup)


class LocalFileStorage:
    """State in one JSON file; the lock is an OS lock (flock) on `<file>.lock` beside it.

    The OS releases a flock when its process exits, however it exits (kill -9 included), so
    a local state is never left locked by a dead run.
    """

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], datetime] = _now,
        hostname: Callable[[], str] = socket.gethostname,
        user: Callable[[], str] = _user,
        pid: Callable[[], int] = os.getpid,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.backup_path = path.with_name(path.name + ".backup")
        self.lock_path = path.with_name(path.name + ".lock")
        self._clock = clock
        self._hostname = hostname
        self._user = user
        self._pid = pid
        self._new_id = new_id
        self._sleep = sleep
        self._monotonic = monotonic
        self._lock_fd: int | None = None
        self._held: LockInfo | None = None
        # The digest of the text last read or written, and its state: a write re-reads the
        # file, and parses it again only if someone else changed it. A digest, not the text:
        # at 100,000 creatives the text alone is 137 MiB.
        self._known: tuple[bytes, State] | None = None

    def describe(self) -> str:
        return f"local file {self.path}"

    # -- read and write ----------------------------------------------------------------------

    def _read_text(self) -> tuple[str, bytes] | None:
        """The file's text and the digest of its bytes; None when there is no file."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StateError(
                f"cannot read state file {self.path}: {exc.strerror}",
                hint="Check the path (--state, CREATIVES_STATE) and its permissions.",
            ) from exc
        try:
            return data.decode("utf-8"), hashlib.sha256(data).digest()
        except UnicodeDecodeError as exc:
            raise StateError(
                f"state file {self.path} is not UTF-8 text (byte {exc.start})",
                hint=state_format.recovery_hint(self._backup_name()),
            ) from None

    def _backup_name(self) -> str | None:
        return str(self.backup_path) if self.backup_path.exists() else None

    def _parse(self, read: tuple[str, bytes] | None) -> State | None:
        if read is None:
            return None
        text, digest = read
        if self._known is not None and self._known[0] == digest:
            return self._known[1]
        state = state_format.loads(text, source=str(self.path), backup=self._backup_name())
        self._known = (digest, state)
        return state

    def read(self) -> State | None:
        return self._parse(self._read_text())

    def write(self, state: State, *, expected_serial: int | None) -> State:
        # Re-read what is there now: an unreadable file raises here and is never overwritten.
        found = self._read_text()
        current = self._parse(found)
        self._compare(current, state, expected_serial)
        stored = state_format.with_next_serial(current, state)
        if current is not None and stored.serial == current.serial:
            return current
        self._self_check(stored)
        new_text = state_format.dumps(stored)
        try:
            mode = None
            if found is not None:
                mode = self.path.stat().st_mode & 0o7777
                _keep_backup(self.path, self.backup_path)
            data = new_text.encode("utf-8")
            _atomic_write(self.path, data, mode)
        except OSError as exc:
            raise StateError(
                f"cannot write state file {self.path}: {exc.strerror}",
                hint="The previous state is unchanged.",
            ) from exc
        self._known = (hashlib.sha256(data).digest(), stored)
        return stored

    def _compare(self, current: State | None, state: State, expected_serial: int | None) -> None:
        on_disk = "no state file" if current is None else f"serial {current.serial}"
        expected = "no state file" if expected_serial is None else f"serial {expected_serial}"
        hint = "Another run wrote it meanwhile; run the command again to start from it."
        if (None if current is None else current.serial) != expected_serial:
            raise StateError(
                f"state file {self.path} changed under us ({on_disk} on disk, expected "
                f"{expected})",
                hint=hint,
            )
        if current is not None and current.lineage != state.lineage:
            raise StateError(
                f"state file {self.path} was replaced by another state (lineage "
                f"{current.lineage} on disk, expected {state.lineage})",
                hint=hint,
            )

    def _self_check(self, state: State) -> None:
        # Never leave behind a file the next run would refuse to read.
        try:
            state_format.check(state, source=str(self.path))
        except StateError as exc:
            raise StateError(
                f"refusing to write an invalid state: {exc.message}",
                hint="This is a bug in creatives; the previous state is unchanged.",
            ) from exc

    # -- lock --------------------------------------------------------------------------------

    def _open_lock_file(self) -> int:
        try:
            # Python opens descriptors non-inheritable, so a program we start never keeps the
            # lock alive after we exit; a forked child (reconciler.forked) closes its copy.
            return os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise LockError(
                f"cannot open the lock file {self.lock_path}: {exc.strerror}",
                hint="The lock file sits beside the state file; check that directory.",
            ) from exc

    def _recorded_holder(self) -> LockInfo | None:
        try:
            raw = self.lock_path.read_text(encoding="utf-8")
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
            raise LockError(f"cannot record the lock in {self.lock_path}: {exc.strerror}") from exc
        self._lock_fd = fd
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
            f"cannot acquire the state lock{waited}: {self.lock_path} is held.\n{details}",
            holder=holder.to_json() if holder else None,
            hint="Wait for that run to finish, or use --lock-timeout (e.g. 2m) to wait for it. "
            "A local lock is an OS lock: it is released the moment its process exits, even "
            "by kill -9, so `creatives force-unlock ID` is only for backends that cannot "
            "know that.",
        )

    def unlock(self, lock_id: str) -> None:
        if self._held is None or self._lock_fd is None:
            raise LockError(f"cannot unlock {lock_id}: this run holds no state lock")
        if lock_id != self._held.id:
            raise LockError(
                f"cannot unlock {lock_id}: this run holds the state lock {self._held.id}"
            )
        fd, self._lock_fd, self._held = self._lock_fd, None, None
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
                f"no lock is recorded in {self.lock_path}; nothing to unlock",
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
