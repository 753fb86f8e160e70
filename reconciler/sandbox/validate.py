"""Check a POST /generations body against the field rules and the catalog; price it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reconciler.sandbox import catalog
from reconciler.sandbox.contract import (
    AI_MODEL_FRAME_FIELDS,
    GENERATION_TYPES,
    MEDIA_URL_FIELDS,
    REQUEST_COUNT_MAX,
    REQUEST_COUNT_MIN,
    SHARED_FIELDS,
    TEMPLATE_TYPES,
    TYPE_FIELDS,
    bad_request,
)

MEDIA_IMAGE = "image"
MEDIA_VIDEO = "video"


@dataclass(frozen=True)
class Order:
    """A valid body, reduced to what queueing it needs."""

    type: str
    request_count: int
    unit_price: int
    media: str

    @property
    def total_price(self) -> int:
        return self.unit_price * self.request_count


def validate(body: Any) -> Order:
    """The order a body asks for, or a 400 `Rejection` naming the first field that fails."""
    if not isinstance(body, dict):
        raise bad_request("body", "invalid_type", "The request body must be a JSON object.")
    kind = _type(body)
    allowed = SHARED_FIELDS | TYPE_FIELDS[kind]
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise bad_request(
            unknown[0],
            "unknown_field",
            f"{unknown[0]}: unknown field for type {kind}.",
            allowed=sorted(allowed),
        )
    _prompt(body, required=True)
    if kind == "ai_model":
        unit_price, media, ratios = _ai_model(body)
    else:
        unit_price, media, ratios = _template(body, kind)
    _choice(body, "aspect_ratio", ratios, required=False)
    count = _request_count(body)
    _references(body)
    _urls(body)
    if "generate_audio" in body and not isinstance(body["generate_audio"], bool):
        raise bad_request("generate_audio", "invalid_type", "generate_audio: must be a boolean.")
    if "idempotency_key" in body and not isinstance(body["idempotency_key"], str):
        raise bad_request("idempotency_key", "invalid_type", "idempotency_key: must be a string.")
    return Order(type=kind, request_count=count, unit_price=unit_price, media=media)


def _type(body: dict[str, Any]) -> str:
    kind = body.get("type")
    if kind is None:
        raise bad_request("type", "required", "type: required.", allowed=list(GENERATION_TYPES))
    if kind not in GENERATION_TYPES:
        raise bad_request(
            "type",
            "not_allowed",
            f"type: must be one of {', '.join(GENERATION_TYPES)}.",
            allowed=list(GENERATION_TYPES),
            value=kind,
        )
    return str(kind)


def _prompt(body: dict[str, Any], *, required: bool) -> None:
    if "prompt" not in body:
        if required:
            raise bad_request("prompt", "required", "prompt: required.")
        return
    prompt = body["prompt"]
    if not isinstance(prompt, str) or not prompt.strip():
        raise bad_request("prompt", "invalid_type", "prompt: must be a non-empty string.")


def _template(body: dict[str, Any], kind: str) -> tuple[int, str, list[str]]:
    section = TEMPLATE_TYPES[kind]
    entries = catalog.templates(section)
    template = _lookup(body, "template_slug", entries, "slug", f"a {section} template")
    if kind == "static_ad":
        _choice(body, "resolution", template["resolutions"], required=False)
        return int(template["estimated_credits"]), MEDIA_IMAGE, template["aspect_ratios"]
    tier = _lookup(body, "quality_tier", template["quality_tiers"], "id", "a quality tier")
    duration = _duration(body, tier["durations"], required=True, where=f"the {tier['id']} tier")
    return catalog.tier_price(tier, duration or 0), MEDIA_VIDEO, template["aspect_ratios"]


def _ai_model(body: dict[str, Any]) -> tuple[int, str, list[str]]:
    model = _lookup(body, "model_slug", catalog.AI_MODELS, "slug", "an AI model")
    variant = _lookup(body, "variant_id", model["variants"], "id", f"a {model['slug']} variant")
    accepted = set(variant["inputs"]) | AI_MODEL_FRAME_FIELDS
    unsupported = sorted(set(body) - accepted)
    if unsupported:
        raise bad_request(
            unsupported[0],
            "not_supported",
            f"{unsupported[0]}: not an input of {model['slug']} variant {variant['id']}.",
            allowed=sorted(accepted),
        )
    for name in variant.get("required_inputs", []):
        if name not in body:
            raise bad_request(
                name, "required", f"{name}: required by {model['slug']} {variant['id']}."
            )
    _choice(body, "resolution", variant.get("resolutions", []), required=False)
    duration = None
    if catalog.variant_is_video(variant):
        duration = _duration(body, variant["durations"], required=True, where=variant["id"])
    count = variant.get("reference_image_count")
    urls = body.get("reference_image_urls")
    if count is not None and isinstance(urls, list) and len(urls) != count:
        raise bad_request(
            "reference_image_urls",
            "wrong_count",
            f"reference_image_urls: {variant['id']} takes exactly {count} images "
            "(first frame, then last frame).",
            expected=count,
            actual=len(urls),
        )
    media = MEDIA_VIDEO if catalog.variant_is_video(variant) else MEDIA_IMAGE
    return catalog.variant_price(variant, duration), media, variant["aspect_ratios"]


def _lookup(
    body: dict[str, Any], field: str, entries: list[dict[str, Any]], key: str, what: str
) -> dict[str, Any]:
    allowed = catalog.ids(entries, key)
    if field not in body:
        raise bad_request(field, "required", f"{field}: required.", allowed=allowed)
    value = body[field]
    found = catalog.find(entries, key, value) if isinstance(value, str) else None
    if found is None:
        raise bad_request(
            field,
            "not_allowed",
            f"{field}: {value!r} is not {what} (allowed: {', '.join(map(str, allowed))}).",
            allowed=allowed,
            value=value,
        )
    return found


def _choice(body: dict[str, Any], field: str, allowed: list[str], *, required: bool) -> None:
    if field not in body:
        if required:
            raise bad_request(field, "required", f"{field}: required.", allowed=allowed)
        return
    value = body[field]
    if not isinstance(value, str) or value not in allowed:
        raise bad_request(
            field,
            "not_allowed",
            f"{field}: {value!r} is not allowed here (allowed: {', '.join(allowed)}).",
            allowed=allowed,
            value=value,
        )


def _integer(value: Any) -> int | None:
    """JSON numbers that are whole (2 and 2.0 alike) as int; anything else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _duration(
    body: dict[str, Any], allowed: list[int], *, required: bool, where: str
) -> int | None:
    if "duration" not in body:
        if required:
            raise bad_request("duration", "required", "duration: required.", allowed=allowed)
        return None
    duration = _integer(body["duration"])
    if duration is None or duration not in allowed:
        listed = ", ".join(str(d) for d in allowed)
        raise bad_request(
            "duration",
            "not_allowed",
            f"duration: {body['duration']!r} seconds is not offered by {where} "
            f"(allowed: {listed}).",
            allowed=allowed,
            value=body["duration"],
        )
    return duration


def _request_count(body: dict[str, Any]) -> int:
    if "request_count" not in body:
        return 1
    count = _integer(body["request_count"])
    if count is None or not REQUEST_COUNT_MIN <= count <= REQUEST_COUNT_MAX:
        raise bad_request(
            "request_count",
            "out_of_range",
            f"request_count: must be a whole number from {REQUEST_COUNT_MIN} "
            f"to {REQUEST_COUNT_MAX}.",
            minimum=REQUEST_COUNT_MIN,
            maximum=REQUEST_COUNT_MAX,
            value=body["request_count"],
        )
    return count


def _known(
    body: dict[str, Any],
    field: str,
    entries: list[dict[str, Any]],
    convert: Callable[[Any], Any],
    what: str,
) -> None:
    if field not in body:
        return
    allowed = catalog.ids(entries)
    value = convert(body[field])
    if value is None:
        raise bad_request(field, "invalid_type", f"{field}: must be {what}.")
    if catalog.find(entries, "id", value) is None:
        raise bad_request(
            field,
            "not_found",
            f"{field}: {body[field]!r} is unknown (known: {', '.join(map(str, allowed))}).",
            allowed=allowed,
            value=body[field],
        )


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _uuid(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return str(uuid.UUID(value)) if len(value) == 36 else None
    except ValueError:
        return None


def _references(body: dict[str, Any]) -> None:
    _known(body, "brand_kit_id", catalog.BRAND_KITS, _integer, "a whole number")
    _known(body, "avatar_id", catalog.AVATARS, _string, "a string")
    _known(body, "preset_id", catalog.PRESETS, _string, "a string")
    _known(
        body,
        "custom_reference_inspiration_id",
        catalog.REFERENCE_INSPIRATIONS,
        _uuid,
        "a UUID",
    )


def _is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _urls(body: dict[str, Any]) -> None:
    if "reference_image_urls" in body:
        urls = body["reference_image_urls"]
        if not isinstance(urls, list) or not urls:
            raise bad_request(
                "reference_image_urls",
                "invalid_type",
                "reference_image_urls: must be a non-empty list of URLs.",
            )
        for index, url in enumerate(urls):
            if not _is_url(url):
                raise bad_request(
                    "reference_image_urls",
                    "invalid_url",
                    f"reference_image_urls[{index}]: must be an absolute http(s) URL.",
                    index=index,
                )
    for field in MEDIA_URL_FIELDS:
        if field in body and not _is_url(body[field]):
            raise bad_request(field, "invalid_url", f"{field}: must be an absolute http(s) URL.")
