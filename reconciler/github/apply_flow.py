"""`creatives github apply`: on merge, apply what was reviewed, commit state, mark the comment."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reconciler import apply, status
from reconciler.apply import ApplyOptions, Executor, Report, Result, check_budget
from reconciler.errors import ApplyError, GitHubError, UsageError
from reconciler.github import comment as sticky
from reconciler.github.commit import StateConflict, Target, commit_state, read_file, read_head
from reconciler.github.env import append_summary
from reconciler.github.flows import (
    PullRequest,
    Step,
    footer,
    guarded,
    load_plan,
    plan_markdown,
    plan_outputs,
    summarize,
    title,
    untrusted,
)
from reconciler.github.gallery import render_gallery
from reconciler.github.rest import GitHubApiError, GitHubClient
from reconciler.ledger import Ledger
from reconciler.model import API_ACTIONS, Action, Plan
from reconciler.render.diagnostics import escape_data
from reconciler.render.plan_markdown import escape_inline
from reconciler.render.status import counts_line
from reconciler.storage import LocalFileStorage


class Api(apply.Client, status.Poller, Protocol):
    """The Videotok calls apply makes: queue batches, then poll their outputs."""


Connect = Callable[[], AbstractContextManager[Api]]


@dataclass(frozen=True)
class Approval:
    """The merged pull request, our comment on it, and the plan hash it verifiably records."""

    pr: PullRequest | None = None
    comment: sticky.Comment | None = None
    plan_hash: str | None = None
    why: str = ""


def github_apply(step: Step, connect: Connect) -> int:
    """Apply on push: refuse PR events, unreviewed or changed plans; never lose a paid output."""
    return guarded(step, lambda s: _apply(s, connect))


def _apply(step: Step, connect: Connect) -> int:
    env, opts = step.env, step.options
    step.outputs.update({"state-commit": "", "applied": "", "comment-url": ""})
    if env.event_name != "push" or env.branch is None:
        raise GitHubError(
            f"github apply runs on a push to a branch, not on {env.event_name or 'no event'}"
            f"{' (' + env.ref + ')' if env.ref else ''}. Nothing was queued.",
            reason="wrong-event",
            hint="Plan on pull_request with `creatives github plan`; apply on push to the "
            "default branch, once the pull request is merged.",
        )
    if step.github is None:
        raise GitHubError(
            "github apply needs a GitHub token (GITHUB_TOKEN) to find the reviewed plan and "
            "commit the state.",
            reason="no-token",
        )
    github = step.github
    default = _default_branch(step, github)
    if env.branch != default:
        raise GitHubError(
            f"github apply runs on a push to the default branch ({default}), not to "
            f"{env.branch}. Nothing was queued.",
            reason="wrong-event",
            hint="Limit the apply workflow to `on: push: branches: [" + default + "]`.",
        )
    target = Target(env.repository, env.branch, repo_path(step))
    approval = find_approval(step, github)
    if approval.plan_hash is None and opts.require_approved_plan:
        _refuse(step, "no-approved-plan", f"no reviewed plan: {approval.why}.")
    head, base_text = sync_state(step, github, target)
    storage = LocalFileStorage(opts.path(opts.state_path))
    with storage.lock("github apply", 0.0):
        inputs, plan = load_plan(step, storage)
        step.outputs.update(plan_outputs(plan))
        summarize(step, plan_markdown(plan, opts.label))
        marker = approval.comment.marker if approval.comment else None
        if marker is not None and marker.state == sticky.APPLIED and not plan.has_changes:
            step.echo(f"Already applied: #{approval.pr.number if approval.pr else '?'}.")
            return 0
        if marker is not None and marker.state == sticky.APPLIED and _only_resubmits(plan):
            # The reviewed plan was applied, but some batches never got an answer: they are
            # finished with the same keys, so nothing is paid twice and nothing new is spent.
            step.echo("Resubmitting the batches the earlier apply left pending (same keys).")
        elif approval.plan_hash is not None and approval.plan_hash != plan.plan_hash:
            pr_name = f"#{approval.pr.number}" if approval.pr else "the pull request"
            _refuse(
                step,
                "plan-changed",
                f"the plan changed since it was reviewed in {pr_name} (reviewed "
                f"{approval.plan_hash}, now {plan.plan_hash}).",
            )
        if not plan.has_changes:
            step.outputs["applied"] = "No changes to apply."
            _mark_applied(step, approval, plan, "No changes to apply.", "", "")
            return 0
        options = ApplyOptions(opts.parallelism, opts.max_credits, opts.allow_unknown_cost)
        try:
            check_budget(plan, options)
        except ApplyError as exc:
            raise GitHubError(exc.message, reason="over-budget", hint=exc.hint) from exc
        committer = _Committer(step, github, target, head, base_text, _headline(step, approval))
        ledger = Ledger(storage, inputs.state, exists=inputs.state_exists)
        done = True
        with connect() as client:
            try:
                with untrusted(step):
                    report = Executor(
                        ledger,
                        client,
                        now=step.now,
                        options=options,
                        on_result=lambda r: step.echo(_result_line(r)),
                    ).run(plan)
            finally:
                # Whatever happened, what was paid for is recorded on the branch.
                committer.commit(storage)
            step.echo(report.summary_line())
            if opts.wait:
                step.echo(f"Waiting for the outputs (at most {opts.timeout:g}s)…")
                done = status.wait(
                    ledger,
                    client,
                    now=step.now,
                    timeout=opts.timeout,
                    interval=opts.poll_interval,
                )
                step.echo(counts_line(status.rows(ledger.state)))
                committer.commit(storage)
        addresses = [c.address for c in plan.changes if c.action in API_ACTIONS]
        gallery = render_gallery(ledger.state, addresses) if opts.wait else ""
    line = report.summary_line()
    step.outputs["applied"] = line
    _summarize_apply(step, report, committer.oid, gallery)
    capped = render_gallery(ledger.state, addresses, max_chars=sticky.COMMENT_LIMIT // 3)
    _mark_applied(step, approval, plan, line, committer.oid, capped if opts.wait else "")
    if report.failed:
        raise ApplyError(
            f"{len(report.failed)} change(s) failed or were skipped; the state records "
            "everything that was queued.",
            hint="See the log above. Once the cause is fixed, re-run this workflow: batches "
            "left pending are resubmitted with the same keys.",
        )
    if not done:
        raise GitHubError(
            "timed out waiting for the outputs; those still in progress are recorded as such.",
            reason="wait-timeout",
            hint="`creatives status --wait` carries on.",
        )
    return 0


def _only_resubmits(plan: Plan) -> bool:
    changes = [c for c in plan.changes if c.action != Action.NOOP]
    return bool(changes) and all(c.action == Action.RESUBMIT for c in changes)


def repo_path(step: Step) -> str:
    """The state file's path inside the repository checkout, as GitHub names it."""
    opts = step.options
    root = Path(step.env.workspace) if step.env.workspace else opts.root
    full = opts.path(opts.state_path).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(
            f"the state file {full} is outside the repository checkout {root}; "
            "github apply can only commit a file of the repository"
        ) from None


def merged_pull(github: GitHubClient, step: Step) -> PullRequest | None:
    """The pull request whose merge produced the pushed commit."""
    env = step.env
    pulls = github.request("GET", f"/repos/{env.repository}/commits/{env.sha}/pulls")
    merged = [
        p
        for p in (pulls if isinstance(pulls, list) else [])
        if isinstance(p, dict)
        and p.get("merged_at")
        and isinstance(p.get("number"), int)
        and (p.get("base") or {}).get("ref") == env.branch
    ]
    exact = [p for p in merged if p.get("merge_commit_sha") == env.sha]
    chosen = exact or sorted(merged, key=lambda p: str(p.get("merged_at")))[-1:]
    if not chosen:
        return None
    pr = chosen[0]
    return PullRequest(pr["number"], str(pr.get("html_url", "")))


def find_approval(step: Step, github: GitHubClient) -> Approval:
    opts, env = step.options, step.env
    pr = merged_pull(github, step)
    if pr is None:
        return Approval(why=f"no merged pull request produced {env.sha[:7]}")
    items = sticky.list_comments(github, env.repository, pr.number)
    found = sticky.find_ours(items, label=opts.label, author=opts.comment_author)
    if found is None:
        label = f" (label {opts.label!r})" if opts.label else ""
        why = f"#{pr.number} has no plan comment{label} by {opts.comment_author}"
        return Approval(pr, why=why)
    plan_hash = found.marker.approves(pr.url)
    if plan_hash is None:
        why = f"the plan comment on #{pr.number} records no valid plan for this pull request"
        step.echo(f"::warning title=Plan comment ignored::{why}")
        return Approval(pr, found, why=why)
    step.echo(f"Reviewed plan of #{pr.number}: {plan_hash}")
    return Approval(pr, found, plan_hash)


def sync_state(step: Step, github: GitHubClient, target: Target) -> tuple[str, str | None]:
    """Start from the state committed at the branch head: a previous run may have moved it."""
    head = read_head(github, target)
    remote = read_file(github, target, head)
    path = step.options.path(step.options.state_path)
    local = path.read_text(encoding="utf-8") if path.exists() else None
    if remote != local:
        if remote is None:
            raise StateConflict(
                f"{target.path} is in this checkout but not on {target.branch} at {head[:7]}; "
                "refusing to guess which is right. Nothing was queued."
            )
        step.echo(
            f"{target.branch} is at {head[:7]}, where {target.path} differs from this checkout "
            f"({step.env.sha[:7]}): starting from the state committed there."
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(remote, encoding="utf-8")
    return head, remote


def _headline(step: Step, approval: Approval) -> str:
    what = f"#{approval.pr.number}" if approval.pr else step.env.sha[:7]
    label = f" ({step.options.label})" if step.options.label else ""
    return f"creatives{label}: record the state after applying {what} [skip ci]"


@dataclass
class _Committer:
    step: Step
    github: GitHubClient
    target: Target
    head: str
    base_text: str | None
    headline: str
    oid: str = ""

    def commit(self, storage: LocalFileStorage) -> None:
        path = storage.path
        text = path.read_text(encoding="utf-8") if path.exists() else None
        if text is None or text == self.base_text:
            return
        try:
            oid = commit_state(
                self.github,
                self.target,
                text,
                headline=self.headline,
                expected_head=self.head,
                base_text=self.base_text,
                on_retry=self.step.echo,
            )
        except GitHubError:
            self._show(text)
            raise
        self.head = self.oid = oid
        self.base_text = text
        self.step.outputs["state-commit"] = oid
        self.step.echo(f"Committed {self.target.path} on {self.target.branch}: {oid}")

    def _show(self, text: str) -> None:
        # Nothing paid for may be lost: the state goes to the log as well as the workspace.
        self.step.echo(f"::group::State not committed ({self.target.path})")
        with untrusted(self.step):
            self.step.echo(text.rstrip("\n"))
        self.step.echo("::endgroup::")


def _default_branch(step: Step, github: GitHubClient) -> str:
    """The repository's default branch: from the push payload, else asked of GitHub."""
    repository = step.env.event().get("repository")
    default = repository.get("default_branch") if isinstance(repository, dict) else None
    if not isinstance(default, str) or not default:
        answer = github.request("GET", f"/repos/{step.env.repository}")
        default = answer.get("default_branch") if isinstance(answer, dict) else None
    if not isinstance(default, str) or not default:
        raise GitHubError(
            f"cannot tell the default branch of {step.env.repository}; nothing was queued.",
            reason="github-api",
        )
    return default


def _result_line(result: Result) -> str:
    line = f"{result.change.address}: {result.outcome}"
    if result.message:
        line += f" ({result.message})"
    return line


def _refuse(step: Step, reason: str, message: str) -> None:
    lines = [f"## {escape_inline(title(step.options.label, 'Creatives apply'))}"]
    lines.append(f"**Refused ({reason}):** {escape_inline(message)} Nothing was queued.")
    append_summary(step.env, "\n\n".join(lines) + "\n")
    raise GitHubError(
        f"{message} Nothing was queued.",
        reason=reason,
        hint="Review a fresh plan in a pull request (`creatives github plan` comments it), "
        "then merge it; require-approved-plan: false applies without a reviewed plan.",
    )


def _summarize_apply(step: Step, report: Report, oid: str, gallery: str) -> None:
    lines = [f"## {escape_inline(title(step.options.label, 'Creatives apply'))}"]
    lines.append(f"**{escape_inline(report.summary_line())}**")
    lines.append("\n".join(f"- {escape_inline(_result_line(r))}" for r in report.results))
    if oid:
        lines.append(f"State committed: {_commit_link(step, oid)}.")
    if gallery:
        lines.append(gallery.rstrip("\n"))
    append_summary(step.env, "\n\n".join(lines) + "\n")


def _commit_link(step: Step, oid: str) -> str:
    env = step.env
    return f"[`{oid[:7]}`]({env.server_url}/{env.repository}/commit/{oid})"


def _mark_applied(
    step: Step, approval: Approval, plan: Plan, line: str, oid: str, gallery: str
) -> None:
    comment, pr = approval.comment, approval.pr
    if comment is None or pr is None or approval.plan_hash is None or step.github is None:
        return
    marker = dataclasses.replace(comment.marker, state=sticky.APPLIED)
    where = f" in {_commit_link(step, oid)}" if oid else ""
    body = sticky.compose(
        marker,
        head=[f"**Applied**{where}: {escape_inline(line)}"],
        plan=plan_markdown(plan, step.options.label),
        tail=[gallery.rstrip("\n")] if gallery else [],
        footer=footer(step.env, step.env.sha, "Applied from"),
    )
    if body == comment.body:
        return
    try:
        url = sticky.edit(step.github, step.env.repository, comment.id, body)
    except GitHubApiError as exc:
        step.echo(f"::warning title=Plan comment not updated::{escape_data(exc.message)}")
        return
    step.outputs["comment-url"] = url
    step.echo(f"Plan comment marked applied: {url}")
