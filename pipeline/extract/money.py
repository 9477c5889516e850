"""Money: amounts of a currency (33億5,600万元, 3,000万米ドル, RMB3.4 Billion)."""

from __future__ import annotations

import re

from pipeline.extract.amounts import number_candidate, unit_rows
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.patterns import cues
from pipeline.patterns.fragments import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    ENGLISH_SCALE,
    NUM,
    alternation,
)
from schemas.vocab import Kind

PRIORITY = 60

_PREFIXED = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{CURRENCY_PREFIX})\s?(?P<num>{NUM})"
    rf"(?:\s?(?P<scale>(?i:{ENGLISH_SCALE})))?(?![A-Za-z\d]|[.,]\d)"
)
#: "1.2 billion USD": an English scale word, then a currency code
_CODE_AFTER = re.compile(
    rf"(?P<num>{NUM})\s?(?P<scale>(?i:{ENGLISH_SCALE}))\s(?P<code>{alternation(cues.CURRENCY_CODES_AFTER)})(?![A-Za-z])"
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
    Pattern("money.prefix.v1", _PREFIXED, _prefixed, PRIORITY),
    Pattern("money.code_after.v1", _CODE_AFTER, _code_after, PRIORITY),
]
