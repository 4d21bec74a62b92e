"""Plugins: rules from an installed package's entry point, and from a path in config."""

from __future__ import annotations

import textwrap

from tests.conftest import run_json

PLUGIN = '''
from factlint.model import Hit, WARNING
from factlint.registry import rule


@rule("Z101", "house-spelling", WARNING)
def house_spelling(doc):
    """The house spells it 'e-mail'.

    What it flags: email.
    Why it matters: house style.
    Example: Send an email.
    Instead: Send an e-mail.
    """
    for t in doc.tokens:
        if t.norm == "email":
            yield Hit(t.start, t.end, "house style is e-mail", "e-mail")


@rule("Z102", "always-raises", WARNING)
def always_raises(doc):
    """A broken plugin rule.

    What it flags: nothing. Why it matters: tests. Example: x. Instead: y.
    """
    raise ValueError("plugin bug")
    yield
'''


def _install(tmp_path):
    """Install a plugin package the way pip leaves it: the module and a .dist-info with an
    entry point in the factlint.rules group, on the path."""
    site = tmp_path / "site"
    (site / "newsroom_rules").mkdir(parents=True)
    (site / "newsroom_rules" / "__init__.py").write_text(PLUGIN)
    info = site / "newsroom_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[factlint.rules]\nnewsroom = newsroom_rules\n")
    return {"PYTHONPATH": str(site)}


def test_entry_point_plugin_rules_run_and_a_raising_rule_fails_alone(tmp_path, write):
    env = _install(tmp_path)
    art = write("a.txt", "Readers can send an email to the desk.\n")
    code, data = run_json(str(art), env=env)
    assert [f["code"] for f in data["findings"]] == ["Z101"]
    assert data["findings"][0]["suggestion"] == "e-mail"
    assert code == 2
    assert any("Z102 (always-raises) from newsroom_rules failed: ValueError: plugin bug" in e["message"] for e in data["errors"])


def test_entry_point_that_fails_to_import_is_named(tmp_path, write):
    env = _install(tmp_path)
    (tmp_path / "site" / "newsroom_rules" / "__init__.py").write_text("raise ImportError('missing dep')\n")
    art = write("a.txt", "The court adjourned,” the clerk said.\n")
    code, data = run_json(str(art), env=env)
    assert code == 2
    assert any("plugin 'newsroom' (newsroom_rules) failed to load: ImportError: missing dep" in e["message"] for e in data["errors"])
    assert [f["code"] for f in data["findings"]] == ["A201"]  # the built-in rules still ran


def test_plugin_by_path_in_config(tmp_path, write):
    write("rules/house.py", textwrap.dedent(PLUGIN))
    write("factlint.toml", 'plugins = ["rules/house.py"]\nignore = ["Z102"]\n')
    art = write("a.txt", "Readers can send an email to the desk.\n")
    code, data = run_json(str(art))
    assert code == 0
    assert [f["code"] for f in data["findings"]] == ["Z101"]


def test_missing_plugin_path_is_a_config_error(tmp_path, write):
    write("factlint.toml", 'plugins = ["nowhere.py"]\n')
    art = write("a.txt", "Text.\n")
    code, data = run_json(str(art))
    assert code == 2 and "does not exist" in data["errors"][0]["message"]
