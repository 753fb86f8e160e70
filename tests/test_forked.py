"""Work in a forked child: its result comes back, and any failure means "do it yourself"."""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from reconciler import forked
from reconciler.forked import ForkedCall

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_the_result_comes_back_from_the_child() -> None:
    call = ForkedCall(lambda: {"pid": os.getpid(), "data": list(range(100_000))})
    got = call.result()
    assert got is not None
    assert got["pid"] != os.getpid()
    assert got["data"] == list(range(100_000))  # more than a pipe holds at once


def test_a_child_that_raises_returns_none() -> None:
    def fail() -> int:
        raise ValueError("boom")

    assert ForkedCall(fail).result() is None


def test_a_child_that_is_killed_returns_none() -> None:
    def die() -> int:
        os.kill(os.getpid(), signal.SIGKILL)
        return 1

    assert ForkedCall(die).result() is None


def test_cancel_stops_a_child_that_still_runs() -> None:
    started = time.monotonic()
    call = ForkedCall(lambda: time.sleep(60))
    call.cancel()
    assert time.monotonic() - started < 10
    assert call.result() is None


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.available()
    finally:
        stop.set()
        thread.join()


def test_the_child_closes_what_it_inherited_so_a_lock_dies_with_the_parent(
    tmp_path: Path,
) -> None:
    lock = os.open(tmp_path / "state.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)

        def inherited() -> bool:
            try:
                os.fstat(lock)
            except OSError:
                return False
            return True

        assert ForkedCall(inherited).result() is False
        # The parent's lock is untouched: another descriptor still cannot take it.
        other = os.open(tmp_path / "state.lock", os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(other)
    finally:
        os.close(lock)


def test_with_sigchld_ignored_the_caller_is_told_to_do_the_work() -> None:
    # A parent that ignores SIGCHLD passes that on; the kernel then reaps children itself.
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert ForkedCall(lambda: 42).result() is None
        call = ForkedCall(lambda: time.sleep(60))
        call.cancel()
    finally:
        signal.signal(signal.SIGCHLD, previous)
