"""The API key never appears in output, logs, state, plans or the catalog, even with --debug."""

from __future__ import annotations

from tests.cli import creatives, write

MANIFEST = """\
creatives:
  hero:
    type: static_ad
    template_slug: product-shoot
    prompt: A bright ad.
"""


def test_every_command_with_debug_keeps_the_key_secret(tmp_path, sandbox_server):
    server = sandbox_server("--complete-after", "0.2")
    key = server.api_key
    write(tmp_path / "creatives" / "ads.yaml", MANIFEST)
    outputs = []

    def cli(*args: str, api_key: str = key):
        run = creatives("--debug", *args, cwd=tmp_path, url=server.url, key=api_key)
        outputs.append(run.output)
        return run

    assert cli("catalog", "pull").code == 0
    assert cli("validate").code == 0
    assert cli("plan", "-out", "plan.json").code == 0
    assert cli("apply", "plan.json", "--auto-approve").code == 0
    assert cli("status", "--wait", "--timeout", "20s").code == 0
    assert cli("plan", "--refresh", "--format", "json").code == 0
    assert cli("plan", "--format", "markdown").code == 0
    assert cli("state", "list").code == 0
    assert cli("state", "show", "hero").code == 0
    # Failures print details with --debug: a refused key must not be echoed either.
    wrong = "vt_test_" + "f" * 32
    run = cli("catalog", "pull", "--file", "other.json", api_key=wrong)
    assert run.code == 1
    assert "invalid_api_key" in run.stderr
    run = cli("apply", "--auto-approve", "--replace", "hero", api_key=wrong)
    assert run.code == 1

    files = [p for p in tmp_path.rglob("*") if p.is_file() and "sandbox" not in p.name]
    assert any(p.name == "creatives.state.json" for p in files)
    assert any(p.name == "plan.json" for p in files)
    assert any(p.name == "catalog.json" for p in files)
    for text in outputs + [p.read_text(errors="replace") for p in files]:
        assert key not in text
        assert wrong not in text
    assert any("debug:" in text for text in outputs)
