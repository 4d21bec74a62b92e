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
    from ..engine import RunOptions

    if not reporters.known(fmt) and fmt not in archive_cli.ROW_FORMATS:
        raise click.BadParameter(f"unknown format {fmt!r} (choose from {', '.join(reporters.names())})", param_hint="--format")
    opts = RunOptions(select=select, extend_select=extend_select, ignore=ignore,
                      fail_on=Severity.parse(fail_on) if fail_on else None, published=published,
                      sources=tuple(sources), config_file=config_file, input_format=input_format,
                      date_order=date_order)
    if archive_cli.engaged(paths, fmt, output, archive["engine"], archive["resume"]):  # archives, rows, Dask
        sys.exit(archive_cli.run_check(click.get_current_context(), opts, paths, fmt, output, fail_on,
                                       statistics, jobs=jobs, **archive))
    refusal = _check_outputs(paths, sources, baseline, config_file, output=output, write_baseline=write_baseline)
    if refusal:
        _fail(refusal)
    sys.exit(_run(paths, opts, fmt, jobs, baseline, write_baseline, output, statistics, fail_on))


def _fail(message: str) -> None:
    """A usage error: one line on standard error, exit 2."""
    click.echo(f"factlint: {message}", err=True)
    sys.exit(2)


def _check_outputs(paths, sources, baseline, config_file, **outputs: str | None) -> str | None:
    """Why a file factlint is asked to write cannot be written, before any work is done: its
    folder is missing, or it is one of the files being read (`-o story.md` must not replace
    the article with its own report)."""
    inputs = [p for p in (*paths, *sources, baseline, config_file) if p and p != "-"]
    written: dict[str, str] = {}
    for option, target in outputs.items():
        if not target:
            continue
        flag = "--" + option.replace("_", "-")
        folder = os.path.dirname(os.path.abspath(target))
        if not os.path.isdir(folder):
            return f"{flag} {target}: no such folder {folder}"
        if os.path.isdir(target):
            return f"{flag} {target}: is a folder"
        if not os.access(folder, os.W_OK):
            return f"{flag} {target}: cannot write to the folder {folder}"
        real = os.path.realpath(target)
        for p in inputs:
            if option == "write_baseline" and p == baseline:
                continue  # refreshing a baseline in place is asked for, and written atomically
            if real == os.path.realpath(p) or (os.path.isdir(p) and _inside(real, p) and _is_article(target)):
                return f"{flag} {target}: is one of the files being checked; write the report elsewhere"
        if real in written:
            return f"{flag} {target}: is also the file of {written[real]}"
        written[real] = flag
    return None


def _inside(real: str, folder: str) -> bool:
    return os.path.commonpath([real, os.path.realpath(folder)]) == os.path.realpath(folder)


def _is_article(path: str) -> bool:
    """Would a folder walk pick this file up (and so read the report as an article)?"""
    from ..formats import EXTENSIONS

    return os.path.splitext(path)[1].lower() in EXTENSIONS and os.path.exists(path)


def _lint_all(targets, opts, jobs: int):
    """Each target's FileResult, in the order given; files in a process pool when asked."""
    from ..config import DEFAULT_MAX_FILE_SIZE, ConfigError
    from ..engine import FileResult, config_for, lint_path, lint_source
    from ..inputs import STDIN, InputError, read_source

    files = [t.path for t in targets if t.path != STDIN]
    by_path = {}
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor  # only here: it costs start-up time

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            by_path = dict(zip(files, pool.map(lint_path, files, repeat(opts), chunksize=4), strict=True))
    results = []
    for t in targets:
        if t.path != STDIN:
            results.append(by_path.get(t.path) or lint_path(t.path, opts))
            continue
        try:  # standard input has the same size limit as a file
            limit = config_for(STDIN, opts).max_file_size
        except ConfigError:
            limit = DEFAULT_MAX_FILE_SIZE
        try:
            text = read_source(STDIN, limit)
        except InputError as exc:
            results.append(FileResult(STDIN, errors=[FileError(STDIN, str(exc))], checked=False))
            continue
        results.append(lint_source(STDIN, text, opts))
    return results


def _once(errors: list[FileError], unchecked: dict[FileError, int]) -> list[FileError]:
    """Each problem once: a config error stands for every file under that config, so it is
    printed once, with how many files it kept from being checked."""
    out: list[FileError] = []
    seen: set[FileError] = set()
    for e in errors:
        if e in seen:
            continue
        seen.add(e)
        n = unchecked.get(e, 0)
        if n:
            e = FileError(e.path, f"{e.message}; {n} file{'s' if n != 1 else ''} not checked")
        out.append(e)
    return out


def _run(paths, opts, fmt, jobs, baseline, write_baseline, output, statistics, fail_on) -> int:
    from .. import reporters
    from ..engine import config_for, excluded, exit_code, plugin_errors
    from ..inputs import expand
    from ..registry import all_rules

    errors: list[FileError] = list(plugin_errors())
    targets, missing = expand(list(paths), lambda p: excluded(p, opts))
    errors += missing
    results = _lint_all(targets, opts, jobs)
    findings = [f for r in results for f in r.findings]
    unchecked: dict[FileError, int] = {}
    for r in results:
        errors += r.errors
        if not r.checked:  # count the files each config (or option) error kept from a check
            for e in r.errors:
                if e.path != r.path:
                    unchecked[e] = unchecked.get(e, 0) + 1
    errors = _once(errors, unchecked)

    if baseline:
        from ..baseline import Baseline, BaselineError

        try:
            findings = Baseline(baseline).filter(findings)
        except BaselineError as exc:
            errors.append(FileError(baseline, str(exc)))
    if write_baseline:
        from ..baseline import write_baseline as save_baseline

        try:
            n = save_baseline(findings, write_baseline)
        except OSError as exc:
            _fail(f"--write-baseline {write_baseline}: cannot write: {exc.strerror or exc}")
        click.echo(f"factlint: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}", err=True)
        for e in errors:
            click.echo(f"{e.path}: error: {e.message}", err=True)
        return 2 if errors else 0

    report = reporters.Report(findings, errors, files=sum(1 for r in results if r.checked),
                              words=sum(r.words for r in results), rules=all_rules())
    if output:
        import io

        from ..outputs import write_atomically

        buf = io.StringIO()
        reporters.get(fmt).write(report, buf)
        try:
            write_atomically(output, buf.getvalue())
        except OSError as exc:
            _fail(f"--output {output}: cannot write: {exc.strerror or exc}")
    else:
        report.color = fmt == "text" and _colour(sys.stdout)
        reporters.get(fmt).write(report, sys.stdout)
    if fmt not in ("text", "table", "github") or output:
        for e in errors:
            click.echo(f"{e.path}: error: {e.message}", err=True)
    if statistics:
        from .stats import print_statistics

        print_statistics(report, sys.stderr)
    threshold = Severity.parse(fail_on) if fail_on else Severity.ERROR
    first = next((t.path for t in targets), None)
    if fail_on is None and first is not None:
        try:
            threshold = config_for(first, opts).fail_on
        except Exception:  # noqa: BLE001 - its error is already reported; keep the default
            threshold = Severity.ERROR
    return exit_code(findings, errors, threshold)
