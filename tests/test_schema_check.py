"""The generated schema check: it agrees with jsonschema, keyword by keyword, and the modules
generated for the shipped schemas are what the generator writes today."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from reconciler import checks
from reconciler.checks import generated_check, module_source, shipped_check
from reconciler.schema_check import compile_schema
from reconciler.schemas import load_schema

CHECKS = Path(checks.__file__).parent

# (schema, instances): every instance is checked by both and the answers must agree.
CASES: list[tuple[dict[str, Any], list[Any]]] = [
    ({"type": "integer"}, [1, 2.0, 2.5, True, "1", None, -3]),
    ({"type": "number", "minimum": 0, "maximum": 10}, [0, 10, 10.5, -1, True, "5", 3.3]),
    ({"type": ["string", "null"], "minLength": 2}, ["ab", "a", None, 3, ""]),
    ({"maxLength": 3}, ["abc", "abcd", 12345, None]),
    ({"enum": ["a", "b"]}, ["a", "c", 1, None]),
    ({"enum": [1, True, None, [1]]}, [1, 1.0, True, False, None, [1], [True], "1"]),
    ({"const": "x"}, ["x", "y", 1]),
    ({"const": 1}, [1, 1.0, True, "1"]),
    ({"const": {"a": [1]}}, [{"a": [1]}, {"a": [True]}, {"a": [1], "b": 2}]),
    ({"pattern": "^a+$"}, ["aaa", "ab", 5, None]),
    ({"type": "array", "minItems": 2, "uniqueItems": True}, [[1, 2], [1, 1], [1], [1, True]]),
    ({"items": {"type": "string", "pattern": "x"}}, [["x", "ax"], ["y"], [], "x", [1]]),
    ({"minProperties": 1, "required": ["a"]}, [{"a": 1}, {}, {"b": 1}, [], "a"]),
    (
        {
            "type": "object",
            "properties": {"a": {"type": "integer"}, "b": True},
            "additionalProperties": False,
        },
        [{"a": 1}, {"a": "1"}, {"c": 1}, {"b": [1]}, {}, [1]],
    ),
    (
        {"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}},
        [{"a": "x", "b": 1}, {"a": "x", "b": "y"}, {"b": 2}, {"a": 1}, 7],
    ),
    ({"additionalProperties": {"enum": [1, 2]}}, [{"x": 1}, {"x": 3}, {}, "s"]),
    ({"propertyNames": {"pattern": "^[a-z]+$"}}, [{"ab": 1}, {"Ab": 1}, {}, []]),
    ({"allOf": [{"type": "string"}, {"minLength": 2}]}, ["ab", "a", 2]),
    ({"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 5}]}, ["a", 5, 4, None]),
    ({"not": {"type": "string"}}, ["a", 1, None]),
    (
        {
            "if": {"properties": {"kind": {"const": "a"}}},
            "then": {"required": ["x"]},
            "else": {"required": ["y"]},
        },
        [{"kind": "a", "x": 1}, {"kind": "a", "y": 1}, {"kind": "b", "y": 1}, {"kind": "b"}],
    ),
    ({"if": {"type": "string"}, "then": {"minLength": 2}}, ["ab", "a", 1]),
    (
        {
            "$defs": {
                "name": {"type": "string", "minLength": 1},
                "tree": {
                    "type": "object",
                    "properties": {
                        "name": {"$ref": "#/$defs/name"},
                        "kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}},
                    },
                    "additionalProperties": False,
                },
            },
            "$ref": "#/$defs/tree",
        },
        [
            {"name": "a", "kids": [{"name": "b", "kids": []}]},
            {"name": "a", "kids": [{"name": ""}]},
            {"name": "a", "kids": [{"other": 1}]},
            {"kids": "no"},
        ],
    ),
    (
        {
            "$defs": {"base": {"properties": {"a": {"type": "integer"}}, "required": ["a"]}},
            "$ref": "#/$defs/base",
            "properties": {"b": {"type": "string"}},
            "unevaluatedProperties": False,
        },
        [{"a": 1}, {"a": 1, "b": "x"}, {"a": 1, "c": 1}, {"b": "x"}, {"a": "1"}],
    ),
    (False, [1, None]),
    (True, [1, None]),
]


@pytest.mark.parametrize(("schema", "instances"), CASES)
def test_the_check_agrees_with_jsonschema_on_every_keyword(
    schema: Any, instances: list[Any]
) -> None:
    # A boolean schema is checked as a subschema, where one can stand.
    check = compile_schema(schema if isinstance(schema, dict) else {"allOf": [schema]})
    validator = Draft202012Validator(schema)
    for instance in instances:
        assert check(instance) == validator.is_valid(instance), instance


def test_a_keyword_it_cannot_compile_is_refused_when_the_schema_loads() -> None:
    with pytest.raises(ValueError, match="'patternProperties', which schema_check cannot"):
        compile_schema({"patternProperties": {"^a": {"type": "string"}}})
    with pytest.raises(ValueError, match="only local references"):
        compile_schema({"$ref": "https://example.com/schema.json"})


def test_deeply_nested_schemas_compile() -> None:
    # Python refuses more than 20 nested blocks in one function: nesting opens new functions.
    schema: dict[str, Any] = {"type": "string"}
    instance: Any = "leaf"
    for _ in range(40):
        schema = {"type": "object", "properties": {"a": schema}, "required": ["a"]}
        instance = {"a": instance}
    check = compile_schema(schema)
    assert check(instance)
    assert not check({"a": {"a": 1}})


@pytest.mark.parametrize("name", checks.SHIPPED)
def test_the_generated_modules_are_up_to_date(name: str) -> None:
    path = CHECKS / f"{name.split('.')[0]}.py"
    assert path.read_text(encoding="utf-8") == module_source(name), (
        f"{path} is out of date: run `python -m reconciler.checks`"
    )


@pytest.mark.parametrize("name", checks.SHIPPED)
def test_shipped_schemas_use_their_generated_module(name: str) -> None:
    module = f"reconciler.checks.{name.split('.')[0]}"
    assert shipped_check(name).__module__ == module
    changed = copy.deepcopy(load_schema(name))
    changed["description"] = "edited without regenerating"
    assert generated_check(changed, module) is None
    assert generated_check(load_schema(name), "reconciler.checks.absent") is None


@pytest.mark.parametrize("name", checks.SHIPPED)
def test_every_constant_of_a_generated_module_is_used(name: str) -> None:
    source = module_source(name)
    constants = re.findall(r"^(_c\d+) = ", source, flags=re.MULTILINE)
    assert constants
    unused = [c for c in constants if len(re.findall(rf"\b{c}\b", source)) < 2]
    assert unused == []
