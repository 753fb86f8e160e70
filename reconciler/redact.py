"""Secrets that must never be printed: registered once, scrubbed from every text we emit."""

from __future__ import annotations

import logging
import threading

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


class RedactingFilter(logging.Filter):
    """Logging filter for debug output: formats the record, then scrubs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True
