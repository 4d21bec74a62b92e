"""Shared helpers for the tests: running factlint on text, locating `near` text in it, finding
the clean corpora (read in place, never copied into the project)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
SEEDS = ROOT / "seeds"


def corpora_root() -> Path:
    """Where the corpora are: $FACTLINT_CORPORA if set, else ../shared/corpora beside the project."""
    env = os.environ.get("FACTLINT_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def shared_cases_root() -> Path:
    """The realistic cases: $FACTLINT_CASES if set, else ../shared/cases beside the project."""
    env = os.environ.get("FACTLINT_CASES")
    return Path(env) if env else ROOT.parent / "shared" / "cases"


def _is_corpus(folder: Path) -> bool:
    return folder.is_dir() and (folder / "SOURCES.tsv").is_file() and any(folder.glob("*.txt"))


def find_corpora(root: Path | None = None) -> dict[str, Path]:
    """Every corpus under `root`, by folder name: a sub-folder with *.txt and a SOURCES.tsv (or the
    folder itself, when it is one corpus)."""
    root = corpora_root() if root is None else root
    if not root.is_dir():
        return {}
    if _is_corpus(root):
        return {root.name: root}
    return {d.name: d for d in sorted(root.iterdir()) if _is_corpus(d)}


def no_corpus_reason(root: Path | None = None) -> str:
    """One line saying what is missing, for a skipped corpus test."""
    root = corpora_root() if root is None else root
    if not root.is_dir():
        return f"no corpus: {root} does not exist (set FACTLINT_CORPORA to a folder of corpora)"
    return f"no corpus: no folder in {root} has *.txt and SOURCES.tsv"


CORPORA = find_corpora()


def corpus_params() -> list:
    """pytest parameters, one per corpus (id: its name); one skipped parameter when there is none."""
    if CORPORA:
        return [pytest.param(path, id=name) for name, path in CORPORA.items()]
    return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=no_corpus_reason()))]


def any_corpus() -> Path:
    """The first corpus, for tests that need some real copy; skips the test when there is none."""
    if not CORPORA:
        pytest.skip(no_corpus_reason())
    return next(iter(CORPORA.values()))


@dataclass(frozen=True)
class Article:
    name: str  # file name in its corpus
    text: str
    published: dt.date | None


def corpus_articles(corpus: Path) -> list[Article]:
    """The articles of a corpus in file order, with the publication date its SOURCES.tsv gives."""
    with (corpus / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        dates = {r["file"]: r.get("published") or "" for r in csv.DictReader(fh, delimiter="\t")}
    return [Article(p.name, p.read_text(encoding="utf-8"),
                    dt.date.fromisoformat(dates[p.name]) if dates.get(p.name) else None)
            for p in sorted(corpus.glob("*.txt"))]


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
