"""Reading an archive: files and folders, JSON Lines or Parquet, cut into parts that a worker reads
on its own (a list of files, a byte range of a JSON Lines file, row groups of a Parquet file), so
the driver never holds the archive's text."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..inputs import STDIN, InputError, decode, expand
from ..model import FileError
from .kinds import PARQUET, is_archive

COLUMNS = ("id", "text", "published", "format", "source")
PART_BYTES = 1 << 20  # about 170,000 words: a second or two of work, small enough to balance
MIN_PART_BYTES = 16 << 10  # below this a task costs more to schedule than to run
MAX_FILES = 256


@dataclass(frozen=True)
class Part:
    """A slice of the input a worker can read by itself; parts keep the input's order."""

    kind: str  # "files", "jsonl", "parquet" or "rows" (articles already read, such as stdin)
    path: str = ""
    start: int = 0  # a byte offset (jsonl) or the first row group (parquet)
    stop: int = 0
    files: tuple[str, ...] = ()
    rows: tuple[tuple[tuple[str, Any], ...], ...] = ()
    size: int = 0  # bytes, for the progress bar's estimate
    count: int | None = None  # articles, when known without reading


def plan(paths: list[str], part_bytes: int | None = None, workers: int = 1) -> tuple[list[Part], list[FileError]]:
    """Parts covering every input, in order, and the inputs that cannot be read at all. Without
    part_bytes, parts are cut so each worker gets several (a small archive still spreads out),
    and none is over PART_BYTES (a big one stays balanced)."""
    errors: list[FileError] = []
    inputs: list[tuple[str, str, int]] = []  # (kind, path, bytes) in the order given
    for p in paths:
        if p == STDIN:
            inputs.append(("stdin", p, 0))
        elif is_archive(p) and os.path.isfile(p):
            inputs.append(("parquet" if p.lower().endswith(PARQUET) else "jsonl", p, _size(p)))
        else:
            targets, missing = expand([p])
            errors += missing
            inputs += [("file", t.path, _size(t.path)) for t in targets]
    if part_bytes is None:
        total = sum(n for _, _, n in inputs)
        part_bytes = min(PART_BYTES, max(MIN_PART_BYTES, total // (4 * max(workers, 1)) + 1))
    parts: list[Part] = []
    files: list[tuple[str, int]] = []

    def flush() -> None:
        group, size = [], 0
        for path, n in files:
            if group and (size + n > part_bytes or len(group) >= MAX_FILES):
                parts.append(Part("files", files=tuple(group), size=size, count=len(group)))
                group, size = [], 0
            group.append(path)
            size += n
        if group:
            parts.append(Part("files", files=tuple(group), size=size, count=len(group)))
        files.clear()

    for kind, path, size in inputs:
        if kind == "file":
            files.append((path, size))
            continue
        flush()
        try:
            if kind == "stdin":
                parts.append(_stdin_part())
            elif kind == "parquet":
                parts += _parquet_parts(path, part_bytes)
            else:
                parts += _jsonl_parts(path, part_bytes)
        except InputError as exc:
            errors.append(FileError(path, str(exc)))
    flush()
    return parts, errors


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _stdin_part() -> Part:
    import sys

    text = decode(sys.stdin.buffer.read())
    return Part("rows", rows=((("id", STDIN), ("text", text)),), size=len(text), count=1)


def _jsonl_parts(path: str, part_bytes: int) -> list[Part]:
    size = _size(path)
    if size == 0:
        raise InputError("empty file: no articles")
    return [Part("jsonl", path, start, min(start + part_bytes, size), size=min(part_bytes, size - start))
            for start in range(0, size, part_bytes)]


def _parquet_file(path: str):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'factlint[archive]'") from None
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"not a Parquet file ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})") from None


def _parquet_parts(path: str, part_bytes: int) -> list[Part]:
    pf = _parquet_file(path)
    names = set(pf.schema_arrow.names)
    missing = [c for c in ("id", "text") if c not in names]
    if missing:
        raise InputError(f"no {' or '.join(repr(c) for c in missing)} column (columns: {', '.join(sorted(names))})")
    meta = pf.metadata
    parts: list[Part] = []
    start, size, rows = 0, 0, 0
    for g in range(meta.num_row_groups):
        size += meta.row_group(g).total_byte_size
        rows += meta.row_group(g).num_rows
        if size >= part_bytes or g == meta.num_row_groups - 1:
            parts.append(Part("parquet", path, start, g + 1, size=size, count=rows))
            start, size, rows = g + 1, 0, 0
    return parts


def read_part(part: Part, skip: frozenset[str] | set[str] = frozenset()) -> Iterator[dict[str, Any]]:
    """The articles of one part, in order, leaving out ids in skip. A line or row that cannot be
    read comes out as {"id", "error"}, so the batch function reports it and goes on."""
    if part.kind == "files":
        for path in part.files:
            if path not in skip:
                yield {"id": path, "path": path}
    elif part.kind == "rows":
        for row in part.rows:
            if dict(row)["id"] not in skip:
                yield dict(row)
    elif part.kind == "jsonl":
        yield from _read_jsonl(part, skip)
    else:
        yield from _read_parquet(part, skip)


def _read_jsonl(part: Part, skip) -> Iterator[dict[str, Any]]:
    with open(part.path, "rb") as fh:
        if part.start:
            # a line belongs to the part it starts in: finish the line that straddles start
            fh.seek(part.start - 1)
            fh.readline()
        while (at := fh.tell()) < part.stop:
            line = fh.readline()
            if not line:
                break
            if not line.strip():
                continue
            where = f"{part.path}:byte {at}"
            try:
                row = json.loads(line)
            except (ValueError, UnicodeDecodeError) as exc:
                yield {"id": where, "error": f"not a JSON line ({str(exc)[:80]})"}
                continue
            if not isinstance(row, dict):
                yield {"id": where, "error": "not a JSON object"}
                continue
            if row.get("id") is None:
                yield {"id": where, "error": "article has no id"}
                continue
            row["id"] = str(row["id"])
            if row["id"] not in skip:
                yield {k: row.get(k) for k in COLUMNS if k in row}


def _read_parquet(part: Part, skip) -> Iterator[dict[str, Any]]:
    pf = _parquet_file(part.path)
    columns = [c for c in COLUMNS if c in pf.schema_arrow.names]
    n = sum(pf.metadata.row_group(g).num_rows for g in range(part.start))
    for batch in pf.iter_batches(batch_size=256, row_groups=list(range(part.start, part.stop)), columns=columns):
        for row in batch.to_pylist():
            n += 1
            if row.get("id") is None:
                yield {"id": f"{part.path}:row {n}", "error": "article has no id"}
                continue
            row["id"] = str(row["id"])
            if row["id"] not in skip:
                yield row
