"""The tolerance rule by itself: figures as round-to-nearest intervals (XBRL Calc 1.1)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.intervals import Interval, interval, loose_precision

values = st.integers(min_value=1, max_value=10**9)
decimals = st.integers(min_value=0, max_value=3)


def written(n: int, d: int) -> tuple[float, float, str]:
    """n with d decimals: (value, precision, how it is written)."""
    value = n / 10**d
    return value, 10.0**-d, f"{value:.{d}f}"


@settings(max_examples=300, deadline=None)
@given(values, decimals)
def test_a_figure_lies_in_its_own_interval(n, d):
    value, precision, text = written(n, d)
    iv = interval(value, value, value, "eq", False, precision, text)
    assert iv.low <= value <= iv.high
    assert iv.high - iv.low >= precision * 0.999


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(values, decimals), min_size=2, max_size=6))
def test_parts_rounded_as_written_always_meet_their_exact_total(parts):
    total = 0.0
    summed = Interval(0.0, 0.0)
    for n, d in parts:
        value, precision, text = written(n, d)
        total += value
        summed = summed + interval(value, value, value, "eq", False, precision, text)
    exact = Interval(total, total)
    assert summed.meets(exact)


@settings(max_examples=200, deadline=None)
@given(values, decimals, st.floats(min_value=0.01, max_value=500, allow_nan=False))
def test_scaling_contains_the_exact_product(n, d, rate):
    value, precision, text = written(n, d)
    iv = interval(value, value, value, "eq", False, precision, text)
    product = iv.scale(Interval(rate, rate))
    assert product.low <= value * rate * (1 + 1e-12) and value * rate <= product.high * (1 + 1e-12)


@given(values)
def test_meeting_is_symmetric(n):
    a = Interval(n - 1, n + 1)
    b = Interval(n + 0.5, n + 3)
    assert a.meets(b) == b.meets(a)


@pytest.mark.parametrize(
    ("text", "precision", "loose", "ambiguous"),
    [
        ("2,300億円", 1e8, 1e10, True),
        ("4.39億元", 1e6, 1e6, False),
        ("503.40億円", 1e6, 1e6, False),
        ("1,700万元", 1e4, 1e6, True),
        ("33億5,600万元", 1e4, 1e6, True),
        ("96%", 1, 1, False),
    ],
)
def test_trailing_zeros_are_read_loosely(text, precision, loose, ambiguous):
    assert loose_precision(text, precision) == (loose, ambiguous)


@pytest.mark.parametrize(
    ("bound", "approx", "low_open", "high_open"),
    [
        ("ge", False, False, True),
        ("gt", False, False, True),
        ("le", False, True, False),
        ("lt", False, True, False),
        ("eq", True, False, False),
    ],
)
def test_bounds_open_and_approx_widens(bound, approx, low_open, high_open):
    iv = interval(100.0, 100.0, 100.0, bound, approx, 1.0, "100")
    assert math.isinf(iv.low) == low_open and math.isinf(iv.high) == high_open
    if approx:
        assert iv.low < 99.5 and iv.high > 100.5


def test_neighbouring_roundings_do_not_meet_but_an_exact_edge_value_does():
    a = interval(4.8e8, 4.8e8, 4.8e8, "eq", False, 1e7, "4.8億")
    b = interval(4.9e8, 4.9e8, 4.9e8, "eq", False, 1e7, "4.9億")
    assert not a.meets(b) and not b.meets(a)
    assert a.meets(Interval(4.85e8, 4.85e8)) and a.meets(Interval(4.75e8, 4.75e8))
