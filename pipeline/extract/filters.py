"""What is not a figure: identifiers, ranks, vague numbers, words that contain numerals.

The contract's "Not mentions" list as rules; ``tests/test_not_mentions.py`` lists
the phrases each rule must reject.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.extract.candidate import Candidate, Context
from pipeline.patterns import cues

#: URLs, e-mail addresses and markdown link targets: nothing inside them is a figure
MASKS = re.compile(
    r"https?://[^\s)>\]]+|www\.[^\s)>\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\s]*\)"
)
_KANJI_NUMERALS = frozenset(cues.KANJI_DIGITS) | frozenset(cues.SMALL_SCALES)
_NOT_PREFIXES = tuple(cues.NOT_MENTION_PREFIXES)


def masked_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "@" not in text and "](" not in text:
        return []
    return [(m.start(), m.end()) for m in MASKS.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a masked span (spans are in text order, disjoint)."""
    j = max(0, bisect_right(spans, (start, float("inf"))) - 1)
    while j < len(spans) and spans[j][0] < end:
        if start < spans[j][1]:
            return True
        j += 1
    return False


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _glued_to_identifier(text: str, cand: Candidate) -> bool:
    """COVID-19, N95, C2M, 20-30代, 3D: a number touching Latin letters or a hyphenated number."""
    before = text[cand.numeral_start - 1 : cand.numeral_start]
    if before.isascii() and before.isalpha() and not cand.rule.startswith("money.prefix"):
        return True
    if before == "-" and cand.numeral_start >= 2 and _ascii_alnum(text[cand.numeral_start - 2]):
        return True
    after = text[cand.end : cand.end + 1]
    return after.isascii() and after.isalpha() and not cand.latin_unit


_ORDINAL = re.compile(cues.ORDINAL_SUFFIX)


def _not_prefixed(text: str, cand: Candidate) -> bool:
    """Ordinals, ranks and unit declarations: 第3, No.1, 3度目, 単位:百万円, 億円単位."""
    window = text[max(0, cand.numeral_start - 5) : cand.numeral_start].rstrip(" ")
    vague = window.endswith(cues.VAGUE_NUMBER_PREFIXES) and (
        text[cand.numeral_start] in _KANJI_NUMERALS
    )
    return (
        vague
        or window.endswith(_NOT_PREFIXES)
        or text.startswith(cues.NOT_MENTION_SUFFIXES, cand.end)
        or _ORDINAL.match(text, cand.end) is not None
    )


def _token_aligned(ctx: Context, cand: Candidate) -> bool:
    """The numeral starts a numeral token and the unit ends a token (地元, 円滑, 百貨店, 二階)."""
    tokens = ctx.tokens
    i = tokens.index_starting_at(cand.numeral_start)
    if i is None:
        return False
    first = ctx.text[cand.numeral_start]
    is_numeral = first.isdigit() or first in _KANJI_NUMERALS
    if is_numeral and not tokens.is_numeral(i):
        return False
    if cand.latin_unit or tokens.index_ending_at(cand.end) is not None:
        return True
    # 120円高: MeCab reads 円高 as one word; the unit still ends where the figure does
    j = tokens.index_covering(cand.end - 1)
    return (
        j is not None
        and int(tokens.ends[j]) == cand.end + 1
        and (ctx.text[cand.end] in cues.UNIT_TOKEN_SUFFIXES)
    )


_CLOCK = re.compile(r"\d時\s?$")


def _time_of_day(text: str, cand: Candidate) -> bool:
    """10時30分 is a clock time, not thirty minutes."""
    return cand.unit == "min" and bool(_CLOCK.search(text, max(0, cand.start - 4), cand.start))


def _per_unit(text: str, cand: Candidate) -> bool:
    """1株当たり, 1人あたり: the unit a rate is given per, not one thing counted."""
    return cand.value == 1 and text.startswith(cues.PER_UNIT_AFTER, cand.end)


_FRACTION_AFTER = re.compile(r"の\s?[0-9０-９一二三四五六七八九十]")


def _fraction(text: str, cand: Candidate) -> bool:
    """3分の1, 4分の3: a fraction, not minutes."""
    return cand.unit == "min" and bool(_FRACTION_AFTER.match(text, cand.end))


def keep(cand: Candidate, ctx: Context, masks: list[tuple[int, int]]) -> bool:
    """True when a candidate is a figure in its own right."""
    return not (
        cand.lone_kanji_one
        or _per_unit(ctx.text, cand)
        or _inside(masks, cand.start, cand.end)
        or _glued_to_identifier(ctx.text, cand)
        or _not_prefixed(ctx.text, cand)
        or not _token_aligned(ctx, cand)
        or _time_of_day(ctx.text, cand)
        or _fraction(ctx.text, cand)
    )
