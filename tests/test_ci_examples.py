"""The CI integrations as a newsroom would use them: the pre-commit hook with a real
`pre-commit run`, and the GitHub workflow's shell steps, run on a temporary repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factlint.formats import EXTENSIONS
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def test_the_hook_sends_factlint_exactly_the_files_it_reads():
    hook = yaml.safe_load(HOOKS.read_text())[0]
    assert "types_or" not in hook and hook["types"] == ["file"]
    files = re.compile(hook["files"])
    for ext in EXTENSIONS:
        assert files.search(f"news/2024/story{ext}") and files.search(f"STORY{ext.upper()}"), ext
    for name in ("setup.py", "ci.yml", "requirements.txt.bak", "notes.json", "Makefile", "a.mdx",
                 "page.html.j2", "story.txt.orig"):
        assert not files.search(name), name
    listed = re.search(r"\\\.\(([^)]*)\)", hook["files"]).group(1).split("|")
    assert sorted(listed) == sorted(e[1:] for e in EXTENSIONS)
