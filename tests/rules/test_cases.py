"""One parametrised test over every rule's case file: lines it must flag, places it must not touch.

A case file is tests/rules/cases/CODE.toml:
    rule = "D101"
    [[case]]
    id = "mdy-wire-date"
    text = '''...'''              # the article (or a passage of one)
    published = "2022-01-07"      # optional, as --published
    format = "markdown"           # optional
    sources = { "wire.txt" = '''...''' }   # optional source files (the S family)
    select = ["A201", "X100"]     # optional: run more rules than this one
    [[case.expect]]  line = 1  near = "Thursday (6/12)"   # the rule must flag here
    [[case.reject]]  near = "Wednesday (5/1)"             # the rule must not touch this
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factlint import lint_text
from factlint.registry import all_rules
from tests.conftest import locate, touches

CASES = Path(__file__).parent / "cases"


def _load():
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}:{case['id']}"))
    return out


def _lint(code: str, case: dict, tmp_path: Path):
    sources = []
    for name, body in (case.get("sources") or {}).items():
        p = tmp_path / name
        p.write_text(body, encoding="utf-8")
        sources.append(str(p))
    opts = {"select": case.get("select", [code]), "sources": sources}
    if case.get("published"):
        opts["published"] = case["published"]
    if case.get("format"):
        opts["format"] = case["format"]
    return lint_text(case["text"], **opts)


@pytest.mark.parametrize(("code", "case"), _load())
def test_case(code, case, tmp_path):
    findings = _lint(code, case, tmp_path)
    text = case["text"]
    used = set()
    for e in case.get("expect", []):
        line, c0, c1 = locate(text, e["near"], e.get("line"))
        hit = [i for i, f in enumerate(findings) if f.code == code and touches(f, line, c0, c1)]
        assert hit, f"{code} did not flag {e['near']!r} on line {line}; got {[(f.line, f.column, f.message) for f in findings]}"
        used.update(hit)
        for i in hit:
            for word in e.get("message_has", []):
                assert word in findings[i].message, (word, findings[i].message)
            if "suggestion" in e:
                assert findings[i].suggestion == e["suggestion"], findings[i].suggestion
    for r in case.get("reject", []):
        line, c0, c1 = locate(text, r["near"], r.get("line"))
        bad = [f for i, f in enumerate(findings) if touches(f, line, c0, c1) and i not in used]
        assert not bad, f"{code} touched {r['near']!r}: {[f.message for f in bad]}"
    if case.get("only_expected", True):
        extra = [f for i, f in enumerate(findings) if i not in used and f.code == code]
        assert not extra, f"unexpected findings: {[(f.line, f.column, f.message) for f in extra]}"


def test_every_rule_has_a_case_file_with_expect_and_reject():
    files = {p.stem for p in CASES.glob("*.toml")}
    for r in all_rules():
        assert r.code in files, f"{r.code} ({r.name}) has no case file in tests/rules/cases/"
        data = tomllib.loads((CASES / f"{r.code}.toml").read_text(encoding="utf-8"))
        cases = data.get("case", [])
        assert any(c.get("expect") for c in cases), f"{r.code}: no case with an expected finding"
        assert any(c.get("reject") or not c.get("expect") for c in cases), f"{r.code}: no clean case"


def test_every_case_file_names_a_registered_rule():
    codes = {r.code for r in all_rules()}
    for p in CASES.glob("*.toml"):
        data = tomllib.loads(p.read_text(encoding="utf-8"))
        assert data.get("rule") == p.stem, f"{p.name}: rule key must be {p.stem}"
        assert p.stem in codes, f"{p.name} names no registered rule"
