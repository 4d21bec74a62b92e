"""Archives: articles from folders, JSON Lines or Parquet; findings out as rows; one batch function
(`lint_batch`, articles in -> rows out) that every runner calls: in-process, a process pool, Dask,
or a Spark / Ray recipe. Nothing here is imported by `factlint check` on ordinary files, and Dask
and pyarrow are imported only where they are used."""

from __future__ import annotations

from .batch import ARTICLE_COLUMNS, ERROR_COLUMNS, FINDING_COLUMNS, Batch, lint_batch

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "FINDING_COLUMNS", "Batch", "lint_batch"]
