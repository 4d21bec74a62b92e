"""CSV, one finding a row, for spreadsheets on a standards desk."""

from __future__ import annotations

import csv
from typing import TextIO

from . import Report

COLUMNS = ["path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "suggestion"]


def write(report: Report, out: TextIO) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for f in report.findings:
        d = f.as_dict()
        w.writerow([d[c] if d[c] is not None else "" for c in COLUMNS])
