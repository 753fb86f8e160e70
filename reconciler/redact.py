"""Secrets that must never be printed: registered once, scrubbed from every text we emit."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # logging itself is imported only when --debug asks for it
    from logging import LogRecord

_lock = threading.Lock()
_secrets: set[str] = set()
MASK = "***"


def register(secret: str | None) -> None:
    """Remember a secret (an API key, a token) so `redact` hides it wherever it appears."""
    if secret and len(secret) >= 4:
        with _lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_record(record: LogRecord) -> bool:
    """Logging filter for debug output: formats the record, then scrubs it."""
    record.msg = redact(record.getMessage())
    record.args = None
    return True
