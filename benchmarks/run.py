#!/usr/bin/env python3
"""Time reformctl against its peers on generated ledgers, and print each target of issue 6 with its figure.

    pip install -e '.[bench]'
    python benchmarks/run.py                      # N = 2000, 10000, 100000 (about 10 minutes on 2 cores)
    python benchmarks/run.py --sizes 2000 --repeat 1   # a quick look

For every N it generates (once, cached in --workdir) a ledger of N items in a git repository with
benchmarks/generate.py, then times, as whole processes on the same files:

- ``reformctl check --no-cache`` (cold: every file read, parsed and validated), ``reformctl check`` with no
  cache yet (cold, and writes the cache) and ``reformctl check`` warm;
- ``reformctl status --format json --no-cache`` (cold) and ``reformctl status --format json`` warm (the cache
  and the remembered answer filled by a run before the timed ones), all findings and then one unit's
  (``--unit``); and ``status`` after one file was touched (the per-file cache serves, the answer is computed);
- ``check-jsonschema`` with the project's own ``schemas/task.schema.json`` over the same task files, and
  ``yamllint`` (relaxed rules) over the same ledger files, up to ``--peers-max`` items (default 10000);
- ``reformctl close-out --year 2016 --dry-run`` and a real close-out, when the command exists.

Each figure is the median wall time of --repeat runs, with the median CPU time (user + system, all the
processes of a run: on a busy machine it says more than the wall time); memory is the largest peak resident
set of any one process of any run (from ``wait4``). Output goes to /dev/null (status and check still render it). Run it on an idle machine.
Before the figures of each N, the files are flushed to disk and read once, untimed, so that every figure finds
them in the operating system's cache ("cold" means no reformctl cache, not a cold disk); before each timed run,
what the runs before it wrote is flushed too.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# Every tool is measured as installed and run normally: Python keeps the compiled modules (__pycache__). A shell
# that sets PYTHONDONTWRITEBYTECODE (the sandbox this project is built in does) makes each run of each tool, peers
# alike, compile every module it imports again: 0.1 to 0.2 s per run for reformctl.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
GIB = 1024**3


def tool(name: str) -> list[str] | None:
    """A console script next to this Python (the venv), else on PATH."""
    cand = Path(sys.executable).parent / name
    if cand.exists():
        return [str(cand)]
    found = shutil.which(name)
    return [found] if found else None


def run_once(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int, int]:
    """(wall seconds, peak RSS bytes, exit code) of one run of ``cmd``; its CPU seconds go to CPU[-1]."""
    t0 = time.perf_counter()
    p = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    CPU.append(ru.ru_utime + ru.ru_stime)
    return wall, ru.ru_maxrss * 1024, p.returncode


CPU: list[float] = []


class Timing:
    def __init__(self, name: str, walls: list[float], peak: int, codes: set[int], cpus: list[float] | None = None):
        self.name, self.walls, self.peak, self.codes, self.cpus = name, walls, peak, codes, cpus or [0.0]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def row(self, items: int) -> str:
        rate = f"{items / self.median:>10,.0f}/s" if items else " " * 12
        return (
            f"  {self.name:<34} {self.median:>8.2f} s  (min {min(self.walls):.2f}, max {max(self.walls):.2f})"
            f" {rate}  cpu {statistics.median(self.cpus):>6.2f} s  peak {self.peak / 2**20:>5.0f} MiB"
            f"  exit {','.join(map(str, sorted(self.codes)))}"
        )


def measure(
    name: str, cmds: list[list[str]], repeat: int, cwd: Path | None = None, env: dict | None = None, before=None
) -> Timing:
    """Median over ``repeat`` runs; a run may be several commands (argument lists split in chunks), summed."""
    walls, cpus, peak, codes = [], [], 0, set()
    for _ in range(repeat):
        if before:
            before()
        # what the previous run wrote (a 50 MiB cache, a 30 MiB remembered answer) is flushed first, untimed: the
        # kernel writing it back during the next run made one warm figure 60% slower
        os.sync()
        total = cpu = 0.0
        for cmd in cmds:
            w, m, c = run_once(cmd, cwd, env)
            total += w
            cpu += CPU[-1]
            peak = max(peak, m)
            codes.add(c)
        walls.append(total)
        cpus.append(cpu)
    return Timing(name, walls, peak, codes, cpus)


def chunks(prefix: list[str], args: list[str], size: int = 20000) -> list[list[str]]:
    return [prefix + args[i : i + size] for i in range(0, len(args), size)] or [prefix]


def ledger_for(n: int, workdir: Path) -> Path:
    out = workdir / f"ledger-{n}"
    done = out / ".generated"
    if not done.exists():
        if out.exists():
            shutil.rmtree(out)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(out)], check=True)
        done.write_text("ok\n")
        print(f"  (generated {out} in {time.perf_counter() - t0:.0f} s)", flush=True)
    return out


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}){mem}, "
        f"Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,10000,100000", help="comma-separated N (default 2000,10000,100000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per figure (median; default 3)")
    ap.add_argument(
        "--workdir",
        type=Path,
        default=Path(os.environ.get("TMPDIR", "/tmp")) / "reformctl-bench",
        help="where generated ledgers are kept between runs",
    )
    ap.add_argument("--as-of", default="2017-06-30", help="as-of date for status (default 2017-06-30)")
    ap.add_argument("--no-peers", action="store_true", help="skip check-jsonschema and yamllint")
    ap.add_argument(
        "--peers-max",
        type=int,
        default=10000,
        help="time the peers only up to this N (default 10000: at 100k they take about 15 minutes)",
    )
    ap.add_argument("--unit", default="市财政局", help="unit for the filtered status figure (default 市财政局)")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    args.workdir.mkdir(parents=True, exist_ok=True)

    rc = tool("reformctl") or [sys.executable, "-m", "reformctl"]
    cjs, ylint = tool("check-jsonschema"), tool("yamllint")
    env = {k: v for k, v in os.environ.items() if k not in ("REFORMCTL_NO_CACHE", "REFORMCTL_LEDGER")}
    env.update(NO_COLOR="1", COLUMNS="120")
    has_closeout = subprocess.run(rc + ["close-out", "--help"], capture_output=True, env=env).returncode == 0
    print(f"machine: {machine()}")
    print(f"reformctl: {' '.join(rc)}; repeat {args.repeat}; status --as-of {args.as_of}")
    if not args.no_peers and not (cjs and ylint):
        print("  check-jsonschema or yamllint missing: pip install -e '.[bench]' (peers skipped)")
    results: dict[int, dict[str, Timing]] = {}
    for n in sizes:
        print(f"\nN = {n:,} items", flush=True)
        led = ledger_for(n, args.workdir)
        tasks = sorted(p.name for p in (led / "tasks").glob("*.yaml"))
        files = [
            p.relative_to(led).as_posix()
            for p in sorted(led.rglob("*.yaml"))
            if ".git" not in p.parts and ".reformctl-cache" not in p.parts
        ]
        L = ["--ledger", str(led)]
        st = ["status", *L, "--as-of", args.as_of, "--format", "json"]
        r: dict[str, Timing] = {}
        # Every figure should find the files in the operating system's cache, as a second command a user types
        # does: flush what generating wrote and read the ledger once, untimed (the first read of 100,000 files
        # just written, or pushed out of the cache by another ledger, took up to 11 s instead of 6).
        os.sync()
        subprocess.run(rc + ["check", *L, "--no-cache"], capture_output=True, env=env)
        r["check cold"] = measure(
            "reformctl check --no-cache", [rc + ["check", *L, "--no-cache"]], args.repeat, env=env
        )
        print(r["check cold"].row(n), flush=True)
        cache_files = lambda: [*led.glob(".git/reformctl-cache/*/*.pickle"), *led.glob(".reformctl-cache/*/*.pickle")]
        cache_dirs = lambda: [*led.glob(".git/reformctl-cache/*"), *led.glob(".reformctl-cache/*")]
        drop = lambda: [shutil.rmtree(p) for p in cache_dirs() if p.is_dir()]
        r["check first"] = measure("reformctl check (fills the cache)", [rc + ["check", *L]], 1, env=env, before=drop)
        print(
            r["check first"].row(n) + f"  cache {sum(p.stat().st_size for p in cache_files()) / 2**20:.0f} MiB",
            flush=True,
        )
        r["check warm"] = measure("reformctl check (warm cache)", [rc + ["check", *L]], args.repeat, env=env)
        print(r["check warm"].row(n), flush=True)
        r["status cold"] = measure("reformctl status --no-cache", [rc + st + ["--no-cache"]], args.repeat, env=env)
        print(r["status cold"].row(n), flush=True)
        run_once(rc + st, env=env)
        r["status warm"] = measure("reformctl status (warm cache)", [rc + st], args.repeat, env=env)
        print(r["status warm"].row(n), flush=True)
        edited = led / "tasks" / tasks[len(tasks) // 2]
        touch = lambda: os.utime(edited)  # a new ctime: the remembered answer is not used, the per-file cache is
        r["status edited"] = measure("reformctl status, a file touched", [rc + st], args.repeat, env=env, before=touch)
        print(r["status edited"].row(n), flush=True)
        # the touched file stays "racy" for 3 s (no answer is remembered for such a state): on a small ledger the
        # cold runs below end sooner, and "warm" would time a recomputation
        time.sleep(3.1)
        su = st + ["--unit", args.unit]
        r["unit cold"] = measure("reformctl status --unit --no-cache", [rc + su + ["--no-cache"]], args.repeat, env=env)
        print(r["unit cold"].row(n), flush=True)
        run_once(rc + su, env=env)  # the cache and the remembered answer of this state (a file was touched)
        r["unit warm"] = measure("reformctl status --unit (warm)", [rc + su], args.repeat, env=env)
        print(r["unit warm"].row(n), flush=True)
        peers = not args.no_peers and n <= args.peers_max
        if peers and cjs:
            cmds = chunks(
                cjs + ["--schemafile", str(REPO / "schemas" / "task.schema.json")], [f"tasks/{t}" for t in tasks]
            )
            r["check-jsonschema"] = measure(f"check-jsonschema ({len(tasks):,} tasks)", cmds, args.repeat, cwd=led)
            print(r["check-jsonschema"].row(len(tasks)), flush=True)
        if peers and ylint:
            cmds = chunks(ylint + ["-d", "relaxed"], files)
            r["yamllint"] = measure(f"yamllint ({len(files):,} files)", cmds, max(1, min(args.repeat, 2)), cwd=led)
            print(r["yamllint"].row(len(files)), flush=True)
        if has_closeout and n <= 20000:
            r["close-out"] = _closeout(rc, led, args, env)
            if r["close-out"] is not None:
                print(r["close-out"].row(0), flush=True)
        c, s = r["check cold"].median, r["status cold"].median
        line = (
            f"  ratios: status cold/warm {s / r['status warm'].median:.1f}x; status --unit cold/warm "
            f"{r['unit cold'].median / r['unit warm'].median:.1f}x; check cold/warm {c / r['check warm'].median:.1f}x"
        )
        if "check-jsonschema" in r:
            line += f"; check-jsonschema/check {r['check-jsonschema'].median / c:.1f}x"
        if "yamllint" in r:
            line += f"; yamllint/check {r['yamllint'].median / c:.1f}x"
        print(line, flush=True)
        results[n] = r
    print("\nTargets (issue 6)")
    for line in targets(results):
        print("  " + line)
    return 0


def _closeout(rc: list[str], led: Path, args, env: dict):
    """Time a real close-out of 2016 on a fresh clone (one commit expected), a clone per run."""
    walls, cpus, peak, codes, commits = [], [], 0, set(), set()
    for i in range(args.repeat):
        work = args.workdir / f"closeout-{led.name}-{i}"
        if work.exists():
            shutil.rmtree(work)
        subprocess.run(["git", "clone", "-q", str(led), str(work)], check=True)
        before = int(
            subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=work, capture_output=True, text=True).stdout or 0
        )
        w, m, c = run_once(
            rc + ["close-out", "--ledger", str(work), "--year", "2016", "--as-of", "2017-01-15"],
            env={
                **env,
                "GIT_AUTHOR_NAME": "bench",
                "GIT_AUTHOR_EMAIL": "b@example.org",
                "GIT_COMMITTER_NAME": "bench",
                "GIT_COMMITTER_EMAIL": "b@example.org",
            },
        )
        after = int(
            subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=work, capture_output=True, text=True).stdout or 0
        )
        walls.append(w)
        cpus.append(CPU[-1])
        peak, codes = max(peak, m), codes | {c}
        commits.add(after - before)
        shutil.rmtree(work, ignore_errors=True)
    t = Timing(f"close-out --year 2016 ({','.join(map(str, sorted(commits)))} commit)", walls, peak, codes, cpus)
    t.commits = commits
    return t


def targets(results: dict[int, dict[str, Timing]]) -> list[str]:
    out = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    def near(n: int) -> int | None:
        return n if n in results else None

    n2, n10, n100 = near(2000), near(10000), near(100000)
    if n2 and "check-jsonschema" in results[n2]:
        r = results[n2]["check-jsonschema"].median / results[n2]["check cold"].median
        out.append(
            f"{verdict(r >= 5)}  check on the 2k ledger vs check-jsonschema on its task files: {r:.1f}x faster "
            "(target >= 5x)"
        )
    if n100:
        c = results[n100]["check cold"].median
        out.append(
            f"{verdict(c <= 7 and 100000 / c >= 15000)}  cold check at 100k: {c:.2f} s, {100000 / c:,.0f} items/s "
            "(target <= 7 s, >= 15,000 items/s)"
        )
        w, s = results[n100]["status warm"].median, results[n100]["status cold"].median
        out.append(
            f"{verdict(w <= 1 and s / w >= 8)}  warm status at 100k: {w:.2f} s, {s / w:.1f}x faster than cold "
            f"{s:.2f} s (target <= 1 s and >= 8x)"
        )
        w, s = results[n100]["unit warm"].median, results[n100]["unit cold"].median
        out.append(
            f"{verdict(w <= 1 and s / w >= 8)}  warm status --unit at 100k: {w:.2f} s, {s / w:.1f}x faster than "
            f"cold {s:.2f} s (same target, one unit's findings)"
        )
        peak = max(t.peak for t in results[n100].values())
        out.append(f"{verdict(peak <= GIB)}  peak memory at 100k: {peak / 2**20:.0f} MiB (target <= 1024 MiB)")
    if n10 and n100:
        g = results[n100]["check cold"].median / results[n10]["check cold"].median
        out.append(f"{verdict(g <= 11)}  growth of cold check 10k -> 100k: {g:.1f}x (target <= 11x)")
    if n10 and "close-out" in results[n10]:
        t = results[n10]["close-out"]
        out.append(
            f"{verdict(t.median <= 10 and t.commits == {1})}  close-out of 2016 on the 10k ledger: "
            f"{t.median:.2f} s, {sorted(t.commits)} commit(s) (target <= 10 s, one commit)"
        )
    elif n10:
        out.append("n/a   close-out at 10k: the close-out command is not there yet")
    missing = [x for x, n in (("2k", n2), ("10k", n10), ("100k", n100)) if not n]
    if missing:
        out.append(f"(targets at {', '.join(missing)} need --sizes to include them)")
    return out


if __name__ == "__main__":
    sys.exit(main())
