"""Polling: statuses recorded, 404 marks an output missing and never deletes it."""

from __future__ import annotations

import pytest

from reconciler.errors import ApiError
from reconciler.ledger import Ledger
from reconciler.model import STATUS_MISSING, Generation
from reconciler.planner import plan
from reconciler.status import refresh, rows, wait
from tests.factories import apply_offline, creative, empty_state
from tests.test_apply import Store


class FakePoller:
    def __init__(self, answers):
        self.answers = answers
        self.calls = 0

    def get_generation(self, generation_id):
        self.calls += 1
        answer = self.answers[generation_id]
        if isinstance(answer, ApiError):
            raise answer
        return answer


def applied():
    desired = [creative("a", "x", request_count=2)]
    state = apply_offline(empty_state(), plan(desired, empty_state(), tool_version="t").changes)
    ids = [g.id for g in state.creatives["a"].generations]
    return state, ids


def test_refresh_records_statuses_and_404_means_missing():
    state, ids = applied()
    poller = FakePoller(
        {
            ids[0]: Generation(ids[0], "completed", url="https://x/1.png"),
            ids[1]: ApiError("not_found", "gone", status=404),
        }
    )
    store = Store()
    ledger = Ledger(store, state, exists=False)
    result = refresh(ledger, poller, now=lambda: "2026-01-01T00:00:00Z")
    assert (result.polled, result.changed, result.errors) == (2, 2, ())
    statuses = [(r.id, r.status, r.url) for r in rows(store.on_disk)]
    assert statuses == [(ids[0], "completed", "https://x/1.png"), (ids[1], STATUS_MISSING, None)]
    # Finished outputs are not asked about again; a missing one is, and can come back.
    poller.answers[ids[1]] = Generation(ids[1], "completed", url="https://x/2.png")
    assert refresh(ledger, poller, now=lambda: "t").polled == 1
    assert [r.status for r in rows(store.on_disk)] == ["completed", "completed"]
    assert refresh(ledger, poller, now=lambda: "t").polled == 0


def test_a_refused_key_stops_polling_with_the_error():
    state, ids = applied()
    refused = ApiError("invalid_api_key", "bad key", status=401)
    poller = FakePoller(dict.fromkeys(ids, refused))
    ledger = Ledger(Store(), state, exists=False)
    with pytest.raises(ApiError, match="bad key"):
        refresh(ledger, poller, now=lambda: "t", parallelism=1)


def test_retired_outputs_are_polled_too():
    state, ids = applied()
    edited = [creative("a", "y", request_count=2)]
    state = apply_offline(state, plan(edited, state, tool_version="t").changes)
    new_ids = [g.id for g in state.creatives["a"].generations]
    answers = {i: Generation(i, "completed", url=f"https://x/{i}") for i in ids + new_ids}
    ledger = Ledger(Store(), state, exists=False)
    assert refresh(ledger, FakePoller(answers), now=lambda: "t").polled == 4
    retired = ledger.state.creatives["a"].retired[0].generations
    assert {g.status for g in retired} == {"completed"}


def test_errors_other_than_404_keep_the_output_and_are_reported():
    state, ids = applied()
    down = ApiError("server_error", "down", status=500, retryable=True)
    poller = FakePoller({ids[0]: down, ids[1]: Generation(ids[1], "processing")})
    ledger = Ledger(Store(), state, exists=False)
    result = refresh(ledger, poller, now=lambda: "t")
    assert len(result.errors) == 1
    assert [g.status for g in ledger.state.creatives["a"].generations] == ["queued", "processing"]


def test_wait_stops_at_the_timeout():
    state, ids = applied()
    poller = FakePoller({i: Generation(i, "processing") for i in ids})
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    ledger = Ledger(Store(), state, exists=False)
    done = wait(
        ledger, poller, now=lambda: "t", timeout=5, interval=1, clock=lambda: now[0], sleep=sleep
    )
    assert done is False
    assert now[0] == 5


def test_the_progress_bar_fills_with_finished_outputs():
    from reconciler.render.status import progress_bar

    assert progress_bar(0, 12, width=12) == "[------------] 0/12 outputs finished"
    assert progress_bar(3, 12, width=12) == "[###---------] 3/12 outputs finished"
    assert progress_bar(12, 12, width=12) == "[############] 12/12 outputs finished"
    assert progress_bar(0, 0, width=4) == "[----] 0/1 outputs finished"
