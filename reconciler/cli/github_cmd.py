"""`creatives github plan|apply`: the GitHub Action's entry point; every option has an env var."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import Any

import click

from reconciler.cli.common import (
    DEFAULT_API_URL,
    DURATION,
    ApiAccess,
    catalog_source,
    open_client,
)
from reconciler.github import comment as sticky
from reconciler.github.apply_flow import Api, github_apply
from reconciler.github.env import GitHubEnv
from reconciler.github.flows import Options, Step, github_plan
from reconciler.github.rest import GitHubClient
from reconciler.redact import redact, register


def _shared(func: Any) -> Any:
    for decorator in reversed(
        [
            click.option(
                "--manifests",
                envvar="CREATIVES_MANIFESTS",
                default="creatives",
                show_default=True,
                help="Manifest directories or files, separated by spaces or newlines.",
            ),
            click.option(
                "--state",
                "state_path",
                envvar="CREATIVES_STATE",
                default="creatives.state.json",
                show_default=True,
                type=click.Path(dir_okay=False, path_type=Path),
            ),
            click.option(
                "--label",
                envvar="CREATIVES_LABEL",
                default="",
                help="Environment name: one sticky comment per label.",
            ),
            click.option(
                "--comment",
                "comment_mode",
                envvar="CREATIVES_COMMENT",
                type=click.Choice(sticky.MODES),
                default="update",
                show_default=True,
            ),
            click.option(
                "--comment-author",
                envvar="CREATIVES_COMMENT_AUTHOR",
                default=sticky.BOT_LOGIN,
                show_default=True,
                help="Login the token comments as (a PAT's or an App's own login).",
            ),
            click.option(
                "--api-url",
                envvar="VIDEOTOK_API_URL",
                default=DEFAULT_API_URL,
                show_default=True,
            ),
            click.option(
                "--api-key-file",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Read the API key from this file instead of VIDEOTOK_API_KEY.",
            ),
            click.option(
                "--sandbox",
                "use_sandbox",
                is_flag=True,
                envvar="CREATIVES_SANDBOX",
                help="Use the embedded sandbox instead of the real API.",
            ),
        ]
    ):
        func = decorator(func)
    return func


def _options(
    manifests: str, state_path: Path, label: str, comment_mode: str, author: str, **more: Any
) -> Options:
    paths = tuple(Path(p) for p in shlex.split(manifests)) or (Path("creatives"),)
    return Options(
        manifests=paths,
        state_path=state_path,
        root=Path.cwd(),
        label=sticky.check_label(label.strip()),
        comment_mode=comment_mode,
        comment_author=author.strip() or sticky.BOT_LOGIN,
        **more,
    )


def _echo(line: str) -> None:
    click.echo(redact(line))


def _run(options: Options, access: ApiAccess, flow: Callable[[Step], int]) -> int:
    env = GitHubEnv.from_environ(os.environ)
    token = os.environ.get("GITHUB_TOKEN", "").strip()
    register(token)
    with ExitStack() as stack:
        github = None
        if token:
            github = stack.enter_context(
                GitHubClient(token, api_url=env.api_url, graphql_url=env.graphql_url)
            )
        step = Step(env, options, github, _echo, fallback_catalog=catalog_source(access))
        return flow(step)


@click.group("github")
def github() -> None:
    """The GitHub Action's entry point: plan on pull requests, apply on push (env-driven)."""


@github.command("plan")
@_shared
def plan(
    manifests: str,
    state_path: Path,
    label: str,
    comment_mode: str,
    comment_author: str,
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
) -> int:
    """Plan offline; annotations, job summary, outputs, one sticky comment per label."""
    options = _options(manifests, state_path, label, comment_mode, comment_author)
    return _run(options, ApiAccess(api_url, api_key_file, use_sandbox), github_plan)


@github.command("apply")
@_shared
@click.option(
    "--require-approved-plan/--no-require-approved-plan",
    envvar="CREATIVES_REQUIRE_APPROVED_PLAN",
    default=True,
    show_default=True,
    help="Refuse to apply without a plan reviewed in the merged pull request.",
)
@click.option(
    "--max-credits", envvar="CREATIVES_MAX_CREDITS", type=click.IntRange(min=0), default=None
)
@click.option("--allow-unknown-cost", is_flag=True, envvar="CREATIVES_ALLOW_UNKNOWN_COST")
@click.option("--wait", "do_wait", is_flag=True, envvar="CREATIVES_WAIT")
@click.option("--timeout", envvar="CREATIVES_WAIT_TIMEOUT", type=DURATION, default="30m")
@click.option(
    "--parallelism", envvar="CREATIVES_PARALLELISM", type=click.IntRange(1, 64), default=4
)
def apply(
    manifests: str,
    state_path: Path,
    label: str,
    comment_mode: str,
    comment_author: str,
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
    require_approved_plan: bool,
    max_credits: int | None,
    allow_unknown_cost: bool,
    do_wait: bool,
    timeout: float,
    parallelism: int,
) -> int:
    """Apply the reviewed plan of the merged pull request, then commit the state back."""
    options = _options(
        manifests,
        state_path,
        label,
        comment_mode,
        comment_author,
        require_approved_plan=require_approved_plan,
        max_credits=max_credits,
        allow_unknown_cost=allow_unknown_cost,
        wait=do_wait,
        timeout=timeout,
        parallelism=parallelism,
    )
    access = ApiAccess(api_url, api_key_file, use_sandbox)

    def connect() -> AbstractContextManager[Api]:
        client: AbstractContextManager[Api] = open_client(access)
        return client

    return _run(options, access, lambda step: github_apply(step, connect))
