"""factlint: a fact-check and source-consistency linter for news copy."""

from __future__ import annotations

import datetime as dt
from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import ERROR, INFO, WARNING, FileError, Finding, Related, Severity

__version__ = "0.1.0"
__all__ = [
    "ERROR", "INFO", "WARNING", "FileError", "Finding", "LintError", "Related", "Severity",
    "lint_file", "lint_text", "__version__",
]


_MODEL = frozenset(("ERROR", "INFO", "WARNING", "FileError", "Finding", "Related", "Severity"))


def __getattr__(name: str) -> Any:
    """The model's names, imported when first asked for: the command line sets up its start-up
    caches (cli/__init__.py) before any of factlint's classes is made."""
    if name in _MODEL:
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'factlint' has no attribute {name!r}")


class LintError(ValueError):
    """The text could not be checked: bad input or options, bad config, a rule that failed.
    `errors` holds one FileError per problem, each naming the file or the option."""

    def __init__(self, errors: list[FileError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


OPTIONS = ("config", "date_order", "extend_select", "fail_on", "format", "ignore", "isolated",
           "path", "published", "select", "sources")


def _bad(option: str, message: str) -> LintError:
    from .model import FileError

    return LintError([FileError(option, message)])


def _options(options: dict[str, Any], isolated: bool):
    from .engine import RunOptions
    from .model import Severity

    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], OPTIONS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise _bad(unknown[0], f"unknown option {unknown[0]!r}{hint}; options: {', '.join(OPTIONS)}")

    def codes(key: str) -> tuple[str, ...] | None:
        v = options.get(key)
        if v is None:
            return None
        if isinstance(v, str):
            return tuple(v.replace(",", " ").split())
        if isinstance(v, list | tuple | set | frozenset) and all(isinstance(c, str) for c in v):
            return tuple(v)
        raise _bad(key, f"must be codes, prefixes or rule names (a string or a list of strings), not {v!r}")

    def choice(key: str, default: str | None, allowed: tuple[str, ...]) -> str | None:
        v = options.get(key, default)
        if v is not None and v not in allowed:
            raise _bad(key, f"must be one of {', '.join(allowed)}, not {v!r}")
        return v

    published = options.get("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise _bad("published", f"{published!r} is not a date in YYYY-MM-DD form") from None
    elif published is not None and not isinstance(published, dt.date):
        raise _bad("published", f"{published!r} is not a date (a datetime.date or 'YYYY-MM-DD')")
    if isinstance(published, dt.datetime):
        published = published.date()
    fail_on = options.get("fail_on")
    if fail_on is not None:
        try:
            fail_on = Severity.parse(fail_on)
        except (ValueError, TypeError, AttributeError):
            raise _bad("fail_on", f"must be error, warning or info, not {fail_on!r}") from None
    sources = options.get("sources", ())
    if isinstance(sources, str) or not all(isinstance(s, str | PathLike) for s in sources):
        raise _bad("sources", "must be a list of file paths")
    config = options.get("config")
    if config is not None and not isinstance(config, str | PathLike):
        raise _bad("config", f"must be a file path, not {config!r}")
    return RunOptions(
        select=codes("select"),
        extend_select=codes("extend_select"),
        ignore=codes("ignore"),
        fail_on=fail_on,
        published=published,
        sources=tuple(str(s) for s in sources),
        config_file=str(config) if config is not None else None,
        input_format=choice("format", "auto", ("auto", "text", "markdown", "html")),
        date_order=choice("date_order", None, ("auto", "dmy", "mdy")),
        isolated=bool(options.get("isolated", isolated)),
        option_style="",
    )


def lint_text(text: str, **options: Any) -> list[Finding]:
    """Check an article given as a string; returns its findings in a stable order.

    Options: path (how findings name the text, default "<text>"), format ("auto", "text",
    "markdown", "html"), published (a date or "YYYY-MM-DD"), select, extend_select, ignore
    (codes, prefixes or rule names), sources (paths of source files), config (a config file),
    date_order ("auto", "dmy", "mdy"), isolated (default True: no config file discovery).
    Raises LintError when the text or an option is bad, or the text cannot be checked."""
    from .engine import lint_source

    if not isinstance(text, str):
        raise _bad("text", f"text must be a str, not {type(text).__name__}"
                   + (" (decode it first, or use lint_file)" if isinstance(text, bytes | bytearray) else ""))
    path = options.pop("path", "<text>")
    opts = _options(options, isolated=True)
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    result = lint_source(str(path), source, opts)
    if result.errors:
        raise LintError(result.errors)
    return result.findings


def lint_file(path: str | PathLike, **options: Any) -> list[Finding]:
    """Check one file (its config is discovered from its folder unless isolated=True).
    Raises LintError when the file or an option is bad, or the file cannot be checked."""
    from .engine import lint_path

    if not isinstance(path, str | PathLike):
        raise _bad("path", f"path must be a file path, not {type(path).__name__}")
    opts = _options(options, isolated=False)
    result = lint_path(str(path), opts)
    if result.errors:
        raise LintError(result.errors)
    return result.findings
