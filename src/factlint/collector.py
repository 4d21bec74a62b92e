"""The cyclic garbage collector paused while one document is analysed.

An analysis makes millions of small objects that live as long as the document does (a Token
each word, spans, mentions, quantities) and hold no reference cycles: reference counting frees
them all when the document goes. Left running, the collector walks them again and again: a
young collection every 700 of them, and a full one each time a quarter more have survived,
which walks every object the document holds so far (about 0.5 s each at 500,000 words, where
word tokens alone are 500,000 tracked objects: named tuples, unlike plain ones, are never
untracked). That was a fifth of a run on long copy and a third on figure-heavy copy, growing
faster than the text does. Paused for the document, it runs as usual between documents.

Pauses nest and may overlap across threads: the collector is switched off by the first and
back on by the last, and only if it was on when the first began (a caller's own
`gc.disable()` is kept)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_restore = False


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic collector off (see the module's docstring)."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()
