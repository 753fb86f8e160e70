"""`creatives sandbox`: run the local Videotok-compatible server until SIGINT or SIGTERM."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType

import click

DEFAULT_PORT = 8765
_RATE = click.FloatRange(0, 1)


def _rate_limit(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """Requests per second: `N` or `N/s`, N above 0."""
    if value is None:
        return None
    try:
        number = float(value.strip().lower().removesuffix("/s"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a rate: write N or N/s, e.g. 5/s.") from None
    if not 0 < number < float("inf"):
        raise click.BadParameter(f"{value!r} must be above 0 requests per second.")
    return number


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--data",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Keep the sandbox's world in this JSON file across restarts.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed: key, ids, faults.")
@click.option(
    "--latency",
    type=click.FloatRange(min=0),
    default=0.0,
    metavar="MS",
    help="Milliseconds added to every API request.",
)
@click.option(
    "--fail-rate", type=_RATE, default=0.0, metavar="X", help="Share of requests answered 500."
)
@click.option(
    "--rate-limit",
    callback=_rate_limit,
    metavar="N[/s]",
    help="Requests per second over all API requests; more get 429.",
)
@click.option(
    "--credits",
    type=click.IntRange(min=0),
    metavar="N",
    help="Set the credit balance (default: the saved one, or 100000).",
)
@click.option(
    "--drop-after-commit",
    type=_RATE,
    default=0.0,
    metavar="X",
    help="Share of accepted batches whose answer is dropped (connection closed).",
)
@click.option(
    "--complete-after",
    type=click.FloatRange(min=0),
    default=3.0,
    show_default=True,
    metavar="S",
    help="Seconds until an output is completed or failed.",
)
@click.option(
    "--failure-rate", type=_RATE, default=0.0, metavar="X", help="Share of outputs that fail."
)
@click.option("--verbose", is_flag=True, help="Log one line per request on stderr.")
def sandbox(
    host: str,
    port: int,
    data: Path | None,
    seed: int,
    latency: float,
    fail_rate: float,
    rate_limit: float | None,
    credits: int | None,
    drop_after_commit: float,
    complete_after: float,
    failure_rate: float,
    verbose: bool,
) -> None:
    """Run the local Videotok-compatible sandbox server (for demos and tests; no real credits).

    Prints the API URL and a test key, then serves until Ctrl-C or SIGTERM. The fixed
    read-only, write-only and other-workspace keys are printed too.
    """
    # Imported here so other commands do not pay for the server at start-up.
    from reconciler.sandbox import SandboxConfig, start_sandbox

    config = SandboxConfig(
        host=host,
        port=port,
        data=data,
        seed=seed,
        latency_ms=latency,
        fail_rate=fail_rate,
        rate_limit=rate_limit,
        credits=credits,
        drop_after_commit=drop_after_commit,
        complete_after=complete_after,
        failure_rate=failure_rate,
        verbose=verbose,
    )
    stop = threading.Event()

    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with start_sandbox(config) as running:
            click.echo(f"Videotok sandbox listening on {running.base_url}")
            click.echo(f"Test API key: {running.api_key}")
            for spec in running.api_keys():
                if spec.key != running.api_key:
                    scopes = ", ".join(sorted(spec.scopes))
                    click.echo(f"Extra key ({spec.label}; {scopes}): {spec.key}")
            where = f"in {data}" if data else "in memory only (use --data FILE to keep it)"
            click.echo(f"Data is kept {where}. Stop with Ctrl-C.", err=True)
            while not stop.wait(0.2):
                pass
        click.echo("Sandbox stopped.", err=True)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
