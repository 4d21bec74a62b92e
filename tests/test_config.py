"""Config discovery and validation."""

from __future__ import annotations

import pytest

from factlint.config import ConfigError, discover, from_mapping, read_config_file
from factlint.model import Severity
from tests.conftest import run_json

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
    assert "factlint.toml: select: 'D1O1' names no rule" in data["errors"][0]["message"]


def test_malformed_toml_names_the_file(write, tmp_path):
    write("factlint.toml", "select = [\n")
    write("a.txt", STRAY)
    code, data = run_json(str(tmp_path / "a.txt"))
    assert code == 2 and "malformed TOML" in data["errors"][0]["message"]
    assert "factlint.toml" in data["errors"][0]["message"]


def test_per_path_ignores(write, tmp_path):
    write("factlint.toml", '[per-path-ignores]\n"archive/*" = ["A"]\n')
    write("archive/old.txt", STRAY)
    write("new.txt", STRAY)
    _, data = run_json(str(tmp_path))
    assert [f["path"].split("/")[-1] for f in data["findings"]] == ["new.txt"]
