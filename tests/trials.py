"""Reliability trials: kill `creatives apply` at random moments, or inject faults, then re-run
until it converges, and count duplicates and lost generations (both must be zero)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.cli import accepted_ids, creatives, read_state, write

#: Six creatives, nine outputs: enough batches that a kill lands in all phases of a run.
TRIAL_MANIFEST = """\
creatives:
{body}"""
_ONE = """\
  c{i}:
    type: static_ad
    template_slug: product-shoot
    prompt: Trial creative {i} of run {run}.
    aspect_ratio: "1:1"
    request_count: {count}
"""


def trial_manifest(run: str, creatives_count: int = 6) -> str:
    body = "".join(_ONE.format(i=i, run=run, count=1 + i % 3) for i in range(creatives_count))
    return TRIAL_MANIFEST.format(body=body)


@dataclass
class Outcome:
    trials: int = 0
    kills: int = 0
    reruns: int = 0
    duplicates: int = 0
    lost: int = 0
    unconverged: int = 0
    problems: list[str] = field(default_factory=list)


def _env(url: str, key: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOTOK_")}
    env.update(VIDEOTOK_API_URL=url, VIDEOTOK_API_KEY=key, NO_COLOR="1")
    return env


def _kill_at_random(workdir: Path, url: str, key: str, rng: random.Random, window: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reconciler", "apply", "--auto-approve", "--parallelism", "3"],
        cwd=workdir,
        env=_env(url, key),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    time.sleep(rng.uniform(0.0, window))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def converge(workdir: Path, url: str, key: str, attempts: int = 8) -> int:
    """Re-run apply until the plan is empty; returns the number of runs it took, or -1."""
    for attempt in range(1, attempts + 1):
        creatives("apply", "--auto-approve", cwd=workdir, url=url, key=key, timeout=300)
        if creatives("plan", "--detailed-exitcode", cwd=workdir, url=url, key=key).code == 0:
            return attempt
    return -1


def _settle(workdir: Path, url: str, key: str, outcome: Outcome) -> None:
    """Converge one trial and count how it went."""
    runs = converge(workdir, url, key)
    outcome.trials += 1
    if runs < 0:
        outcome.unconverged += 1
        outcome.problems.append(f"{workdir.name} did not converge")
    else:
        outcome.reruns += runs


def audit(workdirs: list[Path], stats: dict[str, Any], outcome: Outcome) -> None:
    """Every accepted key once, every accepted generation in some state."""
    held: set[str] = set()
    keys: set[str] = set()
    for workdir in workdirs:
        path = workdir / "creatives.state.json"
        if not path.exists():
            continue
        state = read_state(path)
        for entry in state.creatives.values():
            for batch in (*entry.batches, *entry.retired):
                keys.add(batch.idempotency_key)
                held.update(g.id for g in batch.generations)
    for key, record in stats["by_idempotency_key"].items():
        if record["batches"] != 1:
            outcome.duplicates += record["batches"] - 1
            outcome.problems.append(f"key {key} accepted {record['batches']} times")
        if key not in keys:
            outcome.problems.append(f"key {key} accepted but in no state")
    lost = accepted_ids(stats) - held
    outcome.lost += len(lost)
    if lost:
        outcome.problems.append(f"{len(lost)} accepted generations are in no state")


def crash_trials(
    root: Path, url: str, key: str, stats: Any, *, trials: int, seed: int = 1, window: float = 2.0
) -> Outcome:
    """`trials` runs, each SIGKILLed once or twice at random moments, then converged."""
    rng = random.Random(seed)
    outcome = Outcome()
    workdirs = []
    for n in range(trials):
        workdir = root / f"trial-{n:03d}"
        write(workdir / "creatives" / "ads.yaml", trial_manifest(f"{seed}-{n}"))
        workdirs.append(workdir)
        for _ in range(rng.choice((1, 1, 2))):
            _kill_at_random(workdir, url, key, rng, window)
            outcome.kills += 1
        _settle(workdir, url, key, outcome)
    audit(workdirs, stats(), outcome)
    return outcome


def fault_trials(root: Path, url: str, key: str, stats: Any, *, trials: int) -> Outcome:
    """Runs against a server injecting 5xx, 429 and accept-then-drop; re-run until converged."""
    outcome = Outcome()
    workdirs = []
    for n in range(trials):
        workdir = root / f"fault-{n:03d}"
        write(workdir / "creatives" / "ads.yaml", trial_manifest(f"fault-{n}"))
        workdirs.append(workdir)
        _settle(workdir, url, key, outcome)
    audit(workdirs, stats(), outcome)
    return outcome
