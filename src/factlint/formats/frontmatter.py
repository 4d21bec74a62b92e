"""YAML (---) and TOML (+++) front matter at the top of a Markdown file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_YAML = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
DATE_KEYS = ("published", "date", "publishdate", "publish_date", "pubdate", "datepublished")


class FrontMatterError(ValueError):
    pass


def split_front_matter(source: str) -> tuple[dict[str, Any], int]:
    """The front matter's data and the length of the source it takes (0 when there is none)."""
    m = _YAML.match(source)
    if m:
        import yaml

        try:
            data = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            raise FrontMatterError(f"malformed YAML front matter{where}") from None
        return (data if isinstance(data, dict) else {}), m.end()
    m = _TOML.match(source)
    if m:
        import tomllib

        try:
            return tomllib.loads(m.group(1) or ""), m.end()
        except tomllib.TOMLDecodeError as exc:
            raise FrontMatterError(f"malformed TOML front matter: {exc}") from None
    return {}, 0


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def published_date(data: dict[str, Any]) -> dt.date | None:
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in DATE_KEYS:
        if key in lowered:
            d = to_date(lowered[key])
            if d:
                return d
    return None
