"""Stated exchange rates: 1人民元=15.5円 -> 15.5 JPY/CNY (quote per base)."""

from __future__ import annotations

import re

from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.numerals import parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.fragments import CURRENCY_SUFFIX, NUM
from schemas.vocab import Bound, Kind

_RATE = re.compile(
    rf"(?P<num>{NUM})\s?(?P<base>{CURRENCY_SUFFIX})\s?(?P<sep>=|:|当たり|あたり|につき)?\s?"
    rf"(?P<num2>{NUM})\s?(?P<quote>{CURRENCY_SUFFIX})"
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
    value = quote_amount.value / base_amount.value
    return Candidate(
        start=m.start(),
        end=m.end(),
        kind=Kind.RATE,
        rule="rate.v1",
        numeral_start=m.start("num"),
        value=value,
        value_low=value,
        value_high=value,
        bound=Bound.EQ,
        unit=f"{quote}/{base}",
        precision=quote_amount.precision / base_amount.value,
    )


PATTERNS: list[Pattern] = [Pattern("rate.v1", _RATE, _rate, 90)]
