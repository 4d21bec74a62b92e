"""HTML via the standard library's HTML parser: prose from text nodes outside script, style,
code and pre, block elements as paragraphs, entities mapped back to where they stand."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import Comment, Document, Metadata, TextBuilder
from .frontmatter import to_date

NOT_PROSE = {"script", "style", "code", "pre", "template", "noscript", "svg", "math", "head",
             "kbd", "samp", "var", "textarea", "select", "button", "iframe", "object"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote",
          "section", "article", "header", "footer", "aside", "figcaption", "figure", "dd", "dt",
          "br", "hr", "table", "ul", "ol", "dl", "main", "nav", "caption", "address", "body",
          "html", "title"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
        "track", "wbr"}
PUBLISHED_META = ("article:published_time", "datepublished", "date", "dc.date", "dcterms.created",
                  "pubdate", "publish-date", "sailthru.date", "og:published_time")


class _Walker(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.b = TextBuilder()
        self.skip: list[str] = []
        self.comments: list[Comment] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.title = ""
        self._in_title = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in PUBLISHED_META and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime"):
            # an explicit publication time comes first; otherwise the first time element
            if "pubdate" in a or a.get("itemprop", "").lower() == "datepublished":
                self.times.insert(0, a["datetime"])
            else:
                self.times.append(a["datetime"])
        if tag == "title":
            self._in_title = True
        if tag in NOT_PROSE and tag not in VOID:
            self.skip.append(tag)
        if tag in BLOCKS:
            self.b.end_paragraph()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.skip and tag == self.skip[-1]:
            self.skip.pop()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
            return
        if tag in BLOCKS:
            self.b.end_paragraph()

    def _prose(self) -> bool:
        return not self.skip

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._prose():
            self.b.add(data, self._pos())

    def _ref(self, raw: str) -> None:
        if self._in_title:
            self.title += html.unescape(raw)
        if self._prose():
            self.b.add_char(html.unescape(raw), self._pos())

    def handle_entityref(self, name):
        start = self._pos()
        raw = self.source[start:start + len(name) + 2]
        self._ref(raw if raw.endswith(";") else f"&{name};")

    def handle_charref(self, name):
        self._ref(f"&#{name};")

    def handle_comment(self, data):
        start = self._pos()
        self.comments.append(Comment(data, start, start + len(data) + 7))


def parse_html(path: str, source: str) -> Document:
    w = _Walker(source)
    w.feed(source)
    w.close()
    w.b.end_paragraph()
    text, offsets, paragraphs = w.b.build()
    published = None
    for key in PUBLISHED_META:
        if key in w.meta:
            published = to_date(w.meta[key])
            if published:
                break
    source_of_date = "html meta" if published else ""
    if not published:
        for t in w.times:
            published = to_date(t)
            if published:
                source_of_date = "html time"
                break
    meta = Metadata(published=published, published_from=source_of_date, title=w.title.strip())
    return Document(path, source, text, paragraphs, offsets, meta, w.comments, fmt="html")
