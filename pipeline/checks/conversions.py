"""conversion: an amount converted into another currency, checked against the rate.

A converted amount is written in brackets right after an amount (27億6,300万元
（414.45億円）).  With a rate stated in the document (1元=15円) the converted amount
must meet amount × rate; without one the implied rate is reported for information,
and a pair whose implied rate stands far from the document's others (a slipped
万/億, a factor of ten) is a fail.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, verdict, written
from pipeline.checks.intervals import as_written, exact
from pipeline.patterns.check_cues import RATE_OUTLIER_FACTOR
from schemas.vocab import Severity, Status

RULE = "conversion"


def _pairs(ev: Evidence, figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    money = [f for f in figures if f.mention.kind == "money"]
    return [
        (a, b)
        for a, b in pairwise(money)
        if a.mention.unit != b.mention.unit
        and ev.is_bracketed_after(a.mention, b.mention)
        and a.mention.value
        and b.mention.value
    ]


def stated_rate(figures: list[Figure], base: str, quote: str) -> tuple[Figure, float] | None:
    """The document's stated rate for quote per base (inverted when stated the other way)."""
    for f in figures:
        m = f.mention
        if m.kind == "rate" and m.value:
            if m.unit == f"{quote}/{base}":
                return f, m.value
            if m.unit == f"{base}/{quote}":
                return f, 1 / m.value
    return None


def check_conversions(ev: Evidence) -> list[Finding]:
    found = []
    for figures in ev.figures.values():
        implied: list[tuple[Figure, Figure, float]] = []
        for a, b in _pairs(ev, figures):
            base, quote = a.mention.unit, b.mention.unit
            stated = stated_rate(figures, base, quote)
            if stated is None:
                implied.append((a, b, b.mention.value / a.mention.value))
                continue
            rate_figure, rate = stated
            # the amount converted is taken as written, exactly (widened only by 約):
            # the converted amount is the one rounded to its own precision
            expected = as_written(a, ev.approx_tolerance).scale(exact(rate))
            ok = expected.meets(b.interval)
            note = (
                " (trailing zeros read as not significant)"
                if expected.ambiguous or b.interval.ambiguous
                else ""
            )
            message = (
                f"{written(a)} × {rate:g} {quote}/{base} (the document's rate "
                f"{written(rate_figure)}) is {expected} {quote}; the written {written(b)} "
                f"{'agrees' if ok else 'does not agree'} ({b.interval}){note}."
            )
            found.append(
                verdict(
                    RULE,
                    ok,
                    [a, b, rate_figure],
                    message,
                    expected=f"{expected} {quote}",
                    observed=f"{b.interval} {quote}",
                )
            )
        found += _implied(implied)
    return found


def _implied(implied: list[tuple[Figure, Figure, float]]) -> list[Finding]:
    """Conversions without a stated rate: report the rate, fail the outliers."""
    found = []
    by_pair: dict[str, list[float]] = {}
    for a, b, rate in implied:
        by_pair.setdefault(f"{b.mention.unit}/{a.mention.unit}", []).append(rate)
    for a, b, rate in implied:
        pair = f"{b.mention.unit}/{a.mention.unit}"
        others = by_pair[pair]
        typical = median(others)
        outlier = len(others) >= 3 and max(rate / typical, typical / rate) >= RATE_OUTLIER_FACTOR
        if outlier:
            message = (
                f"{written(a)} → {written(b)} implies {rate:.4g} {pair}, far from the "
                f"{typical:.4g} {pair} the document's other conversions imply."
            )
            found.append(
                finding(
                    RULE,
                    Status.FAIL,
                    [a, b],
                    message,
                    expected=f"{typical:.4g} {pair}",
                    observed=f"{rate:.4g} {pair}",
                )
            )
        else:
            message = (
                f"No rate is stated for {pair}; {written(a)} → {written(b)} implies about "
                f"{rate:.4g} {pair}."
            )
            found.append(
                finding(
                    RULE,
                    Status.PASS,
                    [a, b],
                    message,
                    severity=Severity.INFO,
                    observed=f"{rate:.4g} {pair}",
                )
            )
    return found
