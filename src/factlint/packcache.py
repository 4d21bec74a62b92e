"""A cache of what every run reads at start-up: the built-in packs, compiled (reading and
checking the TOML packs and building their matchers costs more than the rest of start-up, and
they change only with factlint), and the data of other TOML files (config, lexicons, word
classes) as marshal, so that a warm run never loads the TOML parser.

The cache is one pickle per installation in the user's cache folder ($FACTLINT_CACHE_DIR, or
$XDG_CACHE_HOME/factlint, or ~/.cache/factlint), keyed by factlint's version, Python's, and the
size and modification time of every pack file and of the modules whose objects it holds. It is
written atomically and is safe to lose: a missing, stale, unreadable or foreign file is simply
rebuilt from the packs. FACTLINT_NO_CACHE=1 turns it off."""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

try:  # the C unpickler alone: the pickle module's own import costs more than reading the cache
    from _pickle import load as _load
except ImportError:  # pragma: no cover - an interpreter without it
    from pickle import load as _load

FORMAT = 1


class LazyPattern:
    """A regular expression compiled on first use: most articles never reach a pack's regex
    entries (their required words are absent), so a cached pack does not compile them up front."""

    def __init__(self, pattern: str, flags: int, engine: str) -> None:
        self.pattern, self.flags, self.engine = pattern, flags, engine
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("pattern", "flags", "engine", "_compiled"):
            raise AttributeError(name)
        if self._compiled is None:
            module = __import__(self.engine)
            self._compiled = module.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern, "flags": self.flags, "engine": self.engine}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _compiled=None)


def cache_dir() -> Path | None:
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("FACTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path), st.st_mtime_ns, st.st_size


def cache_key(files: list[Path]) -> str:
    """What the cached packs were built from: the pack files and the code that reads them
    (compared whole, so no hash to collide)."""
    from . import __version__, model, neighbours, packs, prefilter

    code = [Path(m.__file__) for m in (model, neighbours, packs, prefilter, sys.modules[__name__])]
    return "\0".join([str(FORMAT), __version__, sys.version, *map(repr, map(_stamp, files + code))])


def _cache_file(folder: Path, pack_dir: Path) -> Path:
    # one file per installation, so two checkouts or environments do not evict each other
    return folder / f"packs-{zlib.crc32(str(pack_dir).encode()):08x}.pickle"


def load(files: list[Path], pack_dir: Path) -> tuple[list | None, str | None]:
    """(the cached packs for these files or None, the key to save fresh ones under). The key is
    read before the packs are, so packs edited while they are being built are never saved
    under the edited files' key."""
    folder = cache_dir()
    if folder is None:
        return None, None
    try:
        key = cache_key(files)
    except OSError:
        return None, None
    try:
        with open(_cache_file(folder, pack_dir), "rb") as fh:
            data = _load(fh)
        if isinstance(data, tuple) and len(data) == 2 and data[0] == key:
            return data[1], key
    except Exception:  # noqa: BLE001 - a cache is safe to lose: any problem means rebuild
        pass
    return None, key


def save(key: str | None, pack_dir: Path, packs: list) -> None:
    """Write the cache atomically (a temporary file renamed over it); failure is harmless."""
    folder = cache_dir()
    if folder is None or key is None:
        return
    for pack in packs:  # compiled lazily when read back, not at start-up
        m = pack.matcher
        if m is not None and m.regex is not None and not isinstance(m.regex, LazyPattern):
            engine = "re" if type(m.regex).__module__ in ("re", "_sre") else "regex"
            m.regex = LazyPattern(m.regex.pattern, m.regex.flags, engine)
    import pickle
    import tempfile

    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        blob = pickle.dumps((key, packs), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=".packs-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, _cache_file(folder, pack_dir))
    except Exception:  # noqa: BLE001 - a read-only home or a full disk: run without a cache
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)


def read_toml(path: str | Path) -> dict[str, Any]:
    """The data of a TOML file (UTF-8, a BOM allowed), from the cache when the file's size and
    modification time are those it was cached with. Raises OSError, UnicodeDecodeError and
    tomllib.TOMLDecodeError (a ValueError) as reading and parsing the file would."""
    path = str(path)
    st = os.stat(path)
    stamp = (path, st.st_mtime_ns, st.st_size, sys.version)
    folder = cache_dir()
    target = folder / f"toml-{zlib.crc32(path.encode()):08x}.marshal" if folder is not None else None
    if target is not None:
        try:
            with open(target, "rb") as fh:
                cached_stamp, data = marshal.loads(fh.read())  # load(fh) reads piecemeal
            if cached_stamp == stamp:
                return data
        except Exception:  # noqa: BLE001 - missing, stale or foreign: read the file
            pass
    import tomllib

    with open(path, "rb") as fh:
        data = tomllib.loads(fh.read().decode("utf-8-sig"))
    if target is not None:
        write_marshal(target, (stamp, data))
    return data


def write_marshal(target: str | Path, value: Any) -> None:
    """marshal a value to a cache file atomically; a value marshal cannot hold (a TOML date)
    or a folder that cannot be written just goes uncached."""
    import tempfile

    tmp = None
    try:
        blob = marshal.dumps(value)
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, target)
    except Exception:  # noqa: BLE001 - a cache is optional
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
