"""The commit messages of the commands that write, in Simplified Chinese and English: each subject and body line
is a key of :data:`TEXTS` with its parameters, said in the command's language; the trailers under them stay
machine-readable and are not here. No imports from the rest of the package."""

from __future__ import annotations

from .text import T


TEXTS: dict[str, T] = {
    # ---- commit messages: subject and body lines in the language of the command (the trailers stay English)
    "cm_progress": T("Record progress on {id}: {note}", "记录进展 {id}: {note}"),
    "cm_complete_task": T("Complete task {id}", "完成任务 {id}"),
    "cm_complete_pilot": T("Complete pilot {id}", "完成试点 {id}"),
    "cm_complete_milestone": T("Complete milestone {milestone} of task {id}", "完成任务 {id} 的进度节点 {milestone}"),
    "cm_evidence": T("Add evidence to {id}: {ref}", "添加佐证材料 {id}: {ref}"),
    "cm_cancel": T("Cancel task {id}: {reason}", "取消任务 {id}: {reason}"),
    "cm_rectify": T("Rectify problem {no} of {id}", "整改完成 {id} 问题{no}"),
    "cm_verify": T("Verify problem {no} of {id}", "核实销号 {id} 问题{no}"),
    "cm_review_done": T("Review problem {no} of {id}: {result}", "跟踪复查 {id} 问题{no}: {result}"),
    "cm_review_due": T("Schedule a review of problem {no} of {id} for {due}", "跟踪复查 {id} 问题{no} 安排于 {due}"),
    "cm_pilot_file": T("File pilot {id}", "试点备案 {id}"),
    "cm_pilot_exit": T("Exit pilot {id}: {reason}", "试点退出 {id}: {reason}"),
    "cm_pilot_adjust": T("Adjust pilot {id}: {reason}", "试点调整 {id}: {reason}"),
    "cm_extend": T("Ask to extend {id} to {new_due}{approved}", "申请延期 {id} 至 {new_due}{approved}"),
    "cm_extend_late": T(
        "Ask to extend {id} to {new_due} (asked late){approved}", "申请延期 {id} 至 {new_due} (逾期申请){approved}"
    ),
    "cm_approved_by": T(", approved by {approver}", "，{approver}批准"),
    "cm_reason": T("Reason: {reason}", "理由: {reason}"),
    "cm_approve": T("Approve the extension of {id} ({approver})", "批准延期 {id} ({approver})"),
    "cm_new": T("New {kind}", "新建{kind}"),
    "cm_new_id": T("New {kind} {id}", "新建{kind} {id}"),
    "cm_new_titled": T("New {kind} {id}: {title}", "新建{kind} {id}: {title}"),
    "cm_close_one": T("Write off {id}", "销账 {id}"),
    "cm_close_year": T(
        "Close out {year}: {closed} written off, {carried} carried over",
        "{year}年末盘点销账: 销账 {closed} 项, 挂账结转 {carried} 项",
    ),
    "cm_closed_ids": T("Written off: {ids}", "销账: {ids}"),
    "cm_carried_ids": T("Carried over: {ids}", "挂账结转: {ids}"),
    "cm_import": T(
        "Import from {file}: {new} new, {changed} changed", "从 {file} 导入: 新增 {new} 项, 修改 {changed} 项"
    ),
    "cm_import_new": T("New {id}", "新增 {id}"),
    "cm_import_changed": T("Changed {id} ({fields})", "修改 {id} ({fields})"),
    "cm_assess": T("Assessment {year}: {n} proposed deduction(s) recorded", "{year}年度考核：录入{n}项建议扣分"),
    "cm_init": T("reformctl init: new reform ledger {name}", "reformctl init: 新建改革落实台账 {name}"),
    "cm_init_body": T(
        "Created by reformctl {version}: settings, units, folders, schemas, CI and editor files.",
        "由 reformctl {version} 创建：设置、单位、文件夹、schema、CI 与编辑器配置文件。",
    ),
}

NEW_KIND_WORDS: dict[str, T] = {  # what `reformctl new` makes, as its commit names it
    "task": T("task", "任务"),
    "pilot": T("pilot", "试点"),
    "notice": T("rectification notice", "整改督办通知"),
    "reminder": T("reminder", "督办提示"),
    "report": T("quarterly report", "季报"),
    "event": T("event", "活动"),
}
