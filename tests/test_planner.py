"""The planner: every action, notes, narrowing, estimates, and its properties."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reconciler import keys
from reconciler.model import Action, FieldChange, Generation, State
from reconciler.planner import PlanOptions, plan
from reconciler.transitions import write_ahead
from tests.factories import LINEAGE, apply_offline, creative, empty_state


def run(desired, state, **kw):
    return plan(desired, state, tool_version="0.1.0", **kw)


def actions(p):
    return [(c.address, c.action) for c in p.changes]


def test_create_from_empty_state():
    hero = creative("hero", request_count=2)
    p = run([hero], empty_state())
    assert actions(p) == [("hero", Action.CREATE)]
    change = p.changes[0]
    assert change.batch is not None
    assert change.batch.number == 0
    assert change.batch.request_count == 2
    assert change.batch.idempotency_key == keys.idempotency_key(LINEAGE, hero.fingerprint, 0)
    assert change.credits is None
    assert p.summary.counts["create"] == 1
    assert p.summary.outputs == 2
    assert p.summary.unknown_credits == 1


def test_second_plan_after_apply_has_no_changes():
    desired = [creative("hero"), creative("side", "Other")]
    state = apply_offline(empty_state(), run(desired, empty_state()).changes)
    again = run(desired, state)
    assert not again.has_changes
    assert again.summary.changes == 0


def test_prompt_edit_regenerates_with_field_diff_and_next_batch_number():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    p = run([creative("hero", "A darker ad.")], state)
    [change] = p.changes
    assert change.action == Action.REGENERATE
    assert change.reason == "spec changed"
    assert change.field_changes == (
        FieldChange("prompt", "changed", "A bright ad.", "A darker ad."),
    )
    assert change.batch is not None and change.batch.number == 1
    assert change.notes == ("1 earlier output moves to history; its asset stays",)
    after = apply_offline(state, p.changes)
    assert len(after.creatives["hero"].retired) == 1
    assert after.creatives["hero"].retired[0].fingerprint == state.creatives["hero"].fingerprint


def test_revision_bump_regenerates_and_says_so():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    [change] = run([creative("hero", revision=1)], state).changes
    assert change.action == Action.REGENERATE
    assert change.reason == "revision bumped from 0 to 1"
    assert change.field_changes == (FieldChange("revision", "added", None, 1),)


def test_replace_forces_regeneration_of_an_unchanged_creative():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    p = run([creative("hero")], state, options=PlanOptions(replace=("hero",)))
    [change] = p.changes
    assert change.action == Action.REGENERATE
    assert change.reason == "replacement requested with --replace"
    assert change.batch is not None and change.batch.number == 1


def test_raising_request_count_adds_the_difference():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    [change] = run([creative("hero", request_count=3)], state).changes
    assert change.action == Action.ADD_OUTPUTS
    assert change.reason == "request_count raised from 1 to 3"
    assert change.batch is not None
    assert (change.batch.number, change.batch.request_count) == (1, 2)


def test_lowering_request_count_queues_nothing_and_says_so():
    desired = [creative("hero", request_count=3)]
    state = apply_offline(empty_state(), run(desired, empty_state()).changes)
    p = run([creative("hero", request_count=1)], state)
    [change] = p.changes
    assert change.action == Action.NOOP
    assert change.notes[0] == (
        "request_count lowered to 1: keeps 3 existing outputs; nothing is queued or deleted"
    )
    assert not p.has_changes


def test_rename_is_a_move_that_costs_nothing():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    p = run([creative("champion")], state, estimate=lambda spec, n: 100 * n)
    assert actions(p) == [("champion", Action.MOVE)]
    assert p.changes[0].moved_from == "hero"
    assert p.summary.credits == 0
    assert p.summary.outputs == 0


def test_deleted_creative_is_forgotten():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    p = run([], state)
    [change] = p.changes
    assert change.action == Action.FORGET
    assert (
        change.reason
        == "not in the manifests; removed from state only (1 output stays in Videotok)"
    )


def test_pending_batch_is_resubmitted_with_the_same_key():
    create = run([creative("hero")], empty_state()).changes[0]
    state = write_ahead(empty_state(), create)
    p = run([creative("hero")], state)
    [change] = p.changes
    assert change.action == Action.RESUBMIT
    assert change.batch == create.batch


def test_pending_batch_with_an_edited_manifest_resubmits_then_regenerates():
    create = run([creative("hero")], empty_state()).changes[0]
    state = write_ahead(empty_state(), create)
    p = run([creative("hero", "Edited.")], state)
    assert actions(p) == [("hero", Action.RESUBMIT), ("hero", Action.REGENERATE)]
    assert p.changes[0].batch == create.batch
    assert p.changes[1].batch is not None and p.changes[1].batch.number == 1
    assert not run([creative("hero", "Edited.")], apply_offline(state, p.changes)).has_changes


def test_failed_outputs_are_reported_not_retried():
    state = apply_offline(
        empty_state(), run([creative("hero")], empty_state()).changes, status="failed"
    )
    p = run([creative("hero")], state)
    [change] = p.changes
    assert change.action == Action.NOOP
    assert change.notes == (
        "1 output failed and is not retried; bump `revision` or use --replace hero to retry "
        "on purpose",
    )


def test_outputs_in_flight_are_reported():
    state = apply_offline(
        empty_state(), run([creative("hero", request_count=2)], empty_state()).changes
    )
    [change] = run([creative("hero", request_count=2)], state).changes
    assert change.notes == (
        "2 outputs still queued or processing; `creatives status` or `plan --refresh` updates "
        "them",
    )


def test_target_and_exclude_narrow_the_plan_with_a_note():
    desired = [creative("launch[1:1]", "a"), creative("launch[9:16]", "b"), creative("hero")]
    p = run(desired, empty_state(), options=PlanOptions(targets=("launch",)))
    assert [c.address for c in p.changes] == ["launch[1:1]", "launch[9:16]"]
    assert p.notes == (
        "The plan is narrowed by --target/--exclude: 1 other change not shown and not applied.",
    )
    p = run(desired, empty_state(), options=PlanOptions(excludes=("launch[9*",)))
    assert [c.address for c in p.changes] == ["hero", "launch[1:1]"]


def test_estimates_total_and_unknowns_are_counted_never_zero():
    desired = [creative("a", "x", request_count=2), creative("b", "y")]
    price = {"x": 100, "y": None}

    def estimate(spec, n):
        each = price[spec["prompt"]]
        return None if each is None else each * n

    p = run(desired, empty_state(), estimate=estimate)
    assert [c.credits for c in p.changes] == [200, None]
    assert (p.summary.credits, p.summary.unknown_credits) == (200, 1)


def test_plan_hash_depends_on_what_is_sent_not_on_order():
    a, b = creative("a", "x"), creative("b", "y")
    assert run([a, b], empty_state()).plan_hash == run([b, a], empty_state()).plan_hash
    assert run([a, b], empty_state()).plan_hash != run([a], empty_state()).plan_hash
    other = replace(empty_state(), lineage="f" * 32)
    assert run([a], other).plan_hash != run([a], empty_state()).plan_hash


# --- properties ---------------------------------------------------------------------------

names = st.sampled_from(["hero", "launch", "side", "promo", "teaser", "reel"])
prompts = st.sampled_from(["A", "B", "C", "D", "E", "F", "G"])


@st.composite
def desired_sets(draw):
    chosen = draw(st.lists(names, unique=True, max_size=5))
    used_prompts = draw(st.lists(prompts, unique=True, min_size=len(chosen), max_size=len(chosen)))
    return [
        creative(
            n,
            p,
            request_count=draw(st.integers(1, 4)),
            revision=draw(st.integers(0, 2)),
        )
        for n, p in zip(chosen, used_prompts, strict=True)
    ]


@st.composite
def states(draw):
    """States reached by applying earlier desired sets, some left with a pending batch."""
    state = empty_state()
    for _ in range(draw(st.integers(0, 3))):
        p = run(draw(desired_sets()), state)
        status = draw(st.sampled_from(["queued", "completed", "failed"]))
        state = apply_offline(state, p.changes, status=status)
    if draw(st.booleans()):
        p = run(draw(desired_sets()), state)
        sendable = [c for c in p.changes if c.batch is not None and c.action != Action.RESUBMIT]
        if sendable:
            state = write_ahead(state, sendable[0])
    return state


@settings(max_examples=150, deadline=None)
@given(desired=desired_sets(), state=states())
def test_planning_is_deterministic(desired, state):
    assert run(desired, state) == run(list(reversed(desired)), state)


@settings(max_examples=150, deadline=None)
@given(desired=desired_sets(), state=states())
def test_applying_a_plan_converges(desired, state):
    p = run(desired, state)
    after = apply_offline(state, p.changes)
    again = run(desired, after)
    assert not again.has_changes, [(c.address, c.action) for c in again.changes]


@settings(max_examples=100, deadline=None)
@given(desired=desired_sets(), state=states(), new_name=st.sampled_from(["renamed", "other2"]))
def test_a_rename_is_a_move_and_costs_nothing(desired, state, new_name):
    state = apply_offline(state, run(desired, state).changes)
    if not desired:
        return
    first = desired[0]
    renamed = replace(first, address=new_name)
    p = run([renamed, *desired[1:]], state, estimate=lambda spec, n: 10 * n)
    assert [(c.address, c.action) for c in p.changes if c.action != Action.NOOP] == [
        (new_name, Action.MOVE)
    ]
    assert p.summary.credits == 0


def test_state_entries_sharing_a_fingerprint_move_one_at_a_time():
    hero = creative("hero")
    state = apply_offline(empty_state(), run([hero], empty_state()).changes)
    copy = dict(state.creatives)
    copy["hero-old"] = copy["hero"]
    state = State(lineage=LINEAGE, serial=1, creatives=copy)
    p = run([creative("champion")], state)
    assert actions(p) == [("champion", Action.MOVE), ("hero-old", Action.FORGET)]
    assert p.changes[0].moved_from == "hero"


def test_generation_records_survive_a_move():
    state = apply_offline(empty_state(), run([creative("hero")], empty_state()).changes)
    p = run([creative("champion")], state)
    after = apply_offline(state, p.changes)
    assert after.creatives["champion"].generations == state.creatives["hero"].generations
    assert isinstance(after.creatives["champion"].generations[0], Generation)


def test_plan_hash_before_the_first_apply_does_not_depend_on_the_new_lineage():
    desired = [creative("hero"), creative("side", "y")]
    first = run(desired, empty_state(), state_exists=False)
    other = run(desired, replace(empty_state(), lineage="e" * 32), state_exists=False)
    assert first.plan_hash == other.plan_hash
    assert first.changes[0].batch != other.changes[0].batch
    assert run(desired, empty_state()).plan_hash != first.plan_hash


def test_brackets_in_addresses_are_literal_in_target_exclude_and_replace():
    desired = [creative("flat[1:1]", "a"), creative("flat[4:5]", "b"), creative("hero")]
    p = run(desired, empty_state(), options=PlanOptions(excludes=("flat[1:1]",)))
    assert [c.address for c in p.changes] == ["flat[4:5]", "hero"]
    p = run(desired, empty_state(), options=PlanOptions(targets=("flat[4*",)))
    assert [c.address for c in p.changes] == ["flat[4:5]"]
    p = run(desired, empty_state(), options=PlanOptions(targets=("nothing",)))
    assert "--target nothing matched no creative." in p.notes


def test_a_narrowed_path_forgets_only_what_came_from_inside_it():
    a = creative("a", "x", file="creatives/a.yaml")
    b = creative("b", "y", file="creatives/b.yaml")
    state = apply_offline(empty_state(), run([a, b], empty_state()).changes)
    p = run([a], state, options=PlanOptions(scope=("creatives/a.yaml",)))
    assert not p.has_changes
    assert p.notes == (
        "1 creative in state comes from manifests outside the given paths and is left as it is.",
    )
    p = run([a], state, options=PlanOptions(scope=("creatives",)))
    assert [x for x in actions(p) if x[1] != Action.NOOP] == [("b", Action.FORGET)]


def test_a_create_that_repeats_a_spec_recorded_outside_the_given_paths_says_so():
    # b moved from b.yaml into a.yaml as c; planning a.yaml alone cannot see b.yaml, so it
    # cannot call it a move, but it must not let the second payment pass unremarked.
    b = creative("b", "y", file="creatives/b.yaml")
    state = apply_offline(empty_state(), run([b], empty_state()).changes)
    c = replace(creative("c", "y", file="creatives/a.yaml"), fingerprint=b.fingerprint)
    p = run([c], state, options=PlanOptions(scope=("creatives/a.yaml",)))
    assert actions(p) == [("c", Action.CREATE)]
    assert p.changes[0].notes == (
        "state already holds this spec as b (from creatives/b.yaml, outside the given paths): "
        "if it moved here, plan with both files to move it at no cost",
    )
    # With both files in view it is the free move it always was.
    p = run([c], state, options=PlanOptions(scope=("creatives",)))
    assert actions(p) == [("c", Action.MOVE)]
