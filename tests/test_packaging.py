"""The wheel carries the schemas: installed in a fresh venv, it loads them from itself."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(300)
def test_the_wheel_ships_the_schemas_and_loads_them(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("videotok_reconciler-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for schema in ("manifest", "state", "plan"):
        assert f"reconciler/schemas/{schema}.schema.json" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "from reconciler.schemas import load_schema, schema_dir;"
        "print(schema_dir());"
        "print(load_schema('manifest.schema.json')['$schema'])"
    )
    done = subprocess.run(
        [python, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    where, dialect = done.stdout.splitlines()
    assert where.startswith(str(venv))
    assert where.endswith("site-packages/reconciler/schemas")
    assert dialect == "https://json-schema.org/draft/2020-12/schema"
