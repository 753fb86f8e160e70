"""Run the real `creatives` command as a subprocess, the way a user or CI does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.model import State
from reconciler.state import loads


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def creatives(
    *args: str,
    cwd: Path,
    url: str | None = None,
    key: str | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> Run:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("VIDEOTOK_", "GITHUB_"))}
    full_env["NO_COLOR"] = "1"
    if url is not None:
        full_env["VIDEOTOK_API_URL"] = url
    if key is not None:
        full_env["VIDEOTOK_API_KEY"] = key
    full_env.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "reconciler", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def read_state(path: Path) -> State:
    return loads(path.read_text(encoding="utf-8"), source=str(path))


def state_ids(path: Path) -> set[str]:
    """Every generation id the state file holds, current and retired."""
    state = read_state(path)
    return {
        g.id
        for entry in state.creatives.values()
        for batch in (*entry.batches, *entry.retired)
        for g in batch.generations
    }


def accepted_ids(stats: dict[str, Any]) -> set[str]:
    return {i for rec in stats["by_idempotency_key"].values() for i in rec["generation_ids"]}


def duplicates(stats: dict[str, Any]) -> dict[str, Any]:
    """Keys the server accepted more than once (must always be empty)."""
    return {k: v for k, v in stats["by_idempotency_key"].items() if v["batches"] != 1}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def plan_json(cwd: Path, *args: str) -> dict[str, Any]:
    run = creatives("plan", "--format", "json", *args, cwd=cwd)
    assert run.code == 0, run.output
    data: dict[str, Any] = json.loads(run.stdout)
    return data
