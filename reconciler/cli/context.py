"""Settings shared by every command: debug, colour, and how to reach the API."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


def want_color(flag: bool | None) -> bool:
    """Explicit flag first; otherwise colour on a terminal unless NO_COLOR is set."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@dataclass(frozen=True)
class Settings:
    debug: bool
    color: bool

    @classmethod
    def build(cls, *, debug: bool, color: bool | None) -> Settings:
        return cls(debug=debug, color=want_color(color))
