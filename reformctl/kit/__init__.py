"""`reformctl init`: create a ledger repository with everything an office needs to start (issue 7).

The files come from ``reformctl/kit/templates/`` (placeholders ``@@NAME@@``, replaced verbatim: the templates hold
GitHub and shell ``${...}`` syntax, so no template engine is used). Everything is written, then committed as
one commit of exactly the written paths; if anything fails, what was written is removed again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
from subprocess import CompletedProcess
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import __version__
from ..errors import InitError
from ..i18n.write import Said
from ..store.git import Git, GitError
from ..model import FOLDER_KINDS, SETTINGS_FILE
from ..base.origin import Origin, hooks_source, origin

# What CI installs, when neither --install-spec nor this variable says: the spec the running reformctl was
# itself installed from (reformctl/base/origin.py), or a refusal asking for one; never a guessed package index.
INSTALL_SPEC_ENV = "REFORMCTL_INSTALL_SPEC"
DEFAULT_NAME = "改革落实台账"
SCHEMA_DIR = "schemas"
# In the ledger folder, but a freshly cloned empty repository often has them already: left alone when present.
OPTIONAL_FILES = ("README.md", ".gitignore")


@dataclass
class InitResult:
    ledger: Path
    repo: Path
    created_repo: bool
    written: list[str] = field(default_factory=list)  # paths relative to the repository root
    skipped: list[str] = field(default_factory=list)
    commit: str = ""


def _template(name: str) -> str:
    return resources.files("reformctl.kit").joinpath("templates", name).read_text(encoding="utf-8")


_PLAIN = re.compile(r"[\w（）()·、.\- ]+")
_RESERVED = re.compile(r"[\d.+\-_:eE]+|true|false|null|~|yes|no|on|off|y|n", re.IGNORECASE)


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string, else double-quoted
    (a JSON string is a valid YAML 1.2 double-quoted scalar)."""
    if text and _PLAIN.fullmatch(text) and text[0] not in "-. " and text[-1] != " " and not _RESERVED.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    left = re.findall(r"@@\w+@@", text)
    assert not left, f"template placeholders left: {left}"
    return text


def _git(cwd: Path, *args: str, check: bool = True) -> CompletedProcess:
    return Git(cwd).run(*args, check=check)


def _repo_top(path: Path) -> Path | None:
    """The work tree root of the git repository holding ``path`` (which may not exist yet), or None."""
    probe = path
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return None
    top = Git(probe).toplevel()
    return top.resolve() if top is not None else None


# Each default says whose figure it is: the seed's (《实施意见》 gives the number) or the tool's own choice
# (the seed gives none); both can be changed here.
RULE_COMMENTS = {
    "update_interval_months": "R11 每两个月更新一次改革台账（原文数值）",
    "report_due_days": "R15 季度结束后多少天内报送季报（本工具默认值：原文未规定天数）",
    "pilot_term_months": "R4 试点期限一般为1年（原文数值）",
    "pilot_max_months": "R4 试点期限原则上不超过2年（原文数值）",
    "pilot_filing_days": "R5 试点启动后多少天内备案（本工具默认值：原文只说“及时”）",
    "due_soon_days": "黄灯提前天数（本工具默认值：原文未规定）",
    "year_grace_days": "年度事项（工作要点、重大任务清单、推广清单、案例汇编、年末销账）年末后宽限天数（本工具默认值：原文未规定）",
    "docking_days": "上级方案印发后下级对接的天数（本工具默认值：原文未规定天数）",
}


def _rules_block(defaults: dict) -> str:
    """The `rules:` mapping with every key at its default (from the model) and a comment naming its rule and
    whose figure it is (the seed's, or the tool's own choice where the seed gives no number)."""
    lines = [
        "# 规则参数，均可省略；下列数值即默认值。标“原文数值”的取自《实施意见》，标“本工具默认值”的是原文",
        "# 未给出数字时本工具的选择，可按本地规定修改。",
        "rules:",
    ]
    for key, value in defaults.items():
        lines.append(f"  {key}: {value}".ljust(33) + f"  # {RULE_COMMENTS.get(key, '')}".rstrip())
    return "\n".join(lines) + "\n"


MEMBERS_WORKFLOW = ".github/workflows/reformctl-members.yml"
MEMBERS_EXAMPLE = """# 下级台账（一级抓一级）：取消注释并逐个列出；reformctl fetch 只读获取，reformctl status --members 汇总
# members:
#   - {unit: 某区委, repo: https://git.example.org/district/ledger.git, branch: main}
"""


def sources(
    install_spec: str | None, hooks_repo: str | None = None, hooks_rev: str | None = None, running: Origin | None = None
) -> tuple[str, str | None, str | None]:
    """(what CI installs, the hook's repository, its revision) for a new ledger.

    The install spec: the one given, else the one the running reformctl was installed from; when that cannot be
    installed elsewhere (a local folder or file, a source checkout), :class:`InitError` asks for one. The hook:
    the repository and revision given (both or neither), else those of a ``git+URL@REV`` spec; for any other
    spec (None, None): the hook is then a local one that pip-installs the spec itself, so no revision that
    does not exist is ever written."""
    spec = (install_spec or "").strip()
    if not spec:
        running = running or origin()
        spec = running.install_spec() or ""
        if not spec:
            rev = running.commit[:12] if running.commit else f"v{__version__}"
            raise InitError(Said("in_no_spec", where=running.describe(), rev=rev, env=INSTALL_SPEC_ENV))
    if bool(hooks_repo) != bool(hooks_rev):
        raise InitError(Said("in_hooks_pair"))
    if hooks_repo and hooks_rev:
        return spec, hooks_repo, hooks_rev
    found = hooks_source(spec)
    return (spec, *found) if found else (spec, None, None)


def _precommit_repo(hooks_repo: str | None, hooks_rev: str | None, install_spec: str, hook_args: str) -> str:
    """The ``repos:`` entry of .pre-commit-config.yaml: the hook of reformctl's repository at a pinned revision,
    or, when reformctl does not come from a git repository, a local hook that installs the same spec as CI."""
    if hooks_repo and hooks_rev:
        repo = yaml_scalar(hooks_repo) if re.fullmatch(r"[\w.:/@~+\-]+", hooks_repo) else json.dumps(hooks_repo)
        return (
            f"  - repo: {repo}\n    rev: {json.dumps(hooks_rev)}\n    hooks:\n      - id: reformctl-check\n" + hook_args
        )
    return (
        "  # reformctl 不是从 git 仓库安装的：由 pre-commit 按下面的 additional_dependencies 自行安装（与 CI 相同）\n"
        "  - repo: local\n    hooks:\n      - id: reformctl-check\n"
        "        name: reformctl check (改革台账检查)\n        entry: reformctl check\n        language: python\n"
        f"        additional_dependencies: [{json.dumps(install_spec, ensure_ascii=False)}]\n"
        "        pass_filenames: false\n        files: \\.ya?ml$\n" + hook_args
    )


def plan(
    ledger_prefix: str,
    *,
    name: str,
    level: str,
    start: dt.date,
    install_spec: str,
    hooks_repo: str | None = None,
    hooks_rev: str | None = None,
    upper: bool = False,
) -> tuple[dict[str, str], dict[str, str]]:
    """(ledger files relative to the ledger, repository files relative to the repository root) -> content.

    ``ledger_prefix`` is the ledger's folder relative to the repository root ("" when it is the root)."""
    from ..model.records import RuleSettings
    from ..model.schemas import dumps, generate

    pre = f"{ledger_prefix}/" if ledger_prefix else ""
    town = "市" if level == "city" else "区"
    values = {
        "NAME": yaml_scalar(name),
        "LEVEL": level.ljust(8),
        "START": start.isoformat(),
        "SCHEMAS": SCHEMA_DIR,
        "P": f"{town}委",
        "P2": town,
    }
    values["RULES"] = _rules_block(RuleSettings().model_dump(exclude={"extra"}))

    ledger: dict[str, str] = {
        SETTINGS_FILE: _fill(_template("reformctl.yaml"), values),
        "units.yaml": _fill(_template("units.yaml"), values),
        "README.md": _fill(_template("README.md"), {**values, "NAME": name}),
        ".gitignore": _template("gitignore"),
    }
    for kind in FOLDER_KINDS:
        ledger[f"{kind.folder}/.gitkeep"] = ""
    schemas = generate()
    for fname, schema in schemas.items():
        ledger[f"{SCHEMA_DIR}/{fname}"] = dumps(schema)

    ci = {
        "INSTALL_SPEC": shlex.quote(install_spec),
        "ENV": f"\nenv:\n  REFORMCTL_LEDGER: {yaml_scalar(ledger_prefix)}\n" if ledger_prefix else "",
        "VARIABLES": f"  REFORMCTL_LEDGER: {yaml_scalar(ledger_prefix)}\n" if ledger_prefix else "",
        "HOOKS": _precommit_repo(
            hooks_repo,
            hooks_rev,
            install_spec,
            f"        args: {json.dumps(['--ledger', ledger_prefix], ensure_ascii=False)}\n" if ledger_prefix else "",
        ),
    }
    mapping = {}
    for fname in schemas:
        stem = fname.removesuffix(".schema.json")
        glob = {"settings": SETTINGS_FILE, "units": "units.yaml", "commissioners": "commissioners.yaml"}.get(stem)
        if glob is None:
            folder = next(k.folder for k in FOLDER_KINDS if k.name == stem)
            glob = f"{folder}/*.yaml"
        mapping[f"./{pre}{SCHEMA_DIR}/{fname}"] = [f"/{pre}{glob}"]
    settings = {
        "yaml.schemas": mapping,
        "yaml.yamlVersion": "1.2",
        "files.encoding": "utf8",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
    }
    # written next to the repository root (GitHub, GitLab, pre-commit and VS Code read them there); when the
    # ledger is a sub-folder of an existing repository and one of them exists already, it is left alone and reported
    repo = {
        ".github/workflows/reformctl.yml": _fill(_template("github/reformctl.yml"), ci),
        ".gitlab-ci.yml": _fill(_template("gitlab-ci.yml"), ci),
        ".pre-commit-config.yaml": _fill(_template("pre-commit-config.yaml"), ci),
        ".vscode/settings.json": json.dumps(settings, ensure_ascii=False, indent=2) + "\n",
        ".vscode/extensions.json": _template("vscode/extensions.json"),
    }
    if upper:  # an office above others: the scheduled roll-up of its members, and where to list them
        repo[MEMBERS_WORKFLOW] = _fill(_template("github/reformctl-members.yml"), ci)
        repo[".gitlab-ci.yml"] += _fill(_template("gitlab-ci-members.yml"), ci)  # the same job for GitLab
        ledger[SETTINGS_FILE] = ledger[SETTINGS_FILE].rstrip("\n") + "\n" + MEMBERS_EXAMPLE
    return ledger, repo


def init(
    path: Path,
    *,
    name: str = DEFAULT_NAME,
    level: str = "city",
    start: dt.date,
    install_spec: str | None = None,
    hooks_repo: str | None = None,
    hooks_rev: str | None = None,
    commit: bool = True,
    upper: bool = False,
) -> InitResult:
    """Create a ledger at ``path`` (a new folder, an empty one, or a sub-folder of an existing repository).

    ``install_spec`` None: the spec the running reformctl was installed from (see :func:`sources`)."""
    _one_line(install_spec=install_spec, hooks_repo=hooks_repo, hooks_rev=hooks_rev)
    install_spec, hooks_repo, hooks_rev = sources(install_spec, hooks_repo, hooks_rev)
    if shutil.which("git") is None:
        raise InitError("git is not installed; install git first")
    path = Path(os.path.abspath(path))
    if path.exists() and not path.is_dir():
        raise InitError(f"{path} exists and is not a folder")
    if (path / SETTINGS_FILE).exists():
        raise InitError(f"{path} already holds a ledger ({SETTINGS_FILE}); nothing was written")
    top, created_repo, prefix = _place(path)
    ledger_files, repo_files = plan(
        prefix,
        name=name,
        level=level,
        start=start,
        install_spec=install_spec,
        hooks_repo=hooks_repo,
        hooks_rev=hooks_rev,
        upper=upper,
    )
    clash = [
        rel
        for rel in ledger_files
        if rel not in OPTIONAL_FILES and ((path / rel).exists() or (path / rel).is_symlink())
    ]
    if clash:
        raise InitError(
            f"{path} already holds {', '.join(sorted(clash)[:5])}; init writes only new files, "
            "so pick a new or empty folder; nothing was written"
        )
    if commit:
        _known_committer(top)
    result = InitResult(ledger=path, repo=top, created_repo=created_repo)
    todo = _todo(result, path, top, prefix, ledger_files, repo_files)
    _write(result, top, todo, name if commit else None)
    return result


def _one_line(**values: str | None) -> None:
    """A newline (or any control character) would end the line the value is written on and break the workflow."""
    for key, value in values.items():
        if value is not None and any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in value):
            option = "--" + key.replace("_", "-")
            raise InitError(
                f"{option} holds a control character (such as a newline): give it on one line; nothing was written"
            )


def _place(path: Path) -> tuple[Path, bool, str]:
    """The repository top the ledger goes into (``path`` itself when it is in none), whether that repository is
    to be created, and the ledger's folder relative to it ("" at the top)."""
    top = _repo_top(path)
    created_repo = top is None
    if top is None:
        top = path.resolve() if path.exists() else path
    real = path.resolve() if path.exists() else path
    try:
        prefix = real.relative_to(top).as_posix() if real != top else ""
    except ValueError:  # e.g. a path through a symbolic link into the repository
        prefix = os.path.relpath(real, top).replace(os.sep, "/")
    if prefix == ".":
        prefix = ""
    if prefix.startswith("../"):
        raise InitError(f"cannot tell where {path} lies in the repository at {top}")
    return top, created_repo, prefix


def _known_committer(top: Path) -> None:
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        r = _git(top if top.exists() else Path.cwd(), "var", var, check=False)
        if r.returncode != 0:
            raise InitError(
                "git does not know who you are, so it cannot make the first commit; run\n"
                '  git config --global user.name "你的名字"\n'
                '  git config --global user.email "you@example.org"\n'
                "and try again; nothing was written"
            )


def _todo(
    result: InitResult, path: Path, top: Path, prefix: str, ledger_files: dict, repo_files: dict
) -> dict[str, str]:
    """The files to write, relative to the repository top; optional files and repository files already there are
    kept (and listed as skipped)."""
    pre = f"{prefix}/" if prefix else ""
    todo: dict[str, str] = {}
    for rel, text in ledger_files.items():
        if rel in OPTIONAL_FILES and ((path / rel).exists() or (path / rel).is_symlink()):
            result.skipped.append(pre + rel)
        else:
            todo[pre + rel] = text
    for rel, text in repo_files.items():
        if (top / rel).exists() or (top / rel).is_symlink():
            result.skipped.append(rel)
        else:
            todo[rel] = text
    return todo


def _write(result: InitResult, top: Path, todo: dict[str, str], commit_name: str | None) -> None:
    """Write every file (new files only) and, with a ``commit_name``, commit them; on any failure remove what was
    written and the folders made, and refuse."""
    created_dirs: list[Path] = []
    written: list[Path] = []
    try:
        for rel, text in todo.items():
            target = top / rel
            missing = []
            d = target.parent
            while not d.exists():
                missing.append(d)
                d = d.parent
            for d in reversed(missing):
                d.mkdir()
                created_dirs.append(d)
            with open(target, "x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            written.append(target)
            result.written.append(rel)
        if commit_name is not None:
            if result.created_repo:
                _git(top, "init", "-q")
                if _git(top, "config", "--get", "init.defaultBranch", check=False).returncode != 0:
                    _git(top, "symbolic-ref", "HEAD", "refs/heads/main")
            _git(top, "add", "-f", "--", *result.written)
            message = (
                f"reformctl init: 新建改革落实台账 {commit_name}\n\n"
                f"Created by reformctl {__version__}: settings, units, folders, schemas, CI and editor files.\n\n"
                "Reformctl-Action: init\n"
            )
            _git(top, "commit", "-q", "--only", "-m", message, "--", *result.written)
            result.commit = Git(top).out("rev-parse", "HEAD")
    except (OSError, GitError) as exc:
        _undo(result, written, created_dirs)
        detail = exc.message if isinstance(exc, GitError) and exc.message else str(exc)
        raise InitError(f"could not create the ledger ({detail}); nothing was left behind") from exc


def _undo(result: InitResult, written: list[Path], created_dirs: list[Path]) -> None:
    """Remove what init wrote: unstage it, delete the files and the folders it made, and a repository it made."""
    top = result.repo
    if result.written and (top / ".git").exists() and not result.created_repo:
        has_head = _git(top, "rev-parse", "--verify", "-q", "HEAD", check=False).returncode == 0
        if has_head:
            _git(top, "reset", "-q", "--", *result.written, check=False)
        else:
            _git(top, "rm", "-q", "--cached", "--ignore-unmatch", "--", *result.written, check=False)
    for f in written:
        try:
            f.unlink()
        except OSError:
            pass
    if result.created_repo and (top / ".git").is_dir():
        shutil.rmtree(top / ".git", ignore_errors=True)
    for d in reversed(created_dirs):
        try:
            d.rmdir()
        except OSError:
            pass
