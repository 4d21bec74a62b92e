"""Archive commands: `check` on JSON Lines / Parquet archives, with rows out or on Dask (the hook
`check` calls), `factlint names ARCHIVE` and `factlint report PATH... -o report.html`."""

from __future__ import annotations

import os
import sys

import click

from ..archive.kinds import ROW_FORMATS, format_of, is_archive
from . import main, options

ENGINES = ("local", "dask")


def _engine_options(f):
    f = click.option("--part-size", type=click.IntRange(min=1024), default=None, metavar="BYTES",
                     help="Bytes of input per task (default: several tasks per worker, at most 1 MiB).")(f)
    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Run on this existing Dask cluster (tcp://host:8786) instead of a local one (implies --engine dask).")(f)
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
    ctx = click.get_current_context(silent=True)
    scheduler = ctx.params.get("scheduler") if ctx else None
    return (engine != "local" or resume or bool(scheduler) or fmt in ROW_FORMATS
            or format_of(output) is not None or any(is_archive(p) for p in paths))


def _fail(message: str) -> None:
    click.echo(f"factlint: error: {message}", err=True)
    sys.exit(2)


def _sidecars(output: str) -> list[str]:
    from ..archive.tables import sidecar

    return [sidecar(output, t) for t in ("articles", "errors")]


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
    from ..archive.tables import TableWriter, done_ids
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
    if output:
        written = {os.path.realpath(p) for p in (output, *(_sidecars(output) if rows_out else ()))}
        if any(os.path.realpath(p) in written for p in paths if p != "-"):
            _fail(f"-o {output}: is one of the files being checked; write the findings elsewhere")
    if scheduler and engine != "dask":
        if ctx.get_parameter_source("engine") != click.core.ParameterSource.DEFAULT:
            _fail("--scheduler needs --engine dask")
        engine = "dask"  # an address says which engine
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



def _run_parts(fn, paths, opts, engine, jobs, scheduler, part_size, ctx, merge):
    """Plan the parts of the inputs and run fn over them with a progress bar; merge(result)."""
    from ..archive.progress import Progress, wanted
    from ..archive.runners import runner
    from ..archive.sources import plan

    workers = _workers(ctx, engine, jobs)
    parts, errors = plan(list(paths), part_size, workers or os.cpu_count() or 1)
    progress = Progress(sum(p.size for p in parts), enabled=wanted(sys.stderr, sys.stdout, ctx.params.get("output")))
    try:
        with runner(engine, jobs, scheduler, workers) as run:
            for part, result in run.map(fn, parts, opts):
                merge(result)
                done = result.articles  # a Batch lists its articles, a name count counts them
                progress.advance(len(done) if isinstance(done, list) else done, part.size)
    except RuntimeError as exc:
        progress.close()
        _fail(str(exc))
    progress.close()
    return errors


def _common_options(f):
    f = options.date_order(f)
    f = options.input_format(f)
    f = options.published(f)
    f = click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, metavar="N",
                     help="Processes (or local Dask workers with --engine dask).")(f)
    return _engine_options(f)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "csv"]), default="text")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the list to FILE instead of standard output.")
@click.option("--min-mentions", type=click.IntRange(min=2), default=2, metavar="N",
              help="Leave out names mentioned fewer than N times in all (default 2).")
@_common_options
def names(paths, fmt, output, min_mentions, date_order, input_format, published, jobs, engine,
          scheduler, part_size):
    """Names the archive spells more than one way (folders, JSON Lines or Parquet).

    For each name: every spelling with its mentions, articles, first and last dates and example
    article ids, most used first.
    """
    from ..archive.names import NameCounts, count_part, variant_groups
    from ..engine import RunOptions
    from ..model import FileError

    ctx = click.get_current_context()
    opts = RunOptions(published=published, input_format=input_format, date_order=date_order)
    counts = NameCounts()
    errors = _run_parts(count_part, paths, opts, engine, jobs, scheduler, part_size, ctx, counts.merge)
    errors += [FileError(e["id"], e["message"]) for e in counts.errors]
    groups = variant_groups(counts, min_mentions)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        _write_names(groups, counts.articles, fmt, out)
    finally:
        if output:
            out.close()
    for e in errors:
        click.echo(f"{e.path}: error: {e.message}", err=True)
    sys.exit(2 if errors else 0)


def _write_names(groups, articles: int, fmt: str, out) -> None:
    if fmt == "json":
        import json

        json.dump({"version": 1, "articles": articles,
                   "names": [{"spellings": [s.as_dict() for s in g]} for g in groups]},
                  out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    if fmt == "csv":
        import csv

        w = csv.writer(out, lineterminator="\n")
        w.writerow(["name", "spelling", "mentions", "articles", "first", "last", "examples"])
        for g in groups:
            for s in g:
                w.writerow([g[0].text, s.text, s.mentions, s.articles, s.first or "", s.last or "",
                            " ".join(s.examples)])
        return
    for g in groups:
        total = sum(s.mentions for s in g)
        out.write(f"{g[0].text}: {len(g)} spellings, {total:,} mentions\n")
        width = max(len(s.text) for s in g)
        for s in g:
            dates = f"{s.first} .. {s.last}" if s.first else "no dates"
            out.write(f"  {s.text:<{width}}  {s.mentions:>7,} mention{'s' if s.mentions != 1 else ' '} in {s.articles:,} "
                      f"article{'s' if s.articles != 1 else ''}  {dates}  e.g. {', '.join(s.examples)}\n")
    out.write(f"{len(groups)} name{'s' if len(groups) != 1 else ''} spelled more than one way "
              f"in {articles:,} articles\n")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE", required=True,
              help="The HTML page to write (- for standard output).")
@click.option("--title", default="factlint: archive report", help="The page's title.")
@options.select
@options.ignore
@options.config
@_common_options
def report(paths, output, title, select, ignore, config_file, date_order, input_format, published, jobs,
           engine, scheduler, part_size):
    """One self-contained HTML page about an archive: findings per 1,000 words by rule and by
    month, the top rules, and example findings by article id.

    PATH is a findings table written by `factlint check -o FILE.jsonl|.parquet` (its articles
    table beside it gives the words), or articles to check now (folders, JSON Lines, Parquet).
    """
    import datetime as dt

    from ..archive.report import Summary, render
    from ..archive.runners import lint_part
    from ..archive.tables import read_rows, sidecar
    from ..engine import RunOptions
    from ..model import FileError

    ctx = click.get_current_context()
    summary = Summary()
    tables = [p for p in paths if format_of(p) and os.path.exists(sidecar(p, "articles"))]
    articles = [p for p in paths if p not in tables]
    for t in tables:
        try:
            summary.add_articles(read_rows(sidecar(t, "articles")))
            summary.add_findings(read_rows(t))
            if os.path.exists(sidecar(t, "errors")):
                summary.errors += sum(1 for _ in read_rows(sidecar(t, "errors")))
        except (OSError, ValueError) as exc:
            _fail(f"{t}: cannot read the findings table ({exc})")
    errors = []
    if articles:
        opts = RunOptions(select=select, ignore=ignore, config_file=config_file, published=published,
                          input_format=input_format, date_order=date_order)

        failed: list = []

        def take(batch) -> None:
            summary.add_articles(batch.articles)
            summary.add_findings(batch.findings)
            summary.errors += len({e["id"] for e in batch.errors})
            failed.extend(FileError(e["id"], e["message"]) for e in batch.errors)

        errors = _run_parts(lint_part, articles, opts, engine, jobs, scheduler, part_size, ctx, take) + failed
    page = render(summary, title, generated=dt.date.today().isoformat())
    if output == "-":
        sys.stdout.write(page)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(page)
        click.echo(f"factlint: report on {summary.articles:,} articles written to {output}", err=True)
    for e in errors:
        click.echo(f"{e.path}: error: {e.message}", err=True)
    sys.exit(2 if errors else 0)
