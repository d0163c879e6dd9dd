"""The public library API of `check --base` (reformctl.actions.changes), as `import` uses it."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO
from reformctl.actions import changes as basecheck


def test_compare_item_is_public_and_documented():
    assert "compare_item" in basecheck.__all__
    assert basecheck.compare_item.__doc__ and "import" in basecheck.compare_item.__doc__


def test_compare_item_reports_the_rules_of_a_change():
    old = {
        "id": "T-1",
        "due": "2016-12-31",
        "status": "in_progress",
        "progress": [{"date": "2016-08-31", "note": "部署"}],
    }
    new = {"id": "T-1", "due": "2017-03-31", "status": "planned", "progress": []}
    got = {d.code: d for d in basecheck.compare_item("task", "tasks/T-1.yaml", old, new, "HEAD")}
    assert set(got) == {"append_only", "due_without_extension", "status_backwards"}
    assert all(d.file == "tasks/T-1.yaml" for d in got.values())
    assert got["due_without_extension"].path == ("due",)
    assert basecheck.compare_item("task", "tasks/T-1.yaml", old, dict(old), "HEAD") == []


def _private_imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("basecheck"):
            out += [a.name for a in node.names if a.name.startswith("_")]
    return out


def test_no_module_reaches_into_private_names_of_basecheck():
    offenders = {
        str(p.relative_to(REPO)): names for p in (REPO / "reformctl").rglob("*.py") if (names := _private_imports(p))
    }
    assert offenders == {}
