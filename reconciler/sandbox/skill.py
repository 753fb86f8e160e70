"""GET /skill.md: the API described in markdown for a person or an agent, from the OpenAPI
document, so the two never disagree."""

from __future__ import annotations

from typing import Any

from reconciler.sandbox.openapi import openapi_document


def skill_document(base_url: str, root_url: str) -> str:
    spec = openapi_document(base_url, root_url)
    lines = [
        f"# {spec['info']['title']}",
        "",
        spec["info"]["description"],
        "",
        f"Base URL: `{base_url}`. JSON in and out. Authenticate with "
        "`Authorization: Bearer <key>`.",
        "",
        "Send an `Idempotency-Key` header with every `POST /generations`: the same key with "
        "the same payload replays the first answer instead of queueing again; with another "
        "payload it answers 409 `idempotency_conflict`.",
        "",
        "## Endpoints",
        "",
    ]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = root_url if path.startswith("/_sandbox") else base_url
            lines.append(f"- `{method.upper()} {where}{path}`: {_summary(operation)}")
    lines += [
        "",
        'Errors answer `{"error": {"code", "message", "retryable", "context"}}`; '
        "retry `rate_limited` (after `Retry-After`) and `server_error` with the same key.",
        "",
        f"The full schema: `GET {base_url}/openapi.json`.",
        "",
    ]
    return "\n".join(lines)


def _summary(operation: Any) -> str:
    summary = operation.get("summary", "") if isinstance(operation, dict) else ""
    return str(summary) or "(no summary)"
