"""factlint's dataclasses made without compiling their methods on every run.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__`
(and, frozen, `__setattr__`/`__delattr__`) and compiles it with `exec`: about 1 ms a class,
30 ms for factlint's 32 on every start, most of it in `compile`. The source is the same every
run, so this keeps the compiled code in a marshal file (as a .pyc keeps a module's) and hands
`exec` the code instead of the source. That is all that changes: the same source, compiled with
the same future flags as `exec` would use (those of the calling frame), run with the same
globals and locals; the classes and methods are the ones `@dataclass` would make.

`install()` gives the `dataclasses` module an `exec` of ours (it looks the name up in its own
globals first, then in builtins). Classes of other modules are compiled as before, never cached.
One file per interpreter (keyed by the full `sys.version`), written at exit when a factlint class
compiled new source, safe to lose: an unreadable or foreign file means compiling as usual.
FACTLINT_NO_CACHE=1 turns it off, as it does the other caches."""

import __future__

import builtins
import os
import sys
import zlib
from types import CodeType

FORMAT = 1
# the compiler flags that `exec` of a string takes from the frame that calls it: its futures
# (nested_scopes' flag is a code flag every nested function has, not a future's)
_FUTURE = 0
for _name in __future__.all_feature_names:
    if _name != "nested_scopes":
        _FUTURE |= getattr(__future__, _name).compiler_flag

_codes: dict[tuple[str, int], CodeType] = {}
_compiled = False  # factlint compiled source the file lacks this run


def _key() -> str:
    return "\0".join(map(str, (FORMAT, sys.version, sys.implementation.cache_tag)))


def _path() -> str | None:
    from .packcache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"dataclasses-{zlib.crc32(_key().encode()):08x}.marshal")


def _ours(globals_: dict | None) -> bool:
    return bool(globals_) and str(globals_.get("__name__", "")).partition(".")[0] == "factlint"


def _exec(source, globals_=None, locals_=None, /):
    """`exec` as `dataclasses` calls it, with factlint's compiled source read from the cache."""
    global _compiled
    caller = sys._getframe(1)
    if globals_ is None:  # what exec itself would take: the caller's namespaces
        globals_, locals_ = caller.f_globals, caller.f_locals if locals_ is None else locals_
    if type(source) is not str:
        return builtins.exec(source, globals_, locals_)
    flags = caller.f_code.co_flags & _FUTURE
    key = (source, flags)
    code = _codes.get(key)
    if code is None:
        code = compile(source, "<string>", "exec", flags, dont_inherit=True)
        if _ours(globals_):
            _codes[key] = code
            _compiled = True
    return builtins.exec(code, globals_, locals_)


def install() -> bool:
    """Read the cache and give `dataclasses` our `exec`; whether it did."""
    path = _path()
    if path is None:
        return False
    import dataclasses

    try:
        import marshal

        with open(path, "rb") as fh:
            key, codes = marshal.loads(fh.read())
        if key == _key() and type(codes) is dict:
            _codes.update((k, c) for k, c in codes.items() if type(c) is CodeType)
    except Exception:  # noqa: BLE001 - a cache is safe to lose: any problem means compiling as usual
        pass
    if "exec" not in vars(dataclasses):
        dataclasses.exec = _exec
        import atexit

        atexit.register(save)
    return True


def save() -> None:
    """Write the cache when factlint's classes compiled source it lacked."""
    path = _path()
    if path is None or not _compiled:
        return
    from .packcache import write_marshal

    write_marshal(path, (_key(), _codes))
