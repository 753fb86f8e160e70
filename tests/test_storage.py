"""The local state file: atomic compare-and-swap writes, backups, and the OS-level lock."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reconciler import __version__
from reconciler.errors import LockError, StateError
from reconciler.lockfile import FileLock
from reconciler.model import Batch, CreativeState, State
from reconciler.state import dumps, loads, new_state
from reconciler.storage import LocalFileStorage, LockInfo, StateStorage, lock_path

GOLDEN = Path(__file__).parent / "data" / "state-v1.json"
LINEAGE = "6f1c0d2e9a8b4c7d8e5f3a2b1c0d9e8f"
FP = "sha256:" + "a" * 64
KEY = "crv1-" + "b" * 40


class FakeTime:
    """A monotonic clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self.on_sleep: list[object] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds
        if self.on_sleep:
            action = self.on_sleep.pop(0)
            if callable(action):
                action()

    def monotonic(self) -> float:
        return self.now


def storage(
    path: Path, *, lock_id: str = "lock-1", pid: int = 4242, time_: FakeTime | None = None
) -> LocalFileStorage:
    fake = time_ or FakeTime()
    lock = FileLock(
        lock_path(path),
        clock=lambda: datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        hostname=lambda: "ci-1",
        user=lambda: "ann",
        pid=lambda: pid,
        new_id=lambda: lock_id,
        sleep=fake.sleep,
        monotonic=fake.monotonic,
    )
    return LocalFileStorage(path, lock=lock)


def with_creative(state: State, address: str = "hero") -> State:
    entry = CreativeState(FP, {"type": "static_ad"}, "a.yaml", batches=(Batch(0, KEY, 1),))
    return replace(state, creatives={**state.creatives, address: entry})


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "creatives.state.json"


def test_local_file_storage_is_a_state_storage(path: Path) -> None:
    backend: StateStorage = storage(path)
    assert backend.describe() == f"local file {path}"


# -- read and write ---------------------------------------------------------------------------


def test_read_absent_state_is_none(path: Path) -> None:
    assert storage(path).read() is None


def test_first_write_creates_serial_one_without_backup(path: Path) -> None:
    written = storage(path).write(new_state(LINEAGE), expected_serial=None)
    assert written == replace(new_state(LINEAGE), serial=1)
    assert path.read_text(encoding="utf-8") == dumps(written)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    # Reading the umask means setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_read_returns_what_was_written(path: Path) -> None:
    backend = storage(path)
    written = backend.write(with_creative(new_state(LINEAGE)), expected_serial=None)
    assert backend.read() == written


def test_unchanged_content_is_a_no_op(path: Path) -> None:
    backend = storage(path)
    first = backend.write(new_state(LINEAGE), expected_serial=None)
    before = path.stat()
    again = backend.write(first, expected_serial=1)
    assert again.serial == 1
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert path.stat().st_ino == before.st_ino
    assert not backend.backup_path.exists()


def test_changed_content_bumps_serial_and_keeps_the_previous_version(path: Path) -> None:
    backend = storage(path)
    first = backend.write(new_state(LINEAGE), expected_serial=None)
    previous = path.read_bytes()
    second = backend.write(with_creative(first), expected_serial=1)
    assert second.serial == 2
    assert path.read_text(encoding="utf-8") == dumps(second)
    assert backend.backup_path.read_bytes() == previous
    third = backend.write(with_creative(second, "other"), expected_serial=2)
    assert third.serial == 3
    assert loads(backend.backup_path.read_text(encoding="utf-8"), source="b") == second
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, f"{path.name}.backup"]


def test_file_mode_is_preserved(path: Path) -> None:
    backend = storage(path)
    backend.write(new_state(LINEAGE), expected_serial=None)
    path.chmod(0o640)
    backend.write(with_creative(new_state(LINEAGE)), expected_serial=1)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(backend.backup_path.stat().st_mode) == 0o640


def test_stale_expected_serial_is_refused(path: Path) -> None:
    backend = storage(path)
    first = backend.write(new_state(LINEAGE), expected_serial=None)
    backend.write(with_creative(first), expected_serial=1)
    on_disk = path.read_bytes()
    with pytest.raises(StateError) as caught:
        backend.write(with_creative(first, "mine"), expected_serial=1)
    assert caught.value.render() == (
        f"state file {path} changed under us (serial 2 on disk, expected serial 1)\n"
        "Another run wrote it meanwhile; run the command again to start from it."
    )
    assert path.read_bytes() == on_disk


def test_creating_over_an_existing_state_is_refused(path: Path) -> None:
    storage(path).write(new_state(LINEAGE), expected_serial=None)
    with pytest.raises(StateError) as caught:
        storage(path).write(new_state("0" * 32), expected_serial=None)
    assert caught.value.message == (
        f"state file {path} changed under us (serial 1 on disk, expected no state file)"
    )


def test_a_deleted_state_is_not_silently_recreated(path: Path) -> None:
    with pytest.raises(StateError) as caught:
        storage(path).write(new_state(LINEAGE), expected_serial=4)
    assert caught.value.message == (
        f"state file {path} changed under us (no state file on disk, expected serial 4)"
    )
    assert not path.exists()


def test_another_lineage_is_refused(path: Path) -> None:
    storage(path).write(new_state(LINEAGE), expected_serial=None)
    with pytest.raises(StateError) as caught:
        storage(path).write(with_creative(new_state("0" * 32)), expected_serial=1)
    assert caught.value.message == (
        f"state file {path} was replaced by another state (lineage {LINEAGE} on disk, expected "
        f"{'0' * 32})"
    )


def test_an_invalid_state_is_never_written(path: Path) -> None:
    backend = storage(path)
    backend.write(new_state(LINEAGE), expected_serial=None)
    on_disk = path.read_bytes()
    entry = CreativeState(FP, {}, "a.yaml", retired=(Batch(0, KEY, 1),))  # no fingerprint
    with pytest.raises(StateError) as caught:
        backend.write(replace(new_state(LINEAGE), creatives={"hero": entry}), expected_serial=1)
    assert caught.value.render() == (
        f"refusing to write an invalid state: state file {path} is not a valid state: at "
        "creatives.hero.retired[0]: 'fingerprint' is a required property\n"
        "This is a bug in creatives; the previous state is unchanged."
    )
    assert path.read_bytes() == on_disk
    assert not backend.backup_path.exists()


SMALL = dumps(replace(new_state(LINEAGE), serial=3))
NO_BACKUP = (
    "Nothing was changed: creatives never overwrites a state it cannot read. "
    "Restore the file from version control."
)
UNREADABLE = [
    (
        SMALL[:40],
        "state file {path} ends unexpectedly at line 3 — was a write interrupted?\n{hint}",
    ),
    (
        SMALL.replace('"format_version": 1', '"format_version": 2'),
        "state file {path}: state format 2 is newer than this creatives supports (1); upgrade "
        "videotok-reconciler\nNothing was changed.",
    ),
    (
        SMALL.replace('"serial": 3', '"serial" 3'),
        "state file {path} is not valid JSON: Expecting ':' delimiter at line 5 column 12\n{hint}",
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNREADABLE)
def test_an_unreadable_state_is_reported_and_never_overwritten(
    path: Path, text: str, expected: str
) -> None:
    path.write_text(text, encoding="utf-8")
    backend = storage(path)
    message = expected.format(path=path, hint=NO_BACKUP)
    with pytest.raises(StateError) as caught:
        backend.read()
    assert caught.value.render() == message
    for serial in (None, 3, 4):
        with pytest.raises(StateError) as caught:
            backend.write(with_creative(new_state(LINEAGE)), expected_serial=serial)
        assert caught.value.render() == message
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_interrupted_write_points_at_the_backup(path: Path) -> None:
    backend = storage(path)
    backend.write(new_state(LINEAGE), expected_serial=None)
    backend.write(with_creative(new_state(LINEAGE)), expected_serial=1)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(StateError) as caught:
        backend.read()
    assert caught.value.render() == (
        f"state file {path} ends unexpectedly at line 6 — was a write interrupted?\n"
        f"The previous version is in {path}.backup. Nothing was changed: creatives never "
        "overwrites a state it cannot read."
    )


def test_state_that_is_not_utf8(path: Path) -> None:
    path.write_bytes(b'{"lineage": "\xff"}')
    with pytest.raises(StateError) as caught:
        storage(path).read()
    assert caught.value.render() == f"state file {path} is not UTF-8 text (byte 13)\n{NO_BACKUP}"


def test_state_path_that_cannot_be_read(path: Path) -> None:
    path.mkdir()
    with pytest.raises(StateError) as caught:
        storage(path).write(new_state(LINEAGE), expected_serial=None)
    assert caught.value.render() == (
        f"cannot read state file {path}: Is a directory\n"
        "Check the path (--state, CREATIVES_STATE) and its permissions."
    )


# -- lock, in one process (two storages are two open files, so they exclude each other) --------


def holder_json(lock_id: str = "lock-1", pid: int = 4242, operation: str = "apply") -> str:
    info = {
        "created": "2026-01-02T03:04:05Z",
        "id": lock_id,
        "operation": operation,
        "pid": pid,
        "version": __version__,
        "who": "ann@ci-1",
    }
    return json.dumps(info, sort_keys=True) + "\n"


def held_message(path: Path, lock_id: str = "lock-1", waited: str = "") -> str:
    return (
        f"cannot acquire the state lock{waited}: {path}.lock is held.\n"
        f"  ID:        {lock_id}\n"
        "  Who:       ann@ci-1\n"
        "  PID:       4242\n"
        "  Operation: apply\n"
        "  Created:   2026-01-02T03:04:05Z\n"
        f"  Version:   {__version__}\n"
        "Wait for that run to finish, or use --lock-timeout (e.g. 2m) to wait for it. A local "
        "lock is an OS lock: it is released the moment its process exits, even by kill -9, so "
        "`creatives force-unlock ID` is only for backends that cannot know that."
    )


def test_lock_records_its_holder_beside_the_state(path: Path) -> None:
    info = storage(path).lock("apply", timeout=0)
    assert info == LockInfo(
        "lock-1", "ann@ci-1", 4242, "apply", "2026-01-02T03:04:05Z", __version__
    )
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == holder_json()
    assert not path.exists()


def test_a_held_lock_fails_at_once_with_the_holders_details(path: Path) -> None:
    storage(path).lock("apply", timeout=0)
    with pytest.raises(LockError) as caught:
        storage(path, lock_id="lock-2", pid=1).lock("state rm", timeout=0)
    assert caught.value.render() == held_message(path)
    assert caught.value.holder == json.loads(holder_json())
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == holder_json()


def test_a_held_lock_is_waited_for_until_the_timeout(path: Path) -> None:
    storage(path).lock("apply", timeout=0)
    fake = FakeTime()
    with pytest.raises(LockError) as caught:
        storage(path, lock_id="lock-2", time_=fake).lock("state rm", timeout=0.35)
    assert fake.sleeps == [0.1, 0.1, 0.1, 0.05]
    assert caught.value.render() == held_message(path, waited=" after waiting 0.35s")


def test_a_waiting_lock_is_taken_as_soon_as_the_holder_lets_go(path: Path) -> None:
    first = storage(path).lock("apply", timeout=0)
    fake = FakeTime()
    fake.on_sleep = [None, lambda: first.release and first.release(first.id)]
    second = storage(path, lock_id="lock-2", time_=fake).lock("state rm", timeout=30)
    assert fake.sleeps == [0.1, 0.1]
    assert second.id == "lock-2"
    lock_text = Path(f"{path}.lock").read_text(encoding="utf-8")
    assert lock_text == holder_json("lock-2", operation="state rm")


def test_a_lock_without_recorded_details_yet(path: Path) -> None:
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fake = FakeTime()
        with pytest.raises(LockError) as caught:
            storage(path, time_=fake).lock("apply", timeout=0)
        assert fake.sleeps == [0.02] * 10
        assert caught.value.message == (
            f"cannot acquire the state lock: {path}.lock is held.\n"
            "  (the holder has not recorded its details yet)"
        )
        assert caught.value.holder == {}
    finally:
        os.close(fd)


def test_unlock_clears_the_record_and_frees_the_lock(path: Path) -> None:
    backend = storage(path)
    info = backend.lock("apply", timeout=0)
    backend.unlock(info.id)
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == ""
    assert storage(path, lock_id="lock-2").lock("plan", timeout=0).id == "lock-2"


def test_lock_is_a_context_manager(path: Path) -> None:
    with storage(path).lock("apply", timeout=0) as info:
        assert info.id == "lock-1"
        with pytest.raises(LockError):
            storage(path, lock_id="lock-2").lock("apply", timeout=0)
    assert storage(path, lock_id="lock-2").lock("apply", timeout=0).id == "lock-2"


def test_lock_is_released_when_the_block_raises(path: Path) -> None:
    with pytest.raises(RuntimeError), storage(path).lock("apply", timeout=0):
        raise RuntimeError("boom")
    assert storage(path, lock_id="lock-2").lock("apply", timeout=0).id == "lock-2"


def test_unlock_needs_the_lock_this_run_holds(path: Path) -> None:
    backend = storage(path)
    with pytest.raises(LockError) as caught:
        backend.unlock("lock-1")
    assert caught.value.message == "cannot unlock lock-1: this run holds no state lock"
    backend.lock("apply", timeout=0)
    with pytest.raises(LockError) as caught:
        backend.unlock("other")
    assert caught.value.message == "cannot unlock other: this run holds the state lock lock-1"
    with pytest.raises(LockError) as caught:
        backend.lock("apply", timeout=0)
    assert caught.value.message == "this run already holds the state lock (ID lock-1)"


def test_force_unlock_with_the_wrong_id_does_nothing(path: Path) -> None:
    storage(path).lock("apply", timeout=0)
    lock_file = Path(f"{path}.lock")
    with pytest.raises(LockError) as caught:
        storage(path).force_unlock("nope")
    assert caught.value.render() == (
        "lock ID nope does not match the current lock ID lock-1; nothing was changed\n"
        "The current lock:\n"
        "  ID:        lock-1\n"
        "  Who:       ann@ci-1\n"
        "  PID:       4242\n"
        "  Operation: apply\n"
        "  Created:   2026-01-02T03:04:05Z\n"
        f"  Version:   {__version__}"
    )
    assert lock_file.read_text(encoding="utf-8") == holder_json()
    with pytest.raises(LockError):
        storage(path, lock_id="lock-2").lock("apply", timeout=0)


def test_force_unlock_cannot_break_a_live_os_lock(path: Path) -> None:
    storage(path).lock("apply", timeout=0)
    with pytest.raises(LockError) as caught:
        storage(path).force_unlock("lock-1")
    assert caught.value.render() == (
        "lock lock-1 is held by a running process (PID 4242 on ann@ci-1); force-unlock cannot "
        "release an OS lock that is alive\n"
        "Let that run finish, or stop it: its lock goes with it."
    )
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == holder_json()


def test_force_unlock_clears_a_record_left_by_a_dead_run(path: Path) -> None:
    Path(f"{path}.lock").write_text(holder_json(), encoding="utf-8")
    cleared = storage(path).force_unlock("lock-1")
    assert cleared.id == "lock-1"
    assert cleared.operation == "apply"
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == ""


def test_force_unlock_without_a_lock(path: Path) -> None:
    with pytest.raises(LockError) as caught:
        storage(path).force_unlock("lock-1")
    assert caught.value.render() == (
        f"no lock is recorded in {path}.lock; nothing to unlock\nThe state is not locked."
    )


# -- lock, across processes ---------------------------------------------------------------------

CHILD = """
import sys
from pathlib import Path
from reconciler.errors import LockError
from reconciler.lockfile import FileLock
from reconciler.storage import LocalFileStorage, lock_path

path = Path(sys.argv[1])
lock = FileLock(lock_path(path), user=lambda: "bob", hostname=lambda: "box")
backend = LocalFileStorage(path, lock=lock)
try:
    info = backend.lock(sys.argv[2], timeout=0)
except LockError as exc:
    print("busy", exc.holder["pid"], exc.holder["operation"], flush=True)
    sys.exit(1)
print("locked", info.id, flush=True)
sys.stdin.readline()
"""


def start_child(path: Path, operation: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), operation],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_at_once_one_wins_the_other_sees_the_holder(path: Path) -> None:
    children = [start_child(path, "apply-a"), start_child(path, "apply-b")]
    try:
        lines = [c.stdout.readline().split() for c in children if c.stdout]
        winners = [i for i, line in enumerate(lines) if line[0] == "locked"]
        assert len(winners) == 1
        winner, loser = winners[0], 1 - winners[0]
        operation = ["apply-a", "apply-b"][winner]
        assert lines[loser] == ["busy", str(children[winner].pid), operation]
        assert children[loser].wait(timeout=10) == 1
        recorded = json.loads(Path(f"{path}.lock").read_text(encoding="utf-8"))
        assert recorded["id"] == lines[winner][1]
        assert recorded["who"] == "bob@box"
    finally:
        for child in children:
            child.communicate("\n", timeout=10)


def test_a_waiting_process_gets_the_lock_when_the_holder_exits(path: Path) -> None:
    child = start_child(path, "apply")
    try:
        assert child.stdout is not None
        assert child.stdout.readline().startswith("locked ")
        with pytest.raises(LockError):
            LocalFileStorage(path).lock("plan", timeout=0)
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.flush()
        started = time.monotonic()
        info = LocalFileStorage(path).lock("plan", timeout=10)
        assert time.monotonic() - started < 10
        assert info.pid == os.getpid()
    finally:
        child.communicate(timeout=10)


def test_a_process_killed_while_holding_the_lock_leaves_no_lock(path: Path) -> None:
    child = start_child(path, "apply")
    assert child.stdout is not None
    assert child.stdout.readline().startswith("locked ")
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    # The dead holder's record is still in the file, but the OS lock went with the process.
    assert json.loads(Path(f"{path}.lock").read_text(encoding="utf-8"))["pid"] == child.pid
    info = storage(path).lock("apply", timeout=0)
    assert info.id == "lock-1"
    assert Path(f"{path}.lock").read_text(encoding="utf-8") == holder_json()
