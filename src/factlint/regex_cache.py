"""Compiled regular expressions kept across runs: `factlint check` compiles the same 150 or so
patterns every time (about 100 ms, a third of a one-article run), and reading them back costs
under 2 ms.

Python cannot pickle a compiled pattern (it pickles the source and compiles it again), so the
cache holds what `re` compiles a pattern to: the code array `_sre.compile` takes, with the
pattern's flags and groups. `load()` builds each cached pattern from it and puts it in `re`'s
own cache, so the `re.compile(...)` calls of every module find it there, none of them changed.
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
MOST = 400  # patterns kept: room left in `re`'s cache (512) for those compiled as a run goes

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


def load() -> int:
    """Put the cached patterns in `re`'s cache; how many. Saves new ones at exit."""
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
            key, entries = marshal.load(fh)
        if key != _key():
            return 0
        built = {}
        for e in entries:
            pattern, flags, compiled_flags, code, groups, groupindex = e
            built[(str, pattern, flags)] = _build(pattern, compiled_flags, code, groups, groupindex)
            _entries[(pattern, flags)] = e
    except Exception:  # noqa: BLE001 - a cache is safe to lose: any problem means compile as usual
        _entries.clear()
        return 0
    re._cache.update(built)
    return len(built)


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
    """The patterns in `re`'s cache that something besides `re` holds: a marker pattern compiled
    here and held by nothing gives the count of references `re` and this loop make."""
    marker = f"(?#factlint {os.getpid()} {id(_entries)})"
    re.compile(marker)
    items = [(k, v) for k, v in re._cache.items() if k[0] is str]
    counts = {(k[1], k[2]): sys.getrefcount(v) for k, v in items}
    floor = counts.pop((marker, 0))
    re._cache.pop((str, marker, 0), None)
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
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        import marshal

        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump((_key(), kept), fh)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a read-only home or a full disk: run without a cache
        if os.path.exists(tmp):
            os.unlink(tmp)
