"""The state file format (version 1): parse, validate and serialise, byte-stable."""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from reconciler.checks import shipped_check
from reconciler.errors import StateError
from reconciler.model import Batch, CreativeState, Generation, State
from reconciler.schema_check import Check
from reconciler.schemas import load_schema

FORMAT_VERSION = 1
SCHEMA_NAME = "state.schema.json"
#: Markers git leaves in a file after a merge it could not resolve on its own.
_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})(\s|$)", re.MULTILINE)
_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def new_lineage(random: Callable[[], bytes] | None = None) -> str:
    """A fresh lineage: 32 hex digits of a version 4 UUID, from `random()` (16 bytes) if given."""
    raw = random() if random is not None else os.urandom(16)
    return uuid.UUID(bytes=raw, version=4).hex


def new_state(lineage: str) -> State:
    """An empty state of this format; it gets serial 1 when first written."""
    return State(lineage=lineage, serial=0, creatives={}, format_version=FORMAT_VERSION)


def with_next_serial(old: State | None, new: State) -> State:
    """`new` as it should be written over `old`: serial + 1 iff the content differs.

    A state written where none exists gets `new.serial + 1`, so a fresh state starts at 1.
    """
    if old is None:
        return replace(new, serial=new.serial + 1)
    if same_content(old, new):
        return replace(new, serial=old.serial)
    return replace(new, serial=old.serial + 1)


def same_content(a: State, b: State) -> bool:
    """Equal apart from the serial (structural equality: what git would see as no change)."""
    return replace(a, serial=0) == replace(b, serial=0)


# -- serialise ---------------------------------------------------------------------------------


def _generation_json(generation: Generation) -> dict[str, Any]:
    # Every field, null when unknown (DESIGN §5's shape), so readers of the file can count
    # on the keys; a file that leaves them out still reads.
    return {
        "id": generation.id,
        "status": generation.status,
        "url": generation.url,
        "error": dict(generation.error) if generation.error is not None else None,
        "updated_at": generation.updated_at,
    }


def _batch_json(batch: Batch, *, retired: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": batch.number,
        "idempotency_key": batch.idempotency_key,
        "request_count": batch.request_count,
        "phase": batch.phase,
        "generations": [_generation_json(g) for g in batch.generations],
        # null until the API answered (a pending batch)
        "submitted_at": batch.submitted_at,
        "credits_deducted": batch.credits_deducted,
    }
    # A current batch belongs to its creative's fingerprint; only history needs its own.
    if retired and batch.fingerprint is not None:
        out["fingerprint"] = batch.fingerprint
    return out


def _creative_json(entry: CreativeState) -> dict[str, Any]:
    return {
        "fingerprint": entry.fingerprint,
        "spec": dict(entry.spec),
        "source": entry.source,
        "revision": entry.revision,
        "batches": [_batch_json(b, retired=False) for b in entry.batches],
        "retired": [_batch_json(b, retired=True) for b in entry.retired],
    }


def to_json(state: State) -> dict[str, Any]:
    """The state as a JSON document (plain dicts and lists)."""
    return {
        "format_version": state.format_version,
        "lineage": state.lineage,
        "serial": state.serial,
        "creatives": {address: _creative_json(e) for address, e in state.creatives.items()},
    }


class _EntryTexts:
    """Serialised creatives, remembered by identity: a run rewrites state after every step,
    and the entries that did not change (almost all of them) keep their text."""

    def __init__(self, limit: int = 200_000) -> None:
        self._texts: dict[int, tuple[CreativeState, str]] = {}
        self._limit = limit

    def text(self, entry: CreativeState) -> str:
        found = self._texts.get(id(entry))
        if found is not None and found[0] is entry:
            return found[1]
        text = json.dumps(_creative_json(entry), sort_keys=True, indent=2, ensure_ascii=False)
        if len(self._texts) >= self._limit:
            self._texts.clear()
        self._texts[id(entry)] = (entry, text)
        return text


_entry_texts = _EntryTexts()


def dumps(state: State) -> str:
    """Sorted keys, 2-space indent, UTF-8 text, trailing newline: small, mergeable git diffs.

    Byte-identical to `json.dumps(to_json(state), sort_keys=True, indent=2)`, assembled from
    per-creative texts so that unchanged creatives are not serialised again.
    """
    if state.creatives:
        entries = ",\n".join(
            f"    {json.dumps(address, ensure_ascii=False)}: "
            + _entry_texts.text(state.creatives[address]).replace("\n", "\n    ")
            for address in sorted(state.creatives)
        )
        creatives = "{\n" + entries + "\n  }"
    else:
        creatives = "{}"
    return (
        "{\n"
        f'  "creatives": {creatives},\n'
        f'  "format_version": {json.dumps(state.format_version)},\n'
        f'  "lineage": {json.dumps(state.lineage, ensure_ascii=False)},\n'
        f'  "serial": {json.dumps(state.serial)}\n'
        "}\n"
    )


def check(state: State, *, source: str) -> None:
    """Validate a state about to be written, as `loads` would, at the cost of what changed."""
    envelope = {
        "format_version": state.format_version,
        "lineage": state.lineage,
        "serial": state.serial,
        "creatives": {},
    }
    _check_shape(envelope, source)
    for address in sorted(state.creatives):
        text = _entry_texts.text(state.creatives[address])
        if is_address(address) and text in _valid_texts:
            continue
        _check_shape({**envelope, "creatives": {address: json.loads(text)}}, source)
        _valid_texts.add(text)


#: Serialised creatives `check` already found valid (cleared when it grows large).
_valid_texts: set[str] = set()


# -- parse -------------------------------------------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):  # only then look for which key came twice
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def recovery_hint(backup: str | None) -> str:
    """What to do about a state that cannot be read; `backup` names the previous version."""
    if backup is not None:
        return (
            f"The previous version is in {backup}. Nothing was changed: creatives never "
            "overwrites a state it cannot read."
        )
    return (
        "Nothing was changed: creatives never overwrites a state it cannot read. "
        "Restore the file from version control."
    )


def _ends_early(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the text is a cut-off prefix of a document rather than a malformed one."""
    if exc.msg.startswith("Unterminated string"):
        return True
    rest = text[exc.pos :].strip()
    return not rest or any(word.startswith(rest) for word in ("true", "false", "null"))


def _parse(text: str, source: str, backup: str | None) -> Any:
    hint = recovery_hint(backup)
    if not text.strip():
        raise StateError(f"state file {source} is empty — was a write interrupted?", hint=hint)
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except _DuplicateKey as exc:
        raise StateError(
            f"state file {source} has the key {json.dumps(exc.key)} twice in one object "
            "(a bad merge?)",
            hint=hint,
        ) from None
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):
            raise StateError(f"state file {source} is not valid JSON: {exc}", hint=hint) from None
        marker = _CONFLICT_MARKER.search(text)
        if marker is not None:
            line = text.count("\n", 0, marker.start()) + 1
            raise StateError(
                f"state file {source} has unresolved merge conflict markers (line {line})",
                hint="Resolve the conflict (keep every batch of both sides) and run again. "
                "Nothing was changed.",
            ) from None
        if _ends_early(text, exc):
            line = text.count("\n", 0, len(text.rstrip())) + 1
            raise StateError(
                f"state file {source} ends unexpectedly at line {line} — was a write interrupted?",
                hint=hint,
            ) from None
        raise StateError(
            f"state file {source} is not valid JSON: {exc.msg} at line {exc.lineno} "
            f"column {exc.colno}",
            hint=hint,
        ) from None


@cache
def _fast_check() -> Check:
    return shipped_check(SCHEMA_NAME)


@cache
def _validators() -> tuple[Any, Any]:
    """The schema split in two: the envelope, and one creative (validated one at a time).

    jsonschema is imported here: it only explains states the compiled check refused.
    """
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

    schema = load_schema(SCHEMA_NAME)
    creatives = dict(schema["properties"]["creatives"])
    entry = {"$schema": schema["$schema"], "$defs": schema["$defs"]}
    entry.update(creatives.pop("additionalProperties"))
    envelope = {**schema, "properties": {**schema["properties"], "creatives": creatives}}
    return Draft202012Validator(envelope), Draft202012Validator(entry)


def _best(errors: Any) -> Any:
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]

    return best_match(errors)


#: Serialised creatives already found valid. jsonschema costs about 2 ms per creative and
#: apply writes state twice per batch, so only creatives that changed are validated again.
_valid_creatives: set[str] = set()
_VALID_CACHE_SIZE = 20_000


def _creative_error(entry: Any) -> Any:
    text = json.dumps(entry, sort_keys=True)
    if text in _valid_creatives:
        return None
    error = _best(_validators()[1].iter_errors(entry))
    if error is None:
        if len(_valid_creatives) >= _VALID_CACHE_SIZE:
            _valid_creatives.clear()
        _valid_creatives.add(text)
    return error


def _path(parts: Sequence[str | int]) -> str:
    """`creatives["launch[9:16]"].batches[0].phase`: readable, unambiguous."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _SIMPLE_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "the top level"


def _check_shape(document: Any, source: str) -> None:
    version = document.get("format_version") if isinstance(document, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise StateError(
            f"state file {source}: state format {version} is newer than this creatives "
            f"supports ({FORMAT_VERSION}); upgrade videotok-reconciler",
            hint="Nothing was changed.",
        )
    hint = "Nothing was changed. Edit state with `creatives state` rather than by hand."
    # The compiled check says yes to a valid state in a fraction of jsonschema's time;
    # jsonschema explains the rare document it refuses.
    valid = _fast_check()(document)
    error = None if valid else _best(_validators()[0].iter_errors(document))
    prefix: list[str | int] = []
    if error is None and not valid:
        for address in sorted(document["creatives"]):
            error = _creative_error(document["creatives"][address])
            if error is not None:
                prefix = ["creatives", address]
                break
    if error is not None:
        where = _path([*prefix, *error.absolute_path])
        raise StateError(
            f"state file {source} is not a valid state: at {where}: {error.message}", hint=hint
        )
    for address, entry in document["creatives"].items():
        if len(entry["batches"]) + len(entry["retired"]) < 2:  # one batch: no pair to compare
            continue
        numbers = [b["number"] for b in (*entry["batches"], *entry["retired"])]
        duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
        if duplicates:
            raise StateError(
                f"state file {source} is not a valid state: at {_path(['creatives', address])}: "
                f"batch number {duplicates[0]} appears twice",
                hint="Nothing was changed. Batch numbers are unique per creative.",
            )


_new = object.__new__


# A state of 10,000 creatives holds some 40,000 records. A frozen dataclass's __init__ sets
# each field through object.__setattr__, which is most of what reading state costs once the
# document is parsed and checked; these fill the instance dict of a checked document instead.
# Every field is given, so no default nor __post_init__ is skipped (test_state checks the
# records equal the ones their constructors build).


def _generation(doc: Mapping[str, Any]) -> Generation:
    record: Generation = _new(Generation)
    record.__dict__.update(
        id=doc["id"],
        status=doc["status"],
        url=doc.get("url"),
        error=doc.get("error"),
        updated_at=doc.get("updated_at"),
    )
    return record


def _batch(doc: Mapping[str, Any]) -> Batch:
    record: Batch = _new(Batch)
    record.__dict__.update(
        number=doc["number"],
        idempotency_key=doc["idempotency_key"],
        request_count=doc["request_count"],
        phase=doc["phase"],
        submitted_at=doc.get("submitted_at"),
        credits_deducted=doc.get("credits_deducted"),
        generations=tuple(map(_generation, doc["generations"])),
        fingerprint=doc.get("fingerprint"),
    )
    return record


def _creative(doc: Mapping[str, Any]) -> CreativeState:
    record: CreativeState = _new(CreativeState)
    record.__dict__.update(
        fingerprint=doc["fingerprint"],
        spec=doc["spec"],
        source=doc["source"],
        revision=doc["revision"],
        batches=tuple(map(_batch, doc["batches"])),
        retired=tuple(map(_batch, doc["retired"])),
    )
    return record


def _creatives(entries: dict[str, Any]) -> dict[str, CreativeState]:
    """Records for the entries, each entry let go once read: with 100,000 creatives the
    parsed document and the records would otherwise both be whole in memory at the peak."""
    records = {}
    for address in list(entries):
        records[address] = _creative(entries.pop(address))
    return records


def loads(text: str, *, source: str, backup: str | None = None) -> State:
    """Parse and validate a state document; every problem is one StateError naming `source`.

    `backup` names the previous version when one exists, so the error can point at it.
    """
    document = _parse(text, source, backup)
    _check_shape(document, source)
    return State(
        lineage=document["lineage"],
        serial=document["serial"],
        creatives=_creatives(document["creatives"]),
        format_version=document["format_version"],
    )


@cache
def _address_pattern() -> re.Pattern[str]:
    return re.compile(load_schema(SCHEMA_NAME)["$defs"]["address"]["pattern"])


def is_address(text: str) -> bool:
    """Whether `text` can be a creative's address in state (the schema's own pattern)."""
    return _address_pattern().fullmatch(text) is not None
