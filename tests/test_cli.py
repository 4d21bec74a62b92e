"""The command line and the Python API."""

from __future__ import annotations

import json

import pytest

import factlint
from factlint import LintError, lint_file, lint_text
from tests.conftest import any_corpus, run_cli, run_json

STRAY = "The bridge will reopen in May,” the mayor said.\n"


def test_rules_lists_every_rule_and_json():
    text = run_cli("rules").stdout.decode()
    assert "A201  unbalanced-quotation-marks" in text
    data = json.loads(run_cli("rules", "--format", "json").stdout)
    a201 = next(r for r in data if r["code"] == "A201")
    assert a201["severity"] == "warning" and a201["name"] == "unbalanced-quotation-marks"
    assert a201["summary"]


def test_explain_prints_the_docstring_by_code_or_name():
    out = run_cli("explain", "a201").stdout.decode()
    assert out.startswith("A201 unbalanced-quotation-marks (warning)")
    assert "Instead:" in out
    assert run_cli("explain", "unbalanced-quotation-marks").returncode == 0
    proc = run_cli("explain", "A2O1")
    assert proc.returncode == 2 and b"did you mean" in proc.stderr


def test_jobs_gives_the_same_output_as_one_process():
    corpus = any_corpus()
    one = run_cli("check", "--format", "json", str(corpus))
    two = run_cli("check", "--format", "json", "--jobs", "2", str(corpus))
    assert one.returncode == two.returncode
    assert one.stdout == two.stdout


def test_output_file(write, tmp_path):
    art = write("a.txt", STRAY)
    out = tmp_path / "report.json"
    proc = run_cli("check", str(art), "--format", "json", "-o", str(out))
    assert proc.stdout == b""
    assert json.loads(out.read_text())["findings"][0]["code"] == "A201"


def test_statistics(write):
    art = write("a.txt", STRAY)
    err = run_cli("check", str(art), "--statistics").stderr.decode()
    assert "per 1,000 words" in err and "A201" in err


def test_published_must_be_a_date(write):
    art = write("a.txt", STRAY)
    proc = run_cli("check", str(art), "--published", "yesterday")
    assert proc.returncode == 2 and b"YYYY-MM-DD" in proc.stderr


def test_lint_text_and_lint_file(write):
    f = lint_text(STRAY)
    assert f[0].code == "A201" and f[0].path == "<text>" and f[0].line == 1
    art = write("b.md", "# Title\n\n" + STRAY)
    g = lint_file(str(art))
    assert (g[0].path, g[0].line) == (str(art), 3)
    with pytest.raises(LintError, match="empty file"):
        lint_file(str(write("c.txt", "")))
    with pytest.raises(LintError, match="unknown option"):
        lint_text(STRAY, selct=["A"])


def test_version():
    assert run_cli("--version").stdout.decode().strip().endswith(factlint.__version__)


def test_html_from_stdin_with_input_format():
    code, data = run_json("-", "--input-format", "html", stdin=b"<p>The bridge will reopen,&rdquo; she said.</p>")
    assert data["findings"][0]["column"] == 27


# -- files factlint writes: never a traceback, never the article ---------------------------------
@pytest.mark.parametrize("option", ["-o", "--output", "--write-baseline"])
def test_writing_into_a_missing_folder_is_a_one_line_usage_error(write, tmp_path, option):
    art = write("a.txt", STRAY)
    target = tmp_path / "nowhere" / "x.json"
    proc = run_cli("check", str(art), option, str(target))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    flag = "--output" if option.startswith("-o") or option == "--output" else option
    assert err.startswith(f"factlint: {flag} {target}: no such folder {tmp_path / 'nowhere'}")


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_writing_over_a_checked_article_is_refused(write, tmp_path, option):
    art = write("a.md", STRAY)
    other = write("b.md", STRAY)
    before = art.read_bytes()
    for args in ([str(art), str(other)], [str(tmp_path)], [str(other), "--source", str(art)]):
        proc = run_cli("check", *args, option, str(art))
        assert proc.returncode == 2, args
        assert "is one of the files being checked" in proc.stderr.decode()
        assert art.read_bytes() == before
    # through a symbolic link too
    link = tmp_path / "link.md"
    link.symlink_to(art)
    proc = run_cli("check", str(art), option, str(link))
    assert proc.returncode == 2 and art.read_bytes() == before


def test_a_report_beside_the_articles_is_fine_and_written_whole(write, tmp_path):
    write("a.txt", STRAY)
    out = tmp_path / "report.json"
    proc = run_cli("check", str(tmp_path / "a.txt"), "-f", "json", "-o", str(out))
    assert proc.returncode == 0 and json.loads(out.read_text())["findings"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".factlint-")]
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # the user's umask, not mkstemp's


def test_the_same_file_for_report_and_baseline_is_refused(write, tmp_path):
    art = write("a.txt", STRAY)
    out = tmp_path / "x.json"
    proc = run_cli("check", str(art), "-o", str(out), "--write-baseline", str(out))
    assert proc.returncode == 2 and b"is also the file of --output" in proc.stderr


def test_a_baseline_may_be_rewritten_in_place_but_not_overwritten_by_a_report(write, tmp_path):
    art = write("a.txt", STRAY)
    base = tmp_path / "baseline.json"
    assert run_cli("check", str(art), "--write-baseline", str(base)).returncode == 0
    again = run_cli("check", str(art), "--baseline", str(base), "--write-baseline", str(base))
    assert again.returncode == 0 and json.loads(base.read_text())["version"] == 1
    report = run_cli("check", str(art), "--baseline", str(base), "-o", str(base))
    assert report.returncode == 2 and b"is one of the files being checked" in report.stderr
