"""Diagnostics as text, as JSON, and as GitHub Actions annotations (pure functions)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reconciler.errors import Diagnostic

#: GitHub shows at most this many error annotations per step; more are dropped silently.
GITHUB_ANNOTATION_LIMIT = 10


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def problems_line(count: int) -> str:
    """`3 problems found in the manifests.` (the wording of ManifestError)."""
    return f"{_plural(count, 'problem')} found in the manifests."


def valid_line(creatives: int, files: int) -> str:
    """`12 creatives in 2 files are valid.`"""
    verb = "is" if creatives == 1 else "are"
    return f"{_plural(creatives, 'creative')} in {_plural(files, 'file')} {verb} valid."


def render_text(diagnostics: Sequence[Diagnostic]) -> str:
    """One `file:line:col: path: message (hint)` line per problem, then the count."""
    lines = [d.format() for d in diagnostics]
    lines.append(problems_line(len(diagnostics)))
    return "\n".join(lines)


def render_json(diagnostics: Sequence[Diagnostic], *, files: int, creatives: int) -> str:
    """The `--format json` report: `{valid, files, creatives, diagnostics}`."""
    body = {
        "valid": not diagnostics,
        "files": files,
        "creatives": creatives,
        "diagnostics": [d.to_json() for d in diagnostics],
    }
    return json.dumps(body, indent=2, ensure_ascii=False)


def escape_data(text: str) -> str:
    """Escape an annotation's message, as GitHub's runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape an annotation property value (`file=`, `title=`...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(
    diagnostics: Sequence[Diagnostic], *, limit: int = GITHUB_ANNOTATION_LIMIT
) -> str:
    """`::error file=…,line=…,col=…,title=…::message` per problem, at most `limit` of them.

    When there are more, a warning says how many were left out (GitHub would drop them).
    """
    lines = []
    for d in diagnostics[:limit]:
        title = f"Invalid manifest: {d.path}" if d.path else "Invalid manifest"
        props = ",".join(
            f"{name}={escape_property(value)}"
            for name, value in (
                ("file", d.file),
                ("line", str(d.line)),
                ("col", str(d.col)),
                ("title", title),
            )
        )
        message = d.message + (f" ({d.hint})" if d.hint else "")
        lines.append(f"::{d.severity} {props}::{escape_data(message)}")
    hidden = len(diagnostics) - limit
    if hidden > 0:
        more = f"{_plural(hidden, 'more problem')} not annotated; see the log for all of them."
        lines.append(f"::warning title=Invalid manifests::{escape_data(more)}")
    return "\n".join(lines)
