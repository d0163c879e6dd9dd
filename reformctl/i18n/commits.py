"""The commit messages of the commands that write, in Simplified Chinese and English: each subject and body line
is a key of :data:`TEXTS` with its parameters, said in the command's language; the trailers under them stay
machine-readable and are not here. No imports from the rest of the package."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    # ---- commit messages: subject and body lines in the language of the command (the trailers stay English)
    "cm_progress": ("记录进展 {id}: {note}", "Record progress on {id}: {note}"),
    "cm_complete_task": ("完成任务 {id}", "Complete task {id}"),
    "cm_complete_pilot": ("完成试点 {id}", "Complete pilot {id}"),
    "cm_complete_milestone": (
        "完成任务 {id} 的进度节点 {milestone}",
        "Complete milestone {milestone} of task {id}",
    ),
    "cm_evidence": ("添加佐证材料 {id}: {ref}", "Add evidence to {id}: {ref}"),
    "cm_cancel": ("取消任务 {id}: {reason}", "Cancel task {id}: {reason}"),
    "cm_rectify": ("整改完成 {id} 问题{no}", "Rectify problem {no} of {id}"),
    "cm_verify": ("核实销号 {id} 问题{no}", "Verify problem {no} of {id}"),
    "cm_review_done": ("跟踪复查 {id} 问题{no}: {result}", "Review problem {no} of {id}: {result}"),
    "cm_review_due": ("跟踪复查 {id} 问题{no} 安排于 {due}", "Schedule a review of problem {no} of {id} for {due}"),
    "cm_pilot_file": ("试点备案 {id}", "File pilot {id}"),
    "cm_pilot_exit": ("试点退出 {id}: {reason}", "Exit pilot {id}: {reason}"),
    "cm_pilot_adjust": ("试点调整 {id}: {reason}", "Adjust pilot {id}: {reason}"),
    "cm_extend": ("申请延期 {id} 至 {new_due}{approved}", "Ask to extend {id} to {new_due}{approved}"),
    "cm_extend_late": (
        "申请延期 {id} 至 {new_due} (逾期申请){approved}",
        "Ask to extend {id} to {new_due} (asked late){approved}",
    ),
    "cm_approved_by": ("，{approver}批准", ", approved by {approver}"),
    "cm_reason": ("理由: {reason}", "Reason: {reason}"),
    "cm_approve": ("批准延期 {id} ({approver})", "Approve the extension of {id} ({approver})"),
    "cm_new": ("新建{kind}", "New {kind}"),
    "cm_new_id": ("新建{kind} {id}", "New {kind} {id}"),
    "cm_new_titled": ("新建{kind} {id}: {title}", "New {kind} {id}: {title}"),
    "cm_close_one": ("销账 {id}", "Write off {id}"),
    "cm_close_year": (
        "{year}年末盘点销账: 销账 {closed} 项, 挂账结转 {carried} 项",
        "Close out {year}: {closed} written off, {carried} carried over",
    ),
    "cm_closed_ids": ("销账: {ids}", "Written off: {ids}"),
    "cm_carried_ids": ("挂账结转: {ids}", "Carried over: {ids}"),
    "cm_import": (
        "从 {file} 导入: 新增 {new} 项, 修改 {changed} 项",
        "Import from {file}: {new} new, {changed} changed",
    ),
    "cm_import_new": ("新增 {id}", "New {id}"),
    "cm_import_changed": ("修改 {id} ({fields})", "Changed {id} ({fields})"),
    "cm_assess": ("{year}年度考核：录入{n}项建议扣分", "Assessment {year}: {n} proposed deduction(s) recorded"),
    "cm_init": ("reformctl init: 新建改革落实台账 {name}", "reformctl init: new reform ledger {name}"),
    "cm_init_body": (
        "由 reformctl {version} 创建：设置、单位、文件夹、schema、CI 与编辑器配置文件。",
        "Created by reformctl {version}: settings, units, folders, schemas, CI and editor files.",
    ),
}

NEW_KIND_WORDS: dict[str, tuple[str, str]] = {  # what `reformctl new` makes, as its commit names it
    "task": ("任务", "task"),
    "pilot": ("试点", "pilot"),
    "notice": ("整改督办通知", "rectification notice"),
    "reminder": ("督办提示", "reminder"),
    "report": ("季报", "quarterly report"),
    "event": ("活动", "event"),
}
