"""Japanese numerals to exact decimals, with the precision they were written to.

Handles arabic with thousands separators and decimals, kanji (三十万, 一億二千万),
positional kanji (二〇二〇), and mixtures (33億5,600万, 1億3,000万, 2万5,000).
``Decimal`` keeps 4.39億 exactly 439,000,000; the precision (one unit of the last
written digit) is what the cross-checks' rounding intervals are built from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from pipeline.patterns import cues

_PIECE = re.compile(
    r"(?P<arabic>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"|(?P<kanji>[" + "".join(cues.KANJI_DIGITS) + r"]+)"
    r"|(?P<small>[" + "".join(cues.SMALL_SCALES) + r"])"
    r"|(?P<big>[" + "".join(cues.SCALE_WORDS) + r"])"
)


@dataclass(frozen=True)
class Number:
    value: Decimal
    precision: Decimal
    kanji_only: bool


def _literal(piece: str, kind: str) -> tuple[Decimal, Decimal]:
    if kind == "arabic":
        digits = piece.replace(",", "")
        decimals = len(digits.partition(".")[2])
        return Decimal(digits), Decimal(1).scaleb(-decimals)
    if len(piece) == 1:
        return Decimal(cues.KANJI_DIGITS[piece]), Decimal(1)
    return Decimal("".join(str(cues.KANJI_DIGITS[c]) for c in piece)), Decimal(1)


@lru_cache(maxsize=65536)
def parse_numeral(text: str) -> Number | None:
    """Value of a numeral, or None when the pieces do not form one number."""
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    precision = Decimal(1)
    last_big = None
    kanji_only = True
    pos = 0
    for m in _PIECE.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        kind, piece = m.lastgroup, m.group()
        if kind in ("arabic", "kanji"):
            if current is not None:
                return None
            current, precision = _literal(piece, kind)
            kanji_only = kanji_only and kind == "kanji"
        elif kind == "small":
            scale = cues.SMALL_SCALES[piece]
            section += (current if current is not None else Decimal(1)) * scale
            precision = precision * scale if current is not None else Decimal(scale)
            current = None
        else:
            scale = cues.SCALE_WORDS[piece]
            if last_big is not None and scale >= last_big:
                return None
            last_big = scale
            if current is not None:
                section += current
            if section == 0:
                return None
            total += section * scale
            precision *= scale
            section, current = Decimal(0), None
    if pos != len(text) or pos == 0:
        return None
    value = total + section + (current if current is not None else Decimal(0))
    return Number(value=value, precision=precision, kanji_only=kanji_only)
