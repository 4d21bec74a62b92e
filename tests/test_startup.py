"""Start-up: what `factlint check` loads for one article, and the cache of compiled packs.
(Its speed is measured by benchmarks/startup.py, not here.)"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from factlint import packcache
from factlint.packs import load_pack
from factlint.registry import has_entry_points
from tests.conftest import ROOT, run_cli

ARTICLE = ROOT / "seeds" / "000_ccc7fe8cb40e4a84.txt"
# modules a one-article run has no use for: plugin discovery when no plugin is installed,
# did-you-mean when nothing is misspelt, a process pool for one file, formats not asked for
NOT_AT_STARTUP = ("importlib.metadata", "concurrent.futures", "multiprocessing", "tabulate",
                  "factlint.baseline", "factlint.reporters.sarif", "factlint.reporters.json", "email",
                  "difflib", "factlint.analysis.source_match")  # source matching: only with --source


def _modules_after(*args: str, env: dict | None = None) -> set[str]:
    code = ("import runpy, sys\n"
            f"sys.argv = ['factlint', *{list(args)!r}]\n"
            "try:\n    runpy.run_module('factlint', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)
    return set(proc.stderr.split())


def test_a_one_article_check_loads_only_what_it_uses(tmp_path):
    env = {"FACTLINT_CACHE_DIR": str(tmp_path / "cache")}
    cold = _modules_after("check", str(ARTICLE), env=env)
    assert "factlint.checks" in cold and "tomllib" in cold  # it did run, and filled the cache
    warm = _modules_after("check", str(ARTICLE), env=env)
    assert not warm & {*NOT_AT_STARTUP, "tomllib", "pickle"}, warm & {*NOT_AT_STARTUP, "tomllib", "pickle"}


def test_plugin_discovery_is_read_only_when_a_plugin_may_be_installed(tmp_path):
    assert not has_entry_points("factlint.rules") and not has_entry_points("factlint.reporters")
    site = tmp_path / "site"
    info = site / "house_rules-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[factlint.rules]\nhouse = house_rules\n")
    (site / "house_rules.py").write_text("")
    loaded = _modules_after("check", str(ARTICLE), env={"PYTHONPATH": str(site)})
    assert "importlib.metadata" in loaded and "house_rules" in loaded


def _packs(tmp_path):
    files = []
    for name, code in (("one", "W901"), ("two", "W902")):
        p = tmp_path / f"{name}.toml"
        p.write_text(f'[pack]\nname = "{name}"\ncode = "{code}"\nrule = "{name}"\n\n'
                     '[[entry]]\nid = "a"\nregex = "\\\\bmaybe\\\\b"\nmessage = "m"\n', encoding="utf-8")
        files.append(p)
    return files


def test_the_pack_cache_is_reused_and_invalidated_by_an_edit(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    files = _packs(tmp_path)
    packs, key = packcache.load(files, tmp_path)
    assert packs is None and key
    built = [load_pack(p, builtin=True) for p in files]
    packcache.save(key, tmp_path, built)
    again, key2 = packcache.load(files, tmp_path)
    assert key2 == key and [p.code for p in again] == ["W901", "W902"]
    assert isinstance(again[0].matcher.regex, packcache.LazyPattern)
    assert [m.group() for m in again[0].matcher.regex.finditer("Maybe, maybe not.")] == ["Maybe", "maybe"]
    st = files[1].stat()
    os.utime(files[1], ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    stale, key3 = packcache.load(files, tmp_path)
    assert stale is None and key3 != key


def test_a_broken_or_foreign_cache_is_rebuilt_and_a_read_only_one_is_harmless(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    files = _packs(tmp_path)
    _, key = packcache.load(files, tmp_path)
    packcache.save(key, tmp_path, [load_pack(p, builtin=True) for p in files])
    (cached,) = (tmp_path / "cache").iterdir()
    for junk in (b"", b"not a pickle", pickle.dumps(("another key", [])), pickle.dumps([1, 2])):
        cached.write_bytes(junk)
        assert packcache.load(files, tmp_path)[0] is None
    monkeypatch.setenv("FACTLINT_CACHE_DIR", "/proc/no-such-place")
    packcache.save(key, tmp_path, [])  # cannot write: no error
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    assert packcache.load(files, tmp_path) == (None, None)


def test_the_cli_gives_the_same_report_with_a_cold_a_warm_and_no_cache(tmp_path):
    env = {"FACTLINT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    cold = run_cli("check", str(ARTICLE), env=env)
    assert list((tmp_path / "cache").glob("packs-*.pickle"))
    warm = run_cli("check", str(ARTICLE), env=env)
    none = run_cli("check", str(ARTICLE), env={**env, "FACTLINT_NO_CACHE": "1"})
    assert cold.stdout == warm.stdout == none.stdout and cold.returncode == warm.returncode == 1
    assert b" W" in cold.stdout  # the packs ran


def test_toml_data_is_cached_until_the_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "lexicon.toml"
    p.write_text('verbs = ["ruled"]\n', encoding="utf-8")
    assert packcache.read_toml(p) == {"verbs": ["ruled"]}
    assert list((tmp_path / "cache").glob("toml-*.marshal"))
    assert packcache.read_toml(p) == {"verbs": ["ruled"]}
    p.write_text('verbs = ["ruled", "held"]\n', encoding="utf-8")
    assert packcache.read_toml(p) == {"verbs": ["ruled", "held"]}
    d = tmp_path / "dated.toml"
    d.write_text("when = 2024-01-02\n")  # marshal cannot hold a date: read, not cached
    assert str(packcache.read_toml(d)["when"]) == "2024-01-02"
    bad = tmp_path / "bad.toml"
    bad.write_text("verbs = [\n")
    try:
        packcache.read_toml(bad)
        raise AssertionError("expected a TOML error")
    except ValueError as exc:
        assert "Expected" in str(exc) or "Invalid" in str(exc) or "Unclosed" in str(exc)
