"""A table of findings (tabulate), one row each, for a quick read in a terminal or an e-mail."""

from __future__ import annotations

from typing import TextIO

from . import Report


def write(report: Report, out: TextIO) -> None:
    from tabulate import tabulate

    rows = [
        (f"{f.path}:{f.line}:{f.column}", f.code, str(f.severity), f.message, f.suggestion or "")
        for f in report.findings
    ]
    if rows:
        out.write(tabulate(rows, headers=["where", "code", "severity", "message", "suggestion"], tablefmt="simple"))
        out.write("\n")
    for e in report.errors:
        out.write(f"{e.path}: error: {e.message}\n")
    out.write(report.summary() + "\n")
