"""The indexes of the figures and attribution work answer as the scans they replaced: quotations
by binary search, attributions by paragraph, lexicons by kind, on real copy and on made cases."""

from __future__ import annotations

import pytest

from factlint.analysis import parse
from factlint.analysis.attribution import AttributionIndex, same_source
from factlint.analysis.lexicon import lexicon_data, lexicon_kind
from tests.conftest import any_corpus, corpus_articles


def _articles(n: int = 25):
    return corpus_articles(any_corpus())[:n]


def test_quotation_lookup_is_the_scan_it_replaced():
    for art in _articles():
        doc = parse(art.text)
        quotes = doc.quotes
        for t in doc.tokens[::7]:
            scan = any(q.start < t.start and t.end <= q.end for q in quotes)
            assert doc.quote_scan.encloses(t.start, t.end) == scan, (art.name, t)
            dbl = any(q.start < t.start and t.end <= q.end for q in quotes if q.kind == "double")
            assert doc.quote_scan.encloses(t.start, t.end, double=True) == dbl, (art.name, t)


def test_nested_quotations():
    doc = parse("“She said ‘no’ twice and left,” he wrote.")
    no = doc.text.index("no")
    assert doc.in_quotation(no, no + 2)
    assert doc.quote_scan.encloses(no, no + 2, double=True)
    assert not doc.in_quotation(doc.text.index("wrote"), doc.text.index("wrote") + 5)


def test_attribution_lookup_is_the_scan_it_replaced():
    for art in _articles():
        doc = parse(art.text)
        index = AttributionIndex(doc)
        for t in doc.tokens[::11]:
            scan = {id(a) for a in doc.attributions if a.covers(t.start)}
            assert {id(a) for a in index.covering(t.start)} == scan, (art.name, t)


def _scan_in_order(doc, offset):
    k = doc.sentence_at(offset)
    found = [a for a in doc.attributions if a.covers(offset)]
    return sorted(found, key=lambda a: (a.sentence != k, abs(a.sentence - k), a.sentence > k, a.verb_start))


def test_attribution_order_is_the_sort_it_replaced_in_one_long_paragraph():
    # corpus articles run together as one paragraph (every attribution covers all of it), and a
    # made one with sentence-only sources (`reportedly`) among them
    made = " ".join(f"Reportedly {n} homes burned in Arlen. Crews said {n + 1} roads were shut."
                    f" {n + 2} people left, a mayor told reporters." for n in range(3, 60, 7))
    for text in [" ".join(art.text.split()) for art in _articles(6)] + [made]:
        doc = parse(text)
        assert len(doc.paragraphs) == 1
        index = AttributionIndex(doc)
        for t in doc.tokens[::5]:
            assert [id(a) for a in index.covering(t.start)] == [id(a) for a in _scan_in_order(doc, t.start)]


def test_what_rules_derive_from_a_document_is_made_once():
    doc = parse("Police said 27 people were detained on Monday. Officials said 30 were held.")
    made = []

    def build(d):
        made.append(d)
        return object()

    assert doc.derived(build) is doc.derived(build) and made == [doc]
    assert doc.derived(AttributionIndex) is doc.derived(AttributionIndex)
    assert parse(doc.text).derived(build) is not doc.derived(build)  # one per document


def test_nearest_attribution_first():
    doc = parse("Police said the march was calm. 27 people were detained, the ministry said.")
    index = AttributionIndex(doc)
    (q,) = doc.quantities
    assert [a.source for a in index.covering(q.start)] == ["the ministry", "Police"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("agency", "disaster agency", True), ("police", "police", True), ("spokesman", "police spokesman", True),
    ("militant spokesman", "provincial spokesman", False), ("police", "organisers", False),
    ("ministry", "interior ministry spokesman", False),
])
def test_same_source(a, b, same):
    assert same_source(a, b) is same and same_source(b, a) is same


def test_lexicon_kinds(tmp_path):
    q = tmp_path / "q.toml"
    q.write_text('[category.strikes]\nverbs = ["walked out"]\nnouns = ["strikers"]\n', encoding="utf-8")
    a = tmp_path / "a.toml"
    a.write_text('verbs = ["averred"]\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe not toml")
    assert (lexicon_kind(q), lexicon_kind(a), lexicon_kind(bad)) == ("quantities", "attribution", "")
    shipped, extra = lexicon_data("quantities", (str(q),))
    assert "killed" in shipped["category"] and extra["category"]["strikes"]["nouns"] == ["strikers"]
    with pytest.raises(ValueError):
        lexicon_data("wording")
