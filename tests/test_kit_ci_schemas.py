"""The files `reformctl init` writes for GitHub, GitLab and pre-commit validate against those tools' own schemas
(check-jsonschema's vendored copies of the SchemaStore schemas, offline; pre-commit's own validators)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO, git

pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the `test` extra: pip install -e '.[test]'")
pytest.importorskip("pre_commit", reason="pre-commit is in the `test` extra: pip install -e '.[test]'")


def validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True)


@pytest.mark.parametrize("where", ["root", "sub-folder"])
def test_ci_files_match_the_tools_schemas(cli, tmp_path, where):
    if where == "root":
        repo = led = tmp_path / "l"
    else:
        repo = tmp_path / "repo"
        repo.mkdir()
        git(repo, "init", "-q")
        led = repo / "改革 台账"
    assert (
        cli(
            "init",
            led,
            "--start",
            "2025-01-01",
            "--install-spec",
            "reformctl @ git+https://example.org/r@v1",
            "--hooks-repo",
            "https://example.org/reformctl.git",
            "--hooks-rev",
            "v1",
        ).exit_code
        == 0
    )
    checks = [
        (
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(repo / ".github/workflows/reformctl.yml"),
        ),
        ("check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(repo / ".gitlab-ci.yml")),
        ("pre_commit", "validate-config", str(repo / ".pre-commit-config.yaml")),
    ]
    for args in checks:
        r = validate(*args)
        assert r.returncode == 0, (args, r.stdout, r.stderr)


def test_the_validator_catches_a_broken_workflow(cli, tmp_path):
    """The check above can fail: a misspelt key is refused."""
    led = tmp_path / "l"
    assert cli("init", led, "--start", "2025-01-01").exit_code == 0
    wf = led / ".github/workflows/reformctl.yml"
    wf.write_text(wf.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    r = validate("check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(wf))
    assert r.returncode == 1, r


def test_the_shipped_hook_manifest_is_valid():
    r = validate("pre_commit", "validate-manifest", str(REPO / ".pre-commit-hooks.yaml"))
    assert r.returncode == 0, (r.stdout, r.stderr)
