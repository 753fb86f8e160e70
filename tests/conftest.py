"""Shared fixtures: a real sandbox server in a subprocess, and one in-process."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from reconciler.sandbox import RunningSandbox, SandboxConfig, start_sandbox

LISTENING = "Videotok sandbox listening on "
KEY_LINE = "Test API key: "
START_TIMEOUT = 20.0


@dataclass
class SandboxProcess:
    """A `creatives sandbox` subprocess on 127.0.0.1 and helpers to talk to it."""

    process: subprocess.Popen[str]
    url: str
    root: str
    api_key: str
    stdout_lines: list[str]
    stderr_path: Path
    _lines: queue.Queue[str | None] = field(repr=False)
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10), repr=False)

    def headers(self, key: str | None = None, **extra: str) -> dict[str, str]:
        """Authorization for `key` (default: the test key) plus any extra headers."""
        return {"Authorization": f"Bearer {key or self.api_key}", **extra}

    def stats(self) -> dict[str, Any]:
        response = self.client.get(f"{self.root}/_sandbox/stats")
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    def set_credits(self, credits: int, workspace: str | None = None) -> None:
        body: dict[str, Any] = {"credits": credits}
        if workspace is not None:
            body["workspace"] = workspace
        self.client.post(f"{self.root}/_sandbox/credits", json=body).raise_for_status()

    def set_faults(self, **faults: Any) -> dict[str, Any]:
        response = self.client.post(f"{self.root}/_sandbox/faults", json=faults)
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10) -> int:
        """Signal the server and wait for it; returns its exit code."""
        self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def more_stdout(self, timeout: float = 5) -> list[str]:
        """Lines printed after the first two (read until `timeout` passes without one)."""
        lines: list[str] = []
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                return lines
            if line is None:
                return lines
            lines.append(line)
            self.stdout_lines.append(line)
            timeout = min(timeout, 0.5)


def _pump(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def launch_sandbox(workdir: Path, *args: str) -> SandboxProcess:
    """Start `python -m reconciler sandbox --port 0 ARGS` and wait for its two first lines."""
    stderr_path = workdir / f"sandbox-stderr-{len(list(workdir.glob('sandbox-stderr-*')))}.txt"
    with stderr_path.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "reconciler", "sandbox", "--port", "0", *args],
            cwd=workdir,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    lines: queue.Queue[str | None] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    first: list[str] = []
    while len(first) < 2:
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            line = None
        if line is None:
            process.kill()
            process.wait()
            raise AssertionError(
                f"sandbox did not start; stdout {first!r}; stderr:\n"
                + stderr_path.read_text(encoding="utf-8")
            )
        first.append(line)
    assert first[0].startswith(LISTENING), first
    assert first[1].startswith(KEY_LINE), first
    url = first[0][len(LISTENING) :]
    return SandboxProcess(
        process=process,
        url=url,
        root=url.removesuffix("/api/v1"),
        api_key=first[1][len(KEY_LINE) :],
        stdout_lines=first,
        stderr_path=stderr_path,
        _lines=lines,
    )


@pytest.fixture
def sandbox_server(tmp_path: Path) -> Iterator[Callable[..., SandboxProcess]]:
    """Factory: `sandbox_server("--latency", "20")` starts a real server; all stop at teardown."""
    started: list[SandboxProcess] = []

    def start(*args: str) -> SandboxProcess:
        server = launch_sandbox(tmp_path, *args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def inprocess_sandbox() -> Iterator[Callable[..., RunningSandbox]]:
    """Factory: `inprocess_sandbox(complete_after=0.3)` serves on a thread; all shut down after."""
    started: list[RunningSandbox] = []

    def start(**config: Any) -> RunningSandbox:
        running = start_sandbox(SandboxConfig(**config))
        started.append(running)
        return running

    yield start
    for running in started:
        running.shutdown()
