"""The peer of apply and status: a plain sequential httpx loop, what teams write today.

`python -m benchmarks.client_loop post URL PAYLOADS.json` sends each payload with a fresh
Idempotency-Key, one after another; `get URL IDS.json` polls each generation once. The key comes
from VIDEOTOK_API_KEY. A 429 waits its Retry-After and a 5xx is retried, as such scripts do.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

RETRIES = 5


def _send(client: httpx.Client, method: str, url: str, **kwargs: Any) -> tuple[int, int]:
    """One request, retried on 429 and 5xx; returns (status, retries)."""
    for attempt in range(RETRIES + 1):
        response = client.request(method, url, **kwargs)
        if response.status_code == 429 and attempt < RETRIES:
            time.sleep(float(response.headers.get("Retry-After", "1")))
        elif response.status_code >= 500 and attempt < RETRIES:
            time.sleep(0.5)
        else:
            return response.status_code, attempt
    raise AssertionError("unreachable")


def main(argv: list[str]) -> int:
    mode, base, items_path = argv
    items = json.loads(Path(items_path).read_text(encoding="utf-8"))
    headers = {"Authorization": f"Bearer {os.environ['VIDEOTOK_API_KEY']}"}
    failures = retries = 0
    with httpx.Client(headers=headers, timeout=30) as client:
        for item in items:
            if mode == "post":
                key = {"Idempotency-Key": str(uuid.uuid4())}
                status, again = _send(
                    client, "POST", f"{base}/generations", json=item, headers=key
                )
            else:
                status, again = _send(client, "GET", f"{base}/generations/{item}")
            retries += again
            failures += not 200 <= status < 300
    print(json.dumps({"requests": len(items), "failures": failures, "retries": retries}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
