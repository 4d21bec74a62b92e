"""Archive commands: `check` on JSON Lines / Parquet archives, with rows out or on Dask (the hook
`check` calls), `factlint names ARCHIVE` and `factlint report PATH... -o report.html`."""

from __future__ import annotations

import os
import sys

import click

ENGINES = ("local", "dask")
ROW_FORMATS = ("jsonl", "parquet")  # the same names as archive.tables, without importing it


def _engine_options(f):
    f = click.option("--part-size", type=click.IntRange(min=1024), default=None, metavar="BYTES",
                     help="Bytes of input per task (default: several tasks per worker, at most 1 MiB).")(f)
    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="With --engine dask: run on this existing cluster (tcp://host:8786) instead of a local one.")(f)
    f = click.option("--engine", type=click.Choice(ENGINES), default="local",
                     help="local: this process, or a process pool with --jobs; dask: a Dask cluster "
                          "(this machine's cores unless --scheduler; --jobs sets the local workers).")(f)
    return f


def archive_options(f):
    """The options `check` takes for archives, stacked on it in one line."""
    f = click.option("--resume", is_flag=True,
                     help="With -o FILE.jsonl/.parquet: skip articles an earlier run recorded as checked, append the rest.")(f)
    return _engine_options(f)


def engaged(paths, fmt: str, output: str | None, engine: str, resume: bool) -> bool:
    """Does this check need the archive runner (archive input, rows out, Dask, resume)?"""
    from ..archive.sources import is_archive
    from ..archive.tables import ROW_FORMATS, format_of

    return (engine != "local" or resume or fmt in ROW_FORMATS or format_of(output) is not None
            or any(is_archive(p) for p in paths))


def _fail(message: str) -> None:
    click.echo(f"factlint: error: {message}", err=True)
    sys.exit(2)


def _workers(ctx: click.Context, engine: str, jobs: int) -> int | None:
    """Local Dask workers: --jobs when given, else every core."""
    if engine != "dask":
        return jobs
    explicit = ctx.get_parameter_source("jobs") not in (None, click.core.ParameterSource.DEFAULT)
    return jobs if explicit else None


def run_check(ctx: click.Context, opts, paths, fmt: str, output: str | None, fail_on, statistics: bool,
              engine: str, scheduler: str | None, resume: bool, part_size: int | None, jobs: int) -> int:
    """`factlint check` through the batch function; returns the exit code."""
    from .. import reporters
    from ..archive.batch import finding_from_row
    from ..archive.progress import Progress, wanted
    from ..archive.runners import lint_parts, runner
    from ..archive.sources import plan
    from ..archive.tables import ROW_FORMATS, TableWriter, done_ids, format_of
    from ..engine import config_for, exit_code, plugin_errors
    from ..model import FileError, Severity

    if ctx.params.get("baseline") or ctx.params.get("write_baseline"):
        _fail("--baseline and --write-baseline work on files with the local engine, not on archives or --engine dask")
    if ctx.get_parameter_source("fmt") == click.core.ParameterSource.DEFAULT and format_of(output):
        fmt = format_of(output)
    rows_out = fmt in ROW_FORMATS
    if not rows_out and fmt not in reporters.names():
        _fail(f"--format: unknown format {fmt!r} (choose from {', '.join(reporters.names() + list(ROW_FORMATS))})")
    if fmt == "parquet" and not output:
        _fail("--format parquet writes files: give -o FILE.parquet")
    if resume and not (rows_out and output):
        _fail("--resume continues a run written with -o FILE.jsonl or FILE.parquet")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    if fmt == "parquet" or any(p.lower().endswith((".parquet", ".pq")) for p in paths):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            _fail("Parquet needs pyarrow: pip install 'factlint[archive]'")

    workers = _workers(ctx, engine, jobs)
    parts, errors = plan(list(paths), part_size, workers or os.cpu_count() or 1)
    errors[:0] = plugin_errors()
    skip = done_ids(output) if resume and os.path.exists(output) else frozenset()
    if fail_on is None:
        first = next((p for p in paths if p != "-"), "-")
        try:
            threshold = config_for(first, opts).fail_on
        except Exception:
            threshold = Severity.ERROR
    else:
        threshold = Severity.parse(fail_on)

    progress = Progress(sum(p.size for p in parts),
                        sum(p.count for p in parts) if all(p.count is not None for p in parts) else None,
                        enabled=wanted(sys.stderr, sys.stdout, output))
    findings, failing, words, checked, rows_written = [], [], 0, 0, 0
    error_rows: list[dict] = []
    try:
        with runner(engine, jobs, scheduler, workers) as run:
            writer = TableWriter(output, fmt, resume) if rows_out and output else None
            try:
                for part, batch in lint_parts(run, parts, opts, skip):
                    progress.advance(len(batch.articles), part.size)
                    words += sum(a["words"] for a in batch.articles)
                    checked += len(batch.articles)
                    rows_written += len(batch.findings)
                    error_rows += batch.errors
                    if writer is not None:
                        writer.write(batch)
                    elif rows_out:
                        import json

                        for row in batch.findings:
                            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
                    else:
                        findings += [finding_from_row(r) for r in batch.findings]
                    if not failing:
                        failing = [r for r in batch.findings if Severity.parse(r["severity"]) >= threshold][:1]
            finally:
                if writer is not None:
                    writer.close()
    except RuntimeError as exc:  # Dask not installed, or a scheduler that cannot be reached
        progress.close()
        _fail(str(exc))
    except OSError as exc:
        progress.close()
        _fail(f"{engine}: {exc}")
    progress.close()
    errors += [FileError(r["id"], r["message"]) for r in error_rows]

    if rows_out:
        if output:
            click.echo(f"factlint: {rows_written:,} findings from {checked:,} articles ({words:,} words) "
                       f"written to {output}" + (f"; {len(error_rows):,} errors in the errors table" if error_rows else ""),
                       err=True)
        for e in errors[:len(errors) - len(error_rows)] if output else errors:
            click.echo(f"{e.path}: error: {e.message}", err=True)
        return exit_code([finding_from_row(r) for r in failing], errors, threshold)

    report = reporters.Report(findings, errors, files=checked, words=words, rules=_rules())
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        report.color = fmt == "text" and not output and hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR")
        reporters.get(fmt).write(report, out)
    finally:
        if output:
            out.close()
    if fmt not in ("text", "table", "github") or output:
        for e in errors:
            click.echo(f"{e.path}: error: {e.message}", err=True)
    if statistics:
        from .stats import print_statistics

        print_statistics(report, sys.stderr)
    return exit_code(findings, errors, threshold)


def _rules():
    from ..registry import all_rules

    return all_rules()

