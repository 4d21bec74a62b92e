"""The cache of compiled patterns: what it gives back is what `re.compile` gives (the same code,
flags and groups, the same matches), a run with it reports what a run without it does, and a
corrupt or foreign cache is ignored. (Its speed is measured by benchmarks/startup.py.)"""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import regex_cache
from tests.conftest import ROOT, SEEDS, run_cli

ARTICLE = next(SEEDS.glob("*.txt"))


def _cache_file(folder: Path) -> Path:
    (found,) = folder.glob("regex-*.marshal")
    return found


def _check_in_python(env: dict, before: str = "", after: str = "") -> str:
    """What `factlint check` of the seed prints to standard error after `after` runs (and `before`
    ran first), in a fresh interpreter."""
    code = (f"import sys\n{before}\nsys.argv = ['factlint', 'check', {str(ARTICLE)!r}]\n"
            "from factlint.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n" + after)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=300).stderr


def _compiled_in_run(env: dict) -> list[str]:
    """The patterns `re` compiled (not found in its cache) in one `factlint check` of the seed,
    once the cache was read."""
    before = ("import re._compiler as c\nseen = []\norig = c.compile\n"
              "c.compile = lambda p, f=0: (getattr(sys.modules.get('factlint.regex_cache'), '_armed', 0)\n"
              "                           and seen.append(p), orig(p, f))[1]")
    return _check_in_python(env, before, "print('\\n'.join(map(str, seen)), file=sys.stderr)").splitlines()


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A cache folder filled by one run, and that run's JSON report."""
    folder = tmp_path_factory.mktemp("cache")
    p = run_cli("check", "--format", "json", str(ARTICLE), env={"FACTLINT_CACHE_DIR": str(folder)})
    assert p.returncode == 1, p.stderr.decode()
    return folder, json.loads(p.stdout)


def test_cached_patterns_are_those_re_compiles(warm):
    folder, _ = warm
    key, entries = marshal.loads(_cache_file(folder).read_bytes())
    assert key == regex_cache._key() and len(entries) > 100
    text = ARTICLE.read_text(encoding="utf-8")
    for pattern, flags, compiled_flags, code, groups, groupindex in entries:
        ours = regex_cache._build(pattern, compiled_flags, code, groups, groupindex)
        re.purge()
        real = re.compile(pattern, flags)
        assert ours is not real
        assert ours == real and ours.groups == real.groups and ours.groupindex == real.groupindex, pattern
        assert ([m.span() + m.groups() for m in ours.finditer(text)]
                == [m.span() + m.groups() for m in real.finditer(text)]), pattern


def test_a_warm_run_reports_what_a_run_without_cache_does(warm, tmp_path):
    folder, cold = warm
    again = run_cli("check", "--format", "json", str(ARTICLE), env={"FACTLINT_CACHE_DIR": str(folder)})
    none = run_cli("check", "--format", "json", str(ARTICLE), env={"FACTLINT_NO_CACHE": "1"})
    assert json.loads(again.stdout) == cold == json.loads(none.stdout)
    assert not list(tmp_path.iterdir())


def test_a_warm_run_compiles_none_of_the_cached_patterns(warm):
    folder, _ = warm
    _, entries = marshal.loads(_cache_file(folder).read_bytes())
    cached = {e[0] for e in entries}
    compiled = set(_compiled_in_run({"FACTLINT_CACHE_DIR": str(folder)}))
    assert not compiled & cached


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(("another python", [])),
                                     marshal.dumps((None, [("x", 0, 32, b"\x01\x02", 0, {})]))])
def test_a_corrupt_or_foreign_cache_is_ignored(warm, tmp_path, content):
    _, cold = warm
    folder = tmp_path / "cache"
    folder.mkdir()
    name = _cache_file(warm[0]).name
    (folder / name).write_bytes(content)
    p = run_cli("check", "--format", "json", str(ARTICLE), env={"FACTLINT_CACHE_DIR": str(folder)})
    assert p.returncode == 1 and not p.stderr, p.stderr.decode()
    assert json.loads(p.stdout) == cold
    _, entries = marshal.loads((folder / name).read_bytes())  # and written afresh
    assert len(entries) > 100


def test_bad_code_is_refused_not_run(warm):
    folder, _ = warm
    _, entries = marshal.loads(_cache_file(folder).read_bytes())
    pattern, flags, compiled_flags, code, groups, groupindex = max(entries, key=lambda e: len(e[3]))
    half = len(code) // 2 // regex_cache._code_size() * regex_cache._code_size()  # whole code words
    with pytest.raises(RuntimeError):  # _sre checks the code it is given
        regex_cache._build(pattern, compiled_flags, code[:half], groups, groupindex)


def test_patterns_built_from_sets_are_the_same_text_every_run():
    # a pattern whose text changed with the hash seed would never be found in the cache
    after = "import re\nprint(sorted(repr(k) for k in re._cache if k[0] is str), file=sys.stderr)"
    runs = [_check_in_python({"PYTHONHASHSEED": seed, "FACTLINT_NO_CACHE": "1"}, after=after) for seed in "12"]
    assert runs[0] == runs[1] and len(runs[0]) > 1000


def test_kept_are_the_patterns_something_holds_not_an_articles_one_off_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", {})
    held = re.compile(r"held (?P<word>\w+) here")
    re.compile(r"\s+" + re.escape("one-off head noun"))  # made, used once, dropped
    regex_cache.save()
    _, entries = marshal.loads(_cache_file(tmp_path).read_bytes())
    kept = {e[0] for e in entries}
    assert held.pattern in kept and r"\s+one\-off\ head\ noun" not in kept


def test_a_cached_pattern_is_built_when_first_asked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", {})
    monkeypatch.setattr(regex_cache, "_armed", True)  # nothing saved when the tests end
    first = "_cache2" if hasattr(re, "_cache2") else "_cache"  # the dict re.compile looks in first
    monkeypatch.setattr(re, first, dict(getattr(re, first)))
    used, unused = r"(?P<n>\d+) asked for", r"never (\w+) asked"
    entries = [regex_cache.fresh(p, 0) for p in (used, unused)]
    Path(regex_cache._path()).write_bytes(marshal.dumps((regex_cache._key(), entries)))
    re.purge()
    assert regex_cache.load() == 2
    cache = getattr(re, first)
    assert not {used, unused} & {k[1] for k in cache}

    def no_compiling(*args):
        raise AssertionError("compiled, not built from the cache")

    monkeypatch.setattr(re._compiler, "compile", no_compiling)
    p = re.compile(used)
    assert (str, used, 0) in cache and (str, unused, 0) not in cache
    assert re.compile(used) is p and p.groupindex == {"n": 1}
    assert p.match("12 asked for").group("n") == "12"
