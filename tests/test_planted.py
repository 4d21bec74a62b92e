"""Recall on real copy: one error planted in each copy of a clean published article by
tools/plant_errors.py, a planter that knows nothing of factlint's rules.

Per corpus: recall per kind (found/planted, printed with -s and in every failure) must stay at or
above its floor in tests/planted_floors.toml, and the plants that bring another new finding with
them (collateral) must stay at or below the ceiling there. The floors were set a little below the
measurement when they were written; raise them as rules improve."""

from __future__ import annotations

import ast
import tomllib

import pytest

from tests.conftest import ROOT, any_corpus, corpus_articles, corpus_params
from tests.measure import planted_results, planter, plants, recall_table

FLOORS = ROOT / "tests" / "planted_floors.toml"
PLANTER = ROOT / "tools" / "plant_errors.py"


def _floors() -> dict:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))


def _table(name: str, results) -> str:
    floors = _floors().get("recall", {}).get(name, {})
    rows = [f"{name}: {sum(r.found for r in results)}/{len(results)} planted errors found"]
    for kind, (found, planted) in sorted(recall_table(results).items()):
        fam = planter().FAMILY[kind]
        rows.append(f"  {fam} {kind:27} {found:4}/{planted:<4} {found / planted:5.0%}   floor {floors.get(kind, 0):.0%}")
    collateral = [r for r in results if r.collateral]
    rows.append(f"  plants adding another finding: {len(collateral)}")
    rows += [f"    {r.plant.name}: {code} {message[:90]}" for r in collateral for code, message in r.collateral]
    return "\n".join(rows)


@pytest.mark.parametrize("corpus", corpus_params())
def test_recall_per_kind_is_at_or_above_its_floor(corpus):
    results = planted_results(corpus)
    table = _table(corpus.name, results)
    print("\n" + table)
    floors = _floors().get("recall", {}).get(corpus.name)
    assert floors is not None, f"tests/planted_floors.toml has no [recall.{corpus.name}]\n{table}"
    recall = recall_table(results)
    low = [f"{kind} {recall[kind][0]}/{recall[kind][1]} below its floor {floor:.0%}"
           for kind, floor in floors.items() if kind in recall and recall[kind][0] / recall[kind][1] < floor]
    assert not low, "\n".join(low) + "\n" + table


@pytest.mark.parametrize("corpus", corpus_params())
def test_a_plant_adds_no_other_finding(corpus):
    results = planted_results(corpus)
    ceiling = _floors().get("collateral", {}).get(corpus.name, 0)
    collateral = [r for r in results if r.collateral]
    assert len(collateral) <= ceiling, (
        f"{len(collateral)} plants bring another new finding (ceiling {ceiling})\n" + _table(corpus.name, results))


@pytest.mark.parametrize("corpus", corpus_params())
def test_every_kind_the_copy_allows_is_planted(corpus):
    recall = recall_table(planted_results(corpus))
    floors = _floors().get("recall", {}).get(corpus.name, {})
    missing = [kind for kind in floors if kind not in recall]
    assert not missing, f"no plant of {missing} in {corpus.name} any more: the planter lost a kind"
    assert sum(n for _, n in recall.values()) >= len(corpus_articles(corpus)), "fewer plants than articles"


def _changed(before: str, after: str) -> tuple[int, int]:
    """The span of `after` that differs from `before` (one plant is one contiguous edit)."""
    n = min(len(before), len(after))
    lo = next((i for i in range(n) if before[i] != after[i]), n)
    tail = next((i for i in range(n - lo) if before[-1 - i] != after[-1 - i]), n - lo)
    return lo, len(after) - tail


@pytest.mark.parametrize("corpus", corpus_params())
def test_the_near_text_points_at_the_planted_words(corpus):
    """The planted words are on the plant's line, and its `near` overlaps them (for a removed
    source, it is the claim left bare on that line)."""
    originals = {a.name: a.text for a in corpus_articles(corpus)}
    for p in plants(corpus):
        lo, hi = _changed(originals[f"{p.stem}.txt"], p.text)
        after = p.text
        line_start = after.rfind("\n", 0, lo) + 1
        assert after.count("\n", 0, lo) + 1 == p.line, f"{p.name}: planted on line {after.count(chr(10), 0, lo) + 1}, recorded {p.line}"
        body = after[line_start:after.find("\n", lo) if after.find("\n", lo) >= 0 else len(after)]
        col = body.find(p.near)
        assert col >= 0, f"{p.name}: near {p.near!r} not on line {p.line}"
        if p.family != "A":  # an attribution plant removes words: its near is the claim left bare
            n0, n1 = line_start + col, line_start + col + len(p.near)
            assert n0 < hi and lo < n1, f"{p.name}: near {p.near!r} is not the planted words {after[lo:hi]!r}"


def test_one_error_per_copy_and_deterministic():
    corpus = any_corpus()
    pe = planter()
    arts = pe.read_corpus(corpus)[:15]
    first = [p for a in arts for p in pe.plant_article(a)]
    again = [p for a in pe.read_corpus(corpus)[:15] for p in pe.plant_article(a)]
    other = [p for a in arts for p in pe.plant_article(a, seed=pe.SEED + 1)]
    assert first == again
    assert [p.text for p in first] != [p.text for p in other]
    assert len({p.name for p in first}) == len(first), "two copies with the same kind of one article"


def test_the_planter_knows_no_rules():
    """It reads the text alone: nothing imported from factlint, none of its packs or lexicons read."""
    tree = ast.parse(PLANTER.read_text(encoding="utf-8"))
    imported = [n.module if isinstance(n, ast.ImportFrom) else a.name
                for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
                for a in (n.names if isinstance(n, ast.Import) else [n])]
    assert not [m for m in imported if m and m.split(".")[0] in ("factlint", "tests")], imported
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    packs = ("confusables", "idioms", "loaded-language", "attribution-verbs")
    assert not [s for s in strings if "rules/" in s or "lexicon/" in s or s in ("rules", "packs", "lexicon")
                or any(f"{name}.toml" in s for name in packs)]


def test_the_planter_lists_at_least_the_issue_s_confusables():
    pairs = {frozenset((a.lower(), b.lower())) for a, b in planter().CONFUSABLES}
    for a, b in [("protesters", "protestants"), ("than", "then"), ("its", "it's"), ("their", "there"),
                 ("whose", "who's"), ("lose", "loose"), ("flout", "flaunt"), ("defuse", "diffuse"),
                 ("rein in", "reign in"), ("pore over", "pour over"), ("toe the line", "tow the line"),
                 ("bated breath", "baited breath"), ("principal", "principle"), ("counsel", "council"),
                 ("complement", "compliment"), ("discreet", "discrete"), ("forgo", "forego"),
                 ("elicit", "illicit")]:
        assert frozenset((a, b)) in pairs, (a, b)
