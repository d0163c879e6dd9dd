"""Install paths that exist: `reformctl --version` and `reformctl init` know how the running reformctl was
installed (pip's direct_url.json, PEP 610) and write that into the CI files and the pre-commit config, or ask
for --install-spec; never a package index or a tag that does not exist.

The installs are real: pip installs a snapshot of this checkout from a git URL (git's `insteadOf` maps the
https URL to the local snapshot, so pip records the https URL as if it came from a server), from a wheel file,
and from a folder of wheels as a package index. Needs pip to find setuptools and wheel to build (a package
index, or the local mirror); skips otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import git
from test_kit_precommit import snapshot_of_checkout

SERVER = "https://git.example.org/tools/reformctl.git"


def run(target: Path | None, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """reformctl run by a Python whose import path starts with ``target`` (None: this checkout, as a source)."""
    env = dict(env or os.environ)
    env.pop("REFORMCTL_INSTALL_SPEC", None)
    env["PYTHONPATH"] = str(target) if target else str(Path(__file__).resolve().parents[1])
    return subprocess.run([sys.executable, "-m", "reformctl", *args], cwd=cwd, capture_output=True, text=True, env=env)


def pip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_NO_INPUT": "1"},
    )


@pytest.fixture(scope="session")
def installs(tmp_path_factory):
    """A snapshot of this checkout served (via insteadOf) at SERVER, installed three ways with pip --target
    (once per test run: the README walkthrough uses it too)."""
    base = tmp_path_factory.mktemp("installs")
    home = base / "home"
    home.mkdir()
    # git's global config (insteadOf) away from the developer's, and an identity for the snapshot's commit
    saved = {
        k: os.environ.get(k)
        for k in (
            "HOME",
            "GIT_CONFIG_NOSYSTEM",
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
        )
    }
    os.environ.update(
        {
            "HOME": str(home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "测试员",
            "GIT_AUTHOR_EMAIL": "tester@example.org",
            "GIT_COMMITTER_NAME": "测试员",
            "GIT_COMMITTER_EMAIL": "tester@example.org",
        }
    )
    try:
        snap = base / "snapshot"
        _url, sha = snapshot_of_checkout(snap)
        git(base, "config", "--global", f"url.file://{snap}.insteadOf", SERVER)
        git(snap, "tag", "v0.1.0")
        r = pip("install", "--no-deps", "--target", str(base / "vcs"), f"git+{SERVER}@{sha}", cwd=base)
        if r.returncode != 0:
            pytest.skip(f"pip cannot build reformctl here (no package index?): {r.stderr[-500:]}")
        r = pip("wheel", "--no-deps", "-w", str(base / "wheels"), str(snap), cwd=base)
        assert r.returncode == 0, r.stderr
        (wheel,) = (base / "wheels").glob("reformctl-*.whl")
        r = pip("install", "--no-deps", "--target", str(base / "archive"), str(wheel), cwd=base)
        assert r.returncode == 0, r.stderr
        r = pip(
            "install",
            "--no-deps",
            "--no-index",
            "--find-links",
            str(base / "wheels"),
            "--target",
            str(base / "index"),
            "reformctl==0.1.0",
            cwd=base,
        )
        assert r.returncode == 0, r.stderr
        yield {"base": base, "snap": snap, "sha": sha, "wheel": wheel, "home": home}
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_version_of_a_git_install_names_the_commit(installs, tmp_path):
    r = run(installs["base"] / "vcs", "--version", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"reformctl 0.1.0 (git {installs['sha'][:12]}, installed from {SERVER})"


def test_version_of_a_source_checkout_names_its_commit(tmp_path):
    checkout = Path(__file__).resolve().parents[1]
    head = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    r = run(None, "--version", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(
        (
            f"reformctl 0.1.0 (source checkout {checkout}, git {head.stdout.strip()[:12]}",
            f"reformctl 0.1.0 (editable install of {checkout}, git {head.stdout.strip()[:12]}",
        )
    )


def test_version_of_an_index_install_is_the_version(installs, tmp_path):
    r = run(installs["base"] / "index", "--version", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "reformctl 0.1.0"


def test_init_from_a_git_install_pins_that_commit(installs, tmp_path):
    env = {**os.environ, "HOME": str(installs["home"])}
    r = run(installs["base"] / "vcs", "init", str(tmp_path / "l"), "--start", "2025-01-01", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    sha = installs["sha"]
    workflow = (tmp_path / "l/.github/workflows/reformctl.yml").read_text(encoding="utf-8")
    assert f"pip install 'reformctl @ git+{SERVER}@{sha}'" in workflow
    assert f"pip install 'reformctl @ git+{SERVER}@{sha}'" in (tmp_path / "l/.gitlab-ci.yml").read_text("utf-8")
    (repo,) = yaml.safe_load((tmp_path / "l/.pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert (repo["repo"], repo["rev"]) == (SERVER, sha)
    # that revision exists in that repository (the server is the snapshot, through insteadOf)
    assert git(installs["snap"], "cat-file", "-t", repo["rev"]).strip() == "commit"
    assert "reformctl==" not in workflow


def test_init_from_an_index_install_uses_the_version_and_a_local_hook(installs, tmp_path):
    r = run(installs["base"] / "index", "init", str(tmp_path / "l"), "--start", "2025-01-01", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "pip install reformctl==0.1.0\n" in (tmp_path / "l/.github/workflows/reformctl.yml").read_text("utf-8")
    (repo,) = yaml.safe_load((tmp_path / "l/.pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    (hook,) = repo["hooks"]
    assert hook["id"] == "reformctl-check" and hook["language"] == "python"
    assert hook["additional_dependencies"] == ["reformctl==0.1.0"] and hook["entry"] == "reformctl check"
    assert hook["pass_filenames"] is False


@pytest.mark.parametrize("how", ["archive", "source"])
def test_init_from_a_local_install_asks_for_a_spec_and_writes_nothing(installs, tmp_path, how):
    target = installs["base"] / "archive" if how == "archive" else None
    r = run(target, "init", str(tmp_path / "l"), "--start", "2025-01-01", cwd=tmp_path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "--install-spec" in r.stderr and "REFORMCTL_INSTALL_SPEC" in r.stderr and "Traceback" not in r.stderr
    assert "nothing was written" in r.stderr
    assert not (tmp_path / "l").exists()
    zh = run(target, "init", str(tmp_path / "l"), "--lang", "zh", cwd=tmp_path)
    assert zh.returncode == 2 and "请用 --install-spec" in zh.stderr and "未写入任何内容" in zh.stderr
    # given the spec, it goes ahead, and a git spec gives the hook's repository and revision
    r = run(
        target,
        "init",
        str(tmp_path / "l"),
        "--start",
        "2025-01-01",
        "--install-spec",
        f"git+{SERVER}@v0.1.0",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    (repo,) = yaml.safe_load((tmp_path / "l/.pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert (repo["repo"], repo["rev"]) == (SERVER, "v0.1.0")
    assert git(installs["snap"], "cat-file", "-t", "v0.1.0").strip() == "commit"


def test_hooks_repo_and_rev_go_together(cli, tmp_path):
    r = cli("init", tmp_path / "l", "--hooks-repo", SERVER)
    assert r.exit_code == 2 and "--hooks-rev" in r.stderr
    assert not (tmp_path / "l").exists()


def test_the_local_hook_is_a_valid_pre_commit_config(cli, tmp_path):
    pytest.importorskip("pre_commit")
    r = cli(
        "init",
        tmp_path / "l",
        "--install-spec",
        "reformctl @ https://files.example.org/reformctl-0.1.0-py3-none-any.whl",
    )
    assert r.exit_code == 0, r
    v = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=tmp_path / "l",
        capture_output=True,
        text=True,
    )
    assert v.returncode == 0, v.stdout + v.stderr
    config = yaml.safe_load((tmp_path / "l/.pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["hooks"][0]["additional_dependencies"] == [
        "reformctl @ https://files.example.org/reformctl-0.1.0-py3-none-any.whl"
    ]
    assert json.dumps(config)  # plain data


def test_readme_installs_from_where_reformctl_is_and_the_changelog_has_this_version():
    import re

    from conftest import REPO
    from reformctl import __version__

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    # reformctl is on no package index: no bare `pip install reformctl` (nor ==VERSION) as an instruction
    assert not re.search(r"pip install ['\"]?reformctl(==[\d.]+)?['\"]?(\s|$)", readme)
    assert 'pip install "git+https://' in readme and "python -m build" in readme
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in changelog and f"## {__version__} (" in changelog
