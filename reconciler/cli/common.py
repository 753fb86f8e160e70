"""Options and collaborators shared by commands: durations, the API client, the sandbox."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from reconciler import catalog
from reconciler.catalog import Catalog
from reconciler.errors import ReconcilerError, UsageError
from reconciler.redact import register

DEFAULT_API_URL = "https://videotok.app/api/v1"
DEFAULT_STATE = "creatives.state.json"
SANDBOX_DATA = Path(".creatives/sandbox.json")
#: `creatives sandbox --data .creatives/sandbox.json` serves the embedded sandbox's assets here.
EMBEDDED_ASSET_ROOT = "http://127.0.0.1:8765"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}

F = TypeVar("F", bound=Callable[..., Any])


def parse_duration(text: str) -> float:
    """`90`, `90s`, `2m`, `1h`, `500ms` -> seconds."""
    match = _DURATION.match(text)
    if not match:
        raise click.BadParameter(f"{text!r} is not a duration (examples: 30s, 2m, 1h, 500ms)")
    return float(match.group(1)) * _UNITS[match.group(2)]


class Duration(click.ParamType):  # type: ignore[type-arg, unused-ignore]
    name = "duration"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int | float):
            return float(value)
        try:
            return parse_duration(str(value))
        except click.BadParameter as exc:
            self.fail(exc.message, param, ctx)


DURATION = Duration()


def state_option(func: F) -> F:
    return click.option(
        "--state",
        "state_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_STATE,
        show_default=True,
        envvar="CREATIVES_STATE",
        help="State file (env CREATIVES_STATE).",
    )(func)


def lock_timeout_option(func: F) -> F:
    return click.option(
        "--lock-timeout",
        type=DURATION,
        default="0s",
        show_default=True,
        help="How long to wait for a state lock held by another run (30s, 2m, seconds).",
    )(func)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def api_options(func: F) -> F:
    """`--api-url`, `--api-key-file` and `--sandbox`, for every command that talks to the API."""
    func = click.option(
        "--sandbox",
        "use_sandbox",
        is_flag=True,
        help=f"Use the embedded sandbox (data in {SANDBOX_DATA}) instead of the real API.",
    )(func)
    func = click.option(
        "--api-key-file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Read the API key from this file instead of VIDEOTOK_API_KEY.",
    )(func)
    return click.option(
        "--api-url",
        envvar="VIDEOTOK_API_URL",
        default=DEFAULT_API_URL,
        show_default=True,
        help="Videotok API base URL (env VIDEOTOK_API_URL).",
    )(func)


@dataclass(frozen=True)
class ApiAccess:
    api_url: str
    api_key_file: Path | None
    use_sandbox: bool


def read_api_key(key_file: Path | None) -> str:
    """The key from `--api-key-file` or VIDEOTOK_API_KEY; never from a flag."""
    if key_file is not None:
        try:
            key = key_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ReconcilerError(
                f"cannot read the API key file {key_file}: {exc.strerror}"
            ) from exc
        if not key:
            raise ReconcilerError(f"the API key file {key_file} is empty")
    else:
        key = os.environ.get("VIDEOTOK_API_KEY", "").strip()
        if not key:
            raise ReconcilerError(
                "no API key: set VIDEOTOK_API_KEY (or pass --api-key-file FILE).",
                hint="To try things without an account, add --sandbox.",
            )
    register(key)
    return key


@contextlib.contextmanager
def open_client(access: ApiAccess, **client_args: Any) -> Iterator[Any]:
    """A VideotokClient for the real API, or for the embedded sandbox when asked."""
    from reconciler.api import VideotokClient
    from reconciler.ratelimit import RateLimiter

    # One limiter per run: a 429 seen by one worker slows every worker down. A gentle cut
    # and a quick recovery keep a run near the server's limit instead of far below it.
    client_args.setdefault("limiter", RateLimiter(decrease=0.8, increase=2.0))

    if access.use_sandbox:
        from reconciler.sandbox import SandboxConfig, start_sandbox

        ctx = click.get_current_context(silent=True)
        given = ctx.get_parameter_source("api_url") if ctx is not None else None
        if given is ParameterSource.COMMANDLINE:
            raise UsageError(
                "--sandbox and --api-url name two different APIs; pass one of them.",
                hint="State records generations of one API: never mix them in one state file.",
            )

        SANDBOX_DATA.parent.mkdir(parents=True, exist_ok=True)
        config = SandboxConfig(port=0, data=SANDBOX_DATA, asset_root=EMBEDDED_ASSET_ROOT)
        with start_sandbox(config) as sandbox:
            register(sandbox.api_key)
            with VideotokClient(sandbox.base_url, sandbox.api_key, **client_args) as client:
                yield client
        return
    if not access.api_url.startswith(("http://", "https://")):
        raise UsageError(f"--api-url {access.api_url!r} is not an http(s) URL")
    key = read_api_key(access.api_key_file)
    with VideotokClient(access.api_url, key, **client_args) as client:
        yield client


def catalog_source(access: ApiAccess) -> Callable[[], Catalog] | None:
    """With --sandbox and no catalog file, read the embedded sandbox's catalog (no network)."""
    if not access.use_sandbox:
        return None

    def fetch() -> Catalog:
        # The very documents the embedded sandbox serves at /models and /assets: read in
        # process, they spare starting a server (and a second one for apply) just to ask.
        from reconciler.sandbox import catalog as served

        return catalog.parse(served.models_document(), served.assets_document())

    return fetch
