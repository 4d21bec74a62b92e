"""The engine-neutral batch function: a batch of articles in, rows of findings, articles and errors
out. Plain dicts and lists, so a process pool, Dask, Spark or Ray can ship them as they are."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..config import ConfigError
from ..engine import FileResult, RunOptions, config_for, lint_source
from ..inputs import InputError, read_source
from ..model import Finding, Related, Severity

# one row per finding, ready for pandas or DuckDB; offsets count characters of the article's text
# (newlines normalised to \n), end exclusive, like end_column
FINDING_COLUMNS = ("id", "published", "code", "name", "severity", "line", "column", "end_line",
                   "end_column", "start", "end", "message", "suggestion", "excerpt", "related")
# one row per article checked: the denominators of a report, and what a resumed run skips
ARTICLE_COLUMNS = ("id", "published", "words", "findings")
# one row per article (or rule) that failed; the run goes on
ERROR_COLUMNS = ("id", "message")

FORMATS = ("auto", "text", "markdown", "html")


@dataclass
class Batch:
    """The rows a batch of articles gives, in the order of the articles."""

    findings: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
        self.findings += other.findings
        self.articles += other.articles
        self.errors += other.errors


class ArticleError(ValueError):
    """An article row that cannot be checked as given (one line, naming the field)."""


def published_date(value: Any) -> dt.date | None:
    """A publication date from a column: a date, a datetime or pandas Timestamp, an ISO string;
    empty values (None, "", NaN, NaT) are no date."""
    if value is None or value == "" or value != value:  # NaN and NaT are not equal to themselves
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas.Timestamp, numpy-backed types
        return value.date()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ArticleError(f"published: {text[:40]!r} is not a date (use YYYY-MM-DD)") from None


def article_options(article: Mapping[str, Any], opts: RunOptions) -> tuple[RunOptions, str | None]:
    """The run's options for one article: its own date and format win over the run's defaults.
    Returns the options and a warning for a date that could not be read."""
    fmt = article.get("format") or opts.input_format
    if fmt not in FORMATS:
        raise ArticleError(f"format: {str(fmt)[:40]!r} is not one of {', '.join(FORMATS)}")
    warning = None
    try:
        published = published_date(article.get("published")) or opts.published
    except ArticleError as exc:
        published, warning = opts.published, f"{exc}; checked without it"
    if published == opts.published and fmt == opts.input_format:
        return opts, warning
    return dataclasses.replace(opts, published=published, input_format=fmt), warning


def _source_documents(article: Mapping[str, Any], article_id: str) -> list:
    source = article.get("source")
    if not source or source != source:
        return []
    from ..formats import parse

    return [parse(f"{article_id}#source", _normalise(str(source)), "auto")]


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_text(article: Mapping[str, Any], article_id: str, opts: RunOptions) -> str:
    """The article's text: given in the row, or read from its file (`path`)."""
    text = article.get("text")
    if text is not None and text == text:
        if not isinstance(text, str):
            raise ArticleError(f"text: expected a string, not {type(text).__name__}")
        if not text.strip():
            raise ArticleError("text: empty; nothing to check")
        return _normalise(text)
    path = article.get("path")
    if not path:
        raise ArticleError("no text")
    return read_source(str(path), config_for(str(path), opts).max_file_size)


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[min(line, len(starts)) - 1] + column - 1


def finding_rows(article_id: str, published: dt.date | None, text: str, result: FileResult) -> list[dict]:
    starts = _line_starts(text) if result.findings else []
    day = published.isoformat() if published else None
    rows = []
    for f in result.findings:
        rows.append({
            "id": article_id, "published": day, "code": f.code, "name": f.name,
            "severity": str(f.severity), "line": f.line, "column": f.column,
            "end_line": f.end_line, "end_column": f.end_column,
            "start": _offset(starts, f.line, f.column), "end": _offset(starts, f.end_line, f.end_column),
            "message": f.message, "suggestion": f.suggestion, "excerpt": f.excerpt,
            "related": [r.as_dict() for r in f.related],
        })
    return rows


def lint_article(article: Mapping[str, Any], opts: RunOptions) -> Batch:
    """One article's rows. Any failure becomes an error row: one article never stops a run."""
    out = Batch()
    if article.get("error"):  # a line or row the reader could not make into an article
        out.errors.append({"id": str(article.get("id") or ""), "message": str(article["error"])})
        return out
    article_id = article.get("id")
    if article_id is None or article_id != article_id or str(article_id) == "":
        out.errors.append({"id": str(article.get("path") or ""), "message": "article has no id"})
        return out
    article_id = str(article_id)
    try:
        own, warning = article_options(article, opts)
        text = article_text(article, article_id, own)
        sources = _source_documents(article, article_id)
        result = lint_source(article_id, text, own, sources)
    except (ArticleError, InputError) as exc:
        out.errors.append({"id": article_id, "message": str(exc)})
        return out
    except ConfigError as exc:
        out.errors.append({"id": article_id, "message": f"config: {exc}"})
        return out
    except Exception as exc:  # a bug on one article is reported with its id; the run goes on
        out.errors.append({"id": article_id, "message": f"{type(exc).__name__}: {exc}"})
        return out
    if warning:
        out.errors.append({"id": article_id, "message": warning})
    out.errors += [{"id": article_id, "message": e.message} for e in result.errors]
    if result.errors and not result.words and not result.findings:
        return out  # not checked at all (bad config, bad front matter): a resumed run retries it
    out.findings = finding_rows(article_id, own.published, text, result)
    out.articles.append({"id": article_id, "published": own.published.isoformat() if own.published else None,
                         "words": result.words, "findings": len(out.findings)})
    return out


def lint_batch(articles: Iterable[Mapping[str, Any]], options: RunOptions | None = None) -> Batch:
    """Check a batch of articles; rows come out in the order the articles came in.

    An article is a mapping with an `id` and either its `text` or the `path` of its file, and
    optionally `published` (a date or YYYY-MM-DD), `format` (text, markdown, html) and `source`
    (the text of wire copy or a transcript to check it against). Every runner calls this one
    function, so a Spark or Ray job gives the same rows as `factlint check`."""
    opts = options or RunOptions(isolated=True)
    out = Batch()
    for article in articles:
        out.extend(lint_article(article, opts))
    return out


def finding_from_row(row: Mapping[str, Any]) -> Finding:
    """A finding row back as a Finding, for the text, JSON, SARIF ... reporters."""
    related = tuple(Related(r["path"], r["line"], r["column"], r["message"]) for r in row.get("related") or ())
    return Finding(path=row["id"], line=row["line"], column=row["column"], code=row["code"],
                   end_line=row["end_line"], end_column=row["end_column"], name=row["name"],
                   severity=Severity.parse(row["severity"]), message=row["message"],
                   excerpt=row.get("excerpt") or "", suggestion=row.get("suggestion"), related=related)
