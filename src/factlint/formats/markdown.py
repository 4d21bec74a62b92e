"""Markdown via markdown-it-py: prose from paragraphs, headings, list items and table cells,
mapped back to the file character by character. Code, HTML, URLs and front matter are not prose."""

from __future__ import annotations

import re

from ..document import Document, Metadata, TextBuilder
from . import comments_in
from .frontmatter import published_date, split_front_matter

_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
_PROSE_BLOCKS = {"paragraph_open", "heading_open", "th_open", "td_open"}

_md = None


def _parser():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        _md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return _md


def _content_map(content: str, lines: list[str], line_starts: list[int], first: int) -> list[int]:
    """Source offset of each character of an inline token's content, line by line."""
    out: list[int] = []
    cursor: dict[int, int] = {}
    for k, piece in enumerate(content.split("\n")):
        ln = min(first + k, len(lines) - 1)
        src_line = lines[ln]
        col = src_line.find(piece, cursor.get(ln, 0)) if piece else cursor.get(ln, 0)
        if col < 0:
            col = max(len(src_line) - len(piece), 0)
        base = line_starts[ln] + col
        out.extend(range(base, base + len(piece)))
        cursor[ln] = col + len(piece)
        out.append(line_starts[ln] + min(cursor[ln], len(src_line)))  # the newline
    return out[: len(content)]


def _align(child: str, content: str, pos: int) -> tuple[list[int], int]:
    """Map a child's text onto the content from pos: escapes and entities shrink to one char."""
    i = content.find(child, pos)
    if i >= 0 and "&" not in content[pos:i] and "\\" not in content[pos:i]:
        return list(range(i, i + len(child))), i + len(child)
    out = []
    p = pos
    for ch in child:
        while p < len(content):
            if content[p] == ch:
                out.append(p)
                p += 1
                break
            if content[p] == "\\" and p + 1 < len(content) and content[p + 1] == ch:
                out.append(p + 1)
                p += 2
                break
            m = _ENTITY.match(content, p)
            if m:
                out.append(p)
                p = m.end()
                break
            p += 1
        else:
            out.append(max(len(content) - 1, 0))
    return out, p


def parse_markdown(path: str, source: str) -> Document:
    data, fm_len = split_front_matter(source)
    body = source
    if fm_len:
        # blank it out, keeping every offset, so markdown-it's positions are the file's
        body = "".join(c if c == "\n" else " " for c in source[:fm_len]) + source[fm_len:]
    tokens = _parser().parse(body)
    lines = body.split("\n")
    line_starts = [0]
    for ln in lines[:-1]:
        line_starts.append(line_starts[-1] + len(ln) + 1)

    b = TextBuilder()
    title = ""
    in_prose = False
    for tok in tokens:
        if tok.type in _PROSE_BLOCKS:
            in_prose = True
            continue
        if tok.type.endswith("_close") and in_prose and tok.type != "inline":
            b.end_paragraph()
            in_prose = False
            continue
        if tok.type != "inline" or not in_prose or tok.map is None:
            continue
        content = tok.content
        cmap = _content_map(content, lines, line_starts, tok.map[0])
        pos = 0
        skip = 0  # depth inside images and autolinks, whose text is not prose
        for child in tok.children or []:
            t = child.type
            if t == "text" and not skip:
                offs, pos = _align(child.content, content, pos)
                for ch, o in zip(child.content, offs, strict=False):
                    b.add_char(ch, cmap[o] if o < len(cmap) else cmap[-1])
            elif t in ("softbreak", "hardbreak"):
                nl = content.find("\n", pos)
                if nl >= 0:
                    pos = nl + 1
                    b.add_char(" " if t == "softbreak" else "\n", cmap[nl])
            elif t == "code_inline":
                i = content.find(child.markup + child.content, pos)
                if i >= 0:
                    pos = i + len(child.markup) * 2 + len(child.content)
            elif t == "html_inline":
                i = content.find(child.content, pos)
                if i >= 0:
                    pos = i + len(child.content)
            elif t == "link_open" and child.markup == "autolink":
                skip += 1
            elif t == "link_close" and child.markup == "autolink":
                skip -= 1
                close = content.find(">", pos)
                pos = close + 1 if close >= 0 else pos
            elif t == "link_close":
                if content.startswith("](", pos) or content.startswith("]", pos):
                    depth, p = 0, pos + 1
                    if content.startswith("(", p):
                        while p < len(content):
                            if content[p] == "(":
                                depth += 1
                            elif content[p] == ")":
                                depth -= 1
                                if depth == 0:
                                    p += 1
                                    break
                            p += 1
                    elif content.startswith("[", p):
                        close = content.find("]", p)
                        p = close + 1 if close >= 0 else p
                    pos = p
            elif t == "image":
                close = content.find(")", content.find("](", pos))
                pos = close + 1 if close >= 0 else pos
        if not title:
            title = content.strip()

    text, offsets, paragraphs = b.build()
    meta = Metadata(published=published_date(data), title=str(data.get("title", "")) or title)
    if meta.published:
        meta.published_from = "front matter"
    meta.extra["front_matter"] = data
    return Document(path, source, text, paragraphs, offsets, meta, comments_in(source), fmt="markdown")
