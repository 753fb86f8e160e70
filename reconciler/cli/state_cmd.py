"""`creatives state list|show|rm|mv` and `creatives force-unlock`: inspect and edit state."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from reconciler import manifest, transitions
from reconciler import state as state_format
from reconciler.cli.common import (
    ApiAccess,
    api_options,
    lock_timeout_option,
    open_client,
    state_option,
    utc_now,
)
from reconciler.errors import ApiError, LockError, StateError
from reconciler.model import PHASE_PENDING, Batch, CreativeState, State
from reconciler.state import is_address
from reconciler.storage import LocalFileStorage, StateStorage


def _read_existing(storage: StateStorage) -> State:
    state = storage.read()
    if state is None:
        raise StateError(
            f"no state file found ({storage.describe()})",
            hint="State commands need a state file: run them where `creatives apply` has run, "
            "or point --state (or CREATIVES_STATE) at it.",
        )
    return state


def _missing(address: str, state: State, path: Path) -> StateError:
    close = difflib.get_close_matches(address, list(state.creatives), n=1)
    hint = f"Did you mean {close[0]}? " if close else ""
    return StateError(
        f"no creative {address} in {path}",
        hint=f"{hint}`creatives state list` shows every address. Nothing was changed.",
    )


@contextmanager
def _editing(storage: StateStorage, operation: str, timeout: float) -> Iterator[State]:
    # Checked before locking too, so a mistyped --state leaves no lock file behind.
    _read_existing(storage)
    with storage.lock(operation, timeout):
        yield _read_existing(storage)


@click.group("state")
def state() -> None:
    """Inspect and edit the state file (never touches assets in Videotok)."""


@state.command("list")
@state_option
def list_cmd(state_path: Path) -> None:
    """Print every address in state, one per line, sorted."""
    for address in sorted(_read_existing(LocalFileStorage(state_path)).creatives):
        click.echo(address)


def _spec_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _batch_lines(batch: Batch) -> list[str]:
    phase = "pending (not confirmed)" if batch.phase == PHASE_PENDING else batch.phase
    facts = [phase, f"{batch.request_count} output{'s' if batch.request_count != 1 else ''}"]
    if batch.credits_deducted is not None:
        facts.append(f"{batch.credits_deducted} credits")
    if batch.submitted_at is not None:
        facts.append(f"submitted {batch.submitted_at}")
    lines = [f"    #{batch.number} {batch.idempotency_key}  {', '.join(facts)}"]
    if batch.fingerprint is not None:
        lines.append(f"      fingerprint {batch.fingerprint}")
    for generation in batch.generations:
        row = f"      {generation.id}  {generation.status:<10}"
        if generation.url:
            row += f"  {generation.url}"
        if generation.error:
            error = generation.error
            text = error.get("message") or json.dumps(dict(error), sort_keys=True)
            row += f"  {error['code']}: {text}" if error.get("code") else f"  {text}"
        lines.append(row.rstrip())
    return lines


def render_creative(address: str, entry: CreativeState) -> str:
    """The human summary `state show` prints."""
    lines = [
        address,
        f"  fingerprint: {entry.fingerprint}",
        f"  source:      {entry.source}",
        f"  revision:    {entry.revision}",
        "  spec:",
        *(f"    {key}: {_spec_value(entry.spec[key])}" for key in sorted(entry.spec)),
        "  batches:" if entry.batches else "  batches: none",
    ]
    for batch in entry.batches:
        lines.extend(_batch_lines(batch))
    if entry.retired:
        lines.append("  retired (earlier specs; their assets stay in Videotok):")
        for batch in entry.retired:
            lines.extend(_batch_lines(batch))
    return "\n".join(lines)


@state.command("show")
@state_option
@click.argument("address")
def show_cmd(state_path: Path, address: str) -> None:
    """Show what state records for ADDRESS: spec, batches, generations."""
    current = _read_existing(LocalFileStorage(state_path))
    if address not in current.creatives:
        raise _missing(address, current, state_path)
    click.echo(render_creative(address, current.creatives[address]))


@state.command("rm")
@state_option
@lock_timeout_option
@click.argument("addresses", nargs=-1, required=True)
def rm_cmd(state_path: Path, lock_timeout: float, addresses: Sequence[str]) -> None:
    """Remove ADDRESSES from state only; their assets stay in Videotok."""
    storage = LocalFileStorage(state_path)
    unique = list(dict.fromkeys(addresses))
    with _editing(storage, "state rm", lock_timeout) as current:
        for address in unique:
            if address not in current.creatives:
                raise _missing(address, current, state_path)
        kept = {a: e for a, e in current.creatives.items() if a not in unique}
        written = storage.write(replace(current, creatives=kept), expected_serial=current.serial)
    for address in unique:
        click.echo(f"Removed {address}.")
    noun = "creative" if len(unique) == 1 else "creatives"
    click.echo(f"Removed {len(unique)} {noun} from {state_path} (serial {written.serial}).")
    click.echo(
        "Assets stay in Videotok: only the state forgot them. A creative the manifests still "
        "declare will be created again by the next plan."
    )


@state.command("mv")
@state_option
@lock_timeout_option
@click.argument("source")
@click.argument("destination")
def mv_cmd(state_path: Path, lock_timeout: float, source: str, destination: str) -> None:
    """Move what state records for SOURCE to the address DESTINATION."""
    if not is_address(destination):
        raise StateError(
            f"{destination!r} is not an address",
            hint="An address is a name of lowercase letters, digits, '-' and '_', optionally "
            "followed by [key]. Nothing was changed.",
        )
    storage = LocalFileStorage(state_path)
    with _editing(storage, "state mv", lock_timeout) as current:
        if source not in current.creatives:
            raise _missing(source, current, state_path)
        if destination in current.creatives:
            raise StateError(
                f"cannot move {source} to {destination}: {destination} is already in the state",
                hint=f"Remove it first with `creatives state rm {destination}` if it should go. "
                "Nothing was changed.",
            )
        creatives = {a: e for a, e in current.creatives.items() if a != source}
        creatives[destination] = current.creatives[source]
        written = storage.write(
            replace(current, creatives=creatives), expected_serial=current.serial
        )
    click.echo(f"Moved {source} to {destination} in {state_path} (serial {written.serial}).")


@click.command("force-unlock")
@state_option
@click.option("--force", is_flag=True, help="Do not ask for confirmation.")
@click.argument("lock_id")
def force_unlock(state_path: Path, force: bool, lock_id: str) -> None:
    """Clear the state lock LOCK_ID left behind by a run that is gone.

    A local state file uses an OS lock that dies with its process, so this is rarely needed.
    """
    storage = LocalFileStorage(state_path)
    if not force:
        question = (
            f"Force-unlock the state lock {lock_id} on {storage.describe()}? Only do this "
            "when no run holds it any more."
        )
        try:
            confirmed = click.confirm(question, default=False, err=True)
        except click.Abort:
            confirmed = False
        if not confirmed:
            raise LockError(
                "force-unlock was not confirmed; nothing was changed",
                hint="Without a terminal to ask on, pass --force once you are sure.",
            )
    holder = storage.force_unlock(lock_id)
    click.echo(
        f"Cleared the state lock {holder.id} ({holder.operation} by {holder.who}, PID "
        f"{holder.pid}, created {holder.created}). The state is unlocked."
    )


@state.command("import")
@state_option
@lock_timeout_option
@click.option(
    "--manifests",
    "manifest_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Manifest files or folders to find ADDRESS in (default: creatives/).",
)
@api_options
@click.argument("address")
@click.argument("generation_ids", nargs=-1, required=True)
def import_cmd(
    state_path: Path,
    lock_timeout: float,
    manifest_paths: tuple[Path, ...],
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
    address: str,
    generation_ids: tuple[str, ...],
) -> None:
    """Adopt generations that already exist in Videotok as ADDRESS.

    ADDRESS must be declared in the manifests (its spec is taken from there); each id is
    looked up with GET /generations/{id} so only real generations are recorded.
    """
    desired = manifest.load(list(manifest_paths) or [Path("creatives")], root=Path.cwd())
    by_address = {c.address: c for c in desired.creatives}
    creative = by_address.get(address)
    if creative is None:
        close = difflib.get_close_matches(address, list(by_address), n=1)
        raise StateError(
            f"{address} is not declared in the manifests; import needs its spec from there",
            hint=f'Did you mean "{close[0]}"?' if close else "Declare it first, then import.",
        )
    storage = LocalFileStorage(state_path)
    with storage.lock("state import", lock_timeout):
        current = storage.read()
        base = current or state_format.new_state(state_format.new_lineage())
        found = []
        with open_client(ApiAccess(api_url, api_key_file, use_sandbox)) as client:
            for generation_id in dict.fromkeys(generation_ids):
                try:
                    generation, kind = client.lookup_generation(generation_id)
                except ApiError as exc:
                    if exc.status == 404:
                        raise StateError(
                            f"generation {generation_id} was not found by the API",
                            hint="Check the id and that the API key belongs to its workspace.",
                        ) from exc
                    raise
                wanted = creative.spec.get("type")
                if kind is not None and kind != wanted:
                    raise StateError(
                        f"generation {generation_id} is a {kind}, but {address} is a {wanted}; "
                        "nothing was imported",
                        hint="Import generations made from this creative's spec only.",
                    )
                found.append(generation)
        updated = transitions.adopt(base, creative, found, submitted_at=utc_now())
        storage.write(updated, expected_serial=current.serial if current else None)
    click.echo(f"Imported {len(found)} generation{'s' if len(found) != 1 else ''} as {address}.")
