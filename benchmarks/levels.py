#!/usr/bin/env python3
"""Time the roll-up of members (`reformctl fetch`, `status --members`) and print each target of the levels
issue with its measured figure.

    python benchmarks/levels.py                          # 20 members x 5,000 items (long: it generates 200,000 files)
    python benchmarks/levels.py --members 3 --items 500  # a quick look

In --workdir it generates (once) ``--members`` member ledgers of ``--items`` items each (benchmarks/generate.py,
one seed per member, each a git repository), a single ledger of members x items for comparison, and an upper
ledger listing the members. Then, as whole processes (output to /dev/null, figures are medians of --repeat):

- ``fetch`` of every member (first time, then again with nothing new);
- ``status --members --format json`` cold (no member read remembered: the remembered reads are deleted first),
  against ``status --format json --no-cache`` of the single ledger of the same number of items;
- ``status --members`` warm (nothing new fetched);
- after one member made a new commit and was fetched again: ``status --members`` (only that member is read);
- the peak resident memory of any of those runs;
- the same engine on the single ledger: ``status --format json`` after one task file was edited (right before
  the run, as an office does), and with another ``--as-of`` on the unchanged ledger.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import measure, tool  # noqa: E402

GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]


def generated(n: int, out: Path, seed: int) -> Path:
    done = out / ".generated"
    if not done.exists():
        if out.exists():
            shutil.rmtree(out)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(n), str(out), "--seed", str(seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        done.write_text("ok\n")
    return out


def upper_ledger(workdir: Path, members: list[Path]) -> Path:
    up = workdir / "upper"
    if (up / ".generated").exists():
        return up
    if up.exists():
        shutil.rmtree(up)
    up.mkdir(parents=True)
    units = ["- {id: 市委深改办, name: 市委深改办, type: reform_office}"]
    units += [f"- {{id: 区委{i:02d}, name: 区委{i:02d}, type: party_committee}}" for i in range(1, len(members) + 1)]
    (up / "units.yaml").write_text("\n".join(units) + "\n", encoding="utf-8")
    lines = ["name: 汇总基准", "level: city", "start: 2016-07-01", "members:"]
    lines += [f"  - {{unit: 区委{i:02d}, repo: {m}}}" for i, m in enumerate(members, 1)]
    (up / "reformctl.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=up, check=True)
    subprocess.run(GIT + ["add", "-A"], cwd=up, check=True)
    subprocess.run(GIT + ["commit", "-q", "-m", "upper"], cwd=up, check=True)
    (up / ".generated").write_text("ok\n")
    return up


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=20)
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/reformctl-bench-levels"))
    args = ap.parse_args(argv)
    rc = tool("reformctl") or [sys.executable, "-m", "reformctl"]
    w = args.workdir / f"{args.members}x{args.items}"
    w.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    members = [generated(args.items, w / f"member-{i:02d}", seed=i) for i in range(1, args.members + 1)]
    single = generated(args.items * args.members, w / "single", seed=1)
    up = upper_ledger(w, members)
    print(
        f"ledgers ready in {time.perf_counter() - t0:.0f} s: {args.members} members x {args.items} items, "
        f"and one of {args.items * args.members}",
        flush=True,
    )
    status = rc + ["status", "--members", "--as-of", "2017-06-30", "--format", "json", "--ledger", str(up)]
    stores = up / ".git" / "reformctl" / "members"

    def forget_reads():
        """Cold: nothing remembered of the members, nor the roll-up's answers (the upper ledger's memo)."""
        for folder in stores.glob("*/reformctl-read"):
            shutil.rmtree(folder, ignore_errors=True)
        for folder in (up / ".git" / "reformctl-cache").glob("*.memo"):
            shutil.rmtree(folder, ignore_errors=True)

    fetch_first = measure(
        "fetch (first)",
        [rc + ["fetch", "--ledger", str(up)]],
        1,
        before=lambda: shutil.rmtree(stores, ignore_errors=True),
    )
    fetch_again = measure("fetch (nothing new)", [rc + ["fetch", "--ledger", str(up)]], args.repeat)
    single_cold = measure(
        "single ledger: status --no-cache",
        [rc + ["status", "--as-of", "2017-06-30", "--format", "json", "--no-cache", "--ledger", str(single)]],
        args.repeat,
    )
    cold = measure("status --members (cold)", [status], args.repeat, before=forget_reads)
    warm = measure("status --members (warm)", [status], args.repeat)
    one = members[0]

    def new_commit():
        f = next((one / "tasks").glob("*.yaml"))
        f.write_text(f.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
        subprocess.run(GIT + ["commit", "-q", "-am", "touch"], cwd=one, check=True)
        subprocess.run(
            rc + ["fetch", "区委01", "--ledger", str(up)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    after_one = measure("status --members (one member new)", [status], args.repeat, before=new_commit)
    first, one_edit, other_date = single_ledger(rc, single, args.repeat)
    rows = [fetch_first, fetch_again, single_cold, cold, warm, after_one, first, one_edit, other_date]
    # a shared machine: the figures that compare (the ratio) are of the same run; say how busy it was
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end of the run")
    n = args.items * args.members
    for t in rows:
        print(t.row(n if "status" in t.name else 0))
    peak = max(t.peak for t in (cold, warm, after_one))
    ratio = cold.median / single_cold.median if single_cold.median else float("inf")
    print()
    print("targets (levels issue):")
    print(
        f"  cold status --members within 1.5x of a single-ledger cold status: {cold.median:.2f} s vs "
        f"{single_cold.median:.2f} s = {ratio:.2f}x  {'met' if ratio <= 1.5 else 'NOT met'}"
    )
    print(f"  warm status --members <= 1 s: {warm.median:.2f} s  {'met' if warm.median <= 1 else 'NOT met'}")
    print(f"  one member new <= 1.5 s: {after_one.median:.2f} s  {'met' if after_one.median <= 1.5 else 'NOT met'}")
    print(f"  peak memory <= 1.2 GiB: {peak / 2**30:.2f} GiB  {'met' if peak <= 1.2 * 2**30 else 'NOT met'}")
    for t, what in ((one_edit, "after one edited file"), (other_date, "another --as-of")):
        print(f"  single ledger, status {what} <= 2 s: {t.median:.2f} s  {'met' if t.median <= 2 else 'NOT met'}")
    return 0


def single_ledger(rc: list[str], single: Path, repeat: int):
    """`status` of the single ledger: its first run on a state (computing in full, remembering), after one task file
    was edited just before (each run another file), and with another --as-of on the unchanged ledger (each run
    another date); the edits are undone afterwards."""
    cmd = rc + ["status", "--as-of", "2017-06-30", "--format", "json", "--ledger", str(single)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # the per-file cache
    time.sleep(3.5)  # past the racy window: what the next run computes is remembered

    def forget_answers():
        for folder in (single / ".git" / "reformctl-cache").glob("*.memo"):
            shutil.rmtree(folder, ignore_errors=True)

    # the run that computes in full and remembers the answer, the base of an edit and what is owed on any date
    first = measure("single ledger: status, first run on a state", [cmd], 1, before=forget_answers)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    other = list(cmd)
    days = iter(f"2017-05-{d:02d}" for d in range(1, 32))

    def another_date():
        other[other.index("--as-of") + 1] = next(days)

    other_date = measure("single ledger: status, another --as-of", [other], repeat, before=another_date)
    tasks = sorted((single / "tasks").glob("*.yaml"))
    kept: dict[Path, bytes] = {}
    picks = iter(tasks[len(tasks) // 3 :])

    def edit_one():
        f = next(picks)
        kept[f] = f.read_bytes()
        f.write_bytes(kept[f] + b"# edited\n")

    try:
        one_edit = measure("single ledger: status after one edited file", [cmd], repeat, before=edit_one)
    finally:
        for f, data in kept.items():
            f.write_bytes(data)
    return first, one_edit, other_date


if __name__ == "__main__":
    sys.exit(main())
