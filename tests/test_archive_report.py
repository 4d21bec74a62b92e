"""Across an archive: `factlint names` (one name spelled several ways) and `factlint report` (one
self-contained HTML page)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import SEEDS, any_corpus, run_cli

from factlint.archive import lint_batch
from factlint.archive.names import count_names, variant_groups
from factlint.archive.report import Summary, render
from factlint.engine import RunOptions

# written for these tests: one official transliterated two ways in different stories, a slip in
# one story, and two look-alike family names in two stories that may well be two families
NAMES = [
    {"id": "kyiv-1", "published": "2021-03-01",
     "text": "Oleksandr Kovalenko met reporters in Odesa on Monday.\n\nKovalenko said the bridge would reopen in May.\n"},
    {"id": "kyiv-2", "published": "2021-05-02",
     "text": "Oleksandr Kowalenko visited the port.\n\nKowalenko said ships were waiting.\n"},
    {"id": "kyiv-3", "published": "2021-04-11", "text": "Kovalenko told the council the budget was short.\n"},
    {"id": "oslo-1", "published": "2021-02-03",
     "text": "Margarethe Vintergrund opened the session.\n\nLater Vintregrund said the vote would wait.\n\n"
             "Vintergrund left early.\n"},
    {"id": "mill-1", "published": "2021-06-07", "text": "The Hallerstein family sold the mill.\n"},
    {"id": "farm-1", "published": "2021-06-08", "text": "The Hallerstain family bought a farm.\n"},
]


def groups(articles):
    return [[s.as_dict() for s in g] for g in variant_groups(count_names(articles, RunOptions(isolated=True)))]


def test_names_spelled_two_ways_across_stories_with_counts_dates_and_examples():
    assert groups(NAMES) == [
        [{"spelling": "Kovalenko", "mentions": 3, "articles": 2, "first": "2021-03-01", "last": "2021-04-11",
          "examples": ["kyiv-1", "kyiv-3"]},
         {"spelling": "Kowalenko", "mentions": 2, "articles": 1, "first": "2021-05-02", "last": "2021-05-02",
          "examples": ["kyiv-2"]}],
        [{"spelling": "Vintergrund", "mentions": 2, "articles": 1, "first": "2021-02-03", "last": "2021-02-03",
          "examples": ["oslo-1"]},
         {"spelling": "Vintregrund", "mentions": 1, "articles": 1, "first": "2021-02-03", "last": "2021-02-03",
          "examples": ["oslo-1"]}],
    ]


def test_look_alike_names_need_a_shared_story_or_a_rare_slip():
    # Hallerstein / Hallerstain, once each in two stories: maybe two families, not listed
    assert not any(g[0]["spelling"].startswith("Haller") for g in groups(NAMES))
    more = [{"id": f"mill-{i}", "text": f"The Hallerstein mill reopened in week {i}.\n"} for i in range(2, 7)]
    slip = [g for g in groups(NAMES + more) if g[0]["spelling"] == "Hallerstein"]
    assert [[s["spelling"], s["mentions"]] for s in slip[0]] == [["Hallerstein", 6], ["Hallerstain", 1]]


def test_words_of_their_own_and_names_used_as_often_as_each_other_are_two_names():
    # two bands in one story: English uses both words, so neither is a slip of the other
    gig = {"id": "gig", "text": "Fans cheered Resolution on Friday.\n\nThen Revolution took the stage.\n"}
    # a paper and its parody, each named as often in one story
    papers = {"id": "press", "text": "Torvanta sued Tarvanta.\n\nTarvanta mocks Torvanta, lawyers said.\n"}
    assert groups([gig, papers]) == []
    slip = {"id": "press-2", "text": "Torvanta won; Torvanta appealed; Tarvanta said nothing.\n"}
    assert [[s["spelling"] for s in g] for g in groups([slip])] == [["Torvanta", "Tarvanta"]]


def test_apostrophes_and_hyphens_are_not_spellings():
    arts = [{"id": "a", "text": "Marie O'Donoghue spoke.\n\nO’Donoghue left.\n"},
            {"id": "b", "text": "Chiara Bellavista-\nRossi wrote.\n\nBellavista said no.\n"}]
    assert groups(arts) == []


def test_names_command_on_an_archive(tmp_path):
    archive = tmp_path / "names.jsonl"
    archive.write_text("".join(json.dumps(a) + "\n" for a in NAMES), encoding="utf-8")
    p = run_cli("names", str(archive))
    assert p.returncode == 0, p.stderr.decode()
    lines = p.stdout.decode().splitlines()
    assert lines[0] == "Kovalenko: 2 spellings, 5 mentions"
    assert lines[1].split() == ["Kovalenko", "3", "mentions", "in", "2", "articles", "2021-03-01", "..",
                                "2021-04-11", "e.g.", "kyiv-1,", "kyiv-3"]
    assert lines[-1] == "2 names spelled more than one way in 6 articles"
    data = json.loads(run_cli("names", str(archive), "--format", "json").stdout)
    assert data["articles"] == 6 and [g["spellings"][1]["spelling"] for g in data["names"]] == ["Kowalenko", "Vintregrund"]


def test_names_on_a_corpus_runs_and_lists_only_groups_of_spellings():
    corpus = any_corpus()
    p = run_cli("names", str(corpus), "--format", "json", "--jobs", "2")
    assert p.returncode == 0, p.stderr.decode()
    data = json.loads(p.stdout)
    assert data["articles"] >= 50
    for g in data["names"]:
        spellings = [s["spelling"] for s in g["spellings"]]
        assert len(spellings) == len(set(spellings)) >= 2
        assert all(s["examples"] for s in g["spellings"])


# -- the report ----------------------------------------------------------------------------------

class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src", "xlink:href", "action", "srcset", "poster", "data", "formaction"):
                self.refs.append((tag, name, value or ""))


def assert_self_contained(page: str) -> Links:
    """Nothing the page would fetch: no script, stylesheet link, image, frame or font; every link
    a fragment of the page itself, and every fragment there."""
    links = Links()
    links.feed(page)
    assert not {"script", "link", "img", "iframe", "object", "embed", "image", "use", "audio", "video"} & set(links.tags)
    assert "://" not in page and "url(" not in page and "@import" not in page
    assert all(value.startswith("#") for _, _, value in links.refs), links.refs
    assert {value[1:] for _, _, value in links.refs} <= links.ids
    return links


def dated_summary() -> Summary:
    stories = [{"id": f"flood/{i}", "published": f"2022-0{1 + i % 3}-1{i}",
                "text": f"Rescuers said on Tuesday (3/2) that at least {40 + i} people had died.\n\n"
                        "The 14 victims were buried on Friday (4/2), officials said.\n"} for i in range(6)]
    seed = next(SEEDS.glob("*.txt"))
    batch = lint_batch(stories + [{"id": "seed <&> \"quoted\"", "text": seed.read_text(encoding="utf-8")}])
    s = Summary()
    s.add_articles(batch.articles)
    s.add_findings(batch.findings)
    return s


def test_the_page_is_self_contained_with_charts_rules_and_examples():
    s = dated_summary()
    page = render(s, "Desk <report>")
    links = assert_self_contained(page)
    assert page.count("<svg") == 2
    assert "<title>Desk &lt;report&gt;</title>" in page
    top = max(s.by_rule, key=lambda c: (s.by_rule[c], c))
    assert f'<a href="#rule-{top}">{top}</a>' in page
    assert re.search(r"2022-01.*2022-02.*2022-03", page)  # the months, in order
    assert "seed &lt;&amp;&gt; &quot;quoted&quot;" in page  # ids escaped ...
    assert any(i.startswith("a-seed") for i in links.ids)  # ... and anchored
    assert "<mark>" in page


def test_an_empty_archive_gives_a_page_too():
    page = render(Summary())
    assert_self_contained(page)
    assert "No findings." in page and "no article has a publication date" in page


def test_report_from_a_findings_table_is_the_report_from_the_articles(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text("".join(json.dumps(a) + "\n" for a in NAMES), encoding="utf-8")
    table, direct, again = tmp_path / "f.jsonl", tmp_path / "direct.html", tmp_path / "again.html"
    assert run_cli("check", str(archive), "-o", str(table)).returncode in (0, 1)
    assert run_cli("report", str(archive), "-o", str(direct)).returncode == 0
    p = run_cli("report", str(table), "-o", str(again))
    assert p.returncode == 0 and p.stderr.decode() == f"factlint: report on 6 articles written to {again}\n"
    assert direct.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")


def test_report_on_a_corpus(tmp_path):
    pytest.importorskip("pyarrow")
    corpus = any_corpus()
    table, page = tmp_path / "f.parquet", tmp_path / "r.html"
    assert run_cli("check", str(corpus), "-o", str(table)).returncode in (0, 1)
    p = run_cli("report", str(table), "-o", str(page))
    assert p.returncode == 0, p.stderr.decode()
    assert_self_contained(page.read_text(encoding="utf-8"))
