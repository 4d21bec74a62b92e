"""Sentence splitting for news copy: abbreviations, initials and quotation marks aware."""

from __future__ import annotations

import re

from .document import Span

# Words that take a full stop without ending a sentence in wire copy.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cpl maj adm cmdr gov sen rep rev fr hon pres supt insp
    det st jr sr inc co corp ltd llc plc bros no nos vs v etc jan feb mar apr jun jul aug sep sept
    oct nov dec mt ft ave blvd rd approx dept est fig vol op e.g i.e u.s u.k u.n u.s.a d.c a.k.a
    ph.d al messrs mme mlle""".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    begin = start
    chunk = text[start:end]
    for m in _BOUNDARY.finditer(chunk):
        stop = start + m.end()
        punct_at = start + m.start()
        if text[punct_at] == ".":
            w = _WORD_BEFORE.search(text, max(begin, punct_at - 20), punct_at)
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) == 1 and w.group(1).isupper()):
                    continue
        spans.append(Span(begin, stop))
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append(Span(begin, end))
    return spans
