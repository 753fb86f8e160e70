"""`creatives apply` throughput against a sandbox with latency and a rate limit."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from benchmarks import generate
from benchmarks.common import (
    Log,
    Row,
    Run,
    creatives_command,
    fresh_dir,
    ratio,
    repeat,
    run,
    seconds,
)
from benchmarks.server import api_env, client_loop, no_duplicates, sandbox

LATENCY_MS = 20
RATE = 100
PARALLELISM = 4
GOAL = 1.25
OUTPUTS_PER_CREATIVE = 2
SERVER_ARGS = ("--latency", str(LATENCY_MS), "--rate-limit", str(RATE))


def bound(requests: int, parallelism: int = PARALLELISM) -> float:
    """The least time `requests` can take: the rate limit, or latency over the workers."""
    return max(requests / RATE, requests * LATENCY_MS / 1000 / parallelism)


def workspace(name: str, creatives: int) -> Path:
    """Manifests of `creatives` creatives, 2 outputs each, and the catalog; no state."""
    workdir = fresh_dir(name)
    generate.write_manifests(workdir / "creatives", creatives, request_count=OUTPUTS_PER_CREATIVE)
    generate.write_catalog(workdir)
    return workdir


def payloads(workdir: Path) -> list[dict[str, object]]:
    """What apply sends for each creative, for the sequential loop to send the same."""
    from reconciler import manifest

    desired = manifest.load([workdir / "creatives"], root=workdir)
    return [{**c.spec, "request_count": c.request_count} for c in desired.creatives]


def apply_once(workdir: Path, creatives: int, log: Log, *server_args: str) -> Run:
    """One apply from an empty state against a fresh sandbox."""
    for leftover in ("creatives.state.json", "creatives.state.json.backup"):
        (workdir / leftover).unlink(missing_ok=True)
    shutil.rmtree(workdir / "sandbox", ignore_errors=True)
    (workdir / "sandbox").mkdir()
    with sandbox(workdir / "sandbox", *SERVER_ARGS, *server_args) as server:
        argv = [*creatives_command(), "apply", "--auto-approve", "--parallelism", str(PARALLELISM)]
        done = run(argv, cwd=workdir, env=api_env(server))
        no_duplicates(server, creatives, log)
    return done


def bench(quick: bool, log: Log) -> list[Row]:
    creatives = 100 if quick else 500
    reps = 1 if quick else 3
    workdir = workspace("apply", creatives)
    tool = repeat(reps, partial(apply_once, workdir, creatives, log))
    items = payloads(workdir)

    def loop() -> Run:
        (workdir / "loop").mkdir(exist_ok=True)
        with sandbox(workdir / "loop", *SERVER_ARGS) as server:
            done = client_loop(server, "post", items, workdir)
            no_duplicates(server, creatives, log)
        return done

    peer = repeat(reps, loop)
    log(f"apply {creatives}: {tool.times}; sequential loop {peer.times}")
    limit = bound(creatives)
    return [
        Row(
            f"apply {creatives} creatives, parallelism {PARALLELISM} "
            f"({LATENCY_MS} ms latency, {RATE} req/s limit)",
            f"≤ {GOAL:g}x bound ({seconds(limit)})",
            f"{seconds(tool.median)}; sequential loop {seconds(peer.median)}",
            f"{ratio(tool.median, limit)} bound; {ratio(tool.median, peer.median)} loop",
            tool.median <= GOAL * limit,
        )
    ]
