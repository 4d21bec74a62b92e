"""SARIF 2.1.0 for code-scanning dashboards: rule metadata, help text, results, file errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..model import Severity
from . import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A percent-encoded URI reference: relative to the current folder (where code scanning
    resolves it against the checkout) when the file is under it, else an absolute file URI."""
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return quote(p.as_posix(), safe="/")


def _location(where: str) -> dict | None:
    """A location for a problem reported against a file (`file` or `file:line`), if it is one."""
    m = re.match(r"^(.*?)(?::(\d+))?$", where)
    path, line = m.group(1), m.group(2)
    if not os.path.isfile(path):
        return None
    loc: dict = {"artifactLocation": {"uri": _uri(path)}}
    if line:
        loc["region"] = {"startLine": int(line)}
    return {"physicalLocation": loc}


def _region(f) -> dict:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    if f.end_line == f.line and f.excerpt:  # the region's own text (a finding carries its first line)
        region["snippet"] = {"text": f.excerpt[f.column - 1:f.end_column - 1]}
    return region


def _notification(e) -> dict:
    loc = _location(e.path)
    if loc is None:  # an option or a plugin, not a file: say which in the text
        return {"level": "error", "message": {"text": f"{e.path}: {e.message}"}}
    return {"level": "error", "message": {"text": e.message}, "locations": [loc]}


def write(report: Report, out: TextIO) -> None:
    rules = sorted({r.code: r for r in report.rules}.values(), key=lambda r: r.code)
    used = {f.code for f in report.findings}
    index = {}
    descriptors = []
    for r in rules:
        if r.code not in used:
            continue
        index[r.code] = len(descriptors)
        descriptors.append({
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary or r.name},
            "fullDescription": {"text": r.doc or r.summary or r.name},
            "help": {"text": r.doc or r.summary or r.name, "markdown": r.doc or r.summary or r.name},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"family": r.family},
        })
    results = []
    for f in report.findings:
        res = {
            "ruleId": f.code,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": _region(f),
                }
            }],
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.related:
            res["relatedLocations"] = [{
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path)},
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
                "message": {"text": r.message},
            } for i, r in enumerate(f.related)]
        if f.suggestion:
            res["properties"] = {"suggestion": f.suggestion}
            # a suggestion is the exact text for the finding's region, so it is a SARIF fix a
            # viewer can apply (still a suggestion: nothing applies it without the user)
            res["fixes"] = [{
                "description": {"text": f"Replace with ‘{f.suggestion}’"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(f.path)},
                    "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.suggestion}}],
                }],
            }]
        results.append(res)
    invocation = {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [_notification(e) for e in report.errors],
    }
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": __version__,
                "informationUri": "https://pypi.org/project/factlint/",
                "rules": descriptors,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(sarif, out, indent=2, ensure_ascii=False)
    out.write("\n")
