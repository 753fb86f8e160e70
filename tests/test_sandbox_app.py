"""Request handling without sockets: `App.handle(Request) -> Response`."""

from __future__ import annotations

import json
from typing import Any

from reconciler.sandbox.app import App, Request, Response
from reconciler.sandbox.faults import FaultInjector, Faults
from reconciler.sandbox.world import World

STATIC = {"type": "static_ad", "template_slug": "product-shoot", "prompt": "A drink."}


def make_app(**faults: Any) -> App:
    world = World.open(None, clock=lambda: 1_767_225_600.0)
    injector = FaultInjector(Faults(**faults), seed=0, sleep=lambda _: None)
    return App(world, injector, base_url="http://sb/api/v1", root_url="http://sb")


def call(app: App, method: str, path: str, body: Any = None, **headers: str) -> Response:
    raw = b"" if body is None else json.dumps(body).encode()
    if "authorization" not in headers:
        headers["authorization"] = f"Bearer {app.world.default_key.key}"
    return app.handle(Request(method, path, headers, raw))


def payload(response: Response) -> Any:
    return json.loads(response.body)


def test_header_key_wins_over_the_body_key() -> None:
    app = make_app()
    body = {**STATIC, "idempotency_key": "from-body"}
    first = call(app, "POST", "/api/v1/generations", body, **{"idempotency-key": "from-header"})
    assert first.status == 200
    by_key = app.stats()["by_idempotency_key"]
    assert list(by_key) == ["from-header"]
    assert (by_key["from-header"]["batches"], by_key["from-header"]["outputs"]) == (1, 1)
    # The body key is not part of the compared payload: changing it still replays.
    again = {**STATIC, "idempotency_key": "other"}
    replay = call(app, "POST", "/api/v1/generations", again, **{"idempotency-key": "from-header"})
    assert replay.body == first.body


def test_a_non_bearer_authorization_is_unauthorized() -> None:
    app = make_app()
    response = call(app, "GET", "/api/v1/models", authorization="Basic dXNlcjpwYXNz")
    assert response.status == 401
    assert payload(response)["error"]["code"] == "unauthorized"
    assert response.headers == (("WWW-Authenticate", "Bearer"),)


def test_a_body_that_is_not_json_is_a_bad_request() -> None:
    app = make_app()
    response = app.handle(
        Request(
            "POST",
            "/api/v1/generations",
            {"authorization": f"Bearer {app.world.default_key.key}"},
            b"{not json",
        )
    )
    assert response.status == 400
    assert payload(response)["error"]["context"] == {"field": "body", "reason": "invalid_json"}


def test_drop_after_commit_drops_only_new_batches() -> None:
    app = make_app(drop_after_commit=1)
    headers = {"idempotency-key": "k"}
    assert call(app, "POST", "/api/v1/generations", STATIC, **headers).drop
    replay = call(app, "POST", "/api/v1/generations", STATIC, **headers)
    assert (replay.drop, replay.status) == (False, 200)
    assert app.stats()["requests_by_status"] == {"200": 1, "dropped": 1}


def test_paths_outside_the_api_are_not_found_and_not_counted() -> None:
    app = make_app()
    response = call(app, "GET", "/v2/models")
    assert response.status == 404
    assert payload(response)["error"]["message"] == "No such endpoint: GET /v2/models."
    assert app.stats()["requests_by_status"] == {}
