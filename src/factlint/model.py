"""The value types a finding travels in: severities, hits from rules, findings for reporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

_RANK = {"info": 1, "warning": 2, "error": 3}


class Severity(StrEnum):
    """A finding's severity. It is its name (`Severity.INFO == "info"`, so JSON, config and a
    caller's own strings agree) and it is ordered by weight, not alphabetically: info < warning
    < error, also against a name (`severity >= "warning"`)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        try:
            return cls(value.strip().lower()) if isinstance(value, str) else cls(value)
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def _other(self, other: object) -> int:
        if isinstance(other, str):
            return Severity.parse(other).rank
        raise TypeError(f"cannot compare a severity with {type(other).__name__}")

    def __lt__(self, other: object) -> bool:
        return self.rank < self._other(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= self._other(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > self._other(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= self._other(other)

    __hash__ = str.__hash__  # a dict keyed by severities finds them by name too


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Ref:
    """Another place a hit points at: in the same document (start/end) or in another file."""

    start: int
    end: int
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a span of the document's prose text and the words to say about it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    related: tuple[Ref, ...] = ()
    severity: Severity | None = None
    entry: str | None = None


@dataclass(frozen=True)
class Related:
    path: str
    line: int
    column: int
    message: str

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True, order=True)
class Finding:
    """A located, coded finding. Lines and columns are 1-based; columns count characters;
    end_column is exclusive (the column after the last character), as in SARIF."""

    path: str
    line: int
    column: int
    code: str
    end_line: int
    end_column: int
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    excerpt: str = field(default="", compare=False)
    suggestion: str | None = field(default=None, compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    context: str = field(default="", compare=False)  # what a baseline knows it by

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "related": [r.as_dict() for r in self.related],
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be checked (or a rule that failed on it): one line, exit code 2."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
