"""Quotation marks: every direct quotation with its span, and the marks that open or close
nothing. Apostrophes (`Kazakhstan’s`, `’90s`, `don't`) are told apart from single quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
OPENING_CONTEXT = " \t\n([{—–-/“‘\"'«„"
ELISIONS = ("em", "tis", "twas", "til", "cause", "n", "bout", "round")


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph's end when it runs on)
    kind: str  # "double" or "single"
    paragraph: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


@dataclass(frozen=True)
class StrayMark:
    """A quotation mark that opens or closes nothing."""

    offset: int
    kind: str  # "double" or "single"
    problem: str  # "unclosed" or "unopened"


@dataclass
class QuoteScan:
    quotes: list[Quote]  # in order of their opening marks
    stray: list[StrayMark]

    def __post_init__(self) -> None:
        # for each quotation, the furthest end of it and every quotation opened before it: a span
        # lies inside some quotation when the last one opened before it reaches past its end
        self._starts = [q.start for q in self.quotes]
        self._reach = list(accumulate((q.end for q in self.quotes), max))
        doubles = [q for q in self.quotes if q.kind == "double"]
        self._double_starts = [q.start for q in doubles]
        self._double_reach = list(accumulate((q.end for q in doubles), max))

    def encloses(self, start: int, end: int, double: bool = False) -> bool:
        """Is [start, end) inside a quotation (opened before start, ending at or after end)?
        With double=True, inside a double-quoted one. One binary search."""
        starts, reach = (self._double_starts, self._double_reach) if double else (self._starts, self._reach)
        i = bisect_left(starts, start)  # the quotations opened strictly before start
        return i > 0 and reach[i - 1] >= end


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _classify(text: str, i: int, start: int, end: int, single_open: bool, double_open: bool) -> str | None:
    """'open', 'close', 'toggle' or None (not a quotation mark here)."""
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch == '"':
        if prev.isdigit() and not double_open:
            return None  # inches: a 12" screen
        opening = prev in OPENING_CONTEXT
        closing = nxt.isspace() or not (nxt.isalnum() or nxt in "“‘(")
        if opening and not closing:
            return "open"
        if closing and not opening:
            return "close"
        return "toggle"
    # single marks
    if ch in SINGLE_OPEN and _is_letter(prev) and _is_letter(nxt):
        return None  # a turned apostrophe: I‘m
    if ch in SINGLE_OPEN or ch == "'":
        after = text[i + 1:min(i + 6, end)].lower()
        if nxt.isdigit() or any(after.startswith(e) and not after[len(e):len(e) + 1].isalpha() for e in ELISIONS):
            return None  # ’90s, 'em, 'til
        if ch == "'" and _is_letter(prev) and (_is_letter(nxt) or not single_open):
            return None  # don't, protesters' demands
        if ch == "'" and prev.isdigit():
            return None  # feet: 6'2
        if prev in OPENING_CONTEXT and (nxt.isalnum() or nxt in "“\"$£€"):
            return "open"
        if ch == "'" and single_open and not nxt.isalnum():
            return "close"
        return "open" if ch in SINGLE_OPEN else None
    if ch in SINGLE_CLOSE:
        if _is_letter(prev) and _is_letter(nxt):
            return None  # Kazakhstan’s, don’t
        if single_open and not nxt.isalnum():
            return "close"
        return None  # an apostrophe: protesters’ demands, rock ’n’ roll
    return None


MARKS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'")
_MARK = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")  # the engine skips to each mark


def scan_quotes(doc: Document) -> QuoteScan:
    text = doc.text
    quotes: list[Quote] = []
    stray: list[StrayMark] = []
    paras = doc.paragraphs
    for p, para in enumerate(paras):
        dbl: int | None = None
        sgl: int | None = None
        for m in _MARK.finditer(text, para.start, para.end):
            i, ch = m.start(), m.group()
            is_double = ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"'
            how = _classify(text, i, para.start, para.end, sgl is not None, dbl is not None)
            if how is None:
                continue
            if is_double:
                if how == "toggle":
                    how = "close" if dbl is not None else "open"
                if how == "open":
                    if dbl is not None:
                        if ch == '"':  # a straight mark that cannot open twice: it closes
                            how = "close"
                        else:
                            continue  # a nested or doubled opener: keep the first
                    else:
                        dbl = i
                        continue
                if dbl is None:
                    stray.append(StrayMark(i, "double", "unopened"))
                    continue
                if sgl is not None and sgl > dbl:
                    stray.append(StrayMark(sgl, "single", "unclosed"))
                    sgl = None
                quotes.append(Quote(dbl, i + 1, "double", p))
                dbl = None
            else:
                if how == "open":
                    if sgl is None:
                        sgl = i
                elif sgl is not None:
                    quotes.append(Quote(sgl, i + 1, "single", p))
                    sgl = None
        if sgl is not None:
            stray.append(StrayMark(sgl, "single", "unclosed"))
        if dbl is not None:
            # a quotation may run on into the next paragraph, which then opens with a new mark
            nxt = paras[p + 1] if p + 1 < len(paras) else None
            runs_on = nxt is not None and text[nxt.start] in DOUBLE_OPEN + '"'
            quotes.append(Quote(dbl, para.end, "double", p, closed=False))
            if not runs_on:
                stray.append(StrayMark(dbl, "double", "unclosed"))
    quotes.sort(key=lambda q: q.start)
    return QuoteScan(quotes, stray)
