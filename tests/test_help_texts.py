"""`--help` reads well at any width (reformctl/cli/helptext.py): placeholders a person understands, paragraphs
re-flowed to the terminal, and one meaning per short flag across the whole command line."""

from __future__ import annotations

import re

import pytest
import typer

TYPE_NAMES = re.compile(
    r"<(?:bool|str|int|float|path|text|list\[[^>]*\]|int range|float range|"
    r"[a-z_]+(?:\|[a-z_]+)+)>|\[\[|\{[A-Z_]+\}"
)


def _root():
    from reformctl.cli import app

    return typer.main.get_command(app)


def _commands(cmd=None, path=()):
    cmd = cmd or _root()
    yield path, cmd
    for name, sub in (getattr(cmd, "commands", None) or {}).items():
        if not getattr(sub, "hidden", False):
            yield from _commands(sub, (*path, name))


def test_one_meaning_per_short_flag():
    from reformctl.cli.helptext import short_flags

    flags = short_flags(_root())
    clashes = {s: m for s, m in flags.items() if len(m) > 1}
    assert not clashes, clashes
    assert set(flags["-n"]) == {"--dry-run"}
    assert len(flags["-n"]["--dry-run"]) > 10  # every write command
    assert set(flags["-L"]) == {"--ledger"} and set(flags["-f"]) == {"--format"}


def test_every_option_has_a_readable_placeholder():
    bad = []
    for path, cmd in _commands():
        for p in cmd.params:
            kind = getattr(p, "param_type_name", "")
            if kind == "option" and not (p.is_flag or p.count):
                if not p.metavar or TYPE_NAMES.search(p.metavar):
                    bad.append((" ".join(path), p.opts, p.metavar))
            elif kind == "argument" and (not p.metavar or not re.fullmatch(r"[A-Z_|a-z]+", p.metavar)):
                bad.append((" ".join(path), p.name, p.metavar))
    assert not bad, bad


def test_no_type_names_in_the_reference():
    from reformctl.cli.reference import generate

    text = generate()
    assert not TYPE_NAMES.findall(text), sorted(set(TYPE_NAMES.findall(text)))
    assert "-l, --light red|yellow" in text and "Usage: reformctl close-out [OPTIONS] [ID]" in text
    assert "Usage: reformctl progress [OPTIONS] ID NOTE" in text


@pytest.mark.parametrize("width", [60, 100, 200])
def test_rich_help_at_any_width(cli, width):
    for path, _cmd in _commands():
        r = cli(*path, "--help", env={"COLUMNS": str(width)})
        assert r.exit_code == 0, (path, r)
        assert not TYPE_NAMES.search(r.stdout), (path, TYPE_NAMES.findall(r.stdout))
        assert "<bool>" not in r.stdout


def test_paragraphs_follow_the_terminal(cli):
    """The source's line breaks are gone: a sentence of `status --help` is on one line when there is room."""
    wide = cli("status", "--help", env={"COLUMNS": "200"}).stdout
    assert "Due today is yellow (days 0), red from the next day; yellow starts `rules.due_soon_days`" in wide
    narrow = cli("status", "--help", env={"COLUMNS": "60"}).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    for path, cmd in _commands():
        for para in (cmd.help or "").split("\n\n"):
            lines = para.split("\n")
            if len(lines) > 1:  # kept only for lists, commands and indented blocks
                assert any(re.match(r"\s|[-*•] |\d+[.)] |\$ |reformctl\s", ln) for ln in lines[1:]), (path, para)


def test_reflow_keeps_lists_and_examples():
    from reformctl.cli.helptext import reflow

    assert reflow("One\n    two.\n\n    Three\n    four.") == "One two.\n\nThree four."
    doc = """Check it.

    Examples:
      reformctl status
      reformctl check

        # yaml-language-server: $schema=x
    """
    assert reflow(doc) == (
        "Check it.\n\nExamples:\n  reformctl status\n  reformctl check\n\n    # yaml-language-server: $schema=x"
    )
    assert reflow("Kinds:\n- task\n- pilot") == "Kinds:\n- task\n- pilot"


def test_agenda_days_and_log_limit_still_work(cli, sample_copy):
    assert cli("agenda", "--ledger", sample_copy, "--as-of", "2016-12-01", "-d", "7").exit_code == 0
    assert cli("agenda", "--ledger", sample_copy, "--as-of", "2016-12-01", "--days", "7").exit_code == 0
