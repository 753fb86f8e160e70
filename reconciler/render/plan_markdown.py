"""The plan as GitHub-flavoured markdown, for pull-request comments and job summaries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reconciler.model import API_ACTIONS, Change, FieldChange, Plan
from reconciler.render.numbers import count, thousands
from reconciler.render.plan_text import (
    LABELS,
    SYMBOLS,
    about_lines,
    effect_lines,
    header_sentence,
    json_value,
    listed_changes,
    plan_notes,
    printable,
    spec_diff,
    summary_line,
)

DEFAULT_TITLE = "Creatives plan"
_TABLE_HEAD = "| Action | Address | Outputs | Credits |\n| --- | --- | ---: | ---: |"
_NONE = "—"

# Every character that can start markup, HTML, a table cell, math or an autolink in
# GitHub-flavoured markdown, as an entity: user text renders as text and nothing else.
_ENTITIES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "&#124;",
        "`": "&#96;",
        "*": "&#42;",
        "_": "&#95;",
        "[": "&#91;",
        "]": "&#93;",
        "\\": "&#92;",
        "~": "&#126;",
        "$": "&#36;",
        # A word joiner after `@` and `#` stops GitHub from mentioning people and linking issues
        # named in a prompt or an address: a plan comment must not notify anyone.
        "@": "&#64;&#8288;",
        "#": "&#35;&#8288;",
    }
)
_LIST_MARKER = re.compile(r"^([-+]|\d+[.)])")


def escape_inline(text: str) -> str:
    """User text for a table cell, a list item or an HTML element: inert, on one line."""
    flat = printable(re.sub(r"[\r\n\t]+", " ", text))
    return flat.translate(_ENTITIES)


def _list_item(text: str) -> str:
    escaped = escape_inline(text)
    # Text at the start of a list item must not open a nested list (`- 1. x`, `- - x`).
    match = _LIST_MARKER.match(escaped)
    if match:
        marker = match.group(1)
        escaped = marker[:-1] + f"&#{ord(marker[-1])};" + escaped[len(marker) :]
    return f"- {escaped}"


def render_plan_markdown(
    plan: Plan, *, title: str | None = None, max_chars: int | None = None
) -> str:
    """The plan as markdown.

    With `max_chars` (characters, as GitHub counts a comment), details blocks are dropped from
    the end, then table rows, and a last line says how many changes are not shown in full.
    """
    changes = listed_changes(plan)
    head = [
        f"## {escape_inline(title if title is not None else DEFAULT_TITLE)}",
        escape_inline(header_sentence(plan)),
        escape_inline(summary_line(plan)),
    ]
    rows = [_row(c) for c in changes]
    notes = plan_notes(plan)
    tail = ["**Notes**\n\n" + _bullets(notes)] if notes else []
    details = [_details(c, keyed=plan.state_exists) for c in changes]
    full = _join([*head, *_table(rows), *tail, *details])
    if max_chars is None or len(full) <= max_chars:
        return full
    return _fit(head, rows, tail, details, max_chars)


def _join(blocks: Sequence[str]) -> str:
    return "\n\n".join(blocks) + "\n"


def _table(rows: Sequence[str]) -> list[str]:
    return ["\n".join([_TABLE_HEAD, *rows])] if rows else []


def _more(omitted: int) -> str:
    return f"… {count(omitted, 'more change')}; the full plan is in the job summary."


def _fit(
    head: list[str], rows: list[str], tail: list[str], details: list[str], max_chars: int
) -> str:
    """Drop details from the end, then table rows, until the text fits `max_chars`."""
    total = len(details)
    if not total:
        # Nothing to drop but notes: cut, since the cap is the caller's hard limit.
        return _join([*head, *tail])[:max_chars]
    fixed = len(_join([*head, *_table(rows), *tail])) + 2  # +2: the blank line before `more`
    used = 0
    kept = 0
    for block in details:
        if fixed + used + len(block) + 2 + len(_more(total - kept - 1)) > max_chars:
            break
        used += len(block) + 2
        kept += 1
    if fixed + used + len(_more(total - kept)) <= max_chars:
        return _join([*head, *_table(rows), *tail, *details[:kept], _more(total - kept)])
    # Even the table is too long: keep its first rows (a huge plan under a small cap); the
    # last line then counts the changes missing from the table. Lengths are added up rather
    # than texts rebuilt, so a plan of thousands of changes stays linear.
    best = 0
    table = len(_TABLE_HEAD) + 2  # +2: the blank line after the table
    for shown, row in enumerate(rows, start=1):
        table += len(row) + 1
        if table + len(_join([*head, *tail, _more(total - shown)])) > max_chars:
            break
        best = shown
    text = _join([*head, *_table(rows[:best]), *tail, _more(total - best)])
    # A cap smaller than the summary itself: the caller asked for it.
    return text if len(text) <= max_chars else text[:max_chars]


def _row(change: Change) -> str:
    action = escape_inline(f"{SYMBOLS[change.action]} {LABELS[change.action]}")
    address = f"<code>{escape_inline(change.address)}</code>"
    outputs = credits = _NONE
    if change.action in API_ACTIONS:
        if change.batch is not None:
            outputs = thousands(change.batch.request_count)
        credits = "unknown" if change.credits is None else escape_inline(f"~{change.credits:,}")
    return f"| {action} | {address} | {outputs} | {credits} |"


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(_list_item(line) for line in lines)


def _details(change: Change, *, keyed: bool) -> str:
    summary = escape_inline(f"{SYMBOLS[change.action]} {LABELS[change.action]}")
    parts = [
        f"<details><summary>{summary} <code>{escape_inline(change.address)}</code></summary>",
        _bullets([*about_lines(change), *effect_lines(change, keyed=keyed)]),
    ]
    diff = [_diff_lines(f) for f in spec_diff(change)]
    if diff:
        body = "\n".join(diff)
        # A fence longer than any run of backticks inside cannot be closed by user text.
        longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
        fence = "`" * max(3, longest + 1)
        parts.append(f"{fence}diff\n{body}\n{fence}")
    parts.append("</details>")
    return "\n\n".join(parts)


def _diff_lines(field: FieldChange) -> str:
    path = printable(field.path)
    before = f"- {path}: {json_value(field.before)}"
    after = f"+ {path}: {json_value(field.after)}"
    if field.kind == "added":
        return after
    if field.kind == "removed":
        return before
    return f"{before}\n{after}"
