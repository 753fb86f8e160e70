"""`creatives github plan` (annotations, summary, outputs, sticky comment), and shared bits."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reconciler import planner, runner
from reconciler.catalog import Catalog
from reconciler.errors import (
    ApiError,
    ApplyError,
    CatalogError,
    GitHubError,
    LockError,
    ManifestError,
    PlanError,
    ReconcilerError,
    StateError,
    UsageError,
)
from reconciler.github import comment as sticky
from reconciler.github.env import GitHubEnv, append_summary, fit_bytes, summary_room, write_outputs
from reconciler.github.rest import GitHubApiError, GitHubClient
from reconciler.model import SUMMARY_ACTIONS, Plan
from reconciler.render.diagnostics import escape_data, problems_line, render_github
from reconciler.render.plan_markdown import escape_inline, render_plan_markdown
from reconciler.render.plan_text import all_estimates_unknown, summary_line
from reconciler.storage import LocalFileStorage

PR_EVENTS = ("pull_request", "pull_request_target")
TITLE = "Creatives plan"


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Options:
    """The action's inputs, as `creatives github plan|apply` received them."""

    manifests: tuple[Path, ...] = (Path("creatives"),)
    state_path: Path = Path("creatives.state.json")
    root: Path = Path()
    label: str = ""
    comment_mode: str = "update"
    comment_author: str = sticky.BOT_LOGIN
    require_approved_plan: bool = True
    max_credits: int | None = None
    allow_unknown_cost: bool = False
    wait: bool = False
    timeout: float = 1800.0
    poll_interval: float = 2.0
    parallelism: int = 4

    def path(self, given: Path) -> Path:
        return given if given.is_absolute() else self.root / given


@dataclass
class Step:
    """One run of the step: what GitHub gave it, where it writes, and the outputs it gathers."""

    env: GitHubEnv
    options: Options
    github: GitHubClient | None
    echo: Callable[[str], None]
    fallback_catalog: Callable[[], Catalog] | None = None
    now: Callable[[], str] = utc_now
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PullRequest:
    number: int
    url: str
    head_sha: str = ""
    fork: bool = False


def pull_request_of(event: Mapping[str, Any]) -> PullRequest | None:
    pr = event.get("pull_request")
    if not isinstance(pr, dict) or not isinstance(pr.get("number"), int):
        return None
    head = pr.get("head") or {}
    base = pr.get("base") or {}
    head_repo = (head.get("repo") or {}).get("full_name")
    base_repo = (base.get("repo") or {}).get("full_name")
    # A deleted fork has no head repository: it is a fork all the same.
    fork = head_repo is None or head_repo != base_repo
    return PullRequest(pr["number"], str(pr.get("html_url", "")), str(head.get("sha", "")), fork)


def failure_reason(exc: ReconcilerError) -> str:
    reasons: list[tuple[type[ReconcilerError], str]] = [
        (ManifestError, "invalid-manifests"),
        (CatalogError, "invalid-catalog"),
        (ApiError, "api-error"),
        (ApplyError, "apply-failed"),
        (LockError, "state-locked"),
        (StateError, "state-error"),
        (PlanError, "plan-error"),
        (UsageError, "usage"),
    ]
    if isinstance(exc, GitHubError):
        return exc.reason
    return next((reason for kind, reason in reasons if isinstance(exc, kind)), "error")


def guarded(step: Step, body: Callable[[Step], int]) -> int:
    """Run a flow; whatever happens, the step's outputs are written, failure-reason included."""
    step.outputs.setdefault("failure-reason", "")
    try:
        return body(step)
    except ReconcilerError as exc:
        step.outputs["failure-reason"] = failure_reason(exc)
        raise
    finally:
        write_outputs(step.env, step.outputs)


@contextmanager
def untrusted(step: Step) -> Iterator[None]:
    """Stop workflow-command parsing while text we do not control reaches the log."""
    token = secrets.token_hex(16)
    step.echo(f"::stop-commands::{token}")
    try:
        yield
    finally:
        step.echo(f"::{token}::")


def title(label: str, text: str = TITLE) -> str:
    return f"{text} ({label})" if label else text


def plan_outputs(plan: Plan) -> dict[str, str]:
    summary = plan.summary
    counts: dict[str, int] = {a.value: summary.counts.get(a, 0) for a in SUMMARY_ACTIONS}
    counts["outputs"] = summary.outputs
    counts["unknown_credits"] = summary.unknown_credits
    unknown = all_estimates_unknown(summary) and plan.has_changes
    return {
        "changes": "true" if plan.has_changes else "false",
        "plan-hash": plan.plan_hash,
        "counts": json.dumps(counts, separators=(",", ":")),
        "credits": "unknown" if unknown else str(summary.credits),
        "summary": summary_line(plan),
    }


def load_plan(step: Step, storage: LocalFileStorage) -> tuple[runner.Inputs, Plan]:
    opts = step.options
    inputs = runner.load_inputs(
        [opts.path(p) for p in opts.manifests],
        storage,
        catalog_path=opts.path(Path(".creatives/catalog.json")),
        root=opts.root,
        fallback_catalog=step.fallback_catalog,
    )
    return inputs, runner.make_plan(inputs, planner.PlanOptions())


def plan_markdown(plan: Plan, label: str) -> Callable[[int | None], str]:
    return lambda limit: render_plan_markdown(plan, title=title(label), max_chars=limit)


def summarize(step: Step, render: Callable[[int | None], str]) -> None:
    append_summary(step.env, fit_bytes(render, summary_room(step.env)))


def footer(env: GitHubEnv, commit: str, verb: str = "Plan of") -> str:
    where = f" · [full plan in the job summary]({env.run_url})" if env.run_url else ""
    sha = f"`{commit[:7]}`" if commit else "this commit"
    return f"<sub>{verb} {sha}{where}</sub>"


def publish_safely(
    step: Step, pr: PullRequest, make_body: Callable[[], str], changes: bool
) -> str:
    """Update the sticky comment; a fork, a missing token or a refusal degrade to the summary."""
    opts, github = step.options, step.github
    if opts.comment_mode == "off":
        return ""
    why = ""
    if pr.fork:
        why = "this pull request comes from a fork, whose token cannot comment"
    elif github is None:
        why = "no GitHub token was given"
    if why or github is None:
        append_summary(step.env, f"\n_No pull-request comment: {why}._\n")
        return ""
    repo = step.env.repository
    try:
        existing = sticky.find_ours(
            sticky.list_comments(github, repo, pr.number),
            label=opts.label,
            author=opts.comment_author,
        )
        done = sticky.publish(
            github,
            repo,
            pr.number,
            make_body(),
            mode=opts.comment_mode,
            existing=existing,
            has_changes=changes,
        )
    except GitHubApiError as exc:
        hint = " (the token needs pull-requests: write)" if exc.status == 403 else ""
        step.echo(f"::warning title=No plan comment::{escape_data(exc.message + hint)}")
        append_summary(
            step.env, f"\n_No pull-request comment: {escape_inline(exc.message)}{hint}._\n"
        )
        return ""
    step.echo(f"Plan comment {done.action}{': ' + done.url if done.url else ''}")
    return done.url


def github_plan(step: Step) -> int:
    """Plan offline, annotate, summarise, comment. Fork pull requests end here with exit 0."""
    return guarded(step, _plan)


def _plan(step: Step) -> int:
    opts, env = step.options, step.env
    pr = pull_request_of(env.event()) if env.event_name in PR_EVENTS else None
    storage = LocalFileStorage(opts.path(opts.state_path))
    step.outputs.update({"changes": "false", "plan-hash": "", "comment-url": ""})
    try:
        _, plan = load_plan(step, storage)
    except ManifestError as exc:
        _invalid(step, pr, exc)
        raise
    step.outputs.update(plan_outputs(plan))
    step.echo(summary_line(plan))
    render = plan_markdown(plan, opts.label)
    summarize(step, render)
    if pr is not None:
        marker = sticky.Marker.for_plan(opts.label, plan.plan_hash, pr.url)
        make = lambda: sticky.compose(marker, plan=render, footer=footer(env, pr.head_sha))  # noqa: E731
        step.outputs["comment-url"] = publish_safely(step, pr, make, plan.has_changes)
    return 0


def _invalid(step: Step, pr: PullRequest | None, exc: ManifestError) -> None:
    """Annotations, a summary listing every problem, and a comment that approves nothing."""
    if exc.diagnostics:
        step.echo(render_github(exc.diagnostics))
    count = problems_line(len(exc.diagnostics)) if exc.diagnostics else exc.message
    lines = [f"## {escape_inline(title(step.options.label))}", f"**{escape_inline(count)}**"]
    problems = "\n".join(f"- {escape_inline(d.format())}" for d in exc.diagnostics)
    append_summary(step.env, "\n\n".join([*lines, problems]).rstrip() + "\n")
    if pr is not None:
        marker = sticky.Marker.for_plan(step.options.label, "", pr.url)
        note = "The manifests are invalid: see the annotations and the job summary."
        make = lambda: sticky.compose(  # noqa: E731
            marker, head=[*lines, note], footer=footer(step.env, pr.head_sha)
        )
        step.outputs["comment-url"] = publish_safely(step, pr, make, True)
