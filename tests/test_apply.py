"""The executor against a fake API: what each outcome of the API table does to state."""

from __future__ import annotations

import threading

import pytest

from reconciler.apply import ApplyOptions, Executor, check_budget
from reconciler.errors import ApiError, ApplyError
from reconciler.ledger import Ledger
from reconciler.model import PHASE_PENDING, PHASE_SUBMITTED, Generation, State
from reconciler.planner import plan
from reconciler.state import with_next_serial
from reconciler.wire import BatchResult
from tests.factories import creative, empty_state


class Store:
    def __init__(self) -> None:
        self.on_disk: State | None = None
        self.writes = 0

    def write(self, state: State, *, expected_serial: int | None) -> State:
        self.on_disk = with_next_serial(self.on_disk, state)
        self.writes += 1
        return self.on_disk


class FakeApi:
    """Answers each POST from a script keyed by prompt: a BatchResult or an ApiError."""

    def __init__(self, answers: dict[str, object]) -> None:
        self.answers = answers
        self.posts: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def create_generations(self, payload, idempotency_key):
        with self.lock:
            self.posts.append((payload["prompt"], idempotency_key))
        answer = self.answers.get(payload["prompt"], "ok")
        if isinstance(answer, ApiError):
            raise answer
        count = payload["request_count"]
        gens = tuple(Generation(f"{idempotency_key}-{i}") for i in range(count))
        return BatchResult(gens, 100 * count, None, "queued", {})


def run(desired, answers, options=None, state=None):
    options = options or ApplyOptions()
    state = state or empty_state()
    the_plan = plan(desired, state, tool_version="t", estimate=lambda s, n: 100 * n)
    store = Store()
    api = FakeApi(answers)
    ledger = Ledger(store, state, exists=False)
    report = Executor(ledger, api, now=lambda: "2026-01-01T00:00:00Z", options=options).run(
        the_plan
    )
    return report, store.on_disk, api


def outcome(report):
    return {r.change.address: r.outcome for r in report.results}


def test_success_records_ids_credits_and_submitted():
    report, state, _ = run([creative("a", "x", request_count=2)], {})
    assert outcome(report) == {"a": "created"}
    [batch] = state.creatives["a"].batches
    assert batch.phase == PHASE_SUBMITTED
    assert batch.credits_deducted == 200
    assert len(batch.generations) == 2
    assert report.summary_line() == (
        "Apply complete: 1 created, 0 regenerated, 0 moved, 0 forgotten, 0 failed. "
        "2 outputs queued, 200 credits spent."
    )


def test_bad_request_drops_the_pending_record_and_others_continue():
    bad = ApiError("bad_request", "no", status=400, context={"field": "prompt"})
    report, state, _ = run([creative("a", "x"), creative("b", "y")], {"x": bad})
    assert outcome(report) == {"a": "failed", "b": "created"}
    assert "a" not in state.creatives
    assert report.summary_line() == (
        "Apply complete: 1 created, 0 regenerated, 0 moved, 0 forgotten, 1 failed. "
        "1 output queued, 100 credits spent."
    )


def test_retries_exhausted_keep_the_batch_pending_for_a_resubmit():
    down = ApiError("server_error", "down", status=503, retryable=True)
    report, state, _ = run([creative("a", "x")], {"x": down})
    assert outcome(report) == {"a": "failed"}
    assert state.creatives["a"].batches[0].phase == PHASE_PENDING
    assert "kept pending" in report.results[0].message
    # The next run resubmits it with the same key; what the API reports may be old news.
    pending_key = state.creatives["a"].batches[0].idempotency_key
    report, state, api = run([creative("a", "x"), creative("b", "y")], {}, state=state)
    assert outcome(report) == {"a": "resubmitted", "b": "created"}
    assert ("x", pending_key) in api.posts
    assert report.summary_line() == (
        "Apply complete: 1 created, 0 regenerated, 0 moved, 0 forgotten, 0 failed. "
        "2 outputs queued, 200 credits spent. "
        "Also: 1 resubmitted, 100 of the credits possibly spent by an earlier run."
    )


def test_payload_conflict_keeps_pending_and_explains():
    conflict = ApiError("idempotency_conflict", "different payload", status=409)
    report, state, _ = run([creative("a", "x")], {"x": conflict})
    assert state.creatives["a"].batches[0].phase == PHASE_PENDING
    assert "used with another payload" in report.results[0].message


def test_insufficient_credits_stops_queueing_and_skips_the_rest():
    broke = ApiError(
        "insufficient_credits",
        "not enough",
        status=402,
        context={"credits_required": 100, "credits_available": 5},
    )
    desired = [creative("a", "x"), creative("b", "y"), creative("c", "z")]
    report, state, api = run(desired, {"x": broke}, ApplyOptions(parallelism=1))
    assert outcome(report) == {"a": "failed", "b": "skipped", "c": "skipped"}
    assert report.results[0].message == "insufficient_credits: 100 credits required, 5 available"
    assert {r.message for r in report.results[1:]} == {"skipped (credits)"}
    assert report.summary_line() == (
        "Apply complete: 0 created, 0 regenerated, 0 moved, 0 forgotten, 1 failed. "
        "0 outputs queued, 0 credits spent. Also: 2 skipped."
    )
    assert len(api.posts) == 1
    assert state is None or "a" not in state.creatives


def test_unauthorized_stops_the_run():
    refused = ApiError("invalid_api_key", "bad key", status=401)
    report, _, api = run(
        [creative("a", "x"), creative("b", "y")], {"x": refused}, ApplyOptions(parallelism=1)
    )
    assert outcome(report) == {"a": "failed", "b": "skipped"}
    assert report.stopped == "the API key was refused"
    assert len(api.posts) == 1


def test_max_credits_refuses_before_any_post_and_unknown_needs_consent():
    desired = [creative("a", "x", request_count=3)]
    the_plan = plan(desired, empty_state(), tool_version="t", estimate=lambda s, n: 100 * n)
    with pytest.raises(ApplyError, match="estimated at 300 credits, above --max-credits 200"):
        check_budget(the_plan, ApplyOptions(max_credits=200))
    unknown = plan(desired, empty_state(), tool_version="t")
    with pytest.raises(ApplyError, match="no credit estimate"):
        check_budget(unknown, ApplyOptions(max_credits=10_000))
    check_budget(unknown, ApplyOptions(max_credits=10_000, allow_unknown_cost=True))


def test_a_stop_request_starts_no_new_batch():
    desired = [creative("a", "x"), creative("b", "y")]
    the_plan = plan(desired, empty_state(), tool_version="t")
    stop = threading.Event()
    stop.set()
    api = FakeApi({})
    ledger = Ledger(Store(), empty_state(), exists=False)
    report = Executor(ledger, api, now=lambda: "t", stop=stop).run(the_plan)
    assert api.posts == []
    assert report.interrupted
    assert report.summary_line().startswith("Apply interrupted: 0 created")


def test_a_refused_regeneration_leaves_the_address_exactly_as_it_was():
    _, state, _ = run([creative("a", "x", request_count=2)], {})
    bad = ApiError("bad_request", "no such template", status=400)
    report, after, _ = run([creative("a", "typo", request_count=2)], {"typo": bad}, state=state)
    assert outcome(report) == {"a": "failed"}
    assert after.creatives["a"] == state.creatives["a"]


def test_a_refused_top_up_keeps_the_existing_batches_only():
    _, state, _ = run([creative("a", "x")], {})
    broke = ApiError("insufficient_credits", "no", status=402, context={})
    api_answers = {"x": broke}
    report, after, _ = run([creative("a", "x", request_count=3)], api_answers, state=state)
    assert outcome(report) == {"a": "failed"}
    assert after.creatives["a"] == state.creatives["a"]


def test_unknown_prices_with_a_budget_run_one_at_a_time_and_stop_when_spent():
    desired = [creative(f"c{i}", f"p{i}", request_count=2) for i in range(4)]
    the_plan = plan(desired, empty_state(), tool_version="t")  # no estimates at all
    api = FakeApi({})
    ledger = Ledger(Store(), empty_state(), exists=False)
    options = ApplyOptions(parallelism=4, max_credits=250, allow_unknown_cost=True)
    report = Executor(ledger, api, now=lambda: "t", options=options).run(the_plan)
    # Sequential: 200 spent, still under 250, so one more (400 > 250), then stop.
    assert len(api.posts) == 2
    assert [r.outcome for r in report.results].count("skipped") == 2
