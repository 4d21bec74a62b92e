"""The engine: pick the rules, run them over one parsed document, locate, suppress, sort."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import config as configmod
from .collector import paused
from .config import Config, ConfigError
from .document import Document
from .formats import parse
from .formats.frontmatter import FrontMatterError
from .inputs import STDIN, InputError, read_source
from .model import FileError, Finding, Hit, Related, Severity
from .registry import PLUGIN_ERRORS, RegistryError, Rule, all_rules, generation, load_plugin
from .suppress import parse_suppressions

UNUSED_SUPPRESSION = "X100"


@dataclass(frozen=True)
class RunOptions:
    """What the command line (or an API caller) says, on top of the config files."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    published: dt.date | None = None
    sources: tuple[str, ...] = ()
    config_file: str | None = None
    input_format: str = "auto"
    date_order: str | None = None
    isolated: bool = False  # ignore config files (the Python API's default for lint_text)
    option_style: str = "--"  # how errors name an option: `--ignore` (CLI), `ignore` (API)

    def label(self, option: str) -> str:
        return f"--{option}" if self.option_style == "--" else option.replace("-", "_")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    words: int = 0
    checked: bool = True  # False: a config, option or input error kept the file from a check


def decide(rule: Rule, select: tuple[str, ...], extend: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Is a rule on? The most specific selector wins; a tie goes to ignore. Rules that are off by
    default are only turned on by their own code."""
    sel = list(select) if select else ([""] if rule.default_enabled else [])
    sel += list(extend)
    if not rule.default_enabled:
        sel = [s for s in sel if s == rule.code]
    s = max((len(p) for p in sel if rule.code.startswith(p)), default=-1)
    if s < 0:
        return False
    i = max((len(p) for p in ignore if rule.code.startswith(p)), default=-1)
    return s > i


def _known() -> tuple[set[str], dict[str, str]]:
    rules = all_rules()
    return {r.code for r in rules}, {r.name: r.code for r in rules}


def _prefixes(values: tuple[str, ...], where: str = "configuration", key: str = "") -> tuple[str, ...]:
    codes, names = _known()
    return tuple(configmod.to_prefix(v, codes, names, where, key) for v in values)


def _resolver():
    codes, names = _known()
    return lambda word: configmod.resolve_selector(word, codes, names)


@lru_cache(maxsize=64)
def _load_config(config_file: str | None, directory: str, isolated: bool) -> Config:
    if isolated:
        return Config()
    if config_file:
        cfg = configmod.read_config_file(Path(config_file))
        if cfg is None:
            raise ConfigError(config_file, "has no [tool.factlint] table")
    else:
        cfg = configmod.discover(directory)
    for spec in cfg.plugins:
        try:
            load_plugin(spec, cfg.base)
        except RegistryError as exc:
            raise ConfigError(cfg.path or "configuration", f"plugins: {exc}") from None
    if cfg.packs or cfg.disable_packs or cfg.disable_entries:
        from .packs import PackError, load_user_packs

        try:
            load_user_packs(cfg)
        except PackError as exc:
            raise ConfigError(exc.where, exc.message) from None
    if cfg.lexicons:
        from .packs import shipped_lexicons

        configmod.validate_lexicons(cfg, shipped_lexicons())
    codes, names = _known()
    return configmod.validate_codes(cfg, codes, names)


def config_for(path: str, opts: RunOptions) -> Config:
    directory = os.getcwd() if path == STDIN else os.path.dirname(os.path.abspath(path))
    return _load_config(opts.config_file, directory, opts.isolated)


def excluded(path: str, opts: RunOptions) -> bool:
    """Does the config that governs a file or folder exclude it? (A config that cannot be read
    excludes nothing: its error is reported when the files under it are checked.)"""
    if path == STDIN or opts.isolated:
        return False
    try:
        cfg = config_for(path, opts)
    except ConfigError:
        return False
    return configmod.is_excluded(cfg, path)


def active_rules(cfg: Config, opts: RunOptions) -> list[Rule]:
    all_rules()
    return _active_rules(cfg, opts, generation())


@lru_cache(maxsize=64)
def _active_rules(cfg: Config, opts: RunOptions, _generation: int) -> list[Rule]:
    select = (_prefixes(opts.select, opts.label("select")) if opts.select is not None
              else _prefixes(cfg.select))
    extend = _prefixes(opts.extend_select or (), opts.label("extend-select")) + _prefixes(cfg.extend_select)
    ignore = _prefixes(cfg.ignore) + _prefixes(opts.ignore or (), opts.label("ignore"))
    return [r for r in all_rules() if decide(r, select, extend, ignore)]


def _path_ignores(path: str, cfg: Config) -> tuple[str, ...]:
    if not cfg.per_path_ignores or path == STDIN:
        return ()
    rel = Path(os.path.relpath(os.path.abspath(path), cfg.base)).as_posix()
    out: list[str] = []
    for glob, codes in cfg.per_path_ignores:
        if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(os.path.basename(path), glob):
            out.extend(_prefixes(codes))
    return tuple(out)


def to_finding(doc: Document, r: Rule, hit: Hit, severity: Severity) -> Finding:
    line, col, end_line, end_col = doc.position(hit.start, hit.end)
    related = []
    for ref in hit.related:
        if ref.path is not None:
            related.append(Related(ref.path, ref.line or 1, ref.column or 1, ref.message))
        else:
            rl, rc, _, _ = doc.position(ref.start, ref.end)
            related.append(Related(doc.path, rl, rc, ref.message))
    return Finding(
        path=doc.path, line=line, column=col, code=r.code, end_line=end_line, end_column=end_col,
        name=r.name, severity=severity, message=hit.message, excerpt=doc.line_text(line),
        suggestion=hit.suggestion, related=tuple(related), context=_context(doc, hit),
    )


def _context(doc: Document, hit: Hit) -> str:
    """The words a baseline knows a finding by: its sentence (edits elsewhere leave it alone)."""
    if not doc.sentences:
        return doc.text[hit.start:hit.end]
    s = doc.sentences[doc.sentence_at(hit.start)]
    return doc.text[min(s.start, hit.start):max(s.end, hit.end)]


def sort_key(f: Finding) -> tuple:
    return (f.line, f.column, f.code, f.end_line, f.end_column, f.message)


def _check_hit(doc: Document, hit: object) -> str | None:
    """Why a rule's hit cannot be placed in the document (a plugin's bad offsets), or None."""
    if not isinstance(hit, Hit):
        return f"yielded {type(hit).__name__}, not a factlint.model.Hit"
    n = len(doc.text)
    spans = [(hit.start, hit.end)] + [(r.start, r.end) for r in hit.related if r.path is None]
    for start, end in spans:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            return f"gave offsets {start!r}..{end!r}, outside the document's text (0..{n})"
    return None


def _rule_label(r: Rule) -> str:
    where = "" if r.origin == "factlint" else f" from {r.origin}"
    return f"rule {r.code} ({r.name}){where}"


def lint_document(doc: Document, rules: list[Rule], cfg: Config, path_ignores: tuple[str, ...] = ()) -> FileResult:
    result = FileResult(doc.path, words=doc.word_count)
    findings: dict[tuple, Finding] = {}
    failed: set[str] = set()
    for r in rules:
        if r.code == UNUSED_SUPPRESSION:
            continue
        severity_override = cfg.severity_for(r.code)
        try:
            for hit in r.run(doc):
                problem = _check_hit(doc, hit)
                if problem is not None:  # a bad hit fails its rule alone, and is not reported
                    result.errors.append(FileError(doc.path, f"{_rule_label(r)} {problem}"))
                    failed.add(r.code)
                    break
                sev = severity_override or hit.severity or r.severity
                f = to_finding(doc, r, hit, sev)
                findings.setdefault((f.line, f.column, f.code, f.end_line, f.end_column, f.message), f)
        except Exception as exc:  # one failing rule (often a plugin) fails alone, named
            result.errors.append(FileError(doc.path, f"{_rule_label(r)} failed: {type(exc).__name__}: {exc}"))
            failed.add(r.code)
    kept = [f for f in findings.values() if not any(f.code.startswith(p) for p in path_ignores)]
    suppressions = parse_suppressions(doc, _resolver()) if doc.comments else []
    if suppressions:
        out = []
        for f in kept:
            hits = [s for s in suppressions if s.covers(f.code, f.line)]
            for s in hits:
                s.used = True
            if not hits:
                out.append(f)
        kept = out
        meta = next((r for r in rules if r.code == UNUSED_SUPPRESSION), None)
        if meta is not None:
            ran = {r.code for r in rules} - failed - {UNUSED_SUPPRESSION}
            ran = {c for c in ran if not any(c.startswith(p) for p in path_ignores)}
            for s in suppressions:
                message = _stale(s, ran)
                if message:
                    kept.append(Finding(
                        path=doc.path, line=s.line, column=s.column, code=meta.code,
                        end_line=s.line, end_column=s.column + 4, name=meta.name,
                        severity=cfg.severity_for(meta.code) or meta.severity,
                        message=message, excerpt=doc.line_text(s.line), context=doc.line_text(s.line),
                    ))
    result.findings = sorted(kept, key=sort_key)
    return result


def _stale(s, ran: set[str]) -> str | None:
    """What X100 says about a suppression comment, or None. A comment that names no rule is
    always reported. An unused one is reported only when every rule it can cover ran in full
    in this run: with `--ignore W301` a W301 suppression is not known to be unused, and
    following advice to remove it would bring the finding back on the next full run."""
    codes, names = _known()
    if s.unknown:
        words = "; ".join(configmod.unknown_selector(w, codes, names) for w in s.unknown)
        return f"this factlint-{s.kind} comment: {words}"
    if s.used:
        return None
    prefixes = s.codes
    covered = [r for r in all_rules() if r.code != UNUSED_SUPPRESSION
               and (not prefixes or any(r.code.startswith(p) for p in prefixes))
               and (r.default_enabled or r.code in prefixes or r.code in ran)]
    if any(r.code not in ran for r in covered):
        return None
    label = ", ".join(s.codes) if s.codes else "any rule"
    return f"this factlint-{s.kind} comment ({label}) suppresses nothing; remove it"


@lru_cache(maxsize=32)
def _source_document(path: str, input_format: str) -> Document:
    text = read_source(path, configmod.DEFAULT_MAX_FILE_SIZE * 4)
    return parse(path, text, input_format)


def lint_source(path: str, text: str, opts: RunOptions, source_docs: list[Document] | None = None) -> FileResult:
    """Lint already-read text as if it were the file at path (source_docs: sources already parsed,
    such as an archive row's source text, besides opts.sources)."""
    with paused():  # while the document lives: its objects are freed by counting (collector.py)
        return _lint_source(path, text, opts, source_docs)


def _lint_source(path: str, text: str, opts: RunOptions, source_docs: list[Document] | None) -> FileResult:
    try:
        cfg = config_for(path, opts)
        if opts.date_order:
            cfg = configmod.with_overrides(cfg, date_order=opts.date_order)
        rules = active_rules(cfg, opts)
        path_ignores = _path_ignores(path, cfg)
    except ConfigError as exc:
        return FileResult(path, errors=[FileError(exc.where, exc.message)], checked=False)
    try:
        doc = parse(path, text, opts.input_format, {"date_order": cfg.date_order, "config": cfg})
    except FrontMatterError as exc:
        return FileResult(path, errors=[FileError(path, str(exc))])
    if opts.published:
        doc.metadata.published = opts.published
        doc.metadata.published_from = "option"
    sources: list[Document] = list(source_docs or ())
    errors: list[FileError] = []
    for s in opts.sources:
        try:
            sources.append(_source_document(s, "auto"))
        except (InputError, FrontMatterError) as exc:
            errors.append(FileError(s, f"source file: {exc}"))
    doc.options["sources"] = sources
    result = lint_document(doc, rules, cfg, path_ignores)
    doc.release()
    result.errors[:0] = errors
    return result


def lint_path(path: str, opts: RunOptions) -> FileResult:
    try:
        cfg = config_for(path, opts)
    except ConfigError as exc:
        return FileResult(path, errors=[FileError(exc.where, exc.message)], checked=False)
    try:
        text = read_source(path, cfg.max_file_size)
    except InputError as exc:
        return FileResult(path, errors=[FileError(path, str(exc))], checked=False)
    return lint_source(path, text, opts)


def plugin_errors() -> list[FileError]:
    all_rules()
    return [FileError("plugin", msg) for msg in PLUGIN_ERRORS]


def exit_code(findings: list[Finding], errors: list[FileError], fail_on: Severity) -> int:
    """0: nothing at or above fail-on; 1: findings; 2: a usage error or an unreadable input."""
    if errors:
        return 2
    return 1 if any(f.severity >= fail_on for f in findings) else 0
