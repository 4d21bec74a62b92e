"""Archives: articles from folders, JSON Lines or Parquet; findings out as rows; one batch function
(`lint_batch`, articles in -> rows out) that every runner calls: in-process, a process pool, Dask,
or a Spark / Ray recipe. Nothing here is imported by `factlint check` on ordinary files, and Dask
and pyarrow are imported only where they are used."""

from __future__ import annotations

from typing import Any

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "FINDING_COLUMNS", "Batch", "lint_batch"]


def __getattr__(name: str) -> Any:
    # the batch function loads on first use: `factlint check` asks archive.kinds about every run
    if name in __all__:
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
