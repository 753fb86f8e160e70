"""The local Videotok-compatible server: `start_sandbox(SandboxConfig()) -> RunningSandbox`."""

from __future__ import annotations

from reconciler.sandbox.contract import FIXED_KEYS, KeySpec
from reconciler.sandbox.faults import Faults
from reconciler.sandbox.server import RunningSandbox, SandboxConfig, SandboxError, start_sandbox
from reconciler.sandbox.store import SandboxDataError

__all__ = [
    "FIXED_KEYS",
    "Faults",
    "KeySpec",
    "RunningSandbox",
    "SandboxConfig",
    "SandboxDataError",
    "SandboxError",
    "start_sandbox",
]
