"""Configuration: [tool.factlint] in pyproject.toml or factlint.toml, found by walking up from
each checked file, validated with did-you-mean messages."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Severity

DEFAULT_MAX_FILE_SIZE = 5_000_000
DATE_ORDERS = ("auto", "dmy", "mdy")


class ConfigError(ValueError):
    """A one-line problem with a config file or an option: `where` names the file (or the
    option), `message` says what is wrong there."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from, None for defaults
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.ERROR
    date_order: str = "auto"
    packs: tuple[str, ...] = ()
    disable_packs: tuple[str, ...] = ()
    disable_entries: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()
    number_style: str = "ap"
    lexicons: tuple[str, ...] = ()
    house_names: tuple[str, ...] = ()  # spellings of names the house accepts: S101/S401 leave them
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def base(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()

    def severity_for(self, code: str) -> Severity | None:
        best: tuple[int, Severity] | None = None
        for prefix, sev in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), sev)
        return best[1] if best else None


KEYS = {
    "select", "extend-select", "ignore", "severity", "fail-on", "date-order", "packs",
    "disable-packs", "disable-entries", "plugins", "per-path-ignores", "max-file-size", "exclude",
    "number-style", "lexicons", "house-names",
}
LIST_KEYS = ("select", "extend-select", "ignore", "packs", "disable-packs", "disable-entries",
             "plugins", "exclude", "lexicons", "house-names")
NUMBER_STYLES = ("ap", "chicago")
SEVERITIES = ("error", "warning", "info")


def did_you_mean(word: str, choices) -> str:
    """` (did you mean 'x'?)` for the closest choice, or nothing: the one hint every config key,
    value and rule reference gets, in a file or on the command line."""
    import difflib  # only on the way to an error message

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_did_you_mean = did_you_mean


def _str_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, f"{key} must be a list of strings")
    return tuple(value)


def _choice(where: str, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        hint = did_you_mean(str(value).lower(), allowed)
        raise ConfigError(where, f"{key} must be one of {', '.join(allowed)}, not {value!r}{hint}")
    return value


def _severity(where: str, key: str, value: Any) -> Severity:
    if isinstance(value, str) and value.strip().lower() in SEVERITIES:
        return Severity.parse(value)
    hint = did_you_mean(str(value).strip().lower(), SEVERITIES)
    raise ConfigError(where, f"{key} must be error, warning or info, not {value!r}{hint}")


def from_mapping(data: dict[str, Any], where: str, path: str | None = None) -> Config:
    """Build a Config from a [tool.factlint] table; unknown keys and bad values are errors."""
    kw: dict[str, Any] = {"path": path}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(where, f"unknown key {key!r}{did_you_mean(key.replace('_', '-'), KEYS)}")
        attr = key.replace("-", "_")
        if key in LIST_KEYS:
            kw[attr] = _str_list(where, key, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(where, "severity must be a table of CODE = \"error|warning|info\"")
            kw[attr] = tuple((str(k), _severity(where, f"severity.{k}", v)) for k, v in value.items())
        elif key == "fail-on":
            kw[attr] = _severity(where, "fail-on", value)
        elif key == "date-order":
            kw[attr] = _choice(where, key, value, DATE_ORDERS)
        elif key == "number-style":
            kw[attr] = _choice(where, key, value, NUMBER_STYLES)
        elif key == "per-path-ignores":
            if not isinstance(value, dict):
                raise ConfigError(where, "per-path-ignores must be a table of \"glob\" = [codes]")
            kw[attr] = tuple((str(k), _str_list(where, f"per-path-ignores.{k}", v)) for k, v in value.items())
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(where, "max-file-size must be a positive number of bytes")
            kw[attr] = value
    return Config(**kw)


def read_config_file(path: Path) -> Config | None:
    """The factlint config in one file; None for a pyproject.toml without [tool.factlint]."""
    from .packcache import read_toml  # a warm run reads its config without the TOML parser

    try:
        data = read_toml(path)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "config is not UTF-8") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(str(path), f"malformed TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factlint")
        if table is None:
            return None
        where = f"{path} [tool.factlint]"
    else:
        table = data.get("tool", {}).get("factlint", data) if "tool" in data else data
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(where, "must be a table")
    return from_mapping(table, where, str(path))


@lru_cache(maxsize=256)
def discover(directory: str) -> Config:
    """The nearest config at or above a directory: factlint.toml first, then pyproject.toml."""
    d = Path(directory).resolve()
    for folder in (d, *d.parents):
        for name in ("factlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                cfg = read_config_file(candidate)
                if cfg is not None:
                    return cfg
    return Config()


def unknown_selector(value: str, known_codes: set[str], known_names: dict[str, str]) -> str:
    """What to say about a selector that names no rule, with the closest code or name."""
    hint = did_you_mean(value.strip().upper(), known_codes) or did_you_mean(value.strip().lower(), known_names)
    return f"{value!r} names no rule{hint}"


def to_prefix(value: str, known_codes: set[str], known_names: dict[str, str], where: str, key: str) -> str:
    """A selector as a code prefix, or a ConfigError naming the file (or option) and the key."""
    p = resolve_selector(value, known_codes, known_names)
    if p is None:
        raise ConfigError(where, f"{key}: {unknown_selector(value, known_codes, known_names)}" if key
                          else unknown_selector(value, known_codes, known_names))
    return p


def validate_codes(cfg: Config, known_codes: set[str], known_names: dict[str, str]) -> Config:
    """Every code, prefix or rule name in the config must name at least one rule. Returns the
    config with its severity table keyed by code prefixes (a rule name becomes its code)."""
    where = cfg.path or "configuration"
    lists = [("select", cfg.select), ("extend-select", cfg.extend_select), ("ignore", cfg.ignore)]
    lists += [(f"per-path-ignores.{g}", codes) for g, codes in cfg.per_path_ignores]
    for key, values in lists:
        for v in values:
            to_prefix(v, known_codes, known_names, where, key)
    severity = tuple((to_prefix(k, known_codes, known_names, where, "severity"), sev) for k, sev in cfg.severity)
    return replace(cfg, severity=severity) if severity != cfg.severity else cfg


def resolve_selector(sel: str, known_codes: set[str], known_names: dict[str, str]) -> str | None:
    """A selector as a code prefix: 'ALL' -> '', a code or prefix as is, a rule name -> its code."""
    s = sel.strip()
    if s.upper() == "ALL":
        return ""
    if s.lower() in known_names:
        return known_names[s.lower()]
    up = s.upper()
    if up and any(code.startswith(up) for code in known_codes):
        return up
    return None


def is_excluded(cfg: Config, path: str) -> bool:
    """Does an `exclude` glob of this config match the path? A glob is matched against the
    path relative to the config's folder, against its name, and against each folder above it
    within that folder, so `README.md`, `drafts/*` and `drafts` all work as a newsroom expects."""
    if not cfg.exclude:
        return False
    try:
        rel = Path(os.path.relpath(os.path.abspath(path), cfg.base)).as_posix()
    except ValueError:  # another drive (Windows)
        rel = Path(path).as_posix()
    parts = rel.split("/")
    candidates = {rel, parts[-1], *("/".join(parts[:k]) for k in range(1, len(parts)))}
    if parts[0] == "..":  # outside the config's folder: only the name can match
        candidates = {parts[-1]}
    return any(fnmatch.fnmatchcase(c, g.rstrip("/")) for g in cfg.exclude for c in candidates)


def validate_lexicons(cfg: Config, shipped: dict[str, dict[str, Any]]) -> None:
    """A user lexicon must have the shape of a shipped one: the keys of the attribution
    lexicon, or [category.NAME] tables with the keys the shipped categories use. `shipped`
    maps each shipped lexicon's kind to its parsed data, so the known keys are the data's own."""
    where = cfg.path or "configuration"
    attribution_keys = set(shipped.get("attribution", {}))
    quantities = shipped.get("quantities", {})
    quantity_keys = set(quantities)
    category_keys = {k for cat in quantities.get("category", {}).values() for k in cat}
    import tomllib

    for name in cfg.lexicons:
        path = cfg.base / name
        try:
            data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
        except OSError as exc:
            raise ConfigError(where, f"lexicons: cannot read {name}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(str(path), f"malformed lexicon: {exc}") from None
        is_quantities = bool(set(data) & {"category", "who"})
        known = quantity_keys if is_quantities else attribution_keys
        for key, value in data.items():
            if key not in known:
                raise ConfigError(str(path), f"unknown lexicon key {key!r}{did_you_mean(key, known)}")
            if is_quantities and key == "category":
                for cat, body in value.items():
                    if not isinstance(body, dict):
                        raise ConfigError(str(path), f"category.{cat} must be a table")
                    for k in body:
                        if k not in category_keys:
                            raise ConfigError(str(path), f"category.{cat}: unknown key {k!r}{did_you_mean(k, category_keys)}")
            elif not is_quantities and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise ConfigError(str(path), f"{key} must be a list of words or phrases")


def with_overrides(cfg: Config, **overrides: Any) -> Config:
    return replace(cfg, **{k: v for k, v in overrides.items() if v is not None})
