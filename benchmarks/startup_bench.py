"""Start-up: `creatives --version` and `validate` on one small file, vs `python -c pass`."""

from __future__ import annotations

import sys
from functools import partial

from benchmarks.common import REPO, Log, Row, creatives_command, fresh_dir, ratio, repeat, run

SMALL_FILE = REPO / "examples" / "creatives" / "launch.yaml"


def _ms(value: float) -> str:
    return f"{value * 1000:.0f} ms"


def bench(quick: bool, log: Log) -> list[Row]:
    reps = 3 if quick else 11
    # An empty directory: no catalog there, so validate checks the shape only, as on a fresh
    # checkout.
    workdir = fresh_dir("startup")
    floor = repeat(reps, partial(run, [sys.executable, "-c", "pass"], cwd=workdir))
    commands = {
        "creatives --version": ["--version"],
        f"creatives validate {SMALL_FILE.relative_to(REPO)}": ["validate", str(SMALL_FILE)],
    }
    rows = []
    for name, args in commands.items():
        tool = repeat(reps, partial(run, [*creatives_command(), *args], cwd=workdir))
        log(f"{name}: {tool.times}; python -c pass {floor.times}")
        rows.append(
            Row(
                f"start-up: {name}",
                "(no goal set; context)",
                f"{_ms(tool.median)}; python -c pass {_ms(floor.median)}",
                ratio(tool.median, floor.median),
                None,
            )
        )
    return rows
