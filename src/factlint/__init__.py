"""factlint: a fact-check and source-consistency linter for news copy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import ERROR, INFO, WARNING, FileError, Finding, Related, Severity

__version__ = "0.1.0"
__all__ = [
    "ERROR", "INFO", "WARNING", "FileError", "Finding", "LintError", "Related", "Severity",
    "lint_file", "lint_text", "__version__",
]


class LintError(Exception):
    """The text could not be checked (unreadable input, bad config, a rule that failed)."""

    def __init__(self, errors: list[FileError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def _options(options: dict[str, Any], isolated: bool):
    from .engine import RunOptions

    def codes(v):
        if v is None:
            return None
        return tuple(v.replace(",", " ").split()) if isinstance(v, str) else tuple(v)

    published = options.pop("published", None)
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    fail_on = options.pop("fail_on", None)
    opts = RunOptions(
        select=codes(options.pop("select", None)),
        extend_select=codes(options.pop("extend_select", None)),
        ignore=codes(options.pop("ignore", None)),
        fail_on=Severity.parse(fail_on) if isinstance(fail_on, str) else fail_on,
        published=published,
        sources=tuple(str(s) for s in options.pop("sources", ())),
        config_file=options.pop("config", None),
        input_format=options.pop("format", "auto"),
        date_order=options.pop("date_order", None),
        isolated=options.pop("isolated", isolated),
    )
    if options:
        raise TypeError(f"unknown option(s): {', '.join(sorted(options))}")
    return opts


def lint_text(text: str, **options: Any) -> list[Finding]:
    """Check an article given as a string; returns its findings in a stable order.

    Options: path (how findings name the text, default "<text>"), format ("auto", "text",
    "markdown", "html"), published (a date or "YYYY-MM-DD"), select, extend_select, ignore
    (codes or prefixes), sources (paths of source files), config (a config file),
    date_order ("auto", "dmy", "mdy"), isolated (default True: no config file discovery).
    Raises LintError when the text cannot be checked."""
    from .engine import lint_source

    path = options.pop("path", "<text>")
    opts = _options(options, isolated=True)
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    result = lint_source(path, source, opts)
    if result.errors:
        raise LintError(result.errors)
    return result.findings


def lint_file(path: str, **options: Any) -> list[Finding]:
    """Check one file (its config is discovered from its folder unless isolated=True)."""
    from .engine import lint_path

    opts = _options(options, isolated=False)
    result = lint_path(str(path), opts)
    if result.errors:
        raise LintError(result.errors)
    return result.findings
