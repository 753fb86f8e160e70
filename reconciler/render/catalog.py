"""The catalog as text: templates and variants with what they accept and cost."""

from __future__ import annotations

from reconciler.catalog import Catalog, Option, Pricing


def _price(pricing: Pricing) -> str:
    if pricing.per_second is not None:
        return f"{pricing.per_second:g} credits/s"
    if pricing.per_output is not None:
        return f"{pricing.per_output} credits/output"
    return "price unknown"


def _option_line(kind: str, option: Option) -> list[str]:
    facts = []
    if option.aspect_ratios:
        facts.append("aspect " + ", ".join(option.aspect_ratios))
    if option.resolutions:
        facts.append("resolution " + ", ".join(option.resolutions))
    if option.durations:
        facts.append("durations " + ", ".join(f"{d:g}" for d in option.durations))
    price = _price(option.pricing)
    if option.tiers and option.pricing == Pricing():
        price = "priced per quality tier"  # the tier lines below carry the prices
    lines = [f"  {kind} {option.id}: {price}" + (f" ({'; '.join(facts)})" if facts else "")]
    for tier in option.tiers.values():
        durations = ", ".join(f"{d:g}" for d in tier.durations or ())
        lines.append(f"    tier {tier.id}: {_price(tier.pricing)}; durations {durations or 'any'}")
    return lines


def render_catalog(found: Catalog) -> str:
    lines = ["Templates:"]
    for kind, options in sorted(found.templates.items()):
        for option in sorted(options.values(), key=lambda o: o.id):
            lines.extend(_option_line(kind, option))
    lines.append("AI models:")
    for slug, variants in sorted(found.models.items()):
        for option in sorted(variants.values(), key=lambda o: o.id):
            lines.extend(_option_line(f"{slug} variant", option))
    lines.append("Presets: " + (", ".join(sorted(found.presets)) or "none"))
    lines.append("Brand kits: " + (", ".join(str(k) for k in sorted(found.brand_kits)) or "none"))
    lines.append("Avatars: " + (", ".join(sorted(found.avatars)) or "none"))
    return "\n".join(lines) + "\n"
