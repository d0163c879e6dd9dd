"""The messages of a write that the place it writes to refuses (a read-only repository, a full disk, a quota, a file
size limit: reformctl/store/faults.py), of the repository's hooks, and of `recover`, in Simplified Chinese and
English. No imports from the rest of the package."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "write_refused": (
        "无法写入 {path}：{reason}。{hint}未做任何修改",
        "cannot write {path}: {reason}; {hint} (nothing was changed)",
    ),
    "git_write_refused": (
        "git 无法写入仓库（{detail}）：{reason}。{hint}未做任何修改",
        "git could not write to the repository ({detail}): {reason}; {hint} (nothing was changed)",
    ),
    "write_left_half": (
        "无法写入 {path}：{reason}，且未能把已写入的文件全部恢复原样（{paths}）。分支未移动；请先解决该问题，"
        "再运行 `reformctl recover` 撤回这些文件",
        "cannot write {path}: {reason}, and the files already written could not all be put back ({paths}). The "
        "branch did not move; fix that, then run `reformctl recover` to roll them back",
    ),
    "hook_changed_files": (
        "仓库的 {hook} 钩子修改了要提交的文件；reformctl 只提交它检查过的内容，未写入任何内容："
        "请手工做出该钩子要做的修改（或用 --no-verify 跳过钩子）后重试",
        "the repository's {hook} hook changed the files to commit; reformctl commits only what it validated, "
        "so nothing was written: apply the hook's changes by hand (or skip the hooks with --no-verify) and try "
        "again",
    ),
    "recover_failed": (
        "无法完成或撤回被中断的 reformctl 写入（{error}）。请用 `git status` 和 `git diff` "
        "对照 HEAD 检查台账文件，必要时用 `git restore` 恢复，然后删除日志 {journal}",
        "could not finish or roll back the interrupted reformctl write ({error}). Compare the ledger's files "
        "with HEAD (`git status`, `git diff`), restore what needs it (`git restore`), then delete the journal "
        "{journal}",
    ),
    "recover_moved": (
        "此前一次 reformctl 写入被中断，之后 {ref} 又有了其他提交：文件保持现状，未做任何修改；"
        "请用 `git status` 检查是否有写了一半的文件",
        "an earlier reformctl write was interrupted and {ref} has moved since (another commit): the files were "
        "left as they are; check `git status` for half-written files",
    ),
}
