"""Work in a forked child: its result comes back, and any failure means "do it yourself"."""

from __future__ import annotations

import os
import signal
import threading
import time

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
