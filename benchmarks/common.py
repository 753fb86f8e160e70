"""What every benchmark shares: timed subprocesses with peak memory, medians, result rows."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / ".work"
DATA = WORK / "data"
BIN = Path(sys.executable).parent
GNU_TIME = Path("/usr/bin/time")
MIB = 1024 * 1024

#: The floor of `validate`: the same interpreter, only parsing the same files with the C loader.
FLOOR_YAML = """\
import sys
from pathlib import Path
import yaml
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with path.open("rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""
#: The floor of `plan`: the manifests as above, and the state with json.
FLOOR_PLAN = (
    FLOOR_YAML
    + """\
import json
with open(sys.argv[2], "rb") as f:
    json.load(f)
"""
)

Log = Callable[[str], None]


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall time, peak resident memory, exit code and output."""

    seconds: float
    peak_bytes: int | None
    code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Timing:
    """Several runs of one command: median time, highest peak memory, every time."""

    median: float
    peak_bytes: int | None
    times: tuple[float, ...]


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    benchmark: str
    goal: str
    measured: str
    ratio: str
    met: bool | None


def creatives_command() -> list[str]:
    """The installed `creatives` entry point of this interpreter (what users run)."""
    script = BIN / "creatives"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reconciler"]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without API settings or colour, plus `extra`.

    PYTHONDONTWRITEBYTECODE goes too: an installed package runs from the bytecode pip
    compiled at install time, so neither side of a ratio should compile its sources anew.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("VIDEOTOK_", "GITHUB_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(NO_COLOR="1", **extra)
    return env


def compile_package() -> None:
    """Byte-compile the package as `pip install` does (an editable install never is)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "reconciler")],
        check=True,
        env=clean_env(),
    )


def run(
    argv: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 900,
    expect: tuple[int, ...] | None = (0,),
) -> Run:
    """Run `argv` and measure it; raise if its exit code is not in `expect` (None: any)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss", delete=False) as rss:
        rss_path = Path(rss.name)
    try:
        if GNU_TIME.exists():
            full = [str(GNU_TIME), "-f", "%M", "-o", str(rss_path), *argv]
        else:
            # Without GNU time, a small parent reports its child's peak RSS.
            probe = (
                "import resource, subprocess, sys; "
                "code = subprocess.run(sys.argv[2:]).returncode; "
                "open(sys.argv[1], 'w').write(str(resource.getrusage("
                "resource.RUSAGE_CHILDREN).ru_maxrss)); sys.exit(code)"
            )
            full = [sys.executable, "-c", probe, str(rss_path), *argv]
        start = time.perf_counter()
        done = subprocess.run(
            full,
            cwd=cwd,
            env=env if env is not None else clean_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.perf_counter() - start
        lines = [ln for ln in rss_path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        peak = int(lines[-1]) * 1024 if lines and lines[-1].strip().isdigit() else None
    finally:
        rss_path.unlink(missing_ok=True)
    if expect is not None and done.returncode not in expect:
        raise RuntimeError(
            f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout[-2000:]}\n"
            f"{done.stderr[-2000:]}"
        )
    return Run(seconds, peak, done.returncode, done.stdout, done.stderr)


def repeat(times: int, once: Callable[[], Run]) -> Timing:
    """Run `once` `times` times: the median time, the highest peak."""
    return _timing([once() for _ in range(times)])


def alternate(
    times: int, one: Callable[[], Run], other: Callable[[], Run]
) -> tuple[Timing, Timing]:
    """Run `one` and `other` in turn, `times` each: a machine whose speed drifts during the
    run (shared cores, frequency scaling) then weighs on both sides of a ratio alike."""
    pairs = [(one(), other()) for _ in range(times)]
    return _timing([a for a, _ in pairs]), _timing([b for _, b in pairs])


def _timing(runs: list[Run]) -> Timing:
    peaks = [r.peak_bytes for r in runs if r.peak_bytes is not None]
    return Timing(
        statistics.median(r.seconds for r in runs),
        max(peaks) if peaks else None,
        tuple(r.seconds for r in runs),
    )


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def mib(value: int | None) -> str:
    return "?" if value is None else f"{value / MIB:.0f} MiB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x"


def fresh_dir(name: str) -> Path:
    """An empty directory `benchmarks/.work/runs/NAME`."""
    path = WORK / "runs" / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def machine() -> str:
    """CPU model, cores, Python version and platform, one line."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 1024**3:.1f} GiB RAM"
    except (ValueError, OSError):
        pass
    load = ", load average {:.2f} {:.2f} {:.2f} at start".format(*os.getloadavg())
    return (
        f"{model}, {os.cpu_count()} cores{memory}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}{load}"
    )
