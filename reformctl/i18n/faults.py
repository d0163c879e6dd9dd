"""The messages of a write that the place it writes to refuses (a read-only repository, a full disk, a quota, a file
size limit: reformctl/store/faults.py), of the repository's hooks, and of `recover`, in Simplified Chinese and
English. No imports from the rest of the package."""

from __future__ import annotations

from .text import T


TEXTS: dict[str, T] = {
    "write_refused": T(
        "cannot write {path}: {reason}; {hint} (nothing was changed)", "无法写入 {path}：{reason}。{hint}未做任何修改"
    ),
    "git_write_refused": T(
        "git could not write to the repository ({detail}): {reason}; {hint} (nothing was changed)",
        "git 无法写入仓库（{detail}）：{reason}。{hint}未做任何修改",
    ),
    "write_left_half": T(
        "cannot write {path}: {reason}, and the files already written could not all be put back ({paths}). The "
        "branch did not move; fix that, then run `reformctl recover` to roll them back",
        "无法写入 {path}：{reason}，且未能把已写入的文件全部恢复原样（{paths}）。分支未移动；请先解决该问题，"
        "再运行 `reformctl recover` 撤回这些文件",
    ),
    "hook_changed_files": T(
        "the repository's {hook} hook changed the files to commit; reformctl commits only what it validated, "
        "so nothing was written: apply the hook's changes by hand (or skip the hooks with --no-verify) and try "
        "again",
        "仓库的 {hook} 钩子修改了要提交的文件；reformctl 只提交它检查过的内容，未写入任何内容："
        "请手工做出该钩子要做的修改（或用 --no-verify 跳过钩子）后重试",
    ),
    # the process itself (reformctl/cli/__init__.py): stopped, or its output cannot be written
    "process_interrupted": T("interrupted", "已中断"),
    "process_interrupted_after": T("interrupted; {done}", "已中断；{done}"),
    "process_committed": T("the change was committed: {commits}", "已完成提交 {commits}"),
    "process_committed_one": T("{sha} on {branch} ({subject})", "{sha}（分支 {branch}：{subject}）"),
    "process_output_encoding": T(
        "cannot write the output in the encoding {encoding}: set PYTHONIOENCODING=utf-8 (or LANG=C.UTF-8)",
        "输出编码 {encoding} 无法表示要写出的文字：请设置 PYTHONIOENCODING=utf-8（或 LANG=C.UTF-8）",
    ),
    "process_output_failed": T("cannot write the output: {why}", "无法写出输出：{why}"),
    "process_output_failed_after": T("{done}; but {problem}", "{done}；但{problem}"),
    "recover_failed": T(
        "could not finish or roll back the interrupted reformctl write ({error}). Compare the ledger's files "
        "with HEAD (`git status`, `git diff`), restore what needs it (`git restore`), then delete the journal "
        "{journal}",
        "无法完成或撤回被中断的 reformctl 写入（{error}）。请用 `git status` 和 `git diff` "
        "对照 HEAD 检查台账文件，必要时用 `git restore` 恢复，然后删除日志 {journal}",
    ),
    "recover_moved": T(
        "an earlier reformctl write was interrupted and {ref} has moved since (another commit): the files were "
        "left as they are; check `git status` for half-written files",
        "此前一次 reformctl 写入被中断，之后 {ref} 又有了其他提交：文件保持现状，未做任何修改；"
        "请用 `git status` 检查是否有写了一半的文件",
    ),
}

# a write the system refuses: the reason, by the errno's name (the English is the system's own wording) ...
FAULT_REASONS: dict[str, T] = {
    "EACCES": T("Permission denied", "权限不足"),
    "EPERM": T("Operation not permitted", "操作不被允许"),
    "EROFS": T("Read-only file system", "文件系统为只读"),
    "ENOSPC": T("No space left on device", "磁盘空间已满"),
    "EDQUOT": T("Disk quota exceeded", "超出磁盘配额"),
    "EFBIG": T("File too large", "文件超过允许的大小"),
    "EIO": T("Input/output error", "输入/输出错误"),
}

# any reason the system gives for a file it cannot read or write, by the errno's name: those above and more
OS_REASONS: dict[str, T] = {
    **FAULT_REASONS,
    "ENOENT": T("No such file or directory", "没有该文件或目录"),
    "EISDIR": T("Is a directory", "是一个目录"),
    "ENOTDIR": T("Not a directory", "不是目录"),
    "ENAMETOOLONG": T("File name too long", "文件名过长"),
    "ELOOP": T("Too many levels of symbolic links", "符号链接层级过多"),
    "EEXIST": T("File exists", "文件已存在"),
    "EBUSY": T("Device or resource busy", "设备或资源忙"),
    "ETXTBSY": T("Text file busy", "文件正被使用"),
}


def os_reason(exc: BaseException) -> T | str:
    """Why the system refused a file (an ``OSError``), in both languages when it is one of :data:`OS_REASONS`, else
    in the system's own words."""
    import errno

    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in OS_REASONS:
        return OS_REASONS[name]
    return str(getattr(exc, "strerror", None) or exc)


# ... and what to do about it
FAULT_HINTS: dict[str, T] = {
    "EACCES": T(
        "you may not write to this repository: run reformctl as a user who may",
        "你没有写入此仓库的权限，请以有写权限的用户运行 reformctl。",
    ),
    "EPERM": T(
        "you may not write to this repository: run reformctl as a user who may",
        "你没有写入此仓库的权限，请以有写权限的用户运行 reformctl。",
    ),
    "EROFS": T(
        "the repository is on a read-only file system: work in a writable place (or a writable clone)",
        "仓库位于只读的文件系统上，请在可写的位置（或可写的克隆）中操作。",
    ),
    "ENOSPC": T("the disk is full: free some space and try again", "磁盘已满，请腾出空间后重试。"),
    "EDQUOT": T("your disk quota is used up: free some space and try again", "磁盘配额已用完，请腾出空间后重试。"),
    "EFBIG": T(
        "the system limits the size of the files you may write (ulimit -f): raise it and try again",
        "系统限制了可写文件的大小（ulimit -f），请放宽该限制后重试。",
    ),
    "EIO": T("the disk reported an error: check it", "磁盘读写出错，请检查磁盘。"),
}
