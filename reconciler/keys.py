"""Canonical JSON, fingerprints and idempotency keys (the scheme the README documents)."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

KEY_PREFIX = "crv1-"
KEY_HEX_LENGTH = 40
#: Fields of a payload that belong to a batch, not to what the creative is.
BATCH_FIELDS = frozenset({"request_count", "idempotency_key"})


#: Values that are their own canonical form (exact types: a subclass takes the long way).
_PLAIN = frozenset({str, int, bool, type(None)})


def _normalise(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if type(value) is dict:
        # The common case, a mapping of plain values, without a call per value.
        return {
            (k if type(k) is str else str(k)): (v if type(v) in _PLAIN else _normalise(v))
            for k, v in value.items()
        }
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no JSON form")
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(k): _normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [v if type(v) in _PLAIN else _normalise(v) for v in value]
    raise TypeError(f"{type(value).__name__} is not JSON data")


#: One encoder for every call: json.dumps would build a new one each time.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8 text, integral floats written as integers."""
    return _CANONICAL.encode(_normalise(value))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identity(spec: Mapping[str, Any], revision: int = 0) -> dict[str, Any]:
    """What a fingerprint covers: the spec without batch fields, plus `revision`."""
    body = {k: v for k, v in spec.items() if k not in BATCH_FIELDS}
    body["revision"] = revision
    return body


def fingerprint(spec: Mapping[str, Any], revision: int = 0) -> str:
    """`sha256:<hex>` of the canonical identity of a spec."""
    return "sha256:" + sha256_hex(canonical_json(identity(spec, revision)))


def idempotency_key(lineage: str, fingerprint_: str, batch_number: int) -> str:
    """`crv1-` + the first 40 hex digits of sha256(`lineage|fingerprint|batch_number`)."""
    digest = sha256_hex(f"{lineage}|{fingerprint_}|{batch_number}")
    return KEY_PREFIX + digest[:KEY_HEX_LENGTH]


def manifests_digest(entries: Iterable[tuple[str, str, int]]) -> str:
    """Digest of the desired set: (address, fingerprint, request_count) triples, order-free.

    It changes when anything apply would act on changes, and not when a file is only
    reformatted, renamed or reordered.
    """
    rows = sorted(entries)
    return "sha256:" + sha256_hex(canonical_json([list(r) for r in rows]))


def plan_hash(lineage: str, actions: Iterable[Mapping[str, Any]]) -> str:
    """`sha256:` of the canonical JSON of what apply would do (never of rendered text)."""
    body = {"lineage": lineage, "actions": sorted(actions, key=canonical_json)}
    return "sha256:" + sha256_hex(canonical_json(body))
