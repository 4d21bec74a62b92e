"""Positions in a text three ways: (line, column) as findings give them, character offsets as
Python counts them, and UTF-16 code units as browsers, LanguageTool clients and LSP count them."""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class LineIndex:
    """Line starts and astral characters of one text, found once, so each conversion is a
    bisection rather than a walk over the text. Line breaks are \\n, \\r\\n or \\r, as a
    finding's line numbers count them once the engine has normalised them to \\n."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        # characters outside the Basic Multilingual Plane take two UTF-16 code units
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """Character offset of a 1-based line and 1-based character column (clamped to the text)."""
        if line < 1:
            return 0
        if line > len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return min(start + max(column - 1, 0), end)

    def utf16(self, offset: int) -> int:
        """UTF-16 code units before a character offset."""
        return offset + bisect.bisect_left(self._astral, offset)
