"""The executor: write-ahead queueing of a plan's batches, in parallel, within a budget."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from reconciler import transitions, wire
from reconciler.errors import ApiError, ApplyError
from reconciler.ledger import Ledger
from reconciler.model import API_ACTIONS, Action, Change, CreativeState, Plan
from reconciler.render.numbers import count, thousands

OUTCOMES = ("created", "regenerated", "added", "resubmitted", "moved", "forgotten")
_DONE = {
    Action.CREATE: "created",
    Action.REGENERATE: "regenerated",
    Action.ADD_OUTPUTS: "added",
    Action.RESUBMIT: "resubmitted",
    Action.MOVE: "moved",
    Action.FORGET: "forgotten",
}


class Client(Protocol):
    def create_generations(
        self, payload: Mapping[str, Any], idempotency_key: str
    ) -> wire.BatchResult: ...


@dataclass(frozen=True)
class ApplyOptions:
    parallelism: int = 4
    max_credits: int | None = None
    allow_unknown_cost: bool = False


@dataclass(frozen=True)
class Result:
    """What happened to one change. `outcome`: an entry of OUTCOMES, `failed` or `skipped`."""

    change: Change
    outcome: str
    message: str = ""
    credits: int | None = None
    outputs: int = 0
    generation_ids: tuple[str, ...] = ()


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    interrupted: bool = False
    stopped: str | None = None

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.outcome in ("failed", "skipped")]

    def summary_line(self) -> str:
        tally = dict.fromkeys((*OUTCOMES, "failed", "skipped"), 0)
        for result in self.results:
            tally[result.outcome] += 1
        outputs = sum(r.outputs for r in self.results)
        spent = sum(r.credits or 0 for r in self.results)
        head = "Apply interrupted" if self.interrupted else "Apply complete"
        # DESIGN's fixed wording comes first, unchanged, so a script can parse it; rarer
        # counts follow in a sentence of their own, only when they happened.
        line = (
            f"{head}: {tally['created']} created, {tally['regenerated']} regenerated, "
            f"{tally['moved']} moved, {tally['forgotten']} forgotten, {tally['failed']} failed. "
            f"{count(outputs, 'output')} queued, {count(spent, 'credit')} spent."
        )
        extra = [
            f"{tally[key]} {label}"
            for key, label in (
                ("added", "added outputs"),
                ("resubmitted", "resubmitted"),
                ("skipped", "skipped"),
            )
            if tally[key]
        ]
        # A resubmitted batch may have been charged by the run that wrote it: the API answers
        # a replay as it answered the first time, so its credits cannot be told apart.
        again = sum(r.credits or 0 for r in self.results if r.outcome == "resubmitted")
        if again:
            extra.append(f"{thousands(again)} of the credits possibly spent by an earlier run")
        return f"{line} Also: {', '.join(extra)}." if extra else line


def check_budget(plan: Plan, options: ApplyOptions) -> None:
    """Refuse before the first POST when the plan may cost more than the user allowed."""
    if options.max_credits is None:
        return
    summary = plan.summary
    if summary.unknown_credits and not options.allow_unknown_cost:
        raise ApplyError(
            f"--max-credits {thousands(options.max_credits)} cannot be enforced: "
            f"{summary.unknown_credits} change(s) have no credit estimate. Nothing was queued.",
            hint="Run `creatives catalog pull` for prices, or pass --allow-unknown-cost.",
        )
    if summary.credits > options.max_credits:
        raise ApplyError(
            f"the plan is estimated at {thousands(summary.credits)} credits, above "
            f"--max-credits {thousands(options.max_credits)}. Nothing was queued.",
            hint="Raise --max-credits, or narrow the plan with --target.",
        )


class Executor:
    """Runs one plan against the API, recording every step through the ledger."""

    def __init__(
        self,
        ledger: Ledger,
        client: Client,
        *,
        now: Callable[[], str],
        options: ApplyOptions = ApplyOptions(),
        on_result: Callable[[Result], None] = lambda _: None,
        stop: threading.Event | None = None,
    ) -> None:
        self._ledger = ledger
        self._client = client
        self._now = now
        self._options = options
        self._on_result = on_result
        self._stop = stop or threading.Event()
        self._halt: str | None = None
        self._spent = 0
        self._reserved = 0
        self._lock = threading.Lock()
        self._report = Report()

    def run(self, plan: Plan) -> Report:
        check_budget(plan, self._options)
        for change in plan.changes:
            if change.action == Action.MOVE:
                self._state_only(change)
        groups: dict[str, list[Change]] = {}
        for change in plan.changes:
            if change.action in API_ACTIONS:
                groups.setdefault(change.address, []).append(change)
        workers = max(1, min(self._options.parallelism, len(groups) or 1))
        if self._options.max_credits is not None and plan.summary.unknown_credits:
            workers = 1  # a budget with unknown prices can only be kept one batch at a time
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="apply") as pool:
            for future in [pool.submit(self._run_group, g) for g in groups.values()]:
                future.result()
        for change in plan.changes:
            if change.action == Action.FORGET and not self._stopping():
                self._state_only(change)
            elif change.action == Action.FORGET:
                self._record(Result(change, "skipped", self._skip_reason()))
        self._report.interrupted = self._stop.is_set()
        self._report.stopped = self._halt
        return self._report

    def _stopping(self) -> bool:
        return self._stop.is_set() or self._halt is not None

    def _skip_reason(self) -> str:
        return "skipped (interrupted)" if self._stop.is_set() else f"skipped ({self._halt})"

    def _record(self, result: Result) -> None:
        with self._lock:
            self._report.results.append(result)
        self._on_result(result)

    def _state_only(self, change: Change) -> None:
        if change.action == Action.MOVE and change.moved_from:
            old, new = change.moved_from, change.address
            self._ledger.update(lambda s: transitions.move(s, old, new, change.source))
        else:
            self._ledger.update(lambda s: transitions.forget(s, change.address))
        self._record(Result(change, _DONE[change.action]))

    def _run_group(self, changes: Sequence[Change]) -> None:
        # Changes of one address run in order: a resubmit settles before a regeneration.
        for change in changes:
            if self._stopping():
                self._record(Result(change, "skipped", self._skip_reason()))
                continue
            if not self._within_budget(change):
                self._record(Result(change, "skipped", "skipped (over --max-credits)"))
                continue
            self._record(self._submit(change))

    def _within_budget(self, change: Change) -> bool:
        """Reserve the change's estimate, so parallel batches cannot overshoot together."""
        limit = self._options.max_credits
        if limit is None:
            return True
        with self._lock:
            committed = self._spent + self._reserved
            if change.credits is None:
                # An unknown price (allowed by --allow-unknown-cost) runs only while some
                # budget is left; run() makes such plans sequential so this is exact.
                return committed < limit
            if committed + change.credits > limit:
                return False
            self._reserved += change.credits
            return True

    def _settle(self, change: Change, credits: int | None) -> None:
        with self._lock:
            if self._options.max_credits is not None and change.credits is not None:
                self._reserved -= change.credits
            self._spent += credits or 0
            limit = self._options.max_credits
            if limit is not None and self._spent >= limit:
                self._halt = "over --max-credits"

    def _submit(self, change: Change) -> Result:
        batch = change.batch
        assert batch is not None  # API_ACTIONS always carry a batch
        spec = change.after if change.after is not None else change.before
        payload = {**dict(spec or {}), "request_count": batch.request_count}
        # Changes of one address run in one worker, so this is still the entry when the
        # API refuses the batch and the address has to be put back as it was.
        before = self._ledger.state.creatives.get(change.address)
        self._ledger.update(lambda s: transitions.write_ahead(s, change))
        try:
            answer = self._client.create_generations(payload, batch.idempotency_key)
        except ApiError as exc:
            self._settle(change, 0)
            return self._failed(change, exc, before)
        credits = answer.credits_deducted
        self._ledger.update(
            lambda s: transitions.record_submitted(
                s,
                change.address,
                batch.number,
                answer.generations,
                credits_deducted=credits,
                submitted_at=self._now(),
            )
        )
        self._settle(change, credits)
        return Result(
            change,
            _DONE[change.action],
            f"key {batch.idempotency_key}",
            credits=credits,
            outputs=len(answer.generations),
            generation_ids=tuple(g.id for g in answer.generations),
        )

    def _failed(self, change: Change, exc: ApiError, before: CreativeState | None) -> Result:
        refused = exc.status is not None and exc.status in (400, 401, 402, 403)
        batch = change.batch
        assert batch is not None
        if change.action == Action.RESUBMIT:
            # A resubmitted key may have been accepted by an earlier run; only a request the
            # API calls invalid (400) proves it never was. 401/402/403 keep it pending.
            if exc.status == 400:
                self._ledger.update(
                    lambda s: transitions.drop_pending(s, change.address, batch.number)
                )
        elif refused:
            # Nothing was queued: the address goes back to what it was before the write-ahead
            # (a refused regeneration retires nothing, a refused create leaves no entry).
            self._ledger.update(lambda s: transitions.restore(s, change.address, before))
        if exc.status in (401, 403):
            self._halt = "the API key was refused"
        elif exc.status == 402:
            self._halt = "credits"
            required = exc.context.get("credits_required")
            available = exc.context.get("credits_available")
            if required is not None or available is not None:
                return Result(
                    change,
                    "failed",
                    f"{exc.code}: {required} credits required, {available} available",
                )
        elif not refused:
            if exc.code == "idempotency_conflict":
                note = "kept pending: the key was used with another payload (manifest changed?)"
            else:
                note = "kept pending; re-run apply to resubmit with the same key"
            return Result(change, "failed", f"{exc.render()} ({note})")
        return Result(change, "failed", exc.render())
