"""The client's catalog: tolerant parsing, checks with suggestions, and estimates that match
what the sandbox actually deducts (two independent readings of the API docs agreeing)."""

from __future__ import annotations

import httpx
import pytest

from reconciler import catalog
from reconciler.model import Creative, Location

SPECS = [
    (
        {
            "type": "static_ad",
            "template_slug": "product-shoot",
            "prompt": "p",
            "aspect_ratio": "1:1",
            "resolution": "1K",
            "brand_kit_id": 42,
        },
        2,
    ),
    (
        {
            "type": "video_ad",
            "template_slug": "motion-graphics",
            "prompt": "p",
            "aspect_ratio": "9:16",
            "duration": 8,
            "quality_tier": "high",
            "preset_id": "egor",
            "avatar_id": "avatar_123",
        },
        1,
    ),
    (
        {
            "type": "ugc_ad",
            "template_slug": "ugc-product-video",
            "prompt": "p",
            "aspect_ratio": "9:16",
            "duration": 8,
            "quality_tier": "low",
        },
        3,
    ),
    (
        {
            "type": "ai_model",
            "model_slug": "nano-banana-2",
            "variant_id": "image",
            "prompt": "p",
            "aspect_ratio": "1:1",
            "resolution": "1K",
        },
        1,
    ),
    (
        {
            "type": "ai_model",
            "model_slug": "veo",
            "variant_id": "first-frame-last-frame",
            "prompt": "p",
            "aspect_ratio": "9:16",
            "duration": 8,
            "reference_image_urls": ["https://example.com/a.png", "https://example.com/b.png"],
        },
        1,
    ),
]


@pytest.fixture
def live(inprocess_sandbox):
    sandbox = inprocess_sandbox()
    client = httpx.Client(headers={"Authorization": f"Bearer {sandbox.api_key}"}, timeout=10)
    yield sandbox, client
    client.close()


def fetch(sandbox, client):
    models = client.get(f"{sandbox.base_url}/models").json()
    assets = client.get(f"{sandbox.base_url}/assets").json()
    return catalog.parse(models, assets)


@pytest.mark.parametrize(("spec", "count"), SPECS)
def test_estimate_equals_what_the_sandbox_deducts(live, spec, count):
    sandbox, client = live
    parsed = fetch(sandbox, client)
    estimate = parsed.estimate(spec, count)
    assert estimate is not None and estimate > 0
    answer = client.post(
        f"{sandbox.base_url}/generations",
        json={**spec, "request_count": count},
        headers={"Idempotency-Key": f"crv1-{'0' * 39}{count}"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["credits_deducted"] == estimate


def test_documented_examples_are_in_the_catalog(live):
    parsed = fetch(*live)
    assert "product-shoot" in parsed.templates["static_ad"]
    assert "motion-graphics" in parsed.templates["video_ad"]
    assert "ugc-product-video" in parsed.templates["ugc_ad"]
    assert "image" in parsed.models["nano-banana-2"]
    assert "first-frame-last-frame" in parsed.models["veo"]
    assert "egor" in parsed.presets
    assert 42 in parsed.brand_kits
    assert "avatar_123" in parsed.avatars


def creative(spec):
    return Creative("hero", spec, "sha256:" + "0" * 64, Location("creatives/a.yaml", 4, 3))


def test_checks_name_the_field_and_suggest(live):
    parsed = fetch(*live)
    spec = {
        "type": "video_ad",
        "template_slug": "motion-graphic",
        "prompt": "p",
        "preset_id": "egr",
        "brand_kit_id": 41,
    }
    messages = [d.format() for d in catalog.check([creative(spec)], parsed)]
    assert messages == [
        "creatives/a.yaml:4:3: creatives.hero.template_slug: hero: unknown video_ad template "
        '"motion-graphic" (did you mean "motion-graphics"?)',
        'creatives/a.yaml:4:3: creatives.hero.preset_id: hero: unknown preset "egr" '
        '(did you mean "egor"?)',
        'creatives/a.yaml:4:3: creatives.hero.brand_kit_id: hero: unknown brand kit "41" '
        "(allowed: 7, 42)",
    ]


def test_duration_must_fit_the_quality_tier(live):
    parsed = fetch(*live)
    spec = dict(SPECS[1][0], duration=5)
    [problem] = catalog.check([creative(spec)], parsed)
    assert problem.path == "creatives.hero.duration"
    assert problem.message.startswith("hero: duration 5 is not allowed for quality tier high")


def test_unknown_price_is_none_never_zero():
    parsed = catalog.parse({"static_ads": [{"slug": "x"}]}, {})
    assert parsed.estimate({"type": "static_ad", "template_slug": "x"}, 3) is None
    assert parsed.estimate({"type": "static_ad", "template_slug": "nope"}, 1) is None


def test_tolerates_other_plausible_shapes():
    parsed = catalog.parse(
        {
            "static_ads": {"data": [{"id": "a", "credits": 10}]},
            "models": [{"id": "m", "variants": [{"slug": "v", "credits_per_sec": 5}]}],
        },
        {"brandKits": [{"id": "7"}]},
    )
    assert parsed.estimate({"type": "static_ad", "template_slug": "a"}, 2) == 20
    assert (
        parsed.estimate(
            {"type": "ai_model", "model_slug": "m", "variant_id": "v", "duration": 4}, 1
        )
        == 20
    )
    assert parsed.brand_kits == frozenset({7})


def test_saved_catalog_round_trips(tmp_path, live):
    parsed = fetch(*live)
    path = tmp_path / "catalog.json"
    path.write_text(catalog.dumps(parsed, source="sandbox"), encoding="utf-8")
    again = catalog.load(path)
    assert again is not None
    assert again.templates == parsed.templates
    assert catalog.load(tmp_path / "missing.json") is None


def test_catalog_text_shows_tier_prices_instead_of_an_unknown_one():
    from reconciler.render.catalog import render_catalog

    parsed = catalog.parse(
        {
            "static_ads": [{"slug": "shot", "aspect_ratios": ["1:1"], "estimated_credits": 100}],
            "video_ads": [
                {
                    "slug": "reel",
                    "quality_tiers": [
                        {"id": "high", "durations": [4, 8], "credits_per_second": 25}
                    ],
                }
            ],
            "presets": [{"id": "egor"}],
        },
        {"brand_kits": [{"id": 42}], "avatars": [{"id": "avatar_123"}]},
    )
    assert render_catalog(parsed) == (
        "Templates:\n"
        "  static_ad shot: 100 credits/output (aspect 1:1)\n"
        "  video_ad reel: priced per quality tier\n"
        "    tier high: 25 credits/s; durations 4, 8\n"
        "AI models:\n"
        "Presets: egor\n"
        "Brand kits: 42\n"
        "Avatars: avatar_123\n"
    )
