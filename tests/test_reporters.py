"""Reporters: every format from one batch, the JSON schema of the design, SARIF validated."""

from __future__ import annotations

import csv
import io
import json
import re

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


# -- long lines, and SARIF as code-scanning reads it ----------------------------------------------
URI = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$")  # RFC 3986 characters only


def _one_line_html(n: int) -> str:
    para = "<p>The levee held through the night, officials said.</p>"
    return "<html><body>" + para * n + "<p>The river will crest on Friday,” the mayor said.</p>" + para * n + "</body></html>"


def test_text_report_clips_a_long_line_around_the_finding(write):
    art = write("page.html", _one_line_html(300))
    proc = run_cli("check", str(art), "--select", "A201", env={"NO_COLOR": "1"})
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith(f"{art}:1:") and "A201" in lines[0]
    shown, caret = lines[1], lines[2]
    assert len(shown) < 300 and shown.startswith("    1 | …") and shown.endswith("…")
    assert "the mayor said" in shown
    col = int(lines[0].split(":")[2])
    excerpt = art.read_text()
    assert excerpt[col - 1] == "”"
    assert shown[caret.index("^")] == "”"  # the caret is under the character found
    assert len(proc.stdout) < 2000


def test_text_report_short_lines_are_whole():
    out = _write("text").splitlines()
    assert out[1] == "    1 | " + TEXT.splitlines()[0]


def _sarif_for(findings, errors=()):
    out = io.StringIO()
    get("sarif").write(Report(findings, list(errors), files=1, words=10, rules=all_rules()), out)
    return json.loads(out.getvalue())


def test_sarif_uri_is_a_percent_encoded_relative_uri_and_snippet_the_region(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news desk").mkdir()
    text = "Flood defences held,” the agency said in Zürich #3.\n"
    findings = lint_text(text, path=str(tmp_path / "news desk" / "a b#1%.txt"), select=["A201"])
    sarif = _sarif_for(findings, [FileError("--ignore", "'x' names no rule")])
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text()))
    loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news%20desk/a%20b%231%25.txt"
    assert URI.match(loc["artifactLocation"]["uri"])
    region = loc["region"]
    assert region["snippet"]["text"] == text[region["startColumn"] - 1:region["endColumn"] - 1] == "”"
    note = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert "locations" not in note and note["message"]["text"] == "--ignore: 'x' names no rule"


def test_sarif_from_the_cli_validates_with_odd_paths(write, tmp_path):
    art = write("dir with space/ümlaut [1].md", "# Title\n\nThe bridge will reopen,” she said.\n")
    proc = run_cli("check", "--format", "sarif", "dir with space", cwd=tmp_path)
    sarif = json.loads(proc.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text()))
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "dir%20with%20space/%C3%BCmlaut%20%5B1%5D.md" and URI.match(uri)
    assert art.exists()
