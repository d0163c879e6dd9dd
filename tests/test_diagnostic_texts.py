"""The messages of `check` diagnostics come from one table of templates (reformctl/i18n/diagnostics.py): every
template in English and Chinese with the same placeholders, every key used by the code there, and every
diagnostic a reproducer of tests/catalogue gives carrying its template and values, so `check --lang zh`
renders the Chinese from them (nothing is translated back from English)."""

from __future__ import annotations

import ast
import json
import datetime as dt
import re

import pytest

from conftest import REPO
from reformctl import api
from reformctl.i18n.catalogue import CATALOGUE
from reformctl.i18n.diagnostics import PYDANTIC_ZH, TEXTS, placeholders, pydantic_detail, render
from test_catalogue import build_case

CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_OR_MARK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# codes of `check --members` only (about the members as fetched): their reproducers declare member ledgers
MEMBER_CODES = {"member_not_fetched", "member_unreadable", "unknown_upper"}
KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)?")


def test_every_template_has_both_languages_with_the_same_placeholders():
    assert len(TEXTS) > 30
    for key, t in TEXTS.items():
        assert KEY.fullmatch(key), key
        assert t.en and t.zh, key
        words = re.sub(r"\{[^}]*\}", "", t.zh)  # what the template says besides its values
        assert CJK_OR_MARK.search(words) or not words.strip(), f"{key}: the Chinese template has no Chinese"
        assert placeholders(t.en) == placeholders(t.zh), key


def test_pydantic_messages_read_in_chinese():
    assert all(CJK.search(zh) for zh in PYDANTIC_ZH.values())
    choice = pydantic_detail("enum", "Input should be 'a', 'b' or 'c'", {"expected": "'a', 'b' or 'c'"})
    assert choice == {"en": "Input should be 'a', 'b' or 'c'", "zh": "应为 'a'、'b' 或 'c'"}
    assert (
        pydantic_detail("less_than_equal", "Input should be less than or equal to 5", {"le": 5})["zh"] == "不得大于 5"
    )
    assert pydantic_detail("new_type", "Odd", {})["zh"] == "取值无效（Odd）"


def test_every_key_names_a_catalogued_code():
    codes = {k.partition(".")[0] for k in TEXTS}
    assert codes - set(CATALOGUE) - MEMBER_CODES == set()


def _source_strings() -> tuple[set[str], list[str]]:
    """Every string constant of the package outside the table, and the literal keys of `Diagnostic.of`."""
    strings: set[str] = set()
    keys: list[str] = []
    for f in sorted((REPO / "reformctl").rglob("*.py")):
        if f.parent.name == "diagnostics" and f.parent.parent.name == "i18n":
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                # Diagnostic.of(file, KEY, ...), Invalid(KEY, ...) and the rules' c.emit(kind, id, KEY, ...)
                f = node.func
                at = 1 if f.attr == "of" and isinstance(f.value, ast.Name) and f.value.id == "Diagnostic" else None
                at = 2 if f.attr == "emit" and isinstance(f.value, ast.Name) and f.value.id in ("c", "self") else at
                if at is not None and len(node.args) > at:
                    arg = node.args[at]
                    choices = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                    keys += [a.value for a in choices if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                    assert all(isinstance(a, ast.Constant) for a in choices) or f.attr == "of", (
                        f"{f}: {ast.unparse(arg)}: write message keys as literals"
                    )
    return strings, keys


def test_every_key_used_exists_and_every_template_is_used():
    strings, keys = _source_strings()
    assert len(keys) > 20
    assert sorted(k for k in keys if k not in TEXTS) == []
    assert sorted(k for k in TEXTS if k not in strings) == [], "templates no code uses"


def test_lists_and_bilingual_values_render_per_language():
    params = {"units": ["甲", "乙", "丙"], "id": "RM-1", "ref": "HEAD"}
    assert render("append_only.recipients", params, "en").startswith("甲, 乙, 丙 removed from `to` of RM-1")
    assert render("append_only.recipients", params, "zh").startswith("自 HEAD 以来 甲、乙、丙 从 RM-1")
    both = {"ref": "HEAD", "rule": "task_overdue", "item": "T-1", "finding": {"en": "late", "zh": "逾期"}}
    assert render("ratchet_new_red", both, "en").endswith(": late")
    assert render("ratchet_new_red", both, "zh").endswith("：逾期")


def _run(code, make_ledger, monkeypatch, cli=None):
    root, args, case = build_case(code, make_ledger, monkeypatch, cli)
    if case.get("members"):
        from reformctl.load import load_ledger
        from reformctl.store.members import member_diagnostics

        upper = load_ledger(root, cache=False).ledger
        return [d for _u, _c, ds, _m in member_diagnostics(root, upper, cache=False) for d in ds]
    base = args[args.index("--base") + 1] if "--base" in args else None
    as_of = dt.date.fromisoformat(args[args.index("--as-of") + 1]) if "--as-of" in args else None
    return api.check(root, cache=False, base=base, ratchet="--ratchet" in args, as_of=as_of).diagnostics


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_the_reproducer_of_a_code_gives_templated_diagnostics(code, make_ledger, monkeypatch, cli):
    diags = [d for d in _run(code, make_ledger, monkeypatch, cli) if d.code == code]
    assert diags, code
    for d in diags:
        assert d.key in TEXTS, (code, d.message)
        assert d.message == render(d.key, d.params, "en")
        zh = d.text("zh")
        assert CJK.search(zh) and zh != d.message, (d.key, zh)


def test_check_in_chinese_renders_the_template_and_severity_and_json_stays_english(cli, make_ledger, monkeypatch):
    root, _args, _case = build_case("duplicate_member", make_ledger, monkeypatch)
    zh = cli("check", "--ledger", root, "--lang", "zh")
    assert zh.exit_code == 1
    line = next(l for l in zh.stdout.splitlines() if "[duplicate_member]" in l)
    assert ": 错误 [duplicate_member] 下级台账 `" in line and "被重复列出（第 1 条和第 2 条）" in line, line
    en = cli("check", "--ledger", root, "--lang", "en", "--format", "json")
    (hit,) = [d for d in json.loads(en.stdout) if d["code"] == "duplicate_member"]
    assert hit["message"] == "member `市发改委` is listed twice (entries 1 and 2)", hit
    md = cli("check", "--ledger", root, "--lang", "zh", "--format", "markdown")
    assert "| 错误 | `duplicate_member` | 下级台账" in md.stdout, md.stdout


def test_a_remembered_check_keeps_the_values_of_its_messages(cli, make_ledger, monkeypatch):
    from reformctl.load import cache as C

    monkeypatch.setattr(C, "RACY_NS", 0)  # as if the files were old: the answer is remembered
    root, _args, _case = build_case("duplicate_member", make_ledger, monkeypatch)
    first = cli("check", "--ledger", root, "--lang", "zh").stdout
    assert list(C.cache_path(root).parent.glob("*.memo/*.pickle")), "the answer was remembered"
    second = cli("check", "--ledger", root, "--lang", "zh").stdout
    assert second == first and "被重复列出" in second


def test_nothing_reads_english_back():
    """The Chinese of a diagnostic comes from its template and values, never from matching its English: the
    table of patterns over check messages is gone, and only the workbook reader's cell errors (views/xlsx.py,
    reformctl/i18n/sheets.py) and the write commands' table use patterns in i18n."""
    i18n = REPO / "reformctl" / "i18n"
    assert not (i18n / "check.py").exists()
    with_re = {p.name for p in i18n.rglob("*.py") if re.search(r"^(import re|from re import)\b", p.read_text(), re.M)}
    assert with_re <= {"sheets.py", "write.py"}, with_re


def test_every_diagnostic_is_built_from_a_template():
    """Diagnostics are made with Diagnostic.of (a key and values); the plain constructor only rebuilds remembered
    ones (api.py) inside the model, so no diagnostic reaches a user without its Chinese."""
    allowed = {"reformctl/model/diagnostic.py", "reformctl/api.py"}
    plain = []
    for f in sorted((REPO / "reformctl").rglob("*.py")):
        rel = f.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Diagnostic":
                plain.append(f"{rel}:{node.lineno}")
    assert [p for p in plain if p.split(":")[0] not in allowed] == []
    assert any(p.startswith("reformctl/api.py") for p in plain)  # the scan sees the calls it allows
