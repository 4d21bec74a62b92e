#!/usr/bin/env python3
"""Start-up: `factlint check` on one article against `proselint check` on the same file.

Usage: python benchmarks/startup.py [FILE] [--runs N]

Each run is a fresh process, as an editor's save hook or a pre-commit run starts one. The two
tools run in turn (factlint, proselint, factlint, ...) so that load on the machine falls on
both alike; the table gives the median wall time and the median CPU time (user + system) of
each. Both run once first, unmeasured, so that each has its bytecode written and factlint its
pack cache: what every run after the first one on a user's machine sees. proselint is not a
dependency: `pip install proselint` to compare.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "seeds" / "000_ccc7fe8cb40e4a84.txt"


def _tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name  # the same environment as this interpreter
    return str(here) if here.exists() else shutil.which(name)


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=21)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install writes bytecode once, then reuses it
    tools = {"factlint": _tool("factlint"), "proselint": _tool("proselint")}
    cmds = {"factlint": [tools["factlint"], "check", args.file]}
    if tools["proselint"]:
        cmds["proselint"] = [tools["proselint"], "check", args.file]
    for cmd in cmds.values():
        measure(cmd, env)  # warm: bytecode, factlint's pack cache, the file in the page cache
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            w, c = measure(cmd, env)
            walls[name].append(w)
            cpus[name].append(c)
    words = len(Path(args.file).read_text(encoding="utf-8").split())
    print(f"Start-up on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}: {Path(args.file).name} ({words} words), "
          f"median of {args.runs} runs each, the tools in turn")
    print()
    print("| tool | wall (median) | CPU user+sys (median) |")
    print("| --- | --- | --- |")
    for name in cmds:
        print(f"| {name} check | {1000 * statistics.median(walls[name]):.0f} ms | "
              f"{1000 * statistics.median(cpus[name]):.0f} ms |")
    if "proselint" in cmds:
        ratio_wall = statistics.median(walls["factlint"]) / statistics.median(walls["proselint"])
        ratio_cpu = statistics.median(cpus["factlint"]) / statistics.median(cpus["proselint"])
        print(f"| factlint / proselint | {ratio_wall:.2f}x | {ratio_cpu:.2f}x |")
    else:
        print("| proselint | not installed (pip install proselint to compare) | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
