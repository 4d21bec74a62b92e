"""JSON, versioned: {"version": 1, "findings": [...], "errors": [...]}."""

from __future__ import annotations

import json
from typing import TextIO

from . import Report

VERSION = 1


def write(report: Report, out: TextIO) -> None:
    data = {
        "version": VERSION,
        "findings": [f.as_dict() for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")
