"""Reporters: every format from one batch, the JSON schema of the design, SARIF validated."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from factlint import lint_text
from factlint.model import FileError
from factlint.registry import all_rules
from factlint.reporters import Report, get, names
from tests.conftest import SCHEMA, run_cli

TEXT = "Flood defences held,” the agency said.\nThe river peaked at 4.2 metres.\n“Levels will fall by Friday, officials said.\n"


def _report(**kw) -> Report:
    findings = lint_text(TEXT, path="story.txt", select=["A201"])
    return Report(findings, kw.get("errors", []), files=1, words=20, rules=all_rules(), color=kw.get("color", False))


def _write(fmt: str, **kw) -> str:
    out = io.StringIO()
    get(fmt).write(_report(**kw), out)
    return out.getvalue()


def test_builtin_formats_are_registered():
    assert {"text", "table", "json", "sarif", "github", "csv"} <= set(names())


def test_json_has_exactly_the_design_schema():
    data = json.loads(_write("json"))
    assert data["version"] == 1
    assert len(data["findings"]) == 2
    keys = {"path", "code", "name", "severity", "message", "line", "column", "end_line",
            "end_column", "excerpt", "suggestion", "related"}
    for f in data["findings"]:
        assert set(f) == keys
    first = data["findings"][0]
    assert (first["path"], first["code"], first["line"], first["column"], first["end_column"]) == ("story.txt", "A201", 1, 21, 22)
    assert first["severity"] == "warning" and first["excerpt"] == TEXT.splitlines()[0]


def test_sarif_validates_against_the_2_1_0_schema():
    sarif = json.loads(_write("sarif", errors=[FileError("bad.txt", "empty file: nothing to check")]))
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "factlint"
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["id"] == "A201" and "Instead" in rule["help"]["text"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert run["invocations"][0]["executionSuccessful"] is False


def test_text_is_compiler_style_with_caret_and_summary():
    out = _write("text")
    lines = out.splitlines()
    assert lines[0] == "story.txt:1:21: A201 [warning] this double quotation mark closes a quotation that was never opened"
    assert lines[1] == "    1 | " + TEXT.splitlines()[0]
    assert lines[2] == "      | " + " " * 20 + "^"
    assert lines[-1].startswith("2 findings (2 warnings) in 1 file")
    assert "\033[" not in out


def test_text_colour_only_when_asked():
    assert "\033[" in _write("text", color=True)


def test_cli_never_colours_with_no_color(write):
    p = write("a.txt", TEXT)
    proc = run_cli("check", str(p), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert b"\033[" not in proc.stdout


def test_github_annotations_escape_and_summarise():
    out = _write("github", errors=[FileError("a,b.txt", "empty file")])
    lines = out.splitlines()
    assert lines[0].startswith("::warning file=story.txt,line=1,col=21,endLine=1,endColumn=22,title=A201 unbalanced-quotation-marks::")
    assert "::error file=a%2Cb.txt,title=factlint::empty file" in lines
    assert lines[-1].startswith("factlint: 2 findings")


def test_csv_rows():
    rows = list(csv.reader(io.StringIO(_write("csv"))))
    assert rows[0][:3] == ["path", "line", "column"]
    assert len(rows) == 3 and rows[1][5] == "A201"


def test_table():
    out = _write("table")
    assert "where" in out.splitlines()[0] and "story.txt:1:21" in out


@pytest.mark.parametrize("fmt", ["text", "table", "json", "sarif", "github", "csv"])
def test_every_format_from_the_cli(fmt, write):
    p = write("a.txt", TEXT)
    proc = run_cli("check", str(p), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout


def test_unknown_format_is_a_usage_error(write):
    p = write("a.txt", TEXT)
    proc = run_cli("check", str(p), "--format", "xml")
    assert proc.returncode == 2 and b"unknown format" in proc.stderr
