"""The sandbox on a real socket: a threading HTTP server, startable in-process or from the CLI."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from reconciler import redact
from reconciler.errors import ReconcilerError
from reconciler.sandbox.app import App, Request, Response, error_response
from reconciler.sandbox.contract import (
    API_PREFIX,
    MAX_BODY_BYTES,
    KeySpec,
    Rejection,
    bad_request,
)
from reconciler.sandbox.faults import DEFAULT_COMPLETE_AFTER, FaultInjector, Faults
from reconciler.sandbox.world import World


class SandboxError(ReconcilerError):
    """The sandbox cannot start (address in use, unusable data file)."""


@dataclass(frozen=True)
class SandboxConfig:
    """How to run a sandbox. `credits` None keeps a saved balance (or the default)."""

    host: str = "127.0.0.1"
    port: int = 0
    data: Path | None = None
    seed: int = 0
    latency_ms: float = 0.0
    fail_rate: float = 0.0
    rate_limit: float | None = None
    credits: int | None = None
    drop_after_commit: float = 0.0
    complete_after: float = DEFAULT_COMPLETE_AFTER
    failure_rate: float = 0.0
    #: Where asset URLs point (default: this server). An embedded sandbox lives only as long
    #: as its command, so it points them at the address `creatives sandbox` serves by default.
    asset_root: str | None = None
    verbose: bool = False
    log: TextIO | None = None
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def faults(self) -> Faults:
        return Faults(
            latency_ms=self.latency_ms,
            fail_rate=self.fail_rate,
            rate_limit=self.rate_limit,
            drop_after_commit=self.drop_after_commit,
            failure_rate=self.failure_rate,
            complete_after=self.complete_after,
        )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    app: App
    verbose: bool
    log: TextIO


class _Handler(BaseHTTPRequestHandler):
    """Translates between HTTP and `App`; never logs headers or bodies."""

    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "VideotokSandbox"
    # Headers and body leave in one write: with keep-alive, separate small writes meet
    # Nagle's algorithm and delayed ACKs and cost ~40 ms per request.
    wbufsize = -1
    disable_nagle_algorithm = True
    sys_version = ""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = self.headers.get("Content-Length")
        try:
            size = int(length) if length is not None else 0
        except ValueError:
            size = -1
        if size < 0 or size > MAX_BODY_BYTES or "Transfer-Encoding" in self.headers:
            self.close_connection = True
            rejection = bad_request(
                "body",
                "invalid_length",
                f"Send a Content-Length of at most {MAX_BODY_BYTES} bytes (no chunked bodies).",
            )
            self._answer(error_response(rejection))
            return
        body = self.rfile.read(size) if size else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        path = self.path.split("?", 1)[0]
        response = self.server.app.handle(Request(self.command, path, headers, body))
        if response.drop:
            self._drop()
            return
        self._answer(response)

    def _answer(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(response.body)

    def _drop(self) -> None:
        # Commit happened; the client must see a broken connection, not an answer.
        self.close_connection = True
        self.log_message('"%s %s" dropped', self.command, self.path.split("?", 1)[0])
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log_message('"%s %s" %s', self.command, self.path.split("?", 1)[0], code)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            self.server.log.write("sandbox: " + redact.redact(format % args) + "\n")
            self.server.log.flush()


class RunningSandbox:
    """A sandbox serving on a daemon thread; a context manager that shuts it down."""

    def __init__(self, server: _Server, thread: threading.Thread) -> None:
        self._server = server
        self._thread = thread
        self._stopped = False
        host, port = server.server_address[:2]
        self.host = str(host)
        self.port = int(port)
        self.root_url = server.app.root_url
        self.base_url = server.app.base_url

    @property
    def app(self) -> App:
        return self._server.app

    @property
    def world(self) -> World:
        return self._server.app.world

    @property
    def api_key(self) -> str:
        """The default test key (generations:read and generations:write)."""
        return self.world.default_key.key

    def api_keys(self) -> tuple[KeySpec, ...]:
        return self.world.api_keys()

    def stats(self) -> dict[str, Any]:
        return self.app.stats()

    def shutdown(self) -> None:
        """Stop serving and close the socket (every change is already saved). Idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.shutdown()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def start_sandbox(config: SandboxConfig) -> RunningSandbox:
    """Open the world, bind the port (0 picks a free one) and serve on a daemon thread."""
    try:
        faults = Faults().updated(config.faults().to_json())
    except Rejection as exc:
        raise SandboxError(f"Invalid sandbox setting: {exc.message}") from exc
    world = World.open(config.data, seed=config.seed, credits=config.credits, clock=config.clock)
    for spec in world.api_keys():
        redact.register(spec.key)
    try:
        server = _Server((config.host, config.port), _Handler)
    except OSError as exc:
        raise SandboxError(
            f"The sandbox cannot listen on {config.host}:{config.port}: {exc.strerror or exc}.",
            hint="Pick another --port, or 0 for any free port.",
        ) from exc
    port = int(server.server_address[1])
    root_url = f"http://{_url_host(config.host)}:{port}"
    injector = FaultInjector(faults, seed=config.seed)
    server.app = App(
        world,
        injector,
        base_url=root_url + API_PREFIX,
        root_url=root_url,
        asset_root=config.asset_root,
    )
    server.verbose = config.verbose
    server.log = config.log or sys.stderr
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.name = f"videotok-sandbox-{port}"
    thread.start()
    return RunningSandbox(server, thread)
