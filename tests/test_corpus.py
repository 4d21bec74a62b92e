"""The clean-corpus gate, on every corpus on its own: published copy, where every finding is a false
positive unless it is a real error in that copy (then tests/corpus_allow.toml says why).

Gate: no `error` at all, and at most 0.3 warnings per 1,000 words. A corpus that does not meet it
yet is a strict xfail named in tests/known_misses.toml (section `gate`), so a fix flips it
visibly. Each test prints its corpus's findings per 1,000 words by rule (see them with -s)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import CORPORA, ROOT, corpus_params, no_corpus_reason
from tests.measure import corpus_allow, corpus_rates, known_miss, lint_corpus

MAX_WARNINGS_PER_K = 0.3


def _gate(check: str):
    """One parameter per corpus, a strict xfail where known_misses.toml says the gate fails today."""
    out = []
    for p in corpus_params():
        corpus = p.values[0]
        why = corpus and known_miss("gate", corpus=corpus.name, check=check)
        marks = [*p.marks, *([pytest.mark.xfail(strict=True, reason=why)] if why else [])]
        out.append(pytest.param(corpus, id=p.id, marks=marks))
    return out


def _report(corpus, check: str) -> tuple:
    rates, kept = corpus_rates(corpus.name, corpus)
    table = f"{corpus.name} ({check}):\n{rates.table()}"
    print("\n" + table)
    return rates, kept, table


@pytest.mark.parametrize("corpus", _gate("errors"))
def test_no_error_on_clean_copy(corpus):
    rates, kept, table = _report(corpus, "errors")
    errors = [f"{name}:{f.line}:{f.column} {f.code} {f.message}" for name, f in kept
              if str(f.severity) == "error"]
    assert not errors, table + "\n" + "\n".join(errors)


@pytest.mark.parametrize("corpus", _gate("warnings"))
def test_warnings_per_1000_words(corpus):
    rates, kept, table = _report(corpus, "warnings")
    detail = "\n".join(f"  {name}:{f.line}:{f.column} {f.code} {f.message}" for name, f in kept
                       if str(f.severity) == "warning")
    assert rates.per_k("warning") <= MAX_WARNINGS_PER_K, (
        f"{rates.per_k('warning'):.2f} warnings per 1,000 words on {corpus.name} "
        f"(gate {MAX_WARNINGS_PER_K})\n{table}\n{detail}")


def _allowed() -> list:
    """One parameter per allowed real error of a corpus that is there; a strict xfail where
    known_misses.toml (section `lost`) says a rule no longer finds it."""
    out = []
    for (corpus, file, line, code), why in corpus_allow().items():
        if corpus not in CORPORA:
            continue
        lost = known_miss("lost", corpus=corpus, file=file, code=code)
        marks = [pytest.mark.xfail(strict=True, reason=lost)] if lost else []
        out.append(pytest.param(CORPORA[corpus], file, line, code, why, marks=marks,
                                id=f"{corpus}:{file[:3]}:{line}:{code}"))
    return out or [pytest.param(None, "", 0, "", "", id="no-corpus",
                                marks=pytest.mark.skip(reason=no_corpus_reason()))]


@pytest.mark.parametrize(("corpus", "file", "line", "code", "why"), _allowed())
def test_a_real_error_in_the_copy_is_still_found(corpus, file, line, code, why):
    found = {(a.name, f.line, f.code) for a, fs in lint_corpus(corpus) for f in fs}
    assert (file, line, code) in found, f"{corpus.name}/{file}:{line} {code} no longer found ({why})"


def test_the_seed_article_end_to_end():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "case_eval.py"), str(ROOT / "seeds"),
                           "--factlint", f"{sys.executable} -m factlint"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "TOTAL recall 5/5, rejected touched 0" in proc.stdout
