"""Bad option values are usage errors (exit 2) with a message, never an internal error."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("year", ["-1", "0", "99999"])
def test_close_out_bad_year_is_usage_error(cli, sample_repo, year):
    r = cli("close-out", "--ledger", sample_repo, "--year", year, "--dry-run")
    assert r.exit_code == 2, r
    assert "--year" in r.stderr


YEARS = [  # (command, option, the first and last value accepted)
    (("summary",), "--year", "1949", "2200"),
    (("summary",), "--quarter", "1949Q1", "2200Q4"),
    (("export", "--xlsx", "{tmp}/x.xlsx"), "--quarter", "1949Q1", "2200Q4"),
    (("assess",), "--year", "1949", "2200"),
    (("schedule",), "--year", "1949", "2200"),
    (("cases",), "--year", "1949", "2200"),
    (("accountability",), "--year", "1949", "2200"),
    (("close-out", "--dry-run"), "--year", "1949", "2199"),  # carries over into the next year
]


def _beyond(value: str, step: int) -> str:
    if "Q" in value:
        return f"{int(value[:4]) + step}{value[4:]}"
    return str(int(value) + step)


@pytest.mark.parametrize("command, option, first, last", YEARS, ids=[f"{c[0]} {o}" for c, o, _f, _l in YEARS])
def test_years_are_the_supported_dates_years_for_every_command(
    cli, sample_repo, tmp_path, command, option, first, last
):
    """Every --year and --quarter takes the years the ledger's dates may hold, as --as-of does (they took 1900 to
    9999, close-out to 9998, and a quarter any year: an empty summary of the year 0001 or of 2106 for 2016):
    the first and last accepted, one further refused (exit 2) saying the range, in English and Chinese."""
    argv = [a.replace("{tmp}", str(tmp_path)) for a in command]
    for value in (first, last):
        r = cli(*argv, option, value, "--ledger", sample_repo, "--as-of", "2016-12-31")
        assert r.exit_code in (0, 1) and "outside" not in r.stderr, (value, r)
    lo, hi = first[:4], last[:4]
    for value in (_beyond(first, -1), _beyond(last, 1)):
        r = cli(*argv, option, value, "--ledger", sample_repo, "--as-of", "2016-12-31")
        assert r.exit_code == 2 and f"{option} {value} is outside the supported years {lo} to {hi}" in r.stderr, r
        zh = cli(*argv, option, value, "--ledger", sample_repo, "--as-of", "2016-12-31", "--lang", "zh")
        assert zh.exit_code == 2 and f"{option} {value} 超出支持的年份范围 {lo} 至 {hi}" in zh.stderr, zh
