#!/usr/bin/env python3
"""factlint benchmarks: one command, a table of figures for the README.

Usage: python benchmarks/run.py [--corpus DIR] [--quick]

Measures, on a clean corpus (by default wikinews in $FACTLINT_CORPORA or ../shared/corpora):
  - words per second with every rule, in one process, and with --jobs 2 (the CLI, start-up included)
  - start-up: `factlint check` on one short article (median of runs)
  - peak memory of linting the whole corpus in one process
  - cost per rule and per extractor (which costs most)
  - word packs: the cost of 10x and 100x more entries
  - --source: a 3,000-word article against a 10,000-word transcript
  - proselint on the same files, when it is installed, as a ratio
Timings are medians of repeated runs; they are measurements, not tests.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]


def bench_single(texts, runs):
    from factlint import lint_text

    lint_text(texts[0][1])  # load rules and packs once, as a long-running process would
    words = sum(len(t.split()) for _, t in texts)
    secs = median_time(lambda: [lint_text(t) for _, t in texts], runs)
    return words, secs


def bench_cli(corpus: Path, jobs: int, runs: int) -> float:
    cmd = [sys.executable, "-m", "factlint", "check", "--jobs", str(jobs), "--format", "json", str(corpus)]
    return median_time(lambda: subprocess.run(cmd, capture_output=True, check=False), runs)


def bench_startup(runs: int) -> float:
    short = ROOT / "examples" / "dates.md"
    cmd = [sys.executable, "-m", "factlint", "check", str(short)]
    return median_time(lambda: subprocess.run(cmd, capture_output=True, check=False), runs)


def bench_memory(corpus: Path) -> float:
    code = (f"import resource, sys; sys.path.insert(0, {str(ROOT / 'src')!r})\n"
            "from pathlib import Path\nfrom factlint import lint_text\n"
            f"[lint_text(p.read_text()) for p in sorted(Path({str(corpus)!r}).glob('*.txt'))]\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024  # MiB (ru_maxrss is KiB on Linux)


def bench_per_rule(texts):
    """Extractors timed on their own first, then each rule on documents whose analysis is done."""
    from factlint.engine import RunOptions, active_rules, config_for
    from factlint.formats import parse

    opts = RunOptions(isolated=True)
    rules = active_rules(config_for("-", opts), opts)
    attrs = ("tokens", "token_positions", "sentences", "quote_scan", "dates", "quantities",
             "attributions", "names")
    warm = parse(texts[0][0], texts[0][1], options={"date_order": "auto"})
    for attr in attrs:  # modules imported and patterns compiled before anything is timed
        getattr(warm, attr)
    docs = [parse(name, t, options={"date_order": "auto"}) for name, t in texts]
    extract = {}
    for attr in attrs:
        # every document is kept alive here, as a lint run does not: set what exists aside from
        # the cycle collector, so it does not walk all of it again inside each timing
        gc.collect()
        gc.freeze()
        t = time.perf_counter()
        for d in docs:
            getattr(d, attr)
        extract[attr] = time.perf_counter() - t
        gc.unfreeze()
    per_rule = {}
    for r in rules:
        t = time.perf_counter()
        for d in docs:
            list(r.run(d))
        per_rule[f"{r.code} {r.name}"] = time.perf_counter() - t
    return extract, per_rule


def bench_pack_scaling(texts, runs):
    """One pack of N generated phrases: the matcher's cost should not grow with N."""
    from factlint.analysis import parse
    from factlint.packs import load_pack

    docs = [parse(t) for _, t in texts]
    for d in docs:
        d.tokens, d.token_positions  # noqa: B018  (computed once per document, shared by all packs)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (100, 1_000, 10_000):
            path = Path(tmp) / f"p{n}.toml"
            lines = ['[pack]\nname = "bench"\ncode = "W999"\nrule = "bench"\nsource = "generated"\n'
                     'licence = "MIT"\nmessage = "m"\n']
            lines += [f'[[entry]]\nid = "e{i}"\npattern = "zq{i} phrase"\n' for i in range(n)]
            path.write_text("\n".join(lines))
            pack = load_pack(path)
            out[n] = median_time(lambda p=pack: [list(p.matcher.run(d)) for d in docs], runs)
    return out


def bench_source_match(texts, runs):
    """A 3,000-word article with 20 quotations against a 10,000-word transcript."""
    from factlint import lint_text

    body = " ".join(t for _, t in texts)
    words = body.split()
    transcript = " ".join(words[:10_000])
    quotes = []
    for i in range(20):
        seg = words[400 * i + 7: 400 * i + 19]
        if i % 4 == 0:
            seg = seg[:5] + ["never"] + seg[6:]  # a changed word in every fourth quotation
        quotes.append("The official said: “" + " ".join(seg).replace("“", "").replace("”", "") + ".”")
    article = "\n".join(quotes + [" ".join(words[10_000:12_800])])
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "transcript.txt"
        src.write_text(transcript)
        lint_text(article, select=["S"], sources=[str(src)])
        secs = median_time(lambda: lint_text(article, select=["S"], sources=[str(src)]), runs)
    return len(article.split()), len(transcript.split()), secs


def bench_proselint(texts, runs):
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    LintFile("x", texts[0][1]).lint()
    return median_time(lambda: [LintFile(name, t).lint() for name, t in texts], runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpora = Path(os.environ.get("FACTLINT_CORPORA") or ROOT.parent / "shared" / "corpora")
    ap.add_argument("--corpus", type=Path, default=corpora / "wikinews")
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    args = ap.parse_args()
    runs = 1 if args.quick else 5
    texts = corpus_texts(args.corpus)

    words, single = bench_single(texts, runs)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"corpus: {len(texts)} articles, {words:,} words\n")
    print("| measure | value |\n| --- | --- |")
    print(f"| factlint, one process (all rules) | {words / single:,.0f} words/s ({single:.2f} s) |")
    ps = bench_proselint(texts, runs)
    if ps:
        print(f"| proselint, same files, one process | {words / ps:,.0f} words/s ({ps:.2f} s) |")
        print(f"| factlint / proselint | {ps / single:.2f}x |")
    else:
        print("| proselint | not installed (pip install proselint to compare) |")
    c1 = bench_cli(args.corpus, 1, runs)
    c2 = bench_cli(args.corpus, 2, runs)
    print(f"| CLI `check --jobs 1` (start-up included) | {words / c1:,.0f} words/s ({c1:.2f} s) |")
    print(f"| CLI `check --jobs 2` | {words / c2:,.0f} words/s ({c2:.2f} s) |")
    print(f"| start-up: `factlint check` on one short article | {bench_startup(max(runs, 5)) * 1000:.0f} ms |")
    print(f"| peak memory, whole corpus in one process | {bench_memory(args.corpus):.0f} MiB |")
    aw, tw, sm = bench_source_match(texts, runs)
    print(f"| `--source`: {aw:,}-word article vs {tw:,}-word transcript (S rules) | {sm * 1000:.0f} ms |")
    scale = bench_pack_scaling(texts, runs)
    print("| pack of 100 / 1,000 / 10,000 entries over the corpus | "
          + " / ".join(f"{v * 1000:.0f} ms" for v in scale.values()) + " |")
    extract, per_rule = bench_per_rule(texts)
    print("\nextractors (computed once per document, shared by every rule):")
    for k, v in sorted(extract.items(), key=lambda kv: -kv[1]):
        print(f"  {k:14} {v * 1000:7.1f} ms")
    print("rules, with the analysis done (costliest first):")
    for k, v in sorted(per_rule.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {k:44} {v * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
