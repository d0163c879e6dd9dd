"""Seeded fuzzing: mutated ledger files (bytes and YAML structure) fed to `check`, mutated workbooks (cell
values and types, sheet names, headers, the hidden JSON, the zip itself) fed to `import`. Whatever the input,
the answer is an exit code of 0, 1 or 2 with a message: never 3, never a traceback.

The budget is about 30 s in CI (split between the two); set REFORMCTL_TEST_FUZZ_SECONDS for a longer run and
REFORMCTL_TEST_FUZZ_SEED for another seed. A failure prints the seed and the case that broke it."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import time

import pytest
import yaml
from conftest import SAMPLE, git

SEED = int(os.environ.get("REFORMCTL_TEST_FUZZ_SEED", "20261204"))
BUDGET = float(os.environ.get("REFORMCTL_TEST_FUZZ_SECONDS", "30"))

NASTY_TEXT = [
    "",
    " ",
    "=1+1",
    "@SUM(A1)",
    "\x1b[31m",
    "\x1b]0;x\x07",
    "\u202e",
    "a\nb",
    "\t",
    "\r",
    "\\",
    "'",
    '"',
    "#",
    ": ",
    "- ",
    "[",
    "{",
    "}",
    "&a",
    "*a",
    "!!python/object:os.system",
    "null",
    "~",
    "yes",
    "no",
    "2016-02-30",
    "9999-12-31",
    "0000-01-01",
    "1e309",
    "-0",
    "0x1F",
    "0o17",
    "NaN",
    ".inf",
    "T-2016-001",
    "市发改委",
    "不存在的单位",
    "x" * 300,
    "𠀀",
    "\ufeff",
    "\u0000",
    "\udcff",
]
NASTY_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    2**63,
    1.5,
    float("inf"),
    [],
    {},
    [[[[]]]],
    {"a": {"b": {"c": 1}}},
    dt.date(2016, 1, 1),
    "2016-13-01",
] + NASTY_TEXT
YAML_TOKENS = [
    b":",
    b": ",
    b"- ",
    b"#",
    b"'",
    b'"',
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!!binary ",
    b"---\n",
    b"...\n",
    b"\t",
    b"\n",
    b"  ",
    b"%YAML 1.2\n",
    b"? ",
    b"|",
    b">",
    b"\\",
    b"\xff",
    b"\xe4\xb8",
    b"\x00",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"<<: *a\n",
]


def _existing(root) -> list[str]:
    """The list files, reformctl.yaml and the first two files of each kind folder."""
    out = [f for f in ("units.yaml", "commissioners.yaml", "reformctl.yaml") if (root / f).is_file()]
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        out += [f"{folder.name}/{f.name}" for f in sorted(folder.glob("*.yaml"))[:2]]
    return out


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randint(0, len(b))
        if op == 0 and b:
            b[min(at, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[at:at] = rng.choice(YAML_TOKENS)
        elif op == 2:
            del b[at : at + rng.randint(1, 40)]
        elif op == 3:
            lines = bytes(b).split(b"\n")
            i = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
            b = bytearray(b"\n".join(lines))
        elif op == 4:
            b[at:at] = rng.choice(NASTY_TEXT).encode("utf-8", "surrogatepass")
        else:
            b = b[:at]
    return bytes(b)


def _walk(node, rng: random.Random, depth: int = 0):
    """Change one place of a parsed YAML document."""
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        r = rng.random()
        if r < 0.2:
            del node[key]
        elif r < 0.35:
            node[rng.choice(["extra", "unknown", "id", "due", "status", key + "x"])] = rng.choice(NASTY_VALUES)
        elif r < 0.7 or depth > 4:
            node[key] = rng.choice(NASTY_VALUES)
        else:
            _walk(node[key], rng, depth + 1)
    elif isinstance(node, list) and node:
        i = rng.randrange(len(node))
        r = rng.random()
        if r < 0.3:
            node.append(rng.choice(NASTY_VALUES))
        elif r < 0.5:
            del node[i]
        elif r < 0.8 or depth > 4:
            node[i] = rng.choice(NASTY_VALUES)
        else:
            _walk(node[i], rng, depth + 1)


def mutate_structure(rng: random.Random, data: bytes) -> bytes:
    try:
        doc = yaml.safe_load(data)
    except yaml.YAMLError:
        return mutate_bytes(rng, data)
    if rng.random() < 0.1:
        doc = rng.choice(NASTY_VALUES)
    else:
        for _ in range(rng.randint(1, 3)):
            _walk(doc, rng)
    try:
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, UnicodeEncodeError):
        return mutate_bytes(rng, data)
    return text.encode("utf-8", "surrogatepass")


def test_fuzz_check_on_mutated_ledger_files(cli, tmp_path):
    rng = random.Random(SEED)
    root = tmp_path / "ledger"
    shutil.copytree(SAMPLE, root)
    files = _existing(root)
    originals = {f: (root / f).read_bytes() for f in files}
    deadline = time.monotonic() + BUDGET / 2
    n = 0
    while time.monotonic() < deadline or n < 5:
        n += 1
        touched = rng.sample(files, rng.randint(1, 3))
        case = {}
        for f in touched:
            data = mutate_structure(rng, originals[f]) if rng.random() < 0.5 else mutate_bytes(rng, originals[f])
            (root / f).write_bytes(data)
            case[f] = data
        fmt = rng.choice(["json", "text", "github", "sarif", "markdown"])
        extra = rng.choice([[], ["--no-cache"], ["--lang", "zh"]])
        r = cli("check", "--ledger", root, "--format", fmt, *extra)
        assert r.exit_code in (0, 1, 2), f"seed {SEED} case {n}: exit {r.exit_code}\n{r}\n{case!r}"
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr, f"seed {SEED} case {n}: {case!r}"
        if fmt == "json" and r.exit_code != 2:
            json.loads(r.stdout)
        if rng.random() < 0.3:
            r = cli("status", "--ledger", root, "--as-of", "2016-12-31", "--format", "json")
            assert r.exit_code in (0, 1, 2), f"seed {SEED} case {n} (status): {r}\n{case!r}"
        for f in touched:
            (root / f).write_bytes(originals[f])


# ---------------------------------------------------------------- workbooks
def mutate_workbook(rng: random.Random, src, dst) -> str:
    from openpyxl import load_workbook

    if rng.random() < 0.1:  # the file itself: a damaged zip
        data = bytearray(src.read_bytes())
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        dst.write_bytes(bytes(data[: rng.randint(0, len(data))] if rng.random() < 0.3 else data))
        return "bytes"
    wb = load_workbook(src)
    what = []
    for _ in range(rng.randint(1, 5)):
        ws = rng.choice(wb.worksheets)
        r = rng.random()
        if r < 0.1:
            ws.title = rng.choice(["改革任务", "Tasks", "tasks", "整改问题", "x" * 31, "Sheet", ws.title + "1"])[:31]
            what.append(("title", ws.title))
        elif r < 0.2 and ws.max_row >= 1:
            col = rng.randint(1, max(ws.max_column, 1))
            ws.cell(1, col).value = rng.choice(["编号", "ID", "due", "完成时限", "数据(JSON)", None, "=1", "状态"])
            what.append(("head", col))
        elif r < 0.3 and ws.max_row > 1:
            ws.delete_rows(rng.randint(2, ws.max_row))
            what.append("delete_row")
        elif r < 0.35:
            ws.delete_cols(rng.randint(1, max(ws.max_column, 1)))
            what.append("delete_col")
        else:
            row = rng.randint(1, max(ws.max_row, 1) + 1)
            col = rng.randint(1, max(ws.max_column, 1) + 1)
            value = rng.choice(
                NASTY_VALUES
                + [
                    "{",
                    '{"milestones": 5}',
                    '{"progress": [{"date": "x"}]}',
                    "[]",
                    dt.datetime(2016, 1, 1, 12, 30),
                    10**22,
                    -5.5,
                    "是",
                    "否",
                    "推进中",
                    "unknown_status",
                ]
            )
            if isinstance(value, (list, dict)):
                value = json.dumps(value)
            if isinstance(value, str):
                value = value.replace("\x00", "").replace("\udcff", "?")
            try:
                ws.cell(row, col).value = value
            except Exception:  # noqa: BLE001 - openpyxl refuses some characters itself
                ws.cell(row, col).value = "x"
            what.append((ws.title, row, col, repr(value)[:40]))
    wb.save(dst)
    return repr(what)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from typer.testing import CliRunner

    from reformctl.cli import _app_for

    out = tmp_path_factory.mktemp("fuzz-xlsx") / "ledger.xlsx"
    argv = ["export", "--ledger", str(SAMPLE), "--xlsx", str(out), "--as-of", "2016-12-31", "--lang", "zh"]
    r = CliRunner().invoke(_app_for(argv), argv)
    assert r.exit_code == 0, r.output
    return out


def test_fuzz_import_of_mutated_workbooks(cli, sample_repo, tmp_path, exported):
    rng = random.Random(SEED + 1)
    head = git(sample_repo, "rev-parse", "HEAD")
    deadline = time.monotonic() + BUDGET / 2
    n = 0
    while time.monotonic() < deadline or n < 3:
        n += 1
        book = tmp_path / f"m{n % 2}.xlsx"
        what = mutate_workbook(rng, exported, book)
        r = cli(
            "import",
            "--ledger",
            sample_repo,
            book,
            "--dry-run",
            "--as-of",
            "2016-12-31",
            *rng.choice([[], ["--lang", "zh"]]),
        )
        assert r.exit_code in (0, 1, 2), f"seed {SEED + 1} case {n}: exit {r.exit_code}\n{r}\n{what}"
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr, f"seed {SEED + 1} case {n}: {what}"
    assert git(sample_repo, "rev-parse", "HEAD") == head
    assert git(sample_repo, "status", "--porcelain") == ""
