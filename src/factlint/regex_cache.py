"""Compiled regular expressions kept across runs: `factlint check` compiles the same 150 or so
patterns every time (about 100 ms, a third of a one-article run), and reading them back costs
under 2 ms.

Python cannot pickle a compiled pattern (it pickles the source and compiles it again), so the
cache holds what `re` compiles a pattern to: the code array `_sre.compile` takes, with the
pattern's flags and groups. `load()` reads them and makes `re`'s own cache build a cached
pattern the first time it is asked for (a dict whose `__missing__` builds it), so the
`re.compile(...)` calls of every module find it there, none of them changed, and a run pays
only for the patterns it uses (the file also holds those of `serve`, `lsp` or a Dask run).
At exit, the patterns this run compiled that the cache lacks, and that something still holds
(a module's constant, a cached set of cues, a pack: not the one-off patterns an article made and
dropped), are compiled once more through `re`'s parser and code generator and added, each only
when the pattern so built equals (code, flags, pattern; then groups) the one `re` compiled.

These are private parts of `re` (`_sre.compile`, `re._parser`, `re._compiler._code`,
`re._cache`), so the cache is built to be lost without harm: one file per interpreter, keyed by
the full `sys.version` and `_sre.MAGIC` (the code format changes between versions, never within
one), rebuilt on any mismatch, and any error while reading it (a missing, corrupt or foreign
file, a changed `re`) means the patterns are compiled as usual. `_sre.compile` checks the code
it is given. FACTLINT_NO_CACHE=1 turns it off, as it does the pack cache."""

from __future__ import annotations

import os
import re
import sys
import zlib
from array import array

from .packcache import cache_dir

FORMAT = 2
MOST = 600  # patterns kept (those not used cost a run only their reading: a few microseconds)

# (pattern, flags) -> (pattern, flags, compiled flags, code as bytes, groups, group names)
_entries: dict[tuple[str, int], tuple] = {}
_armed = False


def _key() -> str:
    import _sre

    return "\0".join(map(str, (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)))


def _path() -> str | None:
    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"regex-{zlib.crc32(_key().encode()):08x}.marshal")


def _build(pattern: str, flags: int, code: bytes, groups: int, groupindex: dict) -> re.Pattern:
    import _sre

    indexgroup = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, tuple(indexgroup))


def _code_size() -> int:
    import _sre

    return _sre.CODESIZE


class _Built(dict):
    """`re`'s cache (the dict its compile looks in first), building a pattern read from the
    cache file when it is first asked for."""

    __slots__ = ()

    def __missing__(self, key: tuple) -> re.Pattern:
        e = _entries.get(key[1:]) if key[0] is str else None
        if e is None:
            raise KeyError(key)
        try:
            compiled = _build(e[0], e[2], e[3], e[4], e[5])
        except Exception:  # noqa: BLE001 - re compiles it as usual
            raise KeyError(key) from None
        self[key] = compiled
        return compiled


def _re_caches() -> list[dict]:
    # 3.11 looks in `_cache`; 3.12 and later in `_cache2` first, then `_cache`
    return [d for d in (getattr(re, "_cache2", None), getattr(re, "_cache", None)) if isinstance(d, dict)]


def load() -> int:
    """Read the cached patterns for `re`'s cache to build on demand; how many. Saves new ones at
    exit."""
    global _armed
    path = _path()
    if path is None or array("I").itemsize != _code_size():
        return 0
    if not _armed:
        import atexit

        atexit.register(save)
        _armed = True
    try:
        import marshal

        with open(path, "rb") as fh:
            key, entries = marshal.loads(fh.read())  # one read: load(fh) reads piecemeal, 10x slower
        if key != _key():
            return 0
        read = {(e[0], e[1]): e for e in entries if len(e) == 6}
        first = "_cache2" if hasattr(re, "_cache2") else "_cache"
        if type(getattr(re, first)) is dict:
            setattr(re, first, _Built(getattr(re, first)))
    except Exception:  # noqa: BLE001 - a cache is safe to lose: any problem means compile as usual
        return 0
    _entries.update(read)
    return len(read)


def fresh(pattern: str, flags: int) -> tuple | None:
    """The cache entry for a pattern, from `re`'s parser and code generator; None unless the
    pattern it builds equals the one `re.compile` gives."""
    from re import _compiler, _parser

    try:
        real = re.compile(pattern, flags)
        code = array("I", _compiler._code(_parser.parse(pattern, flags), flags)).tobytes()
        groupindex = dict(real.groupindex)
        ours = _build(pattern, real.flags, code, real.groups, groupindex)
    except Exception:  # noqa: BLE001 - a pattern `re` cannot take apart so is left out
        return None
    if ours != real or ours.groups != real.groups or dict(ours.groupindex) != groupindex:
        return None
    return pattern, flags, real.flags, code, real.groups, groupindex


def _held() -> set[tuple[str, int]]:
    """The patterns in `re`'s caches that something besides `re` holds. A marker pattern compiled
    here and held by nothing gives the count of references this loop makes."""
    marker = f"(?#factlint {os.getpid()} {id(_entries)})"
    re.compile(marker)
    caches = _re_caches()
    items = {k: v for d in caches for k, v in list(d.items()) if k[0] is str}
    counts = {}
    for k, v in items.items():
        counts[(k[1], k[2])] = sys.getrefcount(v) - sum(d.get(k) is v for d in caches)
    floor = counts.pop((marker, 0))
    for d in caches:
        d.pop((str, marker, 0), None)
    return {k for k, n in counts.items() if n > floor}


def save() -> None:
    """Add the patterns this run compiled and still holds to the cache (kept: those held this run,
    then the newest, at most MOST)."""
    path = _path()
    if path is None:
        return
    try:
        held = _held()
    except Exception:  # noqa: BLE001 - `re` keeps its cache otherwise: nothing to save
        return
    new = [k for k in held if k not in _entries and not k[1] & (re.DEBUG | re.LOCALE)]
    added = [e for e in (fresh(p, f) for p, f in sorted(new)) if e is not None]
    if not added:
        return
    kept = list(_entries.values()) + added
    if len(kept) > MOST:  # the oldest of those not held this run go first
        idle = [e for e in kept if (e[0], e[1]) not in held]
        gone = {id(e) for e in idle[:len(kept) - MOST]}
        kept = [e for e in kept if id(e) not in gone][-MOST:]
    from .packcache import write_marshal

    write_marshal(path, (_key(), kept))
