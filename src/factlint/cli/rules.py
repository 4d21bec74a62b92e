"""`factlint rules`, `factlint explain CODE` and `factlint packs`: the rules' own documentation."""

from __future__ import annotations

import json
import sys

import click

from . import main


@main.command("rules")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, severity, summary."""
    from ..registry import all_rules

    rules = all_rules()
    if fmt == "json":
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
def explain_cmd(code: str) -> None:
    """Print a rule's documentation: what it flags, why, an example, what to write instead."""
    from ..registry import all_rules, get_rule

    r = get_rule(code) or next((x for x in all_rules() if x.name == code.lower()), None)
    if r is None:
        import difflib

        names = [x.code for x in all_rules()] + [x.name for x in all_rules()]
        close = difflib.get_close_matches(code, names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        click.echo(f"factlint: no rule {code!r}{hint}; `factlint rules` lists them", err=True)
        sys.exit(2)
    off = "" if r.default_enabled else ", off by default"
    click.echo(f"{r.code} {r.name} ({r.severity}{off})\n")
    click.echo(r.doc)


@main.command("packs")
@click.option("--validate", "validate", type=click.Path(dir_okay=False, exists=True), multiple=True,
              metavar="FILE", help="Check a pack file of your own and report its problems.")
def packs_cmd(validate) -> None:
    """List the word packs and their entry counts, or validate a pack file."""
    from pathlib import Path

    from ..packs import PackError, all_packs, load_pack

    if validate:
        bad = 0
        for path in validate:
            try:
                pack = load_pack(Path(path))
            except PackError as exc:
                click.echo(f"{exc}", err=True)
                bad += 1
                continue
            click.echo(f"{path}: ok: pack {pack.name!r} ({pack.code} {pack.rule}), {len(pack.entries)} entries")
        sys.exit(2 if bad else 0)
    for p in all_packs():
        where = "built-in" if p.builtin else str(p.path)
        click.echo(f"{p.code}  {p.name:<20} {len(p.entries):4} entries  {str(p.severity):<7}  {where}")
