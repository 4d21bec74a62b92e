"""Configuration: [tool.factlint] in pyproject.toml or factlint.toml, found by walking up from
each checked file, validated with did-you-mean messages."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Severity

DEFAULT_MAX_FILE_SIZE = 5_000_000
DATE_ORDERS = ("auto", "dmy", "mdy")


class ConfigError(ValueError):
    """A one-line problem with a config file, naming it."""


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


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word.replace("_", "-"), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _str_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def from_mapping(data: dict[str, Any], where: str, path: str | None = None) -> Config:
    """Build a Config from a [tool.factlint] table; unknown keys and bad values are errors."""
    kw: dict[str, Any] = {"path": path}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_did_you_mean(key, KEYS)}")
        attr = key.replace("-", "_")
        if key in ("select", "extend-select", "ignore", "packs", "disable-packs", "disable-entries",
                   "plugins", "exclude", "lexicons", "house-names"):
            kw[attr] = _str_list(where, key, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: severity must be a table of CODE = \"error|warning|info\"")
            try:
                kw[attr] = tuple((str(k).upper(), Severity.parse(str(v))) for k, v in value.items())
            except ValueError as exc:
                raise ConfigError(f"{where}: severity: {exc}") from None
        elif key == "fail-on":
            try:
                kw[attr] = Severity.parse(str(value))
            except ValueError as exc:
                raise ConfigError(f"{where}: fail-on: {exc}") from None
        elif key == "date-order":
            if value not in DATE_ORDERS:
                raise ConfigError(f"{where}: date-order must be one of {', '.join(DATE_ORDERS)}, not {value!r}")
            kw[attr] = value
        elif key == "number-style":
            if value not in ("ap", "chicago"):
                raise ConfigError(f"{where}: number-style must be 'ap' or 'chicago', not {value!r}")
            kw[attr] = value
        elif key == "per-path-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: per-path-ignores must be a table of \"glob\" = [codes]")
            kw[attr] = tuple((str(k), _str_list(where, f"per-path-ignores.{k}", v)) for k, v in value.items())
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{where}: max-file-size must be a positive number of bytes")
            kw[attr] = value
    return Config(**kw)


def read_config_file(path: Path) -> Config | None:
    """The factlint config in one file; None for a pyproject.toml without [tool.factlint]."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
        data = tomllib.loads(raw)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factlint")
        if table is None:
            return None
        where = f"{path} [tool.factlint]"
    else:
        table = data.get("tool", {}).get("factlint", data) if "tool" in data else data
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
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


def validate_codes(cfg: Config, known_codes: set[str], known_names: dict[str, str]) -> None:
    """Every code, prefix or rule name in the config must name at least one rule."""
    where = cfg.path or "configuration"
    lists = [("select", cfg.select), ("extend-select", cfg.extend_select), ("ignore", cfg.ignore),
             ("severity", tuple(k for k, _ in cfg.severity))]
    lists += [(f"per-path-ignores.{g}", codes) for g, codes in cfg.per_path_ignores]
    for key, values in lists:
        for v in values:
            if resolve_selector(v, known_codes, known_names) is None:
                hint = _did_you_mean(v.upper(), known_codes) or _did_you_mean(v.lower(), known_names)
                raise ConfigError(f"{where}: {key}: {v!r} names no rule{hint}")


def resolve_selector(sel: str, known_codes: set[str], known_names: dict[str, str]) -> str | None:
    """A selector as a code prefix: 'ALL' -> '', a code or prefix as is, a rule name -> its code."""
    s = sel.strip()
    if s.upper() == "ALL":
        return ""
    if s.lower() in known_names:
        return known_names[s.lower()]
    up = s.upper()
    if any(code.startswith(up) for code in known_codes):
        return up
    return None


def with_overrides(cfg: Config, **overrides: Any) -> Config:
    return replace(cfg, **{k: v for k, v in overrides.items() if v is not None})
