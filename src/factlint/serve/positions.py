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

    def line_of(self, offset: int) -> int:
        """0-based line holding a character offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
        """(line, character) of an offset as LSP counts them: 0-based, the character in code units
        of the negotiated encoding (UTF-16 unless the client offered another)."""
        line = self.line_of(offset)
        return line, units(self.text[self.line_starts[line]:offset], encoding)

    def from_position(self, line: int, character: int, encoding: str = "utf-16") -> int:
        """Character offset of an LSP position (clamped to its line, as the protocol asks)."""
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[max(line, 0)]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        offset, counted = start, 0
        while offset < end and counted < character:
            counted += units(self.text[offset], encoding)
            offset += 1
        return offset


def units(s: str, encoding: str = "utf-16") -> int:
    """The length of s in code units of an encoding: utf-16 (LSP's default, JavaScript's and
    LanguageTool's), utf-8 or utf-32 (characters)."""
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(s)
    return len(s.encode("utf-16-le", "surrogatepass")) // 2
