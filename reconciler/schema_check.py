"""A fast yes/no check compiled from the manifest schema (jsonschema explains the noes)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """One predicate for `schema`; refuses, at load time, keywords it does not implement."""
    return _Compiler(schema).compile(schema)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPE_TESTS: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    # as jsonschema has it: 2.0 is an integer, true is not
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or v.is_integer()),
}


def _equal(one: Any, two: Any) -> bool:
    if isinstance(one, bool) or isinstance(two, bool):
        return type(one) is type(two) and one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(_equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    return bool(one == two)


def _unique(items: list[Any]) -> bool:
    seen: set[tuple[bool, Any]] = set()
    for item in items:
        if isinstance(item, dict | list):
            return False  # not decided here: jsonschema has the last word
        key = (isinstance(item, bool), item)
        if key in seen:
            return False
        seen.add(key)
    return True


_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "format"}
)


# Loops rather than all(generator): the check runs once per node of every manifest.


def _all_of(checks: list[Check]) -> Check:
    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 - faster than all() over a generator
            if not one(value):
                return False
        return True

    return check


def _each_property(subs: dict[str, Check], extra: Check) -> Check:
    def check(value: Any) -> bool:
        if isinstance(value, dict):
            for key, item in value.items():
                if not subs.get(key, extra)(item):
                    return False
        return True

    return check


def _declared_properties(subs: dict[str, Check]) -> Check:
    def check(value: Any) -> bool:
        if isinstance(value, dict):
            for key, sub in subs.items():
                if key in value and not sub(value[key]):
                    return False
        return True

    return check


class _Compiler:
    """Compiles the subset of JSON Schema the manifest schema uses into one fast predicate.

    It only says yes or no, a few times faster than jsonschema; jsonschema then explains the
    documents it rejects and has the last word, so a stricter answer here costs time, never
    correctness. A keyword it does not know is refused when the schema is loaded.
    """

    def __init__(self, root: Mapping[str, Any]) -> None:
        self._root = root
        self._refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if isinstance(schema, bool):
            return (lambda _: True) if schema else (lambda _: False)
        checks = [
            self._keyword(keyword, arg, schema)
            for keyword, arg in schema.items()
            if keyword not in _ANNOTATIONS and keyword not in ("then", "else")
        ]
        return checks[0] if len(checks) == 1 else _all_of(checks)

    def _keyword(self, keyword: str, arg: Any, schema: Mapping[str, Any]) -> Check:
        if keyword == "$ref":
            return self._ref(arg)
        if keyword == "type":
            tests = [_TYPE_TESTS[t] for t in ([arg] if isinstance(arg, str) else arg)]
            return tests[0] if len(tests) == 1 else lambda v: any(test(v) for test in tests)
        if keyword == "enum":
            if all(isinstance(option, str) for option in arg):
                options = frozenset(arg)
                return lambda v: isinstance(v, str) and v in options
            return lambda v: any(_equal(v, option) for option in arg)
        if keyword == "const":
            return lambda v: _equal(v, arg)
        if keyword == "pattern":
            regex = re.compile(arg)
            return lambda v: not isinstance(v, str) or regex.search(v) is not None
        if keyword in ("minimum", "maximum"):
            low = keyword == "minimum"
            return lambda v: not _is_number(v) or (v >= arg if low else v <= arg)
        if keyword in ("minLength", "maxLength"):
            shortest = keyword == "minLength"
            return lambda v: (
                not isinstance(v, str) or (len(v) >= arg if shortest else len(v) <= arg)
            )
        if keyword == "unevaluatedProperties" and arg is False:
            # Only the form the state schema uses: properties declared here or behind `$ref`.
            known = frozenset(self._declared(schema))
            return lambda v: not isinstance(v, dict) or all(k in known for k in v)
        if keyword == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= arg
        if keyword == "uniqueItems":
            return lambda v: not (arg and isinstance(v, list)) or _unique(v)
        if keyword == "minProperties":
            return lambda v: not isinstance(v, dict) or len(v) >= arg
        if keyword == "required":
            return lambda v: not isinstance(v, dict) or all(k in v for k in arg)
        if keyword == "properties":
            subs = {name: self.compile(sub) for name, sub in arg.items()}
            if "additionalProperties" in schema:
                # One pass over the instance checks declared and additional properties.
                return _each_property(subs, self.compile(schema["additionalProperties"]))
            return _declared_properties(subs)
        if keyword == "additionalProperties":
            if "properties" in schema:
                return lambda _: True  # checked with `properties`
            extra = self.compile(arg)
            return lambda v: not isinstance(v, dict) or all(extra(item) for item in v.values())
        if keyword == "propertyNames":
            names = self.compile(arg)
            return lambda v: not isinstance(v, dict) or all(names(k) for k in v)
        if keyword == "items":
            each = self.compile(arg)
            return lambda v: not isinstance(v, list) or all(each(item) for item in v)
        if keyword == "allOf":
            return _all_of([self.compile(sub) for sub in arg])
        if keyword == "anyOf":
            branches = [self.compile(sub) for sub in arg]
            return lambda v: any(branch(v) for branch in branches)
        if keyword == "not":
            inner = self.compile(arg)
            return lambda v: not inner(v)
        if keyword == "if":
            cond = self.compile(arg)
            then, other = (
                self.compile(schema.get("then", True)),
                self.compile(schema.get("else", True)),
            )
            return lambda v: then(v) if cond(v) else other(v)
        raise ValueError(f"the schema uses {keyword!r}, which schema_check cannot compile")

    def _declared(self, schema: Mapping[str, Any]) -> set[str]:
        names = set(schema.get("properties", {}))
        if "$ref" in schema:
            names |= self._declared(self._target(schema["$ref"]))
        return names

    def _target(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        target: Any = self._root
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return target

    def _ref(self, ref: str) -> Check:
        if ref not in self._refs:
            target = self._target(ref)
            cell: list[Check] = []
            self._refs[ref] = lambda v: cell[0](v)  # a recursive reference meets this one
            cell.append(self.compile(target))
            self._refs[ref] = cell[0]
        return self._refs[ref]
