"""Validate manifest documents against `schemas/manifest.schema.json`, in plain words."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from reconciler.errors import Diagnostic

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from reconciler.checks import shipped_check
from reconciler.schema_check import Check, compile_schema
from reconciler.schemas import load_schema
from reconciler.yamlload import DocPath, Document, format_path, value_at

MANIFEST_SCHEMA = "manifest.schema.json"
#: Fields of a creative that belong to the tool, never sent to the API.
RECONCILER_FIELDS = frozenset({"request_count", "revision", "labels", "description"})
EXPANSION_FIELDS = frozenset({"matrix", "variants"})
#: Fields that say what a creative is; a file-wide default for them would hide a mistake.
IDENTITY_FIELDS = frozenset({"type", "prompt", "template_slug", "model_slug", "variant_id"})

# Messages for the schema's patterns, keyed by the pattern itself; a test proves every pattern
# of the schema has one. `{got}` is the offending value.
_PATTERNS: dict[str, tuple[str, str | None]] = {
    "^[a-z0-9][a-z0-9_-]*$": (
        "{got} is not a valid name",
        "use lowercase letters, digits, '-' and '_', starting with a letter or digit",
    ),
    "^[A-Za-z0-9][A-Za-z0-9._/-]*$": (
        "{got} is not a valid label key",
        "start with a letter or digit; then letters, digits, '.', '_', '/' and '-'",
    ),
    "^\\S+$": ("expected a value without spaces, got {got}", None),
    "\\S": ("must not be blank", None),
    "^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#]\\S*)?$": (
        "expected an absolute http(s) URL, got {got}",
        None,
    ),
    "^(auto|[1-9][0-9]*:[1-9][0-9]*)$": (
        'expected an aspect ratio such as "9:16", or "auto", got {got}',
        None,
    ),
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$": (
        "expected a UUID, got {got}",
        "it looks like 123e4567-e89b-12d3-a456-426614174000",
    ),
    "^[^\\s,\\[\\]]+$": (
        "{got} cannot be part of an address (no spaces, commas or brackets)",
        "use variants for values like this",
    ),
}
_TYPE_NAMES = {
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}
# Preference when several errors land on one location (lower wins).
_RANK = {"type": 0, "required": 1, "anyOf": 1, "additionalProperties": 2}


class ManifestSchema:
    """The manifest schema, compiled once: a fast yes/no check, and jsonschema to explain."""

    def __init__(self, schema: Mapping[str, Any], check: Check | None = None) -> None:
        self._schema = schema
        self._validator: Any = None
        self._check = check or compile_schema(schema)
        defs = schema["$defs"]
        self.types: tuple[str, ...] = tuple(defs["creative"]["properties"]["type"]["enum"])
        #: API fields per creative type, `type` included.
        self.spec_fields: Mapping[str, frozenset[str]] = {
            t: frozenset(defs[t]["properties"]) - RECONCILER_FIELDS - EXPANSION_FIELDS
            for t in self.types
        }
        self._roles: dict[int, tuple[str, str | None]] = {
            id(schema): ("root", None),
            id(defs["defaults"]): ("defaults", None),
        }
        for t in self.types:
            self._roles[id(defs[t])] = ("creative", t)
            self._roles[id(defs[f"{t}_matrix"])] = ("matrix", t)
            self._roles[id(defs[f"{t}_variants"]["additionalProperties"])] = ("variant", t)

    def validate(self, document: Document) -> list[Diagnostic]:
        """Every shape problem of one document, one per location, located in its file."""
        if self._check(document.data):
            return []
        return self._explain(self.validator().iter_errors(document.data), document)

    def validator(self) -> Any:
        """jsonschema's validator, built on first use: only refused documents need it."""
        if self._validator is None:
            import jsonschema  # type: ignore[import-untyped]

            self._validator = jsonschema.Draft202012Validator(self._schema)
        return self._validator

    def owners(self, field: str) -> list[str]:
        return [t for t in self.types if field in self.spec_fields[t]]

    def _explain(self, errors: Iterable[ValidationError], doc: Document) -> list[Diagnostic]:
        best: dict[tuple[DocPath, bool], tuple[int, str, str | None]] = {}
        missing: dict[DocPath, list[str]] = {}
        suggested: set[tuple[DocPath, str]] = set()
        for error in errors:
            for path, at_key, message, hint in self._describe(error, missing, suggested):
                rank = _RANK.get(str(error.validator), 3)
                if (path, at_key) not in best or rank < best[(path, at_key)][0]:
                    best[(path, at_key)] = (rank, message, hint)
        for path, fields in missing.items():
            fields = [f for f in dict.fromkeys(fields) if (path, f) not in suggested]
            if fields:
                names = " and ".join(f'"{f}"' for f in fields)
                message = f"missing required field{'s' if len(fields) > 1 else ''} {names}"
                owner = value_at(doc.data, path)
                has_variants = isinstance(owner, dict) and "variants" in owner
                hint = "set it on the creative, or on every variant" if has_variants else None
                best.setdefault((path, True), (1, message, hint))
        found = []
        for (path, at_key), (_, message, hint) in best.items():
            line, col = doc.locate(path, key=at_key)
            found.append(Diagnostic(doc.file, line, col, format_path(path), message, hint))
        return sorted(found)

    def _describe(
        self,
        error: ValidationError,
        missing: dict[DocPath, list[str]],
        suggested: set[tuple[DocPath, str]],
    ) -> Iterable[tuple[DocPath, bool, str, str | None]]:
        path: DocPath = tuple(error.absolute_path)
        keyword, arg, value = str(error.validator), error.validator_value, error.instance
        if "propertyNames" in error.absolute_schema_path:
            message, hint = _pattern_message(arg, value) if keyword == "pattern" else (None, None)
            yield (*path, value), True, message or f"{_show(value)} is not a valid key", hint
        elif keyword == "additionalProperties":
            role, kind = self._roles.get(id(error.schema), ("", None))
            allowed = sorted(error.schema.get("properties", {}))
            for field in value:
                if field not in allowed:
                    message, hint = self._unknown(role, kind, field, allowed)
                    if hint and hint.startswith("did you mean"):
                        suggested.add((path, hint.split('"')[1]))
                    yield (*path, field), True, message, hint
        elif keyword == "required":
            missing.setdefault(path, []).extend(f for f in arg if f not in value)
        elif keyword == "anyOf" and set(arg[0]) == {"required"}:
            missing.setdefault(path, []).extend(arg[0]["required"])
        elif keyword == "not" and set(arg.get("required", ())) == EXPANSION_FIELDS:
            message = "a creative has either matrix or variants, not both"
            yield (*path, "variants"), True, message, "move the matrix values into variants"
        else:
            yield path, keyword in ("minProperties",), *self._value_message(error, path)

    def _value_message(self, error: ValidationError, path: DocPath) -> tuple[str, str | None]:
        keyword, arg, value = str(error.validator), error.validator_value, error.instance
        got = _show(value)
        if keyword == "type":
            wanted = [arg] if isinstance(arg, str) else list(arg)
            return (
                f"expected {' or '.join(_TYPE_NAMES[t] for t in wanted)}, got {got}",
                _type_hint(wanted, value),
            )
        if keyword == "enum":
            if path[-1:] == ("type",) and isinstance(value, str):
                close = difflib.get_close_matches(value, arg, n=1, cutoff=0.6)
                hint = f'did you mean "{close[0]}"?' if close else f"expected one of {_list(arg)}"
                return f'unknown type "{value}"', hint
            return f"expected one of {_list(arg)}, got {got}", _did_you_mean(value, arg)
        if keyword == "const":
            if path == ("version",):
                return f"unsupported version {json.dumps(value)}", f"this tool reads version {arg}"
            return f"expected {json.dumps(arg)}, got {got}", None
        if keyword in ("minimum", "maximum"):
            low, high = error.schema.get("minimum"), error.schema.get("maximum")
            if low is not None and high is not None:
                return f"must be between {low} and {high}, got {value}", None
            side = "at least" if keyword == "minimum" else "at most"
            return f"must be {side} {arg}, got {value}", None
        if keyword == "pattern":
            explained, why = _pattern_message(arg, value)
            return explained or f"does not match {arg}, got {got}", why
        if keyword in ("minItems", "minProperties") and arg == 1:
            return "must not be empty", None
        if keyword == "uniqueItems":
            twice = next(v for i, v in enumerate(value) if v in value[:i])
            return f"lists {json.dumps(twice, ensure_ascii=False)} twice", "remove the repeat"
        return f"is not valid here ({keyword}: {json.dumps(arg)[:60]})", None

    def _unknown(
        self, role: str, kind: str | None, field: str, allowed: list[str]
    ) -> tuple[str, str | None]:
        if field == "idempotency_key":
            return (
                f'"{field}" does not belong in a manifest',
                "creatives derives idempotency keys itself",
            )
        owners = self.owners(field)
        if role == "defaults" and field in IDENTITY_FIELDS:
            return f'"{field}" cannot be a default', "set it on each creative"
        if role == "matrix" and field == "type":
            return '"type" cannot be a matrix axis', "declare one creative per type"
        if role == "matrix" and field in self.spec_fields.get(kind or "", ()):
            return f'"{field}" cannot be a matrix axis', "only single values vary; use variants"
        if role == "variant" and field in ("type", *EXPANSION_FIELDS):
            return f'a variant cannot set "{field}"', "declare another creative instead"
        if role in ("creative", "variant") and owners:
            return f'"{field}" is not a field of {kind}', f"it belongs to {', '.join(owners)}"
        what = "matrix axis" if role == "matrix" else "field"
        return f'unknown {what} "{field}"', _did_you_mean(field, allowed)


@cache
def manifest_schema() -> ManifestSchema:
    """The shipped manifest schema, compiled once per process."""
    return ManifestSchema(load_schema(MANIFEST_SCHEMA), shipped_check(MANIFEST_SCHEMA))


def validate(document: Document) -> list[Diagnostic]:
    """Shape problems of one parsed manifest file (empty when it is valid)."""
    return manifest_schema().validate(document)


def _show(value: Any) -> str:
    """How a value is quoted in a message: `a string "8"`, `an integer 8`, `null`."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return "a string " + (text if len(text) <= 42 else text[:40] + '…"')
    if isinstance(value, bool):
        return f"a boolean {json.dumps(value)}"
    if isinstance(value, int):
        return f"an integer {value}"
    if isinstance(value, float):
        return f"a number {value:g}"
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else "null"


def _type_hint(wanted: list[str], value: Any) -> str | None:
    if value is None:
        return "write a value, or remove the key"
    numeric = {"integer", "number", "boolean"} & set(wanted)
    if isinstance(value, str) and numeric:
        try:
            json.loads(value)
        except ValueError:
            return None
        return "remove the quotes"
    if "string" in wanted and isinstance(value, int | float):
        return f"quote it: '{json.dumps(value)}'"
    return None


def _pattern_message(pattern: str, value: Any) -> tuple[str | None, str | None]:
    entry = _PATTERNS.get(pattern)
    if entry is None:
        return None, None
    text = json.dumps(value, ensure_ascii=False)
    return entry[0].format(got=text), entry[1]


def _did_you_mean(value: Any, choices: Iterable[Any]) -> str | None:
    if not isinstance(value, str):
        return None
    options = [c for c in choices if isinstance(c, str)]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in options}
        close = [lowered[value.lower()]] if value.lower() in lowered else []
    return f'did you mean "{close[0]}"?' if close else None


def _list(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in sorted(values, key=str))
