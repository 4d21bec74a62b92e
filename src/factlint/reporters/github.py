"""GitHub Actions workflow commands: one annotation per finding, shown on the line in a pull
request, and a summary (GitHub shows only about ten annotations per step)."""

from __future__ import annotations

from typing import TextIO

from ..model import Severity
from . import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def write(report: Report, out: TextIO) -> None:
    for f in report.findings:
        msg = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        props = (
            f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f'{f.code} {f.name}')}"
        )
        out.write(f"::{_LEVEL[f.severity]} {props}::{_escape_data(msg)}\n")
    for e in report.errors:
        out.write(f"::error file={_escape_prop(e.path)},title=factlint::{_escape_data(e.message)}\n")
    out.write(f"factlint: {report.summary()}\n")
