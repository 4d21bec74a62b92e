"""Findings per 1,000 words, per severity and per rule: the false-positive rate on clean copy."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..model import Severity


def print_statistics(report, out: TextIO) -> None:
    words = max(report.words, 1)
    n = len(report.findings)
    out.write(f"files {report.files}, words {report.words:,}, findings {n}, "
              f"{1000 * n / words:.2f} per 1,000 words\n")
    by_sev = Counter(f.severity for f in report.findings)
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        out.write(f"  {str(sev):8} {by_sev[sev]:5}  {1000 * by_sev[sev] / words:.2f} per 1,000 words\n")
    names = {f.code: f.name for f in report.findings}
    for code, k in sorted(Counter(f.code for f in report.findings).items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"  {code} {names[code]:32} {k:5}  {1000 * k / words:.2f} per 1,000 words\n")
