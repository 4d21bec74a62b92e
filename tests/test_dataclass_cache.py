"""The cache of factlint's compiled dataclass methods: the methods are the code `@dataclass`
makes without it, other modules' dataclasses are made as before, and a corrupt cache is
ignored. (Its speed is measured by benchmarks/startup.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# every dataclass of the modules a check imports, each generated method's code, as text
DUMP = """
import dataclasses, json, sys
import factlint.cli  # the command's process: the cache is installed there
from factlint import dataclass_cache, engine, registry, reporters
registry.all_rules()
import factlint.analysis.source_match, factlint.baseline
out = {}
for name, mod in sorted(sys.modules.items()):
    if not name.startswith("factlint"):
        continue
    for cls in vars(mod).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name:
            for meth in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
                         "__lt__", "__le__", "__gt__", "__ge__"):
                f = vars(cls).get(meth)
                c = getattr(f, "__code__", None)
                if c is not None:
                    out[f"{name}.{cls.__qualname__}.{meth}"] = repr((
                        c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_flags, c.co_filename,
                        c.co_firstlineno, c.co_linetable, c.co_exceptiontable, f.__defaults__,
                        f.__kwdefaults__, {k: repr(v) for k, v in f.__annotations__.items()}))
print(json.dumps({"methods": out, "compiled": dataclass_cache._compiled,
                  "cached": len(dataclass_cache._codes)}))
"""


def _dump(env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", DUMP], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_methods_are_the_code_dataclass_makes_without_the_cache(tmp_path):
    env = {"FACTLINT_CACHE_DIR": str(tmp_path)}
    plain = _dump({"FACTLINT_NO_CACHE": "1"})
    cold = _dump(env)
    warm = _dump(env)
    assert cold["compiled"] and not warm["compiled"] and warm["cached"] > 100  # warm: all read back
    assert len(plain["methods"]) > 100
    assert warm["methods"] == plain["methods"] == cold["methods"]


USER_CLASS = """
from __future__ import annotations
import dataclasses
{setup}

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: list[str]

# generated code compiled with this module's __future__ import would annotate `x` with the name
# dataclasses gives its type (`_type_x`), not with the type it stands for
assert Point.__init__.__annotations__ == {{"x": "int", "y": "list[str]", "return": None}}, Point.__init__.__annotations__
assert Point(1, ["a"]) == Point(1, ["a"]) and hash(Point(1, ("a",))) == hash(Point(1, ("a",)))
{check}
print("ok")
"""
WITH_FACTLINT = ("import factlint.cli\nfrom factlint import dataclass_cache\nbefore = dict(dataclass_cache._codes)",
                 "assert dataclasses.exec is dataclass_cache._exec\n"
                 "assert dataclass_cache._codes == before  # not factlint's: not cached")


@pytest.mark.parametrize("with_factlint", [True, False])
def test_a_dataclass_of_another_module_is_made_as_before(tmp_path, with_factlint):
    setup, check = WITH_FACTLINT if with_factlint else ("", "")
    proc = subprocess.run([sys.executable, "-c", USER_CLASS.format(setup=setup, check=check)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path)})
    assert proc.stdout.strip() == "ok", proc.stderr


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe3\x00\x00"])
def test_a_corrupt_cache_is_ignored(tmp_path, content):
    env = {"FACTLINT_CACHE_DIR": str(tmp_path)}
    _dump(env)
    (cache,) = tmp_path.glob("dataclasses-*.marshal")
    cache.write_bytes(content)
    again = _dump(env)
    assert again["compiled"] and again["methods"] == _dump({"FACTLINT_NO_CACHE": "1"})["methods"]


def test_factlint_as_a_library_leaves_the_standard_library_as_it_was():
    """Only the command's own process gets the start-up caches; `import factlint` and a check
    through the API patch neither `dataclasses` nor `re`."""
    code = ("import dataclasses, re, factlint\n"
            "cache = re._cache\n"
            "assert factlint.lint_text('Police said 12 people were hurt on Monday.') is not None\n"
            "assert 'exec' not in vars(dataclasses) and re._cache is cache and type(cache) is dict\n"
            "print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.stdout.strip() == "ok", proc.stderr
