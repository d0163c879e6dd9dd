"""The layering of the package (docs/architecture.md): every module belongs to a layer, and imports point down.

A layer may import the layers of lower rank only; layers of the same rank (base and i18n; actions and kit)
do not import each other. Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PKG = REPO / "reformctl"

# rank, layer, the top-level names (modules or packages under reformctl/) that belong to it
LAYERS: list[tuple[int, str, set[str]]] = [
    (0, "base", {"__init__", "errors", "base"}),
    (1, "model", {"model"}),
    (0, "i18n", {"i18n"}),
    (2, "load", {"load"}),
    (3, "rules", {"rules"}),
    (4, "store", {"store"}),
    (5, "views", {"views"}),
    (6, "actions", {"actions"}),
    (6, "kit", {"kit"}),
    (7, "api", {"ahead", "api", "asof", "incremental"}),
    (8, "cli", {"cli"}),
    (9, "main", {"__main__"}),
]
LAYER_OF = {name: (rank, layer) for rank, layer, names in LAYERS for name in names}


def _top_names() -> set[str]:
    """What sits at the package root: its modules and its packages."""
    out = {p.stem for p in PKG.glob("*.py")}
    out |= {p.name for p in PKG.iterdir() if p.is_dir() and any(p.glob("*.py"))}  # namespace packages too
    return out


def _owner(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported(path: Path, tops: set[str], text: str | None = None) -> set[str]:
    """The top-level reformctl names that ``path`` (or ``text`` as if it were that module) imports;
    ``__init__`` for the package itself."""
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text)
    here = list(path.relative_to(PKG).parts[:-1])  # the package of the module, relative to reformctl
    out: set[str] = set()

    def add(parts: list[str]) -> None:
        out.add(parts[0] if parts and parts[0] in tops else "__init__")

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
            elif node.module and (node.module == "reformctl" or node.module.startswith("reformctl.")):
                base, node_module = [], node.module.split(".", 1)[1] if "." in node.module else None
                if node_module is None:
                    for a in node.names:
                        add([a.name])
                    continue
                add(node_module.split("."))
                continue
            else:
                continue
            if node.module:
                add(base + node.module.split("."))
            elif base:
                add(base)
            else:
                for a in node.names:  # from . import api, __version__
                    add([a.name])
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("reformctl."):
                    add(a.name.split(".")[1:])
    return out


def test_every_module_has_a_layer():
    tops = _top_names()
    assert {"model", "load", "rules", "store", "views", "cli", "api"} <= tops
    assert sorted(tops - set(LAYER_OF)) == [], "add the new module or package to LAYERS (and docs/architecture.md)"


def test_layers_point_one_way():
    tops = _top_names()
    files = sorted(PKG.rglob("*.py"))
    assert len(files) > 50
    bad = []
    for f in files:
        rank, layer = LAYER_OF[_owner(f)]
        for dep in sorted(_imported(f, tops)):
            dep_rank, dep_layer = LAYER_OF[dep]
            if dep_layer != layer and dep_rank >= rank:
                bad.append(f"{f.relative_to(REPO)} ({layer}) imports {dep} ({dep_layer})")
    assert bad == []


def test_the_import_reader_sees_every_form():
    # the check above is only as good as this reader: each form of import is seen, from any depth
    sub = PKG / "views" / "status.py"
    for src, want in [
        ("from ..store import Git", {"store"}),
        ("from .. import api", {"api"}),
        ("from ..load.cache import Cache", {"load"}),
        ("import reformctl.cli.common", {"cli"}),
        ("from reformctl import actions", {"actions"}),
        ("from . import jsonfast", {"views"}),
        ("def f():\n    from ..kit import init", {"kit"}),
        ("from .. import __version__", {"__init__"}),
    ]:
        assert _imported(sub, _top_names(), src + "\n") == want, src


# Rules are pure: no files, no processes, no network, no clock but the date they are given.
IO_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "subprocess",
    "socket",
    "tempfile",
    "glob",
    "git",
    "urllib",
    "http",
    "sqlite3",
    "pickle",
    "requests",
    "time",
}
IO_CALLS = {"open", "print", "input", "exec", "eval", "__import__"}
IO_METHODS = {
    "read_text",
    "write_text",
    "read_bytes",
    "write_bytes",
    "open",
    "iterdir",
    "glob",
    "rglob",
    "mkdir",
    "unlink",
    "rmdir",
    "stat",
    "lstat",
    "exists",
    "is_file",
    "is_dir",
    "today",
    "now",
    "utcnow",
}


def _io_uses(text: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in IO_MODULES]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            if node.module.split(".")[0] in IO_MODULES:
                found.append(f"from {node.module} import")
        elif isinstance(node, ast.Call):
            fn = node.func
            if isinstance(fn, ast.Name) and fn.id in IO_CALLS:
                found.append(f"{fn.id}()")
            elif isinstance(fn, ast.Attribute) and fn.attr in IO_METHODS:
                found.append(f".{fn.attr}()")
    return found


def test_rules_do_no_io():
    files = sorted((PKG / "rules").rglob("*.py"))
    assert len(files) >= 8
    bad = {str(f.relative_to(REPO)): uses for f in files if (uses := _io_uses(f.read_text(encoding="utf-8")))}
    assert bad == {}


def test_the_io_detector_detects():
    probe = (
        "import subprocess\nfrom pathlib import Path\nimport os.path\n"
        "def f(p):\n    open(p)\n    p.read_text()\n    return dt.date.today()\n"
    )
    assert _io_uses(probe) == [
        "import subprocess",
        "from pathlib import",
        "import os.path",
        "open()",
        ".read_text()",
        ".today()",
    ]


def test_one_module_runs_git():
    """reformctl/store/git.py is the only module that starts processes (git); GitPython is not used."""
    runs = []
    for f in sorted(PKG.rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                top = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                top = {node.module.split(".")[0]}
                if top == {"subprocess"} and {a.name for a in node.names} == {"CompletedProcess"}:
                    continue  # a type, not a process
            else:
                continue
            runs += [f"{f.relative_to(PKG)}: {name}" for name in sorted(top & {"subprocess", "git"})]
    assert runs == ["store/git.py: subprocess"]
