"""`factlint serve [DIRECTORY]`: the local page for editors (needs `pip install 'factlint[serve]'`)."""

from __future__ import annotations

import sys

import click

from . import main, options

DEFAULT_PORT = 8081  # LanguageTool's local port: its extensions' "local server" setting finds us


@main.command("serve")
@click.argument("directory", required=False, default=".",
                type=click.Path(exists=True, file_okay=False, dir_okay=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on (0: any free port).")
@options.config
@options.source
@options.published
@options.select
@options.ignore
@click.option("--allow-origin", "origins", multiple=True, metavar="ORIGIN",
              help="Also answer pages or extensions from this origin (e.g. chrome-extension://ID); repeatable.")
@click.option("--max-body", type=click.IntRange(min=1), default=None, metavar="BYTES",
              help="Largest request accepted (default: the config's max-file-size, 5,000,000 bytes).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the web browser.")
def serve_cmd(directory, host, port, config_file, sources, published, select, ignore, origins,
              max_body, open_browser):
    """A local web page for editors: paste or open a draft, see its findings highlighted, apply,
    ignore, add names to the house dictionary, download. Config is found from DIRECTORY (default:
    here) as `factlint check` finds it, or given with --config. Also answers a JSON API and
    LanguageTool's /v2/check."""
    try:
        import uvicorn

        from ..serve.app import LOOPBACK, Settings, create_app
    except ImportError as exc:
        click.echo(f"factlint serve: needs the serve extra ({exc.name} is missing): "
                   "pip install 'factlint[serve]'", err=True)
        sys.exit(2)
    import socket

    from ..config import ConfigError
    from ..engine import config_for
    from ..serve.session import Session

    session = Session(directory, config_file=config_file, sources=sources, published=published,
                      select=select, ignore=ignore)
    try:
        cfg = config_for(session.path_for(), session.options())
    except ConfigError as exc:
        click.echo(f"factlint serve: config: {exc}", err=True)
        sys.exit(2)
    for s in session.sources:
        try:
            open(s, "rb").close()
        except OSError as exc:
            click.echo(f"factlint serve: --source {s}: {exc.strerror or exc}", err=True)
            sys.exit(2)
    session.warm_up()
    hosts = LOOPBACK if host in LOOPBACK else (*LOOPBACK, host.lower())
    settings = Settings(max_body=max_body or cfg.max_file_size, hosts=hosts, origins=tuple(origins))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle off only on sockets that say they are
    # TCP, and with Nagle on each answer waits ~40 ms for the browser's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        click.echo(f"factlint serve: cannot listen on {host}:{port}: {exc.strerror or exc}"
                   " (choose another port with --port)", err=True)
        sys.exit(2)
    sock.listen(128)  # from here on the printed URL answers: requests wait until the server runs
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    click.echo(f"factlint serve: {url}  (config: {cfg.path or 'defaults'}; Ctrl+C to stop)")
    if host not in LOOPBACK:
        click.echo(f"factlint serve: warning: listening on {host}, reachable from other machines", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(create_app(session, settings), log_level="warning",
                                           access_log=False, server_header=False))
    server.run(sockets=[sock])
