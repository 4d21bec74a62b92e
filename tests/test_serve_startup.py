"""`factlint check` starts as before: the web and LSP stacks load only in their own commands."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("starlette", "uvicorn", "pygls", "lsprotocol", "tomlkit", "httpx", "httpx2", "anyio", "cattrs")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    return set(out.stdout.split())


def test_the_cli_and_a_check_import_no_web_or_lsp_stack():
    loaded = loaded_after("import factlint.cli\nimport factlint\nfactlint.lint_text('Talks ended on Monday (3/1).')")
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert "factlint" in loaded


def test_the_commands_are_registered_without_loading_their_stacks():
    loaded = loaded_after("from factlint.cli import main\nassert {'serve', 'lsp'} <= set(main.commands)")
    assert not loaded & set(HEAVY)


def test_the_session_core_itself_is_light():
    # the language server imports the session core from factlint.serve; that must not pull
    # Starlette in behind it
    loaded = loaded_after("import factlint.serve.session, factlint.serve.edits, factlint.serve.positions")
    assert not loaded & set(HEAVY)
