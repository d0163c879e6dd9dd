"""Bad option values are usage errors (exit 2) with a message, never an internal error."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("year", ["-1", "0", "99999"])
def test_close_out_bad_year_is_usage_error(cli, sample_repo, year):
    r = cli("close-out", "--ledger", sample_repo, "--year", year, "--dry-run")
    assert r.exit_code == 2, r
    assert "--year" in r.stderr
