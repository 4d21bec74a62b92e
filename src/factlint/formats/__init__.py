"""Input formats: turn a file's text into a Document (plain text, Markdown, HTML)."""

from __future__ import annotations

import re
from typing import Any

from ..document import Comment, Document

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<body|<article|<p[\s>]|<div[\s>])", re.I)


def format_for(path: str, source: str = "", requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    for ext, fmt in EXTENSIONS.items():
        if path.lower().endswith(ext):
            return fmt
    if _LOOKS_HTML.match(source):
        return "html"
    if source.startswith(("---\n", "+++\n")):
        return "markdown"
    return "text"


def comments_in(source: str) -> list[Comment]:
    return [Comment(m.group(1), m.start(), m.end()) for m in _COMMENT.finditer(source)]


def parse(path: str, source: str, fmt: str = "auto", options: dict[str, Any] | None = None) -> Document:
    """Parse already-decoded source text (newlines normalised to \\n) into a Document."""
    fmt = format_for(path, source, fmt)
    if fmt == "markdown":
        from .markdown import parse_markdown as parser
    elif fmt == "html":
        from .html import parse_html as parser
    else:
        from .text import parse_text as parser
    doc = parser(path, source)
    doc.options = dict(options or {})
    return doc
