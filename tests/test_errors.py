"""The library raises typed errors and knows no exit codes; only the command line maps errors to exit codes."""

import re
from pathlib import Path

import pytest

import reformctl
from reformctl import errors
from reformctl.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, exit_code

PACKAGE = Path(reformctl.__file__).parent


def test_exit_codes_are_chosen_by_the_command_line_only():
    exit_names = re.compile(r"^\s*(?:[A-Z_]*, )*(EXIT_[A-Z]+|USAGE|FINDINGS|INTERNAL)\b[^=\n]*=\s*\d", re.M)
    library = [p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts]
    assert len(library) > 40
    offenders = [str(p.relative_to(PACKAGE)) for p in library if exit_names.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert exit_names.search("USAGE, FINDINGS = 2, 1") and exit_names.search("EXIT_USAGE = 2")


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (errors.UsageError("bad"), EXIT_USAGE),
        (errors.LedgerRootError("no ledger", "root_missing"), EXIT_USAGE),
        (errors.BadRequest("no item T-1"), EXIT_USAGE),
        (errors.BaseRefError("--base x is not a commit"), EXIT_USAGE),
        (errors.InitError("exists"), EXIT_USAGE),
        (errors.StoreError("HEAD is detached"), EXIT_FINDINGS),
        (errors.NothingToDo(), EXIT_OK),
    ],
)
def test_each_error_maps_to_its_exit_code(exc, code):
    assert isinstance(exc, errors.ReformctlError)
    assert exit_code(exc) == code


def test_a_store_refusal_is_caught_as_a_store_error_whatever_its_cause():
    assert issubclass(errors.BadRequest, errors.StoreError) and issubclass(errors.BaseRefError, errors.StoreError)
    assert errors.BadRequest("x", ["a line"]).details == ["a line"]


def test_an_exit_code_passed_the_old_way_is_refused_loudly():
    with pytest.raises(TypeError, match="no exit code"):
        errors.StoreError("refused", 2)
