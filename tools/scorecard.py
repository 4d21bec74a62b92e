#!/usr/bin/env python3
"""One report of how factlint does on copy nobody tuned it to.

Usage: python tools/scorecard.py [--no-planted]

Prints, in process (no subprocess per article):
  - the seed article (seeds/) and the realistic cases (../shared/cases, then tests/cases):
    expectations found per family, rejected places touched;
  - the errors tools/plant_errors.py plants in every corpus: found/planted per family and per
    kind, and the plants that bring another new finding with them;
  - each clean corpus: findings per 1,000 words by severity and by rule (every finding a false
    positive unless tests/corpus_allow.toml lists it as a real error in the copy).
Corpora are found as the tests find them: $FACTLINT_CORPORA or ../shared/corpora; cases in
$FACTLINT_CASES or ../shared/cases. The counting is the tests' own (tests/measure.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CORPORA, corpora_root, no_corpus_reason, shared_cases_root  # noqa: E402
from tests.measure import (  # noqa: E402
    corpus_rates,
    load_cases,
    planted_results,
    planter,
    recall_table,
    score_case,
)

FAMILIES = "DNWAS"


def _families(found: Counter, total: Counter) -> str:
    return ", ".join(f"{f} {found[f]}/{total[f]}" for f in FAMILIES if total[f])


def _rel(path: Path) -> str:
    """A path as the README writes it: from the project, `../shared/...` beside it."""
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    if path.is_relative_to(ROOT.parent):
        return "../" + str(path.relative_to(ROOT.parent))
    return str(path)


def cases_section(title: str, folder: Path) -> list[str]:
    cases = load_cases(folder)
    if not cases:
        return [f"{title} ({_rel(folder)}): none found"]
    found, total, touched, rejects, other = Counter(), Counter(), 0, 0, 0
    misses = []
    for case in cases:
        score = score_case(case, case.lint())
        for e in score.found:
            found[e["family"]] += 1
            total[e["family"]] += 1
        for e in score.missed:
            total[e["family"]] += 1
            misses.append(f"    missed {case.stem}: {e['family']} {e['near']!r}")
        rejects += len(case.spec.get("reject", []))
        touched += len({r["near"] for r, _ in score.touched})
        misses += [f"    touched {case.stem}: {r['near']!r} by {f.code}" for r, f in score.touched]
        other += len(score.other)
    n = sum(total.values())
    articles = f"{len(cases)} article" + ("s" if len(cases) != 1 else "")
    return [f"{title} ({_rel(folder)}, {articles}): found {sum(found.values())}/{n} "
            f"({_families(found, total)}); rejected places touched {touched}/{rejects}; "
            f"other findings {other}", *misses]


def planted_section() -> list[str]:
    out = [f"planted errors (tools/plant_errors.py, seed {planter().SEED}, one error per article copy):"]
    for name, path in CORPORA.items():
        results = planted_results(path)
        table = recall_table(results)
        fam_found, fam_total = Counter(), Counter()
        for kind, (found, planted) in table.items():
            fam = planter().FAMILY[kind]
            fam_found[fam] += found
            fam_total[fam] += planted
        got = sum(r.found for r in results)
        out.append(f"  {name}: found {got}/{len(results)} ({got / max(len(results), 1):.0%}); "
                   f"by family {_families(fam_found, fam_total)}")
        for kind in planter().PLANTERS:
            if kind in table:
                found, planted = table[kind]
                out.append(f"    {planter().FAMILY[kind]} {kind:27} {found:4}/{planted:<4} {found / planted:4.0%}")
        collateral = [r for r in results if r.collateral]
        out.append(f"    plants adding another finding: {len(collateral)}"
                   + "".join(f"\n      {r.plant.name}: {c} {m[:80]}" for r in collateral for c, m in r.collateral))
    return out


def corpora_section() -> list[str]:
    out = ["clean corpora (findings per 1,000 words; gate: no error, at most 0.3 warnings):"]
    for name, path in CORPORA.items():
        raw, _ = corpus_rates(name, path, allowed=False)
        gate, _ = corpus_rates(name, path)
        allowed = sum(raw.by_rule.values()) - sum(gate.by_rule.values())
        articles = len(list(path.glob("*.txt")))
        verdict = "passes" if gate.count("error") == 0 and gate.per_k("warning") <= 0.3 else "FAILS"
        out.append(f"  {name} ({articles} articles, {raw.words:,} words): {raw.summary()}")
        out.append(f"    after {allowed} findings allowed as real errors in the copy: "
                   f"{gate.summary()} -> gate {verdict}")
        out += ["  " + row for row in raw.table().splitlines()[1:]]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-planted", action="store_true", help="skip the planted errors (the slow part)")
    args = ap.parse_args(argv)
    import factlint

    lines = [f"factlint {factlint.__version__} scorecard", ""]
    lines += cases_section("seed", ROOT / "seeds")
    shared = shared_cases_root()
    lines += cases_section("shared cases", shared) if shared.is_dir() else [f"shared cases: {shared} not found"]
    lines += cases_section("our cases", ROOT / "tests" / "cases")
    lines.append("")
    if not CORPORA:
        lines.append(no_corpus_reason())
    else:
        lines.append(f"corpora from {_rel(corpora_root())}: {', '.join(CORPORA)}")
        if not args.no_planted:
            lines += planted_section()
        lines += corpora_section()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
