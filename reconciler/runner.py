"""Putting a plan together from files: manifests, catalog and state; and checking a saved plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reconciler import __version__, catalog, keys, manifest, planner
from reconciler import state as state_format
from reconciler.catalog import Catalog
from reconciler.errors import ManifestError, PlanError, StateError
from reconciler.model import Creative, Plan, State
from reconciler.storage import StateStorage


@dataclass(frozen=True)
class Inputs:
    """Everything a plan is made from."""

    creatives: tuple[Creative, ...]
    state: State
    state_exists: bool
    catalog: Catalog | None
    #: What part of state the manifests speak for (see PlanOptions.scope).
    scope: tuple[str, ...] | None = None


def scope_of(paths: Sequence[Path], root: Path) -> tuple[str, ...] | None:
    """The given paths as state records sources; None when they cover the whole tree."""
    top = root.resolve()
    found = []
    for path in paths:
        full = (root / path).resolve()
        if full == top:
            return None
        try:
            found.append(full.relative_to(top).as_posix())
        except ValueError:
            found.append(full.as_posix())
    return tuple(sorted(found))


def load_inputs(
    paths: Sequence[Path],
    storage: StateStorage,
    *,
    catalog_path: Path = catalog.CATALOG_PATH,
    root: Path | None = None,
    check_catalog: bool = True,
    fallback_catalog: Callable[[], Catalog] | None = None,
) -> Inputs:
    """Load manifests, catalog and state; `fallback_catalog` is asked when no file exists."""
    root = root or Path.cwd()
    busy = _state_bytes(storage) // STATE_BYTES_PER_MANIFEST_BYTE
    with manifest.start(list(paths), root=root, busy=busy) as loading:
        # State is read while a child process (with many manifests) parses part of them;
        # a problem in the manifests is still the one reported first.
        current: State | None = None
        state_error: StateError | None = None
        try:
            current = storage.read()
        except StateError as exc:
            state_error = exc
        report = loading.finish()
    if report.diagnostics:
        raise ManifestError(report.diagnostics)
    desired = report.desired
    found = catalog.load(catalog_path)
    if found is None and fallback_catalog is not None:
        found = fallback_catalog()
    if found is not None and check_catalog:
        problems = catalog.check(desired.creatives, found, manifest.FieldLocator(desired.sources))
        if problems:
            raise ManifestError(problems)
    if state_error is not None:
        raise state_error
    exists = current is not None
    state = current if current is not None else state_format.new_state(state_format.new_lineage())
    return Inputs(tuple(desired.creatives), state, exists, found, scope_of(paths, root))


#: Reading a byte of state costs about a fifteenth of what a byte of manifest costs (parse,
#: schema, expansion): `python -m benchmarks --only plan` measures both.
STATE_BYTES_PER_MANIFEST_BYTE = 15


def _state_bytes(storage: StateStorage) -> int:
    path = getattr(storage, "path", None)
    try:
        return path.stat().st_size if isinstance(path, Path) else 0
    except OSError:
        return 0


def make_plan(inputs: Inputs, options: planner.PlanOptions) -> Plan:
    notes: list[str] = []
    if not inputs.state_exists:
        notes.append("No state file yet: apply creates it; every creative is new.")
    if inputs.catalog is None:
        notes.append(
            "No catalog (.creatives/catalog.json): credit estimates are unknown; "
            "run `creatives catalog pull`."
        )
    return planner.plan(
        inputs.creatives,
        inputs.state,
        tool_version=__version__,
        state_exists=inputs.state_exists,
        estimate=inputs.catalog.estimate if inputs.catalog else None,
        options=dataclasses.replace(options, scope=inputs.scope),
        extra_notes=notes,
    )


def check_fresh(saved: Plan, inputs: Inputs, *, source: str) -> None:
    """Refuse a saved plan whose state or manifests changed since it was made."""
    reasons: list[str] = []
    state = inputs.state
    if saved.state_exists and not inputs.state_exists:
        reasons.append("the state file it was made against no longer exists")
    elif inputs.state_exists and saved.lineage != state.lineage:
        reasons.append(f"the state's lineage changed ({saved.lineage} -> {state.lineage})")
    elif inputs.state_exists and saved.serial != state.serial:
        reasons.append(f"the state's serial changed ({saved.serial} -> {state.serial})")
    elif inputs.state_exists and not saved.state_exists:
        reasons.append("a state file was created since")
    digest = keys.manifests_digest(
        (c.address, c.fingerprint, c.request_count) for c in inputs.creatives
    )
    if digest != saved.manifests_digest:
        reasons.append("the manifests changed")
    if reasons:
        raise PlanError(
            f"saved plan {source} is stale: {'; '.join(reasons)}.",
            hint="Run `creatives plan -out FILE` again, review it, and apply the new file.",
        )
