"""Figures in context (analysis/figures.py, analysis/quantities.py): what a count counts, whose
claim it is, parts and the lists that name every part."""

from __future__ import annotations

import pytest

from factlint.analysis import parse
from factlint.analysis.figures import figures
from factlint.analysis.nouns import head_noun, singular


def _sources(text: str) -> list[tuple[str, str | None]]:
    doc = parse(text)
    return [(f.q.text, f.source) for f in figures(doc)]


@pytest.mark.parametrize(("text", "expected"), [
    # a reporting clause in the sentence gives the figure
    ("Forty people were hurt, the fire service said.", [("Forty", "fire service")]),
    ("According to the ministry, 12 people were arrested.", [("12", "ministry")]),
    # a definite total is the article's own claim, even in a reported sentence
    ("Officials said the 12 people killed had all been identified.", [("12", None)]),
    # nobody gives it
    ("Nine people died in the crash.", [("Nine", None)]),
    # two reporting clauses in one sentence: each figure is its own clause's
    ("Organisers said 50,000 people marched; police put the number at 12,000.",
     [("50,000", "organisers"), ("12,000", "police")]),
    # a vague source names no one
    ("Reportedly, 30 people were detained.", [("30", None)]),
    # nor does a reporting verb in the passive, whose subject is what is reported on
    ("It was reported that 30 people were detained.", [("30", None)]),
    ("Six women were convicted on Monday. A seventh woman was found not guilty.", [("Six", None)]),
    # unless it names its agent
    ("Fourteen deaths were confirmed on Friday by the health ministry.", [("Fourteen", "health ministry")]),
    ("The minister was quoted as saying 40 people had fled.", [("40", "minister")]),
])
def test_whose_claim_a_figure_is(text, expected):
    assert _sources(text) == expected


def test_attribution_carried_over_the_paragraph():
    doc = parse("Police said the march was peaceful. 27 people were detained.\nMore than 30 were hurt.")
    by_text = {f.q.text: f.source for f in figures(doc)}
    assert by_text["27"] == "police"
    assert by_text["More than 30"] is None  # another paragraph


@pytest.mark.parametrize(("word", "single"), [
    ("countries", "country"), ("migrants", "migrant"), ("people", "person"), ("churches", "church"),
    ("children", "child"), ("bus", "bus"), ("police", "police"),
])
def test_singular(word, single):
    assert singular(word) == single


@pytest.mark.parametrize(("head", "noun"), [
    ("members of the security forces", "member"), ("trapped miners", "miner"),
    ("police officers", "officer"), ("of the survivors", "survivor"), ("", ""),
])
def test_head_noun(head, noun):
    assert head_noun(head) == noun


def test_compound_head_and_dozen():
    doc = parse("Gunmen held two dozen hostages and eight police officers.")
    assert [(q.value, q.noun) for q in doc.quantities] == [(24, "hostage"), (8, "officer")]


def test_a_year_before_a_singular_noun_is_not_a_count():
    assert [q.text for q in parse("The 2020 presidential election was close.").quantities] == []
    assert [q.text for q in parse("More than 2,000 were arrested.").quantities] == ["More than 2,000"]


def test_a_list_of_every_part_after_a_dash():
    qs = parse("Gunmen killed 15 people — eight police officers and nine civilians.").quantities
    assert [(q.text, q.part_of, q.exhaustive) for q in qs] == [
        ("15", None, False), ("eight", 0, True), ("nine", 0, True)]


def test_a_list_after_including_names_only_some():
    qs = parse("The storm killed 12 people, including three children and two guards.").quantities
    assert [(q.part_of, q.part_list, q.exhaustive) for q in qs[1:]] == [(0, 1, False), (0, 1, False)]


def test_a_list_ending_in_others_names_only_some():
    qs = parse("The crash hurt 30 people — 12 pupils, four teachers and others.").quantities
    assert [q.part_of for q in qs] == [None, None, None]


def test_of_the_noun_is_a_part_of_a_count_of_that_noun():
    qs = parse("At least 18 people died. Doctors said 149 of the survivors were hurt.").quantities
    assert qs[1].part_of is None
    qs = parse("The boat carried 60 migrants. Doctors said 14 of the migrants were ill.").quantities
    assert qs[1].part_of == 0


def test_of_the_total_leading_a_sentence():
    qs = parse("Of the 12 dead, seven were children.").quantities
    assert qs[1].part_of == 0


def test_the_rest_of_a_group():
    doc = parse("The other three vaccines failed. Eight more people were hurt.")
    assert [f.rest for f in figures(doc)] == [True, True]


@pytest.mark.parametrize(("text", "category"), [
    # a group coordinated with the count stands between it and its verb, or before it
    ("Two nurses and a porter were injured when the ceiling fell.", "injured"),
    ("The blast killed a guard and three miners.", "killed"),
])
def test_what_happened_to_a_count_listed_with_another_group(text, category):
    assert [q.category for q in parse(text).quantities] == [category]


def _restated(text: str) -> bool:
    from factlint.analysis.figures import Restatement

    doc = parse(text)
    a, b = figures(doc)
    return Restatement(doc).same_claim(a, b)


@pytest.mark.parametrize(("text", "same"), [
    ("Four men were held on Monday. The five men were questioned.", True),  # anaphoric subject
    ("Four men were held on Monday. The five men questioned were released.", False),  # narrowed
    ("Four men were held on Monday. Five men were questioned.", False),  # no determiner: another group
    ("Four men were held on Monday. Lawyers for the five men were in court.", False),  # not the subject
    ("Four men were held on Monday. On Tuesday, the five men were questioned.", True),
    ("Four men were held on Monday. Police said that the five men were questioned.", True),
    ("It plans to open 30 stores. It plans to open 25 stores.", True),  # the same predication
    ("Ortiz won 30 seats. Her rival Blanco won 25 seats.", False),  # another subject
    ("Shelling wounded a nurse and four soldiers. Three soldiers and a nurse were wounded.", True),
    ("Shelling wounded a nurse and four soldiers. Three soldiers and a medic were wounded.", False),
])
def test_a_later_count_that_gives_the_same_claim_again(text, same):
    assert _restated(text) is same


@pytest.mark.xfail(strict=True, reason="a participle after a definite total narrows it (`the 12 "
                   "lorries searched`), but so it reads in `the 31 districts scheduled to vote`, "
                   "the same group as `13 districts`: N101 does not tell them apart and reads neither")
def test_a_participle_after_a_definite_total_narrows_it():
    from factlint import lint_text

    text = "Customs officers stopped 40 lorries at the border on Monday.\nThe 12 lorries searched carried cigarettes."
    assert lint_text(text, select=["N101"]) == []


@pytest.mark.parametrize(("text", "other"), [
    # a clock time beside a weekday or a time zone is no year (`20:24` written `2024`)
    ("The quake hit at 6:15 local time on Sunday (2215 Saturday, UTC), injuring 12 people.", False),
    ("The ferry sank at 2030 GMT on Monday, drowning 12 people.", False),
    ("In 2024 a quake struck the same coast, injuring 25 people.", True),
])
def test_a_four_digit_clock_time_is_not_another_year(text, other):
    from factlint.analysis.figures import Timeline

    doc = parse(text, published="2019-07-15")
    assert Timeline(doc).other_year(0) is other
    assert other or all(m.year is None for m in doc.dates.mentions)


@pytest.mark.xfail(strict=True, reason="`all 33 passengers` is the whole; a later bare `carried 30 passengers` "
                   "is the whole again, but `30 passengers were from Ohio` would be a part: N101 compares "
                   "a definite total only with a larger later count")
def test_a_smaller_count_after_the_whole_given_with_all():
    from factlint import lint_text

    text = ("The sinking of the ferry took the lives of all 41 passengers.\n"
            "The ferry, which left port at dawn, carried 38 passengers and five crew.")
    assert [f.code for f in lint_text(text, select=["N101"])] == ["N101"]
