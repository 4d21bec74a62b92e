"""Plain text: the prose is the file itself; paragraphs are lines, or blank-line blocks when the
copy is hard-wrapped."""

from __future__ import annotations

import re

from ..document import Document, Metadata, Span
from . import comments_in
from .frontmatter import FrontMatterError, published_date, split_front_matter

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_ENDS = (".", "!", "?", '"', "”", "’", "'", ":", ")", "…")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _hard_wrapped(source: str) -> bool:
    """Hard-wrapped copy breaks lines mid-sentence; wire copy has a whole paragraph a line."""
    blocks = [b.group(0).rstrip("\n").split("\n") for b in _BLOCK.finditer(source)]
    inner = [ln.rstrip() for b in blocks for ln in b[:-1]]  # lines followed by another line
    if not inner:
        return False
    mid_sentence = sum(1 for ln in inner if not ln.endswith(_ENDS))
    return mid_sentence * 2 > len(inner)


def paragraph_spans(text: str) -> list[Span]:
    pattern = _BLOCK if _hard_wrapped(text) else _LINE
    spans = []
    for m in pattern.finditer(text):
        chunk = m.group(0)
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        end = m.start() + len(chunk.rstrip())
        if end > start:
            spans.append(Span(start, end))
    return spans


def _front_matter(source: str) -> tuple[Metadata | None, int]:
    """Front matter that dates the article (`date:` between `---` lines), as CMS exports of plain
    text carry it; a `---` rule that opens ordinary copy is not front matter and is left as text."""
    if not source.startswith(("---", "+++")):
        return None, 0
    try:
        data, end = split_front_matter(source)
    except FrontMatterError:
        return None, 0
    published = published_date(data)
    if published is None:
        return None, 0
    meta = Metadata(published=published, title=str(data.get("title", "")), published_from="front matter")
    meta.extra["front_matter"] = data
    return meta, end


def parse_text(path: str, source: str) -> Document:
    comments = comments_in(source)
    meta, fm_end = _front_matter(source)
    text = source
    if comments or fm_end:
        # comments and front matter are not prose: blank them out, keeping every offset where it was
        chars = list(source)
        for start, end in [(0, fm_end), *((c.start, c.end) for c in comments)]:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        text = "".join(chars)
    return Document(path, source, text, paragraph_spans(text), None, meta, comments=comments, fmt="text")
