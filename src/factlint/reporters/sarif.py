"""SARIF 2.1.0 for code-scanning dashboards: rule metadata, help text, results, file errors."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..model import Severity
from . import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return path.replace("\\", "/") if path != "-" else "stdin"


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
                    "region": {
                        "startLine": f.line, "startColumn": f.column,
                        "endLine": f.end_line, "endColumn": f.end_column,
                        "snippet": {"text": f.excerpt},
                    },
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
        results.append(res)
    invocation = {
        "executionSuccessful": not report.errors,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
        } for e in report.errors],
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
