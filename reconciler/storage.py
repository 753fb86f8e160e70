"""Where state lives: the storage interface and the local-file backend (atomic write)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from pathlib import Path
from typing import Protocol

from reconciler import state as state_format
from reconciler.errors import StateError
from reconciler.lockfile import FileLock, LockInfo
from reconciler.model import State

__all__ = ["LocalFileStorage", "LockInfo", "StateStorage"]


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


def lock_path(state_path: Path) -> Path:
    """The lock file of a local state: `<file>.lock` beside it."""
    return state_path.with_name(state_path.name + ".lock")


class LocalFileStorage:
    """State in one JSON file; the lock is an OS lock (flock) on `<file>.lock` beside it
    (reconciler.lockfile), so a local state is never left locked by a dead run."""

    def __init__(self, path: Path, *, lock: FileLock | None = None) -> None:
        """`lock`: the lock on `lock_path(path)`, given to choose its clock, ids and holder."""
        self.path = path
        self.backup_path = path.with_name(path.name + ".backup")
        self.lock_path = lock_path(path)
        self._lock = lock or FileLock(self.lock_path)
        # The digest of the text last read or written, and its state: a write re-reads the
        # file, and parses it again only if someone else changed it. A digest, not the text:
        # at 100,000 creatives the text alone is 137 MiB.
        self._known: tuple[bytes, State] | None = None

    def describe(self) -> str:
        return f"local file {self.path}"

    # -- read and write ----------------------------------------------------------------------

    def _read_file(self) -> tuple[str, bytes] | None:
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
        return self._parse(self._read_file())

    def write(self, state: State, *, expected_serial: int | None) -> State:
        # Re-read what is there now: an unreadable file raises here and is never overwritten.
        found = self._read_file()
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

    def lock(self, operation: str, timeout: float) -> LockInfo:
        return self._lock.lock(operation, timeout)

    def unlock(self, lock_id: str) -> None:
        self._lock.unlock(lock_id)

    def force_unlock(self, lock_id: str) -> LockInfo:
        return self._lock.force_unlock(lock_id)
