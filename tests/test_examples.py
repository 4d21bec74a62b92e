"""Each family's example article in examples/ still gives exactly its expected output."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLES = [
    ("dates.md", ()), ("numbers.txt", ()), ("wording.txt", ()), ("attribution.txt", ()),
    ("sources.txt", ("--source", "examples/sources.source.txt")),
]


@pytest.mark.parametrize(("name", "extra"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_example_output_is_as_documented(name, extra):
    proc = run_cli("check", f"examples/{name}", *extra, cwd=ROOT, env={"NO_COLOR": "1"})
    expected = (ROOT / "examples" / (name.rsplit(".", 1)[0] + ".expected.txt")).read_text(encoding="utf-8")
    assert proc.stdout.decode() == expected
    family = {"dates": "D", "numbers": "N", "wording": "W", "attribution": "A", "sources": "S"}[name.split(".")[0]]
    assert f": {family}" in expected, f"the {name} example shows no {family} finding"
