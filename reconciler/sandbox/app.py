"""Request handling, free of HTTP plumbing: routing, auth, idempotency, faults, control."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reconciler.sandbox import assets, catalog, records
from reconciler.sandbox.contract import (
    API_PREFIX,
    CONTROL_PREFIX,
    IDEMPOTENCY_HEADER,
    IDEMPOTENCY_KEY_MAX_LENGTH,
    SCOPE_READ,
    SCOPE_WRITE,
    KeySpec,
    Rejection,
    bad_request,
)
from reconciler.sandbox.faults import FaultInjector
from reconciler.sandbox.openapi import openapi_document
from reconciler.sandbox.skill import skill_document
from reconciler.sandbox.validate import validate
from reconciler.sandbox.world import World

log = logging.getLogger("reconciler.sandbox")

_FILE = re.compile(r"^([0-9a-f-]{36})\.(png|mp4)$")
_KEY_TEXT = re.compile(r"^[\x21-\x7e]+$")


@dataclass(frozen=True)
class Request:
    """An HTTP request reduced to what the sandbox reads; header names are lower case."""

    method: str
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class Response:
    """What to answer; `drop` means close the connection without answering at all."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False


def json_response(
    status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()
) -> Response:
    body = json.dumps(payload, sort_keys=True).encode("utf-8")
    return Response(status=status, body=body, headers=headers)


def error_response(rejection: Rejection) -> Response:
    return json_response(rejection.status, rejection.envelope(), rejection.headers)


class _Once:
    """Sleeps the injected latency the first time it is called, never again."""

    def __init__(self, sleep: Callable[[], None]) -> None:
        self._sleep = sleep
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            self._sleep()


class App:
    """The sandbox's behaviour: one `handle(Request) -> Response`, safe to call concurrently."""

    def __init__(
        self,
        world: World,
        injector: FaultInjector,
        *,
        base_url: str,
        root_url: str,
        asset_root: str | None = None,
    ) -> None:
        self.world = world
        self.injector = injector
        self.base_url = base_url
        self.root_url = root_url
        self.asset_root = asset_root or root_url
        self._counts: Counter[str] = Counter()
        self._counts_lock = threading.Lock()

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            response = self._api(request, path[len(API_PREFIX) :])
            with self._counts_lock:
                self._counts["dropped" if response.drop else str(response.status)] += 1
            return response
        try:
            if path.startswith(CONTROL_PREFIX + "/"):
                return self._control(request, path[len(CONTROL_PREFIX) :])
            raise _not_found(request)
        except Rejection as rejection:
            return error_response(rejection)

    def stats(self) -> dict[str, Any]:
        """The world's counters plus API requests answered, by status (`dropped` apart)."""
        stats = self.world.stats()
        with self._counts_lock:
            stats["requests_by_status"] = dict(sorted(self._counts.items()))
        return stats

    def _api(self, request: Request, route: str) -> Response:
        delay = _Once(self.injector.delay)
        try:
            self.injector.admit()
            response = self._route(request, route, delay)
        except Rejection as rejection:
            response = error_response(rejection)
        except Exception:  # a sandbox bug must still answer in the envelope
            log.exception("sandbox: unexpected error on %s %s", request.method, request.path)
            response = error_response(Rejection("server_error", "Unexpected sandbox error."))
        delay()
        return response

    def _route(self, request: Request, route: str, delay: _Once) -> Response:
        method = request.method
        if method == "GET" and route == "/openapi.json":
            return json_response(200, openapi_document(self.base_url, self.root_url))
        if method == "GET" and route == "/skill.md":
            text = skill_document(self.base_url, self.root_url)
            return Response(200, text.encode("utf-8"), "text/markdown; charset=utf-8")
        known = route in ("/generations", "/models", "/assets") or route.startswith(
            "/generations/"
        )
        if not known:
            raise _not_found(request)
        caller = self._authenticate(request)
        if method == "POST" and route == "/generations":
            return self._create(request, caller, delay)
        if method == "GET" and route.startswith("/generations/"):
            return self._show(caller, route[len("/generations/") :])
        if method == "GET" and route == "/models":
            _require(caller, SCOPE_READ)
            return json_response(200, catalog.models_document())
        if method == "GET" and route == "/assets":
            _require(caller, SCOPE_READ)
            return json_response(200, catalog.assets_document())
        raise _not_found(request)

    def _authenticate(self, request: Request) -> KeySpec:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise Rejection(
                "unauthorized",
                "Missing API key: send the header 'Authorization: Bearer <key>'.",
                headers=(("WWW-Authenticate", "Bearer"),),
            )
        caller = self.world.authenticate(token)
        if caller is None:
            raise Rejection(
                "invalid_api_key",
                "The API key is not valid for this server.",
                headers=(("WWW-Authenticate", 'Bearer error="invalid_token"'),),
            )
        return caller

    def _create(self, request: Request, caller: KeySpec, delay: _Once) -> Response:
        _require(caller, SCOPE_WRITE)
        body = _parse(request.body)
        order = validate(body)
        key = _idempotency_key(request, body)
        digest = records.payload_digest(body)
        workspace = caller.workspace
        if key is not None:
            replay = self.world.begin(workspace, key, digest)
            if replay is not None:
                return json_response(*replay)
        try:
            delay()  # inside the claim, so a concurrent retry sees the key "processing"
            faults = self.injector.faults
            status, payload = self.world.commit(
                caller,
                key,
                digest,
                order,
                failure_rate=faults.failure_rate,
                complete_after=faults.complete_after,
            )
        finally:
            if key is not None:
                self.world.release(workspace, key)
        if self.injector.drop_answer():
            return Response(status=status, drop=True)
        return json_response(status, payload)

    def _show(self, caller: KeySpec, generation_id: str) -> Response:
        generation = self.world.generation(generation_id)
        if generation is None or generation.workspace != caller.workspace:
            raise Rejection(
                "not_found",
                f"No generation {generation_id!r} in this workspace.",
                {"resource": "generation", "id": generation_id},
            )
        # D: a key with only generations:write can poll what it created.
        if SCOPE_READ not in caller.scopes and generation.creator != caller.label:
            _require(caller, SCOPE_READ)
        view = records.generation_view(generation, self.world.now(), self.asset_root)
        return json_response(200, view)

    def _control(self, request: Request, route: str) -> Response:
        method = request.method
        if method == "GET" and route == "/stats":
            return json_response(200, self.stats())
        if route == "/faults" and method in ("GET", "POST"):
            if method == "POST":
                changes = _parse(request.body)
                if not isinstance(changes, dict):
                    raise bad_request("body", "invalid_type", "The body must be a JSON object.")
                return json_response(200, self.injector.update(changes).to_json())
            return json_response(200, self.injector.faults.to_json())
        if method == "POST" and route == "/credits":
            return self._set_credits(_parse(request.body))
        match = _FILE.match(route[len("/files/") :]) if route.startswith("/files/") else None
        if method == "GET" and match:
            return self._file(match.group(1), match.group(2))
        raise _not_found(request)

    def _set_credits(self, body: Any) -> Response:
        credits = body.get("credits") if isinstance(body, dict) else None
        if isinstance(credits, bool) or not isinstance(credits, int) or credits < 0:
            raise bad_request("credits", "invalid_type", "credits: must be a whole number >= 0.")
        unknown = sorted(set(body) - {"credits", "workspace"})
        if unknown:
            raise bad_request(unknown[0], "unknown_field", f"{unknown[0]}: unknown field.")
        workspace = body.get("workspace", self.world.default_key.workspace)
        if not isinstance(workspace, str):
            raise bad_request("workspace", "invalid_type", "workspace: must be a string.")
        self.world.set_credits(credits, workspace)
        return json_response(200, {"workspace": workspace, "credits": credits})

    def _file(self, generation_id: str, extension: str) -> Response:
        generation = self.world.generation(generation_id)
        ready = generation is not None and generation.extension == extension
        if generation is None or not ready:
            raise Rejection("not_found", f"No asset {generation_id}.{extension}.")
        status, _ = records.lifecycle(generation, self.world.now())
        if status != records.STATUS_COMPLETED:
            raise Rejection(
                "not_found",
                f"The asset {generation_id}.{extension} is not ready: the output is {status}.",
                {"status": status},
            )
        return Response(
            status=200,
            body=assets.render(extension, generation_id),
            content_type=assets.CONTENT_TYPES[extension],
            headers=(("Cache-Control", "public, max-age=86400"),),
        )


def _require(caller: KeySpec, scope: str) -> None:
    if scope not in caller.scopes:
        raise Rejection(
            "forbidden",
            f"This API key lacks the {scope} scope.",
            {"required_scope": scope, "granted_scopes": sorted(caller.scopes)},
        )


def _not_found(request: Request) -> Rejection:
    return Rejection(
        "not_found",
        f"No such endpoint: {request.method} {request.path}.",
        {"method": request.method, "path": request.path},
    )


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_request("body", "invalid_json", f"The body is not valid JSON: {exc}.") from exc


def _idempotency_key(request: Request, body: dict[str, Any]) -> str | None:
    """The header, else the body's `idempotency_key`; None when neither is sent."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    source = "Idempotency-Key"
    if key is None:
        key = body.get("idempotency_key")
        source = "idempotency_key"
    if key is None:
        return None
    if len(key) > IDEMPOTENCY_KEY_MAX_LENGTH or not _KEY_TEXT.match(key):
        raise bad_request(
            "idempotency_key",
            "invalid_key",
            f"{source}: must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters.",
        )
    return str(key)
