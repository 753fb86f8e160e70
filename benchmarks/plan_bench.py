"""`creatives plan` with a matching state ("No changes") against the parse floor."""

from __future__ import annotations

import sys
from functools import partial

from benchmarks import generate
from benchmarks.common import (
    DATA,
    FLOOR_PLAN,
    MIB,
    Log,
    Row,
    Run,
    Timing,
    alternate,
    creatives_command,
    mib,
    ratio,
    run,
    seconds,
)

GOAL = 2.0
GOAL_SIZE = 10_000
MEMORY_LIMIT = 1024 * MIB
GROWTH_LIMIT = 12.0
NO_CHANGES = "No changes. Creatives match the manifests."


def sizes(quick: bool) -> list[tuple[int, int]]:
    """(creatives, repetitions); one run of 100,000 already takes tens of seconds."""
    return [(1_000, 1)] if quick else [(1_000, 5), (10_000, 5), (100_000, 1)]


def _plan(workdir_count: int) -> Run:
    workdir = generate.workspace(DATA, workdir_count)
    done = run([*creatives_command(), "plan", "creatives"], cwd=workdir)
    if NO_CHANGES not in done.stdout:
        raise RuntimeError(f"plan of {workdir} found changes:\n{done.stdout[-2000:]}")
    return done


def bench(quick: bool, log: Log) -> list[Row]:
    rows = []
    measured: dict[int, tuple[Timing, Timing]] = {}
    for count, reps in sizes(quick):
        workdir = generate.workspace(DATA, count)
        floor_argv = [sys.executable, "-c", FLOOR_PLAN, "creatives", "creatives.state.json"]
        tool, floor = alternate(reps, partial(_plan, count), partial(run, floor_argv, cwd=workdir))
        log(f"plan {count}: {tool.times} vs floor {floor.times}")
        measured[count] = (tool, floor)
        files = len(list((workdir / "creatives").glob("*.yaml")))
        state_mib = (workdir / "creatives.state.json").stat().st_size / MIB
        name = f"plan {count:,} creatives ({files} files, {state_mib:.0f} MiB state)"
        detail = (
            f"{seconds(tool.median)}, {mib(tool.peak_bytes)}; "
            f"floor {seconds(floor.median)}, {mib(floor.peak_bytes)}"
        )
        if count == GOAL_SIZE or quick:
            rows.append(
                Row(
                    name,
                    f"time ≤ {GOAL:g}x parse floor",
                    detail,
                    ratio(tool.median, floor.median) + " time",
                    tool.median <= GOAL * floor.median,
                )
            )
        elif count == 100_000:
            peak = tool.peak_bytes
            rows.append(
                Row(
                    name,
                    "peak RSS < 1 GiB",
                    detail,
                    (f"{peak / MEMORY_LIMIT:.2f}x of 1 GiB; " if peak else "")
                    + ratio(tool.median, floor.median)
                    + " floor time",
                    peak is not None and peak < MEMORY_LIMIT,
                )
            )
        else:
            rows.append(
                Row(name, "(context)", detail, ratio(tool.median, floor.median) + " time", None)
            )
    if 10_000 in measured and 100_000 in measured:
        (small, small_floor), (big, big_floor) = measured[10_000], measured[100_000]
        growth = big.median / small.median
        rows.append(
            Row(
                "plan time growth, 10,000 → 100,000 creatives",
                f"≤ {GROWTH_LIMIT:g}x (linear)",
                f"{seconds(small.median)} → {seconds(big.median)}; floor grows "
                f"{big_floor.median / small_floor.median:.1f}x",
                f"{growth:.1f}x",
                growth <= GROWTH_LIMIT,
            )
        )
    return rows
