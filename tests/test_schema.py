"""The manifest schema: standard, complete, fast, and explained in plain words."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconciler import schema
from reconciler.errors import ManifestError
from reconciler.schemas import load_schema
from reconciler.yamlload import parse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "creatives").glob("*.yaml"))
CORPUS = ROOT / "tests" / "manifests" / "bad"


def diagnostics(text: str) -> list[str]:
    document = parse(text.encode(), "m.yaml")
    return [d.format() for d in schema.validate(document)]


def creative(body: str) -> str:
    return "creatives:\n  hero:\n" + "".join(f"    {line}\n" for line in body.splitlines())


STATIC = "type: static_ad\ntemplate_slug: product-shoot\nprompt: A collagen drink.\n"


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    manifest = load_schema(schema.MANIFEST_SCHEMA)
    assert manifest["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(manifest)


def test_every_pattern_of_the_schema_has_a_message() -> None:
    patterns: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(load_schema(schema.MANIFEST_SCHEMA))
    assert patterns == set(schema._PATTERNS)


def test_fields_per_type_come_from_the_schema() -> None:
    shape = schema.manifest_schema()
    assert shape.types == ("static_ad", "video_ad", "ugc_ad", "ai_model")
    assert shape.spec_fields["static_ad"] == {
        "type",
        "prompt",
        "aspect_ratio",
        "reference_image_urls",
        "brand_kit_id",
        "avatar_id",
        "preset_id",
        "custom_reference_inspiration_id",
        "template_slug",
        "resolution",
    }
    assert shape.spec_fields["video_ad"] == shape.spec_fields["ugc_ad"]
    assert {"duration", "quality_tier", "source_video_url", "motion_video_url", "audio_url"} < (
        shape.spec_fields["video_ad"]
    )
    assert {"model_slug", "variant_id", "generate_audio", "resolution", "duration"} < (
        shape.spec_fields["ai_model"]
    )
    assert "quality_tier" not in shape.spec_fields["ai_model"]
    assert all("idempotency_key" not in fields for fields in shape.spec_fields.values())
    assert shape.owners("quality_tier") == ["video_ad", "ugc_ad"]


def test_the_examples_are_valid() -> None:
    for path in EXAMPLES:
        assert schema.validate(parse(path.read_bytes(), path.name)) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "type: static_ad\npromt: x\ntemplate_slug: product-shoot\n",
            ['m.yaml:4:5: creatives.hero.promt: unknown field "promt" (did you mean "prompt"?)'],
        ),
        (
            STATIC + "brand_kit_id: '42'\n",
            [
                "m.yaml:6:19: creatives.hero.brand_kit_id: expected an integer, "
                'got a string "42" (remove the quotes)'
            ],
        ),
        (
            STATIC + "request_count: 11\n",
            ["m.yaml:6:20: creatives.hero.request_count: must be between 1 and 10, got 11"],
        ),
        (
            STATIC + "revision: -2\n",
            ["m.yaml:6:15: creatives.hero.revision: must be at least 0, got -2"],
        ),
        (
            "type: static_ad\ntemplate_slug: product-shoot\n",
            ['m.yaml:2:3: creatives.hero: missing required field "prompt"'],
        ),
        (
            "type: ai_model\nprompt: x\n",
            ['m.yaml:2:3: creatives.hero: missing required fields "model_slug" and "variant_id"'],
        ),
        (
            "type: statc_ad\n",
            [
                'm.yaml:3:11: creatives.hero.type: unknown type "statc_ad" '
                '(did you mean "static_ad"?)'
            ],
        ),
        (
            "type: banner\n",
            [
                'm.yaml:3:11: creatives.hero.type: unknown type "banner" '
                "(expected one of ai_model, static_ad, ugc_ad, video_ad)"
            ],
        ),
        (
            STATIC + "duration: 8\n",
            [
                'm.yaml:6:5: creatives.hero.duration: "duration" is not a field of static_ad '
                "(it belongs to video_ad, ugc_ad, ai_model)"
            ],
        ),
        (
            STATIC + "idempotency_key: k\n",
            [
                'm.yaml:6:5: creatives.hero.idempotency_key: "idempotency_key" does not belong '
                "in a manifest (creatives derives idempotency keys itself)"
            ],
        ),
        (
            STATIC + "reference_image_urls: [https://ok.example/a.png, 'file:///a.png']\n",
            [
                "m.yaml:6:54: creatives.hero.reference_image_urls[1]: expected an absolute "
                'http(s) URL, got "file:///a.png"'
            ],
        ),
        (
            STATIC + "labels: {team: growth, year: 2024}\n",
            [
                "m.yaml:6:34: creatives.hero.labels.year: expected a string, got an integer 2024 "
                "(quote it: '2024')"
            ],
        ),
        (
            STATIC + "variants: {story: {aspect_ratio: '9:16'}}\nmatrix: {resolution: [1K]}\n",
            [
                "m.yaml:6:5: creatives.hero.variants: a creative has either matrix or variants, "
                "not both (move the matrix values into variants)"
            ],
        ),
        (
            "type: video_ad\ntemplate_slug: motion-graphics\n"
            "variants: {a: {prompt: x}, b: {duration: 8}}\n",
            [
                'm.yaml:2:3: creatives.hero: missing required field "prompt" '
                "(set it on the creative, or on every variant)"
            ],
        ),
        (
            STATIC + "matrix: {aspect_ratio: ['1:1', '1:1']}\n",
            [
                'm.yaml:6:28: creatives.hero.matrix.aspect_ratio: lists "1:1" twice '
                "(remove the repeat)"
            ],
        ),
        (
            STATIC + "matrix: {prompt: [a b c]}\n",
            [
                'm.yaml:6:23: creatives.hero.matrix.prompt[0]: "a b c" cannot be part of an '
                "address (no spaces, commas or brackets) (use variants for values like this)"
            ],
        ),
        (
            STATIC + "matrix: {quality_tier: [high]}\n",
            [
                "m.yaml:6:14: creatives.hero.matrix.quality_tier: "
                'unknown matrix axis "quality_tier"'
            ],
        ),
    ],
)
def test_problems_are_explained_in_plain_words(body: str, expected: list[str]) -> None:
    assert diagnostics(creative(body)) == expected


def test_a_misspelt_required_field_is_reported_once() -> None:
    # The missing "prompt" is the misspelt "promt": one problem, not two.
    assert diagnostics(creative("type: static_ad\ntemplate_slug: t\npromt: x\n")) == [
        'm.yaml:5:5: creatives.hero.promt: unknown field "promt" (did you mean "prompt"?)'
    ]


def test_root_fields_version_and_defaults_are_checked() -> None:
    text = "version: 2\ndefaults: {prompt: x, qualty_tier: high}\ncreativs: {}\n"
    # "creatives" is missing too, but the misspelt "creativs" already says so.
    assert diagnostics(text) == [
        "m.yaml:1:10: version: unsupported version 2 (this tool reads version 1)",
        'm.yaml:2:12: defaults.prompt: "prompt" cannot be a default (set it on each creative)',
        'm.yaml:2:23: defaults.qualty_tier: unknown field "qualty_tier" '
        '(did you mean "quality_tier"?)',
        'm.yaml:3:1: creativs: unknown field "creativs" (did you mean "creatives"?)',
    ]


def test_one_problem_per_location_and_all_locations() -> None:
    text = (
        "creatives:\n"
        "  Bad:\n"
        "    type: static_ad\n"
        "  ok:\n"
        "    type: video_ad\n"
        "    template_slug: motion-graphics\n"
        "    prompt: x\n"
        "    duration: '8'\n"
        "    matrix:\n"
        "      aspect_ratio: []\n"
        "      reference_image_urls: [[https://a.example/x.png]]\n"
    )
    assert diagnostics(text) == [
        'm.yaml:2:3: creatives.Bad: "Bad" is not a valid name (use lowercase letters, digits, '
        "'-' and '_', starting with a letter or digit)",
        'm.yaml:8:15: creatives.ok.duration: expected an integer, got a string "8" '
        "(remove the quotes)",
        "m.yaml:10:21: creatives.ok.matrix.aspect_ratio: must not be empty",
        'm.yaml:11:7: creatives.ok.matrix.reference_image_urls: "reference_image_urls" cannot be '
        "a matrix axis (only single values vary; use variants)",
    ]


def corpus_documents() -> list[Any]:
    documents = []
    for path in sorted(CORPUS.rglob("*.yaml")):
        try:
            documents.append(parse(path.read_bytes(), path.name).data)
        except ManifestError:
            continue
    return documents


def test_the_fast_check_agrees_with_jsonschema_on_known_documents() -> None:
    shape = schema.manifest_schema()
    documents = corpus_documents() + [parse(p.read_bytes(), p.name).data for p in EXAMPLES]
    assert len(documents) > 40
    for data in documents:
        assert shape._check(data) == shape.validator().is_valid(data), data


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.floats(-2, 12, allow_nan=False),
    st.sampled_from(
        ["", " ", "9:16", "static_ad", "ai_model", "https://a.example/x", "x y", "1K"]
    ),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


@settings(max_examples=300, deadline=None)
@given(
    which=st.integers(0, 100),
    where=st.integers(0, 10_000),
    how=st.sampled_from(["set", "delete", "add"]),
    key=st.sampled_from(["prompt", "matrix", "variants", "type", "duration", "labels", "x"]),
    value=_VALUES,
)
def test_the_fast_check_never_accepts_what_jsonschema_rejects(
    which: int, where: int, how: str, key: str, value: Any
) -> None:
    shape = schema.manifest_schema()
    documents = [parse(p.read_bytes(), p.name).data for p in EXAMPLES]
    data = copy.deepcopy(documents[which % len(documents)])
    paths = _paths(data)
    path = paths[where % len(paths)]
    node = data
    for part in path:
        node = node[part]
    if how == "add" and isinstance(node, dict):
        node[key] = value
    elif path:
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if how == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    # Faster and stricter is allowed; faster and laxer would let a broken manifest through.
    assert not shape._check(data) or shape.validator().is_valid(data)


def _check_jsonschema() -> Path:
    return Path(sys.executable).parent / "check-jsonschema"


def test_check_jsonschema_accepts_the_examples_and_rejects_a_broken_manifest() -> None:
    schema_file = ROOT / "schemas" / "manifest.schema.json"
    ok = subprocess.run(
        [_check_jsonschema(), "--schemafile", schema_file, *EXAMPLES],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = subprocess.run(
        [_check_jsonschema(), "--schemafile", schema_file, CORPUS / "misspelt-field.yaml"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert broken.returncode == 1
    assert "promt" in broken.stdout + broken.stderr


def test_every_example_points_editors_at_the_schema() -> None:
    for path in EXAMPLES:
        first = path.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/manifest.schema.json"
        assert (path.parent / "../../schemas/manifest.schema.json").resolve().is_file()
