"""The code is ruff clean (part of the test command, so CI and a fresh clone check it too)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    cmd = [ruff] if shutil.which(ruff) else [sys.executable, "-m", "ruff"]
    proc = subprocess.run([*cmd, "check", "src", "tests", "tools", "benchmarks"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readme_lists_every_rule():
    from factlint.registry import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for r in all_rules():
        assert f"`{r.code}`" in readme, f"README does not list {r.code} ({r.name})"
