#!/usr/bin/env python3
"""Generate a contract-conformant ledger of N items, for benchmarks.

    python benchmarks/generate.py 10000 /tmp/ledger-10k [--seed 1] [--no-git]

The ledger copies the sample's settings, units and commissioners (``ledger-data/``) and adds N item files in
a realistic mix: about 70% tasks (with milestones, progress entries, carry-overs, Chinese titles), then
reports, events, pilots, notices, plans and reminders. Items span 2016-2017; every unfinished task due in a
year has a ``carry_over``, so ``reformctl close-out --year 2016`` can run on it. The result passes
``reformctl check`` (exit 0) and is committed into a fresh git repository (unless ``--no-git``).
Deterministic for a given N and seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "ledger-data"

SPECIAL_GROUPS = [
    "经济体制和生态文明体制改革专项小组",
    "民主法制领域改革专项小组",
    "文化体制改革专项小组",
    "社会体制改革专项小组",
    "党的建设制度改革专项小组",
    "纪律检查体制改革专项小组",
    "全面创新改革专项小组",
]
DEPARTMENTS = [
    "市发改委",
    "市科技局",
    "市财政局",
    "市经信委",
    "市国土局",
    "市教育局",
    "市卫计委",
    "市人社局",
    "市金融办",
    "市商务委",
    "市法制办",
    "市国资委",
    "市工商局",
    "市公安局",
    "市环保局",
    "市农委",
    "市政务服务中心",
    "市文广新局",
    "市委宣传部",
    "市纪委",
]
DISTRICTS = ["锦江区委", "武侯区委", "郫县县委", "双流区委"]
LEADERS = ["王国强", "李晓东", "张建华", "刘志明", "陈红梅", "杨光辉", "赵文静", "孙立平", "周海涛", "吴敏"]
VERBS = ["深化", "推进", "完善", "健全", "探索", "建立", "优化", "规范", "创新", "落实"]
AREAS = [
    "国有企业",
    "行政审批",
    "科技成果转化",
    "农村土地",
    "医药卫生",
    "教育评价",
    "公共文化服务",
    "社会保障",
    "生态环境监管",
    "金融服务实体经济",
    "营商环境",
    "基层治理",
    "人才发展",
    "市场监管",
    "政务公开",
    "户籍制度",
]
NOUNS = [
    "体制机制改革",
    "制度建设",
    "试点工作",
    "配套政策",
    "考核评价办法",
    "改革实施方案",
    "监督管理机制",
    "服务体系",
    "协同推进机制",
    "标准化建设",
]
STEPS = [
    "制定工作方案",
    "召开专题会议研究部署",
    "开展调查研究",
    "起草配套文件",
    "征求有关单位意见",
    "提交专项小组审议",
    "组织试点推进",
    "开展中期评估",
    "形成经验材料",
    "总结验收",
]
NOTES = [
    "已召开专题会议研究部署",
    "完成调研报告初稿",
    "配套文件已征求意见",
    "专项小组审议通过",
    "在两个区开展试点",
    "形成阶段性成果",
    "报市委深改办备案",
    "已印发实施",
    "正在组织第三方评估",
    "按计划推进中",
]
PROBLEMS = [
    "台账未按要求每两月更新",
    "专职督察人员配备不足",
    "试点未明确牵头领导",
    "配套政策出台滞后",
    "改革任务责任分工不明确",
    "季度报告报送不及时",
    "督察发现问题整改不到位",
]


def _title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)}{rng.choice(AREAS)}{rng.choice(NOUNS)}"


def _d(day: dt.date) -> str:
    return day.isoformat()


def _date_between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def _q(s: str) -> str:
    """A YAML double-quoted scalar only when needed (our texts are plain Chinese)."""
    return s


START = dt.date(2016, 7, 1)


def task(rng: random.Random, tid: str, year: int, plans: list[str]) -> str:
    start = _date_between(rng, dt.date(year, 1, 1) if year > 2016 else START, dt.date(year, 9, 30))
    due = _date_between(rng, start + dt.timedelta(days=60), dt.date(year, 12, 31))
    major = rng.random() < 0.15
    lines = [
        "# yaml-language-server: $schema=../../schemas/task.schema.json",
        f"id: {tid}",
        f"title: {_title(rng)}",
        f"year: {year}",
    ]
    if plans and rng.random() < 0.6:
        lines.append(f"source: {rng.choice(plans)}")
    else:
        lines.append(f"source: 《{rng.choice(AREAS)}改革实施意见》")
    lead = rng.choice(DEPARTMENTS)
    resp = rng.sample([u for u in DEPARTMENTS if u != lead], rng.randint(1 if major else 0, 3))
    if major:
        lines += [
            "major: true",
            f"leader: {rng.choice(LEADERS)}             # 市委常委、副市长",
            f"goal: 到{year}年底{_title(rng)}取得实质性进展，形成可复制可推广的经验",
        ]
    lines.append(f"lead_unit: {lead}")
    if resp:
        lines.append(f"responsible_units: [{', '.join(resp)}]")
    lines += [f"special_group: {rng.choice(SPECIAL_GROUPS)}", f"start: {_d(start)}", f"due: {_d(due)}"]
    r = rng.random()
    status = "completed" if r < 0.45 else "in_progress" if r < 0.85 else "planned" if r < 0.95 else "cancelled"
    completed = _date_between(rng, start + dt.timedelta(days=30), due) if status == "completed" else None
    n_ms = rng.randint(0, 3)
    if n_ms:
        lines.append("milestones:")
        span = (due - start).days
        for k in range(n_ms):
            mdue = start + dt.timedelta(days=span * (k + 1) // (n_ms + 1))
            lines += [f"  - name: {rng.choice(STEPS)}", f"    due: {_d(mdue)}"]
            if status == "completed" or (status == "in_progress" and k == 0):
                lines.append(f"    done: {_d(max(start, mdue - dt.timedelta(days=rng.randint(0, 10))))}")
    n_pr = rng.randint(0, 4) if status != "planned" else 0
    if n_pr:
        lines.append("progress:")
        day = start
        for _ in range(n_pr):
            day = day + dt.timedelta(days=rng.randint(10, 60))
            lines.append(f"  - {{date: {_d(day)}, note: {rng.choice(NOTES)}}}")
    lines.append(f"status: {status}")
    if completed:
        lines.append(f"completed: {_d(completed)}")
    if status == "cancelled":
        lines.append("cancel_reason: 上级政策调整，任务不再实施")
    if status in ("in_progress", "planned"):
        lines += [
            "carry_over:",
            f"  reason: {rng.choice(PROBLEMS)}，年内无法完成",
            "  measures: 牵头单位制定整改计划，按月向专项小组报告进展",
            f"  new_due: {_d(due + dt.timedelta(days=rng.randint(30, 180)))}",
        ]
    if rng.random() < 0.1:
        lines += ["extra:", f"  doc_no: 成改〔{year}〕{rng.randint(1, 300)}号"]
    return "\n".join(lines) + "\n"


def plan(rng: random.Random, pid: str, year: int) -> str:
    approved = _date_between(rng, dt.date(year, 1, 10), dt.date(year, 10, 31))
    issued = approved + dt.timedelta(days=rng.randint(3, 30))
    stab = rng.random() < 0.3
    lines = [
        "# yaml-language-server: $schema=../../schemas/plan.schema.json",
        f"id: {pid}",
        f"title: 成都市{_title(rng)}方案",
        "level: city",
        f"special_group: {rng.choice(SPECIAL_GROUPS)}",
        f"lead_unit: {rng.choice(DEPARTMENTS)}",
        f"needs_stability_assessment: {'true' if stab else 'false'}",
    ]
    if stab:
        lines.append(f"stability_assessment: {_d(approved - dt.timedelta(days=10))}")
    lines += [
        f"legality_review: {_d(approved - dt.timedelta(days=5))}",
        f"review_scheduled: {_d(approved)}",
        f"approved: {_d(approved)}",
        f"issued: {_d(issued)}",
        "status: issued",
        "no_pilot_reason: 试点由各区(市)县自行安排",
    ]  # art. 8 (a plan with no pilot says why)
    return "\n".join(lines) + "\n"


def pilot(rng: random.Random, pid: str, year: int, plans: list[str]) -> str:
    start = _date_between(rng, START if year == 2016 else dt.date(year, 1, 1), dt.date(year, 10, 31))
    end = start + dt.timedelta(days=rng.randint(180, 360))
    lines = [
        "# yaml-language-server: $schema=../../schemas/pilot.schema.json",
        f"id: {pid}",
        f"title: {rng.choice(DISTRICTS)[:-1]}{_title(rng)}试点",
    ]
    if plans:
        lines.append(f"plan: {rng.choice(plans)}")
    lines += [
        f"unit: {rng.choice(DEPARTMENTS + DISTRICTS)}",
        f"lead_leader: {rng.choice(LEADERS)}",
        f"promotion_plan: {_title(rng)}试点推进方案",
        "working_team:",
        f"  - {rng.choice(DEPARTMENTS)}改革处",
        f"  - {rng.choice(DISTRICTS)}改革办",
        f"start: {_d(start)}",
        f"end: {_d(end)}",
        f"filed: {_d(start + dt.timedelta(days=rng.randint(1, 25)))}",
        f"status: {rng.choice(['active', 'active', 'completed'])}",
    ]
    return "\n".join(lines) + "\n"


def notice(rng: random.Random, nid: str, year: int) -> str:
    issued = _date_between(rng, START if year == 2016 else dt.date(year, 1, 1), dt.date(year, 10, 31))
    lines = [
        "# yaml-language-server: $schema=../../schemas/notice.schema.json",
        f"id: {nid}",
        f"issued: {_d(issued)}",
        "issued_by: 市委深改办",
        f"to_unit: {rng.choice(DISTRICTS)}",
        "subject: 改革台账督察发现问题整改",
        "report_to: [市委深改组]",
        "problems:",
    ]
    for no in range(1, rng.randint(1, 4) + 1):
        due = issued + dt.timedelta(days=rng.randint(20, 60))
        lines += [
            f"  - no: {no}",
            f"    description: {rng.choice(PROBLEMS)}",
            f"    due: {_d(due)}",
            "    reviews:",
            f"      - {{due: {_d(issued + dt.timedelta(days=15))}, result: 正在整改}}",
        ]
        if rng.random() < 0.5:
            lines.append(f"    rectified: {_d(due - dt.timedelta(days=3))}")
    return "\n".join(lines) + "\n"


def reminder(rng: random.Random, rid: str, year: int) -> str:
    issued = _date_between(rng, START if year == 2016 else dt.date(year, 1, 1), dt.date(year, 11, 30))
    to = rng.sample(DEPARTMENTS, 2)
    lines = [
        "# yaml-language-server: $schema=../../schemas/reminder.schema.json",
        f"id: {rid}",
        f"plan: 《四川省{_title(rng)}实施意见》",
        f"issued: {_d(issued)}",
        f"to: [{', '.join(to)}]",
        f"report_due: {_d(issued + dt.timedelta(days=30))}",
        "reports:",
        f"  - {{unit: {to[0]}, date: {_d(issued + dt.timedelta(days=20))}}}",
    ]
    return "\n".join(lines) + "\n"


def report(rng: random.Random, rid: str, year: int) -> str:
    q = rng.randint(3 if year == 2016 else 1, 4)
    first = dt.date(year, 3 * q - 2, 1)
    return (
        "\n".join(
            [
                "# yaml-language-server: $schema=../../schemas/report.schema.json",
                f"id: {rid}",
                f"unit: {rng.choice(DEPARTMENTS)}",
                f"quarter: {year}Q{q}",
                f"submitted: {_d(first + dt.timedelta(days=rng.randint(92, 100)))}",
                f"to: {SPECIAL_GROUPS[len(rid) % len(SPECIAL_GROUPS)]}",
                "copy_to: 市委深改办",  # R15
                f"summary: 本季度{_title(rng)}推进情况",
            ]
        )
        + "\n"
    )


def event(rng: random.Random, eid: str, year: int) -> str:
    kind = rng.choice(["group_meeting", "training", "onsite_meeting", "press_conference", "ledger_inspection"])
    day = _date_between(rng, START if year == 2016 else dt.date(year, 1, 1), dt.date(year, 12, 20))
    unit = rng.choice(SPECIAL_GROUPS) if kind == "group_meeting" else "市委深改办"
    lines = [
        "# yaml-language-server: $schema=../../schemas/event.schema.json",
        f"id: {eid}",
        f"kind: {kind}",
        f"unit: {unit}",
        f"date: {_d(day)}",
        f"title: {_title(rng)}工作会议",
    ]
    if kind == "ledger_inspection":
        lines += [
            "commissioners: [DC-001, DC-002]",
            f"authorized: {_d(day - dt.timedelta(days=3))}",
            f"authorization: 成改督授〔{year}〕{eid.rsplit('-', 1)[-1]}号",
            "report_to: [市委深改组]",
        ]
    return "\n".join(lines) + "\n"


MIX = [
    ("task", 0.70),
    ("report", 0.10),
    ("event", 0.07),
    ("pilot", 0.05),
    ("notice", 0.04),
    ("plan", 0.02),
    ("reminder", 0.02),
]
FOLDER = {
    "task": "tasks",
    "report": "reports",
    "event": "events",
    "pilot": "pilots",
    "notice": "notices",
    "plan": "plans",
    "reminder": "reminders",
}
PREFIX = {"task": "T", "report": "R", "event": "E", "pilot": "P", "notice": "RN", "plan": "PL", "reminder": "SR"}


def generate(n: int, out: Path, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("reformctl.yaml", "units.yaml", "commissioners.yaml"):
        shutil.copyfile(SAMPLE / name, out / name)
    counts = {k: max(1, round(n * share)) for k, share in MIX}
    counts["task"] += n - sum(counts.values())
    for folder in FOLDER.values():
        (out / folder).mkdir(exist_ok=True)
    plans = {2016: [], 2017: []}
    order = ["plan"] + [k for k, _ in MIX if k != "plan"]
    for kind in order:
        for i in range(counts[kind]):
            year = 2016 if i % 2 == 0 else 2017
            item_id = f"{PREFIX[kind]}-{year}-{i + 1:06d}"
            if kind == "task":
                text = task(rng, item_id, year, plans[year])
            elif kind == "plan":
                plans[year].append(item_id)
                text = plan(rng, item_id, year)
            elif kind == "pilot":
                text = pilot(rng, item_id, year, plans[year])
            else:
                text = globals()[kind](rng, item_id, year)
            (out / FOLDER[kind] / f"{item_id}.yaml").write_text(text, encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of items")
    ap.add_argument("out", type=Path, help="folder to create (must not exist, or be empty)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-git", action="store_true", help="do not make it a git repository")
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        ap.error(f"{args.out} exists and is not empty")
    counts = generate(args.n, args.out, args.seed)
    if not args.no_git:
        env_git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=args.out, check=True)
        (args.out / ".gitignore").write_text(".reformctl-cache/\n", encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=args.out, check=True)
        subprocess.run(
            env_git + ["commit", "-q", "-m", f"generated ledger of {args.n} items"], cwd=args.out, check=True
        )
    print(
        f"{args.out}: {sum(counts.values())} items " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
