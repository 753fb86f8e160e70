"""Part of a job run in a forked copy of this process, so a second core shares the work.

Used where the work is pure (reading files, computing values) and its result is small next
to the work: parsing thousands of manifests. The result comes back pickled through a pipe.
Anything unusual (no fork on this platform, other threads running, the child failing or
being killed) makes `result()` return None, and the caller does the work itself: a forked
call may only ever save time, never change an outcome.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import BinaryIO, Generic, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether forking is safe and useful here: Linux, one thread, more than one core.

    Only Linux: macOS system libraries are not fork-safe. One thread only: a child forked
    while another thread holds a lock would wait for it forever.
    """
    return sys.platform == "linux" and threading.active_count() == 1 and _cores() > 1


def _cores() -> int:
    """Cores this process may run on (its affinity), not those of the machine."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _max_fd() -> int:
    try:
        return int(os.sysconf("SC_OPEN_MAX"))
    except (ValueError, OSError):
        return 65536


class ForkedCall(Generic[T]):
    """`work()` running in a child process from the moment this is made."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._pid: int | None = None
        self._pipe: BinaryIO | None = None
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return  # out of file descriptors: the caller does the work
        try:
            pid = os.fork()
        except OSError:  # no more processes allowed, or forbidden by a sandbox
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _run_child(work, write_end)
        os.close(write_end)
        self._pid = pid
        self._pipe = os.fdopen(read_end, "rb")

    def result(self) -> T | None:
        """What `work()` returned in the child, or None when the child did not finish it."""
        if self._pid is None or self._pipe is None:
            return None
        try:
            payload = self._pipe.read()
        finally:
            self._pipe.close()
        status = self._reap()
        if status != 0 or not payload:
            return None
        try:
            value: T = pickle.loads(payload)  # noqa: S301 - our own child wrote it
        except Exception:  # whatever it is, the caller does the work
            return None
        return value

    def cancel(self) -> None:
        """Stop the child if it still runs (the caller gave up waiting for it)."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        if self._pipe is not None:
            self._pipe.close()
        self._reap()

    def _reap(self) -> int:
        """Wait for the child; its exit code, or -1 when it cannot be known."""
        if self._pid is None:
            return -1
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:
            # SIGCHLD ignored (inherited from whoever started us): the kernel reaped it, and
            # its exit code is gone with it.
            self._pid = None
            return -1
        self._pid = None  # only now: interrupted while waiting, cancel() still finds it
        return os.waitstatus_to_exitcode(status)


def _run_child(work: Callable[[], T], write_end: int) -> None:
    """Do the work, write the pickled result, and leave without running the parent's exit
    handlers or flushing its buffers (os._exit): the child owns nothing of the parent's."""
    code = 1
    try:
        # Every inherited descriptor but the standard ones and the pipe is closed: the state
        # lock (an flock) must die with the parent, not live on in a child still parsing.
        # Closing a duplicate does not release the parent's lock; unlocking it would.
        os.closerange(3, write_end)
        os.closerange(write_end + 1, _max_fd())
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        code = 0
    except BaseException:  # noqa: S110 - the parent redoes the work itself
        pass
    finally:
        os._exit(code)
