"""Run every benchmark and reliability trial; print and save one markdown table."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):
    # `python benchmarks/run.py`: make the repository importable as `python -m benchmarks` does.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (
    apply_bench,
    plan_bench,
    reliability_bench,
    startup_bench,
    status_bench,
    validate_bench,
)
from benchmarks.common import WORK, Log, Row, compile_package, machine, seconds

Bench = Callable[[bool, Log], list[Row]]
BENCHMARKS: dict[str, Bench] = {
    "startup": startup_bench.bench,
    "validate": validate_bench.bench,
    "plan": plan_bench.bench,
    "apply": apply_bench.bench,
    "status": status_bench.bench,
    "reliability": reliability_bench.bench,
}
RESULTS = WORK / "results.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    met = {True: "yes", False: "**no**", None: "—"}
    lines = ["| benchmark | goal | measured | ratio | met? |", "|---|---|---|---|---|"]
    lines += [
        f"| {_cell(r.benchmark)} | {_cell(r.goal)} | {_cell(r.measured)} | {_cell(r.ratio)} "
        f"| {met[r.met]} |"
        for r in rows
    ]
    return "\n".join(lines)


def report(rows: list[Row], *, command: str, about: str, elapsed: float) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    missed = sum(1 for r in rows if r.met is False)
    return (
        f"{table(rows)}\n\n"
        "Ratios divide the tool's figure by the reference named in its row (below 1: the tool "
        "is faster); times are medians of the runs, wall clock of whole commands.\n"
        f"Machine: {about}.\n"
        f"Run `{command}` on {when}; took {seconds(elapsed)}; "
        f"{missed} goal{'s' if missed != 1 else ''} missed.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, one repetition (a smoke test)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(BENCHMARKS),
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )
    args = parser.parse_args(argv)
    about = machine()
    start = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f}s] {message}", file=sys.stderr, flush=True)

    log(f"machine: {about}")
    compile_package()
    rows: list[Row] = []
    for name, bench in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        began = time.perf_counter()
        log(f"{name}: starting")
        try:
            rows.extend(bench(args.quick, log))
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            rows.append(Row(name, "runs", f"failed: {type(exc).__name__}: {exc}"[:300], "", False))
        log(f"{name}: done in {seconds(time.perf_counter() - began)}")
    command = " ".join(["python -m benchmarks", *(argv if argv is not None else sys.argv[1:])])
    text = report(rows, command=command.strip(), about=about, elapsed=time.perf_counter() - start)
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    log(f"saved {RESULTS}")
    return 1 if any(r.met is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
