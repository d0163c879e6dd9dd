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


def test_a_table_written_to_a_pipe_keeps_one_line_per_row(sample_copy):
    """A gap fixed: piped without COLUMNS, Rich laid tables out 80 columns wide and broke unit names and messages
    over several lines (`reformctl status > status.txt`). Now 240 wide, one line per finding, no trailing spaces."""
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    run = lambda *a: subprocess.run(  # noqa: E731
        [
            sys.executable,
            "-m",
            "reformctl",
            "status",
            "--ledger",
            str(sample_copy),
            "--as-of",
            "2017-06-30",
            "--no-cache",
            *a,
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    n = len(json.loads(run("--format", "json").stdout))
    r = run()
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and n > 50
    rows = [ln for ln in lines if ln.startswith(("red", "yellow"))]
    assert len(rows) == n and len([ln for ln in lines if ln.strip()]) == n + 3  # title, header, rule, the rows
    assert all(ln == ln.rstrip() for ln in lines)
    assert any("纪律检查体制改革专项小组" in ln for ln in rows)  # a long unit name whole on its row
