"""The runner's side of a step: GITHUB_* variables, the event payload, outputs and job summary."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.errors import GitHubError
from reconciler.redact import redact

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_GRAPHQL_URL = "https://api.github.com/graphql"
DEFAULT_SERVER_URL = "https://github.com"
#: GitHub refuses a step summary above 1 MiB.
SUMMARY_LIMIT = 1024 * 1024
_SUMMARY_CUT = "\n\n… the summary was cut at GitHub's 1 MiB limit.\n"


@dataclass(frozen=True)
class GitHubEnv:
    """What GitHub tells a step through its environment. Empty strings mean "not set"."""

    repository: str = ""
    event_name: str = ""
    event_path: str = ""
    sha: str = ""
    ref: str = ""
    api_url: str = DEFAULT_API_URL
    graphql_url: str = DEFAULT_GRAPHQL_URL
    server_url: str = DEFAULT_SERVER_URL
    run_id: str = ""
    workspace: str = ""
    output_path: str = ""
    summary_path: str = ""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> GitHubEnv:
        def get(name: str, default: str = "") -> str:
            return environ.get(name, "").strip() or default

        found = cls(
            repository=get("GITHUB_REPOSITORY"),
            event_name=get("GITHUB_EVENT_NAME"),
            event_path=get("GITHUB_EVENT_PATH"),
            sha=get("GITHUB_SHA"),
            ref=get("GITHUB_REF"),
            api_url=get("GITHUB_API_URL", DEFAULT_API_URL).rstrip("/"),
            graphql_url=get("GITHUB_GRAPHQL_URL", DEFAULT_GRAPHQL_URL),
            server_url=get("GITHUB_SERVER_URL", DEFAULT_SERVER_URL).rstrip("/"),
            run_id=get("GITHUB_RUN_ID"),
            workspace=get("GITHUB_WORKSPACE"),
            output_path=get("GITHUB_OUTPUT"),
            summary_path=get("GITHUB_STEP_SUMMARY"),
        )
        for name, url in (
            ("GITHUB_API_URL", found.api_url),
            ("GITHUB_GRAPHQL_URL", found.graphql_url),
        ):
            if not url.startswith(("https://", "http://")):
                raise GitHubError(
                    f"{name} {url!r} is not an http(s) URL", reason="bad-environment"
                )
        return found

    @property
    def branch(self) -> str | None:
        """The branch pushed to, from `refs/heads/NAME`; None for tags and pull-request refs."""
        prefix = "refs/heads/"
        return self.ref[len(prefix) :] if self.ref.startswith(prefix) else None

    @property
    def run_url(self) -> str | None:
        if not (self.repository and self.run_id):
            return None
        return f"{self.server_url}/{self.repository}/actions/runs/{self.run_id}"

    def event(self) -> dict[str, Any]:
        """The webhook payload GitHub wrote at GITHUB_EVENT_PATH ({} when there is none)."""
        if not self.event_path:
            return {}
        try:
            data = json.loads(Path(self.event_path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GitHubError(
                f"cannot read the event payload {self.event_path}: {exc}", reason="bad-environment"
            ) from exc
        if not isinstance(data, dict):
            raise GitHubError(
                f"the event payload {self.event_path} is not a JSON object",
                reason="bad-environment",
            )
        return data


def format_outputs(
    outputs: Mapping[str, str], *, token: Callable[[], str] = lambda: secrets.token_hex(16)
) -> str:
    """Step outputs in the delimiter form, safe for any value: `name<<DELIM` … `DELIM`."""
    lines = []
    for name, value in outputs.items():
        delimiter = f"ghadelimiter_{token()}"
        while delimiter in value or delimiter in name:
            delimiter = f"ghadelimiter_{token()}"
        lines.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(lines)


def write_outputs(env: GitHubEnv, outputs: Mapping[str, str]) -> None:
    """Append step outputs to GITHUB_OUTPUT; outside Actions there is nowhere to put them."""
    if not env.output_path:
        return
    _append(env.output_path, format_outputs({k: redact(v) for k, v in outputs.items()}))


def summary_room(env: GitHubEnv) -> int:
    """Bytes still free in this step's summary."""
    if not env.summary_path:
        return SUMMARY_LIMIT
    try:
        used = Path(env.summary_path).stat().st_size
    except FileNotFoundError:
        used = 0
    except OSError as exc:
        raise GitHubError(f"cannot read GITHUB_STEP_SUMMARY: {exc.strerror}") from exc
    return max(0, SUMMARY_LIMIT - used)


def fit_bytes(render: Callable[[int | None], str], limit: int) -> str:
    """The longest rendering (`render(max_chars)`) whose UTF-8 form fits in `limit` bytes."""
    text = render(None)
    size = len(text.encode("utf-8"))
    chars = len(text)
    for _ in range(8):
        if size <= limit:
            return text
        # Scale down by how far over we are; multi-byte text converges in a few rounds.
        chars = max(0, min(chars - 1, chars * limit // size))
        text = render(chars)
        size = len(text.encode("utf-8"))
    return _cut(text, limit)


def _cut(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def append_summary(env: GitHubEnv, text: str) -> bool:
    """Append markdown to the job summary, cut to the room left; False when there is none."""
    if not env.summary_path:
        return False
    text = redact(text)
    room = summary_room(env)
    if room < SUMMARY_LIMIT and not text.startswith("\n"):
        # A block after another one: markdown needs a blank line before a heading.
        text = "\n" + text
    if len(text.encode("utf-8")) > room:
        text = _cut(text, max(0, room - len(_SUMMARY_CUT.encode()))) + _SUMMARY_CUT
        text = _cut(text, room)
    _append(env.summary_path, text)
    return True


def _append(path: str, text: str) -> None:
    try:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise GitHubError(
            f"cannot write {path}: {exc.strerror}", reason="bad-environment"
        ) from exc
