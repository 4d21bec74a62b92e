"""The one list of rules: @rule for built-ins and plugins, rule packs, and plugin loading."""

from __future__ import annotations

import inspect
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Hit, Severity

if TYPE_CHECKING:
    from .document import Document

CODE_RE = re.compile(r"^[A-Z][0-9]{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Instead")
FAMILIES = {
    "D": "dates",
    "N": "numbers",
    "W": "wording",
    "A": "attribution",
    "S": "sources",
    "X": "factlint itself",
}

RuleFunc = Callable[["Document"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    func: RuleFunc = field(compare=False, repr=False)
    doc: str = ""
    default_enabled: bool = True
    origin: str = "factlint"

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def family(self) -> str:
        return self.code[0]

    def section(self, title: str) -> str:
        """The body of one docstring section ("Example", "Instead" ...)."""
        return doc_section(self.doc, title)

    def run(self, doc: Document) -> Iterator[Hit]:
        yield from self.func(doc)


def doc_section(doc: str, title: str) -> str:
    text = inspect.cleandoc(doc)
    pattern = re.compile(rf"^{re.escape(title)}:[ \t]*(.*?)(?=^\S[\w ]*:[ \t]*$|^\S[\w ]*:\s|\Z)", re.S | re.M)
    m = pattern.search(text)
    return inspect.cleandoc(m.group(1)).strip() if m else ""


_RULES: dict[str, Rule] = {}
_LOADED = False
PLUGIN_ERRORS: list[str] = []
_PLUGIN_FILES: dict[str, str] = {}  # module name given to a plugin file -> the file, as configured


class RegistryError(ValueError):
    pass


_GENERATION = [0]  # bumped when the set of rules changes, so cached selections are redone


def generation() -> int:
    return _GENERATION[0]


def register(r: Rule) -> Rule:
    if not CODE_RE.match(r.code):
        raise RegistryError(f"rule code {r.code!r} is not a letter and three digits")
    if not NAME_RE.match(r.name):
        raise RegistryError(f"rule name {r.name!r} is not kebab-case")
    old = _RULES.get(r.code)
    if old is not None and old.func is not r.func and old.origin != r.origin:
        raise RegistryError(f"rule code {r.code} is already taken by {old.name} ({old.origin})")
    _RULES[r.code] = r
    _GENERATION[0] += 1
    return r


def rule(code: str, name: str, severity: Severity = Severity.WARNING, *, enabled: bool = True) -> Callable[[RuleFunc], RuleFunc]:
    """Register a function as a rule. Its docstring is its documentation (`factlint explain`)."""

    def wrap(func: RuleFunc) -> RuleFunc:
        module = getattr(func, "__module__", "") or ""
        # a plugin file is named as its user wrote it, not by the module name it is loaded as
        origin = "factlint" if module.startswith("factlint.") else _PLUGIN_FILES.get(module, module)
        register(Rule(code, name, severity, func, inspect.cleandoc(func.__doc__ or ""), enabled, origin))
        return func

    return wrap


def _load_builtins() -> None:
    global _LOADED
    if _LOADED:
        return
    from . import checks  # noqa: F401  (importing registers the built-in rules)
    from .packs import register_builtin_packs

    register_builtin_packs()
    _LOADED = True
    _load_entry_points()


def has_entry_points(group: str) -> bool:
    """Could an installed distribution declare entry points in this group? A text search of the
    entry_points.txt files on sys.path: importing importlib.metadata and reading every
    distribution's metadata costs more than the rest of a one-article run, and almost every
    installation has no factlint plugin. A hit (even a false one) means: ask importlib.metadata."""
    return _entry_point_groups().count(f"[{group}]") > 0


@lru_cache(maxsize=1)
def _entry_point_groups() -> str:
    found: list[str] = []
    for folder in sys.path:
        if os.path.isfile(folder):  # a zipped path entry: cannot tell cheaply, so ask
            found.append("[factlint.rules]\n[factlint.reporters]")
            continue
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    try:
                        with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8", errors="replace") as fh:
                            text = fh.read()
                    except OSError:
                        continue
                    if "[factlint." in text:
                        found.append(text)
    return "\n".join(found)


def _load_entry_points() -> None:
    if not has_entry_points("factlint.rules"):
        return
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group="factlint.rules"), key=lambda e: e.name):
        try:
            ep.load()  # importing the plugin's module registers its @rule functions
        except Exception as exc:  # a bad plugin fails alone, with its name
            PLUGIN_ERRORS.append(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}")


def load_plugin(spec: str, base: Path | None = None) -> None:
    """Load rules from a module name or a .py file path given in config."""
    import hashlib
    import importlib
    import importlib.util

    if spec.endswith(".py") or "/" in spec:
        path = Path(spec)
        if base is not None and not path.is_absolute():
            path = base / path
        if not path.is_file():
            raise RegistryError(f"plugin file {path} does not exist")
        name = "factlint_plugin_" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
        if name in sys.modules:
            return
        _PLUGIN_FILES[name] = spec
        spec_obj = importlib.util.spec_from_file_location(name, path)
        assert spec_obj and spec_obj.loader
        module = importlib.util.module_from_spec(spec_obj)
        sys.modules[name] = module
        try:
            spec_obj.loader.exec_module(module)
        except Exception as exc:
            del sys.modules[name]
            raise RegistryError(f"plugin {spec} failed to load: {type(exc).__name__}: {exc}") from None
    else:
        try:
            importlib.import_module(spec)
        except Exception as exc:
            raise RegistryError(f"plugin {spec!r} failed to load: {type(exc).__name__}: {exc}") from None


def all_rules() -> list[Rule]:
    _load_builtins()
    return _sorted_rules(generation())


@lru_cache(maxsize=8)
def _sorted_rules(_generation: int) -> list[Rule]:
    return sorted(_RULES.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule | None:
    _load_builtins()
    return _RULES.get(code.upper())
