"""Sandbox server subprocesses for the API benchmarks (the tests' launcher, reused)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import Log, Run, clean_env, run
from tests.conftest import SandboxProcess, launch_sandbox

#: Enough credits that no benchmark is ever stopped by a 402.
CREDITS = "1000000000"


@contextlib.contextmanager
def sandbox(workdir: Path, *args: str) -> Iterator[SandboxProcess]:
    """A `creatives sandbox --port 0 ARGS` subprocess, stopped on exit."""
    server = launch_sandbox(workdir, "--credits", CREDITS, *args)
    try:
        yield server
    finally:
        server.stop()


def api_env(server: SandboxProcess) -> dict[str, str]:
    return clean_env(VIDEOTOK_API_URL=server.url, VIDEOTOK_API_KEY=server.api_key)


def client_loop(server: SandboxProcess, mode: str, items: list[Any], workdir: Path) -> Run:
    """Time the sequential peer (`benchmarks.client_loop`) over `items` against `server`."""
    path = workdir / f"loop-{mode}.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    argv = [sys.executable, "-m", "benchmarks.client_loop", mode, server.url, str(path)]
    return run(argv, cwd=Path(__file__).resolve().parent.parent, env=api_env(server))


def no_duplicates(server: SandboxProcess, batches: int, log: Log) -> dict[str, Any]:
    """The server's stats, after checking it accepted exactly `batches` batches, each once."""
    stats = server.stats()
    twice = [k for k, v in stats["by_idempotency_key"].items() if v["batches"] != 1]
    if stats["batches"] != batches or twice:
        raise RuntimeError(f"expected {batches} batches, each once; stats {stats['batches']}")
    log(f"  server answered {stats['requests_by_status']}")
    return stats


__all__ = ["SandboxProcess", "api_env", "client_loop", "no_duplicates", "sandbox"]
