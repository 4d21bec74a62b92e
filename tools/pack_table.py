"""Every wording-pack entry's findings on every clean corpus: the table an entry must pass before
it ships (0 on clean copy, or a real error in that copy, named with `-v`).

Usage: python tools/pack_table.py [--corpora DIR] [--pack NAME]... [--entry ID]... [--only-hits] [-v]
Corpora: every folder of *.txt under DIR (default: $FACTLINT_CORPORA or ../shared/corpora).
Prints a Markdown table: pack, entry, then one column of findings per corpus.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpora(root: Path) -> dict[str, Path]:
    if any(root.glob("*.txt")):
        return {root.name: root}
    return {d.name: d for d in sorted(root.iterdir()) if d.is_dir() and any(d.glob("*.txt"))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path,
                    default=Path(os.environ.get("FACTLINT_CORPORA", ROOT.parent / "shared" / "corpora")))
    ap.add_argument("--pack", action="append", default=[], help="only this pack (by name)")
    ap.add_argument("--entry", action="append", default=[], help="only this entry (by id)")
    ap.add_argument("--only-hits", action="store_true", help="only entries with a finding")
    ap.add_argument("-v", action="store_true", help="list each finding with its sentence")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from factlint import lint_text
    from factlint.packs import all_packs

    packs = [p for p in all_packs() if p.builtin and (not args.pack or p.name in args.pack)]
    codes = sorted({p.code for p in packs})
    found = corpora(args.corpora) if args.corpora.is_dir() else {}
    if not found:
        print(f"no corpus under {args.corpora}", file=sys.stderr)
        return 2
    counts: dict[str, Counter] = {}
    words: dict[str, int] = {}
    details = []
    for name, folder in found.items():
        counts[name] = Counter()
        words[name] = 0
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            words[name] += len(text.split())
            for f in lint_text(text, select=codes):
                entry = f.message.rsplit("[", 1)[-1].rstrip("]")
                counts[name][(f.code, entry)] += 1
                details.append((name, path.name, f.line, f.code, entry, f.excerpt or ""))
    print("| pack | entry | " + " | ".join(f"{c} ({words[c]:,} words)" for c in found) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in found) + " |")
    for pack in packs:
        for e in pack.entries:
            row = [counts[c][(pack.code, e.id)] for c in found]
            if (args.only_hits and not any(row)) or (args.entry and e.id not in args.entry):
                continue
            print(f"| {pack.name} ({pack.code}) | {e.id} | " + " | ".join(map(str, row)) + " |")
    totals = {c: sum(counts[c].values()) for c in found}
    print("| all | total | " + " | ".join(str(totals[c]) for c in found) + " |")
    if args.v:
        for name, file, line, code, entry, excerpt in details:
            print(f"{name}/{file}:{line} {code} [{entry}] {excerpt.strip()[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
