"""The plan as JSON (`--format json`, saved plans) and back, checked against plan.schema.json."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, cast

from reconciler.errors import PlanError
from reconciler.model import (
    FORMAT_VERSION,
    SUMMARY_ACTIONS,
    Action,
    BatchRequest,
    Change,
    FieldChange,
    Plan,
    Summary,
)
from reconciler.planner import hash_changes
from reconciler.render.plan_text import all_estimates_unknown, plain, summary_line
from reconciler.schemas import load_schema

SCHEMA_NAME = "plan.schema.json"
_MESSAGE_LIMIT = 300
_REMAKE = "Make the plan again with `creatives plan -out FILE`."


def compute_plan_hash(lineage: str | None, changes: Sequence[Change]) -> str:
    """`sha256:` of the canonical JSON of what apply would send and do.

    Covers the lineage and, for every change but no-ops: address, action, the spec it sends,
    fingerprint, moved_from and batch (number, key, outputs). Never rendered text, reasons,
    notes, estimates, timestamps or the tool version. The planner's definition is the one
    used, so a saved plan and a fresh plan of the same changes always agree.
    """
    return hash_changes(lineage, changes)


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The plan as JSON data: no-ops only when they carry notes; changes by address."""
    shown = sorted(
        (c for c in plan.changes if c.action != Action.NOOP or c.notes), key=lambda c: c.address
    )
    summary = plan.summary
    return {
        "format_version": plan.format_version,
        "tool_version": plan.tool_version,
        "lineage": plan.lineage,
        "serial": plan.serial,
        "state_exists": plan.state_exists,
        "manifests_digest": plan.manifests_digest,
        "manifest_paths": list(plan.manifest_paths),
        "changes": [_change_to_json(c) for c in shown],
        "summary": {
            **{a.value: summary.counts.get(a, 0) for a in SUMMARY_ACTIONS},
            "outputs": summary.outputs,
            "credits": None if all_estimates_unknown(summary) else summary.credits,
            "unknown_credits": summary.unknown_credits,
            "text": summary_line(plan),
        },
        "notes": list(plan.notes),
        "plan_hash": plan.plan_hash,
    }


def render_plan_json(plan: Plan) -> str:
    """`--format json` and saved plans: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(plan_to_json(plan), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def plan_from_text(text: str, *, source: str) -> Plan:
    """A saved plan file's text as a Plan; see `plan_from_json`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanError(
            f"saved plan {source} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            hint=_REMAKE,
        ) from exc
    return plan_from_json(data, source=source)


def plan_from_json(data: object, *, source: str) -> Plan:
    """A saved plan as a Plan, refused (PlanError naming `source`) when it is from a newer
    format, not a valid plan, or was edited after it was written (plan_hash mismatch)."""
    if isinstance(data, dict):
        version = data.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            raise PlanError(
                f"saved plan {source} has format_version {version}; this version of "
                f"creatives reads format_version {FORMAT_VERSION} at most",
                hint="Upgrade creatives to apply it, or make the plan again with this version.",
            )
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]

    error = best_match(_validator().iter_errors(data))
    if error is not None:
        raise PlanError(
            f"saved plan {source} is not a valid plan: {_where(error.absolute_path)}: "
            f"{_shorten(error.message)}",
            hint=_REMAKE,
        )
    document = cast(dict[str, Any], data)
    plan = _plan_from_document(document)
    lineage = plan.lineage if plan.state_exists else None
    if compute_plan_hash(lineage, plan.changes) != plan.plan_hash:
        raise PlanError(
            f"saved plan {source} was modified after it was written (plan_hash does not match)",
            hint=_REMAKE,
        )
    return plan


@cache
def _validator() -> Any:
    # Imported here: only reading a saved plan needs jsonschema.
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

    return Draft202012Validator(load_schema(SCHEMA_NAME))


def _where(path: Sequence[str | int]) -> str:
    """`changes[0].batch.number`, the way a reader would point at it."""
    if not path:
        return "top level"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _shorten(message: str) -> str:
    if len(message) <= _MESSAGE_LIMIT:
        return message
    return message[: _MESSAGE_LIMIT - 1] + "…"


def _change_to_json(change: Change) -> dict[str, Any]:
    batch = change.batch
    return {
        "address": change.address,
        "action": change.action.value,
        "reason": change.reason,
        "before": plain(change.before),
        "after": plain(change.after),
        "fingerprint": change.fingerprint,
        "revision": change.revision,
        "source": change.source,
        "field_changes": [
            {"path": f.path, "kind": f.kind, "before": plain(f.before), "after": plain(f.after)}
            for f in change.field_changes
        ],
        "batch": (
            None
            if batch is None
            else {
                "number": batch.number,
                "idempotency_key": batch.idempotency_key,
                "request_count": batch.request_count,
            }
        ),
        "credits": change.credits,
        "moved_from": change.moved_from,
        "notes": list(change.notes),
    }


def _change_from_json(data: Mapping[str, Any]) -> Change:
    batch = data["batch"]
    return Change(
        address=data["address"],
        action=Action(data["action"]),
        reason=data["reason"],
        before=data["before"],
        after=data["after"],
        fingerprint=data["fingerprint"],
        revision=data["revision"],
        source=data["source"],
        field_changes=tuple(
            FieldChange(f["path"], f["kind"], f["before"], f["after"])
            for f in data["field_changes"]
        ),
        batch=(
            None
            if batch is None
            else BatchRequest(batch["number"], batch["idempotency_key"], batch["request_count"])
        ),
        credits=data["credits"],
        moved_from=data["moved_from"],
        notes=tuple(data["notes"]),
    )


def _plan_from_document(data: Mapping[str, Any]) -> Plan:
    summary = data["summary"]
    return Plan(
        format_version=data["format_version"],
        tool_version=data["tool_version"],
        lineage=data["lineage"],
        serial=data["serial"],
        state_exists=data["state_exists"],
        manifests_digest=data["manifests_digest"],
        changes=tuple(_change_from_json(c) for c in data["changes"]),
        summary=Summary(
            counts={a.value: summary[a.value] for a in SUMMARY_ACTIONS},
            outputs=summary["outputs"],
            # null means every estimate is unknown: the known part of the total is 0.
            credits=summary["credits"] or 0,
            unknown_credits=summary["unknown_credits"],
        ),
        notes=tuple(data["notes"]),
        plan_hash=data["plan_hash"],
        manifest_paths=tuple(data.get("manifest_paths", ())),
    )
