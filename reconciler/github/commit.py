"""Committing the state file back: a compare-and-swap GraphQL commit that never loses a write."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

from reconciler.errors import GitHubError
from reconciler.github.rest import GitHubApiError, GitHubClient, path_part

RAW = "application/vnd.github.raw+json"
ATTEMPTS = 3
_MUTATION = """\
mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}"""


class StateConflict(GitHubError):
    """The state file on the branch changed under this run: it cannot be merged blindly."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, reason="state-conflict", hint=hint)


@dataclass(frozen=True)
class Target:
    """Where the state file lives: repository (`owner/name`), branch, path in the repository."""

    repository: str
    branch: str
    path: str


def read_head(github: GitHubClient, target: Target) -> str:
    """The commit the branch points at now."""
    ref = github.request(
        "GET", f"/repos/{target.repository}/git/ref/heads/{path_part(target.branch)}"
    )
    sha = (ref or {}).get("object", {}).get("sha") if isinstance(ref, dict) else None
    if not isinstance(sha, str) or not sha:
        raise GitHubApiError(f"cannot read the head of branch {target.branch}")
    return sha


def read_file(github: GitHubClient, target: Target, ref: str) -> str | None:
    """The state file's text at `ref`, or None when it does not exist there."""
    try:
        text = github.request(
            "GET",
            f"/repos/{target.repository}/contents/{path_part(target.path)}",
            params={"ref": ref},
            accept=RAW,
        )
    except GitHubApiError as exc:
        if exc.status == 404:
            return None
        raise
    return str(text)


def _create(github: GitHubClient, target: Target, content: str, headline: str, head: str) -> str:
    data = github.graphql(
        _MUTATION,
        {
            "input": {
                "branch": {
                    "repositoryNameWithOwner": target.repository,
                    "branchName": target.branch,
                },
                "expectedHeadOid": head,
                "message": {"headline": headline},
                "fileChanges": {
                    "additions": [
                        {
                            "path": target.path,
                            "contents": base64.b64encode(content.encode("utf-8")).decode(),
                        }
                    ]
                },
            }
        },
    )
    made = (data.get("createCommitOnBranch") or {}).get("commit") or {}
    oid = made.get("oid") if isinstance(made, dict) else None
    if not isinstance(oid, str) or not oid:
        raise GitHubApiError("createCommitOnBranch answered without a commit")
    return oid


def commit_state(
    github: GitHubClient,
    target: Target,
    content: str,
    *,
    headline: str,
    expected_head: str,
    base_text: str | None,
    attempts: int = ATTEMPTS,
    on_retry: Callable[[str], None] = lambda _: None,
) -> str:
    """Commit `content` on top of `expected_head`; returns the new commit's oid.

    When the branch moved meanwhile, the commit is retried on the new head only if the state
    file there is still `base_text` (the text this run started from): our apply already
    happened against it, so any other change to the file is a conflict, never overwritten.
    """
    head = expected_head
    for _ in range(attempts):
        try:
            return _create(github, target, content, headline, head)
        except GitHubApiError as exc:
            # Whatever GitHub's wording, a moved head is what the branch itself says now.
            try:
                moved = read_head(github, target)
            except GitHubApiError:
                raise exc from None
            if moved == head:
                raise
            found = read_file(github, target, moved)
            if found != base_text:
                raise StateConflict(
                    f"{target.path} changed on {target.branch} while this run applied "
                    f"(head {head[:7]} -> {moved[:7]}); refusing to overwrite it.",
                    hint="This run's state is printed above and left in the workspace: "
                    "merge it with the branch's state by hand, or upload it as an artifact.",
                ) from exc
            on_retry(
                f"{target.branch} moved to {moved[:7]} during the commit; its {target.path} "
                "is unchanged, so the commit is retried on top of it."
            )
            head = moved
    raise GitHubError(
        f"{target.branch} kept moving: the state could not be committed after {attempts} "
        "attempts.",
        reason="state-conflict",
        hint="The state is printed above and left in the workspace; commit it by hand.",
    )
