"""`creatives status` over outputs still in flight, against the same bound and the loop."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.apply_bench import GOAL, SERVER_ARGS, bound, workspace
from benchmarks.common import Log, Row, Run, creatives_command, ratio, repeat, run, seconds
from benchmarks.server import SandboxProcess, api_env, client_loop, no_duplicates, sandbox
from reconciler.model import TERMINAL_STATUSES

#: Long enough that nothing finishes during the benchmark: every run polls every output.
COMPLETE_AFTER = "86400"
#: The sandbox's bucket holds one second of requests: let it refill between runs.
SETTLE = 1.1
STATUS_PARALLELISM = 8


def in_flight(workdir: Path) -> list[str]:
    """Ids of the outputs in state that are not finished."""
    from reconciler.state import loads

    path = workdir / "creatives.state.json"
    state = loads(path.read_text(encoding="utf-8"), source=str(path))
    return [
        g.id
        for entry in state.creatives.values()
        for batch in entry.batches
        for g in batch.generations
        if g.status not in TERMINAL_STATUSES
    ]


def bench(quick: bool, log: Log) -> list[Row]:
    creatives = 100 if quick else 500
    reps = 1 if quick else 3
    workdir = workspace("status", creatives)
    with sandbox(workdir, *SERVER_ARGS, "--complete-after", COMPLETE_AFTER) as server:
        env = api_env(server)
        applied = run([*creatives_command(), "apply", "--auto-approve"], cwd=workdir, env=env)
        no_duplicates(server, creatives, log)
        outputs = in_flight(workdir)
        log(f"status: applied {creatives} creatives in {seconds(applied.seconds)}")

        def status() -> Run:
            time.sleep(SETTLE)
            done = run([*creatives_command(), "status"], cwd=workdir, env=env)
            left = len(in_flight(workdir))
            if left != len(outputs):
                raise RuntimeError(f"{len(outputs) - left} outputs finished during the benchmark")
            return done

        def loop(server: SandboxProcess = server) -> Run:
            time.sleep(SETTLE)
            return client_loop(server, "get", outputs, workdir)

        tool = repeat(reps, status)
        peer = repeat(reps, loop)
    log(f"status {len(outputs)}: {tool.times}; sequential loop {peer.times}")
    limit = bound(len(outputs), STATUS_PARALLELISM)
    return [
        Row(
            f"status of {len(outputs):,} outputs in flight (same sandbox settings)",
            f"≤ {GOAL:g}x bound ({seconds(limit)})",
            f"{seconds(tool.median)}; sequential loop {seconds(peer.median)}",
            f"{ratio(tool.median, limit)} bound; {ratio(tool.median, peer.median)} loop",
            tool.median <= GOAL * limit,
        )
    ]
