"""Validation and pricing of POST /generations bodies against the sandbox's catalog."""

from __future__ import annotations

from typing import Any

import pytest

from reconciler.sandbox.contract import Rejection
from reconciler.sandbox.validate import Order, validate

STATIC = {
    "type": "static_ad",
    "template_slug": "product-shoot",
    "prompt": "Premium ad for a collagen drink.",
    "aspect_ratio": "1:1",
    "resolution": "1K",
    "brand_kit_id": 42,
}
VIDEO = {
    "type": "video_ad",
    "template_slug": "motion-graphics",
    "prompt": "A fast hook-driven launch ad.",
    "aspect_ratio": "9:16",
    "duration": 8,
    "quality_tier": "high",
    "avatar_id": "avatar_123",
    "preset_id": "egor",
}
UGC = {
    "type": "ugc_ad",
    "template_slug": "ugc-product-video",
    "prompt": "A creator unboxes the product.",
    "aspect_ratio": "9:16",
    "duration": 8,
    "quality_tier": "high",
}
IMAGE = {
    "type": "ai_model",
    "model_slug": "nano-banana-2",
    "variant_id": "image",
    "prompt": "A can on a beach.",
    "aspect_ratio": "1:1",
    "resolution": "1K",
}
VEO = {
    "type": "ai_model",
    "model_slug": "veo",
    "variant_id": "first-frame-last-frame",
    "prompt": "The can opens.",
    "aspect_ratio": "9:16",
    "duration": 8,
    "reference_image_urls": ["https://example.com/a.png", "https://example.com/b.png"],
}


@pytest.mark.parametrize(
    ("body", "order"),
    [
        (STATIC, Order("static_ad", 1, 100, "image")),
        ({**STATIC, "request_count": 2}, Order("static_ad", 2, 100, "image")),
        (VIDEO, Order("video_ad", 1, 25 * 8, "video")),
        ({**VIDEO, "quality_tier": "low", "duration": 4.0}, Order("video_ad", 1, 10 * 4, "video")),
        (UGC, Order("ugc_ad", 1, 30 * 8, "video")),
        (IMAGE, Order("ai_model", 1, 40, "image")),
        ({**VEO, "generate_audio": True}, Order("ai_model", 1, 50 * 8, "video")),
    ],
)
def test_documented_examples_are_valid_and_priced(body: dict[str, Any], order: Order) -> None:
    assert validate(body) == order


def test_a_batch_costs_unit_price_times_request_count() -> None:
    assert validate({**VIDEO, "request_count": 3}).total_price == 600


def refusal(body: Any) -> tuple[str, str, str]:
    with pytest.raises(Rejection) as refused:
        validate(body)
    assert refused.value.status == 400
    context = refused.value.context
    return context["field"], context["reason"], refused.value.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            ["not", "an", "object"],
            ("body", "invalid_type", "The request body must be a JSON object."),
        ),
        ({"prompt": "p"}, ("type", "required", "type: required.")),
        (
            {**STATIC, "type": "banner"},
            ("type", "not_allowed", "type: must be one of static_ad, video_ad, ugc_ad, ai_model."),
        ),
        (
            {**STATIC, "duration": 8},
            ("duration", "unknown_field", "duration: unknown field for type static_ad."),
        ),
        (
            {**STATIC, "prompt": ""},
            ("prompt", "invalid_type", "prompt: must be a non-empty string."),
        ),
        (
            {k: v for k, v in STATIC.items() if k != "prompt"},
            ("prompt", "required", "prompt: required."),
        ),
        (
            {**STATIC, "aspect_ratio": "21:9"},
            (
                "aspect_ratio",
                "not_allowed",
                "aspect_ratio: '21:9' is not allowed here (allowed: 1:1, 4:5, 9:16, 16:9).",
            ),
        ),
        (
            {**STATIC, "resolution": "8K"},
            (
                "resolution",
                "not_allowed",
                "resolution: '8K' is not allowed here (allowed: 1K, 2K).",
            ),
        ),
        (
            {**STATIC, "request_count": 11},
            (
                "request_count",
                "out_of_range",
                "request_count: must be a whole number from 1 to 10.",
            ),
        ),
        (
            {**STATIC, "request_count": 1.5},
            (
                "request_count",
                "out_of_range",
                "request_count: must be a whole number from 1 to 10.",
            ),
        ),
        (
            {**STATIC, "brand_kit_id": "42"},
            ("brand_kit_id", "invalid_type", "brand_kit_id: must be a whole number."),
        ),
        (
            {**STATIC, "brand_kit_id": 41},
            ("brand_kit_id", "not_found", "brand_kit_id: 41 is unknown (known: 42, 7)."),
        ),
        (
            {**VIDEO, "avatar_id": "avatar_999"},
            (
                "avatar_id",
                "not_found",
                "avatar_id: 'avatar_999' is unknown (known: avatar_123, avatar_456).",
            ),
        ),
        (
            {**VIDEO, "preset_id": "bold"},
            ("preset_id", "not_found", "preset_id: 'bold' is unknown (known: egor, minimal)."),
        ),
        (
            {**STATIC, "custom_reference_inspiration_id": "nope"},
            (
                "custom_reference_inspiration_id",
                "invalid_type",
                "custom_reference_inspiration_id: must be a UUID.",
            ),
        ),
        (
            {**VIDEO, "duration": 5},
            (
                "duration",
                "not_allowed",
                "duration: 5 seconds is not offered by the high tier (allowed: 4, 8, 12).",
            ),
        ),
        (
            {**VIDEO, "quality_tier": "ultra"},
            (
                "quality_tier",
                "not_allowed",
                "quality_tier: 'ultra' is not a quality tier (allowed: high, low).",
            ),
        ),
        (
            {k: v for k, v in VIDEO.items() if k != "duration"},
            ("duration", "required", "duration: required."),
        ),
        (
            {**VIDEO, "source_video_url": "/local/file.mp4"},
            (
                "source_video_url",
                "invalid_url",
                "source_video_url: must be an absolute http(s) URL.",
            ),
        ),
        (
            {**IMAGE, "model_slug": "dall-e"},
            (
                "model_slug",
                "not_allowed",
                "model_slug: 'dall-e' is not an AI model (allowed: nano-banana-2, veo, kling).",
            ),
        ),
        (
            {**IMAGE, "variant_id": "video"},
            (
                "variant_id",
                "not_allowed",
                "variant_id: 'video' is not a nano-banana-2 variant (allowed: image).",
            ),
        ),
        (
            {**IMAGE, "duration": 8},
            (
                "duration",
                "not_supported",
                "duration: not an input of nano-banana-2 variant image.",
            ),
        ),
        (
            {**VEO, "reference_image_urls": ["https://example.com/a.png"]},
            (
                "reference_image_urls",
                "wrong_count",
                "reference_image_urls: first-frame-last-frame takes exactly 2 images "
                "(first frame, then last frame).",
            ),
        ),
        (
            {k: v for k, v in VEO.items() if k != "reference_image_urls"},
            (
                "reference_image_urls",
                "required",
                "reference_image_urls: required by veo first-frame-last-frame.",
            ),
        ),
        (
            {**VEO, "reference_image_urls": ["https://example.com/a.png", "ftp://x/b.png"]},
            (
                "reference_image_urls",
                "invalid_url",
                "reference_image_urls[1]: must be an absolute http(s) URL.",
            ),
        ),
        (
            {**VEO, "generate_audio": "yes"},
            ("generate_audio", "invalid_type", "generate_audio: must be a boolean."),
        ),
    ],
)
def test_the_first_failing_field_is_named(body: Any, expected: tuple[str, str, str]) -> None:
    assert refusal(body) == expected


def test_an_unknown_template_lists_the_allowed_slugs() -> None:
    with pytest.raises(Rejection) as refused:
        validate({**UGC, "template_slug": "motion-graphics"})
    assert refused.value.context == {
        "field": "template_slug",
        "reason": "not_allowed",
        "allowed": ["ugc-product-video", "testimonial"],
        "value": "motion-graphics",
    }


def test_fields_are_checked_in_a_fixed_order() -> None:
    body = {**VIDEO, "template_slug": "nope", "duration": 99, "colour": "red"}
    assert refusal(body)[0] == "colour"
    del body["colour"]
    assert refusal(body)[0] == "template_slug"
