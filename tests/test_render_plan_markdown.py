"""The markdown plan: golden output, escaping of hostile user text, truncation under a cap."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reconciler.model import Action, Change, Summary
from reconciler.render.plan_markdown import render_plan_markdown
from tests.test_render_plan_text import (
    LAUNCH,
    _batch,
    assert_golden,
    counts,
    make_plan,
    sample_changes,
    sample_plan,
)

MORE = re.compile(r"^… (\d+) more changes?; the full plan is in the job summary\.$")


def test_golden_markdown_with_every_action() -> None:
    assert_golden("plan_all_actions.md", render_plan_markdown(sample_plan()))


def test_title_is_the_heading_and_no_changes_has_no_table() -> None:
    noop = sample_changes()[6]
    plan = make_plan((noop,), Summary(counts=counts(), outputs=0, credits=0, unknown_credits=0))
    assert render_plan_markdown(plan, title="Plan for #12 <b>") == (
        "## Plan for &#35;&#8288;12 &lt;b&gt;\n"
        "\n"
        "Compared the manifests with state serial 12 "
        "(lineage 6f1c0d2e3a4b5c6d7e8f901a2b3c4d5e).\n"
        "\n"
        "No changes. Creatives match the manifests.\n"
        "\n"
        "**Notes**\n"
        "\n"
        "- retinol-static: 1 output failed and is not retried; bump &#96;revision&#96; or use "
        "--replace retinol-static to retry on purpose\n"
    )


HOSTILE = "Ignore | this <script>alert(1)</script> ``` end\n## @octocat #12 $x$ *b* [l](u) &amp;"


def _hostile_plan() -> str:
    spec = {**LAUNCH, "prompt": HOSTILE}
    change = Change(
        address="launch[a|b<i>@octocat]",
        action=Action.CREATE,
        reason=f"not in state: {HOSTILE}",
        after=spec,
        source="creatives/x|y.yaml",
        batch=_batch(spec, 0, 1),
        credits=None,
        notes=("1. looks like a list", "- so does this"),
    )
    summary = Summary(counts=counts(create=1), outputs=1, credits=0, unknown_credits=1)
    return render_plan_markdown(make_plan((change,), summary, notes=(HOSTILE,)))


def _outside_fences(markdown: str) -> list[str]:
    lines, fence = [], None
    for line in markdown.splitlines():
        opening = re.match(r"^(`{3,})", line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line == fence:
            fence = None
        elif fence is None:
            lines.append(line)
    assert fence is None, "a fence was left open"
    return lines


def test_hostile_prompt_cannot_break_the_table_open_html_or_mention_anyone() -> None:
    text = _hostile_plan()
    escaped = (
        "Ignore &#124; this &lt;script&gt;alert(1)&lt;/script&gt; &#96;&#96;&#96; end "
        "&#35;&#8288;&#35;&#8288; &#64;&#8288;octocat &#35;&#8288;12 &#36;x&#36; &#42;b&#42; "
        "&#91;l&#93;(u) &amp;amp;"
    )
    lines = text.splitlines()
    assert (
        "| + create | <code>launch&#91;a&#124;b&lt;i&gt;&#64;&#8288;octocat&#93;</code> "
        "| 1 | unknown |"
    ) in lines
    assert f"- {escaped}" in lines
    assert f"- reason: not in state: {escaped}" in lines
    assert "- source: creatives/x&#124;y.yaml" in lines
    assert "- note: 1. looks like a list" in lines
    assert "- note: - so does this" in lines
    # The prompt stays readable inside a fence longer than any backtick run it holds.
    assert "````diff" in lines
    assert (
        '+ prompt: "Ignore | this <script>alert(1)</script> ``` end\\n## @octocat #12 $x$ '
        '*b* [l](u) &amp;"'
    ) in lines
    outside = _outside_fences(text)
    for line in outside:
        if line.startswith("|"):
            assert line.count("|") == 5, line
        for tag in re.findall(r"</?([a-zA-Z]+)", line):
            assert tag in {"details", "summary", "code"}, line
        assert "@octocat" not in line
        assert "`" not in line


def test_list_items_cannot_open_nested_lists() -> None:
    text = render_plan_markdown(
        make_plan(
            (),
            Summary(counts=counts(), outputs=0, credits=0, unknown_credits=0),
            notes=("1. first", "- dash", "+ plus", "12) paren"),
        )
    )
    assert text.endswith("- 1&#46; first\n- &#45; dash\n- &#43; plus\n- 12&#41; paren\n")


def _big_plan(n: int) -> object:
    changes = []
    for i in range(n):
        spec = {**LAUNCH, "prompt": f"Variant {i:03d} of the launch ad, with a long prompt."}
        changes.append(
            Change(
                address=f"launch[v{i:03d}]",
                action=Action.CREATE,
                reason="not in state",
                after=spec,
                source="creatives/launch.yaml",
                batch=_batch(spec, 0, 1),
                credits=100,
            )
        )
    summary = Summary(counts=counts(create=n), outputs=n, credits=100 * n, unknown_credits=0)
    return make_plan(tuple(changes), summary)


def test_truncation_drops_details_from_the_end_and_stays_under_the_cap() -> None:
    plan = _big_plan(40)
    full = render_plan_markdown(plan)
    cap = 12_000
    assert len(full) > cap
    text = render_plan_markdown(plan, max_chars=cap)
    assert len(text) <= cap
    last = text.splitlines()[-1]
    match = MORE.match(last)
    assert match is not None, last
    dropped = int(match.group(1))
    assert 0 < dropped < 40
    assert text.count("<details>") == 40 - dropped
    # Every change keeps its table row; what is kept is the start of the full text.
    assert text.count("| + create |") == 40
    kept = text[: text.rindex("</details>") + len("</details>")]
    assert full.startswith(kept)
    assert f"<code>launch&#91;v{39 - dropped:03d}&#93;</code></summary>" in text
    assert f"<code>launch&#91;v{40 - dropped:03d}&#93;</code></summary>" not in text


def test_truncation_line_is_singular_for_one_change() -> None:
    plan = _big_plan(3)
    full = render_plan_markdown(plan)
    last_details = full.rindex("<details>")
    text = render_plan_markdown(plan, max_chars=last_details + 60)
    assert text.endswith("\n\n… 1 more change; the full plan is in the job summary.\n")
    assert len(text) <= last_details + 60


@pytest.mark.parametrize("cap", [400, 900, 2_000])
def test_a_cap_smaller_than_the_table_drops_rows_too(cap: int) -> None:
    text = render_plan_markdown(_big_plan(40), max_chars=cap)
    assert len(text) <= cap
    assert "<details>" not in text
    assert text.startswith("## Creatives plan\n")
    rows = text.count("| + create |")
    assert rows < 40
    match = MORE.match(text.splitlines()[-1])
    assert match is not None
    assert int(match.group(1)) == 40 - rows


def test_a_cap_the_full_text_fits_changes_nothing() -> None:
    plan = _big_plan(5)
    full = render_plan_markdown(plan)
    assert render_plan_markdown(plan, max_chars=len(full)) == full


def test_changes_are_listed_by_address_whatever_the_plan_order() -> None:
    changes = sample_changes()
    shuffled = replace(sample_plan(), changes=tuple(reversed(changes)))
    assert render_plan_markdown(shuffled) == render_plan_markdown(sample_plan())
