"""Text that looks the same but is not: Unicode spellings of unit ids (refused, not normalised: what the file
says is what is compared), ids differing only by case, line endings kept on every edit path, UTF-16 files."""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import git


def diags(cli, root, *extra):
    r = cli("check", "--ledger", root, "--format", "json", *extra)
    return r, json.loads(r.stdout)


def add_unit(root, uid):
    p = root / "units.yaml"
    p.write_text(p.read_text(encoding="utf-8") + f"- id: {uid}\n  name: 测试\n  type: department\n", encoding="utf-8")


def test_nfd_unit_id_is_refused_with_its_composed_form(cli, sample_copy):
    nfd = unicodedata.normalize("NFD", "Café办")
    add_unit(sample_copy, nfd)
    r, out = diags(cli, sample_copy)
    assert r.exit_code == 1, r
    hit = [d for d in out if d["file"] == "units.yaml" and "NFD" in d["message"]]
    assert hit and hit[0]["code"] == "invalid_value", out
    assert "Café办" in hit[0]["message"]  # the composed form to retype
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh")
    assert "组合字符" in zh.stdout, zh


def test_nfc_and_nfd_are_not_two_units_and_a_reference_says_why(cli, sample_copy):
    add_unit(sample_copy, "Café办")
    p = sample_copy / "tasks" / "T-2016-002.yaml"
    text = p.read_text(encoding="utf-8")
    lead = [ln for ln in text.splitlines() if ln.startswith("lead_unit:")][0]
    p.write_text(text.replace(lead, "lead_unit: " + unicodedata.normalize("NFD", "Café办")), encoding="utf-8")
    r, out = diags(cli, sample_copy)
    hits = [d for d in out if d["file"] == "tasks/T-2016-002.yaml"]
    assert hits and "NFD" in hits[0]["message"] and hits[0]["code"] != "unknown_unit", out


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u00ad"])
def test_invisible_characters_in_unit_ids_are_refused(cli, sample_copy, char):
    add_unit(sample_copy, f"市发{char}改委")
    r, out = diags(cli, sample_copy)
    hit = [d for d in out if d["file"] == "units.yaml" and "invisible character" in d["message"]]
    assert r.exit_code == 1 and hit, out
    assert f"U+{ord(char):04X}" in hit[0]["message"]
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh")
    assert "不可见字符" in zh.stdout, zh


def test_ids_differing_only_by_case_collide(cli, sample_copy):
    src = (sample_copy / "tasks" / "T-2016-003.yaml").read_text(encoding="utf-8")
    (sample_copy / "tasks" / "t-2016-003.yaml").write_text(
        src.replace("id: T-2016-003", "id: t-2016-003"), encoding="utf-8"
    )
    r, out = diags(cli, sample_copy)
    assert r.exit_code == 1, r
    hit = [d for d in out if d["code"] == "duplicate_id" and "only by case" in d["message"]]
    assert len(hit) == 1 and hit[0]["file"] == "tasks/t-2016-003.yaml", out
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh")
    assert "只有大小写不同" in zh.stdout, zh


def _endings(path):
    data = path.read_bytes()
    crlf = data.count(b"\r\n")
    return crlf, data.count(b"\n") - crlf


@pytest.mark.parametrize(
    "args",
    [
        ["progress", "T-2016-003", "进展一"],  # an append through the round trip
        ["evidence", "T-2016-003", "材料"],
        ["complete", "T-2016-003"],  # top-level scalars (the fast path when it can)
        ["cancel", "T-2016-003", "--reason", "不再需要"],
    ],
)
@pytest.mark.parametrize("quick", ["0", "1"])
def test_crlf_files_keep_crlf_on_every_edit_path(cli, sample_repo, monkeypatch, args, quick):
    monkeypatch.setenv("REFORMCTL_NO_QUICK_EDIT", quick)
    p = sample_repo / "tasks" / "T-2016-003.yaml"
    p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    git(sample_repo, "commit", "-qam", "saved on Windows")
    r = cli(*args, "--ledger", sample_repo, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    crlf, lf = _endings(p)
    assert lf == 0 and crlf > 10, (crlf, lf)
    assert git(sample_repo, "status", "--porcelain") == ""
    diff = git(sample_repo, "diff", "HEAD~1", "--numstat")
    assert diff.split()[1] in ("0", "1"), diff  # only the intended lines, no line rewritten for its ending
    assert cli("check", "--ledger", sample_repo).exit_code == 0


def test_lf_files_stay_lf(cli, sample_repo):
    r = cli("progress", "T-2016-003", "进展", "--ledger", sample_repo, "--as-of", "2016-12-31")
    assert r.exit_code == 0, r
    assert _endings(sample_repo / "tasks" / "T-2016-003.yaml")[0] == 0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_is_save_as_utf8_not_binary(cli, sample_copy, encoding):
    p = sample_copy / "tasks" / "T-2016-003.yaml"
    p.write_bytes(p.read_text(encoding="utf-8").encode(encoding))
    r, out = diags(cli, sample_copy)
    hit = [d for d in out if d["file"] == "tasks/T-2016-003.yaml"]
    assert hit and hit[0]["code"] == "not_utf8", out
    assert "save it as UTF-8" in hit[0]["message"] and "binary" not in hit[0]["message"]
    zh = cli("check", "--ledger", sample_copy, "--lang", "zh")
    assert "请另存为 UTF-8" in zh.stdout, zh


def test_real_binary_is_still_binary(cli, sample_copy):
    (sample_copy / "tasks" / "T-2016-003.yaml").write_bytes(b"\x00\x01\x02binary\xff\x00")
    r, out = diags(cli, sample_copy)
    assert [d["code"] for d in out if d["file"] == "tasks/T-2016-003.yaml"] == ["binary_file"], out
