"""The sticky pull-request comment: a hidden versioned marker, found by marker and author."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reconciler.errors import UsageError
from reconciler.github.rest import GitHubClient
from reconciler.redact import redact

TOOL = "videotok-reconciler"
MARKER_VERSION = 1
#: GitHub holds 65,536 characters per comment; the rest of the plan goes to the job summary.
COMMENT_LIMIT = 60_000
#: The author of comments made with the workflow's GITHUB_TOKEN.
BOT_LOGIN = "github-actions[bot]"
MODES = ("update", "new", "changes-only", "off")
PLANNED = "planned"
APPLIED = "applied"
_MARKER = re.compile(r"\A<!-- videotok-reconciler (\{[^\n]*?\}) -->")
_LABEL = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,62}\Z")


def check_label(label: str) -> str:
    """A label names an environment in the marker and the title: plain characters only."""
    if label and not _LABEL.match(label):
        raise UsageError(
            f"label {label!r} is not usable: use letters, digits, '.', '_' or '-' "
            "(at most 63, starting with a letter or digit)"
        )
    return label


def salt(plan_hash: str, pr_url: str) -> str:
    """The plan hash bound to one pull request: a marker copied elsewhere approves nothing."""
    digest = hashlib.sha256(f"{TOOL}|{pr_url}|{plan_hash}".encode()).hexdigest()
    return f"sha256:{digest}"


@dataclass(frozen=True)
class Marker:
    """What the hidden first line of our comment records."""

    label: str
    plan_hash: str
    salted: str
    state: str

    @classmethod
    def for_plan(cls, label: str, plan_hash: str, pr_url: str, state: str = PLANNED) -> Marker:
        salted = salt(plan_hash, pr_url) if plan_hash else ""
        return cls(label, plan_hash, salted, state)

    def render(self) -> str:
        body = {
            "v": MARKER_VERSION,
            "label": self.label,
            "plan_hash": self.plan_hash,
            "salted": self.salted,
            "state": self.state,
        }
        return f"<!-- {TOOL} {json.dumps(body, separators=(',', ':'))} -->"

    def approves(self, pr_url: str) -> str | None:
        """The recorded plan hash if its salt proves it was written for `pr_url`."""
        if not self.plan_hash or salt(self.plan_hash, pr_url) != self.salted:
            return None
        return self.plan_hash


def parse_marker(body: str) -> Marker | None:
    """Our marker on the comment's first line; None for anything else, or a newer version."""
    match = _MARKER.match(body)
    if not match:
        return None
    try:
        data = json.loads(match.group(1))
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("v") != MARKER_VERSION:
        return None
    fields = [data.get(k) for k in ("label", "plan_hash", "salted", "state")]
    if not all(isinstance(f, str) for f in fields):
        return None
    label, plan_hash, salted, state = (str(f) for f in fields)
    return Marker(label, plan_hash, salted, state)


@dataclass(frozen=True)
class Comment:
    id: int
    author: str
    body: str
    url: str
    marker: Marker


def find_ours(items: Sequence[Any], *, label: str, author: str) -> Comment | None:
    """Our latest comment for `label`: our marker AND our author (anyone can paste a marker)."""
    found: list[Comment] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        user = item.get("user") or {}
        login = user.get("login") if isinstance(user, dict) else None
        body = item.get("body") or ""
        marker = parse_marker(body) if isinstance(body, str) else None
        if marker is None or marker.label != label or login != author:
            continue
        found.append(
            Comment(int(item["id"]), str(login), str(body), str(item.get("html_url", "")), marker)
        )
    return max(found, key=lambda c: c.id) if found else None


def list_comments(github: GitHubClient, repository: str, number: int) -> list[Any]:
    return github.paginate(f"/repos/{repository}/issues/{number}/comments")


def compose(
    marker: Marker,
    *,
    head: Sequence[str] = (),
    plan: Callable[[int | None], str] | None = None,
    tail: Sequence[str] = (),
    footer: str = "",
    limit: int = COMMENT_LIMIT,
) -> str:
    """The comment: marker, head blocks, the plan fitted into the room left, tail, footer."""
    fixed = [marker.render(), *head]
    after = [*tail, footer] if footer else list(tail)
    used = len("\n\n".join([*fixed, *after])) + 4
    blocks = list(fixed)
    if plan is not None:
        room = max(0, limit - used)
        text = plan(None)
        if len(text) > room:
            text = plan(room)
        blocks.append(text.rstrip("\n"))
    # Secrets never belong in a comment; scrubbing here also covers text we did not write.
    body = redact("\n\n".join([*blocks, *after]) + "\n")
    # The fixed parts are ours and short; a cut here only guards the hard limit.
    return body if len(body) <= limit else body[: limit - 1] + "\n"


@dataclass(frozen=True)
class Published:
    """What happened to the comment: `created`, `updated`, `unchanged` or `skipped`."""

    action: str
    url: str = ""


def publish(
    github: GitHubClient,
    repository: str,
    number: int,
    body: str,
    *,
    mode: str,
    existing: Comment | None,
    has_changes: bool,
) -> Published:
    """Create, edit in place, or leave the comment, as the mode says."""
    if mode == "off" or (mode == "changes-only" and not has_changes and existing is None):
        return Published("skipped")
    if mode != "new" and existing is not None:
        if existing.body == body:
            return Published("unchanged", existing.url)
        return Published("updated", edit(github, repository, existing.id, body))
    made = github.request(
        "POST", f"/repos/{repository}/issues/{number}/comments", json={"body": body}
    )
    return Published("created", str((made or {}).get("html_url", "")))


def edit(github: GitHubClient, repository: str, comment_id: int, body: str) -> str:
    edited = github.request(
        "PATCH", f"/repos/{repository}/issues/comments/{comment_id}", json={"body": body}
    )
    return str((edited or {}).get("html_url", ""))
