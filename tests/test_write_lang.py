"""The write commands speak Simplified Chinese and English (`--lang zh|en`, default from the locale): success
lines, refusals, errors and the commit's subject and body come from reformctl/i18n/write.py. The commit trailers,
JSON output and exit codes are the same in both languages. Real git repositories of ledger-data/, the real CLI."""

from __future__ import annotations

import json
import re
import string

import pytest

from conftest import git

CJK = re.compile(r"[\u4e00-\u9fff]")
WRITE_COMMANDS = [
    ("new", "task"),
    ("new", "pilot"),
    ("new", "notice"),
    ("new", "reminder"),
    ("new", "report"),
    ("new", "event"),
    ("progress",),
    ("complete",),
    ("evidence",),
    ("cancel",),
    ("rectify",),
    ("verify",),
    ("review",),
    ("pilot", "file"),
    ("pilot", "exit"),
    ("pilot", "adjust"),
    ("extend",),
    ("approve",),
    ("close-out",),
    ("assess",),
    ("import",),
    ("init",),
]


def subject(repo) -> str:
    return git(repo, "log", "-1", "--format=%s").strip()


@pytest.mark.parametrize("command", WRITE_COMMANDS, ids=" ".join)
def test_every_write_command_takes_lang(cli, command):
    r = cli(*command, "--help", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "--lang" in r.stdout


def test_success_line_and_commit_subject_in_the_language_trailers_unchanged(sample_repo, cli):
    led = ["--ledger", sample_repo]
    r = cli("progress", "T-2016-003", "基金管理机构已选定", "--as-of", "2016-10-20", "--lang", "zh", *led)
    assert r.exit_code == 0, r.stderr
    zh_subject = subject(sample_repo)
    assert zh_subject == "记录进展 T-2016-003: 基金管理机构已选定"
    assert re.fullmatch(r"\[main [0-9a-f]{7}\] 已提交：记录进展 T-2016-003: 基金管理机构已选定\n", r.stderr)
    r = cli("progress", "T-2016-012", "已完成试点评估", "--as-of", "2016-10-20", "--lang", "en", *led)
    assert r.exit_code == 0, r.stderr
    assert re.fullmatch(r"\[main [0-9a-f]{7}\] Record progress on T-2016-012: 已完成试点评估\n", r.stderr)
    assert subject(sample_repo) == "Record progress on T-2016-012: 已完成试点评估"
    trailers = [git(sample_repo, "log", f"-{n}", "--skip", str(n - 1), "--format=%(trailers)").strip() for n in (1, 2)]
    assert trailers[0].replace("T-2016-012", "T-2016-003") == trailers[1]
    assert trailers[0].splitlines() == [
        "Reformctl-Action: progress",
        "Reformctl-Item: T-2016-012",
        "Reformctl-As-Of: 2016-10-20",
    ]


def test_new_prints_the_id_alone_on_stdout_in_both_languages(sample_repo, cli):
    led = ["--ledger", sample_repo]
    ids = []
    for lang in ("zh", "en"):
        r = cli(
            "new",
            "event",
            "--kind",
            "training",
            "--unit",
            "市委深改办",
            "--title",
            "培训",
            "--as-of",
            "2016-11-10",
            "--lang",
            lang,
            *led,
        )
        assert r.exit_code == 0, r.stderr
        assert re.fullmatch(r"E-2016-\d{3}\n", r.stdout)
        ids.append(r.stdout.strip())
        assert bool(CJK.search(r.stderr.split("]", 1)[1].split(":")[0])) == (lang == "zh")
        assert subject(sample_repo) == {"zh": f"新建活动 {ids[-1]}: 培训", "en": f"New event {ids[-1]}: 培训"}[lang]
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    "args, code, zh, en",
    [
        (("complete", "T-2016-002"), 2, "T-2016-002的状态已是“已完成”", "T-2016-002 is already completed"),
        (("verify", "RN-2016-003", "2"), 2, "尚未整改完成", "is not rectified yet"),
        (
            ("rectify", "RN-2016-001", "1"),
            2,
            "RN-2016-001问题1已于2016-10-28整改完成",
            "problem 1 of RN-2016-001 was already rectified on 2016-10-28",
        ),
        (("rectify", "RN-2016-001", "9"), 2, "整改通知RN-2016-001没有问题9", "notice RN-2016-001 has no problem 9"),
        (("progress", "T-2099-001", "x"), 2, "台账中没有任务T-2099-001", "no task T-2099-001 in this ledger"),
        (("complete", "NOPE-1", "--milestone", "x"), 2, "台账中没有任务或试点NOPE-1", "no task or pilot NOPE-1"),
        (
            ("approve", "T-2016-003", "--approver", "市委深改组"),
            2,
            "没有待批准的延期申请",
            "has no extension waiting for approval",
        ),
        (
            ("extend", "T-2016-003", "--new-due", "2016-13-01", "--reason", "r"),
            2,
            "--new-due 应为日期 YYYY-MM-DD，收到 '2016-13-01'",
            "--new-due wants a date YYYY-MM-DD, got '2016-13-01'",
        ),
        (
            ("new", "task", "--title", "x"),
            2,
            "缺少必填选项：--lead-unit, --due",
            "missing required option(s): --lead-unit",
        ),
        (
            ("new", "task", "--title", "x", "--lead-unit", "不存在的单位", "--due", "2017-01-01"),
            2,
            "--lead-unit 的单位 '不存在的单位' 不在 units.yaml 中",
            "unknown unit '不存在的单位' for --lead-unit",
        ),
        # a unit that looks like one of units.yaml: its name is offered (a gap fixed: no dashes, no suggestion)
        (
            ("new", "task", "--title", "x", "--lead-unit", "市财政", "--due", "2017-01-01"),
            2,
            "--lead-unit 的单位 '市财政' 不在 units.yaml 中；是不是：市财政局",
            "for --lead-unit (not in units.yaml); did you mean: 市财政局",
        ),
        (
            (
                "new",
                "task",
                "--title",
                "x",
                "--lead-unit",
                "市财政局",
                "--responsible",
                "市科技",
                "--due",
                "2017-01-01",
            ),
            2,
            "--responsible 中的单位 '市科技' 不在 units.yaml 中；是不是：市科技局",
            "in --responsible (not in units.yaml); did you mean: 市科技局",
        ),
        (
            ("new", "report", "--unit", "市发改委", "--quarter", "2016Q5"),
            2,
            "--quarter 应形如 2016Q4",
            "--quarter wants e.g. 2016Q4",
        ),
        (
            ("new", "notice", "--to-unit", "锦江区委", "--issued-by", "市委深改办", "--problem", "明天 问题"),
            2,
            "'明天' 不是日期",
            "'明天' is not a date",
        ),
        (("close-out",), 2, "请给出 --year YYYY", "give either --year YYYY"),
        (("close-out", "--year", "2016", "--reason", "r"), 2, "须与 --carry-over 编号同用", "go with --carry-over ID"),
        (("assess", "--dry-run"), 2, "--dry-run 须与 --write 同用", "--dry-run goes with --write"),
    ],
)
def test_refusals_in_both_languages_same_exit_code(sample_repo, cli, args, code, zh, en):
    head = git(sample_repo, "rev-parse", "HEAD")
    for lang, want in (("zh", zh), ("en", en)):
        r = cli(*args, "--ledger", sample_repo, "--as-of", "2016-12-31", "--lang", lang)
        assert r.exit_code == code, (lang, r.stderr)
        assert want in r.stderr, (lang, r.stderr)
        assert r.stderr.startswith("reformctl: ")
    assert git(sample_repo, "rev-parse", "HEAD") == head
    assert git(sample_repo, "status", "--porcelain") == ""


def test_store_refusal_uncommitted_edits_in_chinese(sample_repo, cli):
    p = sample_repo / "tasks" / "T-2016-003.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "# 手工备注\n", encoding="utf-8")
    for lang, want in (("zh", "本命令要修改的文件有未提交的改动"), ("en", "uncommitted changes in the file(s)")):
        r = cli("progress", "T-2016-003", "进展", "--ledger", sample_repo, "--lang", lang)
        assert r.exit_code == 1, r.stderr
        assert want in r.stderr and "tasks/T-2016-003.yaml" in r.stderr


def test_late_extension_warning_and_dry_run_in_chinese(sample_repo, cli):
    r = cli(
        "extend",
        "T-2016-003",
        "--new-due",
        "2017-06-30",
        "--reason",
        "需省级部门批复",
        "--as-of",
        "2017-01-05",
        "--dry-run",
        "--ledger",
        sample_repo,
        "--lang",
        "zh",
    )
    assert r.exit_code == 0, r.stderr
    assert "reformctl: 警告：逾期申请延期：2017-01-05申请" in r.stderr
    assert "试运行：将提交“申请延期 T-2016-003 至 2017-06-30 (逾期申请)”（1个文件）；未写入任何内容" in r.stderr
    assert "+  - {requested: 2017-01-05" in r.stdout
    r = cli(
        "extend",
        "T-2016-003",
        "--new-due",
        "2017-06-30",
        "--reason",
        "r",
        "--as-of",
        "2017-01-05",
        "--dry-run",
        "--ledger",
        sample_repo,
        "--lang",
        "en",
    )
    assert "reformctl: warning: late: the extension was asked on 2017-01-05" in r.stderr
    assert (
        'dry run: would commit "Ask to extend T-2016-003 to 2017-06-30 (asked late)" (1 file(s)); nothing written'
        in r.stderr
    )
    assert not CJK.search(r.stderr)


def test_lang_defaults_from_the_locale(sample_repo, cli):
    r = cli(
        "complete", "T-2016-002", "--ledger", sample_repo, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
    )
    assert r.exit_code == 2 and "的状态已是“已完成”" in r.stderr
    r = cli(
        "complete", "T-2016-002", "--ledger", sample_repo, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
    )
    assert r.exit_code == 2 and "is already completed" in r.stderr
    r = cli("complete", "T-2016-002", "--ledger", sample_repo, "--lang", "fr")
    assert r.exit_code == 2 and "--lang is zh or en" in r.stderr


def test_close_out_refusal_in_chinese_json_unchanged(sample_repo, cli):
    args = ("close-out", "--year", "2016", "--as-of", "2016-12-31", "--ledger", sample_repo)
    zh = cli(*args, "--lang", "zh")
    en = cli(*args, "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert zh.stdout.startswith("2016年销账未执行：") and "时限 " in zh.stdout
    assert en.stdout.startswith("close-out 2016 refused: unfinished")
    assert "2016年销账未执行，未写入任何内容" in zh.stderr and "close-out 2016 refused, nothing written" in en.stderr
    jz = cli(*args, "--format", "json", "--lang", "zh")
    je = cli(*args, "--format", "json", "--lang", "en")
    assert jz.exit_code == je.exit_code == 1
    assert json.loads(jz.stdout) == json.loads(je.stdout) and json.loads(jz.stdout)["blocking"]
    assert git(sample_repo, "status", "--porcelain") == ""


def test_close_out_summary_in_chinese(sample_repo, cli):
    r = cli("close-out", "T-2016-002", "--as-of", "2017-01-10", "--ledger", sample_repo, "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    assert "已提交：销账 T-2016-002" in r.stderr and subject(sample_repo) == "销账 T-2016-002"


def test_import_and_init_messages_in_chinese(sample_repo, cli, tmp_path):
    r = cli("import", tmp_path / "nothing.xlsx", "--ledger", sample_repo, "--lang", "zh")
    assert r.exit_code == 2 and "nothing.xlsx 不是文件" in r.stderr
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    r = cli("import", bad, "--ledger", sample_repo, "--lang", "zh")
    assert r.exit_code == 2 and "作为 .xlsx 工作簿读取" in r.stderr
    r = cli("init", tmp_path / "l", "--name", " ", "--lang", "zh")
    assert r.exit_code == 2 and "--name 不能为空" in r.stderr
    r = cli("init", tmp_path / "l", "--start", "2025-02-30", "--lang", "en")
    assert r.exit_code == 2 and "--start 2025-02-30 is not a day: February 2025 has 28 days" in r.stderr
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    r = cli("init", tmp_path / "l", "--start", "2025-01-01", "--lang", "zh", env=env)
    assert r.exit_code == 0, r.stderr
    assert "已在新建的 git 仓库中创建台账" in r.stderr and "下一步：编辑 units.yaml" in r.stderr
    assert git(tmp_path / "l", "log", "-1", "--format=%B").startswith("reformctl init: 新建改革落实台账 ")
    assert "由 reformctl " in git(tmp_path / "l", "log", "-1", "--format=%b")
    r = cli("init", tmp_path / "m", "--start", "2025-01-01", "--lang", "en", env=env)
    assert r.exit_code == 0, r.stderr
    message = git(tmp_path / "m", "log", "-1", "--format=%B")
    assert message.startswith("reformctl init: new reform ledger ") and "Reformctl-Action: init" in message
    assert not CJK.search(message.replace("改革落实台账", ""))  # the ledger's name (data) aside


def test_catalogue_is_complete_and_consistent():
    from reformctl.i18n import write as i18n_write

    fmt = string.Formatter()
    for key, (en, zh) in i18n_write.TEXTS.items():
        assert zh and en, key
        assert CJK.search(zh), key
        names = lambda t: sorted({f for _, f, _, _ in fmt.parse(t) if f})  # noqa: E731
        assert names(zh) == names(en), key
    s = i18n_write.Msg("already_status", item_id="T-1", status=i18n_write.status("completed"))
    assert str(s) == "T-1 is already completed" and i18n_write.localize(s, "zh") == "T-1的状态已是“已完成”"
    import pickle

    assert i18n_write.localize(pickle.loads(pickle.dumps(s)), "zh") == "T-1的状态已是“已完成”"
    head = i18n_write.Msg("st_not_branch", ref="refs/tags/v1")
    assert str(head) == "HEAD points to refs/tags/v1, not a branch"
    assert i18n_write.localize(head, "zh") == "HEAD 指向 refs/tags/v1，不是分支"
    # English text that is not a message (git's own words) is shown as it is, never matched back to Chinese
    assert (
        i18n_write.localize("HEAD points to refs/tags/v1, not a branch", "zh")
        == "HEAD points to refs/tags/v1, not a branch"
    )
    nested = i18n_write.Msg("st_edit_file", rel="tasks/T-1.yaml", error=i18n_write.Msg("st_too_deep"))
    assert (
        i18n_write.localize(nested, "zh")
        == "文件 tasks/T-1.yaml：无法解析该文件以便编辑：嵌套层级过深（见 `reformctl check`）"
    )
    assert str(nested).startswith("tasks/T-1.yaml: cannot parse the file for editing: it is nested too deeply")


def test_writes_raise_only_catalogued_messages():
    from pathlib import Path

    import reformctl.actions.new as new
    import reformctl.actions.writes as writes

    for module in (writes, new):
        src = Path(module.__file__).read_text(encoding="utf-8")
        raised = re.findall(r"(?:StoreError|BadRequest)\(\s*([^,)]*)", src)  # the formatter may break the line
        assert raised and all(a.startswith("Msg(") for a in raised), (module.__name__, raised)


def test_nothing_to_do_in_both_languages(sample_repo, cli):
    led = ["--ledger", sample_repo, "--as-of", "2016-10-20"]
    assert cli("evidence", "T-2016-003", "成金办〔2016〕12号", *led).exit_code == 0
    head = git(sample_repo, "rev-parse", "HEAD")
    zh = cli("evidence", "T-2016-003", "成金办〔2016〕12号", *led, "--lang", "zh")
    en = cli("evidence", "T-2016-003", "成金办〔2016〕12号", *led, "--lang", "en")
    assert zh.exit_code == en.exit_code == 0
    assert zh.stderr == "reformctl: 无需修改：台账已是如此\n"
    assert en.stderr == "reformctl: nothing to change: the ledger already says so\n"
    assert git(sample_repo, "rev-parse", "HEAD") == head


def test_close_out_and_init_refusals_from_other_modules_in_chinese(sample_repo, cli):
    led = ["--ledger", sample_repo, "--as-of", "2017-01-10"]
    for lang, want in (
        ("zh", "T-2016-003 的状态是 in_progress，尚未完成：只有已完成的事项才能销账"),
        ("en", "T-2016-003 is in_progress, not completed: only completed items are written off"),
    ):
        r = cli("close-out", "T-2016-003", *led, "--lang", lang)
        assert r.exit_code == 1 and want in r.stderr, r.stderr
    for lang, want in (
        ("zh", "挂账结转 T-2016-003：new_due 2016-01-01 不晚于其时限"),
        ("en", "carry-over for T-2016-003: new_due 2016-01-01 is not after its deadline"),
    ):
        r = cli(
            "close-out",
            "--year",
            "2016",
            "--carry-over",
            "T-2016-003",
            "--reason",
            "r",
            "--measures",
            "m",
            "--new-due",
            "2016-01-01",
            *led,
            "--lang",
            lang,
        )
        assert r.exit_code == 2 and want in r.stderr, r.stderr
    for lang, want in (
        ("zh", "中已有台账（reformctl.yaml）；未写入任何内容"),
        ("en", "already holds a ledger (reformctl.yaml); nothing was written"),
    ):
        r = cli("init", sample_repo, "--lang", lang)
        assert r.exit_code == 2 and want in r.stderr, r.stderr
    assert git(sample_repo, "status", "--porcelain") == ""


# English texts that quote Chinese on purpose: the sheet names a workbook may use, an example value
QUOTES_CHINESE = {"im_no_sheets", "milestone_format"}


def test_one_language_at_a_time_in_the_write_messages():
    from reformctl.i18n import write as i18n_write

    latin_word = re.compile(r"\b(?:of|and|the|to|for)\b")
    for key, (en, zh) in i18n_write.TEXTS.items():
        if key not in QUOTES_CHINESE:
            assert not CJK.search(en), key
        if key.startswith("cm_"):
            assert not latin_word.search(zh), key


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_commit_subjects_of_every_write_command_in_one_language(sample_repo, cli, lang):
    """Every write command's commit subject and body in the command's language: ids, dates, titles and
    reasons the user typed aside, nothing of the other language; the trailers the same in both."""
    led = ["--ledger", sample_repo, "--lang", lang]
    runs = [
        ("complete", "T-2016-003", "--milestone", "选定基金管理机构", "--as-of", "2016-10-21"),
        ("evidence", "T-2016-003", "doc.pdf", "--as-of", "2016-10-21"),
        (
            "extend",
            "T-2016-003",
            "--new-due",
            "2017-06-30",
            "--reason",
            "rr",
            "--approver",
            "aa",
            "--as-of",
            "2017-01-05",
        ),
        ("cancel", "T-2016-003", "--reason", "rr", "--as-of", "2017-01-06"),
        ("close-out", "T-2016-002", "--as-of", "2017-01-10"),
    ]
    for args in runs:
        before = git(sample_repo, "rev-parse", "HEAD")
        r = cli(*args, *led)
        assert r.exit_code == 0, (args, r.stderr)
        message = git(sample_repo, "log", "-1", "--format=%B")
        text, _, trailers = message.rpartition("\n\nReformctl-Action: ")
        words = text.replace("选定基金管理机构", "")
        assert bool(CJK.search(words)) == (lang == "zh"), message
        if lang == "zh":
            assert not re.search(r"[A-Za-z]{3,}", words.replace("doc.pdf", "")), message
        assert trailers.startswith(args[0]) and f"Reformctl-Item: {args[1]}" in trailers
        assert git(sample_repo, "rev-parse", "HEAD^") == before
    subjects = git(sample_repo, "log", "-5", "--format=%s").splitlines()[::-1]
    assert (
        subjects
        == {
            "zh": [
                "完成任务 T-2016-003 的进度节点 选定基金管理机构",
                "添加佐证材料 T-2016-003: doc.pdf",
                "申请延期 T-2016-003 至 2017-06-30 (逾期申请)，aa批准",
                "取消任务 T-2016-003: rr",
                "销账 T-2016-002",
            ],
            "en": [
                "Complete milestone 选定基金管理机构 of task T-2016-003",
                "Add evidence to T-2016-003: doc.pdf",
                "Ask to extend T-2016-003 to 2017-06-30 (asked late), approved by aa",
                "Cancel task T-2016-003: rr",
                "Write off T-2016-002",
            ],
        }[lang]
    )
    body = git(sample_repo, "log", "-1", "--skip", "2", "--format=%b")
    assert body.startswith({"zh": "理由: rr", "en": "Reason: rr"}[lang])


def test_store_close_out_and_init_raise_only_catalogued_messages_and_nothing_is_read_back():
    """Every refusal of the store, close-out and init is a key and its values (reformctl/i18n/refusals.py): the
    English is never matched by patterns to find the Chinese."""
    from pathlib import Path

    import reformctl
    from reformctl.i18n import write as i18n_write

    base = Path(reformctl.__file__).parent
    files = [*(base / "store").glob("*.py"), base / "actions" / "closeout.py", base / "kit" / "__init__.py"]
    raised = []
    for f in files:
        src = f.read_text(encoding="utf-8")
        raised += re.findall(r"raise (?:StoreError|BadRequest|InitError|NothingToDo)\(\s*([^,)]*)", src)
    assert len(raised) > 40
    assert all(a.startswith(("Msg(", "exc", "err")) for a in raised), [a for a in raised if not a.startswith("Msg(")]
    src = Path(i18n_write.__file__).read_text(encoding="utf-8")
    assert not hasattr(i18n_write, "STORE") and "re.compile" not in src
