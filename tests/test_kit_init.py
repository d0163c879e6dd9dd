"""`reformctl init` (issue 7): a new ledger repository that passes `check`, refusals that write nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import git, new_repo
from reformctl.load import load_settings
from reformctl.model import FOLDER_KINDS
from reformctl.model.records import RuleSettings
from reformctl.model.schemas import dumps, generate


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (including .git), for 'nothing was written' comparisons."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def committed(repo: Path) -> set[str]:
    return set(git(repo, "ls-tree", "-r", "--name-only", "HEAD").split())


def test_init_then_check_passes(cli, tmp_path):
    led = tmp_path / "office-ledger"
    r = cli("init", led, "--name", "成都市委深改办改革台账", "--level", "city", "--start", "2016-07-01")
    assert r.exit_code == 0, r
    # a new repository with one commit holding every file written, and a clean tree
    assert git(led, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(led, "status", "--porcelain", "--untracked-files=all") == ""
    files = committed(led)
    for rel in (
        "reformctl.yaml",
        "units.yaml",
        "README.md",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".gitlab-ci.yml",
        ".github/workflows/reformctl.yml",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        "schemas/task.schema.json",
    ):
        assert rel in files, rel
    for kind in FOLDER_KINDS:
        assert f"{kind.folder}/.gitkeep" in files
    assert "Reformctl-Action: init" in git(led, "log", "-1", "--format=%B")
    # check passes, without even a warning
    r = cli("check", "--format", "json", cwd=led)
    assert r.exit_code == 0, r
    assert json.loads(r.stdout) == []
    r = cli("check", "--strict", "--ledger", led)
    assert r.exit_code == 0, r


def test_settings_carry_the_options_and_the_seed_defaults(cli, tmp_path):
    led = tmp_path / "l"
    name = "某区: 改革台账 # 2025"  # characters YAML would misread unquoted
    assert cli("init", led, "--name", name, "--level", "district", "--start", "2025-01-01").exit_code == 0
    settings, diags = load_settings(led)
    assert diags == [] and settings is not None
    assert (settings.name, settings.level.value, str(settings.start)) == (name, "district", "2025-01-01")
    text = (led / "reformctl.yaml").read_text(encoding="utf-8")
    defaults = RuleSettings().model_dump(exclude={"extra"})
    for key, value in defaults.items():  # every rules key written out, at the model's default
        assert re.search(rf"^  {key}: {value} +# ", text, re.M), key
    for rule in ("R4", "R5", "R11", "R15"):
        assert rule in text
    assert settings.rules.model_dump(exclude={"extra"}) == defaults
    units = (led / "units.yaml").read_text(encoding="utf-8")
    assert "区委深改办" in units and "special_group" in units and "# 单位名录" in units


def test_modelines_and_editor_settings_point_at_real_schemas(cli, tmp_path):
    led = tmp_path / "l"
    assert cli("init", led, "--start", "2025-01-01").exit_code == 0
    for name, schema in generate().items():  # the copies are exactly what the models generate
        assert (led / "schemas" / name).read_text(encoding="utf-8") == dumps(schema)
    for rel in ("reformctl.yaml", "units.yaml"):
        first = (led / rel).read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m and (led / rel).parent.joinpath(m.group(1)).is_file(), first
    settings = json.loads((led / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert len(mapping) == len(generate())
    for schema, globs in mapping.items():
        assert (led / schema).is_file(), schema
        for g in globs:
            assert g.startswith("/") and g.endswith(".yaml"), g
            assert (led / g[1:]).parent.is_dir(), g
    assert mapping["./schemas/task.schema.json"] == ["/tasks/*.yaml"]
    assert "redhat.vscode-yaml" in json.loads((led / ".vscode/extensions.json").read_text())["recommendations"]
    assert ".reformctl-cache/" in (led / ".gitignore").read_text(encoding="utf-8").splitlines()
    readme = (led / "README.md").read_text(encoding="utf-8")
    assert "reformctl new task" in readme and "pre-commit install" in readme


def test_refuses_an_existing_ledger_and_writes_nothing(cli, sample_repo):
    before = tree(sample_repo)
    r = cli("init", sample_repo)
    assert r.exit_code == 2, r
    assert "already holds a ledger" in r.stderr
    assert tree(sample_repo) == before


def test_refuses_to_overwrite_any_file_and_writes_nothing(cli, tmp_path):
    led = tmp_path / "l"
    led.mkdir()
    (led / "units.yaml").write_text("- id: 我们自己的单位\n", encoding="utf-8")
    before = tree(tmp_path)
    r = cli("init", led)
    assert r.exit_code == 2, r
    assert "units.yaml" in r.stderr
    assert tree(tmp_path) == before
    assert not (led / ".git").exists()


def test_a_fresh_clone_keeps_its_readme_and_gitignore(cli, tmp_path):
    """`git clone` of a new, empty hosted repository, then init in it: its README and .gitignore stay as they are."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    (origin / "README.md").write_text("# 某区改革台账\n", encoding="utf-8")
    (origin / ".gitignore").write_text("*.bak\n", encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "Initial commit")
    git(tmp_path, "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    r = cli("init", clone, "--start", "2025-01-01")
    assert r.exit_code == 0, r
    assert "left alone (exists already): README.md" in r.stderr
    assert (clone / "README.md").read_text(encoding="utf-8") == "# 某区改革台账\n"
    assert (clone / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"
    assert git(clone, "rev-list", "--count", "HEAD").strip() == "2"
    assert git(clone, "status", "--porcelain") == ""
    assert cli("check", "--strict", cwd=clone).exit_code == 0


def test_bad_options_are_usage_errors(cli, tmp_path):
    for args, said in (
        (["--start", "2025-02-30"], "--start 2025-02-30 is not a day: February 2025 has 28 days"),
        (["--level", "province"], "'province'"),
        (["--name", "  "], "--name must not be empty"),
    ):
        r = cli("init", tmp_path / "l", *args)
        assert r.exit_code == 2 and said in r.stderr, (args, r)
        assert not (tmp_path / "l").exists()


def test_subfolder_of_an_existing_repository(cli, tmp_path):
    """In an existing repository: no new repository, CI files at its root (never overwritten), the user's own
    staged and unstaged work left exactly as it was, and the commands pointed at the sub-folder."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / ".gitlab-ci.yml").write_text("test:\n  script: [make]\n", encoding="utf-8")
    (repo / "notes.txt").write_text("v1\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ours")
    (repo / "notes.txt").write_text("v2 staged\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    (repo / "draft.txt").write_text("untracked\n", encoding="utf-8")
    status_before = git(repo, "status", "--porcelain")

    r = cli("init", "改革 台账", cwd=repo)
    assert r.exit_code == 0, r
    assert "left alone" in r.stderr and ".gitlab-ci.yml" in r.stderr
    assert not (repo / "改革 台账" / ".git").exists()
    assert (repo / ".gitlab-ci.yml").read_text(encoding="utf-8") == "test:\n  script: [make]\n"
    assert git(repo, "status", "--porcelain") == status_before  # the user's work untouched, nothing else left
    changed = set(git(repo, "-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD").split("\n")) - {
        ""
    }
    assert "notes.txt" not in changed and ".gitlab-ci.yml" not in changed
    assert {"改革 台账/reformctl.yaml", ".github/workflows/reformctl.yml", ".pre-commit-config.yaml"} <= changed
    assert git(repo, "show", "HEAD:notes.txt") == "v1\n"

    wf = yaml.safe_load((repo / ".github/workflows/reformctl.yml").read_text(encoding="utf-8"))
    assert wf["env"] == {"REFORMCTL_LEDGER": "改革 台账"}
    pc = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert pc["repos"][0]["hooks"][0]["args"] == ["--ledger", "改革 台账"]
    vs = json.loads((repo / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert vs["yaml.schemas"]["./改革 台账/schemas/task.schema.json"] == ["/改革 台账/tasks/*.yaml"]
    r = cli("check", "--strict", cwd=repo, env={"REFORMCTL_LEDGER": "改革 台账"})
    assert r.exit_code == 0, r


@pytest.mark.parametrize("links", [True, False])
def test_a_failed_commit_leaves_everything_as_it_was(cli, tmp_path, monkeypatch, links):
    """A commit hook that refuses: init removes what it wrote and leaves index, tree and HEAD as they were, whether
    the index is put back from a hard link or, on a file system without them, unstaged with git (where init
    failed outright); with the hook gone, init succeeds either way and leaves no copy of the index behind."""
    import os

    if not links:

        def no_link(*_a, **_k):
            raise OSError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
    repo = new_repo(tmp_path / "repo", {"a.txt": "a\n"}, "a")
    (repo / "a.txt").write_text("a2\n", encoding="utf-8")
    git(repo, "add", "a.txt")
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'refused by policy' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before, head = tree(repo), git(repo, "rev-parse", "HEAD")
    index = git(repo, "ls-files", "--stage")
    r = cli("init", repo / "ledger")
    assert r.exit_code == 1, r  # a failed write, as any write's: not a bad request
    assert "refused by policy" in r.stderr
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "ls-files", "--stage") == index
    work = lambda t: {k: v for k, v in t.items() if not k.startswith(".git/")}  # noqa: E731
    assert work(tree(repo)) == work(before)
    assert git(repo, "status", "--porcelain") == "M  a.txt\n"
    assert not list((repo / ".git").glob("index.*"))
    hook.unlink()
    assert cli("init", repo / "ledger").exit_code == 0
    assert git(repo, "status", "--porcelain") == "M  a.txt\n" and not list((repo / ".git").glob("index.*"))


def test_no_git_identity_is_refused_before_writing(cli, tmp_path):
    env = {
        k: None for k in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL")
    }
    # useConfigOnly: git must not guess an identity from the host name
    env.update({"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.useConfigOnly", "GIT_CONFIG_VALUE_0": "true"})
    r = cli("init", tmp_path / "l", env=env)
    assert r.exit_code == 2, r
    assert "git config --global user.name" in r.stderr
    assert not (tmp_path / "l").exists()


def test_init_through_python_m(tmp_path):
    """The installed entry point works end to end (python -m reformctl)."""
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "reformctl", "init", str(tmp_path / "x"), "--start", "2025-01-01"],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "x" / "reformctl.yaml").is_file()
