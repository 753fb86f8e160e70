"""The runner's files: outputs in the delimiter form, the job summary within 1 MiB."""

from __future__ import annotations

import itertools
import json

import pytest

from reconciler.errors import GitHubError
from reconciler.github.env import (
    SUMMARY_LIMIT,
    GitHubEnv,
    append_summary,
    fit_bytes,
    format_outputs,
    write_outputs,
)
from tests.test_github_flows import parse_outputs


def test_environment_is_read_with_defaults_for_github_com():
    env = GitHubEnv.from_environ(
        {
            "GITHUB_REPOSITORY": "acme/ads",
            "GITHUB_EVENT_NAME": "push",
            "GITHUB_REF": "refs/heads/release/2030",
            "GITHUB_RUN_ID": "42",
        }
    )
    assert env.api_url == "https://api.github.com"
    assert env.graphql_url == "https://api.github.com/graphql"
    assert env.branch == "release/2030"
    assert env.run_url == "https://github.com/acme/ads/actions/runs/42"
    assert env.event() == {}


def test_enterprise_urls_are_honoured_and_checked():
    env = GitHubEnv.from_environ(
        {
            "GITHUB_API_URL": "https://ghe.example/api/v3/",
            "GITHUB_GRAPHQL_URL": "https://ghe.example/api/graphql",
            "GITHUB_SERVER_URL": "https://ghe.example",
        }
    )
    assert (env.api_url, env.graphql_url) == (
        "https://ghe.example/api/v3",
        "https://ghe.example/api/graphql",
    )
    with pytest.raises(GitHubError, match="GITHUB_API_URL 'file:///etc' is not an http"):
        GitHubEnv.from_environ({"GITHUB_API_URL": "file:///etc"})


def test_tags_and_pull_request_refs_are_not_branches():
    assert GitHubEnv(ref="refs/tags/v1").branch is None
    assert GitHubEnv(ref="refs/pull/7/merge").branch is None


def test_event_payload_is_read_and_checked(tmp_path):
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"number": 7}))
    assert GitHubEnv(event_path=str(path)).event() == {"number": 7}
    path.write_text("[1]")
    with pytest.raises(GitHubError, match="is not a JSON object"):
        GitHubEnv(event_path=str(path)).event()


def test_outputs_use_a_delimiter_that_is_not_in_the_value():
    tokens = iter(["aaaa", "bbbb", "cccc"])
    text = format_outputs(
        {"summary": "two\nlines", "evil": "x\nghadelimiter_bbbb\ninjected=1"},
        token=lambda: next(tokens),
    )
    assert text == (
        "summary<<ghadelimiter_aaaa\ntwo\nlines\nghadelimiter_aaaa\n"
        "evil<<ghadelimiter_cccc\nx\nghadelimiter_bbbb\ninjected=1\nghadelimiter_cccc\n"
    )
    assert parse_outputs(text) == {
        "summary": "two\nlines",
        "evil": "x\nghadelimiter_bbbb\ninjected=1",
    }


def test_outputs_are_appended_and_random(tmp_path):
    env = GitHubEnv(output_path=str(tmp_path / "out"))
    write_outputs(env, {"a": "1"})
    write_outputs(env, {"a": "1"})
    first, second = (line for line in (tmp_path / "out").read_text().split("\n") if "<<" in line)
    assert first != second
    write_outputs(GitHubEnv(), {"a": "1"})  # outside Actions: nowhere to write, no error


def test_summary_is_cut_at_one_mebibyte(tmp_path):
    env = GitHubEnv(summary_path=str(tmp_path / "summary"))
    assert append_summary(env, "## Plan\n")
    assert append_summary(env, "é" * SUMMARY_LIMIT)
    data = (tmp_path / "summary").read_bytes()
    assert len(data) == SUMMARY_LIMIT
    assert data.startswith("## Plan\n\né".encode())
    assert data.decode("utf-8").endswith("\n\n… the summary was cut at GitHub's 1 MiB limit.\n")
    assert not append_summary(GitHubEnv(), "x")


def test_fit_bytes_finds_a_rendering_that_fits():
    calls = itertools.count()

    def render(limit: int | None) -> str:
        next(calls)
        return "é" * (100 if limit is None else min(limit, 100))

    text = fit_bytes(render, 120)
    assert len(text.encode("utf-8")) <= 120
    assert len(text) >= 55
    assert next(calls) <= 9
