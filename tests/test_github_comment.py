"""The sticky comment: marker, salt, who wrote it, the size cap and the comment modes."""

from __future__ import annotations

import re

import pytest

from reconciler import planner
from reconciler.errors import UsageError
from reconciler.github.comment import (
    COMMENT_LIMIT,
    Marker,
    check_label,
    compose,
    find_ours,
    parse_marker,
    publish,
    salt,
)
from reconciler.github.rest import GitHubClient
from reconciler.render.plan_markdown import render_plan_markdown
from tests.factories import creative, empty_state
from tests.test_github_fake import BOT, REPO, TOKEN, FakeGitHub

PR = f"https://github.com/{REPO}/pull/7"
HASH = "sha256:" + "ab" * 32


def item(id: int, user: str, body: str) -> dict:
    return {"id": id, "user": {"login": user}, "body": body, "html_url": f"{PR}#c{id}"}


def test_the_marker_is_one_hidden_line_of_compact_json():
    marker = Marker("prod", HASH, "sha256:" + "cd" * 32, "planned")
    assert marker.render() == (
        '<!-- videotok-reconciler {"v":1,"label":"prod","plan_hash":"' + HASH + '",'
        '"salted":"sha256:' + "cd" * 32 + '","state":"planned"} -->'
    )
    assert parse_marker(marker.render() + "\n## Creatives plan\n") == marker


@pytest.mark.parametrize(
    "body",
    [
        "hello <!-- videotok-reconciler {} -->",
        '<!-- videotok-reconciler {"v":2,"label":"","plan_hash":"","salted":"","state":""} -->',
        '<!-- videotok-reconciler {"v":1,"label":1,"plan_hash":"","salted":"","state":""} -->',
        "<!-- videotok-reconciler {not json} -->",
        "<!-- something else -->",
    ],
)
def test_anything_but_our_marker_on_the_first_line_is_not_ours(body):
    assert parse_marker(body) is None


def test_the_salt_binds_a_plan_hash_to_one_pull_request():
    mine = salt(HASH, PR)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", mine)
    assert mine != salt(HASH, f"https://github.com/{REPO}/pull/8")
    assert mine != salt("sha256:" + "00" * 32, PR)
    marker = Marker.for_plan("", HASH, PR)
    assert marker.approves(PR) == HASH
    assert marker.approves(f"https://github.com/{REPO}/pull/8") is None
    assert Marker.for_plan("", "", PR).approves(PR) is None


def test_labels_are_plain_names():
    assert check_label("eu-west.prod_2") == "eu-west.prod_2"
    assert check_label("") == ""
    for bad in ("a b", "-->", "x" * 64, "-x"):
        with pytest.raises(UsageError):
            check_label(bad)


def test_our_comment_is_found_by_marker_label_and_author():
    ours = Marker.for_plan("", HASH, PR).render()
    staging = Marker.for_plan("staging", HASH, PR).render()
    items = [
        item(1, BOT, ours + "\nold"),
        item(2, "mallory", ours + "\nforged"),
        item(3, BOT, staging + "\nstaging"),
        item(4, BOT, ours + "\nnewest"),
        item(5, BOT, "no marker"),
        "not a comment",
    ]
    found = find_ours(items, label="", author=BOT)
    assert (found.id, found.body) == (4, ours + "\nnewest")
    assert find_ours(items, label="staging", author=BOT).id == 3
    assert find_ours(items, label="", author="mallory").id == 2
    assert find_ours(items, label="production", author=BOT) is None


def big_plan():
    desired = [creative(f"ad-{i:03d}", "A long prompt. " * 40) for i in range(300)]
    return planner.plan(desired, empty_state(), tool_version="0.1.0")


def test_a_huge_plan_is_cut_near_60000_characters_with_a_pointer_to_the_summary():
    plan = big_plan()
    assert len(render_plan_markdown(plan)) > 2 * COMMENT_LIMIT
    marker = Marker.for_plan("", plan.plan_hash, PR)
    body = compose(
        marker,
        plan=lambda n: render_plan_markdown(plan, max_chars=n),
        footer="<sub>footer</sub>",
    )
    assert COMMENT_LIMIT - 2_000 < len(body) <= COMMENT_LIMIT
    assert body.startswith(marker.render() + "\n\n## Creatives plan\n")
    assert body.endswith("; the full plan is in the job summary.\n\n<sub>footer</sub>\n")
    assert parse_marker(body) == marker


def test_compose_puts_blocks_in_order():
    marker = Marker.for_plan("", HASH, PR)
    body = compose(marker, head=["**Applied**"], plan=lambda n: "PLAN\n", tail=["GALLERY"])
    assert body == f"{marker.render()}\n\n**Applied**\n\nPLAN\n\nGALLERY\n"


@pytest.fixture
def github():
    fake = FakeGitHub()
    client = GitHubClient(
        TOKEN, api_url=fake.api, graphql_url=fake.graphql_url, transport=fake.transport()
    )
    with client:
        yield fake, client


def existing(fake: FakeGitHub, body: str):
    made = fake.add_comment(7, BOT, body)
    return find_ours([item(made.id, BOT, body)], label="", author=BOT)


def test_update_edits_in_place_and_skips_an_unchanged_body(github):
    fake, client = github
    body = Marker.for_plan("", HASH, PR).render() + "\nv1"
    first = publish(client, REPO, 7, body, mode="update", existing=None, has_changes=True)
    assert first.action == "created"
    [made] = fake.comments_on(7)
    assert first.url == f"{PR}#issuecomment-{made.id}"
    same = publish(
        client, REPO, 7, body, mode="update", existing=existing(fake, body), has_changes=True
    )
    assert same.action == "unchanged"
    assert fake.count("PATCH", "") == 0
    old = existing(fake, body)
    done = publish(client, REPO, 7, body + "2", mode="update", existing=old, has_changes=True)
    assert done.action == "updated"
    assert fake.comments_on(7)[-1].body == body + "2"


def test_changes_only_comments_when_there_are_changes_or_a_comment_exists(github):
    fake, client = github
    body = Marker.for_plan("", HASH, PR).render() + "\nno changes"
    skipped = publish(client, REPO, 7, body, mode="changes-only", existing=None, has_changes=False)
    assert skipped.action == "skipped"
    assert fake.requests == []
    old = existing(fake, Marker.for_plan("", HASH, PR).render() + "\nchanges")
    done = publish(client, REPO, 7, body, mode="changes-only", existing=old, has_changes=False)
    assert done.action == "updated"


def test_new_always_creates_and_off_never_calls(github):
    fake, client = github
    body = Marker.for_plan("", HASH, PR).render()
    old = existing(fake, body + "\nold")
    assert publish(client, REPO, 7, body, mode="new", existing=old, has_changes=True).action == (
        "created"
    )
    assert len(fake.comments_on(7)) == 2
    fake.requests.clear()
    assert publish(client, REPO, 7, body, mode="off", existing=old, has_changes=True).action == (
        "skipped"
    )
    assert fake.requests == []
