"""One language at a time: with `--lang zh` (or a Chinese locale) people read Chinese only, with `--lang en`
English only; ids, titles and the JSON and github formats (read by machines) aside. Real ledgers, the real CLI."""

from __future__ import annotations

import re

from conftest import git

CJK = re.compile(r"[\u4e00-\u9fff]")
BROKEN = {
    "tasks/T-2016-001.yaml": "id: T-2016-001\ntitle: 测试\nstatus: bogus\n",
    "tasks/T-2016-002.yaml": "id: T-2016-002\ntitle: 测试\nstart: 2016-01-01\ndue: 2016-12-31\n"
    "lead_unit: 市委深改办\nstatus: planned\ncarry_over: {reason: r}\n",
}


def test_check_names_the_severity_in_the_language(cli, make_ledger):
    root = make_ledger(BROKEN)
    zh = cli("check", "--ledger", root, "--lang", "zh")
    en = cli("check", "--ledger", root, "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert ": 错误 [missing_field]" in zh.stdout and " error " not in zh.stdout
    assert ": error [missing_field]" in en.stdout and "错误" not in en.stdout
    zh = cli("check", "--ledger", root, "--lang", "zh", "--format", "markdown")
    assert "| 错误 | `missing_field` |" in zh.stdout and "| error |" not in zh.stdout
    en = cli("check", "--ledger", root, "--lang", "en", "--format", "markdown")
    assert "| error | `missing_field` |" in en.stdout
    # machines read the github annotations and the JSON: the same in both languages
    gz = cli("check", "--ledger", root, "--lang", "zh", "--format", "github")
    assert "::error file=" in gz.stdout
    jz = cli("check", "--ledger", root, "--lang", "zh", "--format", "json")
    assert '"severity": "error"' in jz.stdout


def test_check_step_summary_in_one_language(cli, make_ledger, tmp_path):
    root = make_ledger(BROKEN)
    for lang, want, other in (("zh", "### 红灯事项\n", "red items"), ("en", "### Red items\n", "红灯")):
        summary = tmp_path / f"summary-{lang}.md"
        r = cli("check", "--ledger", root, "--lang", lang, "--summary-file", summary)
        assert r.exit_code == 1
        text = summary.read_text(encoding="utf-8")
        assert want in text and other not in text, text


def test_a_command_refusing_a_broken_ledger_names_the_errors_in_the_language(cli, make_ledger):
    root = make_ledger(BROKEN)
    zh = cli("status", "--ledger", root, "--lang", "zh", "--as-of", "2016-12-31")
    assert zh.exit_code == 1
    assert ": 错误 [invalid_choice]" in zh.stderr and "error" not in zh.stderr, zh.stderr
    en = cli("status", "--ledger", root, "--lang", "en", "--as-of", "2016-12-31")
    assert en.exit_code == 1 and ": error [invalid_choice]" in en.stderr and not CJK.search(en.stderr.split("]")[0])


def test_close_out_names_the_blocking_errors_in_the_language(cli, sample_repo):
    (sample_repo / "tasks" / "T-2016-001.yaml").write_text("id: T-2016-001\nstatus: bogus\n", encoding="utf-8")
    git(sample_repo, "commit", "-qam", "break")
    zh = cli("close-out", "--year", "2016", "--ledger", sample_repo, "--lang", "zh", "--as-of", "2016-12-31")
    assert zh.exit_code == 1 and ": 错误 [" in zh.stderr and ": error [" not in zh.stderr, zh.stderr
    en = cli("close-out", "--year", "2016", "--ledger", sample_repo, "--lang", "en", "--as-of", "2016-12-31")
    assert en.exit_code == 1 and ": error [" in en.stderr


def test_no_traditional_characters_in_what_the_project_ships():
    """Chinese output and documents are in simplified characters (what mainland offices read)."""
    from pathlib import Path

    here = Path(__file__).resolve().parent.parent
    traditional = set(
        "丟並來倉個們備傳內兩刪則創劃務勢匯參員問單嚴國圍執壓夾學實寫寬將對屆層屬帶幹庫廣張強後徑從復態應掛換"
        "擇據擴敗數斷於時暫條業構樣機檔檢權歷歸決沒況淺減準滿無燈爲爾牽狀獨獲環產當盤確碼稱穩節籤紅終結絕給統綜綠"
        "網線編縮總績續義習聯聽腦與蓋虛號裏補裝規覽計記設許詢試該詳認語誡誤說誰請證識讀變讓負財責趨蹤軌軸較載輯輸"
        "轉這連運過達違遠適遲選還邏釋釘鉤錄錦錨錯鍵鎖鏈鑑長閒間關際隨險隱雙離電響順須題類顯風體黃黨齊"
        "賬發現級組織處專項會議區縣場進門約見談審評啓啟動範點標辦聞佈調臺訓報經驗職頭開領導銷"
    )
    checked = 0
    for path in [here / "pyproject.toml", here / "README.md", *(here / "docs").rglob("*.md")] + [
        p for p in (here / "reformctl").rglob("*") if p.suffix in (".py", ".md", ".yaml", ".yml", ".toml", ".html")
    ]:
        # the table that reads traditional labels on import is marked so
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.endswith("# input-only: traditional"))
        checked += 1
        found = sorted(set(text) & traditional)
        assert not found, f"{path.relative_to(here)}: traditional characters {''.join(found)}"
    assert checked > 50


def test_import_reads_status_labels_in_traditional_characters(cli, sample_repo, tmp_path):
    import pytest

    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "ledger.xlsx"
    r = cli("export", "--ledger", sample_repo, "--xlsx", out, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["改革任务"]
    heads = [c.value for c in ws[1]]
    rows = {ws.cell(i, 1).value: i for i in range(2, ws.max_row + 1)}
    status_col = heads.index("状态") + 1
    ws.cell(rows["T-2016-035"], status_col).value = "推進中"  # planned in the sample
    pilots = wb["改革试点"]
    pheads = [c.value for c in pilots[1]]
    prow = next(i for i in range(2, pilots.max_row + 1) if pilots.cell(i, pheads.index("状态") + 1).value == "推进中")
    pid = pilots.cell(prow, 1).value
    pilots.cell(prow, pheads.index("状态") + 1).value = "已調整"
    edited = tmp_path / "繁體.xlsx"
    wb.save(edited)
    r = cli("import", "--ledger", sample_repo, edited, "--as-of", "2016-12-31", "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    from reformctl.load import load_ledger

    led = load_ledger(sample_repo).ledger
    assert led.tasks["T-2016-035"].status.value == "in_progress"
    assert led.pilots[pid].status.value == "adjusted"
    assert git(sample_repo, "log", "-1", "--format=%s").strip() == "从 繁體.xlsx 导入: 新增 0 项, 修改 2 项"
    assert "\n修改 T-2016-035 (status)" in git(sample_repo, "log", "-1", "--format=%B")


AS_OF_COMMANDS = [
    ("status",),
    ("summary",),
    ("agenda",),
    ("schedule",),
    ("cases",),
    ("accountability",),
    ("assess",),
    ("calendar", "--ics", "-"),
    ("notify", "--dry-run"),
    ("check", "--base", "HEAD"),
    ("progress", "T-2016-003", "x"),
    ("close-out", "--year", "2016"),
    ("import", "nothing.xlsx"),
]


import pytest  # noqa: E402


@pytest.mark.parametrize("command", AS_OF_COMMANDS, ids=" ".join)
def test_an_impossible_as_of_is_refused_in_the_language_asked_not_the_locale(cli, sample_repo, command):
    for locale, lang, want in (
        ("zh_CN.UTF-8", "en", "--as-of 2026-02-30 is not a day: February 2026 has 28 days"),
        ("C.UTF-8", "zh", "--as-of 2026-02-30 不是有效日期：2026年2月只有28天"),
    ):
        env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": locale}
        r = cli(*command, "--ledger", sample_repo, "--as-of", "2026-02-30", "--lang", lang, env=env)
        assert r.exit_code == 2 and want in r.stderr, (locale, r.stderr)


def test_refusals_of_the_read_commands_in_the_language_asked(cli, sample_repo, tmp_path):
    env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
    led = ["--ledger", sample_repo, "--lang", "zh"]
    cases = [
        (("status", "--unit", "无此单位"), "--unit 无此单位：不是 units.yaml 中的单位编号"),
        (("status", "--kind", "nokind"), "--kind nokind：未知的类型"),
        (("status", "--all-filings"), "--all-filings 须与 --history 同用"),
        (("summary", "--year", "2016", "--quarter", "2016Q1"), "--quarter 与 --year 只能给出其一"),
        (("summary", "--quarter", "2016Q9"), "--quarter 应形如 2016Q3"),
        (("report", "--html", tmp_path / "x.txt"), "--html 应为以 .html 结尾的文件名"),
        (("report", "--html", tmp_path / "no" / "x.html"), "文件夹"),
        (("export", "--xlsx", tmp_path / "x.txt"), "--xlsx 应为以 .xlsx 结尾的文件名"),
        (("calendar", "--ics", tmp_path / "x.txt"), "--ics 应为以 .ics 结尾的文件名（或用 - 表示标准输出）"),
        (("schedule", "--year", "12"), "--year 12 超出支持的年份范围 1949 至 2200"),
        (("check", "--ratchet"), "--ratchet 须与 --base REF 同用"),
    ]
    for args, want in cases:
        r = cli(*args, *led, env=env)
        assert r.exit_code == 2 and want in r.stderr, (args, r.stderr)
        assert not re.search(r"\b(?:wants|not a|unknown|goes with|give)\b", r.stderr), (args, r.stderr)
    # a language that is neither: said in the locale's
    r = cli("status", "--ledger", sample_repo, "--lang", "fr", env={"LC_ALL": "", "LANG": "zh_CN.UTF-8"})
    assert r.exit_code == 2 and "--lang 应为 zh 或 en，收到 'fr'" in r.stderr


def test_log_takes_lang(cli, sample_repo):
    r = cli("progress", "T-2016-003", "进展", "--as-of", "2016-10-20", "--ledger", sample_repo)
    assert r.exit_code == 0, r.stderr
    zh = cli("log", "T-2016-003", "--ledger", sample_repo, "--lang", "zh")
    en = cli("log", "T-2016-003", "--ledger", sample_repo, "--lang", "en")
    assert zh.exit_code == en.exit_code == 0
    assert "（截至 2016-10-20）" in zh.stdout and "(as of 2016-10-20)" in en.stdout
    assert "新建（" in zh.stdout and "created (" in en.stdout
    none = cli("log", "T-2016-999", "--ledger", sample_repo, "--lang", "zh", env={"LANG": "en_US.UTF-8"})
    assert none.exit_code == 2 and "台账及其历史中都没有事项 T-2016-999" in none.stderr, none.stderr


def test_the_reminder_finding_reads_naturally_in_english():
    from reformctl import i18n

    assert i18n.MESSAGES["reminder_overdue"].en.startswith("has not reported how it carries out {plan}")
    assert not any("how it docks" in en for en, _zh in [*i18n.MESSAGES.values(), *i18n.HISTORY.values()])


@pytest.mark.parametrize("lang,said", [("zh", "没有代码 'nope'"), ("en", "no such code 'nope'")])
def test_catalogue_refuses_an_unknown_code_in_the_language_asked(cli, lang, said):
    r = cli("catalogue", "nope", "--lang", lang)
    assert r.exit_code == 2 and said in r.stderr, r
