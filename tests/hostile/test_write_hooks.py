"""The data repository's own git hooks run on every write, as `git commit` runs them: a pre-commit hook sees the
files written and an index holding the new tree, a commit-msg hook may refuse or reword the message; a hook that
fails refuses the write and changes nothing; --no-verify skips them."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from write_invariant import Before, assert_invariant, git


def hook(repo: Path, name: str, body: str, folder: str = ".git/hooks") -> Path:
    path = repo / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    os.chmod(path, 0o755)
    return path


def progress(cli, repo, *more):
    return cli("progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--ledger", repo, *more)


def test_a_failing_pre_commit_hook_refuses_and_changes_nothing(sample_repo, cli):
    hook(sample_repo, "pre-commit", "echo 'ledger frozen for the audit' >&2\nexit 1")
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert r.exit_code == 1 and "pre-commit" in r.stderr and "ledger frozen for the audit" in r.stderr, r
    assert "--no-verify" in r.stderr
    assert not assert_invariant(before, r, cli)
    r = progress(cli, sample_repo, "--no-verify")
    assert assert_invariant(before, r, cli)


def test_the_pre_commit_hook_sees_the_new_tree_and_files(sample_repo, cli, tmp_path):
    seen = tmp_path / "seen.txt"
    hook(
        sample_repo,
        "pre-commit",
        f"git diff --cached --name-only > '{seen}'\ngrep -c 基金管理机构已选定 tasks/T-2016-003.yaml >> '{seen}'",
    )
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert assert_invariant(before, r, cli)
    assert seen.read_text(encoding="utf-8").split() == ["tasks/T-2016-003.yaml", "1"]


def test_commit_msg_hooks_refuse_or_reword(sample_repo, cli):
    hook(
        sample_repo,
        "commit-msg",
        "grep -q 'Reformctl-Action: progress' \"$1\" || exit 1\n"
        "echo 'Signed-off-by: 审计员 <audit@example.org>' >> \"$1\"",
    )
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert assert_invariant(before, r, cli)
    body = git(sample_repo, "log", "-1", "--format=%B")
    assert body.endswith("Signed-off-by: 审计员 <audit@example.org>") and "Reformctl-Item: T-2016-003" in body
    assert git(sample_repo, "status", "--porcelain") == ""
    hook(sample_repo, "commit-msg", "echo 'no ticket number' >&2; exit 3")
    before = Before(sample_repo)
    r = cli("complete", "T-2016-003", "--as-of", "2016-12-20", "--ledger", sample_repo)
    assert r.exit_code == 1 and "commit-msg" in r.stderr and "no ticket number" in r.stderr, r
    assert not assert_invariant(before, r, cli)


def test_core_hooks_path_is_honoured_and_no_verify_skips_it(sample_repo, cli):
    hook(sample_repo, "pre-commit", "exit 1", folder="githooks")
    git(sample_repo, "add", "githooks")
    git(sample_repo, "commit", "-qm", "hooks")
    git(sample_repo, "config", "core.hooksPath", "githooks")
    before = Before(sample_repo)
    r = cli(
        "new", "event", "--kind", "training", "--unit", "市委深改办", "--as-of", "2016-11-10", "--ledger", sample_repo
    )
    assert r.exit_code == 1 and not assert_invariant(before, r, cli)
    r = cli(
        "new",
        "event",
        "--kind",
        "training",
        "--unit",
        "市委深改办",
        "--as-of",
        "2016-11-10",
        "--ledger",
        sample_repo,
        "--no-verify",
    )
    assert assert_invariant(before, r, cli)


def _dump_hooks(repo: Path, out: Path) -> None:
    for name in ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"):
        hook(
            repo,
            name,
            f"""d='{out}/{name}'; mkdir -p "$d"
pwd > "$d/cwd"; printf '%s\\n' "$@" > "$d/args"; env > "$d/env"
git diff --cached --name-only > "$d/staged"
[ -z "$1" ] || cat "$1" > "$d/message"
""",
        )


def _env(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        k, sep, v = line.partition("=")
        if sep and k.replace("_", "").isalnum():
            out[k] = v
    return out


def test_hooks_see_what_git_commit_gives_them(sample_repo, tmp_path, cli, monkeypatch):
    """The same hooks dump their environment, working folder, arguments and staged files for `git commit -m` and
    for a reformctl write in a copy of the repository: what they see matches (only the paths of the repository,
    the temporary index and the dates differ)."""
    import shutil

    monkeypatch.delenv("LC_ALL", raising=False)  # reformctl runs its own git in the C locale, hooks must not
    monkeypatch.delenv("GIT_AUTHOR_NAME")  # the identity from the repository's configuration, as for most users
    monkeypatch.delenv("GIT_AUTHOR_EMAIL")
    git(sample_repo, "config", "user.name", "配置的用户")
    git(sample_repo, "config", "user.email", "config@example.org")
    other = tmp_path / "other"
    shutil.copytree(sample_repo, other)
    _dump_hooks(sample_repo, tmp_path / "git")
    _dump_hooks(other, tmp_path / "reformctl")
    task = "tasks/T-2016-003.yaml"
    (sample_repo / task).write_text((sample_repo / task).read_text(encoding="utf-8") + "# x\n", encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "记录进展"], cwd=sample_repo / "tasks", check=True)
    before = Before(other)
    r = cli(
        "progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--ledger", other, cwd=other / "tasks"
    )
    assert assert_invariant(before, r, cli)
    for name in ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"):
        g, m = tmp_path / "git" / name, tmp_path / "reformctl" / name
        assert (m / "cwd").read_text() == f"{other}\n" and (g / "cwd").read_text() == f"{sample_repo}\n", name
        staged = "" if name == "post-commit" else f"{task}\n"  # after the commit, nothing is staged
        assert (m / "staged").read_text() == (g / "staged").read_text() == staged, name
        ge, me = _env(g / "env"), _env(m / "env")
        assert sorted(k for k in me if k.startswith(("GIT_", "LC_"))) == sorted(
            k for k in ge if k.startswith(("GIT_", "LC_"))
        ), name
        for k in ("GIT_EDITOR", "GIT_PREFIX", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "LANG"):
            assert me.get(k) == ge.get(k), (name, k, me.get(k), ge.get(k))
        assert me["GIT_AUTHOR_DATE"].startswith("@"), me["GIT_AUTHOR_DATE"]
        if name != "post-commit":  # the index being committed, which is not the user's index
            assert me["GIT_INDEX_FILE"] != str(other / ".git" / "index")
    # commit-msg: the message file, named as git names it, holding the message; prepare-commit-msg: also its source
    for name in ("prepare-commit-msg", "commit-msg"):
        assert (tmp_path / "reformctl" / name / "args").read_text() == (tmp_path / "git" / name / "args").read_text()
    message = (tmp_path / "reformctl/commit-msg/message").read_text(encoding="utf-8")
    assert message.startswith(git(other, "log", "-1", "--format=%s")) and "Reformctl-Action: progress" in message
    env = _env(tmp_path / "reformctl/pre-commit/env")
    assert env["GIT_AUTHOR_NAME"] == "配置的用户" == git(other, "log", "-1", "--format=%an")


def test_a_pre_commit_hook_that_changes_the_files_refuses(sample_repo, cli):
    """`git commit` would commit what a pre-commit hook stages; reformctl commits only what it validated, so a
    hook that changes the staged files refuses the write (nothing written)."""
    hook(sample_repo, "pre-commit", "echo '# formatted' >> tasks/T-2016-003.yaml\ngit add tasks/T-2016-003.yaml")
    before = Before(sample_repo)
    r = progress(cli, sample_repo)
    assert r.exit_code == 1 and "pre-commit" in r.stderr and "changed the files" in r.stderr, r
    assert not assert_invariant(before, r, cli)
    r = progress(cli, sample_repo, "--lang", "zh")
    assert r.exit_code == 1 and "修改了要提交的文件" in r.stderr, r


def test_prepare_commit_msg_and_post_commit_run_also_with_no_verify_as_for_git(sample_repo, cli, tmp_path):
    hook(sample_repo, "prepare-commit-msg", 'echo "Ticket: LEDGER-1" >> "$1"')
    hook(sample_repo, "commit-msg", "exit 1")
    hook(sample_repo, "pre-commit", "exit 1")
    hook(sample_repo, "post-commit", f"git log -1 --format=%s > '{tmp_path}/post'")
    before = Before(sample_repo)
    r = progress(cli, sample_repo, "--no-verify")
    assert assert_invariant(before, r, cli)
    assert git(sample_repo, "log", "-1", "--format=%B").endswith("Ticket: LEDGER-1")
    assert (tmp_path / "post").read_text(encoding="utf-8").strip() == git(sample_repo, "log", "-1", "--format=%s")
