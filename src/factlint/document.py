"""Document: the prose text rules see, its paragraphs and sentences, metadata, and the map back
to the original file so every finding points where the words stand in that file."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .collector import paused

if TYPE_CHECKING:
    from .analysis.attribution import Attribution
    from .analysis.dates import DateAnalysis
    from .analysis.names import NameAnalysis
    from .analysis.quantities import Quantity
    from .analysis.quotes import Quote, QuoteScan
    from .analysis.source_match import SourceIndex
    from .spans import SpanSet


class Span(NamedTuple):
    """A stretch of the prose text, end exclusive (a tuple: there are many)."""

    start: int
    end: int


class Token(NamedTuple):
    """A word: where it stands and its lower-cased form (’ as '). A tuple, as there are many."""

    start: int
    end: int
    norm: str


_T = TypeVar("_T")
_NONE = object()  # not made yet

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_RUN = re.compile(r"\w+")
# a digit with no letter or digit before it; written digit-first so the engine skips to digits
_NUMBER_START = re.compile(r"\d(?<!\w\d)")


def scan(pattern: re.Pattern, text: str, starts: Iterable[int], endpos: int | None = None) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern that can only match at one of `starts` (sorted):
    the same matches, found by trying those places alone."""
    end = -1
    stop = len(text) if endpos is None else endpos
    for p in starts:
        if p < end:
            continue
        if p >= stop:
            break
        m = pattern.match(text, p, stop)
        if m:
            end = m.end()
            yield m


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the source (where inline suppressions live)."""

    body: str
    start: int  # offset in the source
    end: int


@dataclass
class Metadata:
    published: dt.date | None = None
    published_from: str = ""  # "option", "front matter", "html meta", "dateline"
    title: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Document:
    """One article, parsed once. Analysis is computed lazily, once, and shared by all rules."""

    def __init__(
        self,
        path: str,
        source: str,
        text: str,
        paragraphs: list[Span],
        offsets: array | None = None,
        metadata: Metadata | None = None,
        comments: list[Comment] | None = None,
        options: dict[str, Any] | None = None,
        fmt: str = "text",
    ) -> None:
        self.path = path
        self.source = source
        self.text = text
        self.paragraphs = paragraphs
        self.offsets = offsets  # prose index -> source index; None when the prose is the source
        self.metadata = metadata or Metadata()
        self.comments = comments or []
        self.options = options or {}
        self.format = fmt
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self._derived: dict[Callable[[Document], Any], Any] = {}

    # -- positions ---------------------------------------------------------------------------
    def source_offset(self, i: int) -> int:
        if self.offsets is None:
            return min(i, len(self.source))
        if not self.offsets:
            return 0
        if i >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[i]

    def source_end(self, end: int) -> int:
        """Source offset just after the prose character end-1 (the exclusive end of a span)."""
        if end <= 0:
            return self.source_offset(0)
        return self.source_offset(end - 1) + 1

    def line_col(self, src: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, src) - 1
        return line + 1, src - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.source)
        return self.source[start:end]

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of a prose span, end exclusive."""
        s = self.source_offset(start)
        e = self.source_end(max(end, start + 1))
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(max(e - 1, s))
        return line, col, end_line, end_col + 1

    def release(self) -> None:
        """Forget what analysis made (asked again, it is made again). The engine calls this when
        it is done with a document: indexes that point back at their document (`derived`) and
        closures that hold it would otherwise keep all of it alive until a full collection of
        the cyclic collector, which the engine pauses while a document lives (collector.py)."""
        self._derived.clear()
        for key in [k for k in self.__dict__ if k not in _KEPT]:
            del self.__dict__[key]

    def derived(self, build: Callable[[Document], _T]) -> _T:
        """What `build(self)` makes (an index, a timeline), made once and shared by every rule
        that asks, without the document importing what makes it."""
        found = self._derived.get(build, _NONE)
        if found is _NONE:
            found = self._derived[build] = build(self)
        return found

    # -- structure ---------------------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[Span]:
        from .sentences import split_sentences

        out: list[Span] = []
        for para in self.paragraphs:
            out.extend(split_sentences(self.text, para.start, para.end))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, i: int) -> int:
        """Index of the sentence holding prose offset i (the nearest one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, i) - 1, 0)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, i: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, i) - 1, 0)

    def is_title(self, p: int) -> bool:
        """A headline or title: the first paragraph with no closing punctuation, or any short
        paragraph without it (a heading). Titles summarise; they carry no attribution."""
        return self._titles[p]

    @cached_property
    def _titles(self) -> list[bool]:
        ends = (".", "!", "?", "”", '"', "’", ":", ";")
        out = []
        for k, para in enumerate(self.paragraphs):
            body = self.text[para.start:para.end].rstrip()
            short = len(body[:400].split(maxsplit=15)) <= 14
            out.append(not body.endswith(ends) and (k == 0 or short))
        return out

    def sentences_of_paragraph(self, p: int) -> list[int]:
        para = self.paragraphs[p]
        return [k for k, s in enumerate(self.sentences) if para.start <= s.start < para.end]

    @cached_property
    def tokens(self) -> list[Token]:
        """Words with their spans, lower-cased, apostrophes straightened: the unit word packs match."""
        low = self.text.lower().replace("’", "'")
        if len(low) == len(self.text):  # lower-casing kept every offset (it almost always does)
            # built without a Python step per word: split keeps the words at odd places, and
            # the running total of the pieces' lengths gives where each one starts and ends
            # (the text after the last word is one start more than there are words)
            pieces = _WORD_SPLIT.split(low)
            ends = list(accumulate(map(len, pieces)))
            # the cyclic collector paused while a word each is made (see collector.py), when
            # the engine has not paused it for the whole document already
            with paused():
                return list(map(tuple.__new__, repeat(Token), zip(ends[0::2], ends[1::2], pieces[1::2], strict=False)))
        return [Token(m.start(), m.end(), m.group(0).lower().replace("’", "'"))
                for m in _WORD.finditer(self.text)]

    @cached_property
    def token_positions(self) -> dict[str, list[int]]:
        """Where each word stands (token indexes), so a word pack looks up only its own words."""
        out: dict[str, list[int]] = {}
        for i, t in enumerate(self.tokens):
            out.setdefault(t.norm, []).append(i)
        return out

    @cached_property
    def _part_positions(self) -> dict[str, list[int]]:
        """The pieces of hyphenated and apostrophised words (`mid-march` -> mid, march), with
        where each piece starts: a word can begin there as well as at a token's start."""
        out: dict[str, list[int]] = {}
        toks, text = self.tokens, self.text
        for key, where in self.token_positions.items():
            if "-" in key or "'" in key:
                for i in where:
                    for m in _RUN.finditer(text, toks[i].start, toks[i].end):
                        out.setdefault(m.group().lower(), []).append(m.start())
        return out

    def word_starts(self, words: Iterable[str]) -> list[int]:
        """Where these (lower-case) words begin, in order, as whole words or as pieces of
        hyphenated ones. A pattern that must start with one of them is tried only there
        (see `scan`), not at every character of the article."""
        where, toks, parts = self.token_positions, self.tokens, self._part_positions
        out: list[int] = []
        for w in words:
            idx = where.get(w)
            if idx:
                out.extend(toks[i].start for i in idx)
            if w in parts:
                out.extend(parts[w])
        return sorted(set(out))

    def phrase_at(self, p: int, words: tuple[str, ...], anchor: int) -> int | None:
        """The index of the first token of `words` when its word `anchor` is token p, else None.
        (Phrases are looked up at one word, their rarest; the word next to it is compared first,
        as most candidates fail there.)"""
        toks = self.tokens
        k, i = len(words), p - anchor
        if k == 1:
            return p
        if i < 0 or i + k > len(toks):
            return None
        nb = anchor + 1 if anchor + 1 < k else anchor - 1
        if toks[i + nb].norm != words[nb]:
            return None
        if k > 2 and any(toks[i + j].norm != words[j] for j in range(k)):
            return None
        return i

    @cached_property
    def number_starts(self) -> list[int]:
        """Where every word that begins with a digit starts (`2,500` holds two), in order."""
        return [m.start() for m in _NUMBER_START.finditer(self.text)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect.bisect_left(self._token_starts, offset)

    def in_quotation(self, start: int, end: int) -> bool:
        """Is the span inside a direct quotation (the speaker's words, not the reporter's)?"""
        return self.quote_scan.encloses(start, end)  # one binary search, not a walk over quotes

    @cached_property
    def folded_text(self) -> str:
        """The text case-folded, for substring tests that ignore case (see prefilter.py)."""
        return self.text.casefold()

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())

    # -- analysis, each computed once --------------------------------------------------------
    @cached_property
    def quote_scan(self) -> QuoteScan:
        from .analysis.quotes import scan_quotes

        return scan_quotes(self)

    @property
    def quotes(self) -> list[Quote]:
        return self.quote_scan.quotes

    @cached_property
    def dates(self) -> DateAnalysis:
        from .analysis.dates import analyse_dates

        return analyse_dates(self)

    @cached_property
    def quantities(self) -> list[Quantity]:
        from .analysis.quantities import find_quantities

        return find_quantities(self)

    @cached_property
    def attributions(self) -> list[Attribution]:
        from .analysis.attribution import find_attributions

        return find_attributions(self)

    @cached_property
    def attribution_coverage(self) -> tuple[SpanSet, SpanSet]:
        """The text the attributions cover: (all of them, those that source claims)."""
        from .analysis.attribution import coverage

        return coverage(self)

    @cached_property
    def word_index(self) -> SourceIndex:
        """The document's words indexed for matching quotations against it (as a source)."""
        from .analysis.source_match import SourceIndex

        return SourceIndex(self)

    @cached_property
    def names(self) -> NameAnalysis:
        from .analysis.names import analyse_names

        return analyse_names(self)


# what a Document is given (the rest of its attributes are analysis, made from these)
_KEPT = frozenset(("path", "source", "text", "paragraphs", "offsets", "metadata", "comments", "options",
                   "format", "_line_starts", "_derived"))


class TextBuilder:
    """Collects prose pieces with their source offsets while a format parser walks the file."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("l")
        self.paragraphs: list[Span] = []
        self._para_start: int | None = None
        self.length = 0

    def add(self, text: str, src_start: int) -> None:
        """Text that stands contiguously in the source from src_start."""
        if not text or (self._para_start is None and not text.strip()):
            return
        if self._para_start is None:
            self._para_start = self.length
        self.parts.append(text)
        self.offsets.extend(range(src_start, src_start + len(text)))
        self.length += len(text)

    def add_char(self, ch: str, src: int) -> None:
        """One prose character that stands for source text at src (an entity, a line break)."""
        if self._para_start is None:
            self._para_start = self.length
        self.parts.append(ch)
        self.offsets.extend([src] * len(ch))
        self.length += len(ch)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def end_paragraph(self, src: int | None = None) -> None:
        if self._para_start is None:
            return
        if src is None:
            src = self.offsets[-1] if self.offsets else 0
        # trim trailing spaces from the paragraph span
        text = "".join(self.parts[-8:]) if self.parts else ""
        trail = len(text) - len(text.rstrip())
        end = self.length - min(trail, self.length - self._para_start)
        if end > self._para_start:
            self.paragraphs.append(Span(self._para_start, end))
        self._para_start = None
        self.parts.append("\n\n")
        self.offsets.extend([src, src])
        self.length += 2

    def build(self) -> tuple[str, array, list[Span]]:
        return "".join(self.parts), self.offsets, self.paragraphs
