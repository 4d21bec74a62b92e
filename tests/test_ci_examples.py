"""The CI integrations as a newsroom would use them: the pre-commit hook with a real
`pre-commit run`, and the GitHub workflow's shell steps, run on a temporary repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

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


WRONG = "The council will vote on Wednesday, 4 March 2025, officials said.\n"
RIGHT = "The council will vote on Tuesday, 4 March 2025, officials said.\n"
EXAMPLES = ROOT / "examples"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "desk", "GIT_COMMITTER_EMAIL": "desk@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True, timeout=120).stdout


def _pinned(text: str) -> str:
    """The commit an example pins factlint to; it must be in this repository's history."""
    sha = re.search(r"\b[0-9a-f]{40}\b", text).group(0)
    _git(ROOT, "cat-file", "-e", f"{sha}^{{commit}}")
    return sha


def _files(root: Path, files: dict[str, str]) -> None:
    for name, body in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body, encoding="utf-8")


def test_pre_commit_example_installs_factlint_and_checks_only_articles(tmp_path):
    text = (EXAMPLES / "pre-commit-config.yaml").read_text()
    assert "rev: v" not in text and "|| true" not in text
    sha = _pinned(text)
    clone = tmp_path / "factlint"
    _git(tmp_path, "clone", "--quiet", "--no-checkout", str(ROOT), str(clone))
    news = tmp_path / "news"
    news.mkdir()
    _git(news, "init", "--quiet")
    # every file holds a wrong weekday: only the article may be read
    _files(news, {"2025/council.md": "# Council\n\n" + WRONG, "2025/notes.txt": RIGHT,
                  "README.md": WRONG, "tools/setup.py": f"# {WRONG}", "ci.yml": f"# {WRONG}",
                  "requirements.txt.bak": WRONG, "factlint.toml": 'exclude = ["README.md"]\n',
                  ".pre-commit-config.yaml": text.replace("https://github.com/factlint/factlint", str(clone))})
    _git(news, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    run = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose", "--color", "never"]
    first = subprocess.run(run, cwd=news, env=env, capture_output=True, text=True, timeout=900)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert "2025/council.md:3:26: D101 [error]" in out, out
    for name in ("README.md", "setup.py", "ci.yml", "requirements.txt.bak", "notes.txt:"):
        assert name not in out, (name, out)
    (news / "2025" / "council.md").write_text("# Council\n\n" + RIGHT)
    second = subprocess.run(run, cwd=news, env=env, capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stdout + second.stderr
    assert sha in (tmp_path / "cache" / "db.db").read_bytes().decode("latin-1")


def _steps(workflow: dict) -> list[dict]:
    return workflow["jobs"]["factlint"]["steps"]


def _run_steps(workflow: dict, repo: Path, env: dict) -> dict[str, subprocess.CompletedProcess]:
    """Run the workflow's shell steps as GitHub runs them (bash -e, the step's env, `if:` on the
    earlier steps' outputs); return each step's process by name."""
    output = repo / "github_output"
    output.write_text("")
    done: dict[str, subprocess.CompletedProcess] = {}
    outputs: dict[str, str] = {}
    for step in _steps(workflow):
        if "run" not in step:
            continue
        cond = step.get("if", "")
        if "steps.changed.outputs.count != '0'" in cond and outputs.get("count") == "0":
            continue
        step_env = {**env, **{k: str(v).replace("${{ github.base_ref }}", "main")
                              for k, v in step.get("env", {}).items()}, "GITHUB_OUTPUT": str(output)}
        assert "${{" not in step["run"], "a run script takes expressions through env, not inline"
        done[step["name"]] = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=step_env,
                                            capture_output=True, text=True, timeout=900)
        outputs.update(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return done


def test_github_workflow_steps_check_added_edited_and_renamed_articles(tmp_path):
    text = (EXAMPLES / "github-workflow.yml").read_text()
    workflow = yaml.safe_load(text)
    assert "|| true" not in text and "pip install factlint" not in text
    sha = _pinned(text)
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    _git(upstream, "init", "--quiet", "--initial-branch", "main")
    _files(upstream, {"news/edited.md": RIGHT, "news/old-name.md": RIGHT, "news/gone.txt": WRONG,
                      "news/untouched.txt": WRONG, "README.md": RIGHT})
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "--quiet", "-m", "base")
    repo = tmp_path / "checkout"
    _git(tmp_path, "clone", "--quiet", str(upstream), str(repo))
    _git(repo, "checkout", "--quiet", "-b", "pull")
    (repo / "news" / "edited.md").write_text(WRONG)
    _git(repo, "mv", "news/old-name.md", "news/renamed.md")
    (repo / "news" / "renamed.md").write_text(RIGHT + "\n" + WRONG)
    _git(repo, "rm", "--quiet", "news/gone.txt")
    _files(repo, {"news/new page.html": f"<p>{WRONG}</p>", "README.md": WRONG, "docs/CHANGELOG.md": WRONG,
                  "tools/fetch.py": f"# {WRONG}"})
    _git(repo, "add", "-A")
    _git(repo, "commit", "--quiet", "-m", "pull request")

    # the install step, for real: factlint from the pinned commit, into a fresh environment
    clone = tmp_path / "factlint"
    _git(tmp_path, "clone", "--quiet", "--no-checkout", str(ROOT), str(clone))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "FACTLINT": f"git+file://localhost{clone}@{sha}", "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    steps = _run_steps(workflow, repo, env)
    install = steps["Install factlint"]
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    assert shutil.which("factlint", path=str(venv / "bin"))

    changed = (repo / "changed.lst").read_text().split("\0")
    assert sorted(p for p in changed if p) == ["news/edited.md", "news/new page.html", "news/renamed.md"]
    annotate = steps["Annotate"]
    assert annotate.returncode == 1, annotate.stdout + annotate.stderr
    lines = [x for x in annotate.stdout.splitlines() if x.startswith("::error")]
    assert sorted(x.split(",")[0] for x in lines) == [
        "::error file=news/edited.md", "::error file=news/new page.html", "::error file=news/renamed.md"]
    sarif = steps["SARIF"]
    assert sarif.returncode == 0, sarif.stderr  # exit 1 (findings) is expected in this step
    assert (repo / "factlint.sarif").stat().st_size > 0

    # a crash or an unreadable config is never hidden: the SARIF step fails on exit 2
    (repo / "factlint.toml").write_text("selct = ['D']\n")
    steps = _run_steps(workflow, repo, env)
    assert steps["Annotate"].returncode == 2
    assert steps["SARIF"].returncode != 0, steps["SARIF"].stderr
