"""`creatives plan`: compare manifests with state and show what apply would do."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from reconciler import planner, runner
from reconciler.cli.common import (
    ApiAccess,
    api_options,
    catalog_source,
    lock_timeout_option,
    open_client,
    state_option,
    utc_now,
)
from reconciler.cli.context import Settings
from reconciler.errors import EXIT_CHANGES, EXIT_OK, PlanError
from reconciler.model import Plan
from reconciler.render.plan_text import render_plan_text
from reconciler.storage import LocalFileStorage

DEFAULT_MANIFESTS = "creatives"


def selection_options(func: Any) -> Any:
    for name, text in (
        ("--replace", "Regenerate this address even if unchanged (repeatable, glob)."),
        ("--exclude", "Leave out this address (repeatable, glob)."),
        ("--target", "Only this address or name (repeatable, glob)."),
    ):
        func = click.option(name, multiple=True, metavar="ADDR", help=text)(func)
    return func


def manifest_paths(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) if paths else [Path(DEFAULT_MANIFESTS)]


def render(plan: Plan, fmt: str, *, color: bool) -> str:
    # The other renderers are imported when asked for: plan is run often and should start fast.
    if fmt == "json":
        from reconciler.render.plan_json import render_plan_json

        return render_plan_json(plan)
    if fmt == "markdown":
        from reconciler.render.plan_markdown import render_plan_markdown

        return render_plan_markdown(plan)
    return render_plan_text(plan, color=color)


def refresh_state(
    storage: LocalFileStorage, access: ApiAccess, *, lock_timeout: float, echo: Any
) -> None:
    """`--refresh`: poll outputs still in flight and record them before planning."""
    from reconciler.ledger import Ledger
    from reconciler.status import refresh

    with storage.lock("plan --refresh", lock_timeout):
        current = storage.read()
        if current is None:
            return
        with open_client(access) as client:
            ledger = Ledger(storage, current, exists=True)
            result = refresh(ledger, client, now=utc_now)
    echo(f"Refreshed {result.polled} outputs in flight: {result.changed} changed.")
    for error in result.errors:
        echo(f"warning: {error}")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@state_option
@click.option(
    "-out",
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save the plan to FILE; `creatives apply FILE` applies exactly it.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@click.option(
    "--detailed-exitcode",
    is_flag=True,
    help="Exit 0 when there are no changes, 2 when there are, 1 on error.",
)
@click.option(
    "--refresh",
    "do_refresh",
    is_flag=True,
    help="Poll outputs still in flight before planning (needs the API).",
)
@selection_options
@lock_timeout_option
@api_options
@click.pass_obj
def plan(
    settings: Settings,
    paths: tuple[Path, ...],
    state_path: Path,
    out: Path | None,
    fmt: str,
    detailed_exitcode: bool,
    do_refresh: bool,
    target: tuple[str, ...],
    exclude: tuple[str, ...],
    replace: tuple[str, ...],
    lock_timeout: float,
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
) -> int:
    """Show what apply would queue, and what it would cost. Offline unless --refresh."""
    storage = LocalFileStorage(state_path)
    access = ApiAccess(api_url, api_key_file, use_sandbox)
    if do_refresh:
        refresh_state(storage, access, lock_timeout=lock_timeout, echo=_err)
    wanted = manifest_paths(paths)
    inputs = runner.load_inputs(wanted, storage, fallback_catalog=catalog_source(access))
    options = planner.PlanOptions(targets=target, excludes=exclude, replace=replace)
    result = runner.make_plan(inputs, options)
    result = dataclasses.replace(result, manifest_paths=tuple(str(p) for p in wanted))
    click.echo(render(result, fmt, color=settings.color), nl=False)
    if out is not None:
        save_plan(result, out)
        _err(f"Saved the plan to {out}. To apply exactly this plan: creatives apply {out}")
    if detailed_exitcode and result.has_changes:
        return EXIT_CHANGES
    return EXIT_OK


def save_plan(result: Plan, out: Path) -> None:
    try:
        out.write_text(render(result, "json", color=False), encoding="utf-8")
    except OSError as exc:
        raise PlanError(f"cannot write the plan to {out}: {exc.strerror}") from exc


def _err(message: str) -> None:
    click.echo(message, err=True)
