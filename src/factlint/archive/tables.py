"""Rows out: the findings table and, beside it, the articles checked and the errors, as JSON Lines
or Parquet (`out.jsonl`, `out.articles.jsonl`, `out.errors.jsonl`); reading them back for a
report or a resumed run."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from .batch import ARTICLE_COLUMNS, ERROR_COLUMNS, FINDING_COLUMNS, Batch
from .kinds import format_of

TABLES = ("findings", "articles", "errors")
ROW_GROUP = 50_000  # rows buffered per Parquet row group


def sidecar(path: str, table: str) -> str:
    """`out.jsonl` -> `out.articles.jsonl`: the other tables sit beside the findings."""
    if table == "findings":
        return path
    root, ext = os.path.splitext(path)
    return f"{root}.{table}{ext}"


def _schemas():
    import pyarrow as pa

    related = pa.list_(pa.struct([("path", pa.string()), ("line", pa.int32()), ("column", pa.int32()),
                                  ("message", pa.string())]))
    findings = pa.schema([
        ("id", pa.string()), ("published", pa.date32()), ("code", pa.string()), ("name", pa.string()),
        ("severity", pa.string()), ("line", pa.int32()), ("column", pa.int32()),
        ("end_line", pa.int32()), ("end_column", pa.int32()), ("start", pa.int64()), ("end", pa.int64()),
        ("message", pa.string()), ("suggestion", pa.string()), ("excerpt", pa.string()), ("related", related),
    ])
    articles = pa.schema([("id", pa.string()), ("published", pa.date32()), ("words", pa.int64()),
                          ("findings", pa.int32())])
    errors = pa.schema([("id", pa.string()), ("message", pa.string())])
    assert tuple(findings.names) == FINDING_COLUMNS and tuple(articles.names) == ARTICLE_COLUMNS
    assert tuple(errors.names) == ERROR_COLUMNS
    return {"findings": findings, "articles": articles, "errors": errors}


def _to_arrow(rows: list[dict], schema):
    import pyarrow as pa

    if "published" in schema.names:
        rows = [{**r, "published": dt.date.fromisoformat(r["published"]) if r["published"] else None} for r in rows]
    return pa.Table.from_pylist(rows, schema=schema)


class TableWriter:
    """Writes batches as they come. JSON Lines are appended line by line (an interrupted run keeps
    every article it finished); Parquet goes to a temporary file renamed into place when closed."""

    def __init__(self, path: str, fmt: str, resume: bool = False) -> None:
        self.path, self.fmt = path, fmt
        self._files: dict[str, IO] = {}
        self._parquet: dict[str, Any] = {}
        self._temps: dict[str, str] = {}
        self._buffer: dict[str, list[dict]] = {t: [] for t in TABLES}
        if fmt == "jsonl":
            if resume:
                _tidy_jsonl(path)
            for t in TABLES:
                self._files[t] = open(sidecar(path, t), "a" if resume else "w", encoding="utf-8")  # noqa: SIM115
        else:
            import pyarrow.parquet as pq

            schemas = _schemas()
            for t in TABLES:
                target = sidecar(path, t)
                fd, tmp = tempfile.mkstemp(prefix=".factlint-", suffix=".parquet",
                                           dir=os.path.dirname(os.path.abspath(target)))
                os.close(fd)
                self._temps[t] = tmp
                self._parquet[t] = pq.ParquetWriter(tmp, schemas[t])
                if resume and os.path.exists(target):
                    # Parquet cannot be appended to: the rows of the earlier run are copied first
                    for batch in pq.ParquetFile(target).iter_batches(batch_size=ROW_GROUP):
                        self._parquet[t].write_batch(batch.cast(schemas[t]))

    def write(self, batch: Batch) -> None:
        # findings before articles: an article listed as checked has all its findings written
        tables = (("findings", batch.findings), ("errors", batch.errors), ("articles", batch.articles))
        if self.fmt == "jsonl":
            for t, rows in tables:
                fh = self._files[t]
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                fh.flush()
            return
        for t, rows in tables:
            self._buffer[t] += rows
            if len(self._buffer[t]) >= ROW_GROUP:
                self._flush(t)

    def _flush(self, t: str) -> None:
        if self._buffer[t]:
            self._parquet[t].write_table(_to_arrow(self._buffer[t], self._parquet[t].schema))
            self._buffer[t] = []

    def close(self) -> None:
        """Close and keep what was written (also after an interruption, so it can be resumed)."""
        if self.fmt == "jsonl":
            for fh in self._files.values():
                fh.close()
            return
        for t in TABLES:
            self._flush(t)
            self._parquet[t].close()
            os.replace(self._temps[t], sidecar(self.path, t))

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _tidy_jsonl(path: str) -> None:
    """Before appending to an interrupted run: drop a half-written last line, and findings of
    articles that were not recorded as checked (they are checked again)."""
    done = {r["id"] for r in read_rows(sidecar(path, "articles"))} if os.path.exists(sidecar(path, "articles")) else set()
    for t in TABLES:
        target = sidecar(path, t)
        if not os.path.exists(target):
            continue
        fd, tmp = tempfile.mkstemp(prefix=".factlint-", suffix=".jsonl", dir=os.path.dirname(os.path.abspath(target)))
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for row in read_rows(target):
                if t != "findings" or row.get("id") in done:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(tmp, target)


def read_rows(path: str) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines or Parquet table; dates as YYYY-MM-DD strings, as in JSON Lines.
    A half-written line (an interrupted run) is left out."""
    if format_of(path) == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=ROW_GROUP):
            for row in batch.to_pylist():
                if isinstance(row.get("published"), dt.date):
                    row["published"] = row["published"].isoformat()
                yield row
        return
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                yield row


def done_ids(path: str) -> frozenset[str]:
    """Ids a resumed run skips: the articles an earlier run recorded as checked."""
    articles = sidecar(path, "articles")
    if not os.path.exists(articles):
        return frozenset()
    return frozenset(str(r["id"]) for r in read_rows(articles))
