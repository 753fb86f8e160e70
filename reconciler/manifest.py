"""Find manifest files, load them, and expand defaults, matrix and variants into creatives.

Rules the schema cannot express live here: a default must reach some creative of its file; a
matrix axis may not also be set on its creative; names are unique across all files; and two
creatives may not want the same thing (the same fingerprint).

A creative has either a matrix or variants, never both: each variant is a deliberate, named
creative, and a product of the two would make addresses depend on both at once. Precedence, from
weakest: `defaults`, the creative's own fields, then a matrix combination or a variant's overrides.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reconciler import forked, keys, schema
from reconciler.errors import Diagnostic, ManifestError
from reconciler.forked import ForkedCall
from reconciler.model import Creative, Location, split_address
from reconciler.yamlload import (
    DEFAULT_LIMITS,
    DocPath,
    Document,
    Limits,
    format_path,
    read,
    value_at,
)

DEFAULT_DIR = Path("creatives")
SUFFIXES = (".yaml", ".yml")
#: Creatives one matrix may expand to: beyond this it is a typo, not a campaign.
MAX_MATRIX = 1000
DUPLICATE_HINT = "to want two, raise request_count or set a revision"
#: Below this many bytes of manifests a second process costs more time than it saves.
PARALLEL_BYTES = 256 * 1024


@dataclass(frozen=True)
class Desired:
    """What the manifests ask for: creatives sorted by address, and the files they came from."""

    creatives: tuple[Creative, ...]
    files: tuple[str, ...]
    #: Each shown file name and the path it was read from (a name shown is not always a
    #: path from here: `link/../x.yaml` is shown as `x.yaml`).
    sources: Mapping[str, Path] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """The outcome of checking manifests: what could be expanded, and every problem found."""

    desired: Desired
    diagnostics: tuple[Diagnostic, ...]

    @property
    def valid(self) -> bool:
        return not self.diagnostics


@dataclass(frozen=True)
class _Entry:
    """A creative plus where to point when it clashes with another (a variant's own key)."""

    creative: Creative
    where: Location
    path: DocPath


def load(paths: Sequence[Path], *, root: Path, limits: Limits = DEFAULT_LIMITS) -> Desired:
    """Load and expand the manifests under `paths`; ManifestError carries every problem."""
    report = check(paths, root=root, limits=limits)
    if report.diagnostics:
        raise ManifestError(report.diagnostics)
    return report.desired


def check(paths: Sequence[Path], *, root: Path, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Load every manifest under `paths`, collecting all problems instead of stopping."""
    with start(paths, root=root, limits=limits) as loading:
        return loading.finish()


def start(
    paths: Sequence[Path],
    *,
    root: Path,
    limits: Limits = DEFAULT_LIMITS,
    fork_from: int | None = PARALLEL_BYTES,
    busy: int = 0,
) -> Loading:
    """Find the manifests under `paths` and start loading them; `finish()` gives the report.

    With many manifests, on Linux, a forked child parses part of the files from now on, so
    the caller can do other work (read state) on this core until it calls `finish()`. `busy`
    weighs that work in bytes of manifest: the child takes that much more of the files.
    `fork_from` is the size of manifests from which a child is worth it (None: never).
    """
    files = find(paths or [DEFAULT_DIR], root=root)
    return Loading(files, limits, fork_from=fork_from, busy=busy)


class Loading:
    """Manifests being loaded: part of them perhaps in a child process (see `start`)."""

    def __init__(
        self,
        files: list[tuple[Path, str]],
        limits: Limits,
        *,
        fork_from: int | None = PARALLEL_BYTES,
        busy: int = 0,
    ) -> None:
        self._files = files
        self._limits = limits
        self._split = len(files)
        self._child: ForkedCall[_Checked] | None = None
        if fork_from is not None and len(files) > 1 and forked.available():
            sizes = [_size(path) for path, _ in files]
            if sum(sizes) >= fork_from:
                self._split = _cut(sizes, busy)
                self._child = ForkedCall(partial(_check_files, files[self._split :], limits))
        #: How many of the files a child process was given (0: all are parsed here); after
        #: finish(), how many it really parsed (0 when this process had to do its part).
        self.forked_files = len(files) - self._split

    def finish(self) -> Report:
        entries, diagnostics = _check_files(self._files[: self._split], self._limits)
        if self._split < len(self._files):
            theirs = self._child.result() if self._child is not None else None
            self._child = None
            if theirs is None:  # no child, or it did not finish: do its part here
                self.forked_files = 0
                theirs = _check_files(self._files[self._split :], self._limits)
            entries += theirs[0]
            diagnostics += theirs[1]
        entries = _unique(entries, diagnostics)
        creatives = tuple(sorted((e.creative for e in entries), key=lambda c: c.address))
        shown_files = tuple(shown for _, shown in self._files)
        desired = Desired(creatives, shown_files, {shown: path for path, shown in self._files})
        return Report(desired, tuple(sorted(diagnostics)))

    def __enter__(self) -> Loading:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._child is not None:  # left before finish(): stop the child
            self._child.cancel()
            self._child = None


#: The creatives of some files and the problems found in them.
_Checked = tuple[list["_Entry"], list[Diagnostic]]


def _check_files(files: Sequence[tuple[Path, str]], limits: Limits) -> _Checked:
    diagnostics: list[Diagnostic] = []
    entries: list[_Entry] = []
    for path, shown in files:
        try:
            document = read(path, shown, limits)
        except ManifestError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        problems = schema.validate(document)
        if problems:
            diagnostics.extend(problems)
            continue
        file_entries, problems = _expand(document)
        diagnostics.extend(problems)
        entries.extend(file_entries)
    return entries, diagnostics


class FieldLocator:
    """Where a creative's field got its value: the variant, the matrix value, the creative's
    own line or the file's defaults. Files are parsed again on demand, once each: this is
    for the few creatives a later check (the catalog's) finds a problem in. Anything
    unexpected (the file changed or vanished since) gives None: the creative's line will do.
    """

    def __init__(self, sources: Mapping[str, Path], limits: Limits = DEFAULT_LIMITS) -> None:
        self._sources = sources
        self._limits = limits
        self._documents: dict[str, Document | None] = {}

    def __call__(self, creative: Creative, field: str) -> tuple[Location, str] | None:
        document = self._document(creative.location.file)
        if document is None:
            return None
        name, key = split_address(creative.address)
        body = _mapping(_mapping(_mapping(document.data).get("creatives")).get(name))
        wanted = creative.spec.get(field)
        path: DocPath | None = None
        values = _mapping(body.get("matrix")).get(field)
        if key is not None and field in _mapping(_mapping(body.get("variants")).get(key)):
            path = ("creatives", name, "variants", key, field)
        elif key is not None and isinstance(values, list):
            index = next((i for i, v in enumerate(values) if _copy(v) == wanted), None)
            path = None if index is None else ("creatives", name, "matrix", field, index)
        elif field in body:
            path = ("creatives", name, field)
        elif field in _mapping(_mapping(document.data).get("defaults")):
            path = ("defaults", field)
        if path is None or (path[-1] == field and _copy(value_at(document.data, path)) != wanted):
            return None  # not found, or the file says something else now (a matrix value
            # was matched by value above)
        line, col = document.locate(path)
        return Location(document.file, line, col), format_path(path)

    def _document(self, shown: str) -> Document | None:
        if shown not in self._documents:
            path = self._sources.get(shown)
            try:
                found = read(path, shown, self._limits) if path is not None else None
            except ManifestError:
                found = None
            self._documents[shown] = found
        return self._documents[shown]


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _cut(sizes: Sequence[int], busy: int) -> int:
    """Where to cut the files so that this process's part plus `busy` bytes of other work
    weighs about what the child's part weighs (at least one file each)."""
    target = (sum(sizes) - busy) / 2
    running = 0
    for index, size in enumerate(sizes):
        if running + size / 2 >= target:
            return max(1, min(index, len(sizes) - 1))
        running += size
    return len(sizes) - 1


def find(paths: Iterable[Path], *, root: Path) -> list[tuple[Path, str]]:
    """Manifest files under `paths` as (path, shown name), sorted by shown name.

    A file is taken as given; a directory is searched recursively for `*.yaml` and `*.yml`,
    skipping hidden files and directories. Shown names are posix paths relative to `root`
    when the file is under it.
    """
    found: dict[str, Path] = {}
    for given in paths:
        if given.is_file():
            found.setdefault(_shown(given, root), given)
        elif given.is_dir():
            matches = list(_walk(given))
            if not matches:
                raise ManifestError(
                    [], message=f"No manifests (*.yaml, *.yml) found in {_shown(given, root)}/."
                )
            for match in matches:
                found.setdefault(_shown(match, root), match)
        else:
            hint = "Pass the directory of your manifests, e.g. `creatives validate examples/`."
            raise ManifestError(
                [], message=f"No such file or directory: {_shown(given, root)}\n{hint}"
            )
    return [(found[shown], shown) for shown in sorted(found)]


def _walk(directory: Path) -> Iterator[Path]:
    for current, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield Path(current, name)


def _shown(path: Path, root: Path) -> str:
    # normpath, not resolve(): a symlinked file keeps the name it is known by.
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(os.path.normpath(root.absolute())).as_posix()
    except ValueError:
        return path.as_posix()


def _expand(document: Document) -> tuple[list[_Entry], list[Diagnostic]]:
    """The creatives of one schema-valid document, and the problems the schema cannot see."""
    shape = schema.manifest_schema()
    data: Mapping[str, Any] = document.data
    defaults: Mapping[str, Any] = data.get("defaults", {})
    creatives: Mapping[str, Mapping[str, Any]] = data["creatives"]
    problems: list[Diagnostic] = []

    def problem(path: tuple[str, ...], message: str, hint: str | None = None) -> None:
        line, col = document.locate(path, key=True)
        problems.append(Diagnostic(document.file, line, col, format_path(path), message, hint))

    types = {body["type"] for body in creatives.values()}
    for name in defaults:
        owners = shape.owners(name)
        if creatives and (name in ("request_count", "labels") or types & set(owners)):
            continue
        hint = f"{name} is a field of {', '.join(owners)}" if owners else None
        problem(("defaults", name), f'default "{name}" reaches no creative in this file', hint)

    entries: list[_Entry] = []
    for name, body in creatives.items():
        line, col = document.locate(("creatives", name), key=True)
        location = Location(document.file, line, col)
        base = _Base.build(body, defaults, shape.spec_fields[body["type"]])
        for axis in body.get("matrix", {}):
            if axis in body:
                message = f'"{axis}" is set on the creative and is also a matrix axis'
                problem(("creatives", name, "matrix", axis), message, "remove one of them")
        if "matrix" in body:
            combos = math.prod(len(values) for values in body["matrix"].values())
            if combos > MAX_MATRIX:
                message = f"the matrix expands to {combos:,} creatives (at most {MAX_MATRIX:,})"
                problem(("creatives", name, "matrix"), message, "split it into several creatives")
                continue
        path: tuple[str, ...]
        for key, overrides in _expansions(body):
            # Matrix values are unique per axis (the schema says so), so keys are unique too.
            address = f"{name}[{key}]" if key is not None else name
            where, path = location, ("creatives", name)
            if "variants" in body and key is not None:
                path = ("creatives", name, "variants", key)
                where = Location(document.file, *document.locate(path, key=True))
            creative = base.creative(address, overrides, location)
            entries.append(_Entry(creative, where, path))
    return entries, problems


def _expansions(body: Mapping[str, Any]) -> Iterator[tuple[str | None, Mapping[str, Any]]]:
    """(key, overrides) per creative an entry stands for: `9:16,high` for a matrix row."""
    matrix: Mapping[str, list[Any]] | None = body.get("matrix")
    variants: Mapping[str, Mapping[str, Any]] | None = body.get("variants")
    if matrix:
        axes = list(matrix)
        for row in itertools.product(*matrix.values()):
            key = ",".join(v if isinstance(v, str) else keys.canonical_json(v) for v in row)
            yield key, dict(zip(axes, row, strict=True))
    elif variants:
        yield from variants.items()
    else:
        yield None, {}


@dataclass(frozen=True)
class _Base:
    """A creative's own fields with the file's defaults merged, before matrix or variants."""

    spec: Mapping[str, Any]
    fields: frozenset[str]
    request_count: int
    revision: int
    labels: Mapping[str, str]
    description: str | None

    @classmethod
    def build(
        cls, body: Mapping[str, Any], defaults: Mapping[str, Any], fields: frozenset[str]
    ) -> _Base:
        spec = {k: v for k, v in body.items() if k in fields}
        for k, v in defaults.items():
            if k in fields and k not in spec:
                spec[k] = v
        return cls(
            spec=spec,
            fields=fields,
            request_count=int(body.get("request_count", defaults.get("request_count", 1))),
            revision=int(body.get("revision", 0)),
            labels={**defaults.get("labels", {}), **body.get("labels", {})},
            description=body.get("description"),
        )

    def creative(self, address: str, overrides: Mapping[str, Any], location: Location) -> Creative:
        spec = _copy({**self.spec, **{k: v for k, v in overrides.items() if k in self.fields}})
        revision = int(overrides.get("revision", self.revision))
        return Creative(
            address=address,
            spec=spec,
            fingerprint=keys.fingerprint(spec, revision),
            location=location,
            request_count=int(overrides.get("request_count", self.request_count)),
            revision=revision,
            labels={**self.labels, **overrides.get("labels", {})},
            description=overrides.get("description", self.description),
        )


_SCALARS = frozenset({str, int, bool, type(None)})


def _copy(value: Any) -> Any:
    """A fresh copy of JSON-like data: no two specs share a list or a mapping.

    An integral float (`duration: 8.0`) becomes an integer, as canonical JSON has it, so the
    API receives the integer the schema asked for.
    """
    if type(value) in _SCALARS:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else _copy(v) for k, v in value.items()}
    return value


def _unique(entries: list[_Entry], diagnostics: list[Diagnostic]) -> list[_Entry]:
    """Drop (and report) a creative whose name or fingerprint another one already has."""
    names: dict[str, Location] = {}
    prints: dict[str, _Entry] = {}
    kept: list[_Entry] = []
    for entry in sorted(entries, key=lambda e: (e.where.file, e.where.line, e.where.col)):
        creative = entry.creative
        first = names.setdefault(creative.name, creative.location)
        if first != creative.location:
            message = f'creative "{creative.name}" is already defined at {first}'
            hint = "names are unique across all manifest files; rename one"
            diagnostics.append(_at(creative.location, f"creatives.{creative.name}", message, hint))
            continue
        twin = prints.setdefault(creative.fingerprint, entry)
        if twin is not entry:
            message = (
                f'"{creative.address}" is identical to "{twin.creative.address}" at {twin.where}'
            )
            diagnostics.append(_at(entry.where, format_path(entry.path), message, DUPLICATE_HINT))
            continue
        kept.append(entry)
    return kept


def _at(where: Location, path: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(where.file, where.line, where.col, path, message, hint)
