"""Small number formatting shared by the renderers: thousands separators, plurals, credits."""

from __future__ import annotations


def thousands(number: int) -> str:
    """`1450` -> `1,450`: the separator every renderer uses, whatever the locale."""
    return f"{number:,}"


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 output`, `2 outputs`, `1,450 credits`."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{thousands(number)} {word}"


def credit_estimate(credits: int | None) -> str:
    """One change's estimate: `~400 credits`, or `credits unknown` (unknown is never zero)."""
    if credits is None:
        return "credits unknown"
    return "~" + count(credits, "credit")
