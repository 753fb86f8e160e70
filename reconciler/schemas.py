"""Locate and load the JSON Schemas that ship with the package (`schemas/` in the source tree)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, cast


def schema_dir() -> Path:
    """The installed copy inside the wheel, or the source tree's `schemas/` in a checkout."""
    # A plain path, not importlib.resources: the wheel installs the package as files, and
    # importlib.resources costs more start-up time than every schema read together.
    here = Path(__file__).resolve().parent
    packaged = here / "schemas"
    return packaged if packaged.is_dir() else here.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load `name` (e.g. `manifest.schema.json`) as a dict; cached, never mutate it."""
    with (schema_dir() / name).open(encoding="utf-8") as handle:
        return cast(dict[str, Any], json.load(handle))
