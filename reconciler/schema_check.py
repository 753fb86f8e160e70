"""A fast yes/no check generated from a JSON Schema (jsonschema explains the noes).

The schema is translated once into Python source, one function per subschema that holds
other subschemas, with every keyword written out inline, and compiled with `compile()`
(reconciler.checks writes it out as modules instead). Checking a document is then plain
Python: no closure per keyword, no generator per loop. It says only yes or no; jsonschema
explains the documents it refuses and has the last word, so a stricter answer here costs
time, never correctness. A keyword it does not know is refused when the schema is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """One predicate for `schema`; refuses, at load time, keywords it does not implement."""
    return Generator(schema).build()


def equal(one: Any, two: Any) -> bool:
    """JSON equality: true is not 1, and containers compare item by item."""
    if isinstance(one, bool) or isinstance(two, bool):
        return type(one) is type(two) and one == two
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(equal(one[k], two[k]) for k in one)
    return bool(one == two)


def unique(items: list[Any]) -> bool:
    seen: set[tuple[bool, Any]] = set()
    for item in items:
        if isinstance(item, dict | list):
            return False  # not decided here: jsonschema has the last word
        key = (isinstance(item, bool), item)
        if key in seen:
            return False
        seen.add(key)
    return True


#: One boolean expression per JSON type, over the name `{v}`.
_TYPES = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "number": "(isinstance({v}, int | float) and not isinstance({v}, bool))",
    # as jsonschema has it: 2.0 is an integer, true is not
    "integer": (
        "((isinstance({v}, int) and not isinstance({v}, bool))"
        " or (isinstance({v}, float) and {v}.is_integer()))"
    ),
}
#: Which instances a keyword constrains; it says yes to every other kind.
_GUARDS = {family: _TYPES[family] for family in ("object", "array", "string", "number")}
#: The family a lone `type` already guarantees, so its keywords need no guard.
_SURE = {**{family: family for family in _GUARDS}, "integer": "number"}
_FAMILY = {
    "required": "object",
    "minProperties": "object",
    "properties": "object",
    "additionalProperties": "object",
    "propertyNames": "object",
    "unevaluatedProperties": "object",
    "items": "array",
    "minItems": "array",
    "uniqueItems": "array",
    "pattern": "string",
    "minLength": "string",
    "maxLength": "string",
    "minimum": "number",
    "maximum": "number",
}
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "format"}
)
#: Keywords whose argument is itself a subschema (or subschemas): these get a function.
_NESTING = frozenset(
    {"properties", "additionalProperties", "propertyNames", "items", "allOf", "anyOf", "not"}
)
_FAIL = "return False"


class Generator:
    """Writes the source of the check: one function per schema that holds subschemas."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self._root = root
        self._names: dict[int, str] = {}  # id(schema) -> function name
        self.functions: list[str] = []
        self.constants: dict[str, Any] = {}
        self._counter = 0

    def write(self) -> str:
        """Generate every function; the name of the one that checks the whole schema."""
        return self._function(self._root)

    def build(self) -> Check:
        entry = self.write()
        namespace: dict[str, Any] = {"re": re, "_equal": equal, "_unique": unique}
        namespace.update(self.constants)
        source = "\n\n".join(self.functions)
        exec(compile(source, "<schema_check>", "exec"), namespace)  # noqa: S102 - our own source
        check: Check = namespace[entry]
        return check

    def _fresh(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}{self._counter}"

    def _constant(self, value: Any) -> str:
        name = self._fresh("_c")
        self.constants[name] = value
        return name

    def _function(self, schema: Any) -> str:
        """The name of the function checking `schema`, written once per schema object."""
        if id(schema) in self._names:
            return self._names[id(schema)]
        if isinstance(schema, Mapping) and schema.keys() - _ANNOTATIONS == {"$ref"}:
            name = self._function(self._target(schema["$ref"]))
            self._names[id(schema)] = name
            return name
        name = self._fresh("_check")
        self._names[id(schema)] = name  # before the body: a recursive $ref finds it
        body = self._block(schema, "v", 1)
        header = f"def {name}(v: Any) -> bool:"
        self.functions.append("\n".join([header, *body, "    return True"]))
        return name

    def _call(self, schema: Any, var: str) -> str:
        """An expression: whether `var` is valid against `schema`."""
        if schema is True or schema == {}:
            return "True"
        if schema is False:
            return "False"
        return f"{self._function(schema)}({var})"

    def _nested(self, schema: Any, var: str, depth: int) -> list[str]:
        """Statements failing unless `var` matches `schema`: inline when it is flat."""
        pad = "    " * depth
        if isinstance(schema, bool):
            return [] if schema else [pad + _FAIL]
        if not self._flat(schema):
            return [f"{pad}if not {self._call(schema, var)}:", f"{pad}    {_FAIL}"]
        return self._block(schema, var, depth)

    def _flat(self, schema: Any, refs: frozenset[str] = frozenset()) -> bool:
        """Whether `schema` checks one value with no subschema of its own: it is inlined,
        `$ref`s to flat schemas included (a field such as `prompt` costs no call)."""
        if isinstance(schema, bool):
            return True
        if any(k in _NESTING or k == "if" for k in schema):
            return False
        ref = schema.get("$ref")
        return ref is None or (ref not in refs and self._flat(self._target(ref), refs | {ref}))

    def _block(self, schema: Any, var: str, depth: int) -> list[str]:
        """Statements that return False unless `var` matches `schema`, at `depth`."""
        pad = "    " * depth
        if isinstance(schema, bool):
            return [] if schema else [pad + _FAIL]
        lines: list[str] = []
        guarded: dict[str, list[str]] = {}
        # After `type: object` fails, only objects get further: their keywords need no guard.
        sure = _SURE.get(schema["type"]) if isinstance(schema.get("type"), str) else None
        # `type` first: the keywords it guards must never see another kind of value.
        for keyword, arg in sorted(schema.items(), key=lambda item: item[0] != "type"):
            if keyword in _ANNOTATIONS or keyword in ("then", "else"):
                continue
            family = _FAMILY.get(keyword)
            if family is None or family == sure:
                lines += self._keyword(keyword, arg, schema, var, depth)
            else:
                inner = guarded.setdefault(family, [])
                inner += self._keyword(keyword, arg, schema, var, depth + 1)
        for family, inner in guarded.items():
            if inner:
                lines += [f"{pad}if {_GUARDS[family].format(v=var)}:", *inner]
        return lines

    def _keyword(
        self, keyword: str, arg: Any, schema: Mapping[str, Any], v: str, depth: int
    ) -> list[str]:
        pad = "    " * depth

        def fail_if(condition: str) -> list[str]:
            return [f"{pad}if {condition}:", f"{pad}    {_FAIL}"]

        if keyword == "$ref":
            target = self._target(arg)
            if self._flat(target, frozenset({arg})):
                return self._block(target, v, depth)
            return fail_if(f"not {self._function(target)}({v})")
        if keyword == "type":
            types = [arg] if isinstance(arg, str) else list(arg)
            return fail_if("not (" + " or ".join(_TYPES[t].format(v=v) for t in types) + ")")
        if keyword == "enum":
            if all(isinstance(option, str) for option in arg):
                options = self._constant(frozenset(arg))
                return fail_if(f"not (isinstance({v}, str) and {v} in {options})")
            options = self._constant(tuple(arg))
            return fail_if(f"not any(_equal({v}, o) for o in {options})")
        if keyword == "const":
            if isinstance(arg, str):  # `type: static_ad`, checked four times per creative
                return fail_if(f"not (isinstance({v}, str) and {v} == {arg!r})")
            return fail_if(f"not _equal({v}, {self._constant(arg)})")
        if keyword == "pattern":
            return fail_if(f"{self._constant(re.compile(arg))}.search({v}) is None")
        if keyword in ("minimum", "maximum"):
            return fail_if(f"{v} {'<' if keyword == 'minimum' else '>'} {arg!r}")
        if keyword in ("minLength", "maxLength", "minItems", "minProperties"):
            return fail_if(f"len({v}) {'>' if keyword == 'maxLength' else '<'} {int(arg)}")
        if keyword == "uniqueItems":
            return fail_if(f"not _unique({v})") if arg else []
        if keyword == "required":
            return fail_if(f"not {v}.keys() >= {self._constant(frozenset(arg))}")
        if keyword == "unevaluatedProperties" and arg is False:
            # Only the form the state schema uses: properties declared here or behind `$ref`.
            return fail_if(
                f"not {v}.keys() <= {self._constant(frozenset(self._declared(schema)))}"
            )
        if keyword == "properties":
            return self._properties(arg, schema.get("additionalProperties", True), v, depth)
        if keyword == "additionalProperties":
            if "properties" in schema:
                return []  # checked with `properties`
            return self._properties({}, arg, v, depth)
        if keyword in ("propertyNames", "items"):
            each = self._fresh("k" if keyword == "propertyNames" else "i")
            body = self._nested(arg, each, depth + 1)
            return [f"{pad}for {each} in {v}:", *body] if body else []
        if keyword == "allOf":
            return [line for sub in arg for line in self._nested(sub, v, depth)]
        if keyword == "anyOf":
            return fail_if("not (" + " or ".join(self._call(sub, v) for sub in arg) + ")")
        if keyword == "not":
            return fail_if(self._call(arg, v))
        if keyword == "if":
            then = self._nested(schema.get("then", True), v, depth + 1) or [f"{pad}    pass"]
            other = self._nested(schema.get("else", True), v, depth + 1) or [f"{pad}    pass"]
            return [f"{pad}if {self._call(arg, v)}:", *then, f"{pad}else:", *other]
        raise ValueError(f"the schema uses {keyword!r}, which schema_check cannot compile")

    def _properties(
        self, declared: Mapping[str, Any], extra: Any, v: str, depth: int
    ) -> list[str]:
        """Declared properties one lookup each; the others against `extra`."""
        pad = "    " * depth
        lines: list[str] = []
        for name, sub in declared.items():
            item = self._fresh("p")
            body = self._nested(sub, item, depth + 1)
            if body:
                lines += [f"{pad}if {name!r} in {v}:", f"{pad}    {item} = {v}[{name!r}]", *body]
        if extra is True or extra == {}:
            return lines
        known = self._constant(frozenset(declared)) if declared or extra is False else ""
        if extra is False:
            return [*lines, f"{pad}if not {v}.keys() <= {known}:", f"{pad}    {_FAIL}"]
        key, item = self._fresh("k"), self._fresh("p")
        # Undeclared keys only: one level deeper when declared ones must be skipped.
        skip = [f"{pad}    if {key} not in {known}:"] if declared else []
        body = self._nested(extra, item, depth + 1 + len(skip))
        return [*lines, f"{pad}for {key}, {item} in {v}.items():", *skip, *body] if body else lines

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
