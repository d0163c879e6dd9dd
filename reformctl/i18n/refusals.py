"""Refusals of the store (every write), of close-out and of init, in Simplified Chinese and English: each raised as
a :class:`reformctl.i18n.write.Msg` of a key of :data:`TEXTS` and its parameters, so the command line says it in
the user's language without reading the English back. No imports from the rest of the package."""

from __future__ import annotations

from .text import T


TEXTS: dict[str, T] = {
    # ---- close-out (reformctl/actions/closeout.py)
    "co_carry_not_open": T(
        "carry-over for {id}: it is not an unfinished task due on or before {end} (status {status}, due {due})",
        "挂账结转 {id}：不是{end}前到期的未完成任务（状态 {status}，时限 {due}）",
    ),
    "co_carry_not_after": T(
        "carry-over for {id}: new_due {new_due} is not after its deadline {due}",
        "挂账结转 {id}：new_due {new_due} 不晚于其时限 {due}",
    ),
    "co_carry_no_task": T("carry-over for {id}: no such task", "挂账结转 {id}：没有这项任务"),
    "co_carry_twice": T("carry-over for {id} given twice", "{id} 的挂账结转说明重复给出"),
    "co_new_due": T(
        "{where}: new_due wants a date YYYY-MM-DD, got {value!r}",
        "{where}：new_due 应为日期 YYYY-MM-DD，收到 {value!r}",
    ),
    "co_not_list": T(
        "{file}: expected a list of {{id, reason, measures, new_due}}",
        "{file}：应为 {{id, reason, measures, new_due}} 的列表",
    ),
    "co_entry_not_mapping": T("{file}: entry {n} is not a mapping", "{file}：第{n}项不是映射"),
    "co_not_utf8": T(
        "{path} is not UTF-8 (save it as UTF-8 / CSV UTF-8)", "{path} 不是 UTF-8 编码（请另存为 UTF-8 / CSV UTF-8）"
    ),
    "co_missing": T("{where}: missing {fields}", "{where}：缺少 {fields}"),
    "co_file_yaml": T("{file}:{line}: {error}", "{file} 第{line}行：{error}"),
    "co_cannot_read": T("cannot read {path}: {why}", "无法读取 {path}：{why}"),
    "co_before_completion": T(
        "{id} was completed on {completed}, after --as-of {as_of}: a write-off cannot come before the completion; "
        "run close-out with --as-of {completed} or later",
        "{id} 于{completed}完成，晚于 --as-of {as_of}：销账不能早于完成；请以 --as-of {completed} 或更晚的日期运行 close-out",
    ),
    "co_blocking": T(
        "{n} unfinished item(s) due on or before {year}-12-31 have no carry_over",
        "{n}个{year}-12-31前到期的未完成事项没有挂账结转说明",
    ),
    "co_already_closed": T("{id} was already written off on {date}", "{id} 已于{date}销账"),
    "co_not_completed": T(
        "{id} is {status}, not completed: only completed items are written off",
        "{id} 的状态是 {status}，尚未完成：只有已完成的事项才能销账",
    ),
    "co_plan_open": T("plan {id} still has unfinished tasks: {ids}", "方案 {id} 仍有未完成的任务：{ids}"),
    "co_plan_not_issued": T("plan {id} is {status}, not issued", "方案 {id} 的状态是 {status}，尚未印发"),
    "co_no_item": T("no task or plan {id} in this ledger", "台账中没有任务或方案 {id}"),
    # ---- init (reformctl/kit)
    "in_no_git": T("git is not installed; install git first", "未安装 git；请先安装 git"),
    "in_control": T(
        "{option} holds a control character (such as a newline): give it on one line; nothing was written",
        "{option} 含有控制字符（如换行）：请写在一行内；未写入任何内容",
    ),
    "in_not_folder": T("{path} exists and is not a folder", "{path} 已存在且不是文件夹"),
    "in_has_ledger": T(
        "{path} already holds a ledger ({file}); nothing was written", "{path} 中已有台账（{file}）；未写入任何内容"
    ),
    "in_where": T("cannot tell where {path} lies in the repository at {top}", "无法确定 {path} 在仓库 {top} 中的位置"),
    "in_clash": T(
        "{path} already holds {files}; init writes only new files, so pick a new or empty folder; nothing was written",
        "{path} 中已有 {files}；init 只写入新文件，请选择新的或空的文件夹；未写入任何内容",
    ),
    "in_who": T(
        "git does not know who you are, so it cannot make the first commit; run\n"
        '  git config --global user.name "Your Name"\n'
        '  git config --global user.email "you@example.org"\n'
        "and try again; nothing was written",
        "git 不知道提交人是谁，无法进行首次提交；请运行\n"
        '  git config --global user.name "你的名字"\n'
        '  git config --global user.email "you@example.org"\n'
        "然后重试；未写入任何内容",
    ),
    "in_failed": T(
        "could not create the ledger ({detail}); nothing was left behind", "无法创建台账（{detail}）；未留下任何内容"
    ),
    "in_not_followed": T("cannot make the ledger at {path}: {why}", "无法在 {path} 建立台账：{why}"),
    "in_failed_fault": T(
        "could not create the ledger ({detail}): {reason}; {hint} (nothing was left behind)",
        "无法创建台账（{detail}）：{reason}。{hint}未留下任何内容",
    ),
    # ---- the store (reformctl/store)
    "st_dirty": T(
        "uncommitted changes in the file(s) this command must change: {files}; commit or stash them first "
        "(nothing was changed)",
        "本命令要修改的文件有未提交的改动：{files}；请先提交或暂存（未做任何修改）",
    ),
    "st_no_repo": T(
        "{root} is not inside a git repository: every change reformctl makes is a git commit (run `git init` first)",
        "{root} 不在 git 仓库中：reformctl 的每次修改都是一次 git 提交（请先运行 `git init`）",
    ),
    "st_outside_tree": T("{root} is not inside the work tree {top}", "{root} 不在工作区 {top} 之内"),
    "st_who": T(
        'git does not know who you are: run `git config user.name "Your Name"` and '
        "`git config user.email you@example.org`, or pass --author 'Name <email>'",
        'git 不知道提交人是谁：请运行 `git config user.name "姓名"` 和 `git config user.email you@example.org`，'
        "或使用 --author '姓名 <email>'",
    ),
    "st_detached": T(
        "HEAD is detached: check out a branch first (git switch BRANCH)",
        "HEAD 处于分离状态：请先切换到一个分支（git switch 分支名）",
    ),
    "st_not_branch": T("HEAD points to {ref}, not a branch", "HEAD 指向 {ref}，不是分支"),
    "st_busy": T("{what} is in progress: finish or abort it first", "正在进行 {what}：请先完成或中止"),
    "st_moving": T(
        "the branch kept moving under reformctl (another program is committing); try again",
        "分支一直在变动（另有程序在提交）；请重试",
    ),
    "st_locked": T(
        "another reformctl has been writing to this repository for {seconds}s (lock {lock}); try again later",
        "另一个 reformctl 已向此仓库写入{seconds}秒（锁 {lock}）；请稍后重试",
    ),
    "st_author": T("--author wants 'Name <email>', got {value!r}", "--author 的格式是 '姓名 <email>'，收到 {value!r}"),
    "st_missing": T("{rel} does not exist", "{rel} 不存在"),
    "st_exists": T("{rel} already exists", "{rel} 已存在"),
    "st_symlink": T(
        "{rel} is a symbolic link; edit the file it points to by hand", "{rel} 是符号链接；请手工编辑它指向的文件"
    ),
    "st_not_utf8": T(
        "{rel} is not UTF-8; fix it before editing it with reformctl",
        "{rel} 不是 UTF-8 编码；请先修正再用 reformctl 编辑",
    ),
    "st_outside": T("refusing to write outside the ledger: {rel!r}", "拒绝写入台账以外的位置：{rel!r}"),
    "st_git_commit": T("git could not make the commit: {error}", "git 无法提交：{error}"),
    "st_git_move": T(
        "git could not move {ref}: {error} (nothing was changed)", "git 无法移动 {ref}：{error}（未做任何修改）"
    ),
    "st_cannot_write": T("cannot write {file}: {why} (nothing was changed)", "无法写入 {file}：{why}（未做任何修改）"),
    "st_a_file": T("a file", "某个文件"),
    "st_nothing": T("nothing to change", "无需修改"),
    "st_recovered": T(
        "an earlier reformctl command was interrupted; finished its commit",
        "此前一次被中断的 reformctl 命令已完成其提交",
    ),
    "st_rolled_back": T(
        "an earlier reformctl command was interrupted; rolled back its files",
        "此前一次被中断的 reformctl 命令已撤回其文件修改",
    ),
    "st_not_recovered": T(
        "could not recover an interrupted reformctl command ({error}); check `git status`",
        "无法恢复被中断的 reformctl 命令（{error}）；请查看 `git status`",
    ),
    "st_edit_file": T("{rel}: {error}", "文件 {rel}：{error}"),
    "st_too_deep": T(
        "cannot parse the file for editing: it is nested too deeply (see `reformctl check`)",
        "无法解析该文件以便编辑：嵌套层级过深（见 `reformctl check`）",
    ),
    "st_unparsable": T("cannot parse the file for editing: {error}", "无法解析该文件以便编辑：{error}"),
    "st_cannot_write_back": T("cannot write the file back", "无法写回该文件"),
    "st_cannot_read": T("cannot read {rel}: {why}", "无法读取 {rel}：{why}"),
    # ---- members' stores (reformctl/store/member_store.py): fetch and bundle
    "mb_busy": T(
        "another reformctl has been fetching this member for {seconds}s (lock {lock}); try again later",
        "另一个 reformctl 已在获取该下级{seconds}秒（锁 {lock}）；请稍后重试",
    ),
    "mb_not_commit": T("the fetched ref is not a commit", "取回的引用不是提交"),
    "mb_no_bundle": T("no bundle file {bundle}", "没有 bundle 文件 {bundle}"),
    "mb_bundle_no_branch": T(
        "the bundle holds no branch `{branch}` (it holds: {refs})", "该 bundle 中没有分支 `{branch}`（其中有：{refs}）"
    ),
    "mb_bundle_branches": T(
        "the bundle holds {n} branches ({heads}); name the member's `branch` in reformctl.yaml",
        "该 bundle 中有 {n} 个分支（{heads}）；请在 reformctl.yaml 中写明该下级台账的 `branch`",
    ),
    "mb_not_branch": T("`{branch}` is not a plain branch name", "`{branch}` 不是普通的分支名"),
    "mb_store_unwritable": T(
        "cannot write the member's store {store}: {why}", "无法写入该下级台账的存储 {store}：{why}"
    ),
    "mb_bundle_unwritable": T("cannot write {out}: {why}", "无法写入 {out}：{why}"),
    "mb_bundle_not_file": T(
        "{out} exists and is not a regular file (a folder, a device, a pipe): name a file to write",
        "{out} 已存在且不是普通文件（是目录、设备或管道）：请指定要写入的文件",
    ),
    "mb_bundle_fault": T(
        "git could not write it ({detail}): {reason}; {hint}", "git 无法写入（{detail}）：{reason}。{hint}"
    ),
    "mb_store_fault": T(
        "git could not write the member's copy ({detail}): {reason}; {hint}",
        "git 无法写入该下级台账的副本（{detail}）：{reason}。{hint}",
    ),
    "mb_git_failed": T("git failed", "git 执行失败"),
}
