"""`creatives state list|show|rm|mv` and `creatives force-unlock`, driven through the CLI."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconciler import __version__
from reconciler.cli import cli, main
from reconciler.lockfile import FileLock
from reconciler.state import loads
from reconciler.storage import LocalFileStorage, lock_path

GOLDEN = Path(__file__).parent / "data" / "state-v1.json"
OLD_FINGERPRINT = "sha256:9b54b6db91908227f1cef6e0828c7b81303202b1585ff8d49d1068272122ac11"
ADDRESSES = ["collagen-hero", "launch[1:1]", "launch[9:16]"]


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    path = tmp_path / "creatives.state.json"
    shutil.copyfile(GOLDEN, path)
    return path


def run(*args: str, env: dict[str, str | None] | None = None, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, input=stdin)


def failure(result: Result) -> str:
    """The paragraph printed for the error the command raised, without the `Error: ` lead."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "Error: " in result.stderr, result.stderr
    return result.stderr.split("Error: ", 1)[1].removesuffix("\n")


def holder(path: Path) -> LocalFileStorage:
    lock = FileLock(
        lock_path(path),
        clock=lambda: datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        hostname=lambda: "ci-1",
        user=lambda: "ann",
        pid=lambda: 4242,
        new_id=lambda: "lock-1",
    )
    return LocalFileStorage(path, lock=lock)


# -- list and show ------------------------------------------------------------------------------


def test_list_prints_sorted_addresses(state_file: Path) -> None:
    result = run("state", "list", "--state", str(state_file))
    assert result.exit_code == 0
    assert result.stdout == "collagen-hero\nlaunch[1:1]\nlaunch[9:16]\n"


def test_list_reads_the_state_path_from_the_environment(state_file: Path) -> None:
    result = run("state", "list", env={"CREATIVES_STATE": str(state_file)})
    assert result.stdout.splitlines() == ADDRESSES


def test_list_uses_the_default_path(state_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(state_file.parent)
    result = run("state", "list", env={"CREATIVES_STATE": None})
    assert result.stdout.splitlines() == ADDRESSES


def test_list_without_a_state_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert failure(run("state", "list", "--state", str(missing))) == (
        f"no state file found (local file {missing})\n"
        "State commands need a state file: run them where `creatives apply` has run, or point "
        "--state (or CREATIVES_STATE) at it."
    )


def test_list_of_an_unreadable_state(state_file: Path) -> None:
    state_file.write_text('{"format_version": 7}\n', encoding="utf-8")
    assert failure(run("state", "list", "--state", str(state_file))) == (
        f"state file {state_file}: state format 7 is newer than this creatives supports (1); "
        "upgrade videotok-reconciler\nNothing was changed."
    )


def test_show_prints_spec_batches_history_and_generations(state_file: Path) -> None:
    result = run("state", "show", "collagen-hero", "--state", str(state_file))
    assert result.exit_code == 0
    assert result.stdout == (
        "collagen-hero\n"
        "  fingerprint: sha256:1972c8b1f8fe28a47c1daf3f64cf9db2a827a4c92838e462893848d36ce68d43\n"
        "  source:      creatives/drinks.yaml\n"
        "  revision:    1\n"
        "  spec:\n"
        "    aspect_ratio: 1:1\n"
        "    brand_kit_id: 42\n"
        "    prompt: Premium ad for a collagen drink, café au lait tones.\n"
        "    resolution: 1K\n"
        "    template_slug: product-shoot\n"
        "    type: static_ad\n"
        "  batches:\n"
        "    #2 crv1-0619f0b69783893df6cff8e332eb103d19a64387  submitted, 2 outputs, 200 credits,"
        " submitted 2026-01-03T10:00:00Z\n"
        "      9f9f3a52-0c1e-4c55-9d55-4c1b2a3d4e5f  completed   "
        "https://cdn.videotok.app/g/9f9f3a52.png\n"
        "      0b7e2c11-5d2a-4f0e-8a1b-2c3d4e5f6a7b  failed      "
        "content_policy: The prompt was refused.\n"
        "  retired (earlier specs; their assets stay in Videotok):\n"
        "    #0 crv1-0c10b1ac07bb4ad2d2115b53c3109206c28eeaa6  submitted, 1 output, 100 credits,"
        " submitted 2026-01-01T09:00:00Z\n"
        f"      fingerprint {OLD_FINGERPRINT}\n"
        "      1a2b3c4d-0000-4000-8000-000000000001  completed   "
        "https://cdn.videotok.app/g/1a2b3c4d.png\n"
        "    #1 crv1-75ced767b5ff1caddbe44f82f0148a1f3b103061  pending (not confirmed), 1 output\n"
        f"      fingerprint {OLD_FINGERPRINT}\n"
    )


def test_show_a_creative_with_a_pending_batch(state_file: Path) -> None:
    result = run("state", "show", "launch[9:16]", "--state", str(state_file))
    assert result.stdout == (
        "launch[9:16]\n"
        "  fingerprint: sha256:c02016ce2fd5fbe0edcb8997e4790712722b880ced6ac4fe1db8fd7f68eeb3f5\n"
        "  source:      creatives/launch.yaml\n"
        "  revision:    0\n"
        "  spec:\n"
        "    aspect_ratio: 9:16\n"
        "    duration: 8\n"
        "    prompt: A fast hook-driven launch ad for an AI note-taking app.\n"
        "    quality_tier: high\n"
        '    reference_image_urls: ["https://example.com/app.png"]\n'
        "    template_slug: motion-graphics\n"
        "    type: video_ad\n"
        "  batches:\n"
        "    #0 crv1-c6dec38444ea6ec51ffa138dd4c6b03e5f6dc596  submitted, 1 output, 450 credits,"
        " submitted 2026-01-02T08:00:00Z\n"
        "      5c5c5c5c-1111-4222-8333-444455556666  processing\n"
        "    #1 crv1-cd0b70b9dc288ff22bdf9bd92e66aa1abde3a41e  pending (not confirmed), "
        "2 outputs\n"
    )


def test_show_an_unknown_address_suggests_the_closest(state_file: Path) -> None:
    assert failure(run("state", "show", "colagen-hero", "--state", str(state_file))) == (
        f"no creative colagen-hero in {state_file}\n"
        "Did you mean collagen-hero? `creatives state list` shows every address. "
        "Nothing was changed."
    )


# -- rm -----------------------------------------------------------------------------------------


def test_rm_removes_from_state_only(state_file: Path) -> None:
    result = run("state", "rm", "collagen-hero", "launch[1:1]", "--state", str(state_file))
    assert result.exit_code == 0
    assert result.stdout == (
        "Removed collagen-hero.\n"
        "Removed launch[1:1].\n"
        f"Removed 2 creatives from {state_file} (serial 13).\n"
        "Assets stay in Videotok: only the state forgot them. A creative the manifests still "
        "declare will be created again by the next plan.\n"
    )
    state = loads(state_file.read_text(encoding="utf-8"), source="s")
    assert (state.serial, list(state.creatives)) == (13, ["launch[9:16]"])
    assert Path(f"{state_file}.backup").read_bytes() == GOLDEN.read_bytes()
    assert Path(f"{state_file}.lock").read_text(encoding="utf-8") == ""


def test_rm_of_one_creative(state_file: Path) -> None:
    result = run("state", "rm", "launch[1:1]", "launch[1:1]", "--state", str(state_file))
    assert result.stdout.splitlines()[:2] == [
        "Removed launch[1:1].",
        f"Removed 1 creative from {state_file} (serial 13).",
    ]


def test_rm_with_an_unknown_address_changes_nothing(state_file: Path) -> None:
    result = run("state", "rm", "collagen-hero", "hero", "--state", str(state_file))
    assert failure(result) == (
        f"no creative hero in {state_file}\n"
        "`creatives state list` shows every address. Nothing was changed."
    )
    assert state_file.read_bytes() == GOLDEN.read_bytes()
    assert not Path(f"{state_file}.backup").exists()


def test_rm_without_a_state_file_leaves_no_lock_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert failure(run("state", "rm", "hero", "--state", str(missing))).startswith(
        "no state file found"
    )
    assert list(tmp_path.iterdir()) == []


def held_message(state_file: Path, waited: str = "") -> str:
    return (
        f"cannot acquire the state lock{waited}: {state_file}.lock is held.\n"
        "  ID:        lock-1\n"
        "  Who:       ann@ci-1\n"
        "  PID:       4242\n"
        "  Operation: apply\n"
        "  Created:   2026-01-02T03:04:05Z\n"
        f"  Version:   {__version__}\n"
        "Wait for that run to finish, or use --lock-timeout (e.g. 2m) to wait for it. A local "
        "lock is an OS lock: it is released the moment its process exits, even by kill -9, so "
        "`creatives force-unlock ID` is only for backends that cannot know that."
    )


def test_rm_takes_the_lock(state_file: Path) -> None:
    with holder(state_file).lock("apply", timeout=0):
        result = run("state", "rm", "collagen-hero", "--state", str(state_file))
        assert failure(result) == held_message(state_file)
        waited = run(
            "state", "rm", "collagen-hero", "--state", str(state_file), "--lock-timeout", "0.2s"
        )
        assert failure(waited) == held_message(state_file, " after waiting 0.2s")
    assert state_file.read_bytes() == GOLDEN.read_bytes()


def test_lock_timeout_must_be_a_duration(state_file: Path) -> None:
    result = run("state", "rm", "x", "--state", str(state_file), "--lock-timeout", "soon")
    assert result.exit_code == 2
    assert "Invalid value for '--lock-timeout'" in result.stderr
    assert state_file.read_bytes() == GOLDEN.read_bytes()


# -- mv -----------------------------------------------------------------------------------------


def test_mv_renames_an_address(state_file: Path) -> None:
    result = run("state", "mv", "launch[1:1]", "launch[square]", "--state", str(state_file))
    assert result.exit_code == 0
    assert result.stdout == f"Moved launch[1:1] to launch[square] in {state_file} (serial 13).\n"
    before = loads(GOLDEN.read_text(encoding="utf-8"), source="g")
    after = loads(state_file.read_text(encoding="utf-8"), source="s")
    assert sorted(after.creatives) == ["collagen-hero", "launch[9:16]", "launch[square]"]
    assert after.creatives["launch[square]"] == before.creatives["launch[1:1]"]


def test_mv_onto_an_existing_address_is_refused(state_file: Path) -> None:
    result = run("state", "mv", "launch[1:1]", "launch[9:16]", "--state", str(state_file))
    assert failure(result) == (
        "cannot move launch[1:1] to launch[9:16]: launch[9:16] is already in the state\n"
        "Remove it first with `creatives state rm launch[9:16]` if it should go. "
        "Nothing was changed."
    )
    assert state_file.read_bytes() == GOLDEN.read_bytes()


def test_mv_of_a_missing_source_is_refused(state_file: Path) -> None:
    result = run("state", "mv", "launch[4:5]", "launch[square]", "--state", str(state_file))
    assert failure(result) == (
        f"no creative launch[4:5] in {state_file}\n"
        "Did you mean launch[1:1]? `creatives state list` shows every address. "
        "Nothing was changed."
    )
    assert state_file.read_bytes() == GOLDEN.read_bytes()


def test_mv_to_something_that_is_not_an_address(state_file: Path) -> None:
    result = run("state", "mv", "launch[1:1]", "Launch Square", "--state", str(state_file))
    assert failure(result) == (
        "'Launch Square' is not an address\n"
        "An address is a name of lowercase letters, digits, '-' and '_', optionally followed by "
        "[key]. Nothing was changed."
    )
    assert state_file.read_bytes() == GOLDEN.read_bytes()


# -- force-unlock -------------------------------------------------------------------------------


def stale_lock(state_file: Path) -> Path:
    lock_file = Path(f"{state_file}.lock")
    record = {
        "created": "2026-01-02T03:04:05Z",
        "id": "lock-1",
        "operation": "apply",
        "pid": 4242,
        "version": __version__,
        "who": "ann@ci-1",
    }
    lock_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return lock_file


CLEARED = (
    "Cleared the state lock lock-1 (apply by ann@ci-1, PID 4242, created 2026-01-02T03:04:05Z). "
    "The state is unlocked.\n"
)


def test_force_unlock_clears_a_stale_record(state_file: Path) -> None:
    lock_file = stale_lock(state_file)
    result = run("force-unlock", "lock-1", "--force", "--state", str(state_file))
    assert result.exit_code == 0
    assert result.stdout == CLEARED
    assert lock_file.read_text(encoding="utf-8") == ""


def test_force_unlock_asks_first(state_file: Path) -> None:
    lock_file = stale_lock(state_file)
    result = run("force-unlock", "lock-1", "--state", str(state_file), stdin="y\n")
    assert result.stderr == (
        f"Force-unlock the state lock lock-1 on local file {state_file}? Only do this when no "
        "run holds it any more. [y/N]: y\n"
    )
    assert result.stdout == CLEARED
    assert lock_file.read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("answer", ["n\n", ""])
def test_force_unlock_not_confirmed_changes_nothing(state_file: Path, answer: str) -> None:
    lock_file = stale_lock(state_file)
    before = lock_file.read_bytes()
    result = run("force-unlock", "lock-1", "--state", str(state_file), stdin=answer)
    assert failure(result) == (
        "force-unlock was not confirmed; nothing was changed\n"
        "Without a terminal to ask on, pass --force once you are sure."
    )
    assert lock_file.read_bytes() == before


def test_force_unlock_with_the_wrong_id_changes_nothing(state_file: Path) -> None:
    with holder(state_file).lock("apply", timeout=0):
        lock_file = Path(f"{state_file}.lock")
        before = lock_file.read_bytes()
        result = run("force-unlock", "lock-2", "--force", "--state", str(state_file))
        assert failure(result).splitlines()[0] == (
            "lock ID lock-2 does not match the current lock ID lock-1; nothing was changed"
        )
        assert lock_file.read_bytes() == before


def test_force_unlock_without_a_lock(state_file: Path) -> None:
    result = run("force-unlock", "lock-1", "--force", "--state", str(state_file))
    assert failure(result) == (
        f"no lock is recorded in {state_file}.lock; nothing to unlock\nThe state is not locked."
    )


# -- through main(): the error paragraph and the exit code ---------------------------------------


def test_main_prints_one_error_paragraph_and_exits_1(
    state_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["state", "show", "nothing-like-it", "--state", str(state_file)])
    assert caught.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"Error: no creative nothing-like-it in {state_file}\n"
        "`creatives state list` shows every address. Nothing was changed.\n"
    )
