"""plan(desired, state, catalog, options) -> Plan: pure, deterministic, sorted by address."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reconciler import keys
from reconciler.diff import field_changes
from reconciler.model import (
    API_ACTIONS,
    FORMAT_VERSION,
    STATUS_COMPLETED,
    STATUS_FAILED,
    STATUS_MISSING,
    SUMMARY_ACTIONS,
    TERMINAL_STATUSES,
    Action,
    BatchRequest,
    Change,
    Creative,
    CreativeState,
    Plan,
    Spec,
    State,
    Summary,
    split_address,
)

#: Prices a spec: credits for `request_count` outputs, or None when the price is not known.
Estimator = Callable[[Spec, int], int | None]

#: Order of changes within one address: apply runs them in this order.
_ACTION_ORDER = {
    Action.MOVE: 0,
    Action.RESUBMIT: 1,
    Action.CREATE: 2,
    Action.REGENERATE: 2,
    Action.ADD_OUTPUTS: 2,
    Action.FORGET: 3,
    Action.NOOP: 4,
}


@dataclass(frozen=True)
class PlanOptions:
    targets: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    replace: tuple[str, ...] = ()
    #: Manifest files and folders the desired set was read from (relative paths as the
    #: state's `source` has them); None when it is the whole set. Only creatives recorded
    #: from inside the scope can be forgotten or moved away.
    scope: tuple[str, ...] | None = None


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    # Only `*` and `?` are wildcards: brackets are part of addresses (`launch[9:16]`).
    body = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(body)


def matches(address: str, patterns: Iterable[str]) -> bool:
    """A pattern matches an address, or a name and so every expansion of it (`launch`)."""
    name, _ = split_address(address)
    for pattern in patterns:
        if pattern in (address, name):
            return True
        glob = _glob(pattern)
        if glob.fullmatch(address) or glob.fullmatch(name):
            return True
    return False


def in_scope(source: str, scope: tuple[str, ...] | None) -> bool:
    if scope is None:
        return True
    return any(source == p or source.startswith(p.rstrip("/") + "/") for p in scope)


def _unknown_estimate(spec: Spec, count: int) -> int | None:
    return None


def plan(
    desired: Sequence[Creative],
    state: State,
    *,
    tool_version: str,
    state_exists: bool = True,
    estimate: Estimator | None = None,
    options: PlanOptions = PlanOptions(),
    extra_notes: Sequence[str] = (),
) -> Plan:
    """Compare the desired creatives with state; no I/O, no clock, no randomness."""
    price = estimate or _unknown_estimate
    wanted = {c.address: c for c in desired}
    recorded = {
        a: e
        for a, e in state.creatives.items()
        if a in wanted or in_scope(e.source, options.scope)
    }
    outside = len(state.creatives) - len(recorded)
    # Left out of scope, so never a move source: a creative moved here from a file outside
    # the given paths would be paid for again. The plan says so (see _outside_twin_note).
    outside_prints: dict[str, tuple[str, str]] = {}
    if outside:
        for address, entry in sorted(state.creatives.items(), reverse=True):
            if address not in recorded:
                outside_prints[entry.fingerprint] = (address, entry.source)
    moves = _find_moves(wanted, recorded)
    changes: list[Change] = []
    moved: dict[str, Change] = {}
    for old, new in sorted(moves.items()):
        moved[new] = _move(old, new, recorded[old], wanted[new])
        recorded[new] = recorded.pop(old)
    for address, creative in sorted(wanted.items()):
        current = recorded.get(address)
        if current is None:
            change = _create(creative, state.lineage, price)
            twin = outside_prints.get(creative.fingerprint)
            if twin is not None:
                change = dataclasses.replace(change, notes=(_outside_twin_note(*twin),))
            changes.append(change)
            continue
        forced = matches(address, options.replace)
        updates = _update(creative, current, state.lineage, price, forced=forced)
        if address in moved:
            # One entry per moved address: the move carries what a no-op would have said.
            carried = tuple(n for u in updates if u.action == Action.NOOP for n in u.notes)
            move = moved[address]
            changes.append(dataclasses.replace(move, notes=move.notes + carried))
            updates = [u for u in updates if u.action != Action.NOOP]
        changes.extend(updates)
    for address in sorted(set(recorded) - set(wanted)):
        changes.append(_forget(address, recorded[address]))

    notes = list(extra_notes)
    if outside:
        notes.append(
            f"{outside} creatives in state come from manifests outside the given paths and "
            "are left as they are."
            if outside != 1
            else "1 creative in state comes from manifests outside the given paths and is "
            "left as it is."
        )
    # A no-op is only worth showing when it carries a note (failed outputs, outputs in flight).
    changes = [c for c in changes if c.action != Action.NOOP or c.notes]
    selected = [c for c in changes if _selected(c, options)]
    if len(selected) < len(changes):
        hidden = sum(1 for c in changes if c.action != Action.NOOP) - sum(
            1 for c in selected if c.action != Action.NOOP
        )
        if hidden:
            notes.append(
                f"The plan is narrowed by --target/--exclude: {hidden} other "
                f"change{'s' if hidden != 1 else ''} not shown and not applied."
            )
    for pattern in options.replace:
        if not any(matches(a, [pattern]) for a in wanted if a in recorded):
            notes.append(f"--replace {pattern} matched no creative in state; nothing to replace.")
    known = set(wanted) | set(recorded)
    for flag, patterns in (("--target", options.targets), ("--exclude", options.excludes)):
        for pattern in patterns:
            if not any(matches(a, [pattern]) for a in known):
                notes.append(f"{flag} {pattern} matched no creative.")
    selected.sort(key=lambda c: (c.address, _ACTION_ORDER[c.action]))
    digest = keys.manifests_digest((c.address, c.fingerprint, c.request_count) for c in desired)
    return Plan(
        format_version=FORMAT_VERSION,
        tool_version=tool_version,
        lineage=state.lineage,
        serial=state.serial,
        state_exists=state_exists,
        manifests_digest=digest,
        changes=tuple(selected),
        summary=summarise(selected),
        notes=tuple(notes),
        plan_hash=hash_changes(state.lineage if state_exists else None, selected),
    )


def _selected(change: Change, options: PlanOptions) -> bool:
    addresses = [change.address] + ([change.moved_from] if change.moved_from else [])
    if options.targets and not any(matches(a, options.targets) for a in addresses):
        return False
    return not (options.excludes and any(matches(a, options.excludes) for a in addresses))


def _find_moves(
    wanted: Mapping[str, Creative], recorded: Mapping[str, CreativeState]
) -> dict[str, str]:
    """Old address -> new address, where an address left and its fingerprint reappears."""
    gone_by_fp: dict[str, list[str]] = {}
    for address in sorted(set(recorded) - set(wanted)):
        gone_by_fp.setdefault(recorded[address].fingerprint, []).append(address)
    moves: dict[str, str] = {}
    for address in sorted(set(wanted) - set(recorded)):
        candidates = gone_by_fp.get(wanted[address].fingerprint)
        if candidates:
            moves[candidates.pop(0)] = address
    return moves


def _outside_twin_note(address: str, source: str) -> str:
    return (
        f"state already holds this spec as {address} (from {source}, outside the given "
        "paths): if it moved here, plan with both files to move it at no cost"
    )


def _batch(lineage: str, fingerprint: str, number: int, count: int) -> BatchRequest:
    return BatchRequest(number, keys.idempotency_key(lineage, fingerprint, number), count)


def _create(creative: Creative, lineage: str, price: Estimator) -> Change:
    return Change(
        address=creative.address,
        action=Action.CREATE,
        reason="not in state",
        after=creative.spec,
        fingerprint=creative.fingerprint,
        revision=creative.revision,
        source=creative.location.file,
        batch=_batch(lineage, creative.fingerprint, 0, creative.request_count),
        credits=price(creative.spec, creative.request_count),
    )


def _move(old: str, new: str, current: CreativeState, creative: Creative) -> Change:
    return Change(
        address=new,
        action=Action.MOVE,
        reason=f"renamed from {old}; same fingerprint",
        before=current.spec,
        after=current.spec,
        fingerprint=current.fingerprint,
        revision=current.revision,
        source=creative.location.file,
        moved_from=old,
    )


def _forget(address: str, current: CreativeState) -> Change:
    notes: list[str] = []
    for batch in current.pending:
        notes.append(
            f"batch {batch.number} (key {batch.idempotency_key}) was never confirmed: "
            "it may have been accepted; its assets, if any, stay in Videotok"
        )
    kept = len(current.generations)
    reason = "not in the manifests; removed from state only"
    if kept:
        reason += (
            " (1 output stays in Videotok)" if kept == 1 else f" ({kept} outputs stay in Videotok)"
        )
    return Change(
        address=address,
        action=Action.FORGET,
        reason=reason,
        before=current.spec,
        fingerprint=current.fingerprint,
        revision=current.revision,
        source=current.source,
        notes=tuple(notes),
    )


def _update(
    creative: Creative,
    current: CreativeState,
    lineage: str,
    price: Estimator,
    *,
    forced: bool,
) -> list[Change]:
    changes: list[Change] = []
    for batch in current.pending:
        changes.append(
            Change(
                address=creative.address,
                action=Action.RESUBMIT,
                reason="batch was written ahead but its answer was never recorded",
                before=current.spec,
                after=current.spec,
                fingerprint=current.fingerprint,
                revision=current.revision,
                source=creative.location.file,
                batch=BatchRequest(batch.number, batch.idempotency_key, batch.request_count),
                credits=price(current.spec, batch.request_count),
                notes=("at most this much: nothing is spent if the API already accepted it",),
            )
        )
    if forced or current.fingerprint != creative.fingerprint:
        reason = _regenerate_reason(creative, current, forced=forced)
        changes.append(
            Change(
                address=creative.address,
                action=Action.REGENERATE,
                reason=reason,
                before=current.spec,
                after=creative.spec,
                fingerprint=creative.fingerprint,
                revision=creative.revision,
                source=creative.location.file,
                field_changes=field_changes(
                    _with_revision(current.spec, current.revision),
                    _with_revision(creative.spec, creative.revision),
                ),
                batch=_batch(
                    lineage,
                    creative.fingerprint,
                    current.next_batch_number,
                    creative.request_count,
                ),
                credits=price(creative.spec, creative.request_count),
                notes=_retire_note(current),
            )
        )
        return changes
    have = current.outputs_requested
    notes = _output_notes(creative.address, current)
    if creative.request_count > have:
        extra = creative.request_count - have
        changes.append(
            Change(
                address=creative.address,
                action=Action.ADD_OUTPUTS,
                reason=f"request_count raised from {have} to {creative.request_count}",
                before=current.spec,
                after=creative.spec,
                fingerprint=creative.fingerprint,
                revision=creative.revision,
                source=creative.location.file,
                batch=_batch(lineage, creative.fingerprint, current.next_batch_number, extra),
                credits=price(creative.spec, extra),
                notes=notes,
            )
        )
    elif not changes:
        if creative.request_count < have:
            notes = (
                f"request_count lowered to {creative.request_count}: keeps {have} existing "
                "outputs; nothing is queued or deleted",
                *notes,
            )
        if not notes:
            return changes  # up to date with nothing to say: the plan leaves it out
        changes.append(
            Change(
                address=creative.address,
                action=Action.NOOP,
                reason="up to date",
                before=current.spec,
                after=creative.spec,
                fingerprint=creative.fingerprint,
                revision=creative.revision,
                source=creative.location.file,
                notes=notes,
            )
        )
    return changes


def _with_revision(spec: Spec, revision: int) -> dict[str, Any]:
    return {**spec, "revision": revision} if revision else dict(spec)


def _regenerate_reason(creative: Creative, current: CreativeState, *, forced: bool) -> str:
    if current.fingerprint == creative.fingerprint:
        return "replacement requested with --replace"
    if current.revision != creative.revision and dict(current.spec) == dict(creative.spec):
        return f"revision bumped from {current.revision} to {creative.revision}"
    return "spec changed"


def _retire_note(current: CreativeState) -> tuple[str, ...]:
    count = len(current.generations)
    if not count:
        return ()
    if count == 1:
        return ("1 earlier output moves to history; its asset stays",)
    return (f"{count} earlier outputs move to history; their assets stay",)


def _output_notes(address: str, current: CreativeState) -> tuple[str, ...]:
    statuses = [g.status for b in current.batches for g in b.generations]
    if all(status == STATUS_COMPLETED for status in statuses):
        return ()  # the common case, in one pass
    failed = statuses.count(STATUS_FAILED)
    missing = statuses.count(STATUS_MISSING)
    waiting = sum(1 for status in statuses if status not in TERMINAL_STATUSES)
    notes: list[str] = []
    if failed:
        notes.append(
            f"{failed} output{'s' if failed != 1 else ''} failed and "
            f"{'are' if failed != 1 else 'is'} not retried; bump `revision` or use "
            f"--replace {address} to retry on purpose"
        )
    if missing:
        notes.append(
            f"{missing} output{'s' if missing != 1 else ''} not found by the API (missing); "
            "check the API key's workspace"
        )
    if waiting:
        notes.append(
            f"{waiting} output{'s' if waiting != 1 else ''} still queued or processing; "
            "`creatives status` or `plan --refresh` updates them"
        )
    return tuple(notes)


def summarise(changes: Sequence[Change]) -> Summary:
    counts = {action.value: 0 for action in SUMMARY_ACTIONS}
    outputs = credits = unknown = 0
    for change in changes:
        if change.action == Action.NOOP:
            continue
        counts[change.action.value] += 1
        if change.action in API_ACTIONS:
            outputs += change.batch.request_count if change.batch else 0
            if change.credits is None:
                unknown += 1
            else:
                credits += change.credits
    return Summary(counts=counts, outputs=outputs, credits=credits, unknown_credits=unknown)


def hash_changes(lineage: str | None, changes: Iterable[Change]) -> str:
    """The plan hash: what apply would send and do, never how it is rendered.

    `lineage` is None when there is no state yet: apply will create one with a fresh lineage,
    so keys are left out and the hash rests on what they derive from (fingerprint and batch
    number). A plan reviewed before the first apply then still matches the plan made at
    merge time.
    """
    hashed = (_hashed(c, keyed=lineage is not None) for c in changes if c.action != Action.NOOP)
    return keys.plan_hash(lineage or "", hashed)


def _hashed(change: Change, *, keyed: bool) -> dict[str, Any]:
    batch = change.batch
    batch_body: dict[str, Any] | None = None
    if batch is not None:
        batch_body = {"number": batch.number, "request_count": batch.request_count}
        if keyed:
            batch_body["idempotency_key"] = batch.idempotency_key
    return {
        "address": change.address,
        "action": change.action.value,
        "spec": dict(change.after if change.after is not None else change.before or {}),
        "fingerprint": change.fingerprint,
        "moved_from": change.moved_from,
        "batch": batch_body,
    }
