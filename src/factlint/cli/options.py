"""Options shared by commands, defined once and stacked where they are needed."""

from __future__ import annotations

import datetime as dt

import click


def _codes(ctx, param, value):
    out: list[str] = []
    for v in value or ():
        out += [c for c in v.replace(",", " ").split() if c]
    return tuple(out) if value else None


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


select = click.option("--select", multiple=True, callback=_codes, metavar="CODES",
                      help="Only these rules: codes, prefixes (D, W1) or names, comma-separated.")
extend_select = click.option("--extend-select", multiple=True, callback=_codes, metavar="CODES",
                             help="Rules to add to the selection (rules that are off by default).")
ignore = click.option("--ignore", multiple=True, callback=_codes, metavar="CODES",
                      help="Rules to leave out: codes, prefixes or names.")
published = click.option("--published", callback=_date, metavar="YYYY-MM-DD",
                         help="Publication date (overrides front matter, HTML metadata and datelines).")
source = click.option("--source", "sources", multiple=True, type=click.Path(dir_okay=False),
                      metavar="FILE", help="Source copy (wire, transcript, press release) to check quotes, figures and names against; repeatable.")
fail_on = click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
                       help="Lowest severity that makes the exit code 1 (default: error).")
config = click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
                      help="Use this config file instead of discovering one.")
output_format = click.option("--format", "-f", "fmt", default="text", metavar="FORMAT",
                             help="text, table, json, sarif, github, csv (or a plugin's); jsonl or parquet: one row per finding.")
input_format = click.option("--input-format", type=click.Choice(["auto", "text", "markdown", "html"]),
                            default="auto", help="How to read the input (default: by extension).")
date_order = click.option("--date-order", type=click.Choice(["auto", "dmy", "mdy"]), default=None,
                          help="Read 6/1 as day/month or month/day (default: inferred per article).")
