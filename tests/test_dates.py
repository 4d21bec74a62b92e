"""The DateMention extractor and the reading of an article's dates."""

from __future__ import annotations

import datetime as dt

import pytest

from factlint import lint_text
from factlint.formats import parse
from factlint.registry import all_rules


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


def test_a_month_and_number_after_a_determiner_is_a_date_even_before_a_count_noun():
    (m,) = [m for m in _mentions("Police charged the June 14 protesters.") if m.kind == "md"]
    assert (m.month, m.day) == (6, 14)
    assert [m for m in _mentions("In June 14 protesters were charged.") if m.has_day] == []


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
    # the verb group as a whole: `held` inside `will be held` is no past tense
    ("The run-off will be held on 9 June.", "future"),
    ("The run-off was held on 9 June.", "past"),
    ("The run-off has been held on 9 June in every cycle.", "past"),
    ("The run-off is to be held on 9 June.", "future"),
    ("The run-off is due to take place on 9 June.", "future"),
    ("The run-off is scheduled for 9 June.", "future"),
    ("The opposition plans to boycott the run-off on 9 June.", "future"),
    ("Talks are expected to resume on 9 June.", "future"),
    # no clear tense: present, conditional, a plan told in the past, a bound
    ("Talks could resume on 9 June.", ""),
    ("The run-off was scheduled for 9 June.", ""),
    ("The rebels vowed to return on 9 June.", ""),
    ("Parliament approved the new rules to take effect on 9 June.", ""),
    ("The run-off has been postponed until 9 June.", ""),
    # the present with a date is a schedule
    ("The deadline is 9 June.", "present"),
    ("It takes effect on 9 June.", "present"),
    ("The port does not reopen until 9 June.", "present"),
    ("The new levy takes effect on 9 June, the treasury said.", "present"),
    ("The treasury said the new levy takes effect on 9 June.", "present"),
    ("The night ferry resumes on 9 June.", "present"),
    # ... but a plural noun before its verb is no present tense
    ("Oil prices rose on 9 June.", "past"),
    ("Trade talks resumed on 9 June.", "past"),
    ("On 9 June, two candidates, both senators, ended their campaigns.", "past"),
    ("The treasury said the new levy would apply from 9 June.", ""),
    # a verb of saying dates the saying only when the date is attached to it
    ("The treasury said on 9 June that the levy would rise.", "past"),
    ("Officials told journalists on 9 June that two men were held.", "past"),
    ("The treasury announced in a statement on 9 June that the levy would rise.", "past"),
    ("The results were certified on 9 June, the commission said.", "past"),
    ("The agency declared the outbreak an emergency on 9 June.", "past"),
    # the main verb, not a closed subordinate clause or a participial phrase
    ("The levy, which was approved in March, applies from 9 June.", ""),
    ("Customs officers seized 40 crates, including two of rifles, on 9 June.", "past"),
    ("The carnival is scheduled to open in early June, followed by a parade on 9 June.", "future"),
    ("The ambassador, 61, died on 9 June.", "past"),
    ("Voting in the first round, held on 9 June, was calm.", "past"),
    ("Schools will stay closed until 9 June.", "future"),
    ("The port has been closed since 9 June.", "past"),
    ("The board on 9 June announced the closure.", "past"),
    ("Late on 9 June, the coastguard said the ferry had sunk.", "past"),
])
def test_tense_of_the_verb_governing_a_date(sentence, tense):
    doc = parse("a.txt", sentence + "\n")
    (m,) = [m for m in doc.dates.mentions if m.day]
    assert doc.dates.tense(m) == tense


def _findings(text: str, published: str, code: str):
    return [f for f in lint_text(text, published=published, select=[code]) if f.code == code]


@pytest.mark.parametrize(("text", "published"), [
    # the examples of issue 15 ...
    ("The new law takes effect on Thursday, January 4, the ministry said.", "2023-12-20"),
    ("The general election will be held on Sunday 5 November.", "2023-03-08"),
    # ... and the same shapes in other words, with other dates and weekdays
    ("The port reopens to cargo ships on Monday, March 2, its operator said.", "2026-02-20"),
    ("A new cabinet is due to be sworn in on Friday 10 April, party officials said.", "2026-01-05"),
    ("The court will hand down its verdict on Tuesday 31 March.", "2025-12-30"),
])
def test_a_correct_date_about_the_future_is_not_an_error(text, published):
    assert _findings(text, published, "D101") == []


def test_will_be_held_with_its_year_is_not_a_past_event_after_publication():
    assert _findings("The general election will be held on 5 November 2023.", "2023-03-08", "D104") == []
    assert _findings("The second round will be decided on 28 September 2025.", "2025-06-02", "D104") == []


def test_a_weekday_wrong_under_every_reading_is_an_error():
    (f,) = _findings("The port reopens to cargo ships on Tuesday, March 2, its operator said.", "2026-02-20", "D101")
    assert f.severity == "error" and f.suggestion == "Monday, March 2" and "2 March 2026" in f.message


def test_a_weekday_that_fits_only_against_the_tense_is_a_warning():
    # 21 March 2026 is a Saturday and 21 March 2025 a Friday: the sentence tells of the past
    (f,) = _findings("The regional vote was held on Saturday, 21 March, officials said.", "2026-02-25", "D101")
    assert f.severity == "warning" and f.suggestion is None
    assert "21 March 2025" in f.message and "21 March 2026" in f.message


def test_relative_day_names_the_date_it_reasoned_with_and_suggests_its_weekday():
    (f,) = _findings("Protesters gathered outside the embassy yesterday (5/1) and again this morning.",
                     "2022-01-07", "D105")
    assert "5 January 2022" in f.message and f.suggestion == "on Wednesday"
    # the same shape in other words: 8 November 2024 was a Friday, `today` is 9 November
    (f,) = _findings("Unions marched through the capital today (8/11), police said.", "2024-11-09", "D105")
    assert "8 November 2024" in f.message and f.suggestion == "on Friday"


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.code.startswith("D")], ids=lambda r: r.code)
def test_the_suggestion_for_a_documented_example_is_what_its_instead_writes(rule):
    """`factlint explain` and the finding must agree: the suggestion is the Instead's wording."""
    published = (rule.section("Published") or "").split()
    opts = {"select": [rule.code], **({"published": published[0]} if published else {})}
    for f in lint_text(rule.section("Example"), **opts):
        if f.suggestion:
            assert f.suggestion in rule.section("Instead"), (f.suggestion, rule.section("Instead"))
