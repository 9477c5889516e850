"""Named regex fragments, defined once and composed into every pattern row.

Fragments match the *normalised* text (NFKC: ASCII digits, ``%``, ``~``, ``=``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.patterns import cues


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation, so 米ドル wins over ドル and 日間 over 日."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


KANJI_DIGIT = "[" + "".join(cues.KANJI_DIGITS) + "]"
KANJI_NUMERAL = "[" + "".join(cues.KANJI_DIGITS) + "".join(cues.SMALL_SCALES) + "]"
SCALE = "[" + "".join(cues.SCALE_WORDS) + "]"
#: an arabic number: grouped thousands or plain digits, optional decimals
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
#: a whole numeral: arabic, kanji or mixed, with scale words ("33億5,600万", "一億二千万")
NUMERAL = rf"(?:{ARABIC}|{KANJI_NUMERAL})(?:{ARABIC}|{KANJI_NUMERAL}|{SCALE})*"
#: a numeral that never runs on into another number through a stray digit
NUM = rf"(?<![\d.,]){NUMERAL}(?![\d])"
RANGE_SYMBOL = r"(?:~|〜|-|–)"
RANGE_JOINER = rf"(?:{RANGE_SYMBOL}|から)"

CURRENCY_SUFFIX = alternation(cues.CURRENCY_SUFFIXES)
CURRENCY_PREFIX = alternation(cues.CURRENCY_PREFIXES)
CURRENCY_MINOR = alternation(cues.CURRENCY_MINOR_UNITS)
#: the minor-unit part after a major amount: "20銭" of 151円20銭, "20~22銭" of 151円20~22銭
MINOR_PART = (
    rf"(?P<minor>\d{{1,2}})(?:\s?{RANGE_JOINER}\s?(?P<minor2>\d{{1,2}}))?"
    rf"\s?(?P<minor_unit>{CURRENCY_MINOR})"
)
ENGLISH_SCALE = alternation(cues.ENGLISH_SCALES)
COUNTER = alternation(cues.COUNTERS)
PERCENT_UNIT = alternation(cues.PERCENT_UNITS)
QUANTITY_UNIT = alternation(cues.QUANTITY_UNITS)
DURATION_UNIT = alternation(cues.DURATION_UNITS)
SUFFIX_MODIFIER = alternation(cues.SUFFIX_MODIFIERS)
NOT_LATIN_AFTER = r"(?![A-Za-z])"

# --- date fragments --------------------------------------------------------
ERA = alternation(cues.ERAS)
RELATIVE_YEAR = alternation(cues.RELATIVE_YEARS)
RELATIVE_MONTH = alternation(cues.RELATIVE_MONTHS)
SMALL_NUM = rf"(?:\d{{1,2}}|{KANJI_NUMERAL}{{1,3}})"
YEAR = rf"(?:(?P<era>{ERA})(?P<era_year>元|{SMALL_NUM})|(?P<year>\d{{4}}|{KANJI_DIGIT}{{4}}))年"
MONTH = rf"(?P<month>{SMALL_NUM})月"
DAY = rf"(?P<day>{SMALL_NUM})日"
MONTH_PART = rf"(?P<month_part>{alternation(cues.MONTH_PARTS)})"
YEAR_PART = (
    rf"(?P<year_part>{alternation(cues.FISCAL_PARTS)}|{alternation(cues.YEAR_PARTS)}"
    rf"|{cues.FISCAL_YEAR})"
)
PERIOD_JOINER = alternation(cues.PERIOD_JOINERS)
#: a weekday in brackets after a date, (日), (水・祝), (月曜日): skipped inside a period
WEEKDAY = rf"(?:\s?\([{''.join(cues.WEEKDAYS)}](?:曜日?)?(?:・?祝)?\))"
