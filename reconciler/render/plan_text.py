"""The plan as terminal text, Terraform-like, plus the pieces every plan renderer shares."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from reconciler.model import (
    API_ACTIONS,
    SUMMARY_ACTIONS,
    Action,
    Change,
    FieldChange,
    Plan,
    Spec,
    Summary,
)
from reconciler.render.numbers import count, credit_estimate, thousands

SYMBOLS: Mapping[Action, str] = {
    Action.CREATE: "+",
    Action.REGENERATE: "-/+",
    Action.ADD_OUTPUTS: "~",
    Action.RESUBMIT: "↻",
    Action.MOVE: "→",
    Action.FORGET: "-",
}
LABELS: Mapping[Action, str] = {
    Action.CREATE: "create",
    Action.REGENERATE: "regenerate",
    Action.ADD_OUTPUTS: "add outputs",
    Action.RESUBMIT: "resubmit",
    Action.MOVE: "move",
    Action.FORGET: "forget",
}
NO_CHANGES = "No changes. Creatives match the manifests."

_NUMBER = r"(\d{1,3}(?:,\d{3})*)"
#: Parses `summary_line` (except NO_CHANGES); groups: the six counts in SUMMARY_ACTIONS order,
#: outputs, credits (None when every estimate is unknown), unknown estimates (None when none).
SUMMARY_PATTERN = re.compile(
    "^Plan: "
    + ", ".join(f"{_NUMBER} to {LABELS[a]}" for a in SUMMARY_ACTIONS)
    + rf"\. {_NUMBER} outputs?, (?:{_NUMBER} credits?|credits unknown)"
    + rf"(?: \({_NUMBER} estimates? unknown\))?\.$"
)

#: Spec fields shown first, in this order, because they say what a creative is; then the rest
#: alphabetically.
_LEADING_FIELDS = ("type", "template_slug", "model_slug", "variant_id", "prompt")
#: Control characters (Unicode category Cc) and the ones that reorder text on a terminal
#: ("trojan source"): user text shows them escaped, never acts on them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_INDENT = " " * 6

_ANSI = "\x1b[{}m{}\x1b[0m"
_BOLD = "1"
_ACTION_COLORS: Mapping[Action, str] = {
    Action.CREATE: "32",
    Action.REGENERATE: "35",
    Action.ADD_OUTPUTS: "33",
    Action.RESUBMIT: "33",
    Action.MOVE: "36",
    Action.FORGET: "31",
}
_DIFF_COLORS = {"+": "32", "-": "31", "~": "33"}


def summary_line(plan: Plan) -> str:
    """The fixed, machine-parsable last line of every rendering (see SUMMARY_PATTERN)."""
    if not plan.has_changes:
        return NO_CHANGES
    summary = plan.summary
    counts = ", ".join(
        f"{thousands(summary.counts.get(a, 0))} to {LABELS[a]}" for a in SUMMARY_ACTIONS
    )
    return f"Plan: {counts}. {count(summary.outputs, 'output')}, {_credits_total(plan)}."


def all_estimates_unknown(summary: Summary) -> bool:
    """True when no change that calls the API has a known estimate: a total of 0 would lie."""
    api_changes = sum(summary.counts.get(a, 0) for a in API_ACTIONS)
    return summary.unknown_credits > 0 and summary.unknown_credits >= api_changes


def _credits_total(plan: Plan) -> str:
    summary = plan.summary
    unknown = summary.unknown_credits
    if not unknown:
        return count(summary.credits, "credit")
    unknown_text = f"({count(unknown, 'estimate')} unknown)"
    if all_estimates_unknown(summary):
        return f"credits unknown {unknown_text}"
    return f"{count(summary.credits, 'credit')} {unknown_text}"


def printable(text: str) -> str:
    """Text with control and bidi characters escaped, so user text cannot drive a terminal."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plain(value: Any) -> Any:
    """Mappings and tuples as dicts and lists, so any spec value serialises as JSON."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def json_value(value: Any) -> str:
    """A spec value as one line of JSON: strings quoted, newlines and controls escaped."""
    return printable(json.dumps(plain(value), ensure_ascii=False, sort_keys=True))


def ordered_fields(spec: Spec) -> list[tuple[str, Any]]:
    leading = [(k, spec[k]) for k in _LEADING_FIELDS if k in spec]
    rest = sorted((k, v) for k, v in spec.items() if k not in _LEADING_FIELDS)
    return leading + rest


def listed_changes(plan: Plan) -> list[Change]:
    """Changes shown as blocks: every action but no-op, by address (stable within one)."""
    return sorted((c for c in plan.changes if c.action != Action.NOOP), key=lambda c: c.address)


def spec_diff(change: Change) -> tuple[FieldChange, ...]:
    """What a reviewer reads as a diff: the whole spec of a create, the field changes of a
    regeneration, nothing for the other actions (their spec does not change)."""
    if change.action == Action.CREATE and change.after is not None:
        return tuple(FieldChange(k, "added", None, v) for k, v in ordered_fields(change.after))
    if change.action == Action.REGENERATE:
        return tuple(sorted(change.field_changes, key=lambda f: f.path))
    return ()


def about_lines(change: Change) -> list[str]:
    """Why the change is in the plan and where its creative is declared."""
    lines = [f"reason: {change.reason}"]
    if change.source:
        lines.append(f"source: {change.source}")
    return lines


def effect_lines(change: Change, *, keyed: bool = True) -> list[str]:
    """What applying the change does. `keyed` is False before the first apply: the state
    and its lineage do not exist yet, so the keys shown would not be the ones sent."""
    """What apply does for the change: the batch it sends, its cost, or the state-only edit."""
    lines: list[str] = []
    if change.action == Action.MOVE:
        lines.append(f"{change.moved_from} -> {change.address} (state only, no API call)")
    elif change.action == Action.FORGET:
        lines.append("assets stay in Videotok; state only")
    batch = change.batch
    if change.action in API_ACTIONS and batch is not None:
        outputs = count(batch.request_count, "output")
        if change.action == Action.RESUBMIT:
            lines.append(f"batch {batch.number}, {outputs}")
            lines.append(
                f"same key {batch.idempotency_key}, the API replays it if it was accepted"
            )
        else:
            key = batch.idempotency_key if keyed else "assigned at the first apply"
            lines.append(f"batch {batch.number}, {outputs}, key {key}")
    if change.action in API_ACTIONS:
        lines.append(credit_estimate(change.credits))
    lines.extend(f"note: {note}" for note in change.notes)
    return lines


def header_sentence(plan: Plan) -> str:
    if not plan.state_exists:
        return "Compared the manifests with an empty state (no state file yet)."
    return f"Compared the manifests with state serial {plan.serial} (lineage {plan.lineage})."


def plan_notes(plan: Plan) -> list[str]:
    """Notes of changes not listed (no-ops: failed outputs, outputs in flight), then the plan's."""
    quiet = sorted((c for c in plan.changes if c.action == Action.NOOP), key=lambda c: c.address)
    return [f"{c.address}: {note}" for c in quiet for note in c.notes] + list(plan.notes)


def render_plan_text(plan: Plan, *, color: bool) -> str:
    """The plan for a terminal; ANSI colour only when `color` is true."""

    def paint(text: str, code: str) -> str:
        return _ANSI.format(code, text) if color else text

    def symbol(action: Action) -> str:
        # Right-aligned like Terraform's, so `-/+` and `+` addresses line up.
        sign = SYMBOLS[action]
        return " " * (3 - len(sign)) + paint(sign, _ACTION_COLORS[action])

    changes = listed_changes(plan)
    lines = [header_sentence(plan)]
    if changes:
        lines.append("Actions are shown with these symbols:")
        used = {c.action for c in changes}
        lines.extend(f"{symbol(a)} {LABELS[a]}" for a in SUMMARY_ACTIONS if a in used)
    for change in changes:
        lines.append("")
        lines.append(f"{symbol(change.action)} {paint(printable(change.address), _BOLD)}")
        lines.extend(_INDENT + printable(line) for line in about_lines(change))
        for field in spec_diff(change):
            sign, text = _diff_line(field)
            lines.append(f"{_INDENT}{paint(sign, _DIFF_COLORS[sign])} {text}")
        lines.extend(
            _INDENT + printable(line) for line in effect_lines(change, keyed=plan.state_exists)
        )
    notes = plan_notes(plan)
    if notes:
        lines.append("")
        lines.extend(f"Note: {printable(note)}" for note in notes)
    lines.append("")
    lines.append(summary_line(plan))
    return "\n".join(lines) + "\n"


def _diff_line(field: FieldChange) -> tuple[str, str]:
    path = printable(field.path)
    if field.kind == "added":
        return "+", f"{path}: {json_value(field.after)}"
    if field.kind == "removed":
        return "-", f"{path}: {json_value(field.before)}"
    return "~", f"{path}: {json_value(field.before)} -> {json_value(field.after)}"
