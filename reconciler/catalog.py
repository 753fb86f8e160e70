"""The catalog of templates, models, assets and prices: parsing, checks, credit estimates.

The real shapes of `GET /models` and `GET /assets` are not published, so parsing is tolerant:
lists may sit under several plausible names, prices under several keys, and whatever is not
understood is kept in the raw copy and never turned into a guess. A price that is not found is
`None` ("unknown"), never zero.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconciler.errors import CatalogError, Diagnostic
from reconciler.model import Creative, Location, Spec

CATALOG_PATH = Path(".creatives/catalog.json")
CATALOG_FORMAT = 1

TEMPLATE_TYPES = {"static_ad": "static_ads", "video_ad": "video_ads", "ugc_ad": "ugc_ads"}
_PRICE_KEYS = ("estimated_credits", "credits", "credit_cost", "price_credits", "cost")
_PER_SECOND_KEYS = ("credits_per_second", "credits_per_sec", "estimated_credits_per_second")


@dataclass(frozen=True)
class Pricing:
    """Credits for one output: a flat price, or a price per second of duration."""

    per_output: int | None = None
    per_second: float | None = None

    def price(self, spec: Spec) -> int | None:
        if self.per_second is not None:
            duration = spec.get("duration")
            if isinstance(duration, int | float) and not isinstance(duration, bool):
                return round(self.per_second * duration)
            return None
        return self.per_output


@dataclass(frozen=True)
class Tier:
    id: str
    durations: tuple[float, ...] | None
    pricing: Pricing


@dataclass(frozen=True)
class Option:
    """A template or a model variant: what it accepts and what it costs."""

    id: str
    aspect_ratios: tuple[str, ...] | None = None
    resolutions: tuple[str, ...] | None = None
    durations: tuple[float, ...] | None = None
    tiers: Mapping[str, Tier] = field(default_factory=dict)
    pricing: Pricing = Pricing()
    #: Payload fields a model variant accepts (None: not listed, so not checked).
    inputs: tuple[str, ...] | None = None
    reference_image_count: int | None = None


@dataclass(frozen=True)
class Catalog:
    templates: Mapping[str, Mapping[str, Option]]
    models: Mapping[str, Mapping[str, Option]]
    presets: frozenset[str]
    brand_kits: frozenset[int]
    avatars: frozenset[str]
    inspirations: frozenset[str]
    raw: Mapping[str, Any]

    def estimate(self, spec: Spec, request_count: int) -> int | None:
        """Credits for `request_count` outputs of `spec`, or None when not known."""
        option = self._option(spec)
        if option is None:
            return None
        tier = option.tiers.get(str(spec.get("quality_tier")))
        pricing = tier.pricing if tier and _has_price(tier.pricing) else option.pricing
        per_output = pricing.price(spec)
        return None if per_output is None else per_output * request_count

    def _option(self, spec: Spec) -> Option | None:
        kind = spec.get("type")
        if kind == "ai_model":
            return self.models.get(str(spec.get("model_slug")), {}).get(
                str(spec.get("variant_id"))
            )
        return self.templates.get(str(kind), {}).get(str(spec.get("template_slug")))


def _has_price(pricing: Pricing) -> bool:
    return pricing.per_output is not None or pricing.per_second is not None


def _list(body: Mapping[str, Any], *names: str) -> list[Mapping[str, Any]]:
    for name in names:
        value = body.get(name)
        if isinstance(value, Mapping):
            value = value.get("data") or value.get("items")
        if isinstance(value, list):
            return [v for v in value if isinstance(v, Mapping)]
    return []


def _ident(entry: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return None


def _number(entry: Mapping[str, Any], names: Sequence[str]) -> float | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def _strings(entry: Mapping[str, Any], *names: str) -> tuple[str, ...] | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            return tuple(str(v) for v in value)
    return None


def _numbers(entry: Mapping[str, Any], *names: str) -> tuple[float, ...] | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            return tuple(float(v) for v in value if isinstance(v, int | float))
    return None


def _pricing(entry: Mapping[str, Any]) -> Pricing:
    per_second = _number(entry, _PER_SECOND_KEYS)
    flat = _number(entry, _PRICE_KEYS)
    return Pricing(per_output=None if flat is None else round(flat), per_second=per_second)


def _option(entry: Mapping[str, Any], ident: str) -> Option:
    tiers = {}
    for tier in _list(entry, "quality_tiers", "tiers", "qualities"):
        tier_id = _ident(tier, "id", "slug", "name")
        if tier_id:
            durations = _numbers(tier, "durations", "allowed_durations")
            tiers[tier_id] = Tier(tier_id, durations, _pricing(tier))
    return Option(
        id=ident,
        aspect_ratios=_strings(entry, "aspect_ratios", "allowed_aspect_ratios"),
        resolutions=_strings(entry, "resolutions", "allowed_resolutions"),
        durations=_numbers(entry, "durations", "allowed_durations"),
        tiers=tiers,
        pricing=_pricing(entry),
        inputs=_strings(entry, "inputs", "accepted_inputs", "fields"),
        reference_image_count=_count(entry, "reference_image_count"),
    )


def _count(entry: Mapping[str, Any], name: str) -> int | None:
    value = entry.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def parse(models: Mapping[str, Any], assets: Mapping[str, Any]) -> Catalog:
    """Build a catalog from the raw answers of `GET /models` and `GET /assets`."""
    templates: dict[str, dict[str, Option]] = {}
    for kind, key in TEMPLATE_TYPES.items():
        entries = _list(models, key, key.replace("_ads", "_ad_templates"))
        templates[kind] = {}
        for entry in entries:
            slug = _ident(entry, "slug", "id")
            if slug:
                templates[kind][slug] = _option(entry, slug)
    ai_models: dict[str, dict[str, Option]] = {}
    for entry in _list(models, "ai_models", "models"):
        slug = _ident(entry, "slug", "id")
        if not slug:
            continue
        ai_models[slug] = {}
        for variant in _list(entry, "variants"):
            variant_id = _ident(variant, "id", "slug")
            if variant_id:
                ai_models[slug][variant_id] = _option(variant, variant_id)
    presets = {_ident(p, "id", "slug") for p in _list(models, "presets", "inspiration_presets")}
    kits = {_ident(k, "id") for k in _list(assets, "brand_kits", "brandKits")}
    avatars = {_ident(a, "id") for a in _list(assets, "avatars")}
    inspirations = {
        _ident(r, "id") for r in _list(assets, "reference_inspirations", "inspirations")
    }
    return Catalog(
        templates=templates,
        models=ai_models,
        presets=frozenset(p for p in presets if p),
        brand_kits=frozenset(int(k) for k in kits if k and k.isdigit()),
        avatars=frozenset(a for a in avatars if a),
        inspirations=frozenset(i for i in inspirations if i),
        raw={"models": dict(models), "assets": dict(assets)},
    )


def dumps(catalog: Catalog, *, source: str) -> str:
    """The committed file: the raw answers, so nothing the parser skipped is lost."""
    body = {"format_version": CATALOG_FORMAT, "source": source, **catalog.raw}
    return json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load(path: Path) -> Catalog | None:
    """The catalog saved at `path`, or None when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"cannot read the catalog {path}: {exc}") from exc
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}:{exc.lineno}:{exc.colno}: the catalog is not valid JSON: {exc.msg}",
            hint="Run `creatives catalog pull` to fetch it again.",
        ) from exc
    if not isinstance(body, dict) or not isinstance(body.get("models"), dict):
        raise CatalogError(
            f"{path}: not a catalog file (no `models` object)",
            hint="Run `creatives catalog pull` to fetch it again.",
        )
    version = body.get("format_version", CATALOG_FORMAT)
    if isinstance(version, int) and version > CATALOG_FORMAT:
        raise CatalogError(
            f"{path}: catalog format {version} is newer than this creatives supports "
            f"({CATALOG_FORMAT}); upgrade videotok-reconciler"
        )
    assets = body.get("assets")
    return parse(body["models"], assets if isinstance(assets, dict) else {})


def _suggest(value: object, choices: Iterable[object]) -> str | None:
    ordered = sorted(
        choices, key=lambda c: (not isinstance(c, int), c if isinstance(c, int) else 0, str(c))
    )
    names = [str(c) for c in ordered]
    close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    if names and len(names) <= 8:
        return "allowed: " + ", ".join(names)
    return None


#: Where a creative's field is written, as a location and a document path (None: unknown).
Locate = Callable[[Creative, str], tuple[Location, str] | None]


def check(
    creatives: Sequence[Creative], catalog: Catalog, locate: Locate | None = None
) -> list[Diagnostic]:
    """Semantic checks of desired creatives against the catalog, one diagnostic per problem.

    With `locate`, a problem points at the line that set the field; else at the creative.
    """
    problems: list[Diagnostic] = []
    for creative in creatives:
        for field_name, message, value, choices in _problems(creative.spec, catalog):
            found = locate(creative, field_name) if locate is not None else None
            loc, path = found or (creative.location, f"creatives.{creative.name}.{field_name}")
            problems.append(
                Diagnostic(
                    file=loc.file,
                    line=loc.line,
                    col=loc.col,
                    path=path,
                    message=f"{creative.address}: {message}",
                    hint=_suggest(value, choices) if choices is not None else None,
                )
            )
    return problems


_Problem = tuple[str, str, object, Iterable[object] | None]


def _problems(spec: Spec, catalog: Catalog) -> list[_Problem]:
    kind = str(spec.get("type"))
    found: list[_Problem] = []
    option: Option | None = None
    if kind in TEMPLATE_TYPES:
        known = catalog.templates.get(kind, {})
        slug = spec.get("template_slug")
        option = known.get(str(slug))
        if option is None:
            found.append(("template_slug", f'unknown {kind} template "{slug}"', slug, known))
    elif kind == "ai_model":
        slug, variant = spec.get("model_slug"), spec.get("variant_id")
        variants = catalog.models.get(str(slug))
        if variants is None:
            found.append(("model_slug", f'unknown AI model "{slug}"', slug, catalog.models))
        else:
            option = variants.get(str(variant))
            if option is None:
                msg = f'model "{slug}" has no variant "{variant}"'
                found.append(("variant_id", msg, variant, variants))
    found.extend(_asset_problems(spec, catalog))
    if option is not None:
        found.extend(_option_problems(spec, option))
    return found


def _asset_problems(spec: Spec, catalog: Catalog) -> list[_Problem]:
    found: list[_Problem] = []
    checks: list[tuple[str, str, frozenset[Any]]] = [
        ("preset_id", "preset", catalog.presets),
        ("brand_kit_id", "brand kit", catalog.brand_kits),
        ("avatar_id", "avatar", catalog.avatars),
        ("custom_reference_inspiration_id", "reference inspiration", catalog.inspirations),
    ]
    for name, label, known in checks:
        if name in spec and known and spec[name] not in known:
            found.append((name, f'unknown {label} "{spec[name]}"', spec[name], known))
    return found


#: Fields every AI-model payload carries, whatever the variant lists as its inputs.
_MODEL_FIELDS = frozenset({"type", "model_slug", "variant_id", "request_count"})


def _option_problems(spec: Spec, option: Option) -> list[_Problem]:
    found: list[_Problem] = []
    if option.inputs is not None and spec.get("type") == "ai_model":
        for name in sorted(set(spec) - _MODEL_FIELDS - set(option.inputs)):
            msg = f"{name} is not an input of variant {option.id} (remove it from this creative)"
            found.append((name, msg, name, None))
    references = spec.get("reference_image_urls")
    wanted = option.reference_image_count
    if wanted is not None and isinstance(references, list) and len(references) != wanted:
        msg = f"variant {option.id} takes exactly {wanted} reference_image_urls"
        found.append(("reference_image_urls", msg + f", not {len(references)}", None, None))
    ratio = spec.get("aspect_ratio")
    if ratio is not None and option.aspect_ratios and ratio not in option.aspect_ratios:
        msg = f'aspect ratio "{ratio}" is not offered by {option.id}'
        found.append(("aspect_ratio", msg, ratio, option.aspect_ratios))
    resolution = spec.get("resolution")
    if resolution is not None and option.resolutions and resolution not in option.resolutions:
        msg = f'resolution "{resolution}" is not offered by {option.id}'
        found.append(("resolution", msg, resolution, option.resolutions))
    tier_id = spec.get("quality_tier")
    durations = option.durations
    if tier_id is not None and option.tiers:
        tier = option.tiers.get(str(tier_id))
        if tier is None:
            msg = f'quality tier "{tier_id}" is not offered by {option.id}'
            found.append(("quality_tier", msg, tier_id, option.tiers))
        else:
            durations = tier.durations or durations
    duration = spec.get("duration")
    if duration is not None and durations and float(duration) not in durations:
        allowed = ", ".join(f"{d:g}" for d in durations)
        where = f"quality tier {tier_id}" if tier_id is not None else option.id
        msg = f"duration {duration} is not allowed for {where} (allowed: {allowed})"
        found.append(("duration", msg, duration, None))
    return found
