"""`factlint rules`, `factlint explain CODE` and `factlint packs`: the rules' own documentation."""

from __future__ import annotations

import sys

import click

from . import main, options


def _load_config(config_file: str | None) -> None:
    """Load the config (--config, or the one found from the current folder) so that its
    plugins and packs are listed and explained like built-in rules; its error is one line."""
    from ..engine import RunOptions, config_for, plugin_errors

    for e in plugin_errors():
        click.echo(f"{e.path}: error: {e.message}", err=True)
    try:
        config_for("-", RunOptions(config_file=config_file))
    except Exception as exc:  # noqa: BLE001 - ConfigError: where and what, on one line
        click.echo(f"factlint: {exc}", err=True)
        sys.exit(2)


@main.command("rules")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text")
@options.config
def rules_cmd(fmt: str, config_file: str | None) -> None:
    """List every rule: code, name, severity, summary (with the config's plugins and packs)."""
    from ..registry import all_rules

    _load_config(config_file)
    rules = all_rules()
    if fmt == "json":
        import json

        json.dump([{"code": r.code, "name": r.name, "severity": str(r.severity), "family": r.family,
                    "enabled_by_default": r.default_enabled, "origin": r.origin, "summary": r.summary}
                   for r in rules], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        off = "" if r.default_enabled else "  (off by default)"
        click.echo(f"{r.code}  {r.name:<{width}}  {str(r.severity):<7}  {r.summary}{off}")


@main.command("explain")
@click.argument("code")
@options.config
def explain_cmd(code: str, config_file: str | None) -> None:
    """Print a rule's documentation: what it flags, why, an example, what to write instead."""
    from ..registry import all_rules, get_rule

    _load_config(config_file)
    r = get_rule(code) or next((x for x in all_rules() if x.name == code.lower()), None)
    if r is None:
        import difflib

        names = [x.code for x in all_rules()] + [x.name for x in all_rules()]
        close = difflib.get_close_matches(code, names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        click.echo(f"factlint: no rule {code!r}{hint}; `factlint rules` lists them", err=True)
        sys.exit(2)
    off = "" if r.default_enabled else ", off by default"
    origin = "" if r.origin == "factlint" else f", from {r.origin}"
    click.echo(f"{r.code} {r.name} ({r.severity}{off}{origin})\n")
    click.echo(r.doc)


@main.command("packs")
@click.option("--validate", "validate", type=click.Path(dir_okay=False, exists=True), multiple=True,
              metavar="FILE", help="Check a pack file of your own and report its problems.")
@options.config
def packs_cmd(validate, config_file: str | None) -> None:
    """List the word packs (built-in and the config's) and their entry counts, or validate a
    pack file: its syntax, and that its code and rule name are free."""
    from pathlib import Path

    from ..packs import PackError, all_packs, conflicts, load_pack
    from ..registry import all_rules

    _load_config(config_file)
    if validate:
        bad = 0
        taken = list(all_rules())
        for path in validate:
            try:
                pack = load_pack(Path(path))
            except PackError as exc:
                click.echo(f"{exc}", err=True)
                bad += 1
                continue
            own = f"pack {pack.path.resolve()}"  # a pack the config already loaded is not its own rival
            why = conflicts(pack, [r for r in taken if r.origin != own])
            if why:
                click.echo(f"{path}: {why}", err=True)
                bad += 1
                continue
            taken.append(_as_rule(pack))
            click.echo(f"{path}: ok: pack {pack.name!r} ({pack.code} {pack.rule}), {len(pack.entries)} entries")
        sys.exit(2 if bad else 0)
    for p in all_packs():
        where = "built-in" if p.builtin else str(p.path)
        click.echo(f"{p.code}  {p.name:<20} {len(p.entries):4} entries  {str(p.severity):<7}  {where}")


def _as_rule(pack):
    from ..registry import Rule

    return Rule(pack.code, pack.rule, pack.severity, lambda doc: iter(()), "", True, f"pack {pack.path}")
