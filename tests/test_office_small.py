"""Small things that cost an office time (each failed before its fix): where a pilot's adjustment is stored,
the year's columns of `summary --year`, `new task --milestone`, `new notice --issued-by`, impossible dates,
the file named by a refusal, China time in `log`, and files written with the user's umask."""

from __future__ import annotations

from conftest import git
from test_write_commands import body_lines, commits, load


def test_pilot_adjust_keeps_each_adjustment_dated_and_leaves_exit_reason_alone(sample_repo, cli):
    base = git(sample_repo, "rev-parse", "HEAD").strip()
    r = cli("pilot", "adjust", "P-2016-001", "--reason", "扩大试点范围", "--as-of", "2016-09-01", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    r = cli("pilot", "adjust", "P-2016-001", "--reason", "调整牵头单位", "--as-of", "2016-10-08", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    data = load(sample_repo, "pilots/P-2016-001.yaml")
    assert data["status"] == "adjusted" and "exit_reason" not in data and "exited" not in data
    assert data["adjustments"] == [{"date": "2016-09-01", "reason": "扩大试点范围"},
                                   {"date": "2016-10-08", "reason": "调整牵头单位"}]
    assert all(ln.startswith("+") for ln in body_lines(sample_repo))  # the second one only appended
    assert cli("check", "--ledger", sample_repo).exit_code == 0
    assert cli("check", "--base", base, "--ledger", sample_repo).exit_code == 0
    # an adjustment is part of the record: removing one is refused by check --base
    path = sample_repo / "pilots/P-2016-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - {date: 2016-09-01, reason: 扩大试点范围}\n", ""), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    r = cli("check", "--base", "HEAD", "--format", "json", "--ledger", sample_repo)
    assert r.exit_code == 1 and '"append_only"' in r.stdout, r


def test_summary_of_a_year_names_its_columns_for_the_year(sample_repo, cli):
    r = cli("summary", "--year", "2016", "--format", "csv", "--ledger", sample_repo)
    assert r.exit_code == 0, r
    header = r.stdout.splitlines()[0].split(",")
    assert header == ["unit", "tasks", "due_in_year", "completed_in_year", "overdue", "completion_rate"]
    r = cli("summary", "--quarter", "2016Q4", "--format", "csv", "--ledger", sample_repo)
    assert r.stdout.splitlines()[0].split(",")[2:4] == ["due_in_quarter", "completed_in_quarter"]
