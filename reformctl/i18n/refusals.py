"""Refusals of the store (every write), of close-out and of init, in Simplified Chinese and English: each raised as
a :class:`reformctl.i18n.write.Said` of a key of :data:`TEXTS` and its parameters, so the command line says it in
the user's language without reading the English back. No imports from the rest of the package."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    # ---- close-out (reformctl/actions/closeout.py)
    "co_carry_not_open": (
        "挂账结转 {id}：不是{end}前到期的未完成任务（状态 {status}，时限 {due}）",
        "carry-over for {id}: it is not an unfinished task due on or before {end} (status {status}, due {due})",
    ),
    "co_carry_not_after": (
        "挂账结转 {id}：new_due {new_due} 不晚于其时限 {due}",
        "carry-over for {id}: new_due {new_due} is not after its deadline {due}",
    ),
    "co_carry_no_task": ("挂账结转 {id}：没有这项任务", "carry-over for {id}: no such task"),
    "co_carry_twice": ("{id} 的挂账结转说明重复给出", "carry-over for {id} given twice"),
    "co_new_due": (
        "{where}：new_due 应为日期 YYYY-MM-DD，收到 {value!r}",
        "{where}: new_due wants a date YYYY-MM-DD, got {value!r}",
    ),
    "co_not_list": (
        "{file}：应为 {{id, reason, measures, new_due}} 的列表",
        "{file}: expected a list of {{id, reason, measures, new_due}}",
    ),
    "co_entry_not_mapping": ("{file}：第{n}项不是映射", "{file}: entry {n} is not a mapping"),
    "co_not_utf8": (
        "{path} 不是 UTF-8 编码（请另存为 UTF-8 / CSV UTF-8）",
        "{path} is not UTF-8 (save it as UTF-8 / CSV UTF-8)",
    ),
    "co_missing": ("{where}：缺少 {fields}", "{where}: missing {fields}"),
    "co_file_yaml": ("{file} 第{line}行：{error}", "{file}:{line}: {error}"),
    "co_cannot_read": ("无法读取 {path}：{why}", "cannot read {path}: {why}"),
    "co_before_completion": (
        "{id} 于{completed}完成，晚于 --as-of {as_of}：销账不能早于完成；请以 --as-of {completed} 或更晚的日期运行 close-out",
        "{id} was completed on {completed}, after --as-of {as_of}: a write-off cannot come before the completion; "
        "run close-out with --as-of {completed} or later",
    ),
    "co_blocking": (
        "{n}个{year}-12-31前到期的未完成事项没有挂账结转说明",
        "{n} unfinished item(s) due on or before {year}-12-31 have no carry_over",
    ),
    "co_already_closed": ("{id} 已于{date}销账", "{id} was already written off on {date}"),
    "co_not_completed": (
        "{id} 的状态是 {status}，尚未完成：只有已完成的事项才能销账",
        "{id} is {status}, not completed: only completed items are written off",
    ),
    "co_plan_open": ("方案 {id} 仍有未完成的任务：{ids}", "plan {id} still has unfinished tasks: {ids}"),
    "co_plan_not_issued": ("方案 {id} 的状态是 {status}，尚未印发", "plan {id} is {status}, not issued"),
    "co_no_item": ("台账中没有任务或方案 {id}", "no task or plan {id} in this ledger"),
    # ---- init (reformctl/kit)
    "in_no_git": ("未安装 git；请先安装 git", "git is not installed; install git first"),
    "in_control": (
        "{option} 含有控制字符（如换行）：请写在一行内；未写入任何内容",
        "{option} holds a control character (such as a newline): give it on one line; nothing was written",
    ),
    "in_not_folder": ("{path} 已存在且不是文件夹", "{path} exists and is not a folder"),
    "in_has_ledger": (
        "{path} 中已有台账（{file}）；未写入任何内容",
        "{path} already holds a ledger ({file}); nothing was written",
    ),
    "in_where": ("无法确定 {path} 在仓库 {top} 中的位置", "cannot tell where {path} lies in the repository at {top}"),
    "in_clash": (
        "{path} 中已有 {files}；init 只写入新文件，请选择新的或空的文件夹；未写入任何内容",
        "{path} already holds {files}; init writes only new files, so pick a new or empty folder; nothing was written",
    ),
    "in_who": (
        "git 不知道提交人是谁，无法进行首次提交；请运行\n"
        '  git config --global user.name "你的名字"\n'
        '  git config --global user.email "you@example.org"\n'
        "然后重试；未写入任何内容",
        "git does not know who you are, so it cannot make the first commit; run\n"
        '  git config --global user.name "Your Name"\n'
        '  git config --global user.email "you@example.org"\n'
        "and try again; nothing was written",
    ),
    "in_failed": (
        "无法创建台账（{detail}）；未留下任何内容",
        "could not create the ledger ({detail}); nothing was left behind",
    ),
    # ---- the store (reformctl/store)
    "st_dirty": (
        "本命令要修改的文件有未提交的改动：{files}；请先提交或暂存（未做任何修改）",
        "uncommitted changes in the file(s) this command must change: {files}; commit or stash them first "
        "(nothing was changed)",
    ),
    "st_no_repo": (
        "{root} 不在 git 仓库中：reformctl 的每次修改都是一次 git 提交（请先运行 `git init`）",
        "{root} is not inside a git repository: every change reformctl makes is a git commit (run `git init` first)",
    ),
    "st_outside_tree": ("{root} 不在工作区 {top} 之内", "{root} is not inside the work tree {top}"),
    "st_who": (
        'git 不知道提交人是谁：请运行 `git config user.name "姓名"` 和 `git config user.email you@example.org`，'
        "或使用 --author '姓名 <email>'",
        'git does not know who you are: run `git config user.name "Your Name"` and '
        "`git config user.email you@example.org`, or pass --author 'Name <email>'",
    ),
    "st_detached": (
        "HEAD 处于分离状态：请先切换到一个分支（git switch 分支名）",
        "HEAD is detached: check out a branch first (git switch BRANCH)",
    ),
    "st_not_branch": ("HEAD 指向 {ref}，不是分支", "HEAD points to {ref}, not a branch"),
    "st_busy": ("正在进行 {what}：请先完成或中止", "{what} is in progress: finish or abort it first"),
    "st_moving": (
        "分支一直在变动（另有程序在提交）；请重试",
        "the branch kept moving under reformctl (another program is committing); try again",
    ),
    "st_locked": (
        "另一个 reformctl 已向此仓库写入{seconds}秒（锁 {lock}）；请稍后重试",
        "another reformctl has been writing to this repository for {seconds}s (lock {lock}); try again later",
    ),
    "st_author": ("--author 的格式是 '姓名 <email>'，收到 {value!r}", "--author wants 'Name <email>', got {value!r}"),
    "st_missing": ("{rel} 不存在", "{rel} does not exist"),
    "st_exists": ("{rel} 已存在", "{rel} already exists"),
    "st_symlink": (
        "{rel} 是符号链接；请手工编辑它指向的文件",
        "{rel} is a symbolic link; edit the file it points to by hand",
    ),
    "st_not_utf8": (
        "{rel} 不是 UTF-8 编码；请先修正再用 reformctl 编辑",
        "{rel} is not UTF-8; fix it before editing it with reformctl",
    ),
    "st_outside": ("拒绝写入台账以外的位置：{rel!r}", "refusing to write outside the ledger: {rel!r}"),
    "st_git_commit": ("git 无法提交：{error}", "git could not make the commit: {error}"),
    "st_git_move": (
        "git 无法移动 {ref}：{error}（未做任何修改）",
        "git could not move {ref}: {error} (nothing was changed)",
    ),
    "st_cannot_write": ("无法写入 {file}：{why}（未做任何修改）", "cannot write {file}: {why} (nothing was changed)"),
    "st_a_file": ("某个文件", "a file"),
    "st_nothing": ("无需修改", "nothing to change"),
    "st_recovered": (
        "此前一次被中断的 reformctl 命令已完成其提交",
        "an earlier reformctl command was interrupted; finished its commit",
    ),
    "st_rolled_back": (
        "此前一次被中断的 reformctl 命令已撤回其文件修改",
        "an earlier reformctl command was interrupted; rolled back its files",
    ),
    "st_not_recovered": (
        "无法恢复被中断的 reformctl 命令（{error}）；请查看 `git status`",
        "could not recover an interrupted reformctl command ({error}); check `git status`",
    ),
    "st_edit_file": ("文件 {rel}：{error}", "{rel}: {error}"),
    "st_too_deep": (
        "无法解析该文件以便编辑：嵌套层级过深（见 `reformctl check`）",
        "cannot parse the file for editing: it is nested too deeply (see `reformctl check`)",
    ),
    "st_unparsable": ("无法解析该文件以便编辑：{error}", "cannot parse the file for editing: {error}"),
    "st_cannot_write_back": ("无法写回该文件", "cannot write the file back"),
    "st_cannot_read": ("无法读取 {rel}：{why}", "cannot read {rel}: {why}"),
    # ---- members' stores (reformctl/store/member_store.py): fetch and bundle
    "mb_not_commit": ("取回的引用不是提交", "the fetched ref is not a commit"),
    "mb_no_bundle": ("没有 bundle 文件 {bundle}", "no bundle file {bundle}"),
    "mb_bundle_no_branch": (
        "该 bundle 中没有分支 `{branch}`（其中有：{refs}）",
        "the bundle holds no branch `{branch}` (it holds: {refs})",
    ),
    "mb_bundle_branches": (
        "该 bundle 中有 {n} 个分支（{heads}）；请在 reformctl.yaml 中写明该下级台账的 `branch`",
        "the bundle holds {n} branches ({heads}); name the member's `branch` in reformctl.yaml",
    ),
    "mb_not_branch": ("`{branch}` 不是普通的分支名", "`{branch}` is not a plain branch name"),
    "mb_store_unwritable": (
        "无法写入该下级台账的存储 {store}：{why}",
        "cannot write the member's store {store}: {why}",
    ),
    "mb_git_failed": ("git 执行失败", "git failed"),
}
