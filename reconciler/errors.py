"""One error hierarchy for the whole tool; the CLI maps it to messages and exit codes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CHANGES = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, located precisely enough for an editor or a CI annotation."""

    file: str
    line: int
    col: int
    path: str
    message: str
    hint: str | None = field(default=None, compare=False)
    severity: str = field(default="error", compare=False)

    def format(self) -> str:
        """`file:line:col: path: message` plus the hint, the way compilers and yamllint speak."""
        where = f"{self.file}:{self.line}:{self.col}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


class ReconcilerError(Exception):
    """Base of every error the tool reports to a user: one clear paragraph, no traceback."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def render(self) -> str:
        """The paragraph printed on stderr."""
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class UsageError(ReconcilerError):
    """The command line itself is wrong (exit 2, as click does)."""

    exit_code = EXIT_USAGE


class ManifestError(ReconcilerError):
    """Manifests that cannot be used: carries every diagnostic of the run, sorted."""

    def __init__(self, diagnostics: Iterable[Diagnostic], *, message: str | None = None) -> None:
        self.diagnostics = tuple(sorted(diagnostics))
        count = len(self.diagnostics)
        summary = message or f"{count} problem{'s' if count != 1 else ''} found in the manifests."
        super().__init__(summary)

    def render(self) -> str:
        lines = [d.format() for d in self.diagnostics]
        lines.append(self.message)
        return "\n".join(lines)


class CatalogError(ReconcilerError):
    """The catalog file is missing, unreadable or not understood."""


class StateError(ReconcilerError):
    """The state file cannot be read or written safely; it is left untouched."""


class LockError(StateError):
    """The state is locked by someone else, or the lock could not be taken."""

    def __init__(
        self, message: str, *, holder: Mapping[str, Any] | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.holder = dict(holder or {})


class PlanError(ReconcilerError):
    """A plan cannot be made or a saved plan cannot be used (stale, corrupt)."""


class ApiError(ReconcilerError):
    """An answer from the Videotok API (or the failure to get one), in the documented envelope.

    `status` is the HTTP status, or None when no answer arrived (timeout, connection error).
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int | None = None,
        retryable: bool = False,
        context: Mapping[str, Any] | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.status = status
        self.retryable = retryable
        self.context = dict(context or {})

    def render(self) -> str:
        status = f"HTTP {self.status}" if self.status is not None else "no response"
        text = f"Videotok API error {self.code} ({status}): {self.message}"
        if self.context:
            details = ", ".join(f"{k}={v}" for k, v in sorted(self.context.items()))
            text += f" [{details}]"
        if self.hint:
            text += f"\n{self.hint}"
        return text


class ApplyError(ReconcilerError):
    """Apply finished, but not everything it set out to do succeeded."""


class GitHubError(ReconcilerError):
    """The GitHub side of the action failed (event, token, API)."""

    def __init__(self, message: str, *, reason: str = "error", hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.reason = reason


class Interrupted(ReconcilerError):
    """The user pressed Ctrl-C; what was done is safely recorded."""

    exit_code = EXIT_INTERRUPTED
