"""`creatives apply` and `creatives status`: spend credits, then watch the outputs arrive."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import click

from reconciler import planner, runner
from reconciler import state as state_format
from reconciler.apply import ApplyOptions, Executor, Result, check_budget
from reconciler.cli.common import (
    DURATION,
    ApiAccess,
    api_options,
    catalog_source,
    lock_timeout_option,
    open_client,
    state_option,
    utc_now,
)
from reconciler.cli.context import Settings
from reconciler.cli.plan_cmd import manifest_paths, render, selection_options
from reconciler.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, PlanError, UsageError
from reconciler.ledger import Ledger
from reconciler.model import STATUS_FAILED, Plan
from reconciler.render.numbers import thousands
from reconciler.render.plan_json import plan_from_json
from reconciler.render.status import (
    progress_bar,
    render_status_json,
    render_status_markdown,
    render_status_text,
)
from reconciler.status import Pass, Poller, rows, wait, waiting
from reconciler.storage import LocalFileStorage


def _err(message: str) -> None:
    click.echo(message, err=True)


def _is_plan_file(paths: tuple[Path, ...]) -> bool:
    """One file whose content is a JSON object: a saved plan, whatever its name."""
    if len(paths) != 1 or not paths[0].is_file():
        return False
    try:
        with paths[0].open("rb") as handle:
            start = handle.read(64).lstrip()
    except OSError:
        return False
    return start.startswith(b"{")


def _load_saved(path: Path) -> Plan:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"cannot read the saved plan {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise PlanError(
            f"{path}:{exc.lineno}:{exc.colno}: not a saved plan (invalid JSON: {exc.msg})",
            hint="Save a plan with `creatives plan -out FILE`.",
        ) from exc
    return plan_from_json(data, source=str(path))


@contextmanager
def _interruptible() -> Iterator[threading.Event]:
    """First Ctrl-C: stop starting batches, finish in-flight ones. Second: exit at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            # Every step is already on disk (write-ahead), so leaving now loses nothing.
            os._exit(EXIT_INTERRUPTED)
        stop.set()
        _err("Interrupted: finishing the requests in flight, then stopping. Ctrl-C again quits.")

    previous = signal.signal(signal.SIGINT, on_signal)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _confirm(auto_approve: bool) -> None:
    if auto_approve:
        return
    if not sys.stdin.isatty():
        raise PlanError(
            "apply needs confirmation, and there is no terminal to ask on.",
            hint="Review the plan above, then pass --auto-approve (CI does this after review).",
        )
    answer = click.prompt(
        "Do you want to apply these changes? Only 'yes' is accepted", default="", err=True
    )
    if answer.strip() != "yes":
        raise PlanError("Apply cancelled; nothing was queued.")


def _result_line(result: Result) -> str:
    """`hero: created (batch 0, key crv1-…, 2 outputs, 200 credits)`, or why it failed."""
    change = result.change
    details = []
    if change.batch is not None and result.outcome != "skipped":
        details.append(f"batch {change.batch.number}, key {change.batch.idempotency_key}")
    if result.outputs:
        details.append(f"{result.outputs} output{'s' if result.outputs != 1 else ''}")
    if result.credits is not None:
        details.append(f"{thousands(result.credits)} credits")
    if result.outcome == "skipped":
        return f"{change.address}: {result.message}"
    line = f"{change.address}: {result.outcome}"
    if details:
        line += f" ({', '.join(details)})"
    if result.message and result.outcome in ("failed", "skipped"):
        line += f": {result.message}"
    return line


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH… | PLANFILE]")
@state_option
@click.option("--auto-approve", is_flag=True, help="Apply without asking for confirmation.")
@click.option("--max-credits", type=click.IntRange(min=0), help="Refuse to spend more than N.")
@click.option(
    "--allow-unknown-cost",
    is_flag=True,
    help="With --max-credits, accept changes whose price is unknown.",
)
@click.option("--parallelism", type=click.IntRange(1, 64), default=4, show_default=True)
@click.option("--wait", "do_wait", is_flag=True, help="Wait until every output is finished.")
@click.option(
    "--timeout", type=DURATION, default="30m", show_default=True, help="How long --wait waits."
)
@selection_options
@lock_timeout_option
@api_options
@click.pass_obj
def apply(
    settings: Settings,
    paths: tuple[Path, ...],
    state_path: Path,
    auto_approve: bool,
    max_credits: int | None,
    allow_unknown_cost: bool,
    parallelism: int,
    do_wait: bool,
    timeout: float,
    target: tuple[str, ...],
    exclude: tuple[str, ...],
    replace: tuple[str, ...],
    lock_timeout: float,
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
) -> int:
    """Queue what the plan shows: each batch written ahead to state, then sent once."""
    storage = LocalFileStorage(state_path)
    access = ApiAccess(api_url, api_key_file, use_sandbox)
    options = ApplyOptions(parallelism, max_credits, allow_unknown_cost)
    saved_plan = _is_plan_file(paths)
    if saved_plan and (target or exclude or replace):
        raise UsageError(
            "--target, --exclude and --replace cannot change a saved plan.",
            hint="Make a new plan with them: `creatives plan --target … -out FILE`.",
        )
    with storage.lock("apply", lock_timeout):
        if saved_plan:
            saved = _load_saved(paths[0])
            wanted = [Path(p) for p in saved.manifest_paths] or manifest_paths(())
            inputs = runner.load_inputs(wanted, storage, fallback_catalog=catalog_source(access))
            runner.check_fresh(saved, inputs, source=str(paths[0]))
            if not inputs.state_exists:
                inputs = dataclasses.replace(inputs, state=state_format.new_state(saved.lineage))
            the_plan = saved
        else:
            inputs = runner.load_inputs(
                manifest_paths(paths), storage, fallback_catalog=catalog_source(access)
            )
            selection = planner.PlanOptions(targets=target, excludes=exclude, replace=replace)
            the_plan = runner.make_plan(inputs, selection)
        click.echo(render(the_plan, "text", color=settings.color), nl=False)
        ledger = Ledger(storage, inputs.state, exists=inputs.state_exists)
        if not the_plan.has_changes and not do_wait:
            return EXIT_OK
        code = EXIT_OK
        with open_client(access) as client:
            if the_plan.has_changes:
                check_budget(the_plan, options)
                # A saved plan is confirmed too: it is shown again, and a plan file lying
                # around must not spend credits because a script named it (DESIGN §7).
                _confirm(auto_approve)
                with _interruptible() as stop:
                    executor = Executor(
                        ledger,
                        client,
                        now=utc_now,
                        options=options,
                        on_result=lambda r: click.echo(_result_line(r)),
                        stop=stop,
                    )
                    report = executor.run(the_plan)
                click.echo(report.summary_line())
                if report.interrupted:
                    return EXIT_INTERRUPTED
                code = EXIT_ERROR if report.failed else EXIT_OK
                queued = {i for r in report.results for i in r.generation_ids}
            else:
                queued = set()
            if do_wait:
                code = max(code, _wait_and_show(ledger, client, timeout, "text", queued))
        return code


def _progress(interactive: bool, unfinished: int) -> Callable[[Pass, int], None]:
    """`unfinished`: outputs not finished when waiting began (missing ones are not waited
    for, so they are not counted either)."""

    def on_pass(result: Pass, left: int) -> None:
        if not result.polled:
            return
        if interactive:
            total = max(unfinished, left)
            click.echo(f"\r{progress_bar(total - left, total)}", nl=False, err=True)
            if not left:
                click.echo("", err=True)
        elif result.changed or not left:
            _err(f"{result.changed} output(s) changed; {left} still in progress.")
        for error in result.errors:
            _err(f"warning: {error}")

    return on_pass


def _wait_and_show(
    ledger: Ledger, client: Poller, timeout: float, fmt: str, queued: set[str]
) -> int:
    """Wait, show the table; exit 1 on a timeout or when an output of this run failed."""
    interactive = sys.stderr.isatty()
    done = wait(
        ledger,
        client,
        now=utc_now,
        timeout=timeout,
        on_pass=_progress(interactive, len(waiting(ledger.state))),
    )
    _show(ledger, fmt)
    if not done:
        _err(
            "Timed out waiting; outputs still in progress are shown as such. "
            "`creatives status --wait` carries on."
        )
        return EXIT_ERROR
    failed = [r for r in rows(ledger.state) if r.id in queued and r.status == STATUS_FAILED]
    if failed:
        _err(
            f"{len(failed)} output(s) queued by this run failed; they are not retried. "
            "Bump `revision` or use --replace ADDRESS to pay for another try."
        )
        return EXIT_ERROR
    return EXIT_OK


def _show(ledger: Ledger, fmt: str) -> None:
    found = rows(ledger.state)
    if fmt == "json":
        click.echo(render_status_json(found), nl=False)
    elif fmt == "markdown":
        click.echo(render_status_markdown(found), nl=False)
    else:
        click.echo(render_status_text(found), nl=False)


@click.command()
@state_option
@click.option("--wait", "do_wait", is_flag=True, help="Wait until every output is finished.")
@click.option("--timeout", type=DURATION, default="30m", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@lock_timeout_option
@api_options
def status(
    state_path: Path,
    do_wait: bool,
    timeout: float,
    fmt: str,
    lock_timeout: float,
    api_url: str,
    api_key_file: Path | None,
    use_sandbox: bool,
) -> int:
    """Poll outputs not yet finished, record them in state, and show every output."""
    storage = LocalFileStorage(state_path)
    with storage.lock("status", lock_timeout):
        current = storage.read()
        if current is None:
            _err(f"No state file at {state_path}: nothing has been applied yet.")
            return EXIT_OK
        ledger = Ledger(storage, current, exists=True)
        with open_client(ApiAccess(api_url, api_key_file, use_sandbox)) as client:
            limit = timeout if do_wait else 0.0
            done = wait(
                ledger,
                client,
                now=utc_now,
                timeout=limit,
                on_pass=_progress(sys.stderr.isatty() and do_wait, len(waiting(current))),
            )
        _show(ledger, fmt)
        if do_wait and not done:
            _err("Timed out waiting; run `creatives status --wait` again to carry on.")
            return EXIT_ERROR
        return EXIT_OK
