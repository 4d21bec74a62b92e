"""The analysis API newsrooms build on: quantities, attributions, quotes."""

from __future__ import annotations

import math

from factlint.analysis import Quantity, parse


def _q(text):
    return parse(text).quantities


def test_quantity_intervals_and_categories():
    (q,) = _q("About 2,500 troops would be sent to Kazakhstan.")
    assert isinstance(q, Quantity)
    assert (q.low, q.high, q.category, q.hedge) == (2250, 2750, "troops", "approx")
    (q,) = _q("At least 18 members of the security forces were killed.")
    assert (q.low, q.high, q.category, q.who) == (18, math.inf, "killed", "members security forces")
    (q,) = _q("Police said they had killed dozens of rioters.")
    assert (q.low, q.high, q.category) == (24, 99, "killed")
    (q,) = _q("The 29 victims were named on Friday.")
    assert q.definite and q.exact and q.category == "victims"


def test_number_words_ranges_money_percent():
    assert [(q.value, q.unit) for q in _q("Twenty-one people and a dozen police officers.")] == [(21, ""), (12, "")]
    (q,) = _q("Between 10 and 12 people were hurt.")
    assert (q.low, q.high, q.hedge) == (10, 12, "range")
    (q,) = _q("The fraud cost $2.5 million.")
    assert (q.value, q.unit) == (2_500_000, "USD")
    (q,) = _q("Turnout was 61.5 percent.")
    assert (q.value, q.unit) == (61.5, "percent")


def test_not_counts():
    text = "In 2019, at 6:30, the 78-year-old won 3-1 on a 10-day trip of 40 km in COVID-19 times."
    assert _q(text) == []


def test_updates_and_parts():
    qs = _q("The death toll rose to 40. The blast killed 18 people, including 20 police officers.")
    assert qs[0].update and qs[0].category == "killed"
    assert qs[2].part_of == 1


def test_attribution_sources_and_coverage():
    doc = parse("Police said the crowd turned violent. At least 30 people were injured.\nMore than 2,000 were arrested.")
    (a,) = doc.attributions
    assert (a.verb, a.source) == ("said", "Police")
    inj, arr = doc.quantities
    assert a.covers(inj.start) and not a.covers(arr.start)


def test_quotes():
    doc = parse("“We will not leave,” one protester told Reuters.")
    (q,) = doc.quotes
    assert (q.kind, q.closed) == ("double", True)


def test_hyphen_ranges_but_not_scores():
    (q,) = _q("Police said 10-12 people were hurt.")
    assert (q.low, q.high, q.hedge) == (10, 12, "range")
    assert [q.text for q in _q("Arsenal won 3-1 and lost 2-0.")] == []


def test_who_gave_a_figure_and_who_spoke_a_quote():
    from factlint.analysis.attribution import source_of, speaker

    doc = parse("At least 31 people died, police said. “We are still searching,” said the fire chief.")
    (q,) = doc.quantities
    assert source_of(doc, q.start) == "police"
    (quote,) = doc.quotes
    assert speaker(doc, quote) == "the fire chief"


def test_dateline_without_year_takes_the_articles_year():
    doc = parse("LONDON, Jan 6 (Reuters) - Police said on Wednesday, 5 January 2022, that ...")
    assert str(doc.dates.published) == "2022-01-06"


def test_a_particle_is_a_word_not_the_end_of_one():
    """`Minister Kyriakos Mitsotakis` is Kyriakos Mitsotakis (not `ter Kyriakos ...`), while
    `de Klerk` keeps its particle."""
    doc = parse("Prime Minister Kyriakos Mitsotakis met the journalist Ziad Sharabi and F. W. de Klerk.")
    names = {(m.text, m.first, m.surname) for m in doc.names.mentions}
    assert ("Kyriakos Mitsotakis", "Kyriakos", "Mitsotakis") in names
    assert ("Ziad Sharabi", "Ziad", "Sharabi") in names
    assert ("de Klerk", "", "Klerk") in names
    later = parse("The talks (de Klerk had called them) went on. Nobody made Klerk smile.").names.mentions
    assert [m.text for m in later if m.surname == "Klerk"] == ["de Klerk", "Klerk"]


def test_currency_sign_must_stand_before_the_figure():
    (q,) = _q("Tesco sold Rs 500 worth of stock.")
    assert (q.value, q.unit) == (500, "Rs")
    # the end of `hours` is not rupees: the time is not a figure at all
    assert _q("Kipchoge ran the distance in under two hours 1 minute.") == []


def test_a_hedge_is_whole_words():
    (q,) = _q("Moreover 20 people were hurt in the crash, police said.")
    assert (q.hedge, q.low, q.high) == ("", 20, 20)  # not `over 20`
    (q,) = _q("Organisers said the march drew (about 300 people) to the square.")
    assert (q.hedge, q.text) == ("approx", "about 300")
    (q,) = _q("The strike left no fewer than 40 flights grounded.")
    assert (q.hedge, q.text) == ("min", "no fewer than 40")
