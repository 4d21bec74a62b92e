"""The Python API: bad input is a factlint.LintError, severities compare with their names."""

from __future__ import annotations

import pickle

import pytest

import factlint
from factlint import LintError, lint_text
from factlint.model import ERROR, INFO, WARNING, Severity

STRAY = "The ferry will sail at noon,” the harbour master said.\n"


@pytest.mark.parametrize(("text", "words"), [
    (None, "text must be a str, not NoneType"),
    (b"The ferry sailed.", "text must be a str, not bytes"),
    (42, "text must be a str, not int"),
])
def test_lint_text_refuses_what_is_not_text(text, words):
    with pytest.raises(LintError, match=words):
        lint_text(text)


@pytest.mark.parametrize(("options", "words"), [
    ({"published": "2022-13-01"}, "published: '2022-13-01' is not a date in YYYY-MM-DD form"),
    ({"published": 20220101}, "published: 20220101 is not a date"),
    ({"select": 3}, "select"),
    ({"ignore": ["loaded-languag"]}, "did you mean 'loaded-language'"),
    ({"fail_on": "fatal"}, "fail_on"),
    ({"date_order": "ymd"}, "date_order"),
    ({"format": "pdf"}, "format"),
    ({"selct": ["A"]}, "unknown option 'selct' \\(did you mean 'select'\\?\\)"),
])
def test_bad_options_are_lint_errors_naming_the_option(options, words):
    with pytest.raises(LintError, match=words):
        lint_text(STRAY, **options)


def test_lint_error_is_one_line_and_carries_the_errors():
    with pytest.raises(LintError) as exc:
        lint_text(STRAY, published="yesterday")
    assert "\n" not in str(exc.value)
    assert exc.value.errors and exc.value.errors[0].path == "published"


def test_lint_file_on_a_folder_or_missing_file_is_a_lint_error(tmp_path):
    with pytest.raises(LintError, match="is a folder"):
        factlint.lint_file(str(tmp_path))
    with pytest.raises(LintError, match="no such file"):
        factlint.lint_file(str(tmp_path / "missing.txt"))


def test_severity_equals_its_name_and_keeps_its_order():
    f = lint_text(STRAY)[0]
    assert f.severity == "warning" and f.severity != "info"
    assert INFO == "info" and ERROR == "error"
    assert INFO < WARNING < ERROR and ERROR >= WARNING and not WARNING > ERROR
    assert sorted([ERROR, INFO, WARNING]) == [INFO, WARNING, ERROR]
    assert max([INFO, ERROR, WARNING]) is ERROR
    assert f"{WARNING}" == "warning" and str(ERROR) == "error"
    assert Severity("info") is INFO and Severity.parse(" Warning ") is WARNING
    assert pickle.loads(pickle.dumps(ERROR)) is ERROR
    assert {ERROR: 1}["error"] == 1  # hashes as its name


def test_severity_order_against_a_name():
    assert ERROR >= "warning" and INFO < "error"
    with pytest.raises(ValueError, match="unknown severity"):
        ERROR < "fatal"  # noqa: B015
