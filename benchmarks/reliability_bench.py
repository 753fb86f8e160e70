"""Crash and fault trials (tests/trials.py) at benchmark scale: duplicates and losses must be 0."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.common import Log, Row, fresh_dir, seconds
from benchmarks.server import sandbox
from tests.trials import Outcome, audit, crash_trials, fault_trials

CRASH_TRIALS = 200
FAULT_TRIALS = 20
#: Trials run this many at a time against one server (each in its own directory and state).
LANES = 2
#: Kills land uniformly in [0, WINDOW] seconds after apply starts; a full apply of the trial
#: manifest takes about 0.45 s here (0.25 s of it start-up), so kills land in every phase.
WINDOW = 0.6
CRASH_SERVER = ("--latency", "40", "--complete-after", "1")
FAIL_RATE, RATE_LIMIT, DROP_RATE = 0.3, 5, 0.05
#: A limit low enough that two trials at a time do meet 429s (at 20 req/s they never do).
FAULT_SERVER = (
    *("--fail-rate", str(FAIL_RATE), "--rate-limit", str(RATE_LIMIT)),
    *("--drop-after-commit", str(DROP_RATE)),
)
#: Each trial manifest wants this many outputs (tests.trials.trial_manifest: 1+2+3+1+2+3).
OUTPUTS_PER_TRIAL = 12

Trials = Callable[[Path, int, int], Outcome]


def _no_stats() -> dict[str, Any]:
    # Each lane's own audit sees nothing; one audit over every lane runs at the end.
    return {"by_idempotency_key": {}}


def in_lanes(root: Path, trials: int, one_lane: Trials) -> Outcome:
    """`trials` split over LANES threads; their outcomes summed (audit left to the caller)."""
    shares = [trials // LANES + (1 if i < trials % LANES else 0) for i in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        outcomes = list(
            pool.map(one_lane, [root / f"lane-{i}" for i in range(LANES)], shares, range(LANES))
        )
    total = Outcome()
    for outcome in outcomes:
        total.trials += outcome.trials
        total.kills += outcome.kills
        total.reruns += outcome.reruns
        total.unconverged += outcome.unconverged
        total.problems.extend(outcome.problems)
    return total


def _row(name: str, outcome: Outcome, elapsed: float, extra: str = "") -> Row:
    return Row(
        name,
        "0 duplicates, 0 lost, all converge",
        f"{outcome.trials} trials{extra}, {outcome.reruns} runs of apply to converge, "
        f"{outcome.duplicates} duplicates, {outcome.lost} lost, "
        f"{outcome.unconverged} unconverged; {seconds(elapsed)}",
        f"{outcome.duplicates} dup / {outcome.lost} lost",
        not outcome.problems
        and not outcome.duplicates
        and not outcome.lost
        and not outcome.unconverged,
    )


def crash(trials: int, log: Log) -> Row:
    root = fresh_dir("crash")
    start = time.perf_counter()
    with sandbox(root, *CRASH_SERVER) as server:

        def lane(path: Path, share: int, seed: int) -> Outcome:
            return crash_trials(
                path,
                server.url,
                server.api_key,
                _no_stats,
                trials=share,
                seed=seed + 1,
                window=WINDOW,
            )

        outcome = in_lanes(root, trials, lane)
        stats = server.stats()
        audit(sorted(root.glob("lane-*/trial-*")), stats, outcome)
    elapsed = time.perf_counter() - start
    # Every 200 to a POST accepts a batch or replays one: a replay is a batch re-sent after a
    # kill that came between the server's commit and the state's record of it.
    replays = stats["requests_by_status"].get("200", 0) - stats["batches"]
    log(f"crash trials: {outcome}; server answered {stats['requests_by_status']}")
    return _row(
        f"crash trials: SIGKILL at random in [0, {WINDOW:g} s], {LANES} at a time",
        outcome,
        elapsed,
        f", {outcome.kills} kills ({replays} after the server accepted, replayed by key)",
    )


def faults(trials: int, log: Log) -> Row:
    root = fresh_dir("faults")
    start = time.perf_counter()
    with sandbox(root, *FAULT_SERVER, "--seed", "3") as server:

        def lane(path: Path, share: int, _seed: int) -> Outcome:
            return fault_trials(path, server.url, server.api_key, _no_stats, trials=share)

        outcome = in_lanes(root, trials, lane)
        stats = server.stats()
        audit(sorted(root.glob("lane-*/fault-*")), stats, outcome)
    wanted = OUTPUTS_PER_TRIAL * outcome.trials
    if stats["outputs"] != wanted:
        outcome.problems.append(f"server holds {stats['outputs']} outputs, {wanted} wanted")
    elapsed = time.perf_counter() - start
    answered = stats["requests_by_status"]
    log(f"fault trials: {outcome}; server answered {answered}")
    faults_met = ", ".join(f"{answered.get(k, 0)} {k}" for k in ("500", "429", "dropped"))
    return _row(
        f"fault trials: {FAIL_RATE:.0%} 5xx, 429 above {RATE_LIMIT} req/s, "
        f"{DROP_RATE:.0%} accept-then-drop",
        outcome,
        elapsed,
        f" ({faults_met} answers; {stats['outputs']} outputs for {wanted} wanted)",
    )


def bench(quick: bool, log: Log) -> list[Row]:
    return [
        crash(6 if quick else CRASH_TRIALS, log),
        faults(2 if quick else FAULT_TRIALS, log),
    ]
