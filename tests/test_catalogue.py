"""The error catalogue: one reproducer ledger and one test per code (hledger style).

Each ``tests/catalogue/<code>.yaml`` describes a minimal ledger (conftest.MINIMAL_SETTINGS and MINIMAL_UNITS)
with some files added or replaced, and where the code must be reported:

    files:          # relative path -> text (replaces the minimal file of that name)
      tasks/T-1.yaml: |
        id: T-1
        ...
    raw_hex:        # optional: relative path -> bytes as hex (binary, non-UTF-8 files)
    symlinks:       # optional: relative path -> link target
    env:            # optional: environment for the run
    expect: {file: tasks/T-1.yaml, line: 5, severity: error}

For the rules of a change (`check --base`): ``base_files`` are written and committed first (a git repository
with the minimal ledger and them), then ``files`` are written and ``delete`` (a list of paths) removed, and
`check` runs with ``args`` (e.g. ``[--base, HEAD]``).

For the codes of `check --members`, ``members`` declares the ledgers of the level below, each a git repository
made in the test next to the ledger (its folder named in the ledger's reformctl.yaml, e.g. ``repo: ../wuhou``):

    members:
      wuhou:                # the folder; a minimal ledger with these files added, committed on branch main
        files: {tasks/T-1.yaml: ...}
        fetch: false        # optional: never fetched (default: `reformctl fetch` brings every member first)
    damage_stores: true     # optional: after the fetch, the members' stores lose their tree objects
    args: [--members]

The test runs `reformctl check` in text, json and github formats and finds the code at that file and line
in each; the exit code is 1 for an error and 0 for a warning alone.
"""

from __future__ import annotations

import json
import os

import pytest
import yaml

from conftest import REPO, write_files
from reformctl.i18n.catalogue import CATALOGUE

CASES = REPO / "tests" / "catalogue"


def _load(code: str) -> dict:
    return yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))


def test_every_code_has_a_reproducer_and_back():
    files = {p.stem for p in CASES.glob("*.yaml")}
    assert len(CATALOGUE) > 30
    assert files == set(CATALOGUE), (sorted(set(CATALOGUE) - files), sorted(files - set(CATALOGUE)))


def test_docs_errors_md_is_generated_from_catalogue(cli):
    r = cli("catalogue", "--format", "markdown")
    assert r.exit_code == 0
    assert (REPO / "docs" / "errors.md").read_text(encoding="utf-8") == r.stdout, (
        "docs/errors.md is stale: run `reformctl catalogue --format markdown > docs/errors.md`"
    )


def _make_members(root, case: dict, cli) -> None:
    """The member ledgers a reproducer declares: each a git repository next to ``root``, fetched unless told
    not to; ``damage_stores`` then deletes the tree objects of every member's store (a damaged copy)."""
    from conftest import MINIMAL_SETTINGS, MINIMAL_UNITS, git

    members = case.get("members") or {}
    for folder, spec in members.items():
        repo = root.parent / folder
        repo.mkdir()
        write_files(
            repo, {"reformctl.yaml": MINIMAL_SETTINGS, "units.yaml": MINIMAL_UNITS, **(spec.get("files") or {})}
        )
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "member ledger")
    wanted = [folder for folder, spec in members.items() if spec.get("fetch", True)]
    if wanted:
        units = {
            m["repo"].rstrip("/").rsplit("/", 1)[-1]: m["unit"]
            for m in yaml.safe_load((root / "reformctl.yaml").read_text(encoding="utf-8"))["members"]
        }
        r = cli("fetch", "--ledger", root, *(units[f] for f in wanted))
        assert r.exit_code == 0, r
    if case.get("damage_stores"):
        stores = [p.parent for p in root.glob(".reformctl-cache/members/*/HEAD")]
        stores += [p.parent for p in root.glob(".git/reformctl/members/*/HEAD")]
        assert stores
        for store in stores:
            out = git(store, "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)")
            trees = [line.split()[0] for line in out.splitlines() if line.endswith(" tree")]
            assert trees and not list(store.glob("objects/pack/*.pack")), "expected loose objects only"
            for oid in trees:
                (store / "objects" / oid[:2] / oid[2:]).unlink()


def build_case(code: str, make_ledger, monkeypatch, cli=None) -> tuple:
    """The ledger of ``code``'s reproducer, built: (its root, the arguments `check` runs with, the case). With
    ``cli``, the member ledgers it declares are made (and fetched) too."""
    case = _load(code)
    root = make_ledger()
    if case.get("base_files"):
        from conftest import git

        write_files(root, case["base_files"])
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "base")
    write_files(root, case.get("files") or {})
    for rel in case.get("delete") or []:
        (root / rel).unlink()
    args = [str(a) for a in case.get("args") or []]
    for rel, hexdata in (case.get("raw_hex") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(bytes.fromhex(hexdata))
    for rel, target in (case.get("symlinks") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root.parent / "outside.yaml").write_text("id: T-1\n", encoding="utf-8")
        os.symlink(target, root / rel)
    for k, v in (case.get("env") or {}).items():
        monkeypatch.setenv(k, str(v))
    if cli is not None:
        _make_members(root, case, cli)
    return root, args, case


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_reproducer(code, make_ledger, cli, tmp_path, monkeypatch):
    root, args, case = build_case(code, make_ledger, monkeypatch, cli)
    exp = case["expect"]
    want_exit = 1 if exp["severity"] == "error" else 0

    r = cli("check", "--ledger", root, *args, "--format", "json")
    found = json.loads(r.stdout)
    hits = [f for f in found if f["code"] == code]
    assert hits, (code, found)
    assert any(
        f["file"] == exp["file"] and f["line"] == exp["line"] and f["severity"] == exp["severity"] for f in hits
    ), (exp, hits)
    assert r.exit_code == want_exit, found
    assert CATALOGUE[code].severity == exp["severity"] or code == "milestone_out_of_range"

    r = cli("check", "--ledger", root, *args)
    assert f"{exp['file']}:{exp['line']}:" in r.stdout and f"[{code}]" in r.stdout, r.stdout
    shown = next(l for l in r.stdout.splitlines() if f"{exp['file']}:{exp['line']}:" in l and f"[{code}]" in l)
    in_member = "@" in shown.split(f"{exp['file']}:")[0]  # UNIT@COMMIT:path: a member's file at its commit

    r = cli("check", "--ledger", root, *args, "--format", "github")
    level = "error" if exp["severity"] == "error" else "warning"
    if in_member:  # a member's file at its fetched commit, not in this repository: the place in the title
        assert any(
            l.startswith(f"::{level} title=reformctl {code} (") and f"%3A{exp['line']})" in l and "file=" not in l
            for l in r.stdout.splitlines()
        ), r.stdout
    else:
        assert any(
            l.startswith(f"::{level} file=") and f",line={exp['line']}," in l and code in l
            for l in r.stdout.splitlines()
        ), r.stdout


def test_sample_ledger_codes_are_catalogued(cli, sample_copy):
    # break a few things and make sure every reported code is in the catalogue
    (sample_copy / "tasks" / "T-2016-001.yaml").write_text("id: [\n", encoding="utf-8")
    (sample_copy / "tasks" / "T-2016-002.yaml").write_text("id: T-x\n", encoding="utf-8")
    r = cli("check", "--ledger", sample_copy, "--format", "json")
    codes = {f["code"] for f in json.loads(r.stdout)}
    assert {"yaml_syntax", "missing_field"} <= codes, codes  # the breakage was seen
    assert codes <= set(CATALOGUE), codes - set(CATALOGUE)
