"""GET /openapi.json: a valid OpenAPI 3.1 document that describes what the sandbox answers.

tests/data/openapi-3.1-schema.json is the OpenAPI Initiative's published JSON Schema for
OpenAPI 3.1 documents (id https://spec.openapis.org/oas/3.1/schema/2022-10-07), bundled so
the check runs offline.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from reconciler.sandbox.openapi import openapi_document
from tests.conftest import SandboxProcess

OAS_31 = json.loads((Path(__file__).parent / "data" / "openapi-3.1-schema.json").read_text())
Start = Callable[..., SandboxProcess]


def schema_objects(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every Schema Object in the document: under `schema` keys and components.schemas."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}/{key}"
            is_schema = key == "schema" and isinstance(value, dict)
            if is_schema or path == "/components/schemas":
                yield here, value
            else:
                yield from schema_objects(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schema_objects(value, f"{path}/{index}")


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def validator_for(document: dict[str, Any], name: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    )


def test_the_meta_schema_check_catches_a_broken_document() -> None:
    broken = openapi_document("http://h/api/v1", "http://h")
    del broken["info"]
    broken["paths"]["/models"]["get"]["responses"] = {"200": {"content": {}}}
    errors = list(Draft202012Validator(OAS_31).iter_errors(broken))
    assert errors


def test_served_document_is_valid_openapi_31(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = server.client.get(f"{server.url}/openapi.json")  # no key needed
    assert response.status_code == 200
    document = response.json()

    Draft202012Validator(OAS_31).validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": server.url}]
    for where, schema in schema_objects(document):
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as exc:  # name the schema that is wrong
            pytest.fail(f"{where}: {exc}")
    for ref in refs(document):
        assert resolve(document, ref) is not None
    assert document["components"]["securitySchemes"] == {
        "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "description": "A workspace API key, `vt_test_...` in the sandbox.",
        }
    }


def test_document_lists_exactly_the_served_endpoints() -> None:
    document = openapi_document("http://h/api/v1", "http://h")
    operations = sorted(
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    )
    assert operations == [
        ("GET", "/_sandbox/faults"),
        ("GET", "/_sandbox/files/{name}"),
        ("GET", "/_sandbox/stats"),
        ("GET", "/assets"),
        ("GET", "/generations/{id}"),
        ("GET", "/models"),
        ("GET", "/openapi.json"),
        ("GET", "/skill.md"),
        ("POST", "/_sandbox/credits"),
        ("POST", "/_sandbox/faults"),
        ("POST", "/generations"),
    ]


def test_real_answers_match_the_documented_schemas(sandbox_server: Start) -> None:
    server = sandbox_server("--complete-after", "0")
    document = server.client.get(f"{server.url}/openapi.json").json()
    request = {
        "type": "video_ad",
        "template_slug": "motion-graphics",
        "prompt": "Launch.",
        "duration": 8,
        "quality_tier": "high",
        "request_count": 2,
    }
    validator_for(document, "GenerationRequest").validate(request)
    batch = server.client.post(
        f"{server.url}/generations", json=request, headers=server.headers()
    ).json()
    validator_for(document, "GenerationBatch").validate(batch)
    generation = batch["generations"][0]["id"]
    view = server.client.get(f"{server.url}/generations/{generation}", headers=server.headers())
    validator_for(document, "Generation").validate(view.json())
    models = server.client.get(f"{server.url}/models", headers=server.headers())
    validator_for(document, "Catalog").validate(models.json())
    assets = server.client.get(f"{server.url}/assets", headers=server.headers())
    validator_for(document, "Assets").validate(assets.json())
    faults = server.client.get(f"{server.root}/_sandbox/faults")
    validator_for(document, "Faults").validate(faults.json())
    for error in (
        server.client.get(f"{server.url}/models"),
        server.client.get(f"{server.url}/generations/nope", headers=server.headers()),
        server.client.post(f"{server.url}/generations", json={}, headers=server.headers()),
    ):
        validator_for(document, "Error").validate(error.json())
        documented = document["components"]["responses"][f"error_{error.status_code}"]
        assert error.json()["error"]["code"] in documented["description"]


def test_skill_md_describes_every_endpoint_in_markdown(sandbox_server: Start) -> None:
    server = sandbox_server()
    response = server.client.get(f"{server.url}/skill.md")  # no key needed
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    text = response.text
    assert text.startswith("# Videotok API (local sandbox)\n")
    assert f"- `POST {server.url}/generations`: Queue request_count outputs" in text
    assert f"- `GET {server.url}/generations/{{id}}`: Status and asset URL" in text
    assert "Idempotency-Key" in text
    document = server.client.get(f"{server.url}/openapi.json").json()
    served = sum(len(item) for item in document["paths"].values())
    assert text.count("\n- `") == served
