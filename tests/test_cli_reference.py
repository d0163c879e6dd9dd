"""docs/cli.md is generated from every command's --help and must not drift (issue 7)."""

from __future__ import annotations

import re

from conftest import REPO

DOC = REPO / "docs" / "cli.md"


def test_docs_cli_md_is_up_to_date():
    from reformctl.cli.reference import generate

    assert DOC.is_file(), "docs/cli.md is missing; run `reformctl cli-reference --out docs/cli.md`"
    assert DOC.read_text(encoding="utf-8") == generate(), (
        "docs/cli.md drifted from the commands' --help; run `reformctl cli-reference --out docs/cli.md` and commit it"
    )


def test_every_visible_command_has_a_section_and_hidden_ones_none(cli):
    import typer

    from reformctl.cli import app

    group = typer.main.get_command(app)
    ctx = group.make_context("reformctl", [], resilient_parsing=True)
    names = group.list_commands(ctx)
    visible = [n for n in names if not group.get_command(ctx, n).hidden]
    assert "init" in visible and "check" in visible and "cli-reference" in names and "cli-reference" not in visible
    text = cli("cli-reference").stdout
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[0] == "reformctl"
    top = [h.split()[1] for h in headings[1:]]
    assert [n for n in dict.fromkeys(top)] == visible
    for name in visible:  # each section is that command's own --help
        r = cli(name, "--help")
        assert r.exit_code == 0
        section = text.split(f"## reformctl {name}\n", 1)[1]
        assert section.startswith(f"\n```\nUsage: reformctl {name} ")
        for opt in re.findall(r"(--[a-z][a-z-]+)", r.stdout):
            assert opt in section.split("\n## ")[0], (name, opt)


def test_the_same_whatever_the_terminal(cli):
    narrow = cli("cli-reference", env={"COLUMNS": "40"}).stdout
    wide = cli("cli-reference", env={"COLUMNS": "250"}).stdout
    assert narrow == wide and narrow.startswith("# CLI reference")


def test_check_flag(cli, tmp_path):
    out = tmp_path / "cli.md"
    assert cli("cli-reference", "--out", out, "--check").exit_code == 1
    assert not out.exists()
    assert cli("cli-reference", "--out", out).exit_code == 0
    assert cli("cli-reference", "--out", out, "--check").exit_code == 0
    out.write_text(out.read_text(encoding="utf-8").replace("Usage:", "Usage :", 1), encoding="utf-8")
    r = cli("cli-reference", "--out", out, "--check")
    assert r.exit_code == 1 and "out of date" in r.stderr
    zh = cli("cli-reference", "--out", out, "--check", env={"LANG": "zh_CN.UTF-8"})  # the locale's language
    assert zh.exit_code == 1 and "已过时" in zh.stderr, zh
    assert cli("cli-reference", "--check").exit_code == 2


def test_the_command_map_names_every_command_of_every_module():
    """main() builds only the command named (reformctl.cli.COMMANDS): the map must name each top-level command
    of each module, and nothing else."""
    import typer

    from reformctl import cli as C

    found = {}
    for module in C.COMMAND_MODULES:
        group = typer.main.get_command(C.make_app([module]))
        ctx = group.make_context("reformctl", [], resilient_parsing=True)
        for name in group.list_commands(ctx):
            assert name not in found, f"{name} registered by {found[name]} and {module}"
            found[name] = module
    assert found == C.COMMANDS


def test_a_command_built_alone_helps_and_fails_as_with_all(cli):
    from typer.testing import CliRunner

    from reformctl import cli as C

    runner = CliRunner()
    for argv in (
        ["status", "--help"],
        ["pilot", "--help"],
        ["new", "task", "--help"],
        ["check", "--bogus"],
        ["status", "--as-of", "tomorrow"],
        ["close-out", "--help"],
    ):
        alone = runner.invoke(C._app_for(argv), argv)
        every = runner.invoke(C.app, argv)
        assert (alone.exit_code, alone.stdout, alone.stderr) == (every.exit_code, every.stdout, every.stderr), argv
    assert len(C._app_for(["status"]).registered_commands) == 1
    assert C._app_for(["--help"]) is C.app and C._app_for(["stauts"]) is C.app and C._app_for([]) is C.app
    r = cli("stauts")
    assert r.exit_code == 2 and "status" in r.stderr  # a typo: the full app says which command was meant
