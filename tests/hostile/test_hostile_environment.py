"""Output and environment faults: COLUMNS out of range, REFORMCTL_* variables with bad values, an output that
cannot be written (/dev/full, an ASCII-only encoding, a reader that goes away), output files whole or not at
all and made with the umask's mode. Each is a clear message and a documented exit code, never a traceback,
a hang or "this is a bug"."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from conftest import REPO, SAMPLE


def run(*args, env=None, stdout=subprocess.PIPE, timeout=120, cwd=None):
    full = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100", **(env or {})}
    for k, v in list(full.items()):
        if v is None:
            del full[k]
    return subprocess.run(
        [sys.executable, "-m", "reformctl", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=full,
        timeout=timeout,
        cwd=cwd,
    )


STATUS = ("status", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--no-cache")


@pytest.mark.parametrize("value", ["0", "-3", "abc", "", "99999999", "1e9"])
def test_columns_is_validated_and_clamped(value):
    r = run(*STATUS, env={"COLUMNS": value}, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert len(lines) > 10
    assert max(len(x) for x in lines) <= 1000
    assert b"Traceback" not in r.stderr


def test_columns_bounds_in_process():
    from reformctl.base.envvars import COLUMNS_MAX, COLUMNS_MIN, columns

    for raw, want in [
        ("0", None),
        ("abc", None),
        ("-1", None),
        ("10", COLUMNS_MIN),
        ("99999999", COLUMNS_MAX),
        ("120", 120),
    ]:
        os.environ["COLUMNS"] = raw
        try:
            assert columns() == want, raw
        finally:
            os.environ["COLUMNS"] = "100"


@pytest.mark.parametrize(
    "var,value",
    [
        ("REFORMCTL_LOCK_TIMEOUT", "abc"),
        ("REFORMCTL_LOCK_TIMEOUT", "nan"),
        ("REFORMCTL_LOCK_TIMEOUT", "-1"),
        ("REFORMCTL_LOCK_TIMEOUT", "inf"),
        ("REFORMCTL_MAX_FILE_BYTES", "-5"),
        ("REFORMCTL_MAX_FILE_BYTES", "0"),
        ("REFORMCTL_MAX_FILE_BYTES", "1e99"),
        ("REFORMCTL_JOBS", "two"),
        ("REFORMCTL_JOBS", "-1"),
        ("REFORMCTL_NO_CACHE", "maybe"),
        ("REFORMCTL_DEBUG", "verbose"),
        ("REFORMCTL_MAIN_SHARE", "nan"),
        ("REFORMCTL_NO_QUICK_EDIT", "2"),
        ("REFORMCTL_LEDGER", ""),
    ],
)
def test_bad_reformctl_variable_is_exit_2_naming_it(cli, var, value):
    r = cli("check", "--ledger", SAMPLE, env={var: value})
    assert r.exit_code == 2, r
    assert var in r.stderr and "not valid" in r.stderr


def test_bad_variable_in_chinese():
    r = run("status", "--ledger", SAMPLE, "--lang", "zh", env={"REFORMCTL_LOCK_TIMEOUT": "nan"})
    assert r.returncode == 2 and "REFORMCTL_LOCK_TIMEOUT" in r.stderr.decode() and "无效" in r.stderr.decode()


@pytest.mark.parametrize(
    "var,value",
    [
        ("REFORMCTL_LOCK_TIMEOUT", "0.5"),
        ("REFORMCTL_MAX_FILE_BYTES", "3000000"),
        ("REFORMCTL_NO_CACHE", "yes"),
        ("REFORMCTL_JOBS", "1"),
    ],
)
def test_good_values_pass(cli, var, value):
    assert cli("check", "--ledger", SAMPLE, env={var: value}).exit_code == 0


def test_lock_timeout_abc_is_exit_2_not_3_in_a_process(sample_repo):
    r = run("progress", "T-2016-001", "--note", "x", "--ledger", sample_repo, env={"REFORMCTL_LOCK_TIMEOUT": "abc"})
    assert r.returncode == 2, r.stderr
    assert b"REFORMCTL_LOCK_TIMEOUT" in r.stderr and b"bug" not in r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        STATUS,
        STATUS + ("--format", "json"),
        STATUS + ("--format", "csv"),
        ("check", "--ledger", SAMPLE, "--format", "json"),
        ("summary", "--ledger", SAMPLE, "--as-of", "2016-12-31", "--format", "csv"),
    ],
)
def test_dev_full_is_a_clear_exit_2(args):
    with open("/dev/full", "w") as full:
        r = run(*args, stdout=full)
    assert r.returncode in (0, 2), r.stderr  # check with nothing to say writes nothing
    if r.returncode == 2:
        assert b"cannot write the output" in r.stderr and b"No space left" in r.stderr
    assert b"Traceback" not in r.stderr and b"bug" not in r.stderr


def test_dev_full_with_findings(make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\n"})
    with open("/dev/full", "w") as full:
        r = run("check", "--ledger", root, stdout=full)
    assert r.returncode == 2 and b"cannot write the output" in r.stderr, r.stderr


@pytest.mark.parametrize("args", [STATUS, STATUS + ("--format", "json"), ("check", "--ledger", SAMPLE, "--lang", "zh")])
def test_ascii_output_encoding_is_a_clear_exit_2(args, make_ledger):
    r = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert b"Traceback" not in r.stderr and b"bug" not in r.stderr, r.stderr
    assert r.returncode in (0, 2), r.stderr
    if r.returncode == 2:
        assert b"PYTHONIOENCODING=utf-8" in r.stderr


def test_ascii_stderr_still_gets_the_message(make_ledger):
    root = make_ledger({"tasks/T-1.yaml": "id: T-1\n"})
    r = run("status", "--ledger", root, "--lang", "zh", env={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 1, r.stderr
    assert b"\\u" in r.stderr and b"Traceback" not in r.stderr  # the Chinese message, escaped


@pytest.mark.parametrize("args", [STATUS, STATUS + ("--format", "json"), ("check", "--ledger", SAMPLE, "-f", "json")])
def test_broken_pipe_ends_quietly(args, tmp_path):
    # `reformctl ... | head -1`: the reader goes away after one line
    cmd = [sys.executable, "-m", "reformctl", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"}
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    code = p.wait(timeout=120)
    assert code == 0, err
    assert b"Traceback" not in err and b"Exception ignored" not in err and b"bug" not in err, err


# ---------------------------------------------------------------- output files
def test_output_files_respect_the_umask(cli, tmp_path):
    old = os.umask(0o027)
    try:
        for args, name in [
            (("export", "--xlsx"), "a.xlsx"),
            (("report", "--html"), "a.html"),
            (("calendar", "--ics"), "a.ics"),
            (("cases", "--year", "2016", "--xlsx"), "c.xlsx"),
        ]:
            r = cli(*args, tmp_path / name, "--ledger", SAMPLE, "--as-of", "2016-12-31")
            assert r.exit_code == 0, r
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640, name
    finally:
        os.umask(old)


def test_a_failed_export_leaves_no_file(cli, tmp_path, monkeypatch):
    from openpyxl.workbook.workbook import Workbook

    def full(self, filename):
        with open(filename, "wb") as fh:
            fh.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    out = tmp_path / "x.xlsx"
    r = cli("export", "--ledger", SAMPLE, "--xlsx", out, "--as-of", "2016-12-31")
    assert r.exit_code == 2 and "No space left" in r.stderr, r
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"the previous export")
    r = cli("export", "--ledger", SAMPLE, "--xlsx", out, "--as-of", "2016-12-31")
    assert r.exit_code == 2 and "No space left" in r.stderr, r
    assert out.read_bytes() == b"the previous export" and list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("args,name", [(("report", "--html"), "r.html"), (("calendar", "--ics"), "c.ics")])
def test_a_failed_text_output_leaves_the_old_file(cli, tmp_path, monkeypatch, args, name):
    import reformctl.views.safe as safe

    real = safe.write_output

    def failing(path, write):
        def half(tmp):
            write(tmp)
            raise OSError(28, "No space left on device")

        return real(path, half)

    monkeypatch.setattr(safe, "write_output", failing)
    out = tmp_path / name
    out.write_text("old", encoding="utf-8")
    r = cli(*args, out, "--ledger", SAMPLE, "--as-of", "2016-12-31")
    assert r.exit_code == 2, r
    assert out.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [out]
