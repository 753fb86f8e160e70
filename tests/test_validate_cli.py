"""`creatives validate` end to end: the bad-manifest corpus, output formats, hook, renderers."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from reconciler.cli import cli
from reconciler.cli.validate_cmd import no_catalog_note
from reconciler.errors import Diagnostic, ManifestError
from reconciler.render.diagnostics import (
    escape_data,
    escape_property,
    problems_line,
    render_github,
    render_json,
    render_text,
    valid_line,
)

NO_CATALOG_NOTE = no_catalog_note(Path(".creatives/catalog.json"))
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "manifests" / "bad"
EXAMPLES = sorted((ROOT / "examples" / "creatives").glob("*.yaml"))
SUMMARY = re.compile(r"^[0-9,]+ problems? found in the manifests\.$")


def corpus_cases() -> list[tuple[str, str]]:
    """(argument, expected first diagnostic) for every case of the corpus."""
    cases = []
    for entry in sorted(CORPUS.iterdir()):
        if entry.is_dir():
            cases.append((entry.name, (entry / "expect.txt").read_text().strip()))
        elif entry.suffix == ".yaml":
            sidecar = entry.with_name(entry.name + ".expect")
            if sidecar.exists():
                expect = sidecar.read_text().strip()
            else:
                first = entry.read_bytes().split(b"\n", 1)[0].decode("utf-8").lstrip("\ufeff")
                assert first.startswith("# expect: "), entry.name
                expect = first.removeprefix("# expect: ")
            cases.append((entry.name, f"{entry.name}:{expect}"))
    return cases


CASES = corpus_cases()


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    runner = CliRunner(env={"GITHUB_ACTIONS": None, **(env or {})})
    return runner.invoke(cli, ["validate", *args])


def assert_clean_failure(result: Result) -> list[str]:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    return lines


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 40
    assert any(Path(CORPUS, name).is_dir() for name, _ in CASES)


@pytest.mark.parametrize(("argument", "expected"), CASES, ids=[name for name, _ in CASES])
def test_each_bad_manifest_fails_with_its_expected_first_diagnostic(
    argument: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS)
    lines = assert_clean_failure(invoke(argument))
    assert lines[0] == NO_CATALOG_NOTE
    assert lines[1] == expected


@pytest.mark.parametrize(
    "argument",
    [
        "misspelt-field.yaml",
        "alias-bomb.yaml",
        "binary-garbage.yaml",
        "utf16.yaml",
        "python-tag.yaml",
        "duplicate-names",
    ],
)
def test_bad_manifests_fail_cleanly_in_a_real_process(argument: str) -> None:
    expected = dict(CASES)[argument]
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    done = subprocess.run(
        [sys.executable, "-m", "reconciler", "validate", argument],
        cwd=CORPUS,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[:2] == [NO_CATALOG_NOTE, expected]
    assert SUMMARY.match(done.stderr.splitlines()[-1])


def test_a_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = "# " + "padding " * 12 + "\n"
    (tmp_path / "huge.yaml").write_text(line * ((1 << 20) // len(line) + 1) + "creatives: {}\n")
    monkeypatch.chdir(tmp_path)
    lines = assert_clean_failure(invoke("huge.yaml"))
    assert lines[1:] == [
        "huge.yaml:1:1: file is larger than 1 MiB, the limit for a manifest "
        "(split it into several files)",
        "1 problem found in the manifests.",
    ]


def test_every_problem_of_a_run_is_reported_sorted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    lines = assert_clean_failure(invoke("."))
    diagnostics = lines[1:-1]
    assert len(diagnostics) >= len(CASES)
    assert lines[-1] == f"{len(diagnostics)} problems found in the manifests."
    located = [re.match(r"^(.+?):(\d+):(\d+): ", d) for d in diagnostics]
    keys = [(m.group(1), int(m.group(2)), int(m.group(3))) for m in located if m]
    assert len(keys) == len(diagnostics)
    assert keys == sorted(keys)


def copy_examples(root: Path) -> None:
    (root / "creatives").mkdir()
    for path in EXAMPLES:
        shutil.copy(path, root / "creatives" / path.name)


def test_valid_manifests_say_so_on_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 0
    assert result.stdout == "12 creatives in 2 files are valid.\n"
    assert result.stderr == NO_CATALOG_NOTE + "\n"
    (tmp_path / ".creatives").mkdir()
    (tmp_path / ".creatives" / "catalog.json").write_text("{}")
    broken = invoke("creatives/launch.yaml")
    assert broken.exit_code == 1
    assert ".creatives/catalog.json: not a catalog file (no `models` object)" in broken.stderr


def test_a_missing_directory_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reconciler", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "Error: No such file or directory: creatives\n"
        "Pass the directory of your manifests, e.g. `creatives validate examples/`.\n"
    )


def test_json_output_is_the_only_thing_on_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    ok = invoke("--format", "json", *map(str, EXAMPLES))
    assert ok.exit_code == 0
    assert json.loads(ok.stdout) == {"valid": True, "files": 2, "creatives": 12, "diagnostics": []}
    monkeypatch.chdir(CORPUS)
    bad = invoke("--format", "json", "request-count-11.yaml", "misspelt-field.yaml")
    assert bad.exit_code == 1
    assert json.loads(bad.stdout) == {
        "valid": False,
        "files": 2,
        "creatives": 0,
        "diagnostics": [
            {
                "file": "misspelt-field.yaml",
                "line": 5,
                "col": 5,
                "path": "creatives.hero.promt",
                "message": 'unknown field "promt"',
                "hint": 'did you mean "prompt"?',
                "severity": "error",
            },
            {
                "file": "request-count-11.yaml",
                "line": 7,
                "col": 20,
                "path": "creatives.hero.request_count",
                "message": "must be between 1 and 10, got 11",
                "hint": None,
                "severity": "error",
            },
        ],
    }
    assert bad.stderr == NO_CATALOG_NOTE + "\n"


def test_github_actions_get_at_most_ten_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "".join(f"  c{i}:\n    type: static_ad\n" for i in range(12))
    (tmp_path / "m.yaml").write_text("creatives:\n" + body)
    monkeypatch.chdir(tmp_path)
    result = invoke("m.yaml", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 11
    assert annotations[0] == (
        "::error file=m.yaml,line=2,col=3,title=Invalid manifest%3A creatives.c0::"
        'missing required fields "prompt" and "template_slug"'
    )
    assert all(a.startswith("::error ") for a in annotations[:10])
    assert annotations[10] == (
        "::warning title=Invalid manifests::2 more problems not annotated; "
        "see the log for all of them."
    )
    assert result.stderr.splitlines()[-1] == "12 problems found in the manifests."


def test_annotation_values_are_escaped() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    diagnostic = Diagnostic("dir,1/m:x.yaml", 3, 5, "a.b", "bad\nvalue 100%", "fix: it, now")
    assert render_github([diagnostic]) == (
        "::error file=dir%2C1/m%3Ax.yaml,line=3,col=5,title=Invalid manifest%3A a.b::"
        "bad%0Avalue 100%25 (fix: it, now)"
    )
    assert render_github([Diagnostic("m.yaml", 1, 1, "", "empty")]) == (
        "::error file=m.yaml,line=1,col=1,title=Invalid manifest::empty"
    )


def test_text_and_json_renderers() -> None:
    problems = [
        Diagnostic("a.yaml", 2, 3, "creatives.x", 'missing required field "type"'),
        Diagnostic("b.yaml", 1, 1, "", "file is empty; a manifest needs `creatives:`"),
    ]
    assert render_text(problems) == (
        'a.yaml:2:3: creatives.x: missing required field "type"\n'
        "b.yaml:1:1: file is empty; a manifest needs `creatives:`\n"
        "2 problems found in the manifests."
    )
    assert json.loads(render_json(problems, files=2, creatives=0))["valid"] is False
    for count in (1, 2, 1234):
        error = ManifestError([Diagnostic("f", 1, 1, "", "x")] * count)
        assert problems_line(count) == error.message
    assert valid_line(1, 1) == "1 creative in 1 file is valid."
    assert valid_line(1234, 2) == "1234 creatives in 2 files are valid."


def test_validate_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("validate opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = invoke(*map(str, EXAMPLES))
    assert (result.exit_code, result.stdout) == (0, "12 creatives in 2 files are valid.\n")


def test_the_pre_commit_hook_runs_on_the_files_it_is_given() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [hook] = hooks
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "creatives-validate",
        "creatives validate",
        "python",
    )
    files = re.compile(hook["files"])
    assert files.search("creatives/a.yaml") and files.search("b.yml")
    assert not files.search("state.json")
    program, *args = shlex.split(hook["entry"])
    executable = Path(sys.executable).parent / program
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    names = [str(p.relative_to(ROOT)) for p in EXAMPLES]
    ok = subprocess.run(
        [executable, *args, *names], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert (ok.returncode, ok.stdout) == (0, "12 creatives in 2 files are valid.\n")
    bad = subprocess.run(
        [executable, *args, names[0], "tests/manifests/bad/misspelt-field.yaml"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[-2:] == [
        "tests/manifests/bad/misspelt-field.yaml:5:5: creatives.hero.promt: "
        'unknown field "promt" (did you mean "prompt"?)',
        "1 problem found in the manifests.",
    ]


def test_validate_with_a_catalog_checks_templates_and_suggests(tmp_path, inprocess_sandbox):
    import httpx

    from reconciler import catalog as catalog_module

    sandbox = inprocess_sandbox()
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    models = httpx.get(f"{sandbox.base_url}/models", headers=headers).json()
    assets = httpx.get(f"{sandbox.base_url}/assets", headers=headers).json()
    path = tmp_path / "catalog.json"
    path.write_text(
        catalog_module.dumps(catalog_module.parse(models, assets), source="sandbox"),
        encoding="utf-8",
    )
    manifest_file = tmp_path / "ads.yaml"
    manifest_file.write_text(
        "creatives:\n"
        "  hero:\n"
        "    type: static_ad\n"
        "    template_slug: product-shot\n"
        "    prompt: A bright ad.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["validate", str(manifest_file), "--catalog", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert (
        f"{manifest_file.as_posix()}:4:20: creatives.hero.template_slug: hero: unknown static_ad "
        'template "product-shot" (did you mean "product-shoot"?)'
    ) in result.stderr
    good = manifest_file.read_text().replace("product-shot", "product-shoot")
    manifest_file.write_text(good, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(manifest_file), "--catalog", str(path)])
    assert result.exit_code == 0
    assert "Only the shape was checked" not in result.stderr
