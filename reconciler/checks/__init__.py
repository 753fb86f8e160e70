"""Checks of the shipped schemas, generated ahead of time as Python modules.

Compiling the manifest schema's check takes longer than the rest of `creatives validate`
on a small file, so the checks of the shipped schemas are written out once, here, and
loaded as any module is. Regenerate them with `python -m reconciler.checks` after changing
a schema; tests/test_schema_check.py fails while one is out of date, and a schema edited
without regenerating is compiled at run time instead, so it is still checked right.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reconciler.schema_check import Check, Generator, compile_schema
from reconciler.schemas import load_schema

GENERATED_PACKAGE = "reconciler.checks"
SHIPPED = ("manifest.schema.json", "state.schema.json")


def shipped_check(name: str) -> Check:
    """The check of a shipped schema: the generated module when it was made from this very
    schema, else compiled now (a schema edited without regenerating still checks right)."""
    schema = load_schema(name)
    module = f"{GENERATED_PACKAGE}.{_module_name(name)}"
    return generated_check(schema, module) or compile_schema(schema)


def generated_check(schema: Mapping[str, Any], module_name: str) -> Check | None:
    """The `check` of a generated module, if the module exists and was made from `schema`."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    if getattr(module, "SCHEMA_DIGEST", None) != schema_digest(schema):
        return None
    check: Check = module.check
    return check


def schema_digest(schema: Mapping[str, Any]) -> str:
    text = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def module_source(name: str) -> str:
    """The source of the generated module for the shipped schema `name`."""
    schema = load_schema(name)
    generator = Generator(schema)
    entry = generator.write()
    constants = [f"{n} = {_literal(v)}" for n, v in generator.constants.items()]
    return "\n".join(
        [
            f'"""Check generated from schemas/{name}; do not edit.',
            "",
            "Regenerate with `python -m reconciler.checks` after changing the schema;",
            "tests/test_schema_check.py fails while this file is out of date.",
            '"""',
            "",
            "# ruff: noqa",
            "import re",
            "from typing import Any",
            "",
            "from reconciler.schema_check import equal as _equal, unique as _unique",
            "",
            f'SCHEMA_DIGEST = "{schema_digest(schema)}"',
            "",
            *constants,
            "",
            "",
            "\n\n\n".join(generator.functions),
            "",
            "",
            f"check = {entry}",
            "",
        ]
    )


def _module_name(schema_name: str) -> str:
    return schema_name.split(".", 1)[0]


def _literal(value: Any) -> str:
    """Python source for a constant; sets are sorted so the file is the same on every run."""
    if isinstance(value, frozenset):
        return f"frozenset({tuple(sorted(value))!r})"
    if isinstance(value, re.Pattern):
        return f"re.compile({value.pattern!r})"
    return repr(value)


def main() -> None:
    """Regenerate the modules of `GENERATED_PACKAGE` from the shipped schemas."""
    folder = Path(__file__).parent
    for name in SHIPPED:
        path = folder / f"{_module_name(name)}.py"
        path.write_text(module_source(name), encoding="utf-8")
        sys.stdout.write(f"wrote {path}\n")
