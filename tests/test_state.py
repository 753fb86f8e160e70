"""The state format: golden round trip, serials, lineage, and one clear error per broken file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from reconciler import keys
from reconciler.errors import StateError
from reconciler.model import Batch, CreativeState, Generation, State
from reconciler.schemas import load_schema
from reconciler.state import (
    FORMAT_VERSION,
    dumps,
    is_address,
    loads,
    new_lineage,
    new_state,
    same_content,
    with_next_serial,
)

GOLDEN = Path(__file__).parent / "data" / "state-v1.json"
LINEAGE = "6f1c0d2e9a8b4c7d8e5f3a2b1c0d9e8f"
SMALL = (
    "{\n"
    '  "creatives": {},\n'
    '  "format_version": 1,\n'
    f'  "lineage": "{LINEAGE}",\n'
    '  "serial": 3\n'
    "}\n"
)
NO_BACKUP_HINT = (
    "Nothing was changed: creatives never overwrites a state it cannot read. "
    "Restore the file from version control."
)


def error_text(text: str, backup: str | None = None) -> str:
    with pytest.raises(StateError) as caught:
        loads(text, source="creatives.state.json", backup=backup)
    return caught.value.render()


# -- golden round trip ------------------------------------------------------------------------


def test_golden_file_round_trips_byte_for_byte() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    assert dumps(loads(text, source=str(GOLDEN))) == text


def test_golden_file_reads_every_field() -> None:
    state = loads(GOLDEN.read_text(encoding="utf-8"), source=str(GOLDEN))
    assert (state.format_version, state.lineage, state.serial) == (FORMAT_VERSION, LINEAGE, 12)
    assert sorted(state.creatives) == ["collagen-hero", "launch[1:1]", "launch[9:16]"]
    hero = state.creatives["collagen-hero"]
    assert hero.revision == 1
    assert hero.source == "creatives/drinks.yaml"
    assert hero.spec["prompt"] == "Premium ad for a collagen drink, café au lait tones."
    assert hero.next_batch_number == 3
    failed = hero.batches[0].generations[1]
    assert failed == Generation(
        id="0b7e2c11-5d2a-4f0e-8a1b-2c3d4e5f6a7b",
        status="failed",
        url=None,
        error={"code": "content_policy", "message": "The prompt was refused."},
        updated_at="2026-01-03T10:01:40Z",
    )
    old = keys.fingerprint(
        {
            "type": "static_ad",
            "template_slug": "product-shoot",
            "prompt": "Premium ad for a collagen drink.",
            "aspect_ratio": "1:1",
            "resolution": "1K",
            "brand_kit_id": 42,
        }
    )
    assert [b.fingerprint for b in hero.retired] == [old, old]
    assert hero.retired[1] == Batch(
        number=1,
        idempotency_key=keys.idempotency_key(LINEAGE, old, 1),
        request_count=1,
        phase="pending",
        fingerprint=old,
    )
    pending = state.creatives["launch[9:16]"].pending
    assert [(b.number, b.request_count, b.submitted_at) for b in pending] == [(1, 2, None)]


def test_constructed_state_serialises_to_the_golden_file() -> None:
    # Absent optional fields are omitted, present ones written: the golden file is the contract.
    state = loads(GOLDEN.read_text(encoding="utf-8"), source="golden")
    rebuilt = State(
        lineage=state.lineage,
        serial=state.serial,
        creatives={
            a: replace(e, spec=dict(e.spec), batches=tuple(e.batches))
            for a, e in reversed(list(state.creatives.items()))
        },
    )
    assert dumps(rebuilt) == GOLDEN.read_text(encoding="utf-8")


def test_dumps_format_small_state() -> None:
    assert dumps(replace(new_state(LINEAGE), serial=3)) == SMALL


def test_a_current_batch_never_writes_its_own_fingerprint() -> None:
    fp = "sha256:" + "a" * 64
    key = keys.idempotency_key(LINEAGE, fp, 0)
    entry = CreativeState(fp, {"type": "static_ad"}, "a.yaml", batches=(Batch(0, key, 1),))
    tagged = replace(entry, batches=(Batch(0, key, 1, fingerprint=fp),))
    state = State(LINEAGE, 1, {"a": entry})
    assert dumps(replace(state, creatives={"a": tagged})) == dumps(state)
    assert dumps(state).count('"fingerprint"') == 1


json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
json_values = st.recursive(
    json_scalars | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
timestamps = st.none() | st.just("2026-01-01T00:00:00Z")
generations = st.builds(
    Generation,
    id=st.text(min_size=1, max_size=6),
    status=st.sampled_from(["queued", "processing", "completed", "failed", "missing"]),
    url=st.none() | st.just("https://cdn.example/x.png"),
    error=st.none() | st.dictionaries(st.text(max_size=5), json_scalars, max_size=2),
    updated_at=timestamps,
)
hexes = st.text("0123456789abcdef", min_size=64, max_size=64)


@st.composite
def batches(draw: st.DrawFn, number: int, retired: bool) -> Batch:
    return Batch(
        number=number,
        idempotency_key="crv1-" + draw(hexes)[:40],
        request_count=draw(st.integers(1, 10)),
        phase=draw(st.sampled_from(["pending", "submitted"])),
        submitted_at=draw(timestamps),
        credits_deducted=draw(st.none() | st.integers(0, 10_000)),
        generations=tuple(draw(st.lists(generations, max_size=2))),
        fingerprint="sha256:" + draw(hexes) if retired else None,
    )


@st.composite
def creative_states(draw: st.DrawFn) -> CreativeState:
    count = draw(st.integers(0, 3))
    split = draw(st.integers(0, count))
    return CreativeState(
        fingerprint="sha256:" + draw(hexes),
        spec=draw(st.dictionaries(st.text(max_size=6), json_values, max_size=4)),
        source=draw(st.text(max_size=10)),
        revision=draw(st.integers(0, 5)),
        batches=tuple(draw(batches(n, False)) for n in range(split, count)),
        retired=tuple(draw(batches(n, True)) for n in range(split)),
    )


addresses = st.from_regex(r"[a-z0-9_-]{1,8}(\[[a-z0-9:,. ]{1,6}\])?", fullmatch=True)
states = st.builds(
    State,
    lineage=st.text("0123456789abcdef", min_size=32, max_size=32),
    serial=st.integers(0, 1000),
    creatives=st.dictionaries(addresses, creative_states(), max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(states)
def test_any_state_round_trips(state: State) -> None:
    text = dumps(state)
    again = loads(text, source="x")
    assert again == state
    assert dumps(again) == text


# -- lineage and serial -----------------------------------------------------------------------


def test_new_lineage_uses_the_injected_randomness() -> None:
    assert new_lineage(lambda: bytes(16)) == "00000000000040008000000000000000"
    assert new_lineage(lambda: b"\xff" * 16) == "ffffffffffff4fffbfffffffffffffff"


def test_new_lineage_by_default_is_random_hex() -> None:
    first, second = new_lineage(), new_lineage()
    assert first != second
    assert len(first) == 32
    assert int(first, 16) >= 0


def test_new_state_is_empty_at_serial_zero() -> None:
    assert new_state(LINEAGE) == State(LINEAGE, 0, {}, FORMAT_VERSION)


def test_serial_bumps_only_when_content_changes() -> None:
    old = loads(GOLDEN.read_text(encoding="utf-8"), source="golden")
    assert with_next_serial(old, old).serial == 12
    assert with_next_serial(old, replace(old, serial=3)).serial == 12
    changed = replace(old, creatives={})
    assert with_next_serial(old, changed) == replace(changed, serial=13)


def test_first_write_starts_at_serial_one() -> None:
    assert with_next_serial(None, new_state(LINEAGE)).serial == 1


def test_same_content_ignores_serial_and_mapping_order() -> None:
    state = loads(GOLDEN.read_text(encoding="utf-8"), source="golden")
    reordered = replace(state, serial=99, creatives=dict(reversed(list(state.creatives.items()))))
    assert same_content(state, reordered)
    assert not same_content(state, replace(state, lineage="0" * 32))


def test_schema_is_valid_draft_2020_12_and_accepts_the_golden_file() -> None:
    # Editors and check-jsonschema use the whole file; loads() validates it in two parts.
    schema = load_schema("state.schema.json")
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document)) == []
    document["creatives"]["launch[9:16]"]["batches"][1]["phase"] = "done"
    [error] = validator.iter_errors(document)
    assert list(error.absolute_path) == ["creatives", "launch[9:16]", "batches", 1, "phase"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hero", True),
        ("launch[9:16,high]", True),
        ("launch[story]", True),
        ("Hero", False),
        ("hero[]", False),
        ("hero\n", False),
        ("a b", False),
    ],
)
def test_is_address(text: str, expected: bool) -> None:
    assert is_address(text) is expected


# -- one clear error per broken file ------------------------------------------------------------


def test_truncated_state_points_at_the_backup() -> None:
    assert error_text(SMALL[:40], backup="creatives.state.json.backup") == (
        "state file creatives.state.json ends unexpectedly at line 3 — was a write interrupted?\n"
        "The previous version is in creatives.state.json.backup. Nothing was changed: creatives "
        "never overwrites a state it cannot read."
    )


def test_truncated_state_without_backup() -> None:
    assert error_text(SMALL[:60]) == (
        "state file creatives.state.json ends unexpectedly at line 4 — was a write interrupted?\n"
        + NO_BACKUP_HINT
    )


@pytest.mark.parametrize("cut", [1, 2, 17, 25, 44, 80, 95, len(SMALL) - 3])
def test_every_cut_of_a_state_reads_as_truncated(cut: int) -> None:
    assert " ends unexpectedly at line " in error_text(SMALL[:cut])


def test_every_cut_of_the_golden_file_reads_as_truncated() -> None:
    text = GOLDEN.read_text(encoding="utf-8").rstrip()
    for cut in range(1, len(text), 7):
        assert " ends unexpectedly at line " in error_text(text[:cut]), cut


def test_empty_state() -> None:
    assert error_text("\n") == (
        "state file creatives.state.json is empty — was a write interrupted?\n" + NO_BACKUP_HINT
    )


def test_broken_json_names_line_and_column() -> None:
    broken = SMALL.replace('"serial": 3', '"serial" 3')
    assert error_text(broken) == (
        "state file creatives.state.json is not valid JSON: Expecting ':' delimiter at line 5 "
        "column 12\n" + NO_BACKUP_HINT
    )


def test_garbage_is_broken_json_not_truncation() -> None:
    assert error_text("{\n  oops\n}\n") == (
        "state file creatives.state.json is not valid JSON: Expecting property name enclosed in "
        "double quotes at line 2 column 3\n" + NO_BACKUP_HINT
    )


def test_merge_conflict_markers() -> None:
    conflicted = SMALL.replace(
        '  "serial": 3\n', '<<<<<<< HEAD\n  "serial": 3\n=======\n  "serial": 4\n>>>>>>> main\n'
    )
    assert error_text(conflicted) == (
        "state file creatives.state.json has unresolved merge conflict markers (line 5)\n"
        "Resolve the conflict (keep every batch of both sides) and run again. Nothing was changed."
    )


def test_duplicate_keys_are_refused_not_silently_merged() -> None:
    doubled = SMALL.replace('"serial": 3', '"serial": 3, "serial": 4')
    assert error_text(doubled) == (
        'state file creatives.state.json has the key "serial" twice in one object (a bad merge?)\n'
        + NO_BACKUP_HINT
    )


def test_nan_is_not_json() -> None:
    assert error_text(SMALL.replace('"serial": 3', '"serial": NaN')) == (
        "state file creatives.state.json is not valid JSON: NaN is not a JSON number\n"
        + NO_BACKUP_HINT
    )


def test_newer_format_names_both_versions() -> None:
    newer = SMALL.replace('"format_version": 1', '"format_version": 2').replace(
        '"creatives": {}', '"resources": []'
    )
    assert error_text(newer) == (
        "state file creatives.state.json: state format 2 is newer than this creatives supports "
        "(1); upgrade videotok-reconciler\nNothing was changed."
    )


SHAPE_HINT = "Nothing was changed. Edit state with `creatives state` rather than by hand."


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('"serial": 3', '"serial": -1', "at serial: -1 is less than the minimum of 0"),
        ('"format_version": 1', '"format_version": 0', "at format_version: 1 was expected"),
        (f'"lineage": "{LINEAGE}",', "", "at the top level: 'lineage' is a required property"),
        (
            '"serial": 3',
            '"serial": 3, "extra": true',
            "at the top level: Additional properties are not allowed ('extra' was unexpected)",
        ),
        ('"creatives": {}', '"creatives": []', "at creatives: [] is not of type 'object'"),
    ],
)
def test_wrong_envelope_shape(old: str, new: str, where: str) -> None:
    assert error_text(SMALL.replace(old, new)) == (
        f"state file creatives.state.json is not a valid state: {where}\n{SHAPE_HINT}"
    )


def test_not_an_object() -> None:
    assert error_text("[]\n") == (
        "state file creatives.state.json is not a valid state: at the top level: [] is not of "
        f"type 'object'\n{SHAPE_HINT}"
    )


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            '"phase": "pending",\n          "request_count": 2',
            '"phase": "done",\n          "request_count": 2',
            "at creatives[\"launch[9:16]\"].batches[1].phase: 'done' is not one of "
            "['pending', 'submitted']",
        ),
        (
            '"status": "processing"',
            '"status": "running"',
            "at creatives[\"launch[9:16]\"].batches[0].generations[0].status: 'running' is not "
            "one of ['queued', 'processing', 'completed', 'failed', 'missing']",
        ),
        (
            '"crv1-0619f0b69783893df6cff8e332eb103d19a64387"',
            '"crv2-0619f0b69783893df6cff8e332eb103d19a64387"',
            "at creatives.collagen-hero.batches[0].idempotency_key: "
            "'crv2-0619f0b69783893df6cff8e332eb103d19a64387' does not match "
            "'^crv1-[0-9a-f]{40}$'",
        ),
        (
            '"collagen-hero": {',
            '"Collagen Hero": {',
            "at creatives: 'Collagen Hero' does not match '^[a-z0-9_-]+(\\\\[[^\\\\[\\\\]\\\\n]+"
            "\\\\])?$'",
        ),
        (
            '"request_count": 2,\n          "submitted_at": "2026-01-03T10:00:00Z"',
            '"request_count": 11,\n          "submitted_at": "2026-01-03T10:00:00Z"',
            "at creatives.collagen-hero.batches[0].request_count: 11 is greater than the maximum "
            "of 10",
        ),
        (
            '"fingerprint": "sha256:9b54b6db91908227f1cef6e0828c7b81303202b1585ff8d49d1068272122'
            'ac11",\n          "generations": [],',
            '"generations": [],',
            "at creatives.collagen-hero.retired[1]: 'fingerprint' is a required property",
        ),
        (
            '"number": 2,',
            '"number": 2, "fingerprint": "sha256:' + "0" * 64 + '",',
            "at creatives.collagen-hero.batches[0]: Unevaluated properties are not allowed "
            "('fingerprint' was unexpected)",
        ),
        (
            '"number": 2,',
            '"number": 0,',
            "at creatives.collagen-hero: batch number 0 appears twice",
        ),
    ],
)
def test_wrong_shape_inside_creatives(old: str, new: str, where: str) -> None:
    golden = GOLDEN.read_text(encoding="utf-8")
    assert golden.count(old) == 1
    hint = (
        "Nothing was changed. Batch numbers are unique per creative."
        if "appears twice" in where
        else SHAPE_HINT
    )
    assert error_text(golden.replace(old, new)) == (
        f"state file creatives.state.json is not a valid state: {where}\n{hint}"
    )


def test_dumps_assembled_per_creative_equals_plain_json_dumps() -> None:
    import json as json_module

    from reconciler.model import Action
    from reconciler.planner import plan
    from reconciler.state import dumps, loads, to_json
    from reconciler.transitions import write_ahead
    from tests.factories import apply_offline, creative, empty_state

    desired = [
        creative("a", "x", request_count=2),
        creative("b[9:16]", "ünïcode ✓"),
        creative("c", "z", revision=1),
    ]
    state = apply_offline(empty_state(), plan(desired, empty_state(), tool_version="t").changes)
    edited = [creative("a", "x2", request_count=2), *desired[1:], creative("d", "new")]
    changes = plan(edited, state, tool_version="t").changes
    state = write_ahead(state, next(c for c in changes if c.action == Action.CREATE))
    for sample in (empty_state(), state):
        expected = json_module.dumps(to_json(sample), sort_keys=True, indent=2, ensure_ascii=False)
        assert dumps(sample) == expected + "\n"
        assert dumps(loads(dumps(sample), source="s")) == dumps(sample)


def test_the_compiled_check_agrees_with_jsonschema_on_the_golden_and_broken_states() -> None:
    import json as json_module

    from jsonschema import Draft202012Validator

    from reconciler.schema_check import compile_schema
    from reconciler.schemas import load_schema

    schema = load_schema("state.schema.json")
    fast = compile_schema(schema)
    slow = Draft202012Validator(schema)
    golden = json_module.loads((Path(__file__).parent / "data" / "state-v1.json").read_text())
    samples = [golden]
    entry = next(iter(golden["creatives"].values()))
    for mutate in (
        lambda e: e["batches"][0].update(extra=1),
        lambda e: e["batches"][0].update(phase="done"),
        lambda e: e.update(source=""),
        lambda e: e["batches"][0].update(idempotency_key="crv1-x"),
    ):
        broken = json_module.loads(json_module.dumps(golden))
        mutate(next(iter(broken["creatives"].values())))
        samples.append(broken)
    assert entry
    for sample in samples:
        assert fast(sample) == slow.is_valid(sample)
    assert [fast(s) for s in samples] == [True, False, False, True, False]


def test_records_read_from_state_equal_the_ones_their_constructors_build() -> None:
    # loads() fills the records' fields directly (see state._creative); nothing may differ
    # from what the dataclass constructors make, down to the type of every field.
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))

    def batch(doc: dict[str, Any]) -> Batch:
        generations = tuple(Generation(**g) for g in doc.pop("generations"))
        return Batch(**doc, generations=generations)

    expected = {
        address: CreativeState(
            fingerprint=entry["fingerprint"],
            spec=entry["spec"],
            source=entry["source"],
            revision=entry["revision"],
            batches=tuple(batch(b) for b in entry["batches"]),
            retired=tuple(batch(b) for b in entry["retired"]),
        )
        for address, entry in document["creatives"].items()
    }
    read = loads(GOLDEN.read_text(encoding="utf-8"), source="s").creatives
    assert read == expected
    assert any(entry.retired for entry in read.values())
    for address, entry in read.items():
        assert vars(entry).keys() == vars(expected[address]).keys()
        for got, want in zip(
            entry.batches + entry.retired,
            expected[address].batches + expected[address].retired,
            strict=True,
        ):
            assert vars(got) == vars(want)
            assert [vars(g) for g in got.generations] == [vars(g) for g in want.generations]
        assert replace(entry, revision=entry.revision + 1).revision == entry.revision + 1


def test_every_batch_and_generation_field_is_written_null_when_unknown() -> None:
    entry = CreativeState(
        "sha256:" + "a" * 64,
        {"type": "static_ad"},
        "a.yaml",
        batches=(Batch(0, "crv1-" + "b" * 40, 1, generations=(Generation("g1"),)),),
    )
    state = replace(new_state(LINEAGE), creatives={"hero": entry})
    [batch] = json.loads(dumps(state))["creatives"]["hero"]["batches"]
    assert batch["submitted_at"] is None
    assert batch["credits_deducted"] is None
    assert batch["generations"] == [
        {"id": "g1", "status": "queued", "url": None, "error": None, "updated_at": None}
    ]
    # A file written without the null fields (as earlier versions did) reads the same.
    document = json.loads(dumps(state))
    [raw] = document["creatives"]["hero"]["batches"]
    for name in ("submitted_at", "credits_deducted"):
        del raw[name]
    for name in ("url", "error", "updated_at"):
        del raw["generations"][0][name]
    assert loads(json.dumps(document), source="s") == state


def test_a_state_written_without_null_fields_reads_as_the_golden_one() -> None:
    sparse = (Path(__file__).parent / "data" / "state-v1-sparse.json").read_text()
    assert '"url": null' not in sparse and '"error": null' not in sparse
    golden = GOLDEN.read_text(encoding="utf-8")
    assert loads(sparse, source="sparse") == loads(golden, source="golden")
    assert dumps(loads(sparse, source="sparse")) == golden
