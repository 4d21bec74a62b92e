"""Config discovery and validation."""

from __future__ import annotations

import pytest

from factlint.config import ConfigError, discover, from_mapping, read_config_file
from factlint.model import Severity
from tests.conftest import run_cli, run_json

STRAY = "The bridge will reopen in May,” the mayor said.\n"


def test_unknown_key_did_you_mean():
    with pytest.raises(ConfigError, match=r"unknown key 'selct' \(did you mean 'select'\?\)"):
        from_mapping({"selct": ["D"]}, "factlint.toml")


def test_bad_values():
    with pytest.raises(ConfigError, match="fail-on"):
        from_mapping({"fail-on": "fatal"}, "x")
    with pytest.raises(ConfigError, match="date-order"):
        from_mapping({"date-order": "ymd"}, "x")
    with pytest.raises(ConfigError, match="must be a list"):
        from_mapping({"select": 3}, "x")


def test_pyproject_table_and_walk_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["A2"]\nfail-on = "warning"\n')
    deep = tmp_path / "news" / "2024"
    deep.mkdir(parents=True)
    cfg = discover(str(deep))
    assert cfg.ignore == ("A2",) and cfg.fail_on == Severity.WARNING


def test_factlint_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factlint]\nignore = ["A"]\n')
    (tmp_path / "factlint.toml").write_text('ignore = ["W"]\n')
    assert discover(str(tmp_path)).ignore == ("W",)


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert read_config_file(tmp_path / "pyproject.toml") is None


def test_config_applies_per_file_and_cli_overrides(write, tmp_path):
    write("desk/factlint.toml", 'ignore = ["A201"]\n')
    write("desk/a.txt", STRAY)
    write("other/b.txt", STRAY)
    _, data = run_json(str(tmp_path / "desk"), str(tmp_path / "other"))
    assert [f["path"].split("/")[-1] for f in data["findings"]] == ["b.txt"]
    write("strict.toml", 'select = ["A"]\n')
    _, data = run_json(str(tmp_path / "desk"), "--config", str(tmp_path / "strict.toml"))
    assert len(data["findings"]) == 1


def test_unknown_code_in_config_is_a_clear_error(write, tmp_path):
    write("factlint.toml", 'select = ["D1O1"]\n')
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2
    err = data["errors"][0]
    assert err["path"].endswith("factlint.toml")
    assert err["message"] == "select: 'D1O1' names no rule (did you mean 'D101'?); 1 file not checked"


def test_malformed_toml_names_the_file(write, tmp_path):
    write("factlint.toml", "select = [\n")
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2 and "malformed TOML" in data["errors"][0]["message"]
    assert data["errors"][0]["path"].endswith("factlint.toml")


def test_per_path_ignores(write, tmp_path):
    write("factlint.toml", '[per-path-ignores]\n"archive/*" = ["A"]\n')
    write("archive/old.txt", STRAY)
    write("new.txt", STRAY)
    _, data = run_json(str(tmp_path))
    assert [f["path"].split("/")[-1] for f in data["findings"]] == ["new.txt"]


# -- every key and reference is validated, with a did-you-mean, once per run ---------------------
@pytest.mark.parametrize(("toml", "words"), [
    ('date-order = "ddmy"\n', "date-order must be one of auto, dmy, mdy, not 'ddmy' (did you mean 'dmy'?)"),
    ('number-style = "chicgo"\n', "(did you mean 'chicago'?)"),
    ('fail-on = "warnings"\n', "fail-on must be error, warning or info, not 'warnings' (did you mean 'warning'?)"),
    ('[severity]\nA201 = "eror"\n', "(did you mean 'error'?)"),
    ('[severity]\nloaded-languag = "info"\n', "severity: 'loaded-languag' names no rule (did you mean 'loaded-language'?)"),
    ('ignore = ["unbalanced-quotation-mark"]\n', "(did you mean 'unbalanced-quotation-marks'?)"),
    ('disable-entries = ["confusables:free-rein"]\n', "pack 'confusables' has no entry 'free-rein' (did you mean 'free-reign'?)"),
    ('disable-entries = ["confusibles:free-reign"]\n', "no pack named 'confusibles'"),
    ('disable-entries = ["no-such-entry-anywhere"]\n', "no pack has an entry 'no-such-entry-anywhere'"),
    ('disable-packs = ["idiom"]\n', "(did you mean 'idioms'?)"),
    ('packs = ["style/missing.toml"]\n', "packs: no pack file 'style/missing.toml'"),
    ('lexicons = ["style/missing.toml"]\n', "lexicons: cannot read style/missing.toml"),
    ('[per-path-ignores]\n"archive/*" = ["A2O1"]\n', "(did you mean 'A201'?)"),
])
def test_every_config_value_and_reference_is_checked(write, tmp_path, toml, words):
    write("factlint.toml", toml)
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2, data
    assert [e["path"] for e in data["errors"]] == [str(tmp_path / "factlint.toml")]
    assert words in data["errors"][0]["message"]
    assert data["findings"] == []


def test_a_lexicon_key_typo_is_an_error(write, tmp_path):
    write("style/courts.toml", 'verbz = ["ruled"]\n')
    write("style/counts.toml", '[category.evicted]\nverbz = ["evicted"]\n')
    write("a.txt", STRAY)
    write("factlint.toml", 'lexicons = ["style/courts.toml"]\n')
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2
    assert data["errors"][0]["path"].endswith("courts.toml")
    assert data["errors"][0]["message"].startswith("unknown lexicon key 'verbz' (did you mean 'verbs'?)")
    write("factlint.toml", 'lexicons = ["style/counts.toml"]\n')
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2 and "category.evicted: unknown key 'verbz' (did you mean 'verbs'?)" in data["errors"][0]["message"]


def test_a_good_lexicon_is_accepted(write, tmp_path):
    write("style/courts.toml", 'verbs = ["ruled"]\n')
    write("factlint.toml", 'lexicons = ["style/courts.toml"]\n')
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 0 and data["errors"] == []


def test_the_same_typo_on_the_command_line_gets_the_same_hint(write, tmp_path):
    art = write("a.txt", STRAY)
    code, data = run_json(str(art), "--ignore", "loaded-languag")
    assert code == 2
    assert data["errors"] == [{"path": "--ignore", "message": "'loaded-languag' names no rule (did you mean 'loaded-language'?); 1 file not checked"}]
    code, data = run_json(str(art), "--select", "A2O1")
    assert data["errors"][0]["path"] == "--select"
    assert data["errors"][0]["message"].startswith("'A2O1' names no rule (did you mean 'A201'?)")


def test_a_config_error_is_printed_once_per_run(write, tmp_path):
    write("factlint.toml", 'selct = ["A"]\n')
    for name in ("a.txt", "b.txt", "c/d.md"):
        write(name, STRAY)
    write("other/factlint.toml", 'ignore = ["X"]\n')
    write("other/e.txt", STRAY)
    proc = run_cli("check", str(tmp_path), "--fail-on", "warning")
    assert proc.returncode == 2
    out = proc.stdout.decode()
    assert out.count("unknown key 'selct'") == 1, out
    assert "(did you mean 'select'?); 3 files not checked" in out
    assert "e.txt:1:" in out  # the folder with a good config is still checked
    assert "in 1 file," in out.splitlines()[-1]  # the summary counts the files checked
    code, data = run_json(str(tmp_path))
    assert len(data["errors"]) == 1


def test_severity_by_rule_name(write, tmp_path):
    write("factlint.toml", '[severity]\nunbalanced-quotation-marks = "error"\n')
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 1 and data["findings"][0]["severity"] == "error"


# -- exclude -------------------------------------------------------------------------------------
def test_exclude_is_applied_to_folders_and_named_files(write, tmp_path):
    write("factlint.toml", 'exclude = ["README.md", "drafts", "*.notes.txt"]\n')
    for name in ("README.md", "news/README.md", "drafts/x.txt", "news/a.notes.txt", "news/story.txt"):
        write(name, STRAY)
    _, data = run_json(str(tmp_path), "--fail-on", "warning")
    assert sorted(f["path"] for f in data["findings"]) == [str(tmp_path / "news" / "story.txt")]
    # a hook passes files by name: the config still excludes them
    _, data = run_json(str(tmp_path / "README.md"), str(tmp_path / "drafts" / "x.txt"),
                       str(tmp_path / "news" / "story.txt"))
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "news" / "story.txt")]


# -- number-style: the message and the behaviour agree -------------------------------------------
def test_chicago_spells_out_zero_to_one_hundred(write, tmp_path):
    write("factlint.toml", 'number-style = "chicago"\nextend-select = ["N301"]\n')
    art = write("a.txt", "The council hired 12 clerks and 45 drivers last year.\n"
                         "Inspectors found 99 faults and 100 repairs, then 101 more.\n"
                         "Police said 7 people were hurt and 0 were held.\n"
                         "Turnout rose to 64 percent; the 250 seats were filled.\n")
    _, data = run_json(str(art), "--select", "N301")
    got = {(f["line"], f["suggestion"]) for f in data["findings"]}
    assert got == {(1, "twelve"), (1, "forty-five"), (2, "ninety-nine"), (2, "one hundred"),
                   (3, "seven"), (3, "zero")}, got
    assert all("zero to one hundred" in f["message"] and "Chicago" in f["message"] for f in data["findings"])


def test_ap_spells_out_one_to_nine_and_says_so(write, tmp_path):
    art = write("a.txt", "The council hired 12 clerks and 7 drivers last year.\n")
    _, data = run_json(str(art), "--select", "N301")
    assert [(f["suggestion"], f["message"]) for f in data["findings"]] == [
        ("seven", "house style (AP) spells out one to nine: write ‘seven’")]


def test_the_conflicting_figures_message_keeps_a_sentence_capital_out_of_the_middle():
    from factlint import lint_text

    text = ("At least 31 people died when the dam burst on Tuesday, officials said.\n\n"
            "Rescue workers recovered the bodies of the 29 victims from the river.\n")
    msgs = [f.message for f in lint_text(text, select=["N101"])]
    assert msgs and "but at least 31 earlier" in msgs[0], msgs
