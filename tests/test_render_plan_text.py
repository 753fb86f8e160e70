"""The text plan: golden output with every action, summary line variants, colour."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reconciler import keys
from reconciler.model import (
    SUMMARY_ACTIONS,
    Action,
    BatchRequest,
    Change,
    FieldChange,
    Plan,
    Summary,
)
from reconciler.render.plan_json import compute_plan_hash
from reconciler.render.plan_text import (
    NO_CHANGES,
    SUMMARY_PATTERN,
    render_plan_text,
    summary_line,
)

GOLDEN = Path(__file__).parent / "golden"
LINEAGE = "6f1c0d2e3a4b5c6d7e8f901a2b3c4d5e"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _batch(spec: dict[str, Any], number: int, outputs: int) -> BatchRequest:
    return BatchRequest(
        number, keys.idempotency_key(LINEAGE, keys.fingerprint(spec), number), outputs
    )


AVATAR = {
    "type": "ai_model",
    "model_slug": "nano-banana-2",
    "variant_id": "image",
    "prompt": "A model holding the bottle.",
    "aspect_ratio": "1:1",
    "resolution": "1K",
}
HERO_OLD = {
    "type": "static_ad",
    "template_slug": "product-shoot",
    "prompt": "Premium ad for a collagen drink.",
    "aspect_ratio": "1:1",
    "preset_id": "egor",
}
HERO_NEW = {
    "type": "static_ad",
    "template_slug": "product-shoot",
    "prompt": "Premium ad for a collagen drink, morning light.",
    "aspect_ratio": "1:1",
    "brand_kit_id": 42,
}
MOVED = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "Hero shot."}
LAUNCH = {
    "type": "video_ad",
    "template_slug": "motion-graphics",
    "prompt": "A fast hook-driven launch ad.",
    "duration": 8,
    "quality_tier": "high",
}
LAUNCH_SQUARE = {**LAUNCH, "aspect_ratio": "1:1"}
LAUNCH_TALL = {**LAUNCH, "aspect_ratio": "9:16", "reference_image_urls": ["https://x.test/a.png"]}
TEASER = {"type": "video_ad", "template_slug": "teaser", "prompt": "Old teaser.", "duration": 5}
RETINOL = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "Retinol serum."}
SALE = {"type": "ugc_ad", "template_slug": "ugc-product-video", "prompt": "Summer sale."}


def _change(address: str, action: Action, spec: dict[str, Any], **fields: Any) -> Change:
    return Change(
        address=address,
        action=action,
        fingerprint=keys.fingerprint(spec),
        **fields,
    )


def sample_changes() -> tuple[Change, ...]:
    """One change of every action, a no-op with a note, and an unknown estimate."""
    return (
        _change(
            "avatar-promo",
            Action.CREATE,
            AVATAR,
            reason="not in state",
            after=AVATAR,
            source="creatives/models.yaml",
            batch=_batch(AVATAR, 0, 1),
            credits=None,
        ),
        _change(
            "collagen-hero",
            Action.REGENERATE,
            HERO_NEW,
            reason="spec changed",
            before=HERO_OLD,
            after=HERO_NEW,
            source="creatives/drinks.yaml",
            field_changes=(
                FieldChange("brand_kit_id", "added", None, 42),
                FieldChange("preset_id", "removed", "egor", None),
                FieldChange("prompt", "changed", HERO_OLD["prompt"], HERO_NEW["prompt"]),
            ),
            batch=_batch(HERO_NEW, 1, 2),
            credits=200,
            notes=("2 earlier outputs move to history; their assets stay",),
        ),
        _change(
            "hero-v2",
            Action.MOVE,
            MOVED,
            reason="renamed from hero; same fingerprint",
            before=MOVED,
            after=MOVED,
            source="creatives/drinks.yaml",
            moved_from="hero",
        ),
        _change(
            "launch[1:1]",
            Action.ADD_OUTPUTS,
            LAUNCH_SQUARE,
            reason="request_count raised from 1 to 2",
            before=LAUNCH_SQUARE,
            after=LAUNCH_SQUARE,
            source="creatives/launch.yaml",
            batch=_batch(LAUNCH_SQUARE, 1, 1),
            credits=250,
        ),
        _change(
            "launch[9:16]",
            Action.CREATE,
            LAUNCH_TALL,
            reason="not in state",
            after=LAUNCH_TALL,
            source="creatives/launch.yaml",
            batch=_batch(LAUNCH_TALL, 0, 2),
            credits=500,
        ),
        _change(
            "old-teaser",
            Action.FORGET,
            TEASER,
            reason="not in the manifests; removed from state only (2 outputs stay in Videotok)",
            before=TEASER,
            source="creatives/old.yaml",
        ),
        _change(
            "retinol-static",
            Action.NOOP,
            RETINOL,
            reason="up to date",
            before=RETINOL,
            after=RETINOL,
            source="creatives/drinks.yaml",
            notes=(
                "1 output failed and is not retried; bump `revision` or use "
                "--replace retinol-static to retry on purpose",
            ),
        ),
        _change(
            "summer-sale",
            Action.RESUBMIT,
            SALE,
            reason="batch was written ahead but its answer was never recorded",
            before=SALE,
            after=SALE,
            source="creatives/sale.yaml",
            batch=_batch(SALE, 0, 1),
            credits=100,
            notes=("at most this much: nothing is spent if the API already accepted it",),
        ),
    )


def counts(**values: int) -> dict[str, int]:
    return {a.value: values.get(a.value, 0) for a in SUMMARY_ACTIONS}


def make_plan(
    changes: tuple[Change, ...],
    summary: Summary,
    *,
    notes: tuple[str, ...] = (),
    state_exists: bool = True,
) -> Plan:
    return Plan(
        tool_version="0.1.0",
        lineage=LINEAGE,
        serial=12,
        state_exists=state_exists,
        manifests_digest=keys.manifests_digest([("hero", "sha256:" + "0" * 64, 1)]),
        changes=changes,
        summary=summary,
        notes=notes,
        plan_hash=compute_plan_hash(LINEAGE, changes),
    )


def sample_plan() -> Plan:
    summary = Summary(
        counts=counts(create=2, regenerate=1, add_outputs=1, resubmit=1, move=1, forget=1),
        outputs=7,
        credits=1050,
        unknown_credits=1,
    )
    note = "No catalog at .creatives/catalog.json: run `creatives catalog pull` for estimates."
    return make_plan(sample_changes(), summary, notes=(note,))


def test_golden_text_with_every_action() -> None:
    assert_golden("plan_all_actions.txt", render_plan_text(sample_plan(), color=False))


def test_summary_line_of_the_design_example() -> None:
    summary = Summary(
        counts=counts(create=3, regenerate=1, add_outputs=1, move=2, forget=1),
        outputs=9,
        credits=1450,
        unknown_credits=1,
    )
    plan = make_plan(sample_changes(), summary)
    assert summary_line(plan) == (
        "Plan: 3 to create, 1 to regenerate, 1 to add outputs, 0 to resubmit, 2 to move, "
        "1 to forget. 9 outputs, 1,450 credits (1 estimate unknown)."
    )


def test_summary_line_when_every_estimate_is_unknown_never_says_zero() -> None:
    summary = Summary(
        counts=counts(create=1, resubmit=1, forget=1), outputs=3, credits=0, unknown_credits=2
    )
    assert summary_line(make_plan(sample_changes(), summary)) == (
        "Plan: 1 to create, 0 to regenerate, 0 to add outputs, 1 to resubmit, 0 to move, "
        "1 to forget. 3 outputs, credits unknown (2 estimates unknown)."
    )


def test_summary_line_with_every_estimate_known_and_singulars() -> None:
    summary = Summary(counts=counts(create=1), outputs=1, credits=1, unknown_credits=0)
    assert summary_line(make_plan(sample_changes(), summary)) == (
        "Plan: 1 to create, 0 to regenerate, 0 to add outputs, 0 to resubmit, 0 to move, "
        "0 to forget. 1 output, 1 credit."
    )


def test_summary_line_of_state_only_changes_costs_nothing() -> None:
    summary = Summary(counts=counts(move=1234), outputs=0, credits=0, unknown_credits=0)
    assert summary_line(make_plan(sample_changes(), summary)) == (
        "Plan: 0 to create, 0 to regenerate, 0 to add outputs, 0 to resubmit, 1,234 to move, "
        "0 to forget. 0 outputs, 0 credits."
    )


def test_summary_line_without_changes_other_than_no_ops() -> None:
    noop = sample_changes()[6]
    plan = make_plan((noop,), Summary(counts=counts(), outputs=0, credits=0, unknown_credits=0))
    assert summary_line(plan) == NO_CHANGES == "No changes. Creatives match the manifests."


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        (
            "Plan: 3 to create, 1 to regenerate, 1 to add outputs, 0 to resubmit, 2 to move, "
            "1 to forget. 9 outputs, 1,450 credits (1 estimate unknown).",
            ("3", "1", "1", "0", "2", "1", "9", "1,450", "1"),
        ),
        (
            "Plan: 1 to create, 0 to regenerate, 0 to add outputs, 0 to resubmit, 0 to move, "
            "0 to forget. 1 output, credits unknown (1 estimate unknown).",
            ("1", "0", "0", "0", "0", "0", "1", None, "1"),
        ),
        (
            "Plan: 0 to create, 0 to regenerate, 0 to add outputs, 0 to resubmit, 1 to move, "
            "0 to forget. 0 outputs, 0 credits.",
            ("0", "0", "0", "0", "1", "0", "0", "0", None),
        ),
    ],
)
def test_summary_pattern_parses_every_variant(line: str, groups: tuple[str | None, ...]) -> None:
    match = SUMMARY_PATTERN.match(line)
    assert match is not None
    assert match.groups() == groups


def test_no_changes_lists_no_blocks_but_keeps_no_op_notes() -> None:
    noop = sample_changes()[6]
    plan = make_plan((noop,), Summary(counts=counts(), outputs=0, credits=0, unknown_credits=0))
    assert render_plan_text(plan, color=False) == (
        f"Compared the manifests with state serial 12 (lineage {LINEAGE}).\n"
        "\n"
        "Note: retinol-static: 1 output failed and is not retried; bump `revision` or use "
        "--replace retinol-static to retry on purpose\n"
        "\n"
        "No changes. Creatives match the manifests.\n"
    )


def test_legend_shows_only_the_symbols_used_and_an_empty_state_says_so() -> None:
    move = sample_changes()[2]
    summary = Summary(counts=counts(move=1), outputs=0, credits=0, unknown_credits=0)
    plan = make_plan((move,), summary, state_exists=False)
    assert render_plan_text(plan, color=False) == (
        "Compared the manifests with an empty state (no state file yet).\n"
        "Actions are shown with these symbols:\n"
        "  → move\n"
        "\n"
        "  → hero-v2\n"
        "      reason: renamed from hero; same fingerprint\n"
        "      source: creatives/drinks.yaml\n"
        "      hero -> hero-v2 (state only, no API call)\n"
        "\n"
        "Plan: 0 to create, 0 to regenerate, 0 to add outputs, 0 to resubmit, 1 to move, "
        "0 to forget. 0 outputs, 0 credits.\n"
    )


def test_colour_marks_symbols_addresses_and_diff_signs() -> None:
    text = render_plan_text(sample_plan(), color=True)
    lines = text.splitlines()
    assert "\x1b[35m-/+\x1b[0m regenerate" in lines
    assert "  \x1b[32m+\x1b[0m \x1b[1mavatar-promo\x1b[0m" in lines
    assert "  \x1b[31m-\x1b[0m \x1b[1mold-teaser\x1b[0m" in lines
    assert "  \x1b[36m→\x1b[0m \x1b[1mhero-v2\x1b[0m" in lines
    assert "  \x1b[33m↻\x1b[0m \x1b[1msummer-sale\x1b[0m" in lines
    assert '      \x1b[33m~\x1b[0m prompt: "Premium ad for a collagen drink." -> ' in text
    assert ANSI.sub("", text) == render_plan_text(sample_plan(), color=False)


def test_without_colour_no_escape_byte_even_from_hostile_user_text() -> None:
    hostile = "Red \x1b[31malert\x1b[0m, CSI \x9b2J, bidi \u202etxt.exe, bell \x07"
    change = replace(
        sample_changes()[0],
        after={**AVATAR, "prompt": hostile},
        notes=(f"note with {hostile}",),
    )
    summary = Summary(counts=counts(create=1), outputs=1, credits=0, unknown_credits=1)
    text = render_plan_text(make_plan((change,), summary, notes=(hostile,)), color=False)
    assert "\x1b" not in text
    assert "\x9b" not in text
    assert "\u202e" not in text
    assert (
        '      + prompt: "Red \\u001b[31malert\\u001b[0m, CSI \\u009b2J, '
        'bidi \\u202etxt.exe, bell \\u0007"\n'
    ) in text
    assert (
        "Note: Red \\u001b[31malert\\u001b[0m, CSI \\u009b2J, bidi \\u202etxt.exe, bell " in text
    )
