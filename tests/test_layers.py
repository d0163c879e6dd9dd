"""The layering of the package: model -> load -> rules -> store -> views -> cli, dependencies one way."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

ORDER = ["model", "load", "rules", "store", "views", "cli"]
PKG = REPO / "reformctl"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    rel_parts = path.relative_to(PKG).parts
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(rel_parts[:-1])
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                mod = ".".join(base + ([node.module] if node.module else []))
                out.add(mod.split(".")[0] if mod else "")
            elif node.module and node.module.startswith("reformctl."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("reformctl."):
                    out.add(a.name.split(".")[1])
    return out


def test_layers_point_one_way():
    bad = []
    for layer in ORDER:
        for f in (PKG / layer).rglob("*.py"):
            for dep in _imports(f):
                if dep in ORDER and ORDER.index(dep) > ORDER.index(layer):
                    bad.append(f"{f.relative_to(REPO)} imports {dep}")
    assert not bad, bad


def test_rules_do_no_io():
    forbidden = {"open(", "read_text", "write_text", "subprocess", "os.scandir", "git"}
    for f in (PKG / "rules").rglob("*.py"):
        src = f.read_text(encoding="utf-8")
        for word in ("import subprocess", "import git", "from git", ".read_text(", ".write_text(", " open("):
            assert word not in src, f"{f.name} does I/O: {word}"
    assert forbidden
