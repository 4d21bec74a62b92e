"""Plugins: rules from an installed package's entry point, and from a path in config."""

from __future__ import annotations

import textwrap

from tests.conftest import run_cli, run_json

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


# -- user packs: codes are forever, and every command sees them ----------------------------------
def _pack(name: str, code: str, rule: str | None = None) -> str:
    return (f'[pack]\nname = "{name}"\ncode = "{code}"\nrule = "{rule or name}"\nseverity = "warning"\n\n'
            '[[entry]]\nid = "email"\npattern = "email"\nsuggestion = "e-mail"\nmessage = "house style is e-mail"\n')


ARTICLE = "Readers can send an email to the desk.\n"


def test_two_packs_with_one_code_are_a_config_error_naming_the_second(tmp_path, write):
    write("style/a.toml", _pack("house-a", "W901"))
    write("style/b.toml", _pack("house-b", "W901"))
    write("factlint.toml", 'packs = ["style/a.toml", "style/b.toml"]\n')
    art = write("a.txt", ARTICLE)
    code, data = run_json(str(art))
    assert code == 2
    assert data["errors"] == [{
        "path": f"{tmp_path / 'style' / 'b.toml'}:3",
        "message": f"code 'W901' is already taken by house-a (pack {tmp_path / 'style' / 'a.toml'}); "
                   "use a free code such as W902; 1 file not checked",
    }]


def test_a_pack_reusing_a_builtin_code_or_name_is_an_error_and_validate_says_so(tmp_path, write):
    write("style/d.toml", _pack("house", "D101"))
    write("factlint.toml", 'packs = ["style/d.toml"]\n')
    art = write("a.txt", ARTICLE)
    code, data = run_json(str(art))
    assert code == 2
    assert "code 'D101' is already taken by weekday-date-mismatch (a built-in rule); use a free code such as D901" in data["errors"][0]["message"]
    (tmp_path / "factlint.toml").unlink()
    proc = run_cli("packs", "--validate", str(tmp_path / "style" / "d.toml"), cwd=tmp_path / "style")
    assert proc.returncode == 2 and b"already taken by weekday-date-mismatch" in proc.stderr
    write("style/n.toml", _pack("house", "W902", rule="loaded-language"))
    proc = run_cli("packs", "--validate", str(tmp_path / "style" / "n.toml"), cwd=tmp_path / "style")
    assert proc.returncode == 2 and b"rule name 'loaded-language' is already taken by W" in proc.stderr


def test_validate_compares_the_files_it_is_given(tmp_path, write):
    a, b = write("a.toml", _pack("house-a", "W901")), write("b.toml", _pack("house-b", "W901"))
    proc = run_cli("packs", "--validate", str(a), "--validate", str(b), cwd=tmp_path / "..")
    assert proc.returncode == 2
    assert b"a.toml: ok" in proc.stdout and b"b.toml: code 'W901' is already taken by house-a" in proc.stderr


def test_rules_explain_and_packs_see_the_configs_plugins_and_packs(tmp_path, write):
    write("rules/house.py", textwrap.dedent(PLUGIN))
    write("style/house.toml", _pack("house-style", "W901"))
    write("factlint.toml", 'plugins = ["rules/house.py"]\npacks = ["style/house.toml"]\n')
    for cwd, extra in ((tmp_path, ()), (tmp_path.parent, ("--config", str(tmp_path / "factlint.toml")))):
        listing = run_cli("rules", *extra, cwd=cwd).stdout.decode()
        assert "Z101  house-spelling" in listing and "W901  house-style" in listing
        explained = run_cli("explain", "Z101", *extra, cwd=cwd)
        assert explained.returncode == 0
        assert explained.stdout.decode().startswith("Z101 house-spelling (warning, from rules/house.py)")
        assert run_cli("explain", "house-style", *extra, cwd=cwd).returncode == 0
        packs = run_cli("packs", *extra, cwd=cwd).stdout.decode()
        assert "W901  house-style" in packs
    bad = run_cli("rules", "--config", str(tmp_path / "nowhere.toml"))
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1


BAD_OFFSETS = '''
from factlint.model import Hit, WARNING
from factlint.registry import rule


@rule("Z201", "far-away", WARNING)
def far_away(doc):
    """Points before the text.

    What it flags: x. Why it matters: y. Example: z. Instead: w.
    """
    yield Hit(-600, -584, "somewhere")
'''


def test_a_plugin_file_with_bad_offsets_is_named_by_its_file(tmp_path, write):
    import json

    write("rules/far.py", BAD_OFFSETS)
    write("factlint.toml", 'plugins = ["rules/far.py"]\n')
    art = write("a.txt", "The court adjourned,” the clerk said.\n")
    code, data = run_json(str(art))
    assert code == 2
    assert [f["code"] for f in data["findings"]] == ["A201"]
    assert data["errors"][0]["message"].startswith("rule Z201 (far-away) from rules/far.py gave offsets -600..-584, outside")
    sarif = run_cli("check", str(art), "--format", "sarif", cwd=tmp_path)
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
