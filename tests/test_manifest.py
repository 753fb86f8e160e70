"""Finding manifests and expanding them into creatives: defaults, matrix, variants, identity."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reconciler import keys, manifest
from reconciler.errors import ManifestError
from reconciler.model import Location

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "creatives"

HERO = (
    "creatives:\n"
    "  hero:\n"
    "    type: static_ad\n"
    "    template_slug: product-shoot\n"
    "    prompt: A collagen drink.\n"
)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def problems(root: Path, files: dict[str, str]) -> list[str]:
    write(root, files)
    report = manifest.check([root], root=root)
    return [d.format() for d in report.diagnostics]


def test_find_walks_directories_sorted_and_skips_hidden_ones(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "b.yaml": HERO,
            "a/z.yml": HERO,
            "a/b/c.yaml": HERO,
            ".git/x.yaml": HERO,
            "a/.cache/y.yaml": HERO,
            "a/.hidden.yaml": HERO,
            "notes.txt": "",
            "a/data.json": "{}",
        },
    )
    found = manifest.find([tmp_path], root=tmp_path)
    assert [shown for _, shown in found] == ["a/b/c.yaml", "a/z.yml", "b.yaml"]
    assert [path for path, _ in found] == [
        tmp_path / "a/b/c.yaml",
        tmp_path / "a/z.yml",
        tmp_path / "b.yaml",
    ]


def test_find_takes_a_file_as_given_and_counts_it_once(tmp_path: Path) -> None:
    write(tmp_path, {"dir/m.yaml": HERO, "odd.txt": HERO})
    found = manifest.find(
        [tmp_path / "odd.txt", tmp_path / "dir", tmp_path / "dir/m.yaml"], root=tmp_path
    )
    assert [shown for _, shown in found] == ["dir/m.yaml", "odd.txt"]


def test_find_shows_files_outside_the_root_as_given(tmp_path: Path) -> None:
    write(tmp_path, {"in/m.yaml": HERO, "out/n.yaml": HERO})
    found = manifest.find([tmp_path / "out/n.yaml"], root=tmp_path / "in")
    assert [shown for _, shown in found] == [(tmp_path / "out/n.yaml").as_posix()]


def test_find_refuses_a_missing_path_or_a_directory_without_manifests(tmp_path: Path) -> None:
    with pytest.raises(ManifestError) as missing:
        manifest.find([tmp_path / "nope"], root=tmp_path)
    assert missing.value.render() == (
        "No such file or directory: nope\n"
        "Pass the directory of your manifests, e.g. `creatives validate examples/`."
    )
    (tmp_path / "empty").mkdir()
    with pytest.raises(ManifestError) as empty:
        manifest.find([tmp_path / "empty"], root=tmp_path)
    assert empty.value.render() == "No manifests (*.yaml, *.yml) found in empty/."


def test_the_default_directory_is_creatives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"creatives/hero.yaml": HERO})
    monkeypatch.chdir(tmp_path)
    desired = manifest.load([], root=tmp_path)
    assert desired.files == ("creatives/hero.yaml",)
    assert [c.address for c in desired.creatives] == ["hero"]


def test_the_examples_expand_to_twelve_creatives() -> None:
    desired = manifest.load([EXAMPLES], root=ROOT)
    assert desired.files == ("examples/creatives/evergreen.yaml", "examples/creatives/launch.yaml")
    assert [c.address for c in desired.creatives] == [
        "bottle-reveal",
        "flatlay[1:1]",
        "flatlay[4:5]",
        "glow-loop",
        "launch-hero",
        "launch-packshot",
        "launch-teaser[1:1]",
        "launch-teaser[9:16]",
        "launch-ugc[gym]",
        "launch-ugc[unboxing]",
        "product-demo",
        "testimonial",
    ]
    types = {c.spec["type"] for c in desired.creatives}
    assert types == {"static_ad", "video_ad", "ugc_ad", "ai_model"}


def test_a_creative_carries_its_spec_identity_and_metadata() -> None:
    desired = manifest.load([EXAMPLES], root=ROOT)
    by_address = {c.address: c for c in desired.creatives}
    reveal = by_address["bottle-reveal"]
    assert dict(reveal.spec) == {
        "type": "ai_model",
        "model_slug": "veo",
        "variant_id": "first-frame-last-frame",
        "prompt": "The bottle turns slowly as its cap fades from off to a soft blue glow.",
        "duration": 8,
        "reference_image_urls": [
            "https://example.com/lumen/reveal-first-frame.png",
            "https://example.com/lumen/reveal-last-frame.png",
        ],
        "aspect_ratio": "9:16",  # from the file's defaults
    }
    assert reveal.revision == 1
    assert reveal.fingerprint == keys.fingerprint(reveal.spec, 1)
    assert reveal.location == Location("examples/creatives/evergreen.yaml", 40, 3)
    assert dict(reveal.labels) == {"campaign": "lumen-evergreen"}
    # brand_kit_id reaches every type; quality_tier only video and UGC ads.
    packshot = by_address["launch-packshot"]
    assert (packshot.spec["brand_kit_id"], "quality_tier" in packshot.spec) == (42, False)
    assert by_address["launch-ugc[unboxing]"].spec["quality_tier"] == "high"
    assert by_address["launch-ugc[gym]"].spec["quality_tier"] == "low"
    hero = by_address["launch-hero"]
    assert hero.request_count == 2
    assert hero.description == "Hero image for the landing page and the launch email."
    assert "quality_tier" not in hero.spec
    for creative in desired.creatives:
        reconciler_only = {"request_count", "revision", "labels", "description", "matrix"}
        assert not (reconciler_only | {"variants"}) & set(creative.spec)
        assert creative.fingerprint == keys.fingerprint(creative.spec, creative.revision)


def test_matrix_and_variants_apply_over_the_creative_and_defaults(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "m.yaml": (
                "defaults:\n"
                "  quality_tier: low\n"
                "  aspect_ratio: '1:1'\n"
                "  request_count: 3\n"
                "  labels: {team: growth, tier: base}\n"
                "creatives:\n"
                "  launch:\n"
                "    type: video_ad\n"
                "    template_slug: motion-graphics\n"
                "    prompt: Launch.\n"
                "    labels: {tier: launch}\n"
                "    matrix:\n"
                "      aspect_ratio: ['9:16', '16:9']\n"
                "      quality_tier: [high, low]\n"
                "      duration: [4, 8]\n"
                "  ugc:\n"
                "    type: ugc_ad\n"
                "    template_slug: testimonial\n"
                "    prompt: Base prompt.\n"
                "    duration: 8\n"
                "    revision: 2\n"
                "    description: base\n"
                "    variants:\n"
                "      story:\n"
                "        prompt: Story prompt.\n"
                "        request_count: 1\n"
                "        revision: 5\n"
                "        labels: {format: story}\n"
                "        description: vertical\n"
                "      feed: {}\n"
            )
        },
    )
    desired = manifest.load([tmp_path], root=tmp_path)
    by_address = {c.address: c for c in desired.creatives}
    assert sorted(by_address) == sorted(
        [f"launch[{a},{q},{d}]" for a in ("9:16", "16:9") for q in ("high", "low") for d in (4, 8)]
        + ["ugc[feed]", "ugc[story]"]
    )
    cell = by_address["launch[16:9,high,4]"]
    assert dict(cell.spec) == {
        "type": "video_ad",
        "template_slug": "motion-graphics",
        "prompt": "Launch.",
        "duration": 4,
        "quality_tier": "high",
        "aspect_ratio": "16:9",
    }
    assert cell.request_count == 3
    assert dict(cell.labels) == {"team": "growth", "tier": "launch"}
    assert cell.location == Location("m.yaml", 7, 3)
    story, feed = by_address["ugc[story]"], by_address["ugc[feed]"]
    assert story.spec["prompt"] == "Story prompt."
    assert (story.request_count, story.revision, story.description) == (1, 5, "vertical")
    assert dict(story.labels) == {"team": "growth", "tier": "base", "format": "story"}
    assert story.location == Location("m.yaml", 16, 3)
    assert feed.spec["prompt"] == "Base prompt."
    assert (feed.request_count, feed.revision, feed.description) == (3, 2, "base")
    assert feed.spec["aspect_ratio"] == "1:1"
    assert feed.spec["quality_tier"] == "low"


def test_matrix_keys_write_numbers_and_booleans_as_json(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "m.yaml": (
                "creatives:\n"
                "  clip:\n"
                "    type: ai_model\n"
                "    model_slug: veo\n"
                "    variant_id: text-to-video\n"
                "    prompt: Waves.\n"
                "    matrix:\n"
                "      generate_audio: [true, false]\n"
                "      duration: [8]\n"
            )
        },
    )
    addresses = [c.address for c in manifest.load([tmp_path], root=tmp_path).creatives]
    assert addresses == ["clip[false,8]", "clip[true,8]"]


def test_integral_floats_become_integers(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "m.yaml": (
                "creatives:\n"
                "  launch:\n"
                "    type: video_ad\n"
                "    template_slug: motion-graphics\n"
                "    prompt: Launch.\n"
                "    duration: 8.0\n"
                "    request_count: 2.0\n"
                "    revision: 1.0\n"
            )
        },
    )
    [launch] = manifest.load([tmp_path], root=tmp_path).creatives
    assert (launch.spec["duration"], launch.request_count, launch.revision) == (8, 2, 1)
    assert all(type(v) is int for v in (launch.spec["duration"], launch.request_count))
    assert launch.fingerprint == keys.fingerprint({**launch.spec, "duration": 8.0}, 1)


def test_matrix_axis_order_is_the_order_of_the_address(tmp_path: Path) -> None:
    # DESIGN §3: values are joined in axis order. Swapping axes renames (the plan shows a
    # move), and the fingerprints stay.
    axes = ["aspect_ratio: ['9:16']\n", "resolution: [2K]\n"]
    write(tmp_path, {"m.yaml": HERO + "    matrix:\n" + "".join("      " + a for a in axes)})
    [before] = manifest.load([tmp_path], root=tmp_path).creatives
    write(tmp_path, {"m.yaml": HERO + "    matrix:\n" + "".join("      " + a for a in axes[::-1])})
    [after] = manifest.load([tmp_path], root=tmp_path).creatives
    assert (before.address, after.address) == ("hero[9:16,2K]", "hero[2K,9:16]")
    assert before.fingerprint == after.fingerprint


def test_specs_do_not_share_mutable_values(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "m.yaml": (
                "defaults:\n  reference_image_urls: [https://a.example/x.png]\n"
                + HERO
                + "    matrix: {aspect_ratio: ['1:1', '4:5']}\n"
            )
        },
    )
    first, second = manifest.load([tmp_path], root=tmp_path).creatives
    assert first.spec["reference_image_urls"] == second.spec["reference_image_urls"]
    assert first.spec["reference_image_urls"] is not second.spec["reference_image_urls"]


def test_a_default_no_creative_can_take_is_an_error(tmp_path: Path) -> None:
    assert problems(
        tmp_path,
        {
            "a.yaml": "defaults:\n  quality_tier: high\n  duration: 8\n" + HERO,
            "b.yaml": "defaults:\n  labels: {a: b}\ncreatives: {}\n",
        },
    ) == [
        'a.yaml:2:3: defaults.quality_tier: default "quality_tier" reaches no creative in this '
        "file (quality_tier is a field of video_ad, ugc_ad)",
        'a.yaml:3:3: defaults.duration: default "duration" reaches no creative in this file '
        "(duration is a field of video_ad, ugc_ad, ai_model)",
        'b.yaml:2:3: defaults.labels: default "labels" reaches no creative in this file',
    ]


def test_a_matrix_axis_set_on_the_creative_too_is_an_error(tmp_path: Path) -> None:
    text = HERO + "    aspect_ratio: '1:1'\n    matrix:\n      aspect_ratio: ['1:1', '4:5']\n"
    assert problems(tmp_path, {"m.yaml": text}) == [
        'm.yaml:8:7: creatives.hero.matrix.aspect_ratio: "aspect_ratio" is set on the creative '
        "and is also a matrix axis (remove one of them)"
    ]


def test_a_matrix_too_large_is_refused(tmp_path: Path) -> None:
    axes = "".join(
        f"      {axis}: [{', '.join(values)}]\n"
        for axis, values in (
            ("aspect_ratio", [f"'{i}:1'" for i in range(1, 11)]),
            ("resolution", [f"{i}K" for i in range(1, 11)]),
            ("brand_kit_id", [str(i) for i in range(1, 12)]),
        )
    )
    assert problems(tmp_path, {"m.yaml": HERO + "    matrix:\n" + axes}) == [
        "m.yaml:6:5: creatives.hero.matrix: the matrix expands to 1,100 creatives (at most 1,000) "
        "(split it into several creatives)"
    ]


def test_names_are_unique_across_files(tmp_path: Path) -> None:
    other = HERO.replace("A collagen drink.", "Another drink.")
    assert problems(tmp_path, {"a.yaml": HERO, "sub/b.yaml": other}) == [
        'sub/b.yaml:2:3: creatives.hero: creative "hero" is already defined at a.yaml:2:3 '
        "(names are unique across all manifest files; rename one)"
    ]


def test_identical_creatives_are_an_error_unless_a_revision_tells_them_apart(
    tmp_path: Path,
) -> None:
    twin = HERO.replace("hero:", "twin:") + "    request_count: 3\n    labels: {a: b}\n"
    assert problems(tmp_path, {"a.yaml": HERO, "b.yaml": twin}) == [
        'b.yaml:2:3: creatives.twin: "twin" is identical to "hero" at a.yaml:2:3 '
        "(to want two, raise request_count or set a revision)"
    ]
    (tmp_path / "b.yaml").write_text(twin + "    revision: 1\n")
    assert [c.address for c in manifest.load([tmp_path], root=tmp_path).creatives] == [
        "hero",
        "twin",
    ]


def test_every_problem_of_every_file_is_reported_sorted(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "b.yaml": HERO + "    request_count: 11\n",
            "a.yaml": "creatives:\n  x:\n    type: on\n",
            "c.yaml": "",
            "d.yaml": HERO.replace("hero", "delta") + "    promt: x\n",
        },
    )
    with pytest.raises(ManifestError) as caught:
        manifest.load([tmp_path], root=tmp_path)
    assert caught.value.render().splitlines() == [
        'a.yaml:3:11: creatives.x.type: "on" is ambiguous: a boolean in YAML 1.1, text in '
        "YAML 1.2 (quote it: 'on', or write true or false)",
        "b.yaml:6:20: creatives.hero.request_count: must be between 1 and 10, got 11",
        "c.yaml:1:1: file is empty; a manifest needs `creatives:`",
        'd.yaml:6:5: creatives.delta.promt: unknown field "promt" (did you mean "prompt"?)',
        "4 problems found in the manifests.",
    ]


# Identity does not depend on where or in which order creatives are written.

_FIELDS = {
    "static_ad": {"template_slug": "product-shoot", "resolution": "1K"},
    "video_ad": {"template_slug": "motion-graphics", "duration": 8, "quality_tier": "high"},
    "ai_model": {"model_slug": "veo", "variant_id": "text-to-video", "generate_audio": True},
}


@st.composite
def creative_sets(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    count = draw(st.integers(1, 6))
    creatives: dict[str, dict[str, Any]] = {}
    for index in range(count):
        kind = draw(st.sampled_from(sorted(_FIELDS)))
        body: dict[str, Any] = {"type": kind, "prompt": f"Creative number {index}."}
        body.update(_FIELDS[kind])
        body["aspect_ratio"] = draw(st.sampled_from(["1:1", "9:16", "16:9", "4:5"]))
        body["request_count"] = draw(st.integers(1, 10))
        shape = draw(st.sampled_from(["plain", "matrix", "variants"]))
        if shape == "matrix":
            del body["aspect_ratio"]
            body["matrix"] = {"aspect_ratio": ["1:1", "9:16"], "brand_kit_id": [7, 42]}
        elif shape == "variants":
            body["variants"] = {"story": {"prompt": f"Story {index}."}, "feed": {"revision": 1}}
        creatives[f"c-{index}"] = body
    return creatives


def _identities(root: Path, files: dict[str, dict[str, Any]]) -> dict[str, tuple[str, int]]:
    for name, creatives in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump({"creatives": creatives}, sort_keys=False))
    desired = manifest.load([root], root=root)
    return {c.address: (c.fingerprint, c.request_count) for c in desired.creatives}


def _shuffled(body: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    items = list(body.items())
    rng.shuffle(items)
    # Matrix axes keep their order: it is the order of the values in the address (DESIGN §3).
    return {k: _shuffled(v, rng) if isinstance(v, dict) and k != "matrix" else v for k, v in items}


@settings(max_examples=40, deadline=None)
@given(
    creatives=creative_sets(),
    rng=st.randoms(use_true_random=False),
    names=st.lists(
        st.sampled_from(["a.yaml", "b.yml", "sub/c.yaml", "z/deep/d.yaml", "renamed.yaml"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
)
def test_addresses_and_fingerprints_survive_renames_reorders_and_moves(
    creatives: dict[str, dict[str, Any]], rng: random.Random, names: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        expected = _identities(Path(one), {"all.yaml": creatives})
        spread: dict[str, dict[str, Any]] = {}
        order = list(creatives)
        rng.shuffle(order)
        for name in order:
            file = rng.choice(names)
            spread.setdefault(file, {})[name] = _shuffled(creatives[name], rng)
        assert _identities(Path(two), spread) == expected


def test_a_forked_load_reports_exactly_what_a_load_in_one_process_does(tmp_path: Path) -> None:
    # Forty files, problems on both sides of the cut, a name and a spec repeated across it:
    # the report must not depend on which process parsed which file.
    def hero(name: str, prompt: str) -> str:
        return HERO.replace("hero", name).replace("A collagen drink.", prompt)

    files = {f"m{i:02}.yaml": hero(f"hero-{i}", f"Drink {i}.") for i in range(40)}
    files["m03.yaml"] = hero("twin", "Twin three.")
    files["m37.yaml"] = hero("twin", "Twin thirty-seven.")  # the same name in both halves
    files["m05.yaml"] = "creatives:\n  bad:\n    type: static_ad\n"
    files["m33.yaml"] = "creatives: [\n"
    files["m36.yaml"] = hero("other", "Drink 1.")  # the same spec as m01's
    write(tmp_path, files)
    alone = manifest.start([tmp_path], root=tmp_path, fork_from=None)
    assert alone.forked_files == 0
    expected = alone.finish()
    with manifest.start([tmp_path], root=tmp_path, fork_from=0, busy=100) as loading:
        given = loading.forked_files
        assert 0 < given < 40
        got = loading.finish()
        assert loading.forked_files == given  # the child's part came back and was used
    assert got == expected
    assert [d.file for d in expected.diagnostics] == [
        "m05.yaml",
        "m33.yaml",
        "m36.yaml",
        "m37.yaml",
    ]
    assert len(expected.desired.creatives) == 36


def test_leaving_a_forked_load_unfinished_stops_its_child(tmp_path: Path) -> None:
    write(tmp_path, {f"m{i}.yaml": HERO.replace("hero", f"hero-{i}") for i in range(4)})
    with manifest.start([tmp_path], root=tmp_path, fork_from=0) as loading:
        assert loading.forked_files > 0
        child = loading._child
        assert child is not None
        pid = child._pid
        assert pid is not None
        os.kill(pid, 0)  # running, or done and waiting to be reaped
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped on leaving the block
    assert child.result() is None


def test_the_field_locator_finds_the_line_that_set_a_value(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "ads.yaml": (
                "defaults:\n"
                "  quality_tier: high\n"
                "creatives:\n"
                "  teaser:\n"
                "    type: video_ad\n"
                "    template_slug: motion-graphics\n"
                "    prompt: A teaser.\n"
                "    duration: 8\n"
                "    matrix:\n"
                "      aspect_ratio: ['9:16', '1:1']\n"
                "  hero:\n"
                "    type: static_ad\n"
                "    template_slug: product-shoot\n"
                "    prompt: A hero.\n"
                "    variants:\n"
                "      dark:\n"
                "        template_slug: night-shoot\n"
                "      light: {}\n"
            )
        },
    )
    desired = manifest.load([tmp_path], root=tmp_path)
    by_address = {c.address: c for c in desired.creatives}
    locate = manifest.FieldLocator(desired.sources)

    def where(address: str, field: str) -> tuple[str, str] | None:
        found = locate(by_address[address], field)
        return (str(found[0]), found[1]) if found else None

    assert where("teaser[1:1]", "aspect_ratio") == (
        "ads.yaml:10:30",
        "creatives.teaser.matrix.aspect_ratio[1]",
    )
    assert where("teaser[9:16]", "duration") == ("ads.yaml:8:15", "creatives.teaser.duration")
    assert where("teaser[9:16]", "quality_tier") == ("ads.yaml:2:17", "defaults.quality_tier")
    assert where("hero[dark]", "template_slug") == (
        "ads.yaml:17:24",
        "creatives.hero.variants.dark.template_slug",
    )
    assert where("hero[light]", "template_slug") == (
        "ads.yaml:13:20",
        "creatives.hero.template_slug",
    )
    assert where("hero[light]", "avatar_id") is None


def test_the_field_locator_gives_up_quietly_when_a_file_changed_or_is_not_a_manifest(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"ads.yaml": HERO})
    desired = manifest.load([tmp_path], root=tmp_path)
    [hero] = desired.creatives
    locate = manifest.FieldLocator(desired.sources)
    assert locate(hero, "template_slug") is not None
    for text in ("- not a manifest\n", "creatives:\n", "creatives:\n  hero: text\n", "{"):
        (tmp_path / "ads.yaml").write_text(text)
        assert manifest.FieldLocator(desired.sources)(hero, "template_slug") is None
    (tmp_path / "ads.yaml").write_text(HERO.replace("product-shoot", "other"))
    assert manifest.FieldLocator(desired.sources)(hero, "template_slug") is None
    (tmp_path / "ads.yaml").unlink()
    assert manifest.FieldLocator(desired.sources)(hero, "template_slug") is None


def test_a_file_shown_by_another_name_is_located_where_it_was_read(tmp_path: Path) -> None:
    # `link/../ads.yaml` is shown as `ads.yaml`, but it is read through the link.
    elsewhere = tmp_path / "elsewhere" / "sub"
    elsewhere.mkdir(parents=True)
    (elsewhere.parent / "ads.yaml").write_text("\n" + HERO)
    work = tmp_path / "work"
    work.mkdir()
    (work / "link").symlink_to(elsewhere)
    (work / "ads.yaml").write_text("- a decoy, not a manifest\n")
    desired = manifest.load([work / "link" / ".." / "ads.yaml"], root=work)
    [hero] = desired.creatives
    assert hero.location.file == "ads.yaml"
    found = manifest.FieldLocator(desired.sources)(hero, "template_slug")
    assert found is not None
    assert (str(found[0]), found[1]) == ("ads.yaml:5:20", "creatives.hero.template_slug")
