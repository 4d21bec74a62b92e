"""The engine: selection, severities, suppressions, baselines, order and exit codes."""

from __future__ import annotations

import json

from factlint import lint_text
from factlint.engine import decide, exit_code
from factlint.model import ERROR, INFO, WARNING, FileError
from factlint.registry import Rule
from tests.conftest import run_cli, run_json

STRAY = "The bridge will reopen in May,” the mayor said.\n"


def _rule(code, enabled=True):
    return Rule(code, "x", WARNING, lambda d: iter(()), "", enabled)


def test_selection_most_specific_wins():
    r = _rule("D101")
    assert decide(r, (), (), ())
    assert not decide(r, (), (), ("D",))
    assert decide(r, ("D101",), (), ("D",))  # more specific select beats a family ignore
    assert not decide(r, ("D",), (), ("D1",))
    assert not decide(r, ("D",), (), ("D",))  # a tie goes to ignore
    assert not decide(r, ("W",), (), ())
    assert decide(r, ("W",), ("D10",), ())  # extend-select adds


def test_rules_off_by_default_need_their_own_code():
    r = _rule("N301", enabled=False)
    assert not decide(r, (), (), ())
    assert not decide(r, ("N",), (), ())
    assert decide(r, ("N301",), (), ())
    assert decide(r, (), ("N301",), ())


def test_select_and_ignore_through_api():
    assert [f.code for f in lint_text(STRAY)] == ["A201"]
    assert lint_text(STRAY, ignore=["A"]) == []
    assert lint_text(STRAY, select=["unbalanced-quotation-marks"])  # by name


def test_disable_next_line_and_blocks():
    text = (
        "<!-- factlint-disable-next-line A201 -->\n"
        + STRAY
        + STRAY
        + "<!-- factlint-disable A -->\n"
        + STRAY
        + "\n"
        + STRAY
        + "<!-- factlint-enable A -->\n"
        + STRAY
        + STRAY.rstrip() + " <!-- factlint-disable-line -->\n"
    )
    lines = sorted(f.line for f in lint_text(text, ignore=["X100"]))
    assert lines == [3, 9]


def test_disable_next_line_skips_blank_lines_and_names_codes():
    text = "<!-- factlint-disable-next-line D101, W -->\n\n" + STRAY
    assert [f.code for f in lint_text(text, ignore=["X100"])] == ["A201"]  # A201 is not named
    assert lint_text(text.replace("D101, W", "A2"), ignore=["X100"]) == []


def test_unused_suppression_is_reported():
    text = "<!-- factlint-disable-next-line A201 -->\nThe bridge will reopen in May.\n"
    f = lint_text(text)
    assert [(x.code, x.line, x.severity) for x in f] == [("X100", 1, INFO)]


def test_baseline_matches_by_text_not_line(write, tmp_path):
    art = write("story.txt", STRAY + "Second paragraph.\n")
    base = tmp_path / "baseline.json"
    p = run_cli("check", str(art), "--write-baseline", str(base))
    assert p.returncode == 0
    assert json.loads(base.read_text())["findings"][0]["code"] == "A201"
    art.write_text("A new first paragraph was added above.\n\n" + STRAY + "Second paragraph.\n")
    code, data = run_json(str(art), "--baseline", str(base))
    assert data["findings"] == []
    art.write_text(STRAY + "The count is over,” the clerk said.\n")
    code, data = run_json(str(art), "--baseline", str(base))
    assert [f["line"] for f in data["findings"]] == [2]


def test_baseline_malformed_is_a_clear_error(write, tmp_path):
    art = write("story.txt", STRAY)
    base = write("baseline.json", "{not json")
    code, data = run_json(str(art), "--baseline", str(base))
    assert code == 2 and "malformed baseline" in data["errors"][0]["message"]


def test_order_is_deterministic_and_sorted():
    text = "One,” he said.\nTwo,” she said. “Three.\nFour.\n"
    a = lint_text(text)
    b = lint_text(text)
    assert a == b
    assert [(f.line, f.column) for f in a] == sorted((f.line, f.column) for f in a)


def test_exit_codes(write):
    f = lint_text(STRAY)
    assert exit_code(f, [], ERROR) == 0
    assert exit_code(f, [], WARNING) == 1
    assert exit_code([], [FileError("x", "bad")], ERROR) == 2
    art = write("a.txt", STRAY)
    assert run_cli("check", str(art)).returncode == 0
    assert run_cli("check", str(art), "--fail-on", "warning").returncode == 1
    assert run_cli("check", str(art), "--select", "NOPE").returncode == 2


def test_severity_override_from_config(write, tmp_path):
    write("factlint.toml", '[severity]\nA201 = "error"\n')
    art = write("a.txt", STRAY)
    proc = run_cli("check", str(art))
    assert proc.returncode == 1
    assert b"[error]" in proc.stdout


def test_rule_that_raises_fails_alone(monkeypatch):
    from factlint import LintError
    from factlint.registry import _RULES, Rule, register

    def boom(doc):
        raise RuntimeError("kaput")
        yield

    register(Rule("Z999", "boom", ERROR, boom, "", True, "tests"))
    try:
        from factlint.engine import RunOptions, lint_source

        res = lint_source("<t>", STRAY, RunOptions(isolated=True))
        assert [f.code for f in res.findings] == ["A201"]
        assert len(res.errors) == 1 and "rule Z999 (boom) from tests failed: RuntimeError: kaput" in res.errors[0].message
        try:
            lint_text(STRAY)
            raise AssertionError("expected LintError")
        except LintError as exc:
            assert "kaput" in str(exc)
    finally:
        del _RULES["Z999"]
        from factlint.registry import _GENERATION

        _GENERATION[0] += 1
