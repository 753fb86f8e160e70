"""The sandbox's catalog: the agreed response shapes, the documented examples, the prices."""

from __future__ import annotations

from reconciler.sandbox import catalog


def test_models_document_has_the_agreed_shape() -> None:
    models = catalog.models_document()
    assert set(models) == {
        "object",
        "static_ads",
        "video_ads",
        "ugc_ads",
        "ai_models",
        "presets",
        "quality_tiers",
    }
    for template in models["static_ads"]:
        assert set(template) == {
            "slug",
            "name",
            "aspect_ratios",
            "resolutions",
            "estimated_credits",
        }
    for template in models["video_ads"] + models["ugc_ads"]:
        assert set(template) == {"slug", "name", "aspect_ratios", "quality_tiers"}
        for tier in template["quality_tiers"]:
            assert set(tier) == {"id", "durations", "credits_per_second"}
    for model in models["ai_models"]:
        for variant in model["variants"]:
            priced_per_second = "durations" in variant
            assert ("credits_per_second" in variant) is priced_per_second
            assert ("estimated_credits" in variant) is not priced_per_second
            assert isinstance(variant["generates_audio"], bool)
            assert set(variant["required_inputs"]) <= set(variant["inputs"])


def test_documented_examples_are_in_the_catalog() -> None:
    models, assets = catalog.models_document(), catalog.assets_document()
    assert "product-shoot" in catalog.ids(models["static_ads"], "slug")
    assert "motion-graphics" in catalog.ids(models["video_ads"], "slug")
    assert "ugc-product-video" in catalog.ids(models["ugc_ads"], "slug")
    variants = {m["slug"]: catalog.ids(m["variants"]) for m in models["ai_models"]}
    assert variants["nano-banana-2"] == ["image"]
    assert variants["veo"] == ["first-frame-last-frame"]
    assert "egor" in catalog.ids(models["presets"])
    assert 42 in catalog.ids(assets["brand_kits"])
    assert "avatar_123" in catalog.ids(assets["avatars"])


def test_documents_are_copies() -> None:
    catalog.models_document()["static_ads"].clear()
    assert catalog.models_document()["static_ads"]


def test_prices() -> None:
    tier = catalog.find(catalog.VIDEO_ADS, "slug", "motion-graphics")["quality_tiers"][0]  # type: ignore[index]
    assert catalog.tier_price(tier, 8) == 200
    veo = catalog.AI_MODELS[1]["variants"][0]
    assert catalog.variant_price(veo, 8) == 400
    image = catalog.AI_MODELS[0]["variants"][0]
    assert catalog.variant_price(image, None) == 40


def test_find_does_not_confuse_booleans_with_numbers() -> None:
    assert catalog.find([{"id": 1}], "id", True) is None
    assert catalog.find([{"id": 1}], "id", 1) == {"id": 1}
