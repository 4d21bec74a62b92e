"""`factlint lsp`: the language server over stdio (needs `pip install 'factlint[lsp]'`)."""

from __future__ import annotations

import sys

import click

from . import main, options


@main.command("lsp")
@options.config
@click.option("--debounce", type=click.IntRange(min=0), default=300, show_default=True, metavar="MS",
              help="Quiet time after an edit before the document is checked again.")
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for clients that pass it; stdio is the only transport.")
def lsp_cmd(config_file, debounce, stdio):
    """A language server over standard input and output, for VS Code, Neovim, Helix, Zed and other
    editors: diagnostics as you type, hover for the rule's explanation, quick fixes. Config is
    found from each document's folder as `factlint check` finds it, or given with --config."""
    try:
        from ..lsp.server import build
    except ImportError as exc:
        click.echo(f"factlint lsp: needs the lsp extra ({exc.name} is missing): "
                   "pip install 'factlint[lsp]'", err=True)
        sys.exit(2)
    if config_file:
        from pathlib import Path

        from ..config import ConfigError, read_config_file

        try:
            found = read_config_file(Path(config_file))
        except ConfigError as exc:
            click.echo(f"factlint lsp: config: {exc}", err=True)
            sys.exit(2)
        if found is None:
            click.echo(f"factlint lsp: config: {config_file}: has no [tool.factlint] table", err=True)
            sys.exit(2)
    build(config_file, debounce / 1000).start_io()
