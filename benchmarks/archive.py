#!/usr/bin/env python3
"""factlint on an archive: words per second with --jobs 1, --jobs 2 and --engine dask, memory per
worker, and the start-up of the Dask run.

Usage: python benchmarks/archive.py [--articles 20000] [--corpora DIR] [--keep DIR] [--build-only DIR]

The archive is built at run time from the shared corpora ($FACTLINT_CORPORA or ../shared/corpora),
never committed: each copy of an article has its paragraphs after the headline shuffled, so no
two copies are the same text, and keeps its true publication date (from SOURCES.tsv). Each engine runs in a
fresh process through the same path as `factlint check ARCHIVE.jsonl -o OUT.jsonl`, and the
findings tables of the three runs must be byte-identical. Figures are measurements, not tests.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the runs import a snapshot of the code taken at the start, so that edits made in the work tree
# while the benchmark runs cannot make its three runs differ
sys.path.insert(0, os.environ.get("FACTLINT_BENCH_SRC") or str(ROOT / "src"))


def corpora_dir(given: str | None) -> Path:
    for cand in (given, os.environ.get("FACTLINT_CORPORA"), ROOT.parent / "shared" / "corpora"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    sys.exit("no corpora: pass --corpora DIR or set FACTLINT_CORPORA")


def _dates(corpus: Path) -> dict[str, str]:
    """Publication dates from a corpus's SOURCES.tsv (file -> YYYY-MM-DD), when it has one."""
    sources = corpus / "SOURCES.tsv"
    if not sources.is_file():
        return {}
    with sources.open(encoding="utf-8", newline="") as fh:
        return {r["file"]: r.get("published") or "" for r in csv.DictReader(fh, delimiter="\t")}


def build_archive(corpora: Path, n: int, out: Path, seed: int = 18) -> tuple[int, int]:
    """Write n varied copies of the corpora's articles as JSON Lines; returns (articles, words).
    A copy keeps its headline and its true publication date (a made-up date would make the date
    rules fire where the real copy is right) and gets its other paragraphs in a new order."""
    texts = []
    for corpus in sorted(d for d in corpora.iterdir() if d.is_dir()):
        dates = _dates(corpus)
        texts += [(p.stem, p.read_text(encoding="utf-8"), dates.get(p.name) or None)
                  for p in sorted(corpus.glob("*.txt"))]
    rng = random.Random(seed)
    words = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            stem, text, published = texts[i % len(texts)]
            paras = [p for p in text.split("\n\n") if p.strip()]
            head, body = paras[:1], paras[1:]
            if i >= len(texts):  # the first round is the corpus as published
                rng.shuffle(body)
            copy = "\n\n".join(head + body) + "\n"
            words += len(copy.split())
            fh.write(json.dumps({"id": f"{stem}-{i:06d}", "published": published, "text": copy}) + "\n")
    return n, words


def run_one(engine: str, archive: str, out: str) -> dict:
    """One engine in this process, as `factlint check ARCHIVE -o OUT` runs it."""
    import psutil

    from factlint.archive.runners import DaskRunner, PoolRunner, SerialRunner, lint_parts
    from factlint.archive.sources import plan
    from factlint.archive.tables import TableWriter
    from factlint.engine import RunOptions

    t0 = time.perf_counter()
    workers = 2 if engine != "jobs1" else 1
    run = {"jobs1": SerialRunner, "jobs2": lambda: PoolRunner(2)}.get(engine) or (lambda: DaskRunner(workers=2))
    with run() as r:
        ready = time.perf_counter()
        parts, errors = plan([archive], None, workers)
        words = 0
        with TableWriter(out, "jsonl") as w:
            for _, batch in lint_parts(r, parts, RunOptions()):
                w.write(batch)
                words += sum(a["words"] for a in batch.articles)
        done = time.perf_counter()

        def usage() -> tuple[int, float]:
            me = psutil.Process()
            t = me.cpu_times()
            return me.memory_info().rss, t.user + t.system

        if engine == "dask":
            per_worker = list(r.client.run(usage).values())
        elif engine == "jobs2":
            per_worker = [(psutil.Process(p).memory_info().rss, sum(psutil.Process(p).cpu_times()[:2]))
                          for p in r._pools[0]._processes]
        else:
            per_worker = [usage()]
    # CPU seconds of the workers: with eight engineers on two cores, wall-clock time says as much
    # about the neighbours as about factlint; words per CPU-second does not
    return {"engine": engine, "startup": ready - t0, "seconds": done - t0, "run": done - ready,
            "words": words, "rss": [m for m, _ in per_worker], "cpu": sum(c for _, c in per_worker),
            "errors": len(errors), "code": str(Path(sys.modules["factlint"].__file__).parent)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--corpora")
    ap.add_argument("--keep", help="build the archive and outputs in this folder and keep them")
    ap.add_argument("--build-only", metavar="DIR", help="only write DIR/archive.jsonl")
    ap.add_argument("--one", nargs=3, metavar=("ENGINE", "ARCHIVE", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(*args.one)))
        return
    corpora = corpora_dir(args.corpora)
    if args.build_only:
        Path(args.build_only).mkdir(parents=True, exist_ok=True)
        n, words = build_archive(corpora, args.articles, Path(args.build_only) / "archive.jsonl")
        print(f"{n:,} articles, {words:,} words in {args.build_only}/archive.jsonl")
        return
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factlint-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    archive = work / "archive.jsonl"
    n, words = build_archive(corpora, args.articles, archive)
    print(f"archive: {n:,} articles, {words:,} words ({archive.stat().st_size / 1e6:.0f} MB), "
          f"from {corpora}; {os.cpu_count()} cores, Python {platform.python_version()}")
    snapshot = work / "snapshot"
    shutil.copytree(ROOT / "src", snapshot / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", snapshot / "rules")
    env = {**os.environ, "FACTLINT_BENCH_SRC": str(snapshot / "src"), "PYTHONPATH": str(snapshot / "src")}
    results, digests = [], {}
    for engine in ("jobs1", "jobs2", "dask"):
        out = work / f"findings-{engine}.jsonl"
        p = subprocess.run([sys.executable, __file__, "--one", engine, str(archive), str(out)],
                           capture_output=True, text=True, check=True, env=env)
        results.append(json.loads(p.stdout.strip().splitlines()[-1]))
        digests[engine] = hashlib.sha256(out.read_bytes()).hexdigest()
    label = {"jobs1": "--jobs 1", "jobs2": "--jobs 2", "dask": "--engine dask (2 workers)"}
    print(f"load average during the runs: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("\n| run | words/s (wall clock) | seconds | words per CPU-second | start-up | memory per worker |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for r in results:
        mem = ", ".join(f"{m / 2**20:.0f} MiB" for m in r["rss"])
        cpu = f"{r['words'] / r['cpu']:,.0f}" if r.get("cpu") else "?"
        print(f"| {label[r['engine']]} | {r['words'] / r['seconds']:,.0f} | {r['seconds']:.1f} | {cpu} | "
              f"{r['startup']:.2f} s | {mem} |")
    print(f"code: {results[0]['code']}")
    same = len(set(digests.values())) == 1
    print(f"\nfindings tables identical across the three runs: {same} (sha256 {digests['jobs1'][:12]})")
    if not args.keep:
        shutil.rmtree(work)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
