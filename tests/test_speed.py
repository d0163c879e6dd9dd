"""Speed-related behaviour (issue 6): the C YAML parser is really used, start-up stays lazy.

No test here measures time (speed is measured in benchmarks/); they check the mechanisms that make it fast."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reformctl.load import yamlread


def test_the_libyaml_parser_is_used_when_pyyaml_has_it():
    # A bug fixed: `from yaml import CParser` always failed (the class lives in yaml.cyaml), so every file was
    # parsed by the pure-Python parser, about seven times slower.
    assert bool(getattr(yaml, "__with_libyaml__", False)) == yamlread.HAVE_LIBYAML
    if yamlread.HAVE_LIBYAML:
        assert yamlread.Loader12.__mro__[1].__module__ == "yaml._yaml"


HEAVY = (
    "pydantic",
    "git",
    "openpyxl",
    "ruamel",
    "yaml",
    "reformctl.model",
    "reformctl.load",
    "reformctl.rules",
    "reformctl.store",
    "reformctl.api",
)


def _imported_by(*args: str, cwd=None) -> set[str]:
    """Modules a real `python -X importtime -m reformctl ARGS` process imported (from the interpreter's own log)."""
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reformctl", *args],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "COLUMNS": "100"},
        cwd=cwd,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    mods = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip())
    assert "reformctl.cli" in mods  # the log is there
    return mods


import pytest  # noqa: E402


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("status", "--help"), ("--version",)])
def test_help_imports_no_heavy_module(args):
    mods = _imported_by(*args)
    # typer (0.2x) itself imports pydantic to build a command's parameters, so a command's --help has it; the
    # top-level --help and --version must not, and none may import the models or anything heavier
    heavy = HEAVY if len(args) == 1 else tuple(h for h in HEAVY if h != "pydantic")
    heavy = sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in heavy))
    assert heavy == [], f"`reformctl {' '.join(args)}` imported {heavy}: move the import inside the command function"


def test_benchmark_ledger_generator_makes_a_clean_ledger(tmp_path, cli):
    """benchmarks/generate.py stays contract-conformant: its ledger passes `check` (and is deterministic)."""
    import subprocess
    import sys

    from conftest import REPO

    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "generate.py"), "300", str(out), "--no-git"],
            check=True,
            capture_output=True,
        )
        outs.append(out)
    r = cli("check", "--ledger", outs[0], "--format", "json")
    assert r.exit_code == 0 and r.stdout.strip() == "[]", r
    assert len(list((outs[0] / "tasks").glob("*.yaml"))) == 210
    assert (outs[0] / "tasks" / "T-2016-000001.yaml").read_text(encoding="utf-8") == (
        outs[1] / "tasks" / "T-2016-000001.yaml"
    ).read_text(encoding="utf-8")
    r = cli("status", "--ledger", outs[0], "--as-of", "2017-06-30", "--format", "json")
    assert r.exit_code == 0 and r.stdout.startswith("[")


JSON_ROWS = [
    [],
    [{}],
    [
        {
            "id": "T-1",
            "days": -3,
            "ok": True,
            "no": False,
            "none": None,
            "big": 10**30,
            "f": 2.5,
            "nan": float("nan"),
            "zh": "市发改委“引号”\\反斜杠\n换行\t\u0001",
            "list": [],
            "nested": {"a": [1, {"b": []}], "c": {}},
            "rows": [{"x": 1}, "y"],
        }
    ],
    [{"a": 1}, {"b": [1, 2]}, [3, {"c": None}], "text", 4, None, {1: "int key"}],
    # flat rows go through the C encoder split at NUL separators: strings that look like the separators
    [
        {"a": "},{", "b": "x\0y", "c": '"}', "d\0": 1, "e": "},\0{"},
        {"z": '{"a": 1}'},
        {"n": [1]},
        {"k": True, "m": None, "i": -7},
        {"b": 1.5},
        {"s": "\u2028 \ud83d\ude00 line\nbreak"},
    ],
    [{"only": "one"}],
]


@pytest.mark.parametrize("rows", JSON_ROWS)
def test_fast_json_array_is_byte_for_byte_json_dump(rows):
    import json

    from reformctl.base.textsafe import json_safe
    from reformctl.views.jsonfast import dumps_array

    # (json_safe: DEL, C1 controls, U+2028/2029 and bidi controls written as \uXXXX, the same data)
    assert dumps_array(rows) == json_safe(json.dumps(rows, ensure_ascii=False, indent=2))


def test_status_and_check_json_unchanged_by_the_fast_writer(cli, sample_copy):
    import json

    r = cli("status", "--ledger", sample_copy, "--as-of", "2016-12-31", "--format", "json")
    data = json.loads(r.stdout)
    assert data and r.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (sample_copy / "tasks" / "T-2016-001.yaml").write_text("id: T-2016-001\ntitle: [\n", encoding="utf-8")
    r = cli("check", "--ledger", sample_copy, "--format", "json")
    data = json.loads(r.stdout)
    assert data and r.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_remembered_status_and_check_import_no_record_class(sample_repo):
    """A warm `status`/`check` (answers remembered, reformctl.load.memo) lists files and reads the answer: it must
    not import the record classes (pydantic models), the YAML reader or the rules."""
    import time

    time.sleep(3.2)  # the files must be older than the racy window for answers to be remembered
    for args in (("status", "--as-of", "2016-12-31", "--format", "json"), ("check",)):
        first = _imported_by(*args, "--ledger", str(sample_repo))
        assert "reformctl.model.records" in first  # computed
        again = _imported_by(*args, "--ledger", str(sample_repo))
        heavy = sorted(
            m
            for m in again
            if m
            in (
                "reformctl.model.records",
                "reformctl.load.yamlread",
                "yaml",
                "reformctl.rules.deadlines",
                "reformctl.rules.checks",
            )
        )
        assert heavy == [], f"a remembered `reformctl {args[0]}` imported {heavy}"


def _run(*args: str):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "reformctl", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100", "REFORMCTL_NO_CACHE": "1"},
    )


def test_a_command_that_leaves_without_freeing_still_says_everything(sample_copy):
    """check and status end through os._exit (the loaded ledger is not freed object by object): the output is
    complete, flushed, and the exit code is the command's."""
    import json

    r = _run("check", "--ledger", str(sample_copy), "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stderr
    r = _run("status", "--ledger", str(sample_copy), "--as-of", "2017-06-30", "--format", "json")
    assert r.returncode in (0, 1) and isinstance(json.loads(r.stdout), list), r.stderr
    assert r.stdout.endswith("\n")
    bad = sample_copy / "tasks" / "T-2016-001.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status:", "status: [", 1), encoding="utf-8")
    r = _run("check", "--ledger", str(sample_copy), "--format", "json")
    assert r.returncode == 1 and any(f["file"] == "tasks/T-2016-001.yaml" for f in json.loads(r.stdout)), r.stderr
    r = _run("check", "--ledger", str(sample_copy))
    assert r.returncode == 1 and "tasks/T-2016-001.yaml" in r.stdout and "Traceback" not in r.stderr


def test_library_use_keeps_nothing_alive(sample_copy):
    from reformctl import api
    from reformctl.base import lifetime

    assert not lifetime.in_command()
    api.check(sample_copy, cache=False)
    assert not lifetime.in_command() and not lifetime.anything_kept()
    with lifetime.command_runtime():
        api.check(sample_copy, cache=False)
        assert lifetime.anything_kept()
    assert not lifetime.anything_kept()


def test_library_use_leaves_the_collector_threads_and_processes_of_its_host_alone(sample_copy):
    """Only the command line pauses and freezes the collector and forks parse workers; a library call on a
    ledger big enough for the parallel load (and with the collector on or off) leaves its host as it was."""
    import datetime
    import gc
    import os
    import threading

    from reformctl import api
    from reformctl.load import PARALLEL_MIN_FILES, load_ledger

    led = sample_copy
    task = (led / "tasks" / "T-2016-001.yaml").read_text(encoding="utf-8")
    for i in range(PARALLEL_MIN_FILES):
        (led / "tasks" / f"T-2030-{i + 1:03d}.yaml").write_text(
            task.replace("T-2016-001", f"T-2030-{i + 1:03d}"), encoding="utf-8"
        )
    forks = []
    os.register_at_fork(before=lambda: forks.append(1))
    gc.unfreeze()
    threads = threading.active_count()
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            res = load_ledger(led, cache=False)
            assert len(res.ledger.tasks) > PARALLEL_MIN_FILES, res.diagnostics[:3]
            api.status_data(led, datetime.date(2017, 6, 30), cache=False)
            api.check(led, cache=False)
            assert (gc.isenabled(), gc.get_freeze_count(), threading.active_count()) == (enabled, 0, threads)
        finally:
            gc.enable()
    assert forks == []
    load_ledger(led, cache=False, jobs=2)  # asked for: then it forks
    assert forks and gc.get_freeze_count() == 0


def test_exit_handlers_run_before_leaving(tmp_path):
    # the fast exit runs what was registered with atexit (a temporary folder's clean-up, for one)
    import subprocess
    import sys

    marker = tmp_path / "ran"
    code = (
        "import atexit, sys; from reformctl.base import lifetime; from reformctl.cli import main; "
        f"atexit.register(lambda: open({str(marker)!r}, 'w').write('x')); "
        "import reformctl.cli as c; leave = c._exit_now; "
        "c._exit_now = lambda code: (sys.stderr.write('fast exit\\n'), leave(code)); "
        "rt = lifetime.command_runtime(); rt.__enter__(); lifetime.keep_until_exit(object()); "
        "sys.argv = ['reformctl', '--version']; main()"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("reformctl "), r.stderr
    assert marker.read_text() == "x"
    assert "fast exit" in r.stderr


def test_status_leaves_what_it_loaded_out_of_the_collectors_way(sample_copy):
    """A bug fixed: status turned the collector off around its load, so the load did not freeze what it read;
    on a kept ledger of 100,000 items every later collection walked millions of objects (14 s instead of 8)."""
    import datetime
    import gc

    from reformctl import api

    from reformctl.base.lifetime import command_runtime

    gc.unfreeze()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with command_runtime():
        data = api.status_data(sample_copy, datetime.date(2017, 6, 30), cache=False)
    assert data.keys and gc.isenabled()
    assert gc.get_freeze_count() > 5000
    gc.unfreeze()


_SUSPECT_ALPHABET = "ab\\\n“”—…\u2027\u2028\u2029\u202a\u202e\u202f\u2065\u2066\u2069\u206a中文"


@settings(max_examples=400)
@given(st.text(alphabet=_SUSPECT_ALPHABET, max_size=30))
def test_suspect_bytes_quick_test_agrees_with_the_plain_scan(text):
    """`textsafe.suspect` (memchr first, a pattern only when E2 80/E2 81 occurs) says what the plain scan of
    every suspect byte sequence says, Chinese punctuation (E2 80 9C...) included."""
    from reformctl.base.textsafe import SUSPECT_BYTES, suspect

    data = text.encode()
    assert suspect(data) == any(s in data for s in SUSPECT_BYTES)
