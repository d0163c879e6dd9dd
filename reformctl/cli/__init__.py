"""The CLI: a thin Typer layer. Each command lives in its own module under ``reformctl/cli/`` and exposes
``register(app)``; heavy imports happen inside the command functions so that ``--help`` stays fast."""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Any, Optional

import typer


_SETTINGS: dict[str, Any] = dict(
    name="reformctl",
    help="Keep a reform office's implementation ledger (改革落实台账) as YAML files in git: validate it, "
    "chase deadlines with traffic lights, report quarterly, and write off completed items at year end.\n\n"
    "Exit codes: 0 ok, 1 findings (errors found, items blocking), 2 bad usage or unusable ledger, "
    "3 internal error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# One module per command (group); order is the order of `reformctl --help`.
COMMAND_MODULES = [
    "init",
    "check",
    "catalogue",
    "schema",
    "status",
    "agenda",
    "summary",
    "schedule",
    "cases",
    "assess",
    "accountability",
    "reference",
]
COMMAND_MODULES += ["export", "importer", "report", "calendar", "notify"]  # reports (issue 5), group chats
# the write commands (issue 4): one git commit each
COMMAND_MODULES += ["new", "edit", "closeout", "log", "recover"]
COMMAND_MODULES += ["fetch"]  # levels: members' ledgers (fetch, bundle)

# The module of each top-level command, so that `reformctl status ...` builds only that command (Typer builds
# every registered command before it runs one: 0.07 s of each run). A test checks it against the modules.
COMMANDS = {
    "init": "init",
    "check": "check",
    "catalogue": "catalogue",
    "schema": "schema",
    "status": "status",
    "agenda": "agenda",
    "summary": "summary",
    "schedule": "schedule",
    "cases": "cases",
    "assess": "assess",
    "accountability": "accountability",
    "cli-reference": "reference",
    "export": "export",
    "import": "importer",
    "report": "report",
    "calendar": "calendar",
    "notify": "notify",
    "new": "new",
    "progress": "edit",
    "complete": "edit",
    "evidence": "edit",
    "cancel": "edit",
    "rectify": "edit",
    "verify": "edit",
    "review": "edit",
    "pilot": "edit",
    "extend": "edit",
    "approve": "edit",
    "close-out": "closeout",
    "log": "log",
    "recover": "recover",
    "fetch": "fetch",
    "bundle": "fetch",
}


def _version(value: bool) -> None:
    if value:
        from ..base.origin import origin

        # the version, and where it came from: the commit of a git install or of a source checkout
        print(origin().describe())
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print the version (and the git commit of a git install or checkout) and exit.",
    ),
) -> None:
    """reformctl: the reform implementation ledger tool."""
    from .common import check_environment, reset_lang
    from .storeopts import reset_no_verify

    # the words still to parse (the command and its options): what the command line said, also when the app
    # is run in-process rather than from sys.argv
    words = [*(getattr(ctx, "_protected_args", None) or []), *ctx.args] or sys.argv[1:]
    reset_lang(words)
    reset_no_verify()
    # the command has not parsed its --lang yet: a refusal of the environment looks for it in the words
    check_environment(words)


def make_app(modules: Optional[list[str]] = None) -> typer.Typer:
    """The command line with the commands of ``modules`` (all by default)."""
    from .helptext import ReadableGroup

    new_app = typer.Typer(cls=ReadableGroup, **_SETTINGS)
    new_app.callback()(_root)
    for name in COMMAND_MODULES if modules is None else modules:
        importlib.import_module(f"{__name__}.{name}").register(new_app)
    return new_app


_APP: Optional[typer.Typer] = None


def __getattr__(name: str):
    """``app``: the command line with every command, built on first use (``main`` builds only the one run)."""
    global _APP
    if name == "app":
        if _APP is None:
            _APP = make_app()
        return _APP
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _app_for(argv: list[str]) -> typer.Typer:
    """The command line to run ``argv`` with: only the command named, when the first word names one (help and
    errors of that command are the same); everything for the rest (`--help`, `--version`, a typo)."""
    first = argv[0] if argv else ""
    module = COMMANDS.get(first)
    if module is None:
        return __getattr__("app")
    return make_app([module])


def main() -> None:
    """Console entry point: exit 3 with a short message on an unexpected exception; an output that cannot be
    written (a full disk, an encoding that cannot hold the text) is exit 2 with a message; a reader that stops
    reading (`| head -1`) ends the command quietly."""
    from ..base.lifetime import command_runtime

    with command_runtime():
        _run(sys.argv[1:])


def _run(argv: list[str]) -> None:
    from ..base.lifetime import anything_kept

    _guard_stderr()
    from .common import sanitize_columns

    sanitize_columns()  # before Typer lays out any help
    try:
        _app_for(argv)(standalone_mode=True)
    except SystemExit as exc:
        if exc.code == 130:  # Typer's answer to Ctrl-C, without a word
            _interrupted()
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # Click's answer to a broken pipe (exit 1)
            _quiet_pipe()
        _flush_stdout()
        if anything_kept() and (exc.code is None or type(exc.code) is int):
            _exit_now(exc.code or 0)
        raise
    except KeyboardInterrupt:
        _interrupted()
        sys.exit(130)
    except BrokenPipeError:
        _quiet_pipe()
    except UnicodeEncodeError as exc:
        _output_failed(exc)
    except OSError as exc:
        if exc.errno in OUTPUT_ERRNOS:
            _output_failed(exc)
        _internal(exc)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        _internal(exc)


# errors of writing the output somewhere that cannot take it (`> /dev/full`, a full or read-only disk, a quota)
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


def _internal(exc: BaseException) -> None:
    if os.environ.get("REFORMCTL_DEBUG", "").strip().lower() not in ("", "0", "false", "no", "off"):
        raise exc
    sys.stderr.write(
        f"reformctl: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in reformctl; set REFORMCTL_DEBUG=1 to see the traceback and please report it.\n"
    )
    sys.exit(3)


def _guard_stderr() -> None:
    """Messages always get out: a character stderr's encoding cannot hold (PYTHONIOENCODING=ascii) is written
    as a backslash escape rather than failing the command."""
    try:
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass


def _flush_stdout() -> None:
    """Flush stdout now, so that an output that could not be written is said (and its exit code given)
    rather than lost in the interpreter's last flush."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_pipe()
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno not in OUTPUT_ERRNOS:
            return
        if isinstance(exc, ValueError):  # stdout closed
            return
        _output_failed(exc)


def _quiet_pipe() -> None:
    """The reader of stdout went away (`| head -1`): what it wanted it had; end quietly with exit 0, and keep
    the interpreter from complaining when it flushes stdout on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(0)


def _output_failed(exc: BaseException) -> None:
    from ..i18n.faults import os_reason
    from ..i18n.write import say
    from .common import current_lang

    lang = current_lang()
    if isinstance(exc, UnicodeEncodeError):
        msg = say("process_output_encoding", lang, encoding=getattr(sys.stdout, "encoding", "?"))
    else:
        msg = say("process_output_failed", lang, why=os_reason(exc))
    done = _committed(lang)
    if done:  # the write is done: saying it failed would have it done twice
        msg = say("process_output_failed_after", lang, done=done, problem=msg)
    try:
        sys.stderr.write(f"reformctl: {msg}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    try:  # what is still buffered cannot be written either: drop it so that the exit does not try again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(0 if done else 2)


def _interrupted() -> None:
    """Say that the command was interrupted, and what it committed before (or it may be run, and done, twice)."""
    from ..i18n.write import say
    from .common import current_lang

    lang = current_lang()
    done = _committed(lang)
    try:
        sys.stderr.write(
            f"reformctl: {say('process_interrupted_after', lang, done=done) if done else say('process_interrupted', lang)}\n"
        )
    except (OSError, ValueError):
        pass


def _committed(lang: str) -> str:
    """What this process committed, said in ``lang`` (the write is done even if its output is lost), or "" (no
    commit: the store was not even loaded)."""
    from ..i18n.write import say

    store = sys.modules.get("reformctl.store.commit")
    made = [(sha[:7], ref.rsplit("/", 1)[-1], subject) for sha, ref, subject in getattr(store, "COMMITTED", None) or []]
    if not made:
        return ""
    one = [say("process_committed_one", lang, sha=sha, branch=branch, subject=subject) for sha, branch, subject in made]
    return say("process_committed", lang, commits=("、" if lang == "zh" else ", ").join(one))


def _exit_now(code: int) -> None:
    """End a command that loaded a ledger without freeing it object by object (a quarter of a second at
    100,000 items): run the exit handlers, flush the output, leave."""
    import atexit

    from ..base.lifetime import wait_for_helpers

    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe (`| head`) or a closed stream: nothing more to say
                pass
        wait_for_helpers()  # the output is out: what a helper remembers for the next run is finished
        os._exit(code)
