"""A member's tree as the office above lists it (reformctl/store/member_tree.py): only the ledger's own places,
one level deep, read as git writes them and cut off past the limit of files. Real git repositories, the real
CLI."""

from __future__ import annotations

import json

from conftest import write_files
from test_levels import commit_all, fetch_lines, make_city, make_district


def _listed(monkeypatch) -> list[str]:
    """The paths of every entry the listing read from git, in order."""
    import reformctl.store.member_tree as tree

    seen: list[str] = []
    entry = tree._entry

    def counted(raw: bytes, prefix: str):
        got = entry(raw, prefix)
        if got is not None:
            seen.append(got[4])
        return got

    monkeypatch.setattr(tree, "_entry", counted)
    return seen


def test_a_member_with_more_files_than_the_limit_is_cut_off_while_listed(cli, tmp_path, monkeypatch):
    """A member's ledger folder of 3,000 files against a limit of 5: the listing stops long before its end (a tree
    of millions of entries is never held in memory), the member is refused whole in both languages, and the
    other members are read."""
    many = {f"tasks/T-{i:05d}.yaml": f"id: T-{i:05d}\n" for i in range(3000)}
    big = make_district(tmp_path, "big", "大区台账", many)
    small = make_district(tmp_path, "small", "小区台账")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {big}}}\n  - {{unit: 锦江区委, repo: {small}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    monkeypatch.setenv("REFORMCTL_MAX_MEMBER_FILES", "5")
    seen = _listed(monkeypatch)
    r = cli("check", "--members", "--ledger", city, "--format", "json", "--no-cache")
    assert r.exit_code == 1, r
    found = json.loads(r.stdout)
    [d] = [d for d in found if d["member"] == "武侯区委"]
    assert (d["file"], d["code"]) == ("reformctl.yaml", "file_too_large"), d
    assert "more than 5 files" in d["message"] and "REFORMCTL_MAX_MEMBER_FILES" in d["message"], d
    assert not [d for d in found if d["member"] == "锦江区委" and d["severity"] == "error"], found
    big_entries = [p for p in seen if p.startswith("tasks/T-0")]
    assert 0 < len(big_entries) <= 5, len(big_entries)  # the listing stopped at the limit, not at its 3,000th
    zh = cli("check", "--members", "--ledger", city, "--lang", "zh", "--no-cache")
    assert zh.exit_code == 1 and "超过 5 个" in zh.stdout and "未读取" in zh.stdout, zh


def test_only_the_ledgers_places_are_listed_and_a_sub_folder_is_one_entry(cli, tmp_path, monkeypatch):
    """Files outside the ledger's places (documents, a vendored tree) are not listed at all, and count for
    nothing; a sub-folder of an item folder is one entry, warned of as in a work tree, its files never read."""
    elsewhere = {f"docs/d{i}.txt": "x\n" for i in range(50)}
    nested = {f"tasks/old/T-{i}.yaml": f"id: T-{i}\n" for i in range(20)}
    member = make_district(tmp_path, "wuhou", "武侯区台账", {**elsewhere, **nested})
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {member}}}\n")
    r = cli("fetch", "--ledger", city)
    assert r.exit_code == 0, r
    assert fetch_lines(r.stdout)["武侯区委"][3] == "1"  # T-1 only: the sub-folder's files are not items
    monkeypatch.setenv("REFORMCTL_MAX_MEMBER_FILES", "4")  # settings, units, T-1 and the sub-folder
    seen = _listed(monkeypatch)
    r = cli("check", "--members", "--ledger", city, "--format", "json", "--no-cache")
    assert r.exit_code == 0, r
    assert not [p for p in seen if p.startswith("docs/") or p.startswith("tasks/old/")], seen
    assert "tasks/old" in seen, seen
    [warned] = [d for d in json.loads(r.stdout) if d["file"] == "tasks/old"]
    assert (warned["code"], warned["severity"]) == ("unexpected_file", "warning"), warned
    # the same warning as a work tree of the same files gives
    local = cli("check", "--ledger", member, "--format", "json")
    assert [(d["file"], d["code"]) for d in json.loads(local.stdout)] == [("tasks/old", "unexpected_file")], local


def test_a_member_that_grows_past_the_limit_after_a_fetch_is_refused_on_the_next_read(cli, tmp_path, monkeypatch):
    """The limit holds for what was fetched last: one more file than the limit in a new commit refuses the
    member; back under it, it is read again."""
    member = make_district(tmp_path, "wuhou", "武侯区台账")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {member}}}\n")
    monkeypatch.setenv("REFORMCTL_MAX_MEMBER_FILES", "3")
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert cli("check", "--members", "--ledger", city).exit_code == 0
    write_files(member, {"tasks/T-2.yaml": "id: T-2\n"})
    commit_all(member, "one more")
    assert cli("fetch", "--ledger", city).exit_code == 0
    r = cli("check", "--members", "--ledger", city, "--format", "json")
    assert r.exit_code == 1 and "more than 3 files" in r.stdout, r
    (member / "tasks" / "T-2.yaml").unlink()
    commit_all(member, "back")
    assert cli("fetch", "--ledger", city).exit_code == 0
    assert cli("check", "--members", "--ledger", city).exit_code == 0


def test_an_item_folder_that_is_a_link_or_a_file_in_a_member_is_an_error(cli, tmp_path):
    """A member whose `tasks` is a symbolic link (to a folder of tasks beside it) and whose `pilots` is a file: its
    tasks were silently not read (the roll-up showed none of them, with no word why). Each is now an error on the
    folder, as the folder reader says of a work tree, in both languages; nothing behind the link is read."""
    member = make_district(tmp_path, "wuhou", "武侯区台账")
    (member / "tasks").rename(member / "kept")
    (member / "tasks").symlink_to("kept")
    (member / "pilots").write_text("not a folder\n", encoding="utf-8")
    commit_all(member, "odd folders")
    city = make_city(tmp_path, f"  - {{unit: 武侯区委, repo: {member}}}\n")
    assert cli("fetch", "--ledger", city).exit_code == 0
    r = cli("check", "--members", "--ledger", city, "--format", "json")
    assert r.exit_code == 1, r
    said = {(d["file"], d["code"]): d for d in json.loads(r.stdout) if d["member"] == "武侯区委"}
    assert set(said) == {("tasks", "symlink_outside"), ("pilots", "unreadable_file")}, said
    assert "not followed" in said["tasks", "symlink_outside"]["message"]
    assert "it is a file, not a folder" in said["pilots", "unreadable_file"]["message"]
    rows = json.loads(cli("status", "--members", "--ledger", city, "--as-of", "2017-12-31", "-f", "json").stdout)
    assert not [f for f in rows if f["member"] == "武侯区委" and f["kind"] == "task"], rows  # T-1 not read
    zh = cli("check", "--members", "--ledger", city, "--lang", "zh")
    assert "下级台账中的符号链接不会被跟随读取" in zh.stdout and "这是文件而不是文件夹" in zh.stdout, zh
