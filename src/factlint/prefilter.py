"""The words a regular expression cannot match without: a cheap substring test that lets a pack
skip its regex entries on an article that holds none of them.

`(?<=\\w\\s)everyday(?=[.,;:!?])` cannot match a text without `everyday`; `(?:he|she) (?:claimed|
admitted)` not one without `claimed` or `admitted`. A pattern that starts with a look-behind gives
the regex engine nothing to skip ahead to, so without this test it is tried at every character
of every article. Patterns are read with the standard library's own parser, so the filter is
for patterns that run on `re` (the shipped packs); one it cannot read has no filter."""

from __future__ import annotations

import re

try:  # the parser the `re` module compiles with (private, so its absence is allowed for)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - an interpreter without them
    _p = _c = None

MIN_LENGTH = 3  # a literal shorter than this is in nearly every article: no use as a filter


def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match contains, or None when there are none."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern, re.IGNORECASE)
        options = _required(list(parsed))
    except Exception:  # noqa: BLE001 - any pattern the parser cannot read has no filter
        return None
    usable = [s for s in options if min(map(len, s)) >= MIN_LENGTH]
    if not usable:
        return None
    best = max(usable, key=lambda s: (min(map(len, s)), -len(s)))
    return frozenset(x.casefold() for x in best)


def _required(seq: list) -> list[set[str]]:
    """Sets of alternatives, each set required somewhere in any match of the sequence."""
    out: list[set[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        prefix = "".join(run)  # the parser moves a shared start out of a branch: f(?:ire|lood)
        if run:
            out.append({prefix})
            run = []
        if op is _c.BRANCH:
            firsts = [_leading(alt) for alt in av[1]]
            if all(firsts):
                out.append({prefix + f for f in firsts})
        elif op is _c.SUBPATTERN:
            out.extend(_required(list(av[-1])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            out.extend(_required(list(av[2])))
    if run:
        out.append({"".join(run)})
    return out


def _leading(seq) -> str:
    chars = []
    for op, av in seq:
        if op is not _c.LITERAL:
            break
        chars.append(chr(av))
    return "".join(chars)


def may_match(literals: frozenset[str] | None, folded_text: str) -> bool:
    """Can a pattern with these required literals match the (case-folded) text?"""
    return literals is None or any(lit in folded_text for lit in literals)
