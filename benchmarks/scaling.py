#!/usr/bin/env python3
"""How factlint's cost grows with the length of a document, and with its figures.

Usage: python benchmarks/scaling.py [--corpora DIR] [--quick] [--runs N] [--sizes 1000,10000,100000,500000]

Builds its long inputs at run time from the clean corpora (by default $FACTLINT_CORPORA or
../shared/corpora; nothing is written to the project):
  - documents of 1k, 10k, 100k and 500k words: the corpus articles one after another, as many
    times over as it takes (a long file of real copy: quotes, dates, names, figures);
  - the same words in other shapes of 100k words each: many short paragraphs (60 words each), one
    paragraph of 60-word lines (a file whose lines are not paragraphs), and one paragraph on one
    line; and 4,000 sentences each with a date, a figure and a source on one line (every
    attribution then covers every figure: the shape that was once quadratic), and one sentence
    of 2,000 reported arrests (every reporting clause in the figures' own sentence);
  - a figure-heavy document: 10,000 attributed figures (a generated paragraph each: many events,
    each given by two to five sources, most agreeing) with a corpus article after every 250 of
    them, about 100k words, as a long file of wire reports would be.
For each it prints the time of a whole lint run, the time per 1,000 words (flat when the cost
is linear), and the part of it spent in the figures and attribution work (quantities,
attributions, quotes; the N and A rules). Then the corpus throughput against proselint in the
same run, when proselint is installed. Timings are the least of a few runs of the process's CPU
time (steadier than the wall clock on a shared machine, and other work only ever adds to it);
they are measurements, not tests.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

MINE = ("quote_scan", "quantities", "attributions")  # the extractors of the figures and attribution work


def corpus_texts(root: Path) -> list[str]:
    folders = [root] if any(root.glob("*.txt")) else sorted(d for d in root.iterdir() if d.is_dir())
    return [p.read_text(encoding="utf-8") for d in folders for p in sorted(d.glob("*.txt"))]


def long_document(texts: list[str], words: int) -> str:
    """The corpus articles one after another until the document has `words` words."""
    out, n, i = [], 0, 0
    while n < words:
        t = texts[i % len(texts)]
        out.append(t)
        n += len(t.split())
        i += 1
    return "\n\n".join(out)


SOURCES = ("police said", "the health ministry said", "a hospital spokesman said", "officials said",
           "the governor said", "according to the interior ministry", "rescuers said", "the army said")
# many different named sources, so that many pairs of figures are reported disagreement: the
# case that once cost a scan of every attribution for every pair of figures
NAMES = ("Amina", "Bruno", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jana", "Kofi",
         "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomas")
SURNAMES = ("Okafor", "Lindqvist", "Haddad", "Moreau", "Novak", "Tanaka", "Silva", "Kowalski", "Mensah",
            "Petrov")
WHAT = ("people were killed", "people were injured", "people were arrested", "people are missing",
        "people were detained", "people died", "people were hurt", "people were displaced")
SYLLABLES = ("ka", "ro", "mi", "tan", "sel", "bu", "dor", "vi", "len", "osa", "ter", "gha")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def figure_document(texts: list[str], figures: int, seed: int = 14) -> str:
    """`figures` attributed figures, one generated paragraph each, with a corpus article after
    every 250: reports of many events (a town and a day each), each event given by two to five
    sources, most of whom agree and some of whom do not, as a long file of wire reports is."""
    rng = random.Random(seed)
    paras, n, article = [], 0, 0
    while n < figures:
        town = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        day, what = rng.choice(DAYS), rng.choice(WHAT)
        base = rng.randint(2, 4_000)
        for _ in range(rng.randint(2, 5)):
            if n % 250 == 0:
                paras.append(texts[article % len(texts)])
                article += 1
            value = base if rng.random() < 0.8 else rng.randint(2, 4_000)
            src = rng.choice(SOURCES) if rng.random() < 0.5 else \
                f"{rng.choice(NAMES)} {rng.choice(SURNAMES)} told reporters"
            if src.startswith("according"):
                paras.append(f"In {town} on {day}, {src}, {value:,} {what}.")
            else:
                paras.append(f"{value:,} {what} in {town} on {day}, {src}.")
            n += 1
    return "\n\n".join(paras)


def shapes(texts: list[str], words: int) -> list[tuple[str, str]]:
    """The corpus words in other shapes than articles, `words` of them in each; and a line of
    dated, attributed figures (our own sentence, not corpus copy)."""
    w = long_document(texts, words).split()
    lines = [" ".join(w[i:i + 60]) for i in range(0, len(w), 60)]
    k = words // 1000
    line = " ".join(f"Police said {12 + i % 50} people were hurt on Monday, 6 January." for i in range(4000))
    # one sentence that never ends: every reporting clause and count shares it (a list pasted
    # without full stops, a transcript's run-on)
    sentence = "The report said " + ", and ".join(
        f"police arrested {i % 90} people on {1 + i % 28} March and the court ruled in 2019" for i in range(2000)) + "."
    return [(f"{k}k words in 60-word paragraphs", "\n\n".join(lines)),
            (f"{k}k words in 60-word lines, one paragraph", "\n".join(lines)),
            (f"{k}k words on one line", " ".join(w)),
            ("4,000 dated figures on one line", line),
            ("2,000 reported arrests in one sentence", sentence)]


# CPU time of this process: on a machine shared with other work it moves far less than the
# wall clock does, and for one single-threaded process it is the cost of the work itself
CLOCK = time.process_time


def least_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        t = CLOCK()
        fn()
        times.append(CLOCK() - t)
    return min(times)


def split_time(text: str) -> tuple[float, float, int]:
    """(whole run, figures-and-attribution part) in seconds, and the figures found, for one
    document: each extractor and rule timed on its own over one parsed document."""
    from factlint.engine import RunOptions, active_rules, config_for
    from factlint.formats import parse

    try:
        from factlint.collector import paused
    except ImportError:  # a tree from before the engine paused the collector for a document
        from contextlib import nullcontext as paused

    opts = RunOptions(isolated=True)
    rules = active_rules(config_for("-", opts), opts)
    with paused():  # as the engine runs a document
        doc = parse("<bench>", text, options={"date_order": "auto"})
        t0 = CLOCK()
        for attr in ("tokens", "token_positions", "sentences", "dates"):  # shared groundwork, not timed as ours
            getattr(doc, attr)
        mine = 0.0
        for attr in MINE:
            t = CLOCK()
            getattr(doc, attr)
            mine += CLOCK() - t
        for r in rules:
            t = CLOCK()
            list(r.run(doc))
            if r.code[0] in "NA":
                mine += CLOCK() - t
        return CLOCK() - t0, mine, len(doc.quantities)


def bench_proselint(texts: list[str], runs: int) -> float | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    LintFile("x", texts[0]).lint()
    return least_time(lambda: [LintFile(str(i), t).lint() for i, t in enumerate(texts)], runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path,
                    default=Path(os.environ.get("FACTLINT_CORPORA") or ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--quick", action="store_true", help="one run of each")
    ap.add_argument("--runs", type=int, default=3, help="runs of each input (the least time is shown)")
    ap.add_argument("--sizes", default="1000,10000,100000,500000")
    ap.add_argument("--figures", type=int, default=10_000)
    ap.add_argument("--shape-words", type=int, default=100_000, help="words in each of the other shapes")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        print(f"scaling.py: no corpora at {args.corpora} (set --corpora or FACTLINT_CORPORA)", file=sys.stderr)
        return 2
    from factlint import lint_text

    texts = corpus_texts(args.corpora)
    lint_text(texts[0])  # rules, packs and patterns loaded before anything is timed
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpora: {args.corpora} ({len(texts)} articles)\n")
    print("| input | words | figures | lint_text (CPU) | per 1,000 words | figures & attribution part |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    per_k = {}
    inputs = [(f"{int(n) // 1000}k words of corpus copy", long_document(texts, int(n)))
              for n in args.sizes.split(",")]
    sizes = [lab for lab, _ in inputs]
    inputs += shapes(texts, args.shape_words)
    inputs.append((f"{args.figures:,} attributed figures", figure_document(texts, args.figures)))
    runs = 1 if args.quick else args.runs
    secs_of = {}
    for label, text in inputs:
        words = len(text.split())
        secs = secs_of[label] = least_time(lambda t=text: lint_text(t), runs)
        mine, found = min(split_time(text)[1:] for _ in range(runs))  # the least, as for the whole
        per_k[label] = 1000 * secs / words
        print(f"| {label} | {words:,} | {found:,} | {secs:.2f} s | {1000 * per_k[label]:.1f} ms | {mine:.2f} s |")
    if len(sizes) >= 2:
        big, ref = sizes[-1], sizes[-2]
        print(f"\n{big} against {ref}: {secs_of[big] / secs_of[ref]:.2f}x the time, "
              f"{per_k[big] / per_k[ref]:.2f}x the time per word (1.00x is linear)")

    corpus_words = sum(len(t.split()) for t in texts)
    ours = least_time(lambda: [lint_text(t) for t in texts], runs)
    theirs = bench_proselint(texts, runs)
    print(f"\ncorpus throughput, one process, {len(texts)} articles, {corpus_words:,} words:")
    print(f"  factlint  {corpus_words / ours:,.0f} words/s ({ours:.2f} s)")
    if theirs is None:
        print("  proselint not installed (pip install proselint to compare)")
    else:
        print(f"  proselint {corpus_words / theirs:,.0f} words/s ({theirs:.2f} s); factlint is {theirs / ours:.2f}x its speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
