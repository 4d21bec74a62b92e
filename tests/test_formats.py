"""Formats: prose extraction and exact file positions in Markdown and HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factlint.formats import format_for, parse
from factlint.inputs import decode

FIX = Path(__file__).parent / "fixtures" / "formats"


def _doc(name: str, crlf: bool = False):
    raw = (FIX / name).read_bytes()
    if crlf:
        raw = raw.replace(b"\n", b"\r\n")
    return parse(name, decode(raw))


def _pos(doc, word: str, nth: int = 0):
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(word, i + 1)
    return doc.position(i, i + len(word))


MD_PLACES = [
    ("Paiporta", (8, 17, 8, 25)),  # after bold? no: plain text in a paragraph
    ("Monday", (8, 36, 8, 42)),  # inside **bold**
    ("roads", (8, 91, 8, 96)),  # after &nbsp; and &amp; entities
    ("región", (10, 53, 10, 59)),  # multi-byte character in a list item
    ("curfew", (11, 6, 11, 12)),  # link text
    ("stays", (11, 56, 11, 61)),  # after the link's URL and title
    ("Catarroja", (15, 3, 15, 12)),  # table cell
    ("dozens", (15, 16, 15, 22)),  # table cell in curly quotes
    ("Officials", (22, 1, 22, 10)),  # after an HTML comment and a code block
]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize(("word", "where"), MD_PLACES, ids=[w for w, _ in MD_PLACES])
def test_markdown_positions(word, where, crlf):
    doc = _doc("article.md", crlf)
    assert _pos(doc, word) == where
    line, col, _, end = where
    assert doc.line_text(line)[col - 1:end - 1] == word


def test_markdown_prose_excludes_code_urls_comments_and_front_matter():
    doc = _doc("article.md")
    assert "999 people killed" not in doc.text  # fenced code
    assert "code 123" not in doc.text  # inline code
    assert "example.org" not in doc.text  # link and autolink URLs
    assert "factlint-disable" not in doc.text  # HTML comment
    assert "title:" not in doc.text  # front matter
    assert "40\u00a0cm & roads" in doc.text  # entities decoded
    assert doc.metadata.published == dt.date(2024, 11, 4)
    assert doc.metadata.published_from == "front matter"
    assert [c.body.strip() for c in doc.comments] == ["factlint-disable-next-line A201"]


def test_markdown_paragraphs_and_sentences():
    doc = _doc("article.md")
    paras = [doc.text[p.start:p.end] for p in doc.paragraphs]
    assert paras[0] == "Flood waters recede in Valencia"
    assert paras[1].startswith("Rescue teams") and paras[1].endswith("reopening.")
    assert "Catarroja" in paras and "“dozens”" in paras


HTML_PLACES = [
    ("Gdańsk", (12, 17, 12, 23)),
    ("Tuesday", (12, 95, 12, 102)),  # inside <time>
    ("prosecutors", (13, 1, 13, 12)),  # next line of the same paragraph
    ("longest", (13, 30, 13, 37)),  # after &mdash;
    ("million", (14, 31, 14, 38)),  # after &euro; and &nbsp;
    ("expected", (14, 56, 14, 64)),
    ("Nowak", (15, 60, 15, 65)),  # table cell
]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize(("word", "where"), HTML_PLACES, ids=[w for w, _ in HTML_PLACES])
def test_html_positions(word, where, crlf):
    doc = _doc("article.html", crlf)
    assert _pos(doc, word) == where


def test_html_entity_maps_to_its_source():
    doc = _doc("article.html")
    line, col, _, _ = _pos(doc, "—")
    assert doc.line_text(line)[col - 1:col + 6] == "&mdash;"
    line, col, _, _ = _pos(doc, "&")
    assert doc.line_text(line)[col - 1:col + 4] == "&amp;"


def test_html_prose_excludes_script_style_code_and_reads_metadata():
    doc = _doc("article.html")
    assert "Tuesday (6/12)" not in doc.text
    assert "color" not in doc.text
    assert "rm -rf" not in doc.text
    assert doc.metadata.published == dt.date(2023, 5, 17)
    assert doc.metadata.title == "Court jails former mayor"


def test_html_time_element_gives_publication_date_without_meta():
    doc = parse("a.html", '<p>Published <time pubdate datetime="2021-03-02">2 March</time>.</p>')
    assert doc.metadata.published == dt.date(2021, 3, 2)


def test_plain_text_paragraphs_are_lines_unless_hard_wrapped():
    wire = "First paragraph, one line.\nSecond paragraph, another line.\n"
    assert len(parse("a.txt", wire).paragraphs) == 2
    wrapped = "A hard-wrapped paragraph that goes\non over two lines.\n\nAnd a second one that\nalso wraps.\n"
    doc = parse("b.txt", wrapped)
    assert [doc.text[p.start:p.end].split()[0] for p in doc.paragraphs] == ["A", "And"]


def test_plain_text_positions_are_identity_with_multibyte():
    doc = parse("a.txt", "Zürich – der Stadtrat tagte.\nMünchen: 3 Tote.\n")
    i = doc.text.index("Tote")
    assert doc.position(i, i + 4) == (2, 12, 2, 16)


@pytest.mark.parametrize(("name", "src", "fmt"), [
    ("a.md", "", "markdown"), ("a.HTM", "", "html"), ("a.txt", "", "text"),
    ("-", "<!DOCTYPE html><p>x</p>", "html"), ("-", "---\ndate: 2020-01-01\n---\nx", "markdown"),
    ("-", "Plain copy.", "text"),
])
def test_format_detection(name, src, fmt):
    assert format_for(name, src) == fmt


def test_sentences_respect_abbreviations_and_quotes():
    doc = parse("a.txt", 'Gen. Smith met U.S. officials in St. Louis on Jan. 5. "We agreed," he said. Talks resume Monday.\n')
    sents = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sents == [
        "Gen. Smith met U.S. officials in St. Louis on Jan. 5.",
        '"We agreed," he said.',
        "Talks resume Monday.",
    ]
