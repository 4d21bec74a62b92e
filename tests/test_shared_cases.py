"""Realistic cases as tests: ../shared/cases (wire-style articles written for factlint, never
edited here) and our own tests/cases, both in the .expect.toml format case_eval.py reads.

One test per expectation (`STEM:expect:FAMILY:NEAR`, as `d03-rescued-migrants:expect:N:74
migrants`) and one per rejected place (`STEM:reject:NEAR`). An expectation factlint misses today,
or a rejected place it touches today, is a strict xfail listed in tests/known_misses.toml
(sections `expect` and `reject`, one line each: case stem, near text, why): a fix makes it pass,
the run fails with XPASS(strict), and the fixer deletes that line."""

from __future__ import annotations

import functools

import pytest

from tests.conftest import ROOT, shared_cases_root
from tests.measure import (
    Case,
    expectation_hits,
    known_miss,
    known_misses,
    load_cases,
    reject_touches,
)

SHARED = shared_cases_root()
OURS = ROOT / "tests" / "cases"
CASES = load_cases(SHARED) + load_cases(OURS)


@functools.cache
def _findings(case: Case):
    return case.lint()


def _params(kind: str) -> list:
    out = []
    for case in CASES:
        for item in case.spec.get(kind, []):
            label = f"{case.stem}:{kind}:" + (f"{item['family']}:" if kind == "expect" else "") + item["near"]
            why = known_miss(kind, case=case.stem, near=item["near"])
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            out.append(pytest.param(case, item, id=label, marks=marks))
    if not any(c.path.parent == SHARED for c in CASES):
        out.append(pytest.param(None, None, id=f"no-shared-cases-{kind}",
                                marks=pytest.mark.skip(reason=f"no shared cases: {SHARED} has no *.expect.toml")))
    return out


@pytest.mark.parametrize(("case", "expect"), _params("expect"))
def test_expected_finding(case, expect):
    findings = _findings(case)
    hits = expectation_hits(case.text, expect, findings)
    got = [(f.code, f.line, f.column, f.message) for f in findings]
    assert hits, f"no {expect['family']} finding at line {expect['line']} {expect['near']!r} ({expect.get('why', '')}); got {got}"


@pytest.mark.parametrize(("case", "reject"), _params("reject"))
def test_rejected_place_stays_silent(case, reject):
    findings = _findings(case)
    used = {i for e in case.spec.get("expect", []) for i in expectation_hits(case.text, e, findings)}
    bad = reject_touches(case.text, reject, findings, used)
    assert not bad, f"{reject['near']!r} touched by {[(f.code, f.message) for f in bad]}"


def test_every_known_miss_names_a_case_place():
    """A line left in known_misses.toml for a place that no longer exists would hide nothing: stale."""
    if not any(c.path.parent == SHARED for c in CASES):
        pytest.skip(f"no shared cases: {SHARED} has no *.expect.toml")
    places = {(kind, c.stem, item["near"]) for c in CASES for kind in ("expect", "reject")
              for item in c.spec.get(kind, [])}
    stale = [e for kind in ("expect", "reject") for e in known_misses().get(kind, [])
             if (kind, e["case"], e["near"]) not in places]
    assert not stale, f"known_misses.toml names places that no case has: {stale}"


def test_our_cases_are_there_and_well_formed():
    ours = load_cases(OURS)
    assert len(ours) >= 5 and sum(len(c.spec.get("expect", [])) for c in ours) >= 10
    for c in ours:
        assert c.spec.get("expect") or c.spec.get("reject"), f"{c.stem} expects nothing and rejects nothing"
