"""The JSON plan: golden output, schema, round trips, plan_hash, refusal of edited plans."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

import jsonschema
import pytest

from reconciler import keys
from reconciler.errors import PlanError
from reconciler.model import Action, BatchRequest, Change, Summary
from reconciler.planner import plan as make_real_plan
from reconciler.render.plan_json import (
    compute_plan_hash,
    plan_from_json,
    plan_from_text,
    plan_to_json,
    render_plan_json,
)
from reconciler.render.plan_text import SUMMARY_PATTERN
from reconciler.schemas import load_schema
from tests.factories import apply_offline, creative, empty_state
from tests.test_render_plan_text import (
    LINEAGE,
    assert_golden,
    counts,
    make_plan,
    sample_changes,
    sample_plan,
)

REMAKE = "Make the plan again with `creatives plan -out FILE`."


def validate(document: Any) -> None:
    jsonschema.Draft202012Validator(load_schema("plan.schema.json")).validate(document)


def saved() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_plan_json(sample_plan()))
    return data


def refusal(data: object) -> PlanError:
    with pytest.raises(PlanError) as caught:
        plan_from_json(data, source="plan.json")
    return caught.value


def test_golden_json_with_every_action() -> None:
    assert_golden("plan_all_actions.json", render_plan_json(sample_plan()))


def test_schema_is_valid_and_the_summary_pattern_is_the_renderers() -> None:
    schema = load_schema("plan.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    text = schema["$defs"]["summary"]["properties"]["text"]
    assert text["anyOf"][1]["pattern"] == SUMMARY_PATTERN.pattern


def test_json_validates_and_round_trips_to_an_equal_plan() -> None:
    document = plan_to_json(sample_plan())
    validate(document)
    assert document["summary"]["text"] == (
        "Plan: 2 to create, 1 to regenerate, 1 to add outputs, 1 to resubmit, 1 to move, "
        "1 to forget. 7 outputs, 1,050 credits (1 estimate unknown)."
    )
    assert plan_from_json(json.loads(render_plan_json(sample_plan())), source="p") == sample_plan()


def test_a_real_plan_with_every_kind_of_change_validates_and_round_trips() -> None:
    old = [creative("hero"), creative("side", "Side ad."), creative("old", "Old ad.")]
    state = apply_offline(
        empty_state(), make_real_plan(old, empty_state(), tool_version="1").changes
    )
    desired = [creative("hero", "A darker ad."), creative("side2", "Side ad."), creative("new")]
    plan = make_real_plan(desired, state, tool_version="0.1.0")
    assert {c.action for c in plan.changes} == {
        Action.REGENERATE,
        Action.MOVE,
        Action.FORGET,
        Action.CREATE,
    }
    validate(plan_to_json(plan))
    assert plan_from_text(render_plan_json(plan), source="p") == plan


def test_no_op_is_kept_only_with_notes() -> None:
    bare = replace(sample_changes()[6], notes=())
    plan = make_plan((bare,), Summary(counts=counts(), outputs=0, credits=0, unknown_credits=0))
    document = plan_to_json(plan)
    assert document["changes"] == []
    assert document["summary"]["text"] == "No changes. Creatives match the manifests."
    validate(document)
    noted = [c["action"] for c in plan_to_json(sample_plan())["changes"]]
    assert noted.count("no-op") == 1


def test_all_unknown_estimates_give_null_credits_never_zero() -> None:
    create = sample_changes()[0]
    plan = make_plan((create,), Summary(counts(create=1), outputs=1, credits=0, unknown_credits=1))
    document = plan_to_json(plan)
    assert document["summary"]["credits"] is None
    assert document["summary"]["unknown_credits"] == 1
    validate(document)
    assert plan_from_json(document, source="p") == plan


def _create(address: str, prompt: str) -> Change:
    spec = {"type": "static_ad", "prompt": prompt}
    fingerprint = keys.fingerprint(spec)
    key = keys.idempotency_key(LINEAGE, fingerprint, 0)
    return Change(
        address=address,
        action=Action.CREATE,
        reason="not in state",
        after=spec,
        fingerprint=fingerprint,
        batch=BatchRequest(0, key, 1),
        credits=100,
    )


def test_plan_hash_is_sha256_of_the_canonical_actions() -> None:
    change = _create("hero", "A")
    assert change.batch is not None
    assert change.fingerprint is not None
    expected = (
        '{"actions":[{"action":"create","address":"hero","batch":{"idempotency_key":"'
        + change.batch.idempotency_key
        + '","number":0,"request_count":1},"fingerprint":"'
        + change.fingerprint
        + '","moved_from":null,"spec":{"prompt":"A","type":"static_ad"}}],"lineage":"'
        + LINEAGE
        + '"}'
    )
    digest = hashlib.sha256(expected.encode()).hexdigest()
    assert compute_plan_hash(LINEAGE, [change]) == "sha256:" + digest


def test_plan_hash_covers_what_apply_does_and_nothing_else() -> None:
    changes = list(sample_changes())
    base = compute_plan_hash(LINEAGE, changes)
    assert compute_plan_hash(LINEAGE, list(reversed(changes))) == base
    prose = [replace(c, reason="edited", notes=("n",), credits=1, source="s") for c in changes]
    assert compute_plan_hash(LINEAGE, prose) == base
    assert compute_plan_hash(LINEAGE, [c for c in changes if c.action != Action.NOOP]) == base
    assert compute_plan_hash("f" * 32, changes) != base
    key = replace(changes[0], batch=BatchRequest(0, "crv1-" + "0" * 40, 1))
    assert compute_plan_hash(LINEAGE, [key, *changes[1:]]) != base
    first = changes[0]
    assert first.batch is not None
    assert first.after is not None
    count = replace(first, batch=BatchRequest(0, first.batch.idempotency_key, 2))
    assert compute_plan_hash(LINEAGE, [count, *changes[1:]]) != base
    spec = replace(first, after={**first.after, "prompt": "B"})
    assert compute_plan_hash(LINEAGE, [spec, *changes[1:]]) != base
    action = replace(changes[3], action=Action.REGENERATE)
    assert compute_plan_hash(LINEAGE, [*changes[:3], action, *changes[4:]]) != base


def test_an_edited_saved_plan_is_refused() -> None:
    data = saved()
    data["changes"][0]["after"]["prompt"] = "Something nobody reviewed."
    error = refusal(data)
    assert error.message == (
        "saved plan plan.json was modified after it was written (plan_hash does not match)"
    )
    assert error.hint == REMAKE


def test_a_saved_plan_with_an_extra_change_is_refused() -> None:
    data = saved()
    extra = json.loads(json.dumps(data["changes"][0]))
    extra["address"] = "zz-extra"
    data["changes"].append(extra)
    assert "was modified after it was written" in refusal(data).message


def test_a_newer_format_is_refused_naming_both_versions() -> None:
    data = saved()
    data["format_version"] = 2
    data["something_new"] = True
    error = refusal(data)
    assert error.message == (
        "saved plan plan.json has format_version 2; this version of creatives reads "
        "format_version 1 at most"
    )
    assert error.hint == "Upgrade creatives to apply it, or make the plan again with this version."


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["changes"][1].__setitem__("action", "explode"),
            "changes[1].action: 'explode' is not one of ['create', 'regenerate', "
            "'add_outputs', 'resubmit', 'move', 'forget', 'no-op']",
        ),
        (
            lambda d: d["changes"][0]["batch"].__setitem__("idempotency_key", "crv1-xyz"),
            "changes[0].batch.idempotency_key: 'crv1-xyz' does not match '^crv1-[0-9a-f]{40}$'",
        ),
        (
            lambda d: d.pop("plan_hash"),
            "top level: 'plan_hash' is a required property",
        ),
        (
            lambda d: d["changes"][3].__setitem__("batch", None),
            "changes[3].batch: None is not of type 'object'",
        ),
        (
            lambda d: d["changes"][2].__setitem__("batch", d["changes"][3]["batch"]),
            "changes[2].batch: {'idempotency_key': "
            "'crv1-440549778e63096271eabaca26f3eb839eb61846', 'number': 1, 'request_count': 1} "
            "is not of type 'null'",
        ),
    ],
)
def test_an_invalid_saved_plan_is_refused_saying_where(edit: Any, message: str) -> None:
    data = saved()
    edit(data)
    error = refusal(data)
    assert error.message == f"saved plan plan.json is not a valid plan: {message}"
    assert error.hint == REMAKE


def test_something_else_than_a_plan_is_refused() -> None:
    assert refusal([1, 2]).message == (
        "saved plan plan.json is not a valid plan: top level: [1, 2] is not of type 'object'"
    )


def test_a_file_that_is_not_json_is_refused() -> None:
    with pytest.raises(PlanError) as caught:
        plan_from_text('{"format_version": 1,', source="plan.json")
    assert caught.value.message == (
        "saved plan plan.json is not JSON: Expecting property name enclosed in double quotes "
        "at line 1, column 22"
    )
