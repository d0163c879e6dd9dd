#!/usr/bin/env python3
"""Time the git side of reformctl on a long history: `reformctl log ID` and one write command.

    python benchmarks/history.py                 # 5000 commits over the sample ledger's 36 tasks
    python benchmarks/history.py --commits 20000

It copies ledger-data/ into a temporary git repository, adds COMMITS commits (each editing one random task
file, with reformctl's trailers) through ``git fast-import``, then times, as whole processes:

- ``reformctl log T-2016-003 --format json`` (git log --follow of one path, one cat-file --batch);
- ``reformctl progress T-2016-003 ...`` (one commit through the store: temp index, commit-tree, update-ref).

Each figure is the median of --repeat runs. Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "ledger-data"


def fast_import_stream(repo: Path, commits: int, seed: int = 1) -> bytes:
    rnd = random.Random(seed)
    tasks = sorted(p.relative_to(repo).as_posix() for p in (repo / "tasks").glob("*.yaml"))
    texts = {t: (repo / t).read_bytes() for t in tasks}
    out = [b"reset refs/heads/main\nfrom refs/heads/main^0\n"]
    for n in range(commits):
        t = rnd.choice(tasks)
        texts[t] += f"# note {n}\n".encode()
        msg = f"edit {n}\n\nReformctl-Action: progress\nReformctl-Item: {Path(t).stem}\n".encode()
        out.append(
            f"commit refs/heads/main\ncommitter Bench <b@example.org> {1600000000 + n} +0800\n"
            f"data {len(msg)}\n".encode()
            + msg
            + b"\n"
        )
        out.append(f"M 100644 inline {t}\ndata {len(texts[t])}\n".encode() + texts[t] + b"\n")
    return b"".join(out)


def timed(args: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    env_git = ["git", "-c", "user.name=Bench", "-c", "user.email=b@example.org"]
    with tempfile.TemporaryDirectory(prefix="reformctl-history-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(SAMPLE, repo)
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        subprocess.run([*env_git, "commit", "-qm", "initial ledger"], cwd=repo, check=True)
        subprocess.run(
            ["git", "fast-import", "--quiet"], cwd=repo, check=True, input=fast_import_stream(repo, a.commits)
        )
        subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo, check=True)
        cmd = [sys.executable, "-m", "reformctl"]
        log_t = [timed([*cmd, "log", "T-2016-003", "--format", "json"], repo) for _ in range(a.repeat)]
        write_t = []
        for i in range(a.repeat):
            write_t.append(
                timed([*cmd, "progress", "T-2016-003", f"bench {i}", "--author", "Bench <b@example.org>"], repo)
            )
        n = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, capture_output=True, text=True).stdout
        print(f"history of {n.strip()} commits")
        print(f"reformctl log T-2016-003 --format json   median {statistics.median(log_t):.2f} s")
        print(f"reformctl progress T-2016-003 (1 commit) median {statistics.median(write_t):.2f} s")


if __name__ == "__main__":
    main()
