"""Inline suppressions in HTML comments, and which of them went unused.

The forms (codes are optional; a prefix such as `W` or `D1` covers a family or a range, and a
rule's name, `loaded-language`, stands for its code, as on the command line):
    <!-- factlint-disable-next-line D101 -->     the next line that has text
    <!-- factlint-disable-line D101 -->          the line the comment stands on
    <!-- factlint-disable W -->  ...  <!-- factlint-enable W -->   a block (to the end if not enabled)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .document import Document

DIRECTIVE = re.compile(
    r"^\s*factlint-(?P<kind>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*?)\s*$"
)


@dataclass
class Suppression:
    kind: str
    codes: tuple[str, ...]  # empty: every code
    first_line: int
    last_line: int  # inclusive
    line: int  # where the comment stands
    column: int
    used: bool = field(default=False)
    unknown: tuple[str, ...] = ()  # words in the comment that name no rule

    def covers(self, code: str, line: int) -> bool:
        return self.first_line <= line <= self.last_line and (
            not self.codes or any(code.startswith(c) for c in self.codes)
        )


def _codes(raw: str, resolve: Callable[[str], str | None] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(code prefixes, words that name no rule) of a comment's list of codes and names."""
    words = [c for c in re.split(r"[\s,]+", raw.strip()) if c]
    if resolve is None:
        return tuple(c.upper() for c in words), ()
    codes, unknown = [], []
    for w in words:
        p = resolve(w)
        if p is None:
            unknown.append(w)
        elif p == "":  # ALL
            return (), tuple(unknown)
        else:
            codes.append(p)
    if unknown and not codes:
        codes = ["\0"]  # it names only unknown rules: it covers nothing, not everything
    return tuple(codes), tuple(unknown)


def parse_suppressions(doc: Document, resolve: Callable[[str], str | None] | None = None) -> list[Suppression]:
    """The suppression comments of a document; `resolve` turns a code, prefix or rule name
    into a code prefix (None when it names no rule)."""
    out: list[Suppression] = []
    open_blocks: list[Suppression] = []
    n_lines = doc.source.count("\n") + 1
    for c in doc.comments:
        m = DIRECTIVE.match(c.body)
        if not m:
            continue
        kind = m.group("kind")
        codes, unknown = _codes(m.group("codes"), resolve)
        line, col = doc.line_col(c.start)
        end_line, _ = doc.line_col(max(c.end - 1, c.start))
        if kind == "disable-line":
            out.append(Suppression(kind, codes, line, end_line, line, col, unknown=unknown))
        elif kind == "disable-next-line":
            target = end_line + 1
            while target <= n_lines and not doc.line_text(target).strip():
                target += 1
            out.append(Suppression(kind, codes, target, target, line, col, unknown=unknown))
        elif kind == "disable":
            s = Suppression(kind, codes, line, n_lines, line, col, unknown=unknown)
            out.append(s)
            open_blocks.append(s)
        else:  # enable
            for s in list(open_blocks):
                if not codes or set(codes) & set(s.codes) or (s.codes and set(s.codes) <= set(codes)):
                    s.last_line = line
                    open_blocks.remove(s)
    return out
