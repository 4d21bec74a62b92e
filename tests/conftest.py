"""Shared helpers for the tests: running factlint on text, locating `near` text in it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpora" / "wikinews"
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
SEEDS = ROOT / "seeds"


def run_cli(*args: str, stdin: bytes | None = None, cwd: str | Path | None = None, env: dict | None = None):
    """Run `python -m factlint` in a subprocess, as a user would."""
    e = dict(os.environ)
    e.pop("FORCE_COLOR", None)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args], input=stdin, capture_output=True, cwd=cwd, env=e,
        timeout=300,
    )


def run_json(*args: str, **kw) -> tuple[int, dict]:
    p = run_cli("check", "--format", "json", *args, **kw)
    assert p.returncode in (0, 1, 2), p.stderr.decode()
    return p.returncode, json.loads(p.stdout.decode())


def locate(text: str, near: str, line: int | None = None) -> tuple[int, int, int]:
    """(line, first column, last column) of `near`, 1-based, on a given line or the first it is on."""
    for n, body in enumerate(text.splitlines(), 1):
        if line is not None and n != line:
            continue
        i = body.find(near)
        if i >= 0:
            return n, i + 1, i + len(near)
    raise AssertionError(f"locator {near!r} not found" + (f" on line {line}" if line else ""))


def touches(f, line: int, c0: int, c1: int) -> bool:
    """Does a finding's span overlap columns c0..c1 (inclusive) of a line? Ends are exclusive."""
    fl, fc, el, ec = f.line, f.column, f.end_line, f.end_column
    if not (fl <= line <= el):
        return False
    lo = fc if fl == line else 1
    hi = (ec - 1) if el == line else 10**9
    return lo <= c1 and c0 <= hi


@pytest.fixture
def write(tmp_path):
    def _write(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return _write
