"""An editor session: what the page and the language server share. Config is found as the CLI
finds it (a given file, or walking up from the article's folder) and read again when a config
file changes; a check is one call into the engine, in process, with findings located as
character offsets in the text the editor holds."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import os
import shutil
import tempfile
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import FileError, Finding
from .positions import LineIndex

CONFIG_NAMES = ("factlint.toml", "pyproject.toml")
DRAFT_NAME = "draft.txt"


def forget_config() -> None:
    """Drop every cached config so the next check reads the files again."""
    from .. import config as configmod
    from .. import engine

    configmod.discover.cache_clear()
    engine._load_config.cache_clear()  # the engine caches per folder and has no public reset


@dataclass(frozen=True)
class Checked:
    """One check of one text: its findings, the errors that stopped part of it, and where each
    finding stands as character offsets in that text."""

    text: str
    findings: list[Finding]
    errors: list[FileError]
    words: int
    elapsed_ms: float
    index: LineIndex

    def span(self, f: Finding) -> tuple[int, int]:
        start = self.index.offset(f.line, f.column)
        return start, max(start, self.index.offset(f.end_line, f.end_column))

    def at(self, offset: int) -> list[Finding]:
        """The findings whose span holds a character offset (or ends right at it)."""
        out = []
        for f in self.findings:
            start, end = self.span(f)
            if start <= offset <= end:
                out.append(f)
        return out


def explain(code: str) -> dict:
    """A rule's name, severity, summary and documentation, for a finding's "why?"."""
    from ..registry import get_rule

    r = get_rule(code)
    if r is None:
        return {"code": code, "name": "", "severity": "", "summary": "", "explain": ""}
    return {"code": r.code, "name": r.name, "severity": str(r.severity), "summary": r.summary,
            "explain": inspect.cleandoc(r.doc)}


class Session:
    """Checks texts as if they were files in `directory` (or at a path the editor names), with
    the options given at start. One per page server or language server process."""

    def __init__(
        self,
        directory: str | os.PathLike = ".",
        *,
        config_file: str | None = None,
        sources: Sequence[str] = (),
        published: dt.date | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] | None = None,
    ) -> None:
        self.directory = Path(directory).resolve()
        self.config_file = str(Path(config_file).resolve()) if config_file else None
        self.sources = tuple(str(Path(s).resolve()) for s in sources)
        self.published = published
        self.select = select
        self.ignore = ignore
        self._stamps: dict[Path, tuple] = {}
        self._tmp: str | None = None

    # -- where an article stands and which config it gets ------------------------------------
    def path_for(self, filename: str | None = None) -> str:
        """The path a text is checked as: only the file name is taken from the editor, so a
        page cannot make the server read config from elsewhere."""
        name = os.path.basename((filename or "").replace("\\", "/")).strip() or DRAFT_NAME
        return str(self.directory / name)

    def _config_candidates(self, directory: Path) -> list[Path]:
        if self.config_file:
            return [Path(self.config_file)]
        return [d / n for d in (directory, *directory.parents) for n in CONFIG_NAMES]

    def _stamp(self, directory: Path) -> tuple:
        out = []
        for p in self._config_candidates(directory):
            try:
                st = p.stat()
            except OSError:
                continue
            out.append((str(p), st.st_mtime_ns, st.st_size))
        return tuple(out)

    def refresh(self, path: str) -> bool:
        """Has a config file that governs `path` appeared, changed or gone since the last check?
        If so the cached configs are dropped. A few stat calls: cheap enough for every check."""
        directory = Path(path).resolve().parent
        stamp = self._stamp(directory)
        if self._stamps.get(directory) == stamp:
            return False
        self._stamps[directory] = stamp
        forget_config()
        return True

    def options(self, published: dt.date | None = None, sources: Sequence[str] = (), fmt: str = "auto",
                select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()):
        from ..engine import RunOptions

        ignore = (*(self.ignore or ()), *ignore)
        return RunOptions(select=select or self.select, ignore=ignore or None,
                          published=published or self.published, sources=tuple(sources) or self.sources,
                          config_file=self.config_file, input_format=fmt)

    def config_path(self, path: str | None = None) -> str | None:
        """The config file in force for a path (None: the defaults)."""
        from ..config import ConfigError
        from ..engine import config_for

        path = path or self.path_for()
        self.refresh(path)
        try:
            return config_for(path, self.options()).path
        except ConfigError:
            return self.config_file

    def config_target(self, path: str | None = None) -> Path:
        """Where the house dictionary is written: the config in force, else a new factlint.toml
        in the folder the articles are checked in."""
        found = self.config_path(path)
        return Path(found) if found else self.directory / "factlint.toml"

    # -- checking ----------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Check every rule's own example once, so rules, packs and the data they load on first
        use are ready before an editor's first check rather than during it."""
        from ..registry import all_rules

        self.check("\n\n".join(r.section("Example") for r in all_rules() if r.section("Example")))

    def check(
        self,
        text: str,
        *,
        path: str | None = None,
        fmt: str = "auto",
        published: dt.date | None = None,
        source_texts: Sequence[tuple[str, str]] = (),
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> Checked:
        """Check a text held by an editor. `source_texts` are (name, text) pairs of source copy
        pasted or opened in the page; without them the sources given at start are used.
        `select` and `ignore` narrow the rules further for this check."""
        from ..engine import lint_source, plugin_errors

        t0 = time.perf_counter()
        path = path or self.path_for()
        self.refresh(path)
        paths = [self._source_file(name, body) for name, body in source_texts]
        # the engine reads newlines as \n; positions are mapped back onto the editor's own text
        normalised = text.replace("\r\n", "\n").replace("\r", "\n")
        result = lint_source(path, normalised, self.options(published, paths, fmt, select, ignore))
        findings, errors = result.findings, [*plugin_errors(), *result.errors]
        if paths:
            findings = [self._unmask(f) for f in findings]
            errors = [FileError(self._unmask_text(e.path), self._unmask_text(e.message)) for e in errors]
        return Checked(text, findings, errors, result.words, (time.perf_counter() - t0) * 1000,
                       LineIndex(text))

    def _source_file(self, name: str, body: str) -> str:
        """Pasted source copy as a file the engine can read: named by its content, so the engine's
        cache of parsed sources can never hand back an older text under the same name."""
        if self._tmp is None:
            self._tmp = tempfile.mkdtemp(prefix="factlint-serve-")
            weakref.finalize(self, shutil.rmtree, self._tmp, True)
        digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        folder = Path(self._tmp) / digest
        folder.mkdir(exist_ok=True)
        p = folder / (os.path.basename(name.replace("\\", "/")).strip() or "source.txt")
        if not p.exists():
            p.write_text(body.replace("\r\n", "\n").replace("\r", "\n"), encoding="utf-8")
        return str(p)

    def _unmask_text(self, s: str) -> str:
        """Messages name a pasted source by the name it was given, not by its temporary file."""
        if not self._tmp or self._tmp not in s:
            return s
        prefix = self._tmp + os.sep
        while prefix in s:
            i = s.index(prefix)
            j = s.find(os.sep, i + len(prefix))
            s = s[:i] + s[j + 1:] if j >= 0 else s[:i] + s[i + len(prefix):]
        return s

    def _unmask(self, f: Finding) -> Finding:
        related = tuple(replace(r, path=self._unmask_text(r.path), message=self._unmask_text(r.message))
                        for r in f.related)
        return replace(f, message=self._unmask_text(f.message), related=related)
