"""Compiler-style text: `path:line:col: CODE [severity] message`, the line, a caret under the span."""

from __future__ import annotations

from typing import TextIO

from ..model import Severity
from . import Report

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _c(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def write(report: Report, out: TextIO) -> None:
    colour = report.color
    for f in report.findings:
        sev = _c(str(f.severity), _COLOURS[f.severity], colour)
        out.write(f"{_c(f'{f.path}:{f.line}:{f.column}:', '1', colour)} {_c(f.code, '1', colour)} [{sev}] {f.message}\n")
        if f.excerpt:
            gutter = f"{f.line:>5} | "
            excerpt = f.excerpt.replace("\t", " ")
            out.write(f"{gutter}{excerpt}\n")
            width = (f.end_column - f.column) if f.end_line == f.line else len(excerpt) - f.column + 1
            caret = " " * (f.column - 1) + "^" * max(width, 1)
            out.write(" " * (len(gutter) - 2) + "| " + _c(caret, _COLOURS[f.severity], colour) + "\n")
        if f.suggestion:
            out.write(f"      = suggestion: {f.suggestion}\n")
        for r in f.related:
            out.write(f"      = {r.path}:{r.line}:{r.column}: {r.message}\n")
    for e in report.errors:
        out.write(f"{_c(e.path + ':', '1', colour)} {_c('error', '31;1', colour)}: {e.message}\n")
    out.write(report.summary() + "\n")
