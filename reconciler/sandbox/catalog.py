"""The sandbox's own catalog (templates, models, presets, assets) and its prices.

The shapes are what GET /models and GET /assets answer (field names are assumptions: Videotok
does not publish them). A variant's `inputs` lists every payload field it accepts besides
type, model_slug, variant_id, request_count and idempotency_key; `required_inputs` those it
needs; `reference_image_count`, when present, the exact number of reference images.
"""

from __future__ import annotations

import copy
from typing import Any

_WIDE = ["1:1", "4:5", "9:16", "16:9"]

STATIC_ADS: list[dict[str, Any]] = [
    {
        "slug": "product-shoot",
        "name": "Product shoot",
        "aspect_ratios": _WIDE,
        "resolutions": ["1K", "2K"],
        "estimated_credits": 100,
    },
    {
        "slug": "lifestyle-flatlay",
        "name": "Lifestyle flat lay",
        "aspect_ratios": ["1:1", "4:5"],
        "resolutions": ["1K", "2K"],
        "estimated_credits": 80,
    },
]

VIDEO_ADS: list[dict[str, Any]] = [
    {
        "slug": "motion-graphics",
        "name": "Motion graphics",
        "aspect_ratios": ["9:16", "1:1", "16:9"],
        "quality_tiers": [
            {"id": "high", "durations": [4, 8, 12], "credits_per_second": 25},
            {"id": "low", "durations": [4, 8], "credits_per_second": 10},
        ],
    },
    {
        "slug": "product-demo",
        "name": "Product demo",
        "aspect_ratios": ["16:9", "9:16"],
        "quality_tiers": [
            {"id": "high", "durations": [8, 12, 16], "credits_per_second": 30},
            {"id": "low", "durations": [8, 12], "credits_per_second": 12},
        ],
    },
]

UGC_ADS: list[dict[str, Any]] = [
    {
        "slug": "ugc-product-video",
        "name": "UGC product video",
        "aspect_ratios": ["9:16", "1:1"],
        "quality_tiers": [
            {"id": "high", "durations": [8, 12], "credits_per_second": 30},
            {"id": "low", "durations": [8], "credits_per_second": 15},
        ],
    },
    {
        "slug": "testimonial",
        "name": "Testimonial",
        "aspect_ratios": ["9:16", "4:5"],
        "quality_tiers": [
            {"id": "high", "durations": [12, 20], "credits_per_second": 28},
            {"id": "low", "durations": [12], "credits_per_second": 14},
        ],
    },
]

_REFERENCES = ["reference_image_urls", "brand_kit_id", "preset_id"]

AI_MODELS: list[dict[str, Any]] = [
    {
        "slug": "nano-banana-2",
        "name": "Nano Banana 2",
        "variants": [
            {
                "id": "image",
                "name": "Image",
                "inputs": [
                    "prompt",
                    "aspect_ratio",
                    "resolution",
                    *_REFERENCES,
                    "custom_reference_inspiration_id",
                ],
                "required_inputs": ["prompt"],
                "aspect_ratios": ["1:1", "4:5", "9:16", "16:9", "auto"],
                "resolutions": ["1K", "2K"],
                "estimated_credits": 40,
                "generates_audio": False,
            }
        ],
    },
    {
        "slug": "veo",
        "name": "Veo",
        "variants": [
            {
                "id": "first-frame-last-frame",
                "name": "First frame to last frame",
                "inputs": [
                    "prompt",
                    "aspect_ratio",
                    "duration",
                    "reference_image_urls",
                    "generate_audio",
                ],
                "required_inputs": ["prompt", "duration", "reference_image_urls"],
                "reference_image_count": 2,
                "aspect_ratios": ["9:16", "16:9"],
                "durations": [4, 8],
                "credits_per_second": 50,
                "generates_audio": True,
            }
        ],
    },
    {
        "slug": "kling",
        "name": "Kling",
        "variants": [
            {
                "id": "text-to-video",
                "name": "Text to video",
                "inputs": ["prompt", "aspect_ratio", "duration"],
                "required_inputs": ["prompt", "duration"],
                "aspect_ratios": ["9:16", "16:9", "1:1"],
                "durations": [5, 10],
                "credits_per_second": 20,
                "generates_audio": False,
            },
            {
                "id": "video-to-video",
                "name": "Video to video",
                "inputs": ["prompt", "aspect_ratio", "duration", "source_video_url"],
                "required_inputs": ["prompt", "duration", "source_video_url"],
                "aspect_ratios": ["9:16", "16:9"],
                "durations": [5, 10],
                "credits_per_second": 24,
                "generates_audio": False,
            },
        ],
    },
]

PRESETS: list[dict[str, Any]] = [
    {"id": "egor", "name": "Egor"},
    {"id": "minimal", "name": "Minimal"},
]
QUALITY_TIERS: list[dict[str, Any]] = [
    {"id": "high", "name": "High"},
    {"id": "low", "name": "Low"},
]

BRAND_KITS: list[dict[str, Any]] = [
    {"id": 42, "name": "Acme Drinks"},
    {"id": 7, "name": "Northwind Apps"},
]
AVATARS: list[dict[str, Any]] = [
    {"id": "avatar_123", "name": "Maya"},
    {"id": "avatar_456", "name": "Leo"},
]
REFERENCE_INSPIRATIONS: list[dict[str, Any]] = [
    {"id": "5b7c2f0e-4d1a-4c3b-9a8e-2f6d1c0b9a71", "name": "Sunlit kitchen"},
    {"id": "c0ffee00-1234-4abc-8def-0123456789ab", "name": "Neon night"},
]

_TEMPLATES = {"static_ads": STATIC_ADS, "video_ads": VIDEO_ADS, "ugc_ads": UGC_ADS}


def models_document() -> dict[str, Any]:
    """The body of GET /models."""
    return copy.deepcopy(
        {
            "object": "catalog",
            "static_ads": STATIC_ADS,
            "video_ads": VIDEO_ADS,
            "ugc_ads": UGC_ADS,
            "ai_models": AI_MODELS,
            "presets": PRESETS,
            "quality_tiers": QUALITY_TIERS,
        }
    )


def assets_document() -> dict[str, Any]:
    """The body of GET /assets."""
    return copy.deepcopy(
        {
            "object": "assets",
            "brand_kits": BRAND_KITS,
            "avatars": AVATARS,
            "reference_inspirations": REFERENCE_INSPIRATIONS,
        }
    )


def templates(section: str) -> list[dict[str, Any]]:
    """The templates of `static_ads`, `video_ads` or `ugc_ads`."""
    return _TEMPLATES[section]


def find(entries: list[dict[str, Any]], key: str, value: Any) -> dict[str, Any] | None:
    for entry in entries:
        if entry[key] == value and type(entry[key]) is type(value):
            return entry
    return None


def ids(entries: list[dict[str, Any]], key: str = "id") -> list[Any]:
    return [entry[key] for entry in entries]


def tier_price(tier: dict[str, Any], duration: int) -> int:
    """Credits for one video or UGC output of `duration` seconds at this quality tier."""
    return int(tier["credits_per_second"]) * duration


def variant_price(variant: dict[str, Any], duration: int | None) -> int:
    """Credits for one output of an AI model variant."""
    if "credits_per_second" in variant:
        return int(variant["credits_per_second"]) * (duration or 0)
    return int(variant["estimated_credits"])


def variant_is_video(variant: dict[str, Any]) -> bool:
    return "durations" in variant
