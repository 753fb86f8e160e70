"""Locate and load the JSON Schemas that ship with the package (`schemas/` in the source tree)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast


def schema_dir() -> Path:
    """The installed copy inside the wheel, or the source tree's `schemas/` in a checkout."""
    packaged = resources.files("reconciler") / "schemas"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load `name` (e.g. `manifest.schema.json`) as a dict; cached, never mutate it."""
    with (schema_dir() / name).open(encoding="utf-8") as handle:
        return cast(dict[str, Any], json.load(handle))
