"""Synthetic workspaces: N creatives of all four types in N/100 manifests, a catalog, a state."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Bump when the generated files change, so cached workspaces are rebuilt.
GENERATOR_VERSION = "4"
PER_FILE = 100
MARKER = ".complete"

_PRODUCTS = (
    "the Lumen smart bottle",
    "a collagen drink in a frosted can",
    "noise-cancelling earbuds",
    "a trail running shoe",
    "an AI note-taking app",
    "a cold brew coffee subscription",
    "a linen duvet set",
    "a kids' coding robot",
)
_SCENES = (
    "on wet slate in soft morning light",
    "on a sunlit kitchen counter",
    "in a neon-lit city street at night",
    "on a white sweep with a soft shadow",
    "in a cosy living room with warm lamps",
    "on a mountain trail at golden hour",
)


@dataclass(frozen=True)
class Kind:
    """One shape of creative: its YAML body and how many addresses it expands to."""

    name: str
    addresses: int
    body: str


# `{p}` is a unique prompt, `{rc}` the request count, `{n}` a small rotating number.
_KINDS = (
    Kind(
        "hero",
        1,
        "    type: static_ad\n    template_slug: product-shoot\n    prompt: {p}\n"
        '    aspect_ratio: "{ar}"\n    resolution: {res}\n    brand_kit_id: 42\n'
        "    request_count: {rc}\n    description: Hero image for the landing page.\n",
    ),
    Kind(
        "teaser",
        2,
        "    type: video_ad\n    template_slug: motion-graphics\n    prompt: {p}\n"
        "    duration: 8\n    avatar_id: avatar_123\n    preset_id: egor\n"
        "    request_count: {rc}\n"
        "    matrix:\n"
        '      aspect_ratio: ["9:16", "1:1"]\n    labels:\n      channel: paid-social\n',
    ),
    Kind(
        "ugc",
        2,
        "    type: ugc_ad\n    template_slug: ugc-product-video\n    prompt: {p}\n"
        '    aspect_ratio: "9:16"\n    duration: 8\n    avatar_id: avatar_456\n'
        "    request_count: {rc}\n    variants:\n      unboxing:\n"
        "        prompt: A creator unboxes {p_short} at their desk, take {n}.\n"
        "      gym:\n"
        "        prompt: A creator shows {p_short} between sets at the gym, take {n}.\n"
        "        quality_tier: low\n",
    ),
    Kind(
        "packshot",
        1,
        "    type: ai_model\n    model_slug: nano-banana-2\n    variant_id: image\n"
        '    prompt: {p}\n    aspect_ratio: "1:1"\n    resolution: 1K\n    request_count: {rc}\n'
        "    reference_image_urls:\n      - https://example.com/products/{n}/front.png\n",
    ),
    Kind(
        "reveal",
        1,
        "    type: ai_model\n    model_slug: veo\n    variant_id: first-frame-last-frame\n"
        '    prompt: {p}\n    aspect_ratio: "9:16"\n    duration: 8\n    request_count: {rc}\n'
        "    reference_image_urls:\n      - https://example.com/products/{n}/first.png\n"
        "      - https://example.com/products/{n}/last.png\n",
    ),
    Kind(
        "loop",
        1,
        "    type: ai_model\n    model_slug: kling\n    variant_id: text-to-video\n"
        '    prompt: {p}\n    aspect_ratio: "16:9"\n    duration: 5\n    request_count: {rc}\n',
    ),
    Kind(
        "flatlay",
        1,
        "    type: static_ad\n    template_slug: lifestyle-flatlay\n    prompt: {p}\n"
        '    aspect_ratio: "4:5"\n    resolution: 1K\n    brand_kit_id: 7\n'
        "    request_count: {rc}\n",
    ),
    Kind(
        "demo",
        1,
        "    type: video_ad\n    template_slug: product-demo\n    prompt: {p}\n"
        '    aspect_ratio: "16:9"\n    duration: 12\n    quality_tier: low\n'
        "    request_count: {rc}\n",
    ),
    Kind(
        "testimonial",
        1,
        "    type: ugc_ad\n    template_slug: testimonial\n    prompt: {p}\n"
        '    aspect_ratio: "9:16"\n    duration: 12\n    avatar_id: avatar_123\n'
        "    preset_id: minimal\n    request_count: {rc}\n",
    ),
)
_ASPECTS = ("1:1", "4:5", "9:16", "16:9")


def _kinds_for(count: int) -> Iterator[Kind]:
    """Kinds cycling through all shapes, totalling exactly `count` addresses."""
    left, index = count, 0
    while left > 0:
        kind = _KINDS[index % len(_KINDS)]
        index += 1
        if kind.addresses <= left:
            left -= kind.addresses
            yield kind


def manifest_text(file_number: int, count: int, request_count: int | None = None) -> str:
    """One manifest of `count` addresses; prompts carry the file and creative numbers."""
    parts = [
        f"# Synthetic benchmark manifest {file_number:05d}: {count} creatives of all four types.\n"
        "version: 1\n\ndefaults:\n  quality_tier: high\n  labels:\n"
        f"    campaign: bench-{file_number:05d}\n\ncreatives:\n"
    ]
    for j, kind in enumerate(_kinds_for(count)):
        serial = file_number * 1000 + j
        product = _PRODUCTS[serial % len(_PRODUCTS)]
        scene = _SCENES[serial % len(_SCENES)]
        prompt = (
            f"Creative {serial} shows {product} {scene}, crisp detail, bold hook in two seconds."
        )
        body = kind.body.format(
            p=prompt,
            p_short=f"{product} (creative {serial})",
            ar=_ASPECTS[serial % len(_ASPECTS)],
            res=("1K", "2K")[serial % 2],
            rc=request_count if request_count is not None else 1 + serial % 3,
            n=serial % 97,
        )
        parts.append(f"  {kind.name}-{file_number:05d}-{j:03d}:\n{body}\n")
    return "".join(parts)


def write_manifests(
    directory: Path, creatives: int, per_file: int = PER_FILE, request_count: int | None = None
) -> list[Path]:
    """`creatives` addresses in files of `per_file` under `directory`; returns the files."""
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for number, start in enumerate(range(0, creatives, per_file)):
        path = directory / f"bench-{number:05d}.yaml"
        size = min(per_file, creatives - start)
        path.write_text(manifest_text(number, size, request_count), encoding="utf-8")
        files.append(path)
    return files


def write_catalog(workdir: Path) -> Path:
    """The sandbox's catalog saved as `creatives catalog pull --sandbox` would, offline."""
    from reconciler import catalog
    from reconciler.sandbox.catalog import assets_document, models_document

    path = workdir / catalog.CATALOG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    parsed = catalog.parse(models_document(), assets_document())
    path.write_text(catalog.dumps(parsed, source="sandbox"), encoding="utf-8")
    return path


def write_state(workdir: Path, status: str = "completed") -> Path:
    """A state matching the manifests, as if every batch had been applied and finished.

    Each creative goes through the real transitions (write-ahead, then submitted) on a state of
    its own, so building the whole state is linear in the number of creatives.
    """
    from reconciler import __version__, manifest, planner
    from reconciler.model import Generation, State
    from reconciler.state import dumps, new_state
    from reconciler.transitions import record_submitted, write_ahead

    lineage = hashlib.sha256(str(workdir.name).encode()).hexdigest()[:32]
    desired = manifest.load([workdir / "creatives"], root=workdir)
    empty = new_state(lineage)
    the_plan = planner.plan(desired.creatives, empty, tool_version=__version__)
    entries = {}
    for change in the_plan.changes:
        assert change.batch is not None
        generations = [
            Generation(
                id=str(uuid.UUID(bytes=hashlib.md5(f"{change.address}#{i}".encode()).digest())),
                status=status,
                url=f"https://cdn.videotok.app/outputs/{change.address}/{i}.png",
                updated_at="2026-01-01T00:05:00Z",
            )
            for i in range(change.batch.request_count)
        ]
        one = write_ahead(empty, change)
        one = record_submitted(
            one,
            change.address,
            change.batch.number,
            generations,
            credits_deducted=100 * change.batch.request_count,
            submitted_at="2026-01-01T00:00:00Z",
        )
        entries[change.address] = one.creatives[change.address]
    path = workdir / "creatives.state.json"
    path.write_text(dumps(State(lineage=lineage, serial=1, creatives=entries)), encoding="utf-8")
    return path


def workspace(
    root: Path, creatives: int, *, per_file: int = PER_FILE, with_state: bool = True
) -> Path:
    """`root/ws-N-PER`: manifests under `creatives/`, a catalog, and a matching state.

    Built in a child process (the 100,000-creative state takes a few hundred MiB to build) and
    reused while the generator version and sizes are unchanged.
    """
    workdir = root / f"ws-{creatives}-{per_file}"
    tag = json.dumps([GENERATOR_VERSION, creatives, per_file, with_state])
    marker = workdir / MARKER
    if marker.exists() and marker.read_text(encoding="utf-8") == tag:
        return workdir
    shutil.rmtree(workdir, ignore_errors=True)
    import subprocess

    argv = [sys.executable, "-m", "benchmarks.generate", str(workdir), str(creatives)]
    argv += ["--per-file", str(per_file)] + ([] if with_state else ["--no-state"])
    subprocess.run(argv, check=True, cwd=Path(__file__).resolve().parent.parent)
    marker.write_text(tag, encoding="utf-8")
    return workdir


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("creatives", type=int)
    parser.add_argument("--per-file", type=int, default=PER_FILE)
    parser.add_argument("--request-count", type=int)
    parser.add_argument("--no-state", action="store_true")
    args = parser.parse_args(argv)
    write_manifests(args.workdir / "creatives", args.creatives, args.per_file, args.request_count)
    write_catalog(args.workdir)
    if not args.no_state:
        write_state(args.workdir)


if __name__ == "__main__":
    main()
