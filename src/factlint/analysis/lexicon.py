"""Lexicons: the word lists in rules/lexicon/ that several analysers read (what a count counts,
the cues of attribution), shipped and user-supplied, read in one place.

A lexicon file is one of two kinds: `quantities` ([category.NAME] tables and a [who] table) or
`attribution` (lists such as `verbs` and `sources`). A user adds files of either kind to
`lexicons` in config; each analyser asks for its kind and gets the shipped file first."""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..packcache import read_toml

if TYPE_CHECKING:
    from ..document import Document

KINDS = ("quantities", "attribution")
# the keys that make a file a quantity lexicon (config validation reads files the same way)
QUANTITY_KEYS = frozenset({"category", "who"})


def shipped_path(kind: str) -> Path:
    """The lexicon of this kind shipped with factlint."""
    from ..packs import packs_dir

    return packs_dir() / "lexicon" / f"{kind}.toml"


def lexicon_kind(path: str | Path) -> str:
    """`quantities` or `attribution` by the file's keys; "" when it cannot be read."""
    try:
        data = read_toml(path)
    except (OSError, ValueError):  # unreadable, not UTF-8, not TOML
        return ""
    return "quantities" if set(data) & QUANTITY_KEYS else "attribution"


def user_lexicons(doc: Document, kind: str) -> tuple[str, ...]:
    """The config's extra lexicon files of one kind, as absolute paths (a hashable cache key).
    Read once per document: the figures ask for each count, and each asking would resolve and
    open every lexicon file the config names."""
    return doc.derived(_USER_LEXICONS[kind])


def _read_user_lexicons(doc: Document, kind: str) -> tuple[str, ...]:
    cfg = doc.options.get("config")
    if cfg is None:
        return ()
    paths = ((cfg.base / p).resolve() for p in getattr(cfg, "lexicons", ()))
    return tuple(str(p) for p in paths if lexicon_kind(p) == kind)


_USER_LEXICONS = {kind: partial(_read_user_lexicons, kind=kind) for kind in KINDS}


@lru_cache(maxsize=16)
def lexicon_data(kind: str, extra: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """The parsed lexicon files of one kind: the shipped one, then each extra in order."""
    if kind not in KINDS:
        raise ValueError(f"unknown lexicon kind {kind!r}")
    return tuple(read_toml(p) for p in (shipped_path(kind), *extra))
