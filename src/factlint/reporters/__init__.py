"""Reporters: each module turns the whole batch of findings into one output format.

A reporter is a module (or an object) with `write(report: Report, out: TextIO) -> None`.
Built-ins are listed here by name; third parties add theirs through the
`factlint.reporters` entry-point group."""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from ..model import FileError, Finding, Severity
from ..registry import Rule

BUILTIN = {
    "text": "factlint.reporters.text",
    "table": "factlint.reporters.table",
    "json": "factlint.reporters.json",
    "sarif": "factlint.reporters.sarif",
    "github": "factlint.reporters.github",
    "csv": "factlint.reporters.csv",
}


@dataclass
class Report:
    findings: list[Finding]
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    words: int = 0
    rules: list[Rule] = field(default_factory=list)
    color: bool = False

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def summary(self) -> str:
        c = self.counts()
        n = len(self.findings)
        parts = [f"{c[s]} {s}{'s' if c[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if c[s]]
        line = f"{n} finding{'s' if n != 1 else ''}"
        if parts:
            line += f" ({', '.join(parts)})"
        line += f" in {self.files} file{'s' if self.files != 1 else ''}"
        if self.words:
            line += f", {self.words:,} words ({1000 * n / self.words:.2f} per 1,000 words)"
        if self.errors:
            line += f"; {len(self.errors)} problem{'s' if len(self.errors) != 1 else ''} reading or checking files"
        return line


class Reporter(Protocol):
    def write(self, report: Report, out: TextIO) -> None: ...


def names() -> list[str]:
    """Every format: the built-ins, and those of installed plugins (read only when a plugin may
    declare one: importlib.metadata is slow to start)."""
    from ..registry import has_entry_points

    if not has_entry_points("factlint.reporters"):
        return sorted(BUILTIN)
    from importlib.metadata import entry_points

    return sorted(set(BUILTIN) | {ep.name for ep in entry_points(group="factlint.reporters")})


def known(name: str) -> bool:
    return name in BUILTIN or name in names()


def get(name: str) -> Reporter:
    if name in BUILTIN:
        return importlib.import_module(BUILTIN[name])  # type: ignore[return-value]
    from importlib.metadata import entry_points

    for ep in entry_points(group="factlint.reporters"):
        if ep.name == name:
            return ep.load()
    raise KeyError(name)
