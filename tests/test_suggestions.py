"""A suggestion is the text that replaces its finding's span, as the page's Apply, the language
server's quick fix and LanguageTool's `/v2/check` replacements all use it (issue 17: fixes that
apply cleanly; DESIGN: suggestions, not silent fixes).

Tested as an invariant, not by listing outputs: every suggestion found on every rule's docstring
Example, every pack entry's flagged example, every rule case file, the realistic cases, the seed
and errors planted in the clean corpora is applied over its span, and then
- its rule no longer fires at that place and gives no more findings than before;
- the words read right at the seams: no advice (`leader / ruler`, `(say how)`) put into the copy,
  no word doubled across a seam, `a`/`an` agreeing with the word after it, a sentence's first
  capital kept, the figures of a date kept by a date rule's fix;
- the suggestion is not the text it replaces.
A rule whose Example is fixed by its suggestions reads, once they are applied, as its Instead."""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from factlint import Finding, lint_text
from factlint.packs import all_packs
from factlint.registry import all_rules
from factlint.serve.positions import LineIndex
from tests.conftest import ROOT, SEEDS, corpus_params, shared_cases_root
from tests.measure import lint_corpus, load_cases, plants

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_ADVICE = re.compile(r" / |\((?=[a-z])")  # alternatives, or a note to the writer in brackets
_FIGURES = re.compile(r"\d+")
_VOWEL_SOUND_EXCEPTIONS = re.compile(r"(?i)(?:u[bcdfgklmnprstvz][aeiou]|eu|one\b|uni|use)")
_H_SILENT = re.compile(r"(?i)(?:hour|honest|honou?r|heir)")


@functools.cache
def _source_file(body: str, name: str = "source.txt") -> str:
    """A source text as a file the engine reads (one per body, kept for the whole run)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="factlint-suggestions-"))
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return str(path)


# -- the copy the suggestions are found on ----------------------------------------------------------
def _docstring_examples() -> list:
    out = []
    for r in all_rules():
        opts: dict = {"select": [r.code, *r.section("Select").split()]}
        if r.section("Published"):
            opts["published"] = r.section("Published").split()[0]
        if r.section("Source"):
            opts["sources"] = [_source_file(r.section("Source"))]
        out.append(pytest.param(r.section("Example"), opts, id=f"doc:{r.code}"))
    return out


def _pack_examples() -> list:
    out = []
    for pack in all_packs():
        for entry in pack.entries:
            for i, text in enumerate(entry.examples.get("flag", [])):
                out.append(pytest.param(text, {"select": [pack.code]}, id=f"pack:{pack.name}:{entry.id}:{i}"))
    return out


def _rule_cases() -> list:
    out = []
    for path in sorted((ROOT / "tests" / "rules" / "cases").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("case", []):
            opts: dict = {"select": case.get("select", [data["rule"]]),
                          "sources": [_source_file(body, name) for name, body in (case.get("sources") or {}).items()]}
            for key in ("published", "format"):
                if case.get(key):
                    opts[key] = case[key]
            out.append(pytest.param(case["text"], opts, id=f"rule-case:{data['rule']}:{case['id']}"))
    return out


def _articles() -> list:
    out = []
    for folder in (shared_cases_root(), ROOT / "tests" / "cases", SEEDS):
        if not folder.is_dir():
            continue
        for case in load_cases(folder):
            opts: dict = {"path": case.path.name}
            if case.spec.get("published"):
                opts["published"] = case.spec["published"]
            if case.spec.get("sources"):
                opts["sources"] = [str(case.path.parent / s) for s in case.spec["sources"]]
            out.append(pytest.param(case.text, opts, id=f"case:{case.stem}"))
    return out


# -- applying one suggestion ----------------------------------------------------------------------
def _span(text: str, f: Finding) -> tuple[int, int]:
    """The finding's span as character offsets, found as the page and the language server find it."""
    index = LineIndex(text)
    start = index.offset(f.line, f.column)
    return start, max(start, index.offset(f.end_line, f.end_column))


def _an(word: str) -> bool:
    return (word[0].lower() in "aeiou" and not _VOWEL_SOUND_EXCEPTIONS.match(word)) or bool(_H_SILENT.match(word))


def _seam_problems(text: str, start: int, end: int, f: Finding) -> list[str]:
    """What reads wrong where the suggestion meets the copy around it."""
    old, new = text[start:end], f.suggestion or ""
    out = []
    if new == old:
        out.append("the suggestion is the text it replaces")
    if _ADVICE.search(new) and not _ADVICE.search(old):
        out.append(f"advice, not a replacement: {new!r}")
    words, before, after = _WORD.findall(new), _WORD.findall(text[max(0, start - 40):start]), _WORD.findall(text[end:end + 40])
    if not words:
        return out
    # a doubled function word (`the the`) is a seam error; a doubled name may be a real one
    if before and before[-1].islower() and before[-1].lower() == words[0].lower() and _WORD.findall(old)[:1] != before[-1:]:
        out.append(f"word doubled at the start: ‘{before[-1]} {words[0]}’")
    if after and after[0].islower() and after[0].lower() == words[-1].lower() and _WORD.findall(old)[-1:] != after[:1]:
        out.append(f"word doubled at the end: ‘{words[-1]} {after[0]}’")
    article = re.search(r"(?:^|\W)(an?)\s+$", text[max(0, start - 4):start], re.I)
    if article and words[0][0].isalpha() and not words[0].isupper() and (article.group(1).lower() == "an") != _an(words[0]):
        out.append(f"article: ‘{article.group(1)} {words[0]}’")
    head = text[:start].rstrip(" “\"‘'(")
    if (head == "" or head[-1] in ".!?\n") and old[:1].isupper() and new[:1].islower():
        out.append("the capital that starts the sentence is lost")
    if f.code.startswith("D") and Counter(_FIGURES.findall(old)) - Counter(_FIGURES.findall(new)):
        out.append("a date rule's fix drops figures of the date")
    return out


def _problems(text: str, opts: dict, found: list[Finding], checked: list[Finding] | None = None) -> list[str]:
    """What is wrong with each suggestion among `checked` (default: all of `found`, the text's
    findings)."""
    out = []
    for f in found if checked is None else checked:
        if f.suggestion is None:
            continue
        start, end = _span(text, f)
        where = f"{f.code} at {f.line}:{f.column} ‘{text[start:end]}’ -> ‘{f.suggestion}’"
        out += [f"{where}: {p}" for p in _seam_problems(text, start, end, f)]
        applied = text[:start] + f.suggestion + text[end:]
        everything = {k: v for k, v in opts.items() if k != "select"}
        applied_all = lint_text(applied, **everything)
        before = [g for g in found if g.code == f.code]
        after = [g for g in (applied_all if everything == opts else lint_text(applied, **opts)) if g.code == f.code]
        new_end = start + len(f.suggestion)
        for g in after:
            gs, ge = _span(applied, g)
            if gs < new_end and ge > start or gs == start:
                out.append(f"{where}: {f.code} still fires there: {g.message}")
        if len(after) >= len(before):
            out.append(f"{where}: {len(before)} {f.code} findings before, {len(after)} after")
        out += [f"{where}: {p}" for p in _broken_elsewhere(text, everything, applied, applied_all, f.code, start, new_end)]
    return out


# the rules that ask who says so of a claim: the corrected words may make a claim they see
# (`neutralised three gunmen` -> `killed three gunmen` is a figure of harm), which is the
# rule reading the copy as it now stands, not a fix that broke it
_CLAIM_RULES = frozenset({"A101", "A102", "A103"})


def _broken_elsewhere(text: str, everything: dict, applied: str, applied_all: list[Finding], code: str,
                      start: int, end: int) -> list[str]:
    """New findings of the other rules away from the new words: the fix broke its sentence
    (`“...,” the company claimed.` -> `“...,” said.` leaves a quotation without a speaker). A
    new finding on the new words themselves is a new reading of the corrected copy, not a
    broken fix. (`everything`: the options with every rule on; `applied_all`: what they find in
    the applied text.)"""
    key = (text, repr(sorted(everything.items())))
    if key not in _ALL_RULES:  # one text has several suggestions: lint it once with every rule
        _ALL_RULES.clear()
        _ALL_RULES[key] = lint_text(text, **everything)
    was = Counter((g.code, g.message) for g in _ALL_RULES[key])
    out = []
    for g in applied_all:
        if g.code == code or g.code in _CLAIM_RULES:
            continue
        if was[(g.code, g.message)] > 0:
            was[(g.code, g.message)] -= 1
            continue
        gs, ge = _span(applied, g)
        if not (gs < end and ge > start):
            out.append(f"a new {g.code} elsewhere: {g.message}")
    return out


_ALL_RULES: dict[tuple[str, str], list[Finding]] = {}


@pytest.mark.parametrize(("text", "opts"), _docstring_examples() + _pack_examples() + _rule_cases() + _articles())
def test_every_suggestion_replaces_its_span_cleanly(text, opts):
    problems = _problems(text, opts, lint_text(text, **opts))
    assert not problems, "\n".join(problems)


# the rules whose own Example gets suggestions; every other rule's message says what to write
SUGGESTING = ("A301", "D101", "D105", "N301", "S101", "S301", "S401", "W101", "W201", "W301", "W401")


def _example(code: str) -> tuple[str, dict]:
    (param,) = [p for p in _docstring_examples() if p.id == f"doc:{code}"]
    return param.values


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code) for r in all_rules() if r.code not in SUGGESTING])
def test_a_rule_that_cannot_know_the_fix_suggests_none(rule):
    """Which weekday of two, which figure of two, who the source is: only the reporting knows.
    (A rule that learns to suggest joins SUGGESTING, and so the Example-to-Instead test.)"""
    text, opts = _example(rule.code)
    assert [f.suggestion for f in lint_text(text, **opts) if f.code == rule.code and f.suggestion] == []


@pytest.mark.parametrize("code", SUGGESTING)
def test_an_example_fixed_by_its_suggestions_reads_as_its_instead(code):
    """`factlint explain` shows the Example and the Instead; Apply must get from one to the other."""
    text, opts = _example(code)
    found = [f for f in lint_text(text, **opts) if f.code == code]
    assert found and all(f.suggestion for f in found), [(f.message, f.suggestion) for f in found]
    for f in sorted(found, key=lambda f: _span(text, f), reverse=True):
        start, end = _span(text, f)
        text = text[:start] + f.suggestion + text[end:]
    rule = next(r for r in all_rules() if r.code == code)
    assert text == rule.section("Instead").split("\n\n")[0]


@pytest.mark.parametrize("corpus", corpus_params())
def test_suggestions_on_planted_errors_and_clean_copy_apply_cleanly(corpus):
    """Real copy: every suggestion on a clean corpus article (a false positive's too: an editor
    may still press Apply) and every new one on an article with an error planted in it."""
    problems = []
    for article, found in lint_corpus(corpus):
        opts = {"path": article.name, "published": article.published}
        problems += [f"{article.name}: {p}" for p in _problems(article.text, opts, list(found))]
    before = {a.name: Counter((f.code, f.message) for f in fs) for a, fs in lint_corpus(corpus)}
    for plant in plants(corpus):
        name = f"{plant.stem}.txt"
        opts = {"path": name, "published": plant.published or None}
        found = lint_text(plant.text, **opts)
        new = [f for f in found if f.suggestion and before[name][(f.code, f.message)] == 0]
        problems += [f"{name} ({plant.kind} planted): {p}" for p in _problems(plant.text, opts, found, new)]
    assert not problems, "\n".join(problems)


# -- where editors apply them -------------------------------------------------------------------
# a draft of our own with a fix of each shape: a date kept around its weekday, a participle
# replaced whole, a verb after its speaker, an article corrected with its noun; an emoji before
# them, so UTF-16 offsets differ from characters, and Windows line ends, as a pasted draft has
DRAFT = ("Flood desk 🌊 notes.\r\n\r\nThe inquiry opened on Sunday, April 9, 2022, in the district court.\r\n"
         "Quoting officials, the dam is expected to hold until the spring.\r\n"
         "“The levee is safe,” the engineer insisted.\r\n"
         "An escape goat was found: the finance ministry reigned in spending.\r\n")


def test_the_page_and_v2_check_apply_each_suggestion_over_its_words(tmp_path):
    from factlint.serve import languagetool
    from factlint.serve.session import Session

    session = Session(tmp_path)
    checked = session.check(DRAFT)
    fixes = {f.code: f for f in checked.findings if f.suggestion}
    assert {"D101", "A301", "W401", "W201", "W101"} <= set(fixes)
    matches = {m["rule"]["id"]: m for m in languagetool.check(session, {"text": DRAFT, "language": "en-US"})["matches"]}
    units = DRAFT.encode("utf-16-le")
    for code, f in fixes.items():
        start, end = checked.span(f)  # what the page's Apply and the JSON API's start/end replace
        by_page = DRAFT[:start] + f.suggestion + DRAFT[end:]
        m = matches[code]  # what a LanguageTool client replaces: UTF-16 offset and length
        (replacement,) = m["replacements"]
        by_lt = (units[:2 * m["offset"]] + replacement["value"].encode("utf-16-le")
                 + units[2 * (m["offset"] + m["length"]):]).decode("utf-16-le")
        assert by_lt == by_page
        assert not [g for g in session.check(by_page).findings if g.code == code], (code, by_page)


def test_sarif_carries_each_suggestion_as_a_fix_of_its_region(tmp_path):
    import json

    import jsonschema

    from tests.conftest import SCHEMA, run_cli

    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.replace("\r\n", "\n").encode("utf-8"))
    sarif = json.loads(run_cli("check", "--format", "sarif", str(draft), cwd=tmp_path).stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    lines = draft.read_text(encoding="utf-8").split("\n")
    fixed = 0
    for res in sarif["runs"][0]["results"]:
        if "fixes" not in res:
            continue
        (change,) = res["fixes"][0]["artifactChanges"]
        (rep,) = change["replacements"]
        region = rep["deletedRegion"]
        assert region == res["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        applied = line[:region["startColumn"] - 1] + rep["insertedContent"]["text"] + line[region["endColumn"] - 1:]
        assert applied != line and rep["insertedContent"]["text"] == res["properties"]["suggestion"]
        fixed += 1
    assert fixed >= 4
