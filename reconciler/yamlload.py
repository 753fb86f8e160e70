"""Safe YAML loading: YAML 1.2 scalars, bounded size and aliases, a line:col for every node."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reconciler.errors import Diagnostic, ManifestError

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - without libyaml: same semantics, slower
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: A path inside a document: mapping keys and list indexes, from the root.
DocPath = tuple[str | int, ...]
#: 1-based line and column.
Position = tuple[int, int]

_CORE = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _CORE + "str", _CORE + "seq", _CORE + "map"
#: Our own tag for untagged plain scalars: `_plain_scalar` types them the YAML 1.2 way.
_PLAIN = "tag:videotok-reconciler,2024:plain"
_EXPLICIT_SCALARS = frozenset(_CORE + t for t in ("int", "float", "bool", "null"))

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# Plain scalars that YAML 1.1 (PyYAML, many tools) and YAML 1.2 read differently, so nobody can
# tell what the author meant: refused, with a hint to quote them.
_YAML11_BOOLS = frozenset({"y", "yes", "n", "no", "on", "off"})
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_YAML11_NUMBER = re.compile(
    r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?)"
)
#: First characters of every plain scalar that may not be text: everything else is a fast path.
_TYPED_STARTS = frozenset("0123456789+-.~nNtTfFyYoO")
# YAML's printable set; anything else (NUL, other C0 controls, DEL...) means a binary file.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_IDENTIFIER = re.compile(r"[A-Za-z0-9_-]+")
_TAG_HINT = "manifests hold plain data: text, numbers, true/false, lists and mappings"
_UTF8_HINT = "save it as UTF-8"


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or broken file from costing more than a moment."""

    max_bytes: int = 1 << 20
    #: Nodes produced by expanding aliases, in total per file (a billion laughs stops here).
    max_alias_nodes: int = 10_000
    max_depth: int = 64


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Document:
    """One parsed file: JSON-like data, and its node tree as the source map of every value."""

    file: str
    data: Any
    root: Node = field(repr=False, compare=False)
    _entries: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def locate(self, path: DocPath, *, key: bool = False) -> Position:
        """Line and column of the value at `path` (of its key, with `key`).

        A path that does not exist resolves to its nearest existing ancestor, so a diagnostic
        about a missing field points at the mapping that lacks it.
        """
        node, key_node = self.root, None
        for part in path:
            entry: tuple[Node | None, Node] | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                entry = self._mapping_entries(node).get(part)
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                entry = (None, node.value[part]) if 0 <= part < len(node.value) else None
            if entry is None:
                break
            key_node, node = entry
        return _position(key_node if key and key_node is not None else node)

    def _mapping_entries(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        entries = self._entries.get(id(node))
        if entries is None:
            entries = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    entries.setdefault(key_node.value, (key_node, value_node))
            self._entries[id(node)] = entries
        return entries


def value_at(data: Any, path: DocPath) -> Any:
    """The value at `path` in parsed data (the path must exist)."""
    for part in path:
        data = data[part]
    return data


def format_path(path: DocPath) -> str:
    """`("creatives", "hero", "labels", "a b", 0)` -> `creatives.hero.labels["a b"][0]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _IDENTIFIER.fullmatch(part):
            text += f".{part}" if text else part
        else:
            text += '["' + part.replace("\\", "\\\\").replace('"', '\\"') + '"]'
    return text


def read(path: Path, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read and parse one manifest file, shown as `file`; ManifestError lists its problems."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _file_error(file, f"cannot read the file: {reason}") from exc
    if len(data) > limits.max_bytes:
        mib, rest = divmod(limits.max_bytes, 1 << 20)
        size = f"{mib} MiB" if mib and not rest else f"{limits.max_bytes:,} bytes"
        message = f"file is larger than {size}, the limit for a manifest"
        raise _file_error(file, message, "split it into several files")
    return parse(data, file, limits)


def parse(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse manifest bytes; raise ManifestError with every problem found in them."""
    text = _decode(data, file)
    loader = _Loader(text)
    try:
        root: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    except yaml.YAMLError as exc:
        raise _file_error(file, f"invalid YAML: {exc}") from None
    except RecursionError:  # the pure-Python parser, without libyaml's depth limit
        raise _file_error(file, "the document is nested too deeply") from None
    finally:
        loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and root.tag == _PLAIN and not root.value):
        raise _file_error(file, "file is empty; a manifest needs `creatives:`")
    builder = _Builder(file, limits)
    try:
        value = builder.build(root, None, 0, False)
    except _Abort as abort:
        builder.diagnostics.append(abort.diagnostic)
    if builder.diagnostics:
        raise ManifestError(builder.diagnostics)
    return Document(file, value, root)


class _Loader(_BaseLoader):
    """Composes nodes only; untagged plain scalars get `_PLAIN` and `_Builder` types them.

    Overriding `resolve` in a subclass keeps PyYAML's global resolver tables untouched.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


def _position(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _file_error(
    file: str, message: str, hint: str | None = None, where: Position = (1, 1)
) -> ManifestError:
    return ManifestError([Diagnostic(file, where[0], where[1], "", message, hint)])


def _decode(data: bytes, file: str) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _file_error(file, "file is UTF-32 encoded; manifests are UTF-8", _UTF8_HINT)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _file_error(file, "file is UTF-16 encoded; manifests are UTF-8", _UTF8_HINT)
    data = data.removeprefix(codecs.BOM_UTF8)
    if data[:2].count(0) == 1 and data[2:4].count(0) == 1:
        raise _file_error(file, "file looks UTF-16 encoded; manifests are UTF-8", _UTF8_HINT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        where = (data.count(b"\n", 0, exc.start) + 1, column)
        message = f"file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)"
        raise _file_error(file, message, _UTF8_HINT, where) from None
    bad = _NON_PRINTABLE.search(text)
    if bad:
        offset = bad.start()
        where = (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))
        message = f"control character U+{ord(bad.group()):04X} is not allowed in YAML"
        raise _file_error(file, message, "is this a binary file? remove the character", where)
    return text


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> ManifestError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem, context = exc.problem or "", exc.context or ""
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    hint: str | None = "check the indentation and quoting here"
    if "\t" in indent:
        message, hint = "a tab indents this line; YAML indents with spaces", "use spaces"
        col = indent.index("\t") + 1
    elif "mapping values are not allowed" in problem:
        message, hint = 'unexpected ":" (a plain value cannot contain ": ")', "quote the value"
    elif "single document" in problem + context:
        message = "a second YAML document starts here; a manifest file holds one"
        hint = "remove the `---` line or split the file"
    elif "undefined alias" in problem:
        alias = re.match(r"\*?[^\s,\[\]{}]*", current[col - 1 :])
        message = f"unknown alias {alias.group() if alias else ''}".rstrip()
        hint = "define the anchor (&name) before the alias (*name)"
    elif "maximum nesting depth" in problem + context:
        message, hint = "the document is nested too deeply", None
    else:
        message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    return _file_error(file, message, hint, (line, col))


def _quote_hint(value: str, alternative: str = "") -> str:
    return "quote it: '" + value.replace("'", "''") + "'" + alternative


# Cached: the same few keys and values (`type`, `true`, `1`, `9:16`...) recur in every
# creative, and typing one takes several regular expressions.
@lru_cache(maxsize=4096)
def _plain_scalar(value: str) -> tuple[Any, str | None, str | None]:
    """Type a plain scalar as YAML 1.2's core schema does: (value, problem, hint)."""
    if not value or value[0] not in _TYPED_STARTS:
        return (value or None), None, None
    if value in _NULLS:
        return None, None, None
    if value in _BOOLS:
        return _BOOLS[value], None, None
    if value.lower() in _YAML11_BOOLS:
        problem = f'"{value}" is ambiguous: a boolean in YAML 1.1, text in YAML 1.2'
        return value, problem, _quote_hint(value, ", or write true or false")
    if _LEADING_ZERO.fullmatch(value):
        problem = f'"{value}" is ambiguous: octal in YAML 1.1, decimal in YAML 1.2'
        return value, problem, _quote_hint(value, ", or write the number without leading zeros")
    if _INT.fullmatch(value):
        return int(value), None, None
    if _OCT.fullmatch(value):
        return int(value[2:], 8), None, None
    if _HEX.fullmatch(value):
        return int(value[2:], 16), None, None
    if _FLOAT.fullmatch(value):
        return float(value), None, None
    if _NOT_FINITE.fullmatch(value):
        return (
            value,
            f'"{value}" is not a finite number, which JSON cannot hold',
            _quote_hint(value),
        )
    if _YAML11_NUMBER.fullmatch(value):
        problem = f'"{value}" is ambiguous: a number in YAML 1.1, text in YAML 1.2'
        return value, problem, _quote_hint(value, ", or write the number with digits only")
    # The rest is text in YAML 1.2, dates and `9:16` included (YAML 1.1 reads `1:30` as 90): an
    # aspect ratio written without quotes means what it says.
    return value, None, None


def _explicit_scalar(tag: str, value: str) -> tuple[Any, str | None]:
    """`!!int 5`, `!!bool true`...: the YAML 1.2 reading of the text must have that type."""
    kind = tag[len(_CORE) :]
    typed, problem, _ = _plain_scalar(value)
    fits = problem is None and (
        (kind == "null" and typed is None)
        or (kind == "bool" and isinstance(typed, bool))
        or (kind == "int" and type(typed) is int)
        or (kind == "float" and type(typed) in (int, float))
    )
    if not fits:
        return value, f'"{value}" is not a valid !!{kind}'
    return (float(typed) if kind == "float" else typed), None


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


#: The path while walking, as (parent, key) cells: no tuple is copied per node.
_Trail = tuple[Any, str | int] | None


def _unwind(trail: _Trail) -> str:
    parts: list[str | int] = []
    while trail is not None:
        trail, part = trail
        parts.append(part)
    return format_path(tuple(reversed(parts)))


class _Abort(Exception):
    """Stops the walk of one file at a problem that makes the rest meaningless."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _Builder:
    """Walks composed nodes into JSON-like data, typing scalars, collecting every problem."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[int] = set()
        self._open: set[int] = set()
        self._alias_nodes = 0

    def _diagnostic(self, node: Node, trail: _Trail, message: str, hint: str | None) -> Diagnostic:
        line, col = _position(node)
        return Diagnostic(self.file, line, col, _unwind(trail), message, hint)

    def _problem(self, node: Node, trail: _Trail, message: str, hint: str | None) -> None:
        self.diagnostics.append(self._diagnostic(node, trail, message, hint))

    def _count_alias_node(self, node: Node, trail: _Trail) -> None:
        self._alias_nodes += 1
        if self._alias_nodes > self.limits.max_alias_nodes:
            message = f"aliases expand to more than {self.limits.max_alias_nodes:,} nodes"
            hint = "write the values out instead of nesting aliases"
            raise _Abort(self._diagnostic(node, trail, message, hint))

    def build(self, node: Node, trail: _Trail, depth: int, aliased: bool) -> Any:
        if isinstance(node, ScalarNode):
            if aliased:
                self._count_alias_node(node, trail)
            return self._scalar(node, trail)
        ident = id(node)
        if aliased or ident in self._seen:
            # A collection met again is an alias: what a billion laughs multiplies.
            aliased = True
            self._count_alias_node(node, trail)
        else:
            self._seen.add(ident)
        if ident in self._open:
            message = "an alias refers to a node that contains it"
            raise _Abort(self._diagnostic(node, trail, message, None))
        if depth >= self.limits.max_depth:
            message = f"the document is nested more than {depth} levels deep"
            raise _Abort(self._diagnostic(node, trail, message, None))
        if node.tag not in (_SEQ, _MAP):
            self._problem(node, trail, f"tag {_tag_name(node.tag)} is not allowed", _TAG_HINT)
            return None
        self._open.add(ident)
        try:
            if isinstance(node, SequenceNode):
                return [
                    self.build(item, (trail, index), depth + 1, aliased)
                    for index, item in enumerate(node.value)
                ]
            return self._mapping(cast(MappingNode, node), trail, depth, aliased)
        finally:
            self._open.discard(ident)

    def _scalar(self, node: ScalarNode, trail: _Trail) -> Any:
        tag = node.tag
        if tag == _PLAIN:
            value, problem, hint = _plain_scalar(node.value)
            if problem is not None:
                self._problem(node, trail, problem, hint)
            return value
        if tag == _STR:
            return node.value
        if tag in _EXPLICIT_SCALARS:
            value, problem = _explicit_scalar(tag, node.value)
            if problem is not None:
                self._problem(node, trail, problem, "remove the tag or fix the value")
            return value
        self._problem(node, trail, f"tag {_tag_name(tag)} is not allowed", _TAG_HINT)
        return None

    def _mapping(self, node: MappingNode, trail: _Trail, depth: int, aliased: bool) -> Any:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            text = key_node.value
            # Fast path: a plain key starting with a letter is text, as most keys are.
            plain = key_node.tag == _PLAIN and text != "<<"
            if plain and text and text[0] not in _TYPED_STARTS:
                key: str = text
            elif plain and _plain_scalar(text) == (text, None, None):
                key = text  # `type`, `template_slug`: plain text after all
            else:
                typed = self._key(key_node, trail)
                if typed is None:
                    continue
                key = typed
            child = (trail, key)
            if key in result:
                first = next((k for k, _ in node.value if k.value == key), key_node)
                message = f'duplicate key "{key}": already defined on line {_position(first)[0]}'
                self._problem(key_node, child, message, "keep one of them")
            elif isinstance(value_node, ScalarNode) and not aliased:
                value = value_node.value
                if value_node.tag == _PLAIN and value and value[0] not in _TYPED_STARTS:
                    result[key] = value
                else:
                    result[key] = self._scalar(value_node, child)
            else:
                result[key] = self.build(value_node, child, depth + 1, aliased)
        return result

    def _key(self, node: Node, trail: _Trail) -> str | None:
        if not isinstance(node, ScalarNode):
            self._problem(node, trail, "a key must be text, not a list or mapping", None)
            return None
        text = node.value
        key_trail = (trail, text)
        if node.tag == _PLAIN and text == "<<":
            hint = "repeat the fields, or use defaults"
            self._problem(node, key_trail, "merge keys (<<) are YAML 1.1 only", hint)
            return None
        known = len(self.diagnostics)
        key = self._scalar(node, key_trail)
        if len(self.diagnostics) > known:
            return None
        if not isinstance(key, str):
            shown = text or "(empty)"
            self._problem(node, key_trail, f"key {shown} is not text", _quote_hint(text))
            return None
        return key
