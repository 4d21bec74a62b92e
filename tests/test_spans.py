"""SpanSet answers as a walk over every span would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlint.spans import SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(spans, spans, st.integers(-2, 62), st.integers(-2, 62))
def test_span_set_matches_brute_force(initial, added, a, b):
    s = SpanSet(initial)
    for x, y in added:
        s.add(x, y)
    every = [(x, y) for x, y in initial + added if x < y]
    assert s.covers(a) == any(x <= a < y for x, y in every)
    assert s.overlaps(a, b) == (a < b and any(x < b and a < y for x, y in every))
    assert all(e < n for e, n in zip(s.ends[:-1], s.starts[1:], strict=True))  # runs stay disjoint and ordered


def test_touching_spans_merge_and_gaps_stay():
    s = SpanSet([(0, 5), (5, 9), (12, 14)])
    assert (s.starts, s.ends) == ([0, 12], [9, 14])
    assert not s.covers(10) and not s.overlaps(9, 12) and s.overlaps(8, 13)
