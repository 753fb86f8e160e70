"""`creatives github`: options come from the environment the action sets."""

from __future__ import annotations

from tests.cli import creatives, write
from tests.test_github_flows import MANIFEST


def test_an_unusable_label_is_a_usage_error(tmp_path):
    run = creatives("github", "plan", cwd=tmp_path, env={"CREATIVES_LABEL": "prod -->"})
    assert run.code == 2
    assert run.stderr == (
        "Error: label 'prod -->' is not usable: use letters, digits, '.', '_' or '-' "
        "(at most 63, starting with a letter or digit)\n"
    )


def test_an_unknown_comment_mode_is_refused_by_name(tmp_path):
    run = creatives("github", "plan", cwd=tmp_path, env={"CREATIVES_COMMENT": "sometimes"})
    assert run.code == 2
    assert "'sometimes' is not one of 'update', 'new', 'changes-only', 'off'" in run.stderr


def test_outside_actions_a_plan_just_prints_its_summary_line(tmp_path):
    write(tmp_path / "ads" / "a.yaml", MANIFEST.format(prompt="Hi."))
    second = MANIFEST.format(prompt="Other.").replace("hero:", "hero2:")
    write(
        tmp_path / "more" / "b.yaml", second.replace("teaser:", "teaser2:").replace("fast", "slow")
    )
    run = creatives("github", "plan", cwd=tmp_path, env={"CREATIVES_MANIFESTS": "ads\nmore"})
    assert run.code == 0, run.output
    assert run.stdout.startswith("Plan: 4 to create, 0 to regenerate,")
