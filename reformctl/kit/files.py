"""What `reformctl init` writes: every file of a new ledger and its repository, as text, from the templates.

The files come from ``reformctl/kit/templates/`` (placeholders ``@@NAME@@``, replaced verbatim: the templates hold
GitHub and shell ``${...}`` syntax, so no template engine is used). Pure text: nothing here touches the disk
except reading the templates of the package.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from importlib import resources

from .. import __version__
from ..base.origin import Origin, hooks_source, origin
from ..errors import InitError
from ..i18n.write import Msg
from ..model import FOLDER_KINDS, SETTINGS_FILE

# What CI installs, when neither --install-spec nor this variable says: the spec the running reformctl was
# itself installed from (reformctl/base/origin.py), or a refusal asking for one; never a guessed package index.
INSTALL_SPEC_ENV = "REFORMCTL_INSTALL_SPEC"
DEFAULT_NAME = "改革落实台账"
SCHEMA_DIR = "schemas"
# In the ledger folder, but a freshly cloned empty repository often has them already: left alone when present.
OPTIONAL_FILES = ("README.md", ".gitignore")


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
            raise InitError(Msg("in_no_spec", where=running.describe(), rev=rev, env=INSTALL_SPEC_ENV))
    if bool(hooks_repo) != bool(hooks_rev):
        raise InitError(Msg("in_hooks_pair"))
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
