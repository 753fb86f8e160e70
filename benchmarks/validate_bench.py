"""`creatives validate` against the YAML-parse floor and against check-jsonschema."""

from __future__ import annotations

import sys
from functools import partial

from benchmarks import generate
from benchmarks.common import (
    BIN,
    DATA,
    FLOOR_YAML,
    REPO,
    Log,
    Row,
    alternate,
    creatives_command,
    mib,
    ratio,
    repeat,
    run,
    seconds,
)

GOAL = 2.0
PEER_SIZE = 10_000


def sizes(quick: bool) -> list[tuple[int, int]]:
    """(creatives, repetitions); 100,000 takes long enough for its median to need fewer."""
    return [(1_000, 1)] if quick else [(1_000, 5), (10_000, 3), (100_000, 2)]


def bench(quick: bool, log: Log) -> list[Row]:
    rows = []
    for count, reps in sizes(quick):
        workdir = generate.workspace(DATA, count)
        files = len(list((workdir / "creatives").glob("*.yaml")))
        tool, floor = alternate(
            reps,
            partial(run, [*creatives_command(), "validate", "creatives"], cwd=workdir),
            partial(run, [sys.executable, "-c", FLOOR_YAML, "creatives"], cwd=workdir),
        )
        log(f"validate {count}: {tool.times} vs floor {floor.times}")
        memory = (
            f", {tool.peak_bytes / floor.peak_bytes:.2f}x memory"
            if tool.peak_bytes and floor.peak_bytes
            else ""
        )
        rows.append(
            Row(
                f"validate {count:,} creatives ({files} files)",
                f"time ≤ {GOAL:g}x YAML-parse floor",
                f"{seconds(tool.median)}, {mib(tool.peak_bytes)}; "
                f"floor {seconds(floor.median)}, {mib(floor.peak_bytes)}",
                ratio(tool.median, floor.median) + " time" + memory,
                tool.median <= GOAL * floor.median,
            )
        )
        if count == PEER_SIZE or (quick and count == sizes(quick)[0][0]):
            rows.append(peer_row(count, files, tool.median, log))
    return rows


def peer_row(count: int, files: int, tool_seconds: float, log: Log) -> Row:
    """The same files through check-jsonschema and the project's JSON Schema."""
    checker = BIN / "check-jsonschema"
    name = f"validate vs check-jsonschema, {count:,} creatives"
    goal = "faster than check-jsonschema"
    if not checker.exists():
        return Row(
            name, goal, "check-jsonschema is not installed (pip install -e '.[test]')", "", None
        )
    workdir = generate.workspace(DATA, count)
    paths = sorted(p.name for p in (workdir / "creatives").glob("*.yaml"))
    schema = REPO / "schemas" / "manifest.schema.json"
    argv = [str(checker), "--schemafile", str(schema), *(f"creatives/{p}" for p in paths)]
    peer = repeat(1, partial(run, argv, cwd=workdir))
    log(f"check-jsonschema {count}: {peer.times}")
    return Row(
        name,
        goal,
        f"{seconds(tool_seconds)} vs {seconds(peer.median)} ({files} files)",
        ratio(tool_seconds, peer.median) + " time",
        tool_seconds < peer.median,
    )
