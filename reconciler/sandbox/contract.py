"""The sandbox's reading of the Videotok API: every documented rule and every assumption.

This module is the one place to correct when Videotok publishes what it leaves open today.
Lines marked A are assumptions the sandbox makes (the A lines of videotok-api.md); lines
marked S are the sandbox's own conventions; `D:` comments below restate the published docs.

A  Sandbox keys are `vt_test_` + 32 hex digits; each belongs to one workspace.
A  POST /generations answers 200 with a `generation_batch` (one generation per request_count).
A  GET /generations/{id} answers a `generation` with url, error, created_at and updated_at;
   timestamps are ISO 8601 UTC with a `Z`.
A  Error statuses not published: unauthorized 401, invalid_api_key 401, forbidden 403,
   payment_required 402, bad_request 400, not_found 404 (also for another workspace's id).
A  Only a successful (2xx) answer is remembered under an idempotency key: a request refused
   with 400, 402 or 5xx queued nothing, so the same key may be sent again once fixed.
A  The payload compared for idempotency is the canonical JSON of the body without
   `idempotency_key` (sorted keys, no whitespace, integral numbers written as integers).
A  A mismatch wins over "still processing": a different payload is always `payload_mismatch`.
A  Idempotency keys: 1 to 255 printable ASCII characters, remembered for the sandbox's life.
A  Unknown body fields are refused with 400 (so a misspelt field never silently does nothing).
A  Required fields: `type` and `prompt` always; `template_slug` for template types, plus
   `quality_tier` and `duration` for video and UGC ads (their price depends on them);
   `model_slug`, `variant_id` and the variant's `required_inputs` for AI models.
A  An AI model variant accepts exactly the fields its `inputs` list (plus type, model_slug,
   variant_id, request_count, idempotency_key).
A  Price of one output: a template's or variant's `estimated_credits`; or `credits_per_second`
   (of the quality tier, or of the variant) times `duration`. A batch costs that times
   `request_count`, deducted in full before anything is queued.
A  A key with only `generations:write` may GET the generations that key created; another key's
   generation in the same workspace answers 403 (it exists, but reading it needs the scope).
A  A generation that ends `failed` is not refunded.
A  Failed outputs carry `error: {"code": "generation_failed", "message": ...}`.
A  GET /openapi.json and GET /skill.md need no key.
A  The field names of GET /models and GET /assets are the sandbox's own (see catalog.py).
A  The sandbox never answers `payment_required`: its workspaces are on a paid plan.
S  Outputs are queued, processing from a third of `complete_after`, and terminal after it.
S  Completed outputs are served at `/_sandbox/files/<id>.png` (images) or `.mp4` (videos).
S  `/_sandbox/...` endpoints are for tests and demos; they need no key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

API_PREFIX = "/api/v1"
CONTROL_PREFIX = "/_sandbox"

SCOPE_READ = "generations:read"
SCOPE_WRITE = "generations:write"

TEST_KEY_PREFIX = "vt_test_"
KEY_HEX_LENGTH = 32

DEFAULT_WORKSPACE = "ws_default"
OTHER_WORKSPACE = "ws_other"
DEFAULT_CREDITS = 100_000


@dataclass(frozen=True)
class KeySpec:
    """A sandbox API key: who holds it, which workspace it sees, what it may do."""

    label: str
    key: str
    workspace: str
    scopes: frozenset[str]


#: Fixed keys every sandbox knows besides its seeded default key (documented in the README).
READ_ONLY_KEY = KeySpec(
    "read-only",
    "vt_test_00000000000000000000000000000001",
    DEFAULT_WORKSPACE,
    frozenset({SCOPE_READ}),
)
WRITE_ONLY_KEY = KeySpec(
    "write-only",
    "vt_test_00000000000000000000000000000002",
    DEFAULT_WORKSPACE,
    frozenset({SCOPE_WRITE}),
)
OTHER_WORKSPACE_KEY = KeySpec(
    "other-workspace",
    "vt_test_00000000000000000000000000000003",
    OTHER_WORKSPACE,
    frozenset({SCOPE_READ, SCOPE_WRITE}),
)
FIXED_KEYS = (READ_ONLY_KEY, WRITE_ONLY_KEY, OTHER_WORKSPACE_KEY)
DEFAULT_KEY_LABEL = "default"

POST_STATUS = 200

#: Error code -> HTTP status.
ERROR_STATUS = {
    "unauthorized": 401,
    "invalid_api_key": 401,
    "forbidden": 403,
    "payment_required": 402,
    "insufficient_credits": 402,
    "bad_request": 400,
    "not_found": 404,
    "idempotency_conflict": 409,
    "rate_limited": 429,
    "server_error": 500,
}
#: D: `retryable` is true for 429 and 5xx, and only for them.
RETRYABLE_CODES = frozenset({"rate_limited", "server_error"})

GENERATION_TYPES = ("static_ad", "video_ad", "ugc_ad", "ai_model")
TEMPLATE_TYPES = {"static_ad": "static_ads", "video_ad": "video_ads", "ugc_ad": "ugc_ads"}

#: D: fields every type accepts.
SHARED_FIELDS = frozenset(
    {
        "type",
        "prompt",
        "aspect_ratio",
        "reference_image_urls",
        "brand_kit_id",
        "avatar_id",
        "preset_id",
        "custom_reference_inspiration_id",
        "request_count",
        "idempotency_key",
    }
)
MEDIA_URL_FIELDS = ("source_video_url", "motion_video_url", "audio_url")
#: D: fields per type, beyond the shared ones.
TYPE_FIELDS = {
    "static_ad": frozenset({"template_slug", "resolution"}),
    "video_ad": frozenset({"template_slug", "duration", "quality_tier", *MEDIA_URL_FIELDS}),
    "ugc_ad": frozenset({"template_slug", "duration", "quality_tier", *MEDIA_URL_FIELDS}),
    "ai_model": frozenset(
        {"model_slug", "variant_id", "generate_audio", "resolution", "duration", *MEDIA_URL_FIELDS}
    ),
}
#: A: fields an AI model payload carries whatever the variant's `inputs` say.
AI_MODEL_FRAME_FIELDS = frozenset(
    {"type", "model_slug", "variant_id", "request_count", "idempotency_key"}
)
REQUEST_COUNT_MIN = 1
REQUEST_COUNT_MAX = 10
IDEMPOTENCY_KEY_MAX_LENGTH = 255
IDEMPOTENCY_HEADER = "idempotency-key"
MAX_BODY_BYTES = 1_000_000

FAILED_ERROR = {
    "code": "generation_failed",
    "message": "The sandbox failed this generation on purpose (failure rate).",
}


class Rejection(Exception):
    """An error answer in the documented envelope, raised anywhere a request is refused."""

    def __init__(
        self,
        code: str,
        message: str,
        context: dict[str, Any] | None = None,
        *,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.context = context or {}
        self.headers = headers

    @property
    def status(self) -> int:
        return ERROR_STATUS[self.code]

    def envelope(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "retryable": self.code in RETRYABLE_CODES,
                "context": self.context,
            }
        }


def bad_request(field: str, reason: str, message: str, **context: Any) -> Rejection:
    """400 naming the first field that failed, and why, in `context`."""
    return Rejection("bad_request", message, {"field": field, "reason": reason, **context})
