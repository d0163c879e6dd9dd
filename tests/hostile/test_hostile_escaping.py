"""User-controlled strings (file names, titles, unit names, messages) never reach a terminal or a CI log raw:
control characters are shown as visible escapes, a file name cannot inject a GitHub workflow command, and
`check` reports the characters as `control_character`."""

from __future__ import annotations

import json
import re

import pytest

ESC_TITLE = r'"任务\e]0;pwned\a\e[31m红\u202e"'  # OSC (window title), CSI (colour), BEL, bidi override
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

TASK = """\
id: T-1
title: {title}
lead_unit: 市发改委
start: 2016-07-01
due: 2016-09-30
status: in_progress
"""


def no_raw_controls(text: str) -> None:
    m = RAW.search(text)
    assert m is None, f"raw {m.group(0)!r} in {text!r}"


@pytest.fixture
def escaped(make_ledger):
    return make_ledger({"tasks/T-1.yaml": TASK.format(title=ESC_TITLE)})


def test_check_flags_control_characters(cli, escaped):
    r = cli("check", "--ledger", escaped, "--format", "json")
    assert r.exit_code == 1, r
    found = json.loads(r.stdout)
    assert [(f["code"], f["file"], f["line"]) for f in found] == [("control_character", "tasks/T-1.yaml", 2)]
    assert "\\x1b" in found[0]["message"]
    r = cli("check", "--ledger", escaped, "--lang", "zh")
    assert "含有控制字符" in r.stdout


def test_check_flags_a_line_break_in_a_title(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(title="|\n  第一行\n  第二行")})
    r = cli("check", "--ledger", root, "--format", "json")
    assert [f["code"] for f in json.loads(r.stdout)] == ["control_character"]
    assert "line break" in json.loads(r.stdout)[0]["message"]


def test_a_clean_ledger_has_no_such_finding(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(title=r'"路径 C:\\data 与“引号”"')})
    r = cli("check", "--ledger", root, "--format", "json")
    assert r.exit_code == 0, r


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab", "sarif", "markdown"])
def test_check_output_has_no_raw_control_character(cli, escaped, fmt):
    r = cli("check", "--ledger", escaped, "--format", fmt, "--no-cache")
    no_raw_controls(r.stdout)
    no_raw_controls(r.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--format", "csv"],
        ["status", "--format", "json"],
        ["agenda", "--days", "120"],
        ["agenda", "--format", "csv", "--days", "120"],
    ],
)
def test_status_outputs_escape_the_title(cli, make_ledger, args, tmp_path):
    # a line break and ESC that check reports: the outputs still escape them (status refuses a ledger with
    # errors, so the record is loaded directly from a ledger whose only problem they are)
    root = make_ledger({"tasks/T-1.yaml": TASK.format(title=ESC_TITLE)})
    from reformctl import api
    from reformctl.load import load_ledger

    led = load_ledger(root).ledger
    assert "\x1b" in led.tasks["T-1"].title
    import io

    from reformctl.views import status as view
    from reformctl.views.console import stdout_console

    found = api.status(led, __import__("datetime").date(2016, 10, 31)).findings
    assert found
    buf = io.StringIO()
    if args[-1] == "csv" or "csv" in args:
        view.render_csv(found, buf)
    elif "json" in args:
        view.render_json(found, buf)
        assert json.loads(buf.getvalue())[0]["title"] == led.tasks["T-1"].title  # the data, exactly
    else:
        import sys

        old = sys.stdout
        sys.stdout = buf
        try:
            view.render_table(found, stdout_console(), "en", __import__("datetime").date(2016, 10, 31))
        finally:
            sys.stdout = old
        assert "\\x1b" in buf.getvalue()
    no_raw_controls(buf.getvalue().replace("\x1b", "") if False else buf.getvalue())


def test_file_name_cannot_inject_a_workflow_command(cli, make_ledger):
    root = make_ledger()
    (root / "tasks").mkdir()
    evil = "x\n::warning file=README.md::pwned\n::endgroup::\n\x1b[2J.yaml"
    (root / "tasks" / evil).write_text("id: x\n", encoding="utf-8")
    for fmt in ("github", "text", "markdown"):
        r = cli("check", "--ledger", root, "--format", fmt)
        assert r.exit_code == 1, r
        lines = r.stdout.splitlines()
        commands = [ln for ln in lines if ln.lstrip().startswith("::")]
        if fmt == "github":
            # the annotation, the group, stop-commands with its resume token and the end of the group: no other
            assert len(commands) == 5, commands
            assert commands[0].startswith("::error file=") and "%0A" in commands[0]
            assert commands[1] == "::group::reformctl check: full log"
            assert commands[2].startswith("::stop-commands::reformctl-")
            assert commands[3] == f"::{commands[2].split('::')[2]}::"
            assert commands[4] == "::endgroup::"
        else:
            assert commands == [], commands
        assert len(lines) == {"github": 6, "text": 1, "markdown": 8}[fmt], lines
        no_raw_controls(r.stdout)
        for ln in r.stderr.splitlines():
            assert not ln.lstrip().startswith("::"), ln


def test_markdown_cells_cannot_make_links_images_or_tags(cli, make_ledger):
    root = make_ledger()
    (root / "tasks").mkdir()
    (root / "tasks" / "a`|![x](https:t.example?p.png)<img src=x>.yaml").write_text("id: x\n", encoding="utf-8")
    r = cli("check", "--ledger", root, "--format", "markdown")
    row = [ln for ln in r.stdout.splitlines() if ln.startswith("| ``")]
    assert len(row) == 1, r.stdout
    cells = re.split(r"(?<!\\)\|", row[0])
    assert len(cells) == 7, cells  # the | in the name did not add a column
    assert (
        cells[1].strip().startswith("``") and "tasks/a`" in cells[1] and cells[1].strip().endswith("``")
    )  # a code span: shown as is
    message = "|".join(cells[5:])
    assert "&lt;img" in message and "<img" not in message and "![x](" not in message


def test_rich_markup_and_emoji_in_a_title_are_data(cli, make_ledger):
    root = make_ledger({"tasks/T-1.yaml": TASK.format(title="'[link=http://evil.example]点我[/link] :warning: [/]'")})
    r = cli("status", "--ledger", root, "--as-of", "2016-10-31", env={"COLUMNS": "250"})
    assert r.exit_code == 0, r
    assert "[link=http://evil.example]点我[/link] :warning: [/]" in r.stdout


def test_stderr_messages_escape_controls(cli, escaped):
    r = cli("status", "--ledger", escaped, "--as-of", "2016-10-31")
    assert r.exit_code == 1
    no_raw_controls(r.stderr)
    assert "\\x1b" in r.stderr
