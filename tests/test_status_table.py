"""The status table fits a 100-column terminal in both languages, one line per title."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from conftest import SAMPLE


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_fits_100_columns(cli, lang):
    r = cli("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--lang", lang, env={"COLUMNS": "100"})
    assert r.exit_code == 0, r
    lines = r.stdout.splitlines()
    assert len(lines) > 20
    assert max(cell_len(l.rstrip()) for l in lines) <= 100
    # a long Chinese title is cut on one line (json and csv carry it whole), never split over rows
    rows = [l for l in lines if "T-2016-003" in l]
    assert rows and all("…" in l for l in rows)

