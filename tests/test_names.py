"""Names (S101, S401): how two spellings relate, the evidence that a spelling is a word or name
of its own, the index that finds neighbours without comparing every pair, and the examples of
issue 15 each as a test."""

from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.analysis import parse
from factlint.analysis.known_words import known_beside
from factlint.analysis.spelling import SpellingIndex, given_names_compatible, name_key, relation


def _codes(text: str, sources: dict[str, str] | None = None, tmp_path=None) -> list[tuple[str, str, str | None]]:
    paths = []
    for name, body in (sources or {}).items():
        p = tmp_path / name
        p.write_text(body, encoding="utf-8")
        paths.append(str(p))
    found = lint_text(text, select=["S101", "S401"], sources=paths)
    lines = text.split("\n")
    return [(f.code, lines[f.line - 1][f.column - 1:f.end_column - 1], f.suggestion) for f in found]


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("Nazarbaev", "Nazarbayev", "transliteration"),
    ("Klerck", "Klerk", "transliteration"),
    ("Lukashenka", "Lukashenko", "transliteration"),
    ("Hifter", "Haftar", "vowels"),
    ("Tikhanovskaya", "Tsikhanouskaya", "near"),
    ("Khrakiv", "Kharkiv", "slip"),
    ("Trmup", "Trump", "slip"),
    ("Cihna", "China", "slip"),
    ("Macorn", "Macron", "slip"),
    ("Univeristy", "University", "near"),
    ("Afrrican", "African", "transliteration"),  # a doubled letter
    ("Mother’s", "Mother's", None),
    ("White-", "White", None),
    ("African-", "African", None),
    ("M’membe", "Mmembe", None),
    ("Petrova", "Petrov", None),
    ("Kenyan", "Kenya", None),
    ("Ivanovo", "Ivanova", "slip"),  # a changed last letter is a slip, an added one an ending
    ("Hary", "Harry", "transliteration"),
    ("Hari", "Harry", None),
    ("Perrin", "Kerrin", None),
    ("Biden", "Baden", "slip"),  # by spelling alone: known_words tells the two names apart
    ("Kerry", "Kary", None),  # too short for a slip
    ("Piedmontesa", "Piedmontese", "vowels"),
])
def test_relation(a, b, kind):
    assert relation(a, b) == kind
    assert relation(b, a) == kind


def test_keys_fold_typography_only():
    assert name_key("Mother’s") == name_key("mother's") == name_key("MOTHER") == "mother"
    assert name_key("White-") == "white"
    assert name_key("Jones’") == "jones"
    assert name_key("O’Neill") == name_key("O'Neill")


@pytest.mark.parametrize(("variant", "other", "known"), [
    ("Iraq", "Iran", True),
    ("Austria", "Australia", True),
    ("Guiana", "Guyana", True),
    ("Khrakiv", "Kharkiv", False),
    ("Univeristy", "University", False),
    ("Trmup", "Trump", False),
    ("Hifter", "Haftar", False),
    ("Ukraina", "Ukraine", True),  # the name in another language
    ("Russio", "Russia", False),
])
def test_a_variant_is_known_by_how_often_english_uses_it(variant, other, known):
    assert known_beside(variant, other) is known


def test_given_names():
    assert given_names_compatible("Paulo", "Paolo")
    assert given_names_compatible("Aliaksei", "Alexei")
    assert given_names_compatible("F", "Frederik")
    assert not given_names_compatible("Tamsin", "Orla")
    assert not given_names_compatible("Un", "Nam")


def test_the_index_finds_neighbours_without_pairs():
    """One neighbour among thousands of unrelated spellings: `near` returns it and few others,
    whatever the number filed."""
    filler = [f"Zq{a}{b}{c}vok" for a in "abcdefghij" for b in "klmnoprstu" for c in "aeiouvwxyz"]
    index = SpellingIndex([*filler, "Kharkiv", "Tsikhanouskaya"])
    assert index.near("Khrakiv") == ["Kharkiv"]
    assert index.near("Tikhanovskaya") == ["Tsikhanouskaya"]
    assert len(index.near(filler[0])) < 40


@pytest.mark.parametrize(("text", "slip", "right"), [
    ("Emmanuel Macron arrived in Lyon on Tuesday. Macron met mayors. Aides said Macorn would speak.",
     "Macorn", "Macron"),
    ("Donald Trump spoke in Ohio. Trump said the plan would pass. Trmup later left.", "Trmup", "Trump"),
    ("China said exports rose. China's ministry gave no figure. Analysts said Cihna would wait.",
     "Cihna", "China"),
    ("Shelling hit Kharkiv overnight. Kharkiv lost power. Officials in Khrakiv said it was back.",
     "Khrakiv", "Kharkiv"),
    ("Staff at Lakeland University walked out. Lakeland University closed. Lakeland Univeristy "
     "said talks would resume.", "Univeristy", "University"),
])
def test_a_misspelt_proper_noun_needs_no_transliteration_rule(text, slip, right):
    assert _codes(text) == [("S101", slip, right)]


@pytest.mark.parametrize("text", [
    "The Mother’s Day march began at noon. Mother's Day organisers said the Mother’s Day fund grew.",
    "The White House said White- and blue-collar jobs grew. The White House gave no figures.",
    "An African- and Asian-led group met African officials. African ministers spoke first.",
    "Kim Jong Un met his sister Kim Yo Jong on Monday. Kim Jong Nam was killed in 2017.",
])
def test_typography_and_two_people_are_never_variants(text):
    assert _codes(text) == []


def test_source_and_article_give_one_advice(tmp_path):
    """`Gentilloni` in the article, `Gentiloni` in the source: S401 says use the source's spelling
    and S101 does not tell the source's spelling to become the article's."""
    text = ("Paolo Gentilloni met the press on Monday. Gentilloni said talks would go on.\n"
            "Gentiloni left for Rome.")
    found = _codes(text, {"wire.txt": "Prime Minister Paolo Gentiloni said talks would continue."}, tmp_path)
    assert found == [("S401", "Gentilloni", "Gentiloni")] * 2


def test_a_name_s401_reports_is_not_reported_again(tmp_path):
    text = "Paolo Gentiloni met the press. Gentiloni said talks would go on. Gentilloni left for Rome."
    found = _codes(text, {"wire.txt": "Prime Minister Paolo Gentiloni said talks would continue."}, tmp_path)
    assert found == [("S401", "Gentilloni", "Gentiloni")]


@pytest.mark.parametrize(("text", "source", "name", "right"), [
    ("Paulo Gentilloni said the coalition would hold.", "Paolo Gentiloni said the coalition would hold.",
     "Gentilloni", "Gentiloni"),
    ("Aleksandr Lukashenka said the vote was fair.", "Aleksandr Lukashenko said the vote was fair.",
     "Lukashenka", "Lukashenko"),
])
def test_s401_matches_compatible_given_names_and_transliterated_endings(text, source, name, right, tmp_path):
    assert _codes(text, {"src.txt": source}, tmp_path) == [("S401", name, right)]


def test_different_given_names_against_the_source_are_two_people(tmp_path):
    found = _codes("Her brother Dmitry Gentilloni was not there.",
                   {"src.txt": "Paolo Gentiloni said the coalition would hold."}, tmp_path)
    assert found == []


def test_a_possessive_ends_a_name():
    names = [(m.first, m.surname) for m in parse("Kazakhstan's President Kassym Tokayev spoke. "
                                                  "Ridus’ Ustream channel went dark.").names.mentions]
    assert ("", "Kazakhstan") in names and ("Kassym", "Tokayev") in names
    assert ("", "Ridus") in names and ("", "Ustream") in names


def test_the_word_list_is_read_as_wordfreq_reads_it():
    """known_words reads wordfreq's file itself (for speed): its answers are wordfreq's, both while
    it scans the list and once it has indexed it."""
    from wordfreq import zipf_frequency

    from factlint.analysis import known_words

    table = known_words._centibels()
    assert table is not None
    sample = [w for bucket in table.buckets[250:700:9] for w in bucket[:1]]
    sample += ["Kharkiv", "Khrakiv", "Univeristy", "al-Sadr", "O’Neill", "Díaz", "Okonjo-Iweala"]
    assert len(sample) > known_words.SCANS
    for word in sample:
        assert known_words.zipf(word) == pytest.approx(zipf_frequency(word, "en"), abs=0.011), word
    assert table.index is not None
