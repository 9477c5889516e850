"""Stated exchange rates: 1人民元=15.5円 -> 15.5 JPY/CNY (quote per base)."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.money import with_minor
from pipeline.extract.numerals import parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.fragments import CURRENCY_SUFFIX, MINOR_PART, NUM
from schemas.vocab import Bound, Kind

_RATE = re.compile(
    rf"(?P<num>{NUM})\s?(?P<base>{CURRENCY_SUFFIX})\s?(?P<sep>=|:|当たり|あたり|につき)?\s?"
    rf"(?P<num2>{NUM})\s?(?P<quote>{CURRENCY_SUFFIX})(?:\s?{MINOR_PART})?"
)


def _rate(m: re.Match[str], ctx: Context) -> Candidate | None:
    base_amount, quote_amount = parse_numeral(m.group("num")), parse_numeral(m.group("num2"))
    base = cues.CURRENCY_SUFFIXES[m.group("base")]
    quote = cues.CURRENCY_SUFFIXES[m.group("quote")]
    if base_amount is None or quote_amount is None or base_amount.value == 0 or base == quote:
        return None
    # "1ドル150円台" states a rate without "="; other juxtaposed amounts are two amounts
    if m.group("sep") is None and base_amount.value != 1:
        return None
    # "1ドル=151円20~22銭": the quote in minor units too, perhaps a range of them
    quoted = with_minor(quote_amount, m.group("quote"), m) if m.group("minor") else None
    if m.group("minor") and quoted is None:
        return None
    low, high = quoted or (quote_amount.value, quote_amount.value)
    precision = quote_amount.precision
    if quoted is not None:
        precision = Decimal(cues.CURRENCY_MINOR_UNITS[m.group("minor_unit")][1])
    ranged = low != high
    return Candidate(
        start=m.start(),
        end=m.end(),
        kind=Kind.RATE,
        rule="rate.range.v1" if ranged else "rate.v1",
        numeral_start=m.start("num"),
        value=None if ranged else low / base_amount.value,
        value_low=low / base_amount.value,
        value_high=high / base_amount.value,
        bound=Bound.RANGE if ranged else Bound.EQ,
        unit=f"{quote}/{base}",
        precision=precision / base_amount.value,
    )


PATTERNS: list[Pattern] = [Pattern("rate.v1", _RATE, _rate, 90)]
