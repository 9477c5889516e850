"""Counts: a number with a counter (マスク100万枚, 54カ国), or before a noun (120の国)."""

from __future__ import annotations

import re

from pipeline.extract.amounts import number_candidate, unit_rows
from pipeline.extract.candidate import Candidate, Context, Pattern
from pipeline.patterns import cues
from pipeline.patterns.fragments import COUNTER, NUM, SUFFIX_MODIFIER
from schemas.vocab import Kind

#: part-of-speech prefixes of a token that can be what a bare number counts
_NOUN_POS = ("名詞-普通名詞", "名詞-固有名詞")
#: NOTE: nouns that follow numbers without being counted (2020の時, 3のうち)
_FUNCTION_NOUNS = frozenset(
    {
        "うち",
        "中",
        "間",
        "時",
        "後",
        "前",
        "ため",
        "こと",
        "もの",
        "ほか",
        "他",
        "際",
        "頃",
        "場合",
        "方",
        "通り",
        "よう",
        "年",
        "月",
        "日",
    }
)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")

_BARE = re.compile(rf"(?P<num>{NUM})(?P<mod>{SUFFIX_MODIFIER})?(?P<no>の)?")


def _noun_follows(ctx: Context, offset: int) -> bool:
    i = ctx.tokens.index_starting_at(offset)
    if i is None:
        return False
    surface, pos = ctx.tokens.surface(i), ctx.tokens.pos(i)
    return (
        pos.startswith(_NOUN_POS)
        and surface not in _FUNCTION_NOUNS
        and surface not in cues.NOT_COUNTERS
        and "助数詞" not in pos
    )


def _counter(written: str) -> str:
    return written


def _bare(m: re.Match[str], ctx: Context) -> Candidate | None:
    """A number counting the noun after it: 10の施策, 150+の国, 40を超える病院, 15万企業."""
    numeral = m.group("num")
    if _YEAR_LIKE.fullmatch(numeral) or "." in numeral:
        return None  # a year, or a decimal (マグニチュード7.6の地震): nothing counted
    has_scale = any(c in cues.SCALE_WORDS for c in numeral)
    if not (m.group("no") or m.group("mod") or has_scale):
        return None
    if not _noun_follows(ctx, m.end()):
        return None
    cand = number_candidate(m, Kind.COUNT, "count.bare.v1", None)
    return cand.with_(end=m.end("num")) if cand else None


PATTERNS: list[Pattern] = [
    *unit_rows("count", Kind.COUNT, COUNTER, _counter, priority=20),
    Pattern("count.bare.v1", _BARE, _bare, 10),
]
