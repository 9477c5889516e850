"""Figures as intervals, as XBRL Calculations 1.1 reads them (round-to-nearest).

A figure stands for every value that rounds to it: half a unit of its last written
digit either side.  Trailing zeros of an integer are ambiguous (2,300億 may be
2,250–2,350億), so the loosest reading is used and said so.  約 widens the interval,
bounds (以上, 超, 以下 …) open it.  Two figures agree when their intervals meet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.patterns.check_cues import APPROX_TOLERANCE

_LAST_NUMBER = re.compile(r"(\d[\d,]*)(\.\d+)?(?!.*\d)", re.S)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    #: the trailing zeros of the figure made its precision ambiguous
    ambiguous: bool = False

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.low + other.low, self.high + other.high, self.ambiguous or other.ambiguous
        )

    def __sub__(self, other: Interval) -> Interval:
        return Interval(
            self.low - other.high, self.high - other.low, self.ambiguous or other.ambiguous
        )

    def scale(self, other: Interval) -> Interval:
        """The product of two intervals (all four corner products)."""
        corners = [
            a * b
            for a in (self.low, self.high)
            for b in (other.low, other.high)
            if not (math.isinf(a) and b == 0) and not (math.isinf(b) and a == 0)
        ]
        return Interval(min(corners), max(corners), self.ambiguous or other.ambiguous)

    def meets(self, other: Interval) -> bool:
        """Whether some value lies in both.  Rounding intervals are half-open, so two that
        only touch (4.8億 = [4.75, 4.85), 4.9億 = [4.85, 4.95)) do not meet; an exact value
        on an edge does."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        return low == high and (self.low == self.high or other.low == other.high)

    def __str__(self) -> str:
        return f"[{_fmt(self.low)}, {_fmt(self.high)}]"


#: NOTE: differences of decimals leave float dust (2.65 - 2.55 = 0.0999…, 1e-16 for 0)
_DUST = 1e-9


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) < _DUST:
        x = 0.0
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


@lru_cache(maxsize=65536)
def loose_precision(normalized: str, precision: float) -> tuple[float, bool]:
    """The precision when integer trailing zeros are not significant, and whether that differs."""
    m = _LAST_NUMBER.search(normalized)
    if m is None or m.group(2):
        return precision, False
    digits = m.group(1).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or zeros == len(digits):
        return precision, False
    return precision * 10**zeros, True


@lru_cache(maxsize=1 << 16)
def interval(
    value: float | None,
    low: float | None,
    high: float | None,
    bound: str | None,
    approx: bool,
    precision: float | None,
    normalized: str,
    approx_tolerance: float = APPROX_TOLERANCE,
) -> Interval:
    """The interval of values a figure, as written, asserts.  Intervals are immutable, so
    figures written alike share one (a corpus repeats its figures many times)."""
    step, ambiguous = loose_precision(normalized, precision or 0.0)
    half = step / 2
    if bound == "range":
        lo, hi = (low or 0.0) - half, (high or 0.0) + half
    else:
        v = value if value is not None else 0.0
        lo, hi = v - half, v + half
        if bound in ("ge", "gt"):
            hi = math.inf
        if bound in ("le", "lt"):
            lo = -math.inf
    if approx:
        widen = max(abs(lo) if not math.isinf(lo) else 0, abs(hi) if not math.isinf(hi) else 0)
        lo, hi = lo - widen * approx_tolerance, hi + widen * approx_tolerance
    return Interval(lo, hi, ambiguous)


def as_written(f: object, approx_tolerance: float = APPROX_TOLERANCE) -> Interval:
    """A figure's value taken exactly, widened only by 約 and opened only by bounds."""
    m = f.mention  # type: ignore[attr-defined]
    return interval(
        m.value, m.value_low, m.value_high, m.bound, m.approx, 0.0, "", approx_tolerance
    )


def strict(f: object, approx_tolerance: float = APPROX_TOLERANCE) -> Interval:
    """A figure's interval with every written digit significant (no trailing-zero slack)."""
    m = f.mention  # type: ignore[attr-defined]
    return interval(
        m.value, m.value_low, m.value_high, m.bound, m.approx, m.precision, "", approx_tolerance
    )


def stated_value(f: object, approx_tolerance: float = APPROX_TOLERANCE) -> Interval:
    """The number written, rounded as written, with its bound ignored: two statements of
    one claim with the same bound ("7,300万件以上", "7,300件以上") must state one number."""
    m = f.mention  # type: ignore[attr-defined]
    return interval(m.value, None, None, "eq", m.approx, m.precision, "", approx_tolerance)


def percent_change(now: Interval, then: Interval) -> Interval | None:
    """The change in percent from ``then`` to ``now`` over both intervals; None when the
    earlier figure may be zero or less (no rate of change is defined)."""
    if then.low <= 0:
        return None
    return Interval((now.low / then.high - 1) * 100, (now.high / then.low - 1) * 100)


def exact(value: float) -> Interval:
    return Interval(value, value)
