"""Domain records: creatives wanted, state recorded, plans computed. Frozen, plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: An API payload as a creative would send it, defaults merged, without `request_count` and
#: `idempotency_key` (those belong to a batch, not to the creative's identity).
Spec = Mapping[str, Any]

FORMAT_VERSION = 1

STATUS_QUEUED = "queued"
STATUS_PROCESSING = "processing"
STATUS_COMPLETED = "completed"
STATUS_FAILED = "failed"
#: Recorded when the API answers 404 for an output we hold: kept, never deleted.
STATUS_MISSING = "missing"
TERMINAL_STATUSES = frozenset({STATUS_COMPLETED, STATUS_FAILED, STATUS_MISSING})

PHASE_PENDING = "pending"
PHASE_SUBMITTED = "submitted"


@dataclass(frozen=True, order=True)
class Location:
    """Where a creative is declared: a path relative to the working directory, 1-based."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


def split_address(address: str) -> tuple[str, str | None]:
    """`launch[9:16,high]` -> (`launch`, `9:16,high`); `hero` -> (`hero`, None)."""
    if address.endswith("]") and "[" in address:
        name, _, key = address[:-1].partition("[")
        return name, key
    return address, None


@dataclass(frozen=True)
class Creative:
    """One desired creative after expansion of defaults, matrix and variants."""

    address: str
    spec: Spec
    fingerprint: str
    location: Location
    request_count: int = 1
    revision: int = 0
    labels: Mapping[str, str] = field(default_factory=dict)
    description: str | None = None

    @property
    def name(self) -> str:
        return split_address(self.address)[0]


@dataclass(frozen=True)
class Generation:
    """One output of a batch, as the API last described it."""

    id: str
    status: str = STATUS_QUEUED
    url: str | None = None
    error: Mapping[str, Any] | None = None
    updated_at: str | None = None

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


@dataclass(frozen=True)
class Batch:
    """One `POST /generations` call: one idempotency key, `request_count` outputs.

    `phase` is `pending` from the moment it is written ahead of the POST until the API's
    answer is recorded (`submitted`). A pending batch may or may not have been accepted.
    """

    number: int
    idempotency_key: str
    request_count: int
    phase: str = PHASE_PENDING
    submitted_at: str | None = None
    credits_deducted: int | None = None
    generations: tuple[Generation, ...] = ()
    #: Set on retired batches, so history says which spec produced them.
    fingerprint: str | None = None


@dataclass(frozen=True)
class CreativeState:
    """What state records for one address: the spec that was sent and what came back."""

    fingerprint: str
    spec: Spec
    source: str
    revision: int = 0
    batches: tuple[Batch, ...] = ()
    retired: tuple[Batch, ...] = ()

    @property
    def next_batch_number(self) -> int:
        numbers = [b.number for b in (*self.batches, *self.retired)]
        return max(numbers) + 1 if numbers else 0

    @property
    def outputs_requested(self) -> int:
        """Outputs asked for under the current fingerprint, pending batches included."""
        return sum(b.request_count for b in self.batches)

    @property
    def pending(self) -> tuple[Batch, ...]:
        return tuple(b for b in self.batches if b.phase == PHASE_PENDING)

    @property
    def generations(self) -> tuple[Generation, ...]:
        return tuple(g for b in self.batches for g in b.generations)


@dataclass(frozen=True)
class State:
    """The whole state file: a versioned envelope with a lineage and a serial."""

    lineage: str
    serial: int = 0
    creatives: Mapping[str, CreativeState] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION


class Action(StrEnum):
    CREATE = "create"
    REGENERATE = "regenerate"
    ADD_OUTPUTS = "add_outputs"
    RESUBMIT = "resubmit"
    MOVE = "move"
    FORGET = "forget"
    NOOP = "no-op"


#: Order of the summary line, which is part of the machine-readable contract.
SUMMARY_ACTIONS = (
    Action.CREATE,
    Action.REGENERATE,
    Action.ADD_OUTPUTS,
    Action.RESUBMIT,
    Action.MOVE,
    Action.FORGET,
)
#: Actions that send a POST at apply.
API_ACTIONS = frozenset({Action.CREATE, Action.REGENERATE, Action.ADD_OUTPUTS, Action.RESUBMIT})


@dataclass(frozen=True)
class FieldChange:
    """A spec field that differs between state and manifest; `kind`: changed, added, removed."""

    path: str
    kind: str
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class BatchRequest:
    """The batch a change will POST: number, key, outputs."""

    number: int
    idempotency_key: str
    request_count: int


@dataclass(frozen=True)
class Change:
    """One entry of a plan. `credits` is None when the estimate is unknown."""

    address: str
    action: Action
    reason: str
    before: Spec | None = None
    after: Spec | None = None
    fingerprint: str | None = None
    revision: int = 0
    source: str | None = None
    field_changes: tuple[FieldChange, ...] = ()
    batch: BatchRequest | None = None
    credits: int | None = 0
    moved_from: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    counts: Mapping[str, int]
    outputs: int
    credits: int
    unknown_credits: int

    @property
    def changes(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Plan:
    """A value: what apply would do, and the evidence needed to refuse it when stale."""

    tool_version: str
    lineage: str
    serial: int
    state_exists: bool
    manifests_digest: str
    changes: tuple[Change, ...]
    summary: Summary
    notes: tuple[str, ...]
    plan_hash: str
    format_version: int = FORMAT_VERSION
    #: The manifest paths the plan was made from, so applying a saved plan re-reads them.
    manifest_paths: tuple[str, ...] = ()

    @property
    def has_changes(self) -> bool:
        return any(c.action != Action.NOOP for c in self.changes)
