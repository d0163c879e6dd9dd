"""The CI files `reformctl init` writes (issue 7): valid YAML, and every reformctl command in them is one the CLI
accepts. The commands are extracted from the files and run, as CI would, in a clone of a real ledger repository
whose `origin/main` is the base of a change."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import GOOD_TASK, git, new_repo
from hookserver import Hook

COMMAND = re.compile(r"^\s*((?:[A-Z_]+=\S+\s+)*)reformctl\s(.*)$")


def expand(text: str, variables: dict[str, str]) -> str:
    """GitHub expressions and shell variables, as the runner would expand them (unknown ones fail the test)."""

    def gh(m):
        return variables[m.group(1)]

    text = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", gh, text)
    return re.sub(r"\$\{?(\w+)\}?", lambda m: variables[m.group(1)], text)


def reformctl_lines(script: str) -> list[str]:
    return [line for line in script.splitlines() if COMMAND.match(line)]


def github_commands(path: Path) -> dict[str, list[tuple[str, dict]]]:
    """job -> [(command line, env of its step)] of a GitHub Actions workflow."""
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))  # YAML 1.1 readers turn the key `on` into True
    assert {"pull_request", "schedule"} <= set(on)
    out = {}
    for name, job in wf["jobs"].items():
        cmds = []
        for step in job["steps"]:
            env = {**wf.get("env", {}), **job.get("env", {}), **step.get("env", {})}
            cmds += [(line, env) for line in reformctl_lines(step.get("run", ""))]
        out[name] = cmds
    return out


def gitlab_commands(path: Path) -> dict[str, list[tuple[str, dict]]]:
    ci = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for name, job in ci.items():
        if name.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        env = {**ci.get("variables", {}), **job.get("variables", {})}
        out[name] = [(line, env) for s in job["script"] for line in reformctl_lines(s)]
    return out


def run(line: str, step_env: dict, variables: dict, cwd: Path) -> subprocess.CompletedProcess:
    """Run one extracted command line with the real CLI: `VAR=x reformctl ARGS [> file] [|| true]`."""
    variables = {**variables, **{k: expand(str(v), variables) for k, v in step_env.items()}}
    m = COMMAND.match(line)
    assigns, rest = m.group(1), m.group(2)
    env = {**os.environ, **{k: str(v) for k, v in step_env.items() if k.isupper()}}
    env = {k: expand(v, variables) if k in step_env else v for k, v in env.items()}
    for a in shlex.split(assigns):
        k, v = a.split("=", 1)
        env[k] = v
    rest = re.sub(r"\s*\|\|\s*true\s*$", "", rest)
    redirect = None
    if r := re.search(r"\s+>\s*(\S+)\s*$", rest):
        redirect, rest = cwd / expand(r.group(1), variables), rest[: r.start()]
    args = shlex.split(expand(rest, variables))
    res = subprocess.run([sys.executable, "-m", "reformctl", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if redirect is not None:
        redirect.write_text(res.stdout, encoding="utf-8")
    return res


@pytest.fixture
def hook():
    h = Hook()
    yield h
    h.close()


def secrets(hook: Hook) -> dict[str, str]:
    """The repository's secrets as the scheduled job reads them: the webhook is the local test server."""
    return {"secrets.REFORMCTL_WEBHOOK_URL": hook.url("/hooks/reformctl"), "secrets.REFORMCTL_WEBHOOK_SECRET": ""}


@pytest.fixture
def pr_clone(cli, tmp_path):
    """An init'ed ledger pushed as `main` to a bare 'origin', cloned, with a branch adding a good task."""
    src = tmp_path / "src"
    assert (
        cli(
            "init", src, "--start", "2025-01-01", "--install-spec", "reformctl @ git+https://example.org/r.git@v1"
        ).exit_code
        == 0
    )
    git(tmp_path, "clone", "-q", "--bare", str(src), "origin.git")
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), "work")
    git(work, "checkout", "-q", "-b", "add-task")
    (work / "tasks/T-2025-001.yaml").write_text(GOOD_TASK, encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "新增任务")
    return work


def test_workflow_files_are_valid_yaml_and_install_the_given_spec(pr_clone):
    for rel in (".github/workflows/reformctl.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        assert isinstance(yaml.safe_load((pr_clone / rel).read_text(encoding="utf-8")), dict), rel
    wf = yaml.safe_load((pr_clone / ".github/workflows/reformctl.yml").read_text(encoding="utf-8"))
    installs = [
        s["run"].strip() for job in wf["jobs"].values() for s in job["steps"] if "pip install" in s.get("run", "")
    ]
    assert len(installs) == 2
    for line in installs:
        assert shlex.split(line) == ["pip", "install", "reformctl @ git+https://example.org/r.git@v1"]
    assert wf["jobs"]["check"]["steps"][0]["with"]["fetch-depth"] == 0
    gl = yaml.safe_load((pr_clone / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert shlex.split(gl[".reformctl"]["before_script"][0]) == [
        "pip",
        "install",
        "reformctl @ git+https://example.org/r.git@v1",
    ]
    assert gl["reformctl-check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


def test_github_workflow_commands_run(pr_clone, tmp_path, hook):
    cmds = github_commands(pr_clone / ".github/workflows/reformctl.yml")
    summary = tmp_path / "step-summary.md"
    variables = {"github.base_ref": "main", "GITHUB_STEP_SUMMARY": str(summary), **secrets(hook)}
    assert any("--base" in line for line, _ in cmds["check"]), cmds
    for line, env in cmds["check"]:  # the pull request job, on a good change
        r = run(line, env, variables, pr_clone)
        assert r.returncode == 0, (line, r.stdout, r.stderr)
    text = summary.read_text(encoding="utf-8")
    assert "### reformctl check" in text and "### Red items" in text
    for job in ("status",):  # the scheduled job, on the default branch
        for line, env in cmds[job]:
            r = run(line, env, variables, pr_clone)
            assert r.returncode == 0, (line, r.stdout, r.stderr)
    assert any(line.strip() == "reformctl status" for line, _ in cmds["status"])
    # the digest went to the webhook of the repository's secret
    ((notify, env),) = [(x, e) for x, e in cmds["status"] if x.strip() == "reformctl notify"]
    assert env["REFORMCTL_WEBHOOK_URL"] == "${{ secrets.REFORMCTL_WEBHOOK_URL }}"
    assert len(hook.requests) == 1 and json.loads(hook.requests[0]["body"])["lang"] == "zh"

    # a bad change: the pull request job fails, with annotations on the changed file
    (pr_clone / "tasks/T-2025-001.yaml").write_text(GOOD_TASK.replace("市委深改办", "不存在的单位"), encoding="utf-8")
    git(pr_clone, "commit", "-q", "-am", "坏的改动")
    ((line, env),) = [(x, e) for x, e in cmds["check"] if "--base" in x]
    r = run(line, env, variables, pr_clone)
    assert r.returncode == 1, (line, r.stdout, r.stderr)
    assert "::error file=tasks/T-2025-001.yaml,line=3" in r.stdout
    assert "| `tasks/T-2025-001.yaml` | 3 | error | `unknown_unit` |" in summary.read_text(encoding="utf-8")


def test_github_base_rules_apply_to_the_pull_request(pr_clone, tmp_path):
    """`--base` compares with the PR's base: deleting an item file that exists on main is refused."""
    cmds = github_commands(pr_clone / ".github/workflows/reformctl.yml")
    ((line, env),) = [(x, e) for x, e in cmds["check"] if "--base" in x]
    variables = {"github.base_ref": "main", "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")}
    git(pr_clone, "push", "-q", "origin", "add-task:main")
    git(pr_clone, "fetch", "-q", "origin")
    git(pr_clone, "checkout", "-q", "-b", "delete-task")
    git(pr_clone, "rm", "-q", "tasks/T-2025-001.yaml")
    git(pr_clone, "commit", "-q", "-m", "删除任务")
    r = run(line, env, variables, pr_clone)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "T-2025-001" in r.stdout


def test_gitlab_commands_run_and_write_a_code_quality_report(pr_clone):
    cmds = gitlab_commands(pr_clone / ".gitlab-ci.yml")
    variables = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    for line, env in cmds["reformctl-check"] + cmds["reformctl-status"]:
        r = run(line, env, variables, pr_clone)
        assert r.returncode == 0, (line, r.stdout, r.stderr)
    assert json.loads((pr_clone / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    (pr_clone / "gl-code-quality-report.json").unlink()
    (pr_clone / "tasks/T-2025-001.yaml").write_text(GOOD_TASK.replace("市委深改办", "不存在的单位"), encoding="utf-8")
    git(pr_clone, "commit", "-q", "-am", "坏的改动")
    codes = []
    for line, env in cmds["reformctl-check"]:
        codes.append(run(line, env, variables, pr_clone).returncode)
    assert codes == [1, 1]  # the report is written (`|| true` keeps the job going), then the job fails
    report = json.loads((pr_clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {(e["check_name"], e["location"]["path"], e["location"]["lines"]["begin"]) for e in report} == {
        ("unknown_unit", "tasks/T-2025-001.yaml", 3)
    }


def test_notify_only_when_the_secret_is_set(pr_clone, hook):
    """The notify step of each CI file is guarded by the webhook variable: run the guard as the runner's shell."""
    wf = yaml.safe_load((pr_clone / ".github/workflows/reformctl.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in wf["jobs"]["status"]["steps"] if "reformctl notify" in s.get("run", "")]
    gl = yaml.safe_load((pr_clone / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    (line,) = [x for x in gl["reformctl-status"]["script"] if "reformctl notify" in x]
    for script in (step["run"], line):
        for url, posts in (("", 0), (hook.url("/h"), 1)):
            before = len(hook.requests)
            env = {**os.environ, "REFORMCTL_WEBHOOK_URL": url, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
            r = subprocess.run(
                [
                    "bash",
                    "-e",
                    "-c",
                    script.replace("reformctl notify", f"{shlex.quote(sys.executable)} -m reformctl notify"),
                ],
                cwd=pr_clone,
                env=env,
                capture_output=True,
                text=True,
            )
            assert r.returncode == 0, (script, r.stdout, r.stderr)
            assert len(hook.requests) - before == posts


def test_commands_find_a_ledger_in_a_sub_folder(cli, tmp_path, hook):
    repo = new_repo(tmp_path / "repo", {"README.md": "other things\n"}, "start")
    assert cli("init", repo / "台账", "--start", "2025-01-01").exit_code == 0
    variables = {
        "github.base_ref": "main",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md"),
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
        **secrets(hook),
    }
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    gh = github_commands(repo / ".github/workflows/reformctl.yml")
    gl = gitlab_commands(repo / ".gitlab-ci.yml")
    for line, env in [*gh["check"], *gh["status"], *gl["reformctl-check"], *gl["reformctl-status"]]:
        assert env.get("REFORMCTL_LEDGER") == "台账"
        r = run(line, env, variables, repo)  # from the repository root, as CI runs
        assert r.returncode == 0, (line, r.stdout, r.stderr)
