"""Recall on real copy: one known error planted in clean published articles (by
tools/plant_errors.py), found by the rule meant for it, and nothing else new."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from factlint import lint_text
from tests.conftest import CORPORA, locate, no_corpus_reason, touches

if "wikinews" not in CORPORA:
    pytest.skip(no_corpus_reason(), allow_module_level=True)
CORPUS = CORPORA["wikinews"]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import plant_errors  # noqa: E402

PLANTED = plant_errors.plant_all(CORPUS)
# what a planted error may rightly bring with it: an unsourced figure that disagrees with another
# figure is no longer reported disagreement (N101), but a conflict
ALSO = {"attribution-removed": {"N101"}}


def _key(f):
    return (f.code, f.message)


def test_many_articles_and_every_kind():
    kinds = Counter(p.kind for _, p in PLANTED)
    assert len(PLANTED) >= 100, len(PLANTED)
    for kind in ("wrong-weekday", "impossible-date", "transposed-count", "attribution-removed",
                 "name-misspelt", "confusable-swapped"):
        assert kinds[kind] >= 3, f"only {kinds[kind]} planted {kind} cases"


@pytest.mark.parametrize(("stem", "planted"), PLANTED, ids=[f"{s}:{p.kind}" for s, p in PLANTED])
def test_planted_error_is_found_and_nothing_else(stem, planted):
    original = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    before = Counter(_key(f) for f in lint_text(original, published=planted.published))
    after = lint_text(planted.text, published=planted.published)
    line, c0, c1 = locate(planted.text, planted.near, planted.line)
    found = [f for f in after if f.code == planted.code and touches(f, line, c0, c1)]
    assert found, f"{planted.code} missed the planted {planted.kind} at line {line}: {planted.near!r}"
    new = Counter(_key(f) for f in after) - before
    unexpected = [k for k in new if k[0] != planted.code and k[0] not in ALSO.get(planted.kind, ())]
    assert not unexpected, f"planting a {planted.kind} also gave {unexpected}"
