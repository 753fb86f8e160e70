"""The OpenAPI 3.1 description of exactly what the sandbox serves."""

from __future__ import annotations

from typing import Any

from reconciler import __version__
from reconciler.sandbox.contract import (
    ERROR_STATUS,
    GENERATION_TYPES,
    IDEMPOTENCY_KEY_MAX_LENGTH,
    REQUEST_COUNT_MAX,
    REQUEST_COUNT_MIN,
    SCOPE_READ,
    SCOPE_WRITE,
)

_REF = "#/components/schemas/"
_STRING = {"type": "string"}
_URL = {"type": "string", "format": "uri"}
_OBJECT_LIST = {"type": "array", "items": {"type": "object"}}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": _REF + name}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: str) -> dict[str, Any]:
    """Response references for the statuses these error codes are answered with."""
    return {
        str(ERROR_STATUS[c]): {"$ref": f"#/components/responses/error_{ERROR_STATUS[c]}"}
        for c in codes
    }


def _schemas() -> dict[str, Any]:
    generation_summary = {
        "type": "object",
        "required": ["object", "id", "type", "status"],
        "properties": {
            "object": {"const": "generation"},
            "id": {"type": "string", "format": "uuid"},
            "type": {"enum": list(GENERATION_TYPES)},
            "status": {"const": "queued"},
        },
    }
    return {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message", "retryable", "context"],
                    "properties": {
                        "code": {"enum": sorted(ERROR_STATUS)},
                        "message": _STRING,
                        "retryable": {
                            "type": "boolean",
                            "description": "True exactly for rate_limited and server_error.",
                        },
                        "context": {"type": "object"},
                    },
                }
            },
        },
        "GenerationRequest": {
            "type": "object",
            "description": "Fields per type as documented; the catalog decides allowed values.",
            "required": ["type", "prompt"],
            "additionalProperties": False,
            "properties": {
                "type": {"enum": list(GENERATION_TYPES)},
                "prompt": {"type": "string", "minLength": 1},
                "template_slug": _STRING,
                "model_slug": _STRING,
                "variant_id": _STRING,
                "aspect_ratio": _STRING,
                "resolution": _STRING,
                "duration": {"type": "number"},
                "quality_tier": _STRING,
                "reference_image_urls": {"type": "array", "items": _URL, "minItems": 1},
                "brand_kit_id": {"type": "number"},
                "avatar_id": _STRING,
                "preset_id": _STRING,
                "custom_reference_inspiration_id": {"type": "string", "format": "uuid"},
                "source_video_url": _URL,
                "motion_video_url": _URL,
                "audio_url": _URL,
                "generate_audio": {"type": "boolean"},
                "request_count": {
                    "type": "integer",
                    "minimum": REQUEST_COUNT_MIN,
                    "maximum": REQUEST_COUNT_MAX,
                    "default": 1,
                },
                "idempotency_key": {"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX_LENGTH},
            },
        },
        "GenerationBatch": {
            "type": "object",
            "required": [
                "object",
                "status",
                "generations",
                "credits_deducted",
                "remaining_credits",
            ],
            "properties": {
                "object": {"const": "generation_batch"},
                "status": {"const": "queued"},
                "generations": {"type": "array", "items": generation_summary},
                "credits_deducted": {"type": "integer"},
                "remaining_credits": {"type": "integer"},
            },
        },
        "Generation": {
            "type": "object",
            "required": ["object", "id", "type", "status", "url", "error"],
            "properties": {
                "object": {"const": "generation"},
                "id": {"type": "string", "format": "uuid"},
                "type": {"enum": list(GENERATION_TYPES)},
                "status": {"enum": ["queued", "processing", "completed", "failed"]},
                "url": {"type": ["string", "null"], "format": "uri"},
                "error": {
                    "oneOf": [
                        {"type": "null"},
                        {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {"code": _STRING, "message": _STRING},
                        },
                    ]
                },
                "created_at": {"type": "string", "format": "date-time"},
                "updated_at": {"type": "string", "format": "date-time"},
            },
        },
        "Catalog": {
            "type": "object",
            "required": ["object", "static_ads", "video_ads", "ugc_ads", "ai_models"],
            "properties": {
                "object": {"const": "catalog"},
                "static_ads": _OBJECT_LIST,
                "video_ads": _OBJECT_LIST,
                "ugc_ads": _OBJECT_LIST,
                "ai_models": _OBJECT_LIST,
                "presets": _OBJECT_LIST,
                "quality_tiers": _OBJECT_LIST,
            },
        },
        "Assets": {
            "type": "object",
            "required": ["object", "brand_kits", "avatars", "reference_inspirations"],
            "properties": {
                "object": {"const": "assets"},
                "brand_kits": _OBJECT_LIST,
                "avatars": _OBJECT_LIST,
                "reference_inspirations": _OBJECT_LIST,
            },
        },
        "SandboxStats": {"type": "object", "properties": {"object": {"const": "sandbox_stats"}}},
        "Faults": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "latency_ms": {"type": "number", "minimum": 0},
                "fail_rate": {"type": "number", "minimum": 0, "maximum": 1},
                "rate_limit": {"type": ["number", "null"], "exclusiveMinimum": 0},
                "drop_after_commit": {"type": "number", "minimum": 0, "maximum": 1},
                "failure_rate": {"type": "number", "minimum": 0, "maximum": 1},
                "complete_after": {"type": "number", "minimum": 0},
            },
        },
    }


def _responses() -> dict[str, Any]:
    by_status: dict[int, list[str]] = {}
    for code, status in sorted(ERROR_STATUS.items()):
        by_status.setdefault(status, []).append(code)
    answers = {}
    for status, codes in sorted(by_status.items()):
        listed = " or ".join(f"`{c}`" for c in codes)
        answer = _json(_ref("Error"), f"Error {listed} in the envelope.")
        if status == ERROR_STATUS["rate_limited"]:
            answer["headers"] = {
                "Retry-After": {
                    "description": "Seconds to wait before retrying.",
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
        answers[f"error_{status}"] = answer
    return answers


def _api_paths() -> dict[str, Any]:
    read = [{"bearerAuth": [SCOPE_READ]}]
    common = ("unauthorized", "forbidden", "rate_limited", "server_error")
    return {
        "/generations": {
            "post": {
                "operationId": "createGenerations",
                "summary": f"Queue request_count outputs (needs {SCOPE_WRITE}).",
                "security": [{"bearerAuth": [SCOPE_WRITE]}],
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "description": "Replays the original answer for a matching retry.",
                        "schema": {"type": "string", "maxLength": IDEMPOTENCY_KEY_MAX_LENGTH},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("GenerationRequest")}},
                },
                "responses": {
                    "200": _json(_ref("GenerationBatch"), "Queued; credits deducted."),
                    **_errors("bad_request", "insufficient_credits", "idempotency_conflict"),
                    **_errors(*common),
                },
            }
        },
        "/generations/{id}": {
            "get": {
                "operationId": "getGeneration",
                "summary": f"Status and asset URL ({SCOPE_READ}, or the creator's write key).",
                "security": [{"bearerAuth": [SCOPE_READ]}, {"bearerAuth": [SCOPE_WRITE]}],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": _STRING}],
                "responses": {
                    "200": _json(_ref("Generation"), "The generation."),
                    **_errors("not_found", *common),
                },
            }
        },
        "/models": {
            "get": {
                "operationId": "listModels",
                "summary": "Templates, AI models and variants, presets, quality tiers, prices.",
                "security": read,
                "responses": {
                    "200": _json(_ref("Catalog"), "The catalog."),
                    **_errors(*common),
                },
            }
        },
        "/assets": {
            "get": {
                "operationId": "listAssets",
                "summary": "Brand kits, avatars and reference inspirations.",
                "security": read,
                "responses": {
                    "200": _json(_ref("Assets"), "The workspace's assets."),
                    **_errors(*common),
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This document.",
                "security": [],
                "responses": {
                    "200": _json({"type": "object"}, "The OpenAPI document."),
                    **_errors("rate_limited", "server_error"),
                },
            }
        },
        "/skill.md": {
            "get": {
                "operationId": "getSkill",
                "summary": "The API in markdown, for a person or an agent.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "Markdown.",
                        "content": {"text/markdown": {"schema": {"type": "string"}}},
                    },
                    **_errors("rate_limited", "server_error"),
                },
            }
        },
    }


def _sandbox_paths(root_url: str) -> dict[str, Any]:
    servers = [{"url": root_url, "description": "The sandbox itself (not /api/v1)."}]
    control = {"tags": ["sandbox"], "security": []}
    bad = _errors("bad_request")
    return {
        "/_sandbox/stats": {
            "servers": servers,
            "get": {
                **control,
                "operationId": "sandboxStats",
                "summary": "Accepted batches and outputs (total, per key), credits, requests.",
                "responses": {"200": _json(_ref("SandboxStats"), "Counters.")},
            },
        },
        "/_sandbox/credits": {
            "servers": servers,
            "post": {
                **control,
                "operationId": "sandboxSetCredits",
                "summary": "Set a workspace's credit balance.",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["credits"],
                                "properties": {
                                    "credits": {"type": "integer", "minimum": 0},
                                    "workspace": _STRING,
                                },
                            }
                        }
                    },
                },
                "responses": {"200": _json({"type": "object"}, "The new balance."), **bad},
            },
        },
        "/_sandbox/faults": {
            "servers": servers,
            "get": {
                **control,
                "operationId": "sandboxFaults",
                "summary": "The current fault settings.",
                "responses": {"200": _json(_ref("Faults"), "Settings.")},
            },
            "post": {
                **control,
                "operationId": "sandboxSetFaults",
                "summary": "Change some fault settings; the others stay.",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref("Faults")}},
                },
                "responses": {"200": _json(_ref("Faults"), "The new settings."), **bad},
            },
        },
        "/_sandbox/files/{name}": {
            "servers": servers,
            "get": {
                **control,
                "operationId": "sandboxFile",
                "summary": "A completed output's placeholder asset (`<id>.png` or `<id>.mp4`).",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "schema": _STRING}
                ],
                "responses": {
                    "200": {
                        "description": "The asset.",
                        "content": {
                            "image/png": {"schema": {"type": "string", "format": "binary"}},
                            "video/mp4": {"schema": {"type": "string", "format": "binary"}},
                        },
                    },
                    **_errors("not_found"),
                },
            },
        },
    }


def openapi_document(base_url: str, root_url: str) -> dict[str, Any]:
    """The document served at GET /openapi.json by a sandbox at `base_url`."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Videotok API (local sandbox)",
            "version": __version__,
            "description": "A local Videotok-compatible server for demos and tests. "
            "Scopes: generations:write to create, generations:read to read.",
        },
        "servers": [{"url": base_url}],
        "security": [{"bearerAuth": [SCOPE_READ]}],
        "tags": [{"name": "sandbox", "description": "Inspection and control; no key needed."}],
        "paths": {**_api_paths(), **_sandbox_paths(root_url)},
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A workspace API key, `vt_test_...` in the sandbox.",
                }
            },
            "schemas": _schemas(),
            "responses": _responses(),
        },
    }
