"""The sandbox's data file: one JSON document, written atomically, read back on start."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.errors import ReconcilerError
from reconciler.sandbox import records
from reconciler.sandbox.contract import KeySpec

DATA_FORMAT = "videotok-sandbox"
DATA_VERSION = 1


class SandboxDataError(ReconcilerError):
    """The sandbox's data file cannot be read or written; it is left as it was."""


@dataclass(frozen=True)
class WorldData:
    """Everything that survives a restart (fault settings and request counts do not)."""

    keys: tuple[KeySpec, ...]
    credits: dict[str, int]
    batches: tuple[records.Batch, ...]
    generations: tuple[records.Generation, ...]
    remembered: tuple[records.Remembered, ...]
    next_generation: int

    def to_json(self) -> dict[str, Any]:
        return {
            "format": DATA_FORMAT,
            "version": DATA_VERSION,
            "keys": [records.key_to_json(k) for k in self.keys],
            "credits": dict(sorted(self.credits.items())),
            "next_generation": self.next_generation,
            "batches": [records.batch_to_json(b) for b in self.batches],
            "generations": [records.generation_to_json(g) for g in self.generations],
            "idempotency": [records.remembered_to_json(r) for r in self.remembered],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorldData:
        return cls(
            keys=tuple(records.key_from_json(k) for k in data["keys"]),
            credits={str(k): int(v) for k, v in data["credits"].items()},
            batches=tuple(records.batch_from_json(b) for b in data["batches"]),
            generations=tuple(records.generation_from_json(g) for g in data["generations"]),
            remembered=tuple(records.remembered_from_json(r) for r in data["idempotency"]),
            next_generation=int(data["next_generation"]),
        )


def load(path: Path) -> WorldData | None:
    """The saved world, None when the file does not exist yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SandboxDataError(
            f"Cannot read the sandbox data file {path}: {exc.strerror}."
        ) from exc
    try:
        data = json.loads(text)
        if data.get("format") != DATA_FORMAT:
            raise ValueError("not a sandbox data file")
        if data.get("version") != DATA_VERSION:
            raise SandboxDataError(
                f"The sandbox data file {path} has version {data.get('version')!r}; "
                f"this sandbox reads version {DATA_VERSION}.",
                hint="Use a newer creatives, or another --data file.",
            )
        return WorldData.from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SandboxDataError(
            f"The sandbox data file {path} is not readable sandbox data ({exc}).",
            hint="Move it away or pass another --data file; it was left untouched.",
        ) from exc


def save(path: Path, data: WorldData) -> None:
    """Write atomically: a temporary file beside the target, fsync, then rename over it."""
    text = json.dumps(data.to_json(), indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temp).replace(path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise SandboxDataError(f"Cannot write the sandbox data file {path}: {exc}.") from exc


def signature(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the file is replaced: inode, size, modification time."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive OS lock on `<data file>.lock`, so processes sharing the file take turns.

    The kernel drops it when the holder dies, even by SIGKILL.
    """
    lock_path = path.with_name(path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a")
    except OSError as exc:
        raise SandboxDataError(f"Cannot lock the sandbox data file {path}: {exc}.") from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
