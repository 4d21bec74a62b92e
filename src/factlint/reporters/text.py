"""Compiler-style text: `path:line:col: CODE [severity] message`, the line, a caret under the span."""

from __future__ import annotations

from typing import TextIO

from ..model import Severity
from . import Report

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
WIDTH = 240  # characters of a line shown with a finding: a minified page is one long line
CONTEXT = 80  # characters kept either side of the finding when a line is clipped


def clip(line: str, column: int, end_column: int | None) -> tuple[str, int, int]:
    """The part of a line to show with a finding: (text, where the caret starts (0-based), how
    many carets). A long line is cut to the finding and some words either side, marked `…`."""
    line = line.replace("\t", " ")
    start = min(max(column - 1, 0), len(line))
    end = len(line) if end_column is None else min(max(end_column - 1, start + 1), len(line))
    if len(line) <= WIDTH:
        return line, start, max(end - start, 1)
    end = min(end, start + WIDTH - 2 * CONTEXT)  # a very long span shows its beginning
    lo, hi = max(start - CONTEXT, 0), min(end + CONTEXT, len(line))
    head, tail = ("…" if lo > 0 else ""), ("…" if hi < len(line) else "")
    return head + line[lo:hi] + tail, start - lo + len(head), max(end - start, 1)


def _c(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def write(report: Report, out: TextIO) -> None:
    colour = report.color
    for f in report.findings:
        sev = _c(str(f.severity), _COLOURS[f.severity], colour)
        out.write(f"{_c(f'{f.path}:{f.line}:{f.column}:', '1', colour)} {_c(f.code, '1', colour)} [{sev}] {f.message}\n")
        if f.excerpt:
            gutter = f"{f.line:>5} | "
            shown, at, width = clip(f.excerpt, f.column, f.end_column if f.end_line == f.line else None)
            out.write(f"{gutter}{shown}\n")
            caret = " " * at + "^" * width
            out.write(" " * (len(gutter) - 2) + "| " + _c(caret, _COLOURS[f.severity], colour) + "\n")
        if f.suggestion:
            out.write(f"      = suggestion: {f.suggestion}\n")
        for r in f.related:
            out.write(f"      = {r.path}:{r.line}:{r.column}: {r.message}\n")
    for e in report.errors:
        out.write(f"{_c(e.path + ':', '1', colour)} {_c('error', '31;1', colour)}: {e.message}\n")
    out.write(report.summary() + "\n")
