"""The project documents itself: docs/format.md names every file and field of the format, docs/rules.md every
rule code with its article, and no document points outside the repository or at a developer's machine."""

from __future__ import annotations

import re

import pydantic
import pytest

from conftest import REPO
from reformctl.i18n.catalogue import CATALOGUE
from reformctl.model import FOLDER_KINDS
from reformctl.rules.findings import all_rules

DOCS = sorted([REPO / "README.md", REPO / "CHANGELOG.md", *(REPO / "docs").glob("*.md")])
FORMAT = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
RULES_MD = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")

# what a developer's machine looks like in a path: home folders, the root account, a virtualenv's absolute path
MACHINE_PATH = re.compile(r"(?<![\w.])(/home/\w+|/Users/\w+|/root/|/work/|[A-Za-z]:\\Users\\|/\S*venv\S*/bin/)")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_links_stay_inside_the_repository_and_resolve(doc):
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (doc.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(REPO.resolve()), f"{doc.name} links outside the repository: {target}"
        assert path.exists(), f"{doc.name} links to a missing file: {target}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_machine_paths(doc):
    found = MACHINE_PATH.findall(doc.read_text(encoding="utf-8"))
    assert not found, f"{doc.name} names paths of a developer's machine: {found}"


def _models():
    import reformctl.model.records as records

    for obj in vars(records).values():
        if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel) and obj.__module__ == records.__name__:
            yield obj


def test_format_names_every_file_and_field():
    for kind in FOLDER_KINDS:
        assert f"{kind.folder}/" in FORMAT, kind.folder
    for name in ("reformctl.yaml", "units.yaml", "commissioners.yaml"):
        assert name in FORMAT
    missing = [
        f"{model.__name__}.{field}"
        for model in _models()
        for field in model.model_fields
        if not re.search(rf"(?<![\w-]){re.escape(field)}(?=:|`|\b)", FORMAT)
    ]
    assert not missing, f"docs/format.md does not describe: {missing}"


def test_format_has_the_levels_part():
    levels = FORMAT.split("## Levels", 1)[1]
    for word in (
        "members:",
        "reformctl fetch",
        "--bundle",
        "reformctl bundle",
        "--members",
        "--member UNIT",
        "docking_missing",
        "member_stale",
        "member_invalid",
        "dock:",
        "docks:",
        "upper:",
        "docking_days",
    ):
        assert word in levels, word


def test_rules_lists_every_code_with_its_article():
    codes = set(CATALOGUE) | set(all_rules()) | {"docking_missing", "member_stale", "member_invalid"}
    missing = sorted(c for c in codes if f"`{c}`" not in RULES_MD)
    assert not missing, (
        f"docs/rules.md does not list {missing}: add each code with the article of the source "
        'document it comes from (or under "Rules of the tool\'s own")'
    )
    for n in range(1, 22):
        assert re.search(rf"^\| R{n} \| .+ \| \d+ \|", RULES_MD, re.M), f"R{n} without its article"
