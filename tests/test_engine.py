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


# -- suppressions: advice that can be followed ---------------------------------------------------
def test_a_suppression_for_a_rule_off_in_this_run_is_not_called_unused(write):
    text = "<!-- factlint-disable-next-line A201 -->\n" + STRAY
    assert lint_text(text) == []  # used: A201 fires under it
    art = write("a.txt", text)
    for args in (["--ignore", "A201"], ["--ignore", "A"], ["--select", "D,X100"]):
        code, data = run_json(str(art), *args)
        assert data["findings"] == [], args
    # a blanket comment is not known to be unused when any rule is off in this run
    blanket = "<!-- factlint-disable-next-line -->\nThe bridge will reopen in May.\n"
    assert [f.code for f in lint_text(blanket)] == ["X100"]
    assert lint_text(blanket, ignore=["W301"]) == []


def test_a_suppression_under_per_path_ignores_is_not_called_unused(write, tmp_path):
    write("factlint.toml", '[per-path-ignores]\n"archive/*" = ["A201"]\n')
    art = write("archive/a.txt", "<!-- factlint-disable-next-line A201 -->\n" + STRAY)
    code, data = run_json(str(art))
    assert data["findings"] == []


def test_a_suppression_by_rule_name_is_honoured():
    for form in ("unbalanced-quotation-marks", "Unbalanced-Quotation-Marks", "A201", "a2",
                 "D101, unbalanced-quotation-marks"):
        assert lint_text(f"<!-- factlint-disable-next-line {form} -->\n" + STRAY) == [], form
    block = ("<!-- factlint-disable unbalanced-quotation-marks -->\n" + STRAY
             + "<!-- factlint-enable A201 -->\n" + STRAY)
    assert [f.line for f in lint_text(block)] == [4]


def test_a_suppression_naming_no_rule_is_reported_with_the_closest_name():
    f = lint_text("<!-- factlint-disable-next-line unbalanced-quotation-mark -->\n" + STRAY)
    assert [x.code for x in f] == ["A201", "X100"] or [x.code for x in f] == ["X100", "A201"]
    x100 = next(x for x in f if x.code == "X100")
    assert x100.message == ("this factlint-disable-next-line comment: 'unbalanced-quotation-mark' names no rule"
                            " (did you mean 'unbalanced-quotation-marks'?)")


# -- a plugin's hits are checked before they are placed ------------------------------------------
def _register(code, func):
    from factlint.registry import _GENERATION, _RULES, Rule, register

    register(Rule(code, "bad-offsets", WARNING, func, "", True, "house_rules.py"))

    def undo():
        del _RULES[code]
        _GENERATION[0] += 1

    return undo


def test_a_hit_outside_the_text_fails_its_rule_alone_naming_it():
    from factlint import LintError
    from factlint.engine import RunOptions, lint_source
    from factlint.model import Hit, Ref

    cases = {
        "Z901": lambda doc: iter([Hit(-600, -584, "before the start")]),
        "Z902": lambda doc: iter([Hit(0, len(doc.text) + 50, "past the end")]),
        "Z903": lambda doc: iter([Hit(5, 2, "backwards")]),
        "Z904": lambda doc: iter([(0, 3, "a tuple")]),
        "Z905": lambda doc: iter([Hit(0, 3, "ok", related=(Ref(10**6, 10**6 + 1, "far"),))]),
    }
    for code, func in cases.items():
        undo = _register(code, func)
        try:
            res = lint_source("<t>", STRAY, RunOptions(isolated=True, select=("A201", code)))
            assert [f.code for f in res.findings] == ["A201"], code
            assert len(res.errors) == 1, code
            msg = res.errors[0].message
            assert msg.startswith(f"rule {code} (bad-offsets) from house_rules.py "), msg
            assert "outside the document's text" in msg or "not a factlint.model.Hit" in msg
            try:
                lint_text(STRAY, select=[code])
                raise AssertionError("expected LintError")
            except LintError:
                pass
        finally:
            undo()
