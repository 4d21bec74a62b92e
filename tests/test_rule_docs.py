"""Executable documentation: every rule's docstring has its sections, its Example is flagged
and its Instead is not."""

from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.registry import DOC_SECTIONS, all_rules

RULES = [pytest.param(r, id=r.code) for r in all_rules()]


@pytest.mark.parametrize("rule", RULES)
def test_docstring_has_every_section(rule):
    assert rule.summary, f"{rule.code} has no summary line"
    for title in DOC_SECTIONS:
        assert rule.section(title), f"{rule.code} ({rule.name}) docstring has no {title!r} section"


def _lint(rule, text: str, tmp_path):
    opts = {"select": [rule.code, *rule.section("Select").split()]}  # X100 needs the rule it names
    published = rule.section("Published")
    if published:
        opts["published"] = published.split()[0]
    src = rule.section("Source")
    if src:
        p = tmp_path / "source.txt"
        p.write_text(src, encoding="utf-8")
        opts["sources"] = [str(p)]
    return [f for f in lint_text(text, **opts) if f.code == rule.code]


@pytest.mark.parametrize("rule", RULES)
def test_example_is_flagged_and_instead_is_not(rule, tmp_path):
    assert _lint(rule, rule.section("Example"), tmp_path), f"{rule.code}: its Example is not flagged"
    assert not _lint(rule, rule.section("Instead"), tmp_path), f"{rule.code}: its Instead is flagged"
