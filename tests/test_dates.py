"""The DateMention extractor and the reading of an article's dates."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint.formats import parse


def _mentions(text: str, **opts):
    doc = parse("a.txt", text, options=opts)
    return doc.dates.mentions


@pytest.mark.parametrize(("text", "want"), [
    ("on Thursday (6/1) police", dict(kind="num", weekday=3, numeric=(6, 1))),
    ("signed on 6/1/2022 in", dict(kind="numy", numeric=(6, 1), year=2022)),
    ("dated 2022-01-06 in", dict(kind="iso", year=2022, month=1, day=6)),
    ("on January 6 the", dict(kind="md", month=1, day=6, year=None)),
    ("on 6 January 2022 the", dict(kind="dm", month=1, day=6, year=2022)),
    ("on Jan. 6 the", dict(kind="md", month=1, day=6)),
    ("by the 6th, when", dict(kind="ordinal", day=6)),
    ("on Thursday, Jan. 6, officials", dict(kind="md", weekday=3, month=1, day=6)),
    ("from March 19-20 in", dict(kind="md", month=3, day=19, day2=20)),
    ("between 3 and 5 May in", dict(kind="dm", month=5, day=3, day2=5)),
    ("by mid-March the", dict(kind="part", month=3, part="mid")),
    ("in early 2022 the", dict(kind="part", year=2022, part="early")),
    ("in January 2022 the", dict(kind="my", month=1, year=2022)),
    ("said yesterday that", dict(kind="relative", relative="yesterday")),
    ("said last night that", dict(kind="relative", relative="last night")),
    ("on Monday, the", dict(kind="weekday", weekday=0)),
    ("next month the", dict(kind="relative", relative="next month")),
    ("Thursday 6 January 2022", dict(kind="dm", weekday=3, day=6, month=1, year=2022)),
    ("yesterday (5/1) at", dict(kind="relnum", numeric=(5, 1))),
])
def test_forms(text, want):
    ms = [m for m in _mentions(text) if m.kind == want["kind"]]
    assert ms, f"no {want['kind']} mention in {text!r}: {_mentions(text)}"
    for k, v in want.items():
        assert getattr(ms[0], k) == v, (k, getattr(ms[0], k), v)


@pytest.mark.parametrize("text", [
    "Arsenal won 3-1 at home and lost 52-48 on aggregate.",
    "Three quarters, or 3/4, of the seats were won.",
    "The meeting begins at 6:30 and ends at 8:45.",
    "Version 2.13.1 of the app and release 1.2.2022-rc fixed it.",
    "Call 555-0142 or +44 20 7946 0958 for details.",
    "Under section 31/2 of the act, article 6/1 applies.",
    "The ratio was 3:1 in favour, the service runs 24/7.",
    "In March 12 people died in the floods.",
])
def test_non_dates(text):
    assert [m for m in _mentions(text) if m.has_day] == []


def test_a_four_digit_count_is_not_a_year():
    (m,) = [m for m in _mentions("On Jan. 6, 1500 people marched.") if m.kind == "md"]
    assert m.year is None and m.text == "Jan. 6"


def test_two_digit_number_after_date_is_not_a_year():
    (m,) = [m for m in _mentions("On Monday 10 January, 53 had been arrested.") if m.kind == "dm"]
    assert m.year is None and m.weekday == 0


def test_a_year_alone_is_not_checked_against_a_weekday():
    doc = parse("a.txt", "On Monday, 2022 was declared the year of the river.")
    assert doc.dates.pairs == []


def test_order_and_year_inferred_from_weekday_pairs():
    doc = parse("a.txt", "It began on Wednesday (5/1). It ended on Thursday (6/1).\n")
    a = doc.dates
    assert {r.order for r in a.readings} == {"dmy"}
    assert 2022 in {r.year for r in a.readings}


def test_impossible_numbers_settle_the_order():
    doc = parse("a.txt", "Filed on 13/5/2021; heard on Tuesday (4/5).\n")
    assert doc.dates.orders == ("dmy",)


def test_config_forces_the_order():
    doc = parse("a.txt", "Heard on Tuesday (4/5).\n", options={"date_order": "mdy"})
    assert doc.dates.orders == ("mdy",)


def test_dateline_gives_publication_date():
    doc = parse("a.txt", "LONDON, Jan 6, 2022 (Reuters) - Police said on Wednesday ...\n")
    assert doc.dates.published == dt.date(2022, 1, 6)
    assert doc.dates.published_from == "dateline"


def test_nearest_date_follows_tense():
    doc = parse("a.txt", "The court ruled on December 28 that the ban was lawful.\n")
    doc.metadata.published = dt.date(2020, 1, 3)
    a = doc.dates
    (m,) = [m for m in a.mentions if m.kind == "md"]
    assert a.resolve(m, a.readings[0]) == dt.date(2019, 12, 28)


@pytest.mark.parametrize(("sentence", "tense"), [
    ("The trial, which began on 5 February 2024, will resume soon.", "past"),
    ("The trial will resume on 11 March 2024.", "future"),
    ("On 4 April, the minister said the shutdown would go on.", "past"),
])
def test_tense_of_the_verb_governing_a_date(sentence, tense):
    doc = parse("a.txt", sentence + "\n")
    (m,) = [m for m in doc.dates.mentions if m.day]
    assert doc.dates.tense(m) == tense
