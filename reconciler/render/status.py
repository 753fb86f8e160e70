"""Tables of outputs (address, status, asset URL) as text, markdown or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from reconciler.render.plan_markdown import escape_inline as escape_cell
from reconciler.status import Row


def counts_line(rows: Sequence[Row]) -> str:
    """`12 outputs: 10 completed, 1 failed, 1 processing.`"""
    if not rows:
        return "No outputs in state."
    tally = Counter(r.status for r in rows)
    parts = ", ".join(f"{n} {status}" for status, n in sorted(tally.items()))
    return f"{len(rows)} output{'s' if len(rows) != 1 else ''}: {parts}."


def progress_bar(done: int, total: int, *, width: int = 30) -> str:
    """`[##########--------------------] 4/12 outputs finished`, for a terminal line."""
    total = max(total, done, 1)
    filled = width * done // total
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} outputs finished"


def render_status_text(rows: Sequence[Row]) -> str:
    if not rows:
        return counts_line(rows) + "\n"
    table = [("ADDRESS", "STATUS", "URL / ERROR")]
    for row in rows:
        table.append((row.address, row.status, row.url or row.error or ""))
    widths = [max(len(r[i]) for r in table) for i in range(2)]
    lines = [f"{a:<{widths[0]}}  {s:<{widths[1]}}  {u}".rstrip() for a, s, u in table]
    return "\n".join([*lines, "", counts_line(rows)]) + "\n"


def render_status_markdown(rows: Sequence[Row]) -> str:
    lines = ["| Address | Status | Asset |", "|---|---|---|"]
    for row in rows:
        asset = f"[{escape_cell(row.id)}]({row.url})" if row.url else escape_cell(row.error or "")
        lines.append(f"| `{escape_cell(row.address)}` | {row.status} | {asset} |")
    return "\n".join([*lines, "", counts_line(rows)]) + "\n"


def render_status_json(rows: Sequence[Row]) -> str:
    body = {
        "outputs": [
            {
                "address": r.address,
                "batch": r.batch,
                "id": r.id,
                "status": r.status,
                "url": r.url,
                "error": r.error,
            }
            for r in rows
        ],
        "counts": dict(sorted(Counter(r.status for r in rows).items())),
    }
    return json.dumps(body, indent=2, sort_keys=True) + "\n"
