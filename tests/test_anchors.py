"""Patterns tried only where they can begin (Document.word_starts / number_starts + scan) must
find exactly what the same pattern finds when tried at every character."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis import dates, parse, quantities
from factlint.document import scan

# words that start date and figure patterns, mixed with ordinary words, digits and punctuation
VOCAB = [
    "Monday", "Thursday's", "Sunday", "January", "Jan.", "March", "mid-March", "May", "Sept",
    "on", "On", "the", "The", "early", "Late", "last", "night", "next", "week", "this", "year",
    "today", "yesterday", "Tomorrow", "between", "and", "to", "a", "few", "dozens", "of",
    "several", "hundreds", "thousands", "tens", "twenty-one", "one", "Three", "hundred",
    "police", "said", "rose", "went", "up", "so", "far", "as", "COVID-19", "F-16s", "said,",
    "6", "12", "2,500", "19-20", "3/4", "6/1", "6/1/2022", "2022-01-06", "1990s", "3rd",
    "10th", "(6/1)", "$5", "€20", "US$3", "Rs", "500", "40", "percent", "%", "people",
    "killed", "million", "km", ",", ".", "(", ")", "—", "’s", "\n\n",
]

texts = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=60).map(" ".join)


def _spans(matches):
    return [m.span() for m in matches]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_date_patterns_found_only_where_they_can_begin(text):
    doc = parse(text)
    for kind, pattern in dates._PATTERNS:
        words = dates._STARTS[kind]
        starts = doc.word_starts(w for w in words if w != "#")
        if "#" in words:
            starts = sorted(set(starts).union(doc.number_starts))
        assert _spans(scan(pattern, doc.text, starts)) == _spans(pattern.finditer(doc.text)), kind


@settings(max_examples=300, deadline=None)
@given(texts)
def test_figure_patterns_found_only_where_they_can_begin(text):
    doc = parse(text)
    t = doc.text
    number_words = quantities._NUMBER_WORD_LIST
    assert _spans(scan(quantities._NUM_WORDS, t, doc.word_starts(number_words))) == _spans(
        quantities._NUM_WORDS.finditer(t))
    assert _spans(scan(quantities._VAGUE_RE, t, doc.word_starts(quantities._VAGUE_FIRST))) == _spans(
        quantities._VAGUE_RE.finditer(t))
    assert _spans(scan(quantities.UPDATE_WORDS, t, doc.word_starts(quantities._UPDATE_FIRST))) == _spans(
        quantities.UPDATE_WORDS.finditer(t))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_number_starts_are_digits_that_begin_a_word(text):
    doc = parse(text)
    expected = [m.start() for m in re.finditer(r"(?<!\w)\d", doc.text)]
    assert doc.number_starts == expected


def test_word_starts_include_pieces_of_hyphenated_words():
    doc = parse("Talks resumed in mid-March after the Thursday's vote and a twenty-one gun salute.")
    t = doc.text
    assert [t[i:i + 5] for i in doc.word_starts(("march",))] == ["March"]
    assert [t[i:i + 3] for i in doc.word_starts(("mid",))] == ["mid"]
    assert [t[i:i + 8] for i in doc.word_starts(("thursday",))] == ["Thursday"]
    assert [t[i:i + 3] for i in doc.word_starts(("one",))] == ["one"]
    assert doc.word_starts(("absent",)) == []


def test_scan_stops_at_endpos():
    text = "rose fell rose"
    pattern = re.compile(r"rose|fell")
    assert [m.group() for m in scan(pattern, text, [0, 5, 10], endpos=9)] == ["rose", "fell"]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_tokens_are_the_words_with_their_spans(text):
    from factlint.document import _WORD

    doc = parse(text)
    expected = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _WORD.finditer(doc.text)]
    assert [tuple(t) for t in doc.tokens] == expected


def test_phrase_at_its_anchor_word():
    doc = parse("The coach was given free reign over transfers, in a bid to distract fans.")
    norms = [t.norm for t in doc.tokens]
    reign, distract = norms.index("reign"), norms.index("distract")
    assert doc.phrase_at(reign, ("free", "reign"), 1) == reign - 1
    assert doc.phrase_at(distract, ("in", "a", "bid", "to", "distract"), 4) == distract - 4
    assert doc.phrase_at(distract, ("in", "the", "bid", "to", "distract"), 4) is None  # a middle word differs
    assert doc.phrase_at(reign, ("reign", "of", "terror"), 0) is None  # the next word differs
    assert doc.phrase_at(0, ("before", "the"), 1) is None  # would start before the text
    assert doc.phrase_at(len(norms) - 1, ("fans", "cheered"), 0) is None  # would end after it
