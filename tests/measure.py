"""Measuring factlint on copy nobody tuned it to: corpus rates by rule, case files scored the way
case_eval.py scores them, the known misses the tests mark as strict xfails. Shared by the
measurement tests and tools/scorecard.py, so the tests and the scorecard count the same way."""

from __future__ import annotations

import functools
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from factlint import Finding, lint_text
from tests.conftest import ROOT, Article, corpus_articles, locate, touches

KNOWN_MISSES = ROOT / "tests" / "known_misses.toml"
CORPUS_ALLOW = ROOT / "tests" / "corpus_allow.toml"
SEVERITIES = ("error", "warning", "info")


def words(text: str) -> int:
    """Words as fp_rate.py counts them (whitespace-separated, headline included)."""
    return len(text.split())


@functools.cache
def lint_corpus(corpus: Path) -> tuple[tuple[Article, tuple[Finding, ...]], ...]:
    """Every article of a corpus with its findings, linted once per process."""
    return tuple((a, tuple(lint_text(a.text, path=a.name, published=a.published)))
                 for a in corpus_articles(corpus))


# --- corpus rates -------------------------------------------------------------------------------

@dataclass
class Rates:
    """Findings per 1,000 words on one corpus, by severity and by (severity, rule)."""

    words: int = 0
    by_rule: Counter = field(default_factory=Counter)  # (severity, code) -> count

    def add(self, f: Finding) -> None:
        self.by_rule[(str(f.severity), f.code)] += 1

    def count(self, severity: str) -> int:
        return sum(n for (sev, _), n in self.by_rule.items() if sev == severity)

    def per_k(self, severity: str) -> float:
        return 1000 * self.count(severity) / max(self.words, 1)

    def summary(self) -> str:
        return ", ".join(f"{sev} {self.per_k(sev):.2f}" for sev in SEVERITIES) + " per 1,000 words"

    def table(self) -> str:
        rows = [f"  {sev:8} {code:5} {n:4}  {1000 * n / max(self.words, 1):.2f} per 1,000 words"
                for (sev, code), n in sorted(self.by_rule.items(),
                                             key=lambda kv: (SEVERITIES.index(kv[0][0]), -kv[1], kv[0][1]))]
        return "\n".join([f"  {self.words:,} words: {self.summary()}", *rows])


def corpus_allow() -> dict[tuple[str, str, int, str], str]:
    """Findings on a corpus that are real errors in the published copy: (corpus, file, line, code) -> why."""
    data = tomllib.loads(CORPUS_ALLOW.read_text(encoding="utf-8"))
    return {(a["corpus"], a["file"], line, a["code"]): a["why"] for a in data.get("allow", [])
            for line in (a["line"] if isinstance(a["line"], list) else [a["line"]])}


def corpus_rates(name: str, corpus: Path, allowed: bool = True) -> tuple[Rates, list[tuple[str, Finding]]]:
    """The corpus's rates and its findings, less those allowed as real errors when `allowed`."""
    allow = corpus_allow() if allowed else {}
    rates, kept = Rates(), []
    for article, findings in lint_corpus(corpus):
        rates.words += words(article.text)
        for f in findings:
            if (name, article.name, f.line, f.code) not in allow:
                rates.add(f)
                kept.append((article.name, f))
    return rates, kept


# --- known misses -------------------------------------------------------------------------------

@functools.cache
def known_misses() -> dict[str, list[dict]]:
    """tests/known_misses.toml: what factlint does not do yet, by section (expect, reject, gate)."""
    return tomllib.loads(KNOWN_MISSES.read_text(encoding="utf-8"))


def known_miss(section: str, **key: str) -> str | None:
    """The reason a known miss gives, for the entry of `section` whose fields equal `key`."""
    for entry in known_misses().get(section, []):
        if all(entry.get(k) == v for k, v in key.items()):
            return entry["why"]
    return None


# --- case files (the .expect.toml format case_eval.py reads) -----------------------------------

@dataclass(frozen=True, eq=False)  # hashed by identity: one lint per case per run
class Case:
    stem: str
    path: Path
    text: str
    spec: dict

    def lint(self) -> list[Finding]:
        opts: dict = {"path": self.path.name}
        if self.spec.get("published"):
            opts["published"] = self.spec["published"]
        if self.spec.get("sources"):
            opts["sources"] = [str(self.path.parent / s) for s in self.spec["sources"]]
        return lint_text(self.text, **opts)


def load_cases(folder: Path) -> list[Case]:
    """Every NAME.txt of a folder that has a NAME.expect.toml beside it (sources excluded)."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        spec = txt.with_suffix(".expect.toml")
        if txt.name.endswith(".source.txt") or not spec.is_file():
            continue
        out.append(Case(txt.stem, txt, txt.read_text(encoding="utf-8"),
                        tomllib.loads(spec.read_text(encoding="utf-8"))))
    return out


@dataclass
class CaseScore:
    found: list[dict]  # expectations met
    missed: list[dict]
    touched: list[tuple[dict, Finding]]  # rejected places a finding touched
    other: list[Finding]  # findings no expectation used (as case_eval.py counts them)


def expectation_hits(text: str, e: dict, findings: list[Finding]) -> list[int]:
    """Indexes of the findings that meet an expectation (its family, at its place or an alt)."""
    hit = []
    for place in [e, *e.get("alt", [])]:
        line, c0, c1 = locate(text, place["near"], place["line"])
        hit += [i for i, f in enumerate(findings)
                if f.code.startswith(e["family"]) and touches(f, line, c0, c1)]
    return hit


def reject_touches(text: str, r: dict, findings: list[Finding], used: set[int]) -> list[Finding]:
    """Findings (not used by an expectation) that touch a rejected place, of its family if given."""
    line, c0, c1 = locate(text, r["near"])
    return [f for i, f in enumerate(findings) if i not in used
            and f.code.startswith(r.get("family", "")) and touches(f, line, c0, c1)]


def score_case(case: Case, findings: list[Finding]) -> CaseScore:
    used: set[int] = set()
    score = CaseScore([], [], [], [])
    for e in case.spec.get("expect", []):
        hit = expectation_hits(case.text, e, findings)
        (score.found if hit else score.missed).append(e)
        used.update(hit)
    for r in case.spec.get("reject", []):
        score.touched += [(r, f) for f in reject_touches(case.text, r, findings, used)]
    score.other = [f for i, f in enumerate(findings) if i not in used]
    return score


# --- planted errors (tools/plant_errors.py) ----------------------------------------------------

def planter():
    """tools/plant_errors.py as a module (it is a script, not part of the package)."""
    import sys

    tools = str(ROOT / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import plant_errors

    return plant_errors


@functools.cache
def plants(corpus: Path) -> tuple:
    """Every plant of a corpus (plant_errors.Plant), planted once per process."""
    return tuple(planter().plant_corpus(corpus))


@dataclass
class PlantResult:
    plant: object  # plant_errors.Plant
    found: bool  # a new finding of its family touches the planted words (or an alt place)
    collateral: list[tuple[str, str]]  # other new findings, as (code, message)


def _key(f: Finding) -> tuple[str, str]:
    # lines move when a plant inserts a sentence; code and message say what a finding is
    return (f.code, f.message)


@functools.cache
def planted_results(corpus: Path) -> tuple[PlantResult, ...]:
    """Every plant of a corpus linted, against the findings on the article it was planted in."""
    before = {a.name: Counter(_key(f) for f in fs) for a, fs in lint_corpus(corpus)}
    out = []
    for p in plants(corpus):
        name = f"{p.stem}.txt"
        after = lint_text(p.text, path=name, published=p.published or None)
        new = Counter(_key(f) for f in after) - before[name]
        fresh = [f for f in after if new[_key(f)] > 0]
        spec = {"family": p.family, "line": p.line, "near": p.near,
                "alt": [{"line": ln, "near": near} for ln, near in p.alt]}
        hits = expectation_hits(p.text, spec, fresh)
        for i in hits:
            new[_key(fresh[i])] -= 1
        out.append(PlantResult(p, bool(hits), sorted(k for k, n in new.items() for _ in range(max(n, 0)))))
    return tuple(out)


def recall_table(results: tuple[PlantResult, ...]) -> dict[str, tuple[int, int]]:
    """kind -> (found, planted)."""
    table: dict[str, list[int]] = {}
    for r in results:
        row = table.setdefault(r.plant.kind, [0, 0])
        row[0] += r.found
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}
