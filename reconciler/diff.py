"""Field-level differences between the spec in state and the spec in the manifests."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reconciler.model import FieldChange

_SEGMENT = re.compile(r"\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]")


def _field(path: str) -> str:
    """`root['reference_image_urls'][0]` -> `reference_image_urls` (the top-level field)."""
    match = _SEGMENT.search(path)
    if match is None:
        return path
    return match.group(1) if match.group(1) is not None else match.group(2)


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    """One FieldChange per top-level field that differs, sorted by field name.

    Specs are shallow API payloads; a change inside a list (a reference URL) is shown as the
    whole field before and after, which is what a reviewer wants to read.
    """
    from deepdiff import DeepDiff  # imported here: only regenerations need it (~40 ms)

    diff = DeepDiff(dict(before), dict(after), ignore_numeric_type_changes=True)
    touched: set[str] = set()
    for paths in diff.values():
        touched.update(_field(p) for p in paths)
    result = []
    for name in sorted(touched):
        if name not in before:
            result.append(FieldChange(name, "added", None, after[name]))
        elif name not in after:
            result.append(FieldChange(name, "removed", before[name], None))
        else:
            result.append(FieldChange(name, "changed", before[name], after[name]))
    return tuple(result)
