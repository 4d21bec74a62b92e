"""Property-based robustness: random and mutated articles never crash factlint, give the same
output twice, and every position points inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint import lint_text
from tests.conftest import SEEDS

SEED = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
MARKUP = ["<p>", "</p>", "<b>", "**", "_", "`", "```\n", "<!--", "-->", "[", "](", ")", "&amp;",
          "&#", "\n\n", "“", "”", "‘", "’", '"', "'", "---\n", "# ", "| ", "<script>", "(", "/"]


def _check(text: str, fmt: str) -> None:
    a = lint_text(text, format=fmt, published="2022-01-07")
    b = lint_text(text, format=fmt, published="2022-01-07")
    assert a == b, "output differs between two runs"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in a:
        assert 1 <= f.line <= len(lines) and 1 <= f.end_line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=2000), st.sampled_from(["text", "markdown", "html"]))
def test_random_unicode(text, fmt):
    _check(text, fmt)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED)), st.sampled_from(MARKUP)), max_size=25),
       st.sampled_from(["text", "markdown", "html"]))
def test_mutated_seed_with_unbalanced_markup(edits, fmt):
    text = SEED
    for pos, s in sorted(edits, reverse=True):
        text = text[:pos] + s + text[pos:]
    _check(text, fmt)


def test_very_long_line_and_large_file():
    long_line = ("Police said 12 people were hurt on Monday, 6 January. " * 4000).strip()
    _check(long_line, "text")
    words = SEED.split() * 250
    big = "\n".join(" ".join(words[i:i + 60]) for i in range(0, 100_000, 60))
    assert len(big.split()) >= 100_000
    _check(big, "text")
