"""`factlint check PATH...`: lint articles and report, with the exit policy in one place."""

from __future__ import annotations

import os
import sys
from itertools import repeat

import click

from ..model import FileError, Severity
from . import archive as archive_cli
from . import main, options


def _colour(out) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(out, "isatty") and out.isatty()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@options.output_format
@options.published
@options.source
@options.select
@options.extend_select
@options.ignore
@options.fail_on
@options.config
@click.option("--baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Leave out findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record the current findings as the baseline and exit 0.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, metavar="N",
              help="Check files in N processes (same output as one).")
@options.input_format
@options.date_order
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--statistics", is_flag=True, help="Print findings per 1,000 words, per severity and rule, after the report (to standard error).")
@archive_cli.archive_options
def check(paths, fmt, published, sources, select, extend_select, ignore, fail_on, config_file,
          baseline, write_baseline, jobs, input_format, date_order, output, statistics, **archive):
    """Check articles (files, folders, or - for standard input)."""
    from .. import reporters
    from ..baseline import Baseline, BaselineError
    from ..baseline import write_baseline as save_baseline
    from ..engine import RunOptions, config_for, lint_path, lint_source, plugin_errors
    from ..inputs import STDIN, InputError, decode, expand
    from ..registry import all_rules

    if fmt not in reporters.names() + list(archive_cli.ROW_FORMATS):
        raise click.BadParameter(f"unknown format {fmt!r} (choose from {', '.join(reporters.names())})", param_hint="--format")
    opts = RunOptions(select=select, extend_select=extend_select, ignore=ignore,
                      fail_on=Severity.parse(fail_on) if fail_on else None, published=published,
                      sources=tuple(sources), config_file=config_file, input_format=input_format,
                      date_order=date_order)
    if archive_cli.engaged(paths, fmt, output, archive["engine"], archive["resume"]):  # archives, rows, Dask
        sys.exit(archive_cli.run_check(click.get_current_context(), opts, paths, fmt, output, fail_on,
                                       statistics, jobs=jobs, **archive))
    errors: list[FileError] = list(plugin_errors())
    targets, missing = expand(list(paths))
    errors += missing
    results = []
    files = [t.path for t in targets if t.path != STDIN]
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor  # only here: it costs start-up time

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            by_path = dict(zip(files, pool.map(lint_path, files, repeat(opts), chunksize=4), strict=True))
    else:
        by_path = {}
    for t in targets:
        if t.path == STDIN:
            try:
                text = decode(sys.stdin.buffer.read())
            except InputError as exc:
                errors.append(FileError(STDIN, str(exc)))
                continue
            results.append(lint_source(STDIN, text, opts))
        else:
            results.append(by_path.get(t.path) or lint_path(t.path, opts))
    findings = [f for r in results for f in r.findings]
    for r in results:
        errors += r.errors

    if baseline:
        try:
            findings = Baseline(baseline).filter(findings)
        except BaselineError as exc:
            errors.append(FileError(baseline, str(exc)))
    if write_baseline:
        n = save_baseline(findings, write_baseline)
        click.echo(f"factlint: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}", err=True)
        for e in errors:
            click.echo(f"{e.path}: error: {e.message}", err=True)
        sys.exit(2 if errors else 0)

    report = reporters.Report(findings, errors, files=len(results),
                              words=sum(r.words for r in results), rules=all_rules())
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        report.color = fmt == "text" and not output and _colour(out)
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
    if fail_on is None:
        first = next((t.path for t in targets), None)
        threshold = Severity.ERROR
        if first is not None:
            try:
                threshold = config_for(first, opts).fail_on
            except Exception:
                threshold = Severity.ERROR
    else:
        threshold = Severity.parse(fail_on)
    from ..engine import exit_code

    sys.exit(exit_code(findings, errors, threshold))
