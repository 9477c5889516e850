"""Money: amounts of a currency (33億5,600万元, 3,000万米ドル, RMB3.4 Billion)."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.amounts import number_candidate, unit_rows
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.extract.numerals import Number, parse_numeral
from pipeline.patterns import cues
from pipeline.patterns.fragments import (
    CURRENCY_MINOR,
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    ENGLISH_SCALE,
    MINOR_PART,
    NUM,
    alternation,
)
from schemas.vocab import Bound, Kind

PRIORITY = 60

_PREFIXED = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{CURRENCY_PREFIX})\s?(?P<num>{NUM})"
    rf"(?:\s?(?P<scale>(?i:{ENGLISH_SCALE})))?(?![A-Za-z\d]|[.,]\d)"
)
#: "1.2 billion USD": an English scale word, then a currency code
_CODE_AFTER = re.compile(
    rf"(?P<num>{NUM})\s?(?P<scale>(?i:{ENGLISH_SCALE}))\s(?P<code>{alternation(cues.CURRENCY_CODES_AFTER)})(?![A-Za-z])"
)


_MAJOR_UNITS = alternation(major for major, _ in cues.CURRENCY_MINOR_UNITS.values())
_WITH_MINOR = re.compile(rf"(?P<num>{NUM})\s?(?P<major>{_MAJOR_UNITS})\s?{MINOR_PART}")


def with_minor(number: Number, major: str, m: re.Match[str]) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest amount of "151円20銭" or "151円20~22銭" in major units; None
    when the minor unit does not divide that major unit or the range runs backwards."""
    divides, worth = cues.CURRENCY_MINOR_UNITS[m.group("minor_unit")]
    if divides != major:
        return None
    low = number.value + int(m.group("minor")) * Decimal(worth)
    high = number.value + int(m.group("minor2") or m.group("minor")) * Decimal(worth)
    return (low, high) if low <= high else None


def _major_minor(m: re.Match[str], ctx: Context) -> Candidate | None:
    number = parse_numeral(m.group("num"))
    amounts = with_minor(number, m.group("major"), m) if number else None
    if amounts is None:
        return None
    low, high = amounts
    ranged = m.group("minor2") is not None
    return Candidate(
        start=m.start(),
        end=m.end(),
        kind=Kind.MONEY,
        rule="money.minor.range.v1" if ranged else "money.minor.v1",
        numeral_start=m.start("num"),
        value=None if ranged else low,
        value_low=low,
        value_high=high,
        bound=Bound.RANGE if ranged else Bound.EQ,
        unit=cues.CURRENCY_SUFFIXES[m.group("major")],
        precision=Decimal(cues.CURRENCY_MINOR_UNITS[m.group("minor_unit")][1]),
    )


def _prefixed(m: re.Match[str], ctx: Context) -> Candidate | None:
    scale = cues.ENGLISH_SCALES[m.group("scale").lower()] if m.group("scale") else 1
    cand = number_candidate(
        m,
        Kind.MONEY,
        "money.prefix.v1",
        cues.CURRENCY_PREFIXES[m.group("cur")],
        scale=scale,
        latin_unit=True,
    )
    return cand


def _code_after(m: re.Match[str], ctx: Context) -> Candidate | None:
    return number_candidate(
        m,
        Kind.MONEY,
        "money.code_after.v1",
        cues.CURRENCY_CODES_AFTER[m.group("code")],
        scale=cues.ENGLISH_SCALES[m.group("scale").lower()],
        latin_unit=True,
    )


PATTERNS: list[Pattern] = [
    *unit_rows("money", Kind.MONEY, CURRENCY_SUFFIX, cues.CURRENCY_SUFFIXES, priority=PRIORITY),
    # a minor unit alone: "45銭の円高" is 0.45 円
    *unit_rows(
        "money.minor_only",
        Kind.MONEY,
        CURRENCY_MINOR,
        lambda written: cues.CURRENCY_SUFFIXES[cues.CURRENCY_MINOR_UNITS[written][0]],
        scale_of=lambda written: Decimal(cues.CURRENCY_MINOR_UNITS[written][1]),
        priority=PRIORITY,
    ),
    Pattern("money.minor.v1", _WITH_MINOR, _major_minor, PRIORITY),
    Pattern("money.prefix.v1", _PREFIXED, _prefixed, PRIORITY),
    Pattern("money.code_after.v1", _CODE_AFTER, _code_after, PRIORITY),
]
