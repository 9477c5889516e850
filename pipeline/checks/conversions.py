"""conversion: an amount converted into another currency, checked against the rate.

A converted amount is written in brackets right after an amount (27億6,300万元
（414.45億円）).  With a rate stated in the document (1元=15円) the converted amount
must meet amount × rate; without one the implied rate is reported for information,
and a pair whose implied rate stands far from the document's others (a slipped
万/億, a factor of ten) is a fail.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from pipeline.checks.evidence import Evidence, Figure, Finding, finding, verdict, written
from pipeline.checks.intervals import as_written, exact
from pipeline.patterns.check_cues import BRACKET_QUALIFIERS, RATE_OUTLIER_FACTOR
from schemas.vocab import Severity, Status

RULE = "conversion"
#: "（ ）内は前年実績", "括弧内は前期": the document's brackets hold another period's figure
_PRIOR_IN_BRACKETS = re.compile(r"(?:[（(]\s*[)）]|括弧|カッコ)\s?内は")


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


def _same_currency(ev: Evidence, figures: list[Figure]) -> list[Finding]:
    """ "1億円（約15.5億円）": a bracket right after an amount restates it; in the same
    currency it must give the same amount, or one of the two currencies is wrong.  A
    document that says its brackets hold another period's figures ("（ ）内は前年実績")
    is left alone."""
    money = [f for f in figures if f.mention.kind == "money" and f.mention.value]
    if not money or _PRIOR_IN_BRACKETS.search(ev.texts[money[0].mention.doc_id]):
        return []
    found = []
    for a, b in pairwise(money):
        if a.mention.unit != b.mention.unit or not ev.is_bracketed_after(a.mention, b.mention):
            continue
        if a.interval.meets(b.interval) or _qualified(ev.texts[b.mention.doc_id], b.mention.end):
            continue
        message = (
            f"{written(a)} is followed in brackets by {written(b)}, another amount in the "
            f"same currency ({a.mention.unit}): one of the two currencies is likely wrong"
            f"{_fitting_currency(ev, figures, a, b)}."
        )
        found.append(
            finding(
                RULE,
                Status.FAIL,
                [a, b],
                message,
                expected=str(a.interval),
                observed=str(b.interval),
                version=2,
            )
        )
    return found


def _qualified(text: str, end: int) -> bool:
    """Whether the bracket closing after ``end`` says what else its amount is (税込 …)."""
    close = min(
        (i for i in (text.find("）", end, end + 30), text.find(")", end, end + 30)) if i >= 0),
        default=-1,
    )
    return close >= 0 and any(w in text[end:close] for w in BRACKET_QUALIFIERS)


def _fitting_currency(ev: Evidence, figures: list[Figure], a: Figure, b: Figure) -> str:
    """How the pair would agree at one of the document's stated rates, if it would:
    "; as CNY, '1億円' would agree at the document's rate '1人民元=15.5円'"."""
    for f in figures:
        m = f.mention
        if m.kind != "rate" or not m.value or "/" not in (m.unit or ""):
            continue
        quote, base = m.unit.split("/", 1)
        for known, other, currency, factor in (
            (a, b, base, m.value),  # a is really in the rate's base currency
            (b, a, base, m.value),
            (a, b, quote, 1 / m.value),
            (b, a, quote, 1 / m.value),
        ):
            if currency == known.mention.unit:
                continue
            converted = as_written(known, ev.approx_tolerance).scale(exact(factor))
            if converted.meets(other.interval):
                return (
                    f"; as {currency}, {written(known)} would agree at the document's rate "
                    f"{written(f)}"
                )
    return ""


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
        found += _same_currency(ev, figures)
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
