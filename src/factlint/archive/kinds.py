"""Which paths are archives and which outputs are rows, by extension: cheap enough for every
`factlint check` to ask (it imports nothing)."""

from __future__ import annotations

JSONL = (".jsonl", ".ndjson")
PARQUET = (".parquet", ".pq")
ROW_FORMATS = ("jsonl", "parquet")


def is_archive(path: str) -> bool:
    """A JSON Lines or Parquet file of articles (not one article)."""
    return path.lower().endswith(JSONL + PARQUET)


def format_of(path: str | None) -> str | None:
    """The row format an output file's extension asks for, if any."""
    if not path:
        return None
    low = path.lower()
    if low.endswith(JSONL):
        return "jsonl"
    if low.endswith(PARQUET):
        return "parquet"
    return None
